#!/bin/bash
# Every output in DIR through its real validator: man pages (mandoc -Tlint -W warning,
# groff -ww as lintian runs it), XHTML (xmllint), EPUB (epubcheck), JSON (the published
# schema). Prints each complaint; exits 1 when there is any. Used by MarkupInputTests and
# to check exports of real FAQs by hand: Tests/Validate/validate-outputs.sh out/
set -uo pipefail
dir=${1:?usage: validate-outputs.sh DIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
status=0
shopt -s nullglob
for page in "$dir"/*.[1-9]; do
  out=$(mandoc -Tlint -W warning "$page" 2>&1) || status=1
  [ -z "$out" ] || { echo "mandoc: $out"; status=1; }
  out=$(LC_ALL=C.UTF-8 groff -k -Tutf8 -t -man -ww -z "$page" 2>&1) || status=1
  [ -z "$out" ] || { echo "groff: $page: $out"; status=1; }
done
xhtml=("$dir"/*.xhtml)
if [ ${#xhtml[@]} -gt 0 ]; then
  out=$(xmllint --noout --nonet "${xhtml[@]}" 2>&1) || status=1
  [ -z "$out" ] || { echo "xmllint: $out"; status=1; }
fi
for book in "$dir"/*.epub; do
  out=$(java -jar /usr/share/java/epubcheck.jar "$book" 2>&1)
  grep -q "No errors or warnings detected" <<<"$out" || { echo "epubcheck: $book: $(grep -E 'ERROR|WARNING|FATAL' <<<"$out" | head -5)"; status=1; }
done
json=("$dir"/*.json)
if [ ${#json[@]} -gt 0 ]; then
  out=$(python3 - "$root/schema/faqexport.schema.json" "${json[@]}" <<'PY'
import json, sys, jsonschema
sys.setrecursionlimit(20000)
validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
for path in sys.argv[2:]:
    for error in validator.iter_errors(json.load(open(path))):
        print(path, "/".join(map(str, error.absolute_path)), error.message[:200])
PY
) || status=1
  [ -z "$out" ] || { echo "schema: $out"; status=1; }
fi
for ld in "$dir"/*.jsonld; do
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$ld" || { echo "jsonld: $ld does not parse"; status=1; }
done
exit $status
