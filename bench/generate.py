#!/usr/bin/env python3
"""Deterministic generator of large FAQs for `make bench`.

usage: generate.py ENTRIES [SECTIONS] > faq.md

The same arguments always give the same bytes (a fixed linear congruential generator,
no `random` seeding surprises across Python versions). Every entry mixes the node kinds a
real FAQ has: paragraphs with emphasis, code and links, nested lists, a code block, a table
every few entries, a block quote, non-ASCII text (accents, CJK, emoji).
"""
import sys

WORDS = ("eventlet asyncio thread migration service worker queue timeout socket patch module "
         "library runtime scheduler callback future loop driver network storage compute "
         "upgrade release branch review gate test").split()
NON_ASCII = ["naïve café", "Straße", "日本語のテキスト", "中文内容", "한국어", "emoji 🎉", "Ελληνικά", "façade"]


class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2**31
        return self.state % n


def sentence(rng, words=12):
    words = max(words, 8)
    out = [WORDS[rng.next(len(WORDS))] for _ in range(words)]
    out[0] = out[0].capitalize()
    kind = rng.next(6)
    if kind == 0:
        out[3] = f"*{out[3]}*"
    elif kind == 1:
        out[4] = f"**{out[4]}**"
    elif kind == 2:
        out[5] = f"`{out[5]}()`"
    elif kind == 3:
        out[6] = f"[{out[6]}](https://example.org/{out[6]}/{rng.next(1000)})"
    elif kind == 4:
        out[2] = NON_ASCII[rng.next(len(NON_ASCII))]
    return " ".join(out) + "."


def entry(rng, n, out, slugs):
    word = WORDS[rng.next(len(WORDS))]
    out.append(f"### How does {word} number {n} work?\n")
    slugs.append(f"how-does-{word}-number-{n}-work")  # the id the heading gets
    out.append(" ".join(sentence(rng) for _ in range(3)) + "\n")
    out.append("".join(f"- {sentence(rng, 8)}\n" + (f"  - {sentence(rng, 5)}\n" if i == 1 else "") for i in range(3)))
    if n % 3 == 0:
        out.append(f"```python\ndef handler_{n}(request):\n    return process(request, timeout={n % 60})\n```\n")
    if n % 5 == 0:
        out.append("| Option | Default | Meaning |\n|:--|:-:|--:|\n"
                   + "".join(f"| `opt_{n}_{i}` | {i * 10} | {sentence(rng, 4)} |\n" for i in range(3)))
    if n % 7 == 0:
        out.append(f"> {sentence(rng)}\n")
    # A link to the previous question (the first links to itself): real ids, so the anchor
    # check in the run finds every target.
    out.append(f"See also [question {max(1, n - 1)}](#{slugs[max(0, n - 2)]}) and <https://docs.example.org/{n}>.\n")


def main():
    entries = int(sys.argv[1])
    sections = int(sys.argv[2]) if len(sys.argv) > 2 else max(1, entries // 100)
    rng = LCG(20261122)
    out = [f"---\ntitle: Generated FAQ ({entries} entries)\ndescription: A large generated FAQ for benchmarks.\n"
           f"man_name: generated-faq-{entries}\ndate: 2026-01-01\n---\n\n# Generated FAQ ({entries} entries)\n"]
    per_section = entries // sections
    n = 0
    slugs = []
    for s in range(sections):
        out.append(f"## Section {s + 1}: {WORDS[s % len(WORDS)]}\n")
        count = per_section + (1 if s < entries % sections else 0)
        for _ in range(count):
            n += 1
            entry(rng, n, out, slugs)
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
