#!/usr/bin/env python3
"""`make screenshots`: PNGs of the shipped FAQ (Output/) for the README, in docs/screenshots/.

- man-terminal.png: the man page as `man -l` prints it, shown in a dark terminal;
- page-phone-light.png, page-phone-dark.png: the XHTML page on a phone, light and dark;
- page-desktop-light.png, page-desktop-dark.png: the same at desktop width;
- epub-chapter.png: the EPUB's first chapter on a tablet-sized screen.

Headless Chromium draws everything (the man page through a small HTML rendering of the
terminal's text); pixels differ between machines, so nothing compares them.
"""
import html
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the tree
import browser  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
MAN_COLUMNS = 78
MAN_LINES = 44


def shipped(extension):
    found = sorted((ROOT / "Output").glob(f"*.{extension}"))
    if not found:
        sys.exit(f"no Output/*.{extension}: run 'make output'")
    return found[0]


def terminal_html(text, title):
    """The text `man` printed (bold and underline as overstrikes) as a dark terminal window."""
    spans = []
    chars = list(text)
    i = 0
    while i < len(chars):
        c = chars[i]
        if i + 2 < len(chars) and chars[i + 1] == "\b":
            # `c\bc` is bold, `_\bc` underlined: nroff's overstrikes.
            style = "b" if c == chars[i + 2] else "u"
            spans.append(f"<{style}>{html.escape(chars[i + 2])}</{style}>")
            i += 3
        else:
            spans.append(html.escape(c))
            i += 1
    body = "".join(spans).replace("</b><b>", "").replace("</u><u>", "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><title>{html.escape(title)}</title><style>
html {{ background: #2b2d31; }}
body {{ margin: 0; padding: 16px; font: 14px/1.35 "DejaVu Sans Mono", monospace; }}
.window {{ background: #16181c; color: #c9ccd1; border-radius: 8px; overflow: hidden; box-shadow: 0 4px 18px #0008; }}
.bar {{ background: #3a3d42; color: #d8dade; padding: 6px 12px; font: 13px sans-serif; }}
.bar i {{ display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px; vertical-align: -1px; }}
pre {{ margin: 0; padding: 10px 14px 14px; font: inherit; white-space: pre; }}
b {{ color: #ffffff; }} u {{ color: #8fd3c8; }}
.prompt {{ color: #8ec07c; }}
</style></head><body><div class="window"><div class="bar"><i style="background:#ff5f57"></i><i style="background:#febc2e"></i><i style="background:#28c840"></i> {html.escape(title)}</div>
<pre><span class="prompt">$</span> man {html.escape(title)}
{body}</pre></div></body></html>
"""


def man_text(page):
    env = dict(os.environ, MANWIDTH=str(MAN_COLUMNS), MAN_KEEP_FORMATTING="1", GROFF_NO_SGR="1", LC_ALL="C.UTF-8")
    run = subprocess.run(["man", "-l", str(page)], env=env, capture_output=True, text=True, check=True)
    return "\n".join(run.stdout.splitlines()[:MAN_LINES])


def shoot(driver, url, name, width, height, scheme="light", mobile=False, anchor=None):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    browser.emulate(driver, width, height, scheme, mobile)
    driver.get(url)
    browser.emulate(driver, width, height, scheme, mobile)
    if anchor:
        driver.execute_script("const e = document.getElementById(arguments[0]); if (e) window.scrollTo(0, e.offsetTop - 16);", anchor)
    else:
        driver.execute_script("window.scrollTo(0, 0);")
    path = OUT / name
    driver.save_screenshot(str(path))
    print(f"wrote {path.relative_to(ROOT)} ({width}x{height} {scheme})")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    man_page = next((p for p in sorted((ROOT / "Output").glob("*.[1-9]"))), None)
    if man_page is None:
        sys.exit("no Output/ man page: run 'make output'")
    page = shipped("xhtml").as_uri()
    epub = shipped("epub")
    # The question the dark shots open at: one with a list in its answer, else the first.
    anchor = os.environ.get("SCREENSHOT_ANCHOR", "why-not-simply-maintaining-eventlet")
    driver = browser.start()
    with tempfile.TemporaryDirectory() as scratch:
        terminal = Path(scratch) / "man.html"
        terminal.write_text(terminal_html(man_text(man_page), man_page.stem), encoding="utf-8")
        book = Path(scratch) / "book"
        with zipfile.ZipFile(epub) as z:
            z.extractall(book)
        try:
            shoot(driver, terminal.as_uri(), "man-terminal.png", 720, 720)
            shoot(driver, page, "page-phone-light.png", 360, 720, "light", mobile=True)
            shoot(driver, page, "page-phone-dark.png", 360, 720, "dark", mobile=True, anchor=anchor)
            shoot(driver, page, "page-desktop-light.png", 1280, 800, "light")
            shoot(driver, page, "page-desktop-dark.png", 1280, 800, "dark", anchor=anchor)
            shoot(driver, (book / "EPUB" / "chapter-001.xhtml").as_uri(), "epub-chapter.png", 600, 800)
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
