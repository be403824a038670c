#!/usr/bin/env python3
"""Opens faqexport's pages in headless Chromium and fails on what a reader would hit.

Pages: every XHTML golden (Tests/FAQEmittersTests/Golden/**/*.xhtml, which includes the
content documents of the unzipped EPUB goldens), Output/'s XHTML page and every content
document of Output/'s EPUB; or the files, directories and .epub books given as arguments.

Each page is opened once and checked at a phone and a desktop width, in the light and the
dark colour scheme, for:
- axe-core violations (WCAG 2.0/2.1 A and AA rules plus axe's best practices), with each
  axe-core build installed: axe-selenium-python's and axe-playwright-python's newer one;
- horizontal scrolling (the document wider than the window);
- `#id` links whose target id is not in the document they point to (in a book,
  `chapter-002.xhtml#id` is checked against that chapter, and a link must stay in the book).

First, a page broken on purpose (broken.xhtml) must fail each check: a harness that cannot
fail proves nothing. One browser session serves every page. Exit status 0 when every page
passes, 1 otherwise.
"""
import argparse
import importlib.util
import json
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the tree
import browser  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WIDTHS = (360, 1280)
HEIGHT = 800
SCHEMES = ("light", "dark")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
NS = {"opf": "http://www.idpf.org/2007/opf", "c": "urn:oasis:names:tc:opendocument:xmlns:container"}
# What broken.xhtml must be found guilty of.
BROKEN = HERE / "broken.xhtml"
BROKEN_RULES = {"landmark-one-main", "region", "color-contrast", "horizontal-scroll", "dead-link"}

# The elements sticking out past the right edge, outermost culprits' innermost parts, to
# name the cause of a sideways scroll.
OVERFLOW_JS = """
const w = window.innerWidth;
const out = [];
for (const e of document.body ? document.body.querySelectorAll('*') : []) {
  const r = e.getBoundingClientRect();
  if (r.right <= w + 0.5 || r.width == 0) continue;
  let clipped = false;
  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') { clipped = true; break; }
  }
  if (!clipped) out.push(e);
}
const leaves = out.filter(e => !out.some(o => o !== e && e.contains(o)));
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: w,
        culprits: leaves.slice(0, 3).map(e => '<' + e.tagName.toLowerCase() + '> ' +
          (e.textContent || '').trim().slice(0, 50))};
"""

# Every id, and every link with a fragment (resolved against the page).
LINKS_JS = """
const links = [];
for (const a of document.querySelectorAll('a[href]')) {
  const raw = a.getAttribute('href');
  if (raw.includes('#')) links.push({raw: raw, resolved: a.href, text: (a.textContent || '').trim().slice(0, 50)});
}
return {ids: Array.from(document.querySelectorAll('[id]'), e => e.id), links: links};
"""


class Page:
    def __init__(self, path, book=None, shown=None):
        self.path = path          # the file opened
        self.book = book          # the unzipped book's root, for a content document
        self.shown = shown or display(path)
        self.problems = []
        self.ids = set()
        self.links = []


def display(path):
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def axe_engines():
    """[(name, source)] of every installed axe-core build."""
    found = []
    for package, relative in (("axe_selenium_python", "node_modules/axe-core/axe.min.js"),
                              ("axe_playwright_python", "axe.min.js")):
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        path = Path(list(spec.submodule_search_locations)[0]) / relative
        if path.is_file():
            found.append((package, path.read_text(encoding="utf-8")))
    return found


def book_documents(root):
    """The content documents (nav included) of an unzipped EPUB, in manifest order."""
    rootfile = ET.parse(root / "META-INF" / "container.xml").find(".//c:rootfile", NS).get("full-path")
    opf = root / rootfile
    return [(opf.parent / urllib.parse.unquote(item.get("href"))).resolve()
            for item in ET.parse(opf).findall(".//opf:manifest/opf:item", NS)
            if item.get("media-type") == "application/xhtml+xml"]


def collect(arguments, scratch):
    """The pages to check: the arguments', else the goldens and Output/."""
    pages = []

    def add_book(root, name):
        root = root.resolve()
        pages.extend(Page(doc, root, f"{name}!{doc.relative_to(root)}") for doc in book_documents(root))

    def add_epub(path):
        target = Path(tempfile.mkdtemp(dir=scratch))
        with zipfile.ZipFile(path) as z:
            z.extractall(target)
        add_book(target, display(path.resolve()))

    def add_dir(directory):
        books = [c.parent.parent.resolve() for c in sorted(directory.rglob("META-INF/container.xml"))]
        for root in books:
            add_book(root, display(root))
        for item in sorted(directory.rglob("*.xhtml")):
            if not any(root in item.resolve().parents for root in books):
                pages.append(Page(item.resolve()))
        for item in sorted(directory.rglob("*.epub")):
            add_epub(item)

    if not arguments:
        add_dir(ROOT / "Tests" / "FAQEmittersTests" / "Golden")
        output = ROOT / "Output"
        pages.extend(Page(p.resolve()) for p in sorted(output.glob("*.xhtml")))
        for item in sorted(output.glob("*.epub")):
            add_epub(item)
        return pages
    for argument in map(Path, arguments):
        if argument.is_dir():
            add_dir(argument)
        elif argument.suffix == ".epub":
            add_epub(argument)
        else:
            pages.append(Page(argument.resolve()))
    return pages


def run_axe(driver):
    # An older axe-core knows no WCAG 2.1 tag.
    known = driver.execute_script("return [...new Set(axe.getRules().flatMap(r => r.tags))];")
    options = json.dumps({"runOnly": {"type": "tag", "values": [t for t in AXE_TAGS if t in known]},
                          "resultTypes": ["violations"]})
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {options}).then(r => done(r.violations), e => done({{error: String(e)}}));")
    if isinstance(result, dict):
        raise RuntimeError(f"axe-core failed: {result['error']}")
    return result


def check_page(driver, page, engines, versions):
    """Opens `page` and records its problems as (rule, text); collects its ids and links."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    driver.get(page.path.as_uri())
    found = driver.execute_script(LINKS_JS)
    page.ids, page.links = set(found["ids"]), found["links"]
    for index, (_, source) in enumerate(engines):
        driver.execute_script(source)  # a second engine replaces the first's `axe`
        version = driver.execute_script("return axe.version;")
        versions.add(version)
        for width in WIDTHS:
            for scheme in SCHEMES:
                browser.emulate(driver, width, HEIGHT, scheme)
                where = f"{width}px {scheme}"
                if index == 0:
                    overflow = driver.execute_script(OVERFLOW_JS)
                    if overflow["scrollWidth"] > overflow["innerWidth"]:
                        page.problems.append(("horizontal-scroll", f"{where}: scrolls sideways, {overflow['scrollWidth']}px wide: "
                                              + "; ".join(overflow["culprits"])))
                for v in run_axe(driver):
                    targets = " | ".join(", ".join(map(str, n.get("target", []))) for n in v["nodes"][:3])
                    page.problems.append((v["id"], f"{where}: axe-core {version} {v['id']} ({v.get('impact')}, "
                                          f"{len(v['nodes'])} element(s)): {v['help']}: {targets}"))


def check_links(pages):
    """Every `#id` link against the document it points to (all pages have been opened)."""
    by_path = {page.path: page for page in pages}
    for page in pages:
        base = page.path.as_uri()
        for link in page.links:
            target, _, fragment = link["resolved"].partition("#")
            if not fragment or not target.startswith("file:"):
                continue
            document = page if target == base else by_path.get(Path(urllib.parse.unquote(urllib.parse.urlparse(target).path)))
            if document is None:
                # A page's link into the rest of its site is not ours to check; a book's must stay in the book.
                if page.book is not None:
                    page.problems.append(("dead-link", f"link {link['raw']!r} ({link['text']!r}) leaves the book"))
                continue
            fragment = urllib.parse.unquote(fragment)
            if fragment not in document.ids:
                page.problems.append(("dead-link", f"link {link['raw']!r} ({link['text']!r}): no id {fragment!r} in {document.path.name}"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="XHTML files, directories or .epub books (default: the goldens and Output/)")
    args = parser.parse_args()
    engines = axe_engines()
    if not engines:
        sys.exit("no axe-core found: run 'make test-deps' (PyPI axe-selenium-python)")
    started = time.monotonic()
    versions = set()
    with tempfile.TemporaryDirectory() as scratch:
        pages = collect(args.paths, Path(scratch))
        if not pages:
            sys.exit("no pages to check")
        broken = Page(BROKEN)
        driver = browser.start(WIDTHS[-1], HEIGHT)
        try:
            check_page(driver, broken, engines, versions)
            for page in pages:
                check_page(driver, page, engines, versions)
        finally:
            driver.quit()
        check_links([broken])
        check_links(pages)
    elapsed = time.monotonic() - started

    missed = BROKEN_RULES - {rule for rule, _ in broken.problems}
    if missed:
        print(f"FAIL the harness itself: {display(BROKEN)} must fail {', '.join(sorted(missed))} but did not")
    failed = [page for page in pages if page.problems]
    for page in pages:
        if page.problems:
            print(f"FAIL {page.shown}")
            for _, text in page.problems:
                print(f"     {text}")
        else:
            print(f"ok   {page.shown} ({len(page.links)} #link(s) resolve)")
    rules = {}
    for page in failed:
        for rule, _ in page.problems:
            rules[rule] = rules.get(rule, 0) + 1
    print(f"\n{len(pages)} page(s) at {' and '.join(f'{w}px' for w in WIDTHS)}, light and dark, "
          f"axe-core {' and '.join(sorted(versions))}: {len(pages) - len(failed)} passed, {len(failed)} failed ({elapsed:.1f} s)")
    for rule, count in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {rule}: {count} finding(s)")
    return 1 if failed or missed else 0


if __name__ == "__main__":
    sys.exit(main())
