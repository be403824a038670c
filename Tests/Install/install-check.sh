#!/bin/bash
# `make install` / `make uninstall` into a scratch DESTDIR: every file in place, the pages
# render and lint clean, the bash completion loads, and uninstall leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/../.."
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
make --no-print-directory -s install DESTDIR="$dest" PREFIX=/usr >/dev/null

name=$(basename Output/*.7 .7)
expected=(
  usr/bin/faqexport
  usr/share/man/man1/faqexport.1
  "usr/share/man/man7/$name.7"
  "usr/share/doc/faqexport/$name.txt"
  "usr/share/doc/faqexport/$name.epub"
  "usr/share/doc/faqexport/$name.xhtml"
  "usr/share/doc/faqexport/$name.json"
  "usr/share/doc/faqexport/$name.jsonld"
  usr/share/doc/faqexport/README.md
  usr/share/faqexport/faqexport.schema.json
  usr/share/bash-completion/completions/faqexport
  usr/share/zsh/vendor-completions/_faqexport
  usr/share/fish/vendor_completions.d/faqexport.fish
)
status=0
for f in "${expected[@]}"; do
  if [ -f "$dest/$f" ]; then echo "installed: /$f"; else echo "MISSING: /$f"; status=1; fi
done
extra=$(cd "$dest" && find . -type f | sed 's|^\./||' | sort | grep -vxF -f <(printf '%s\n' "${expected[@]}") || true)
[ -z "$extra" ] || { echo "unexpected files: $extra"; status=1; }

for page in "$dest/usr/share/man/man1/faqexport.1" "$dest/usr/share/man/man7/$name.7"; do
  out=$(mandoc -Tlint -W warning "$page" 2>&1) || true
  [ -z "$out" ] || { echo "mandoc -Tlint $page: $out"; status=1; }
  MANWIDTH=80 man -l "$page" 2>/dev/null | grep -q . || { echo "man -l cannot render $page"; status=1; }
  lexgrog "$page" >/dev/null || { echo "lexgrog cannot read the NAME line of $page"; status=1; }
done
groff -t -man -ww -z "$dest/usr/share/man/man1/faqexport.1" 2>&1 | grep . && { echo "groff warns on faqexport.1"; status=1; }
"$dest/usr/bin/faqexport" --version >/dev/null || { echo "installed binary does not run"; status=1; }
bash -c "source '$dest/usr/share/bash-completion/completions/faqexport' && complete -p faqexport" >/dev/null \
  || { echo "bash completion does not load"; status=1; }

make --no-print-directory -s uninstall DESTDIR="$dest" PREFIX=/usr >/dev/null
left=$(cd "$dest" && find . -type f)
[ -z "$left" ] || { echo "uninstall left: $left"; status=1; }
[ $status = 0 ] && echo "install check passed (${#expected[@]} files)"
exit $status
