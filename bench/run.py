#!/usr/bin/env python3
"""`make bench`: faqexport against cmark-gfm and pandoc, in one run, on the same inputs.

usage: run.py FAQEXPORT_BINARY [SIZES…]   (sizes in entries; default 1000 10000 100000)

For every generated input it measures, with /usr/bin/time (wall seconds and peak RSS),
the median of several runs of: faqexport writing every format from one invocation,
faqexport per format, `cmark-gfm --to man` and `--to html`, and pandoc (gfm → man, epub3,
plain, json) when installed. It prints a table and writes bench/results.md.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
CMARK_EXT = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist"]


def measure(argv, runs, stdout_path=os.devnull):
    """Median wall time (s) and median peak RSS (MiB) over `runs` runs."""
    walls, rss = [], []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r") as stats, open(stdout_path, "wb") as out:
            result = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", stats.name] + argv,
                                    stdout=out, stderr=subprocess.DEVNULL, env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
            if result.returncode != 0:
                return None
            wall, kb = stats.read().split()[-2:]
            walls.append(float(wall))
            rss.append(int(kb) / 1024)
    return statistics.median(walls), statistics.median(rss)


def wall_median(argv, runs):
    """Median wall time (s) measured in-process: small inputs need ms resolution."""
    import time
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def shipped(binary):
    """The shipped FAQ (Sources-content/) in every format, process start included, against
    pandoc's man page alone and cmark-gfm's."""
    source = os.path.join(HERE, "..", "Sources-content", "eventlet-removal-faq.md")
    outdir = os.path.join(WORK, "out-shipped")
    os.makedirs(outdir, exist_ok=True)
    result = {"faqexport: all 6 formats": wall_median([binary, "-q", "--output-dir", outdir, source], 21),
              "cmark-gfm --to man": wall_median(["cmark-gfm"] + CMARK_EXT + ["--to", "man", source], 21)}
    if shutil.which("pandoc"):
        result["pandoc -t man"] = wall_median(["pandoc", "-f", "gfm", "-t", "man", "-s", "-o", os.path.join(outdir, "pandoc.7"), source], 9)
    print("\n== shipped FAQ (Sources-content/eventlet-removal-faq.md)")
    for name, t in result.items():
        print(f"  {name:40} {t * 1000:8.1f} ms")
    return result


def main():
    binary = os.path.abspath(sys.argv[1])
    sizes = [int(s) for s in sys.argv[2:]] or [1000, 10000, 100000]
    os.makedirs(WORK, exist_ok=True)
    have_pandoc = shutil.which("pandoc") is not None
    small = shipped(binary)
    markup = markups(binary) if have_pandoc else {}
    rows = []
    for size in sizes:
        source = os.path.join(WORK, f"faq-{size}.md")
        with open(source, "w") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(size)], stdout=f, check=True)
        mb = os.path.getsize(source) / 1e6
        runs = 5 if size <= 10000 else 3
        outdir = os.path.join(WORK, f"out-{size}")
        os.makedirs(outdir, exist_ok=True)
        results = {}
        results["faqexport: all 6 formats, one run"] = measure([binary, "-q", "--output-dir", outdir, source], runs)
        for fmt in ["man", "xhtml", "epub", "text", "json", "jsonld"]:
            results[f"faqexport --format {fmt}"] = measure([binary, "-q", "-f", fmt, "-o", os.path.join(outdir, "one." + fmt), source], runs)
        results["cmark-gfm --to man"] = measure(["cmark-gfm"] + CMARK_EXT + ["--to", "man", source], runs)
        results["cmark-gfm --to html"] = measure(["cmark-gfm"] + CMARK_EXT + ["--to", "html", source], runs)
        if have_pandoc and size <= 10000:
            pruns = 3 if size <= 1000 else 1
            total_wall, peak = 0.0, 0.0
            for fmt, ext in [("man", "7"), ("epub3", "epub"), ("plain", "txt"), ("json", "json")]:
                r = measure(["pandoc", "-f", "gfm", "-t", fmt, "-s", "-o", os.path.join(outdir, "pandoc." + ext), source], pruns)
                results[f"pandoc -t {fmt}"] = r
                if r:
                    total_wall += r[0]
                    peak = max(peak, r[1])
            results["pandoc man+epub3+plain+json"] = (total_wall, peak)
        rows.append((size, mb, results))
        print_table(rows[-1:])
    write_markdown(rows, have_pandoc, small, markup)


def markups(binary, size=1000):
    """The same generated FAQ as reStructuredText and DocBook (converted by pandoc), read by
    faqexport (docutils included for RST) and by pandoc, both writing a man page."""
    source = os.path.join(WORK, f"faq-{size}.md")
    if not os.path.exists(source):
        with open(source, "w") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(size)], stdout=f, check=True)
    outdir = os.path.join(WORK, f"out-markup-{size}")
    os.makedirs(outdir, exist_ok=True)
    result = {}
    for name, writer, ext in [("RST", "rst", "rst"), ("DocBook", "docbook5", "dbk")]:
        path = os.path.join(WORK, f"faq-{size}.{ext}")
        subprocess.run(["pandoc", "-f", "gfm", "-t", writer, "-s", "-o", path, source], check=True)
        reader = "docbook" if ext == "dbk" else "rst"
        result[f"{name}: faqexport, all 6 formats"] = measure([binary, "-q", "--output-dir", outdir, path], 3)
        result[f"{name}: faqexport --format man"] = measure([binary, "-q", "-f", "man", "-o", os.path.join(outdir, "one.7"), path], 3)
        result[f"{name}: pandoc -f {reader} -t man"] = measure(["pandoc", "-f", reader, "-t", "man", "-s", "-o", os.path.join(outdir, "pandoc.7"), path], 3)
    print(f"\n== {size} entries as RST and DocBook")
    for name, r in result.items():
        print(f"  {name:40} " + (f"{r[0]:8.3f} s {r[1]:8.1f} MiB" if r else "failed"))
    return result


def ratio_lines(size, results):
    base = results.get("cmark-gfm --to man")
    allf = results.get("faqexport: all 6 formats, one run")
    lines = []
    if base and allf:
        lines.append(f"all formats / cmark-gfm man: time {allf[0] / base[0]:.2f}x, peak RSS {allf[1] / base[1]:.2f}x")
    pandoc = results.get("pandoc man+epub3+plain+json")
    if pandoc and allf:
        lines.append(f"pandoc (man+epub3+plain+json) / faqexport (all formats): {pandoc[0] / max(allf[0], 0.001):.0f}x")
    return lines


def print_table(rows):
    for size, mb, results in rows:
        print(f"\n== {size} entries ({mb:.1f} MB)")
        base = results.get("cmark-gfm --to man")
        for name, r in results.items():
            if r is None:
                print(f"  {name:40} failed")
                continue
            rel = f"{r[0] / base[0]:6.2f}x" if base else ""
            print(f"  {name:40} {r[0]:8.3f} s {rel} {r[1]:8.1f} MiB")
        for line in ratio_lines(size, results):
            print("  " + line)


def write_markdown(rows, have_pandoc, small, markup):
    out = ["# Benchmark results", "",
           "Written by `make bench` (bench/run.py). Medians of 5 runs (3 for 100,000 entries; pandoc 3 runs at 1,000 and 1 at 10,000,",
           "not run at 100,000). Wall time and peak RSS from /usr/bin/time; ratio = time / `cmark-gfm --to man` on the same input.", "",
           "## Shipped FAQ (process start included, median of 21 runs; pandoc 9)", "", "| Command | Wall (ms) |", "|---|--:|"]
    out += [f"| {name} | {t * 1000:.1f} |" for name, t in small.items()]
    if "pandoc -t man" in small:
        out += ["", f"- faqexport, all formats, takes {small['faqexport: all 6 formats'] / small['pandoc -t man']:.2f}x pandoc's man-only time"]
    out.append("")
    if markup:
        out += ["## 1,000 entries as reStructuredText and DocBook (converted from the Markdown by pandoc)", "",
                "faqexport's RST time includes docutils (a Python subprocess); pandoc reads both itself.", "",
                "| Command | Wall (s) | Peak RSS (MiB) |", "|---|--:|--:|"]
        out += [f"| {name} | {r[0]:.3f} | {r[1]:.1f} |" if r else f"| {name} | failed | |" for name, r in markup.items()]
        out.append("")
    for size, mb, results in rows:
        out += [f"## {size} entries ({mb:.1f} MB)", "", "| Command | Wall (s) | × cmark man | Peak RSS (MiB) |", "|---|--:|--:|--:|"]
        base = results.get("cmark-gfm --to man")
        for name, r in results.items():
            if r is None:
                out.append(f"| {name} | failed | | |")
            else:
                out.append(f"| {name} | {r[0]:.3f} | {r[0] / base[0]:.2f} | {r[1]:.1f} |")
        out += [""] + [f"- {line}" for line in ratio_lines(size, results)] + [""]
    if len(rows) >= 2:
        out.append("## Scaling")
        out.append("")
        for (s1, _, r1), (s2, _, r2) in zip(rows, rows[1:]):
            a, b = r1.get("faqexport: all 6 formats, one run"), r2.get("faqexport: all 6 formats, one run")
            if a and b:
                out.append(f"- {s1} → {s2} entries: time ×{b[0] / a[0]:.1f}, peak RSS ×{b[1] / a[1]:.1f}")
        out.append("")
    with open(os.path.join(HERE, "results.md"), "w") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
