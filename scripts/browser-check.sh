#!/usr/bin/env bash
# Opens HTML reports in headless Chromium and checks that they render: the seed lab and a generated 20-spoke estate.
# Per report: every SVG is in the DOM, no id repeats, the summary table is there, nothing was blocked or failed to
# load, a screenshot comes out, and printing to PDF gives one page or more. With --screenshots DIR it also keeps
# the page screenshots and full-size topology screenshots of 20 and 100 spokes (the ones in docs/).
# Usage: scripts/browser-check.sh [--screenshots DIR]
set -uo pipefail
cd "$(dirname "$0")/.."
keep=""
[ "${1:-}" = "--screenshots" ] && keep="$2"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then echo "browser-check: no Chromium found (apt-get install chromium)"; exit 2; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product roundtrip >/dev/null || exit 2
bin=.build/debug/roundtrip
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions --enable-logging=stderr --v=0)
passed=0; failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi; }

# report NAME DESIGN: renders, loads and prints one report.
report() {
  local name=$1 design=$2 dir="$work/$1"
  "$bin" report $design --out "$dir" >/dev/null 2>"$work/$name.err"
  check "$name: the report was written, nothing on stderr" "[ -f '$dir/index.html' ] && [ ! -s '$work/$name.err' ]"
  local svgfiles; svgfiles=$(ls "$dir" | grep -c '^topology.svg$\|^spoke-')
  local flows; flows=$("$bin" check $design --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["flows"]))')
  "$browser" "${flags[@]}" --dump-dom "file://$dir/index.html" > "$work/$name.dom" 2> "$work/$name.dom.log"
  "$browser" "${flags[@]}" --window-size=1440,2400 --screenshot="$work/$name.png" "file://$dir/index.html" > /dev/null 2> "$work/$name.shot.log"
  "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/$name.pdf" "file://$dir/index.html" > /dev/null 2> "$work/$name.pdf.log"
  local svgs; svgs=$(grep -o '<svg' "$work/$name.dom" | wc -l)
  check "$name: every diagram is in the rendered DOM ($svgs of $((flows + svgfiles)))" "[ $svgs -eq $((flows + svgfiles)) ]"
  local dups; dups=$(grep -o ' id="[^"]*"' "$work/$name.dom" | sort | uniq -d | head -3 | tr '\n' ' ')
  check "$name: no id repeats ${dups}" "[ -z '$dups' ]"
  check "$name: the summary table rendered" "grep -q 'id=\"summary-table\"' '$work/$name.dom'"
  check "$name: no console errors or failed loads" "! grep -E 'CONSOLE|Uncaught|net::ERR|Failed to load' '$work/$name.dom.log' '$work/$name.shot.log'"
  check "$name: a screenshot was produced" "[ -s '$work/$name.png' ]"
  local pages; pages=$( (grep -ao '/Type */Pages*' "$work/$name.pdf" 2>/dev/null || true) | grep -c 'Page$')
  check "$name: printing gives a PDF ($pages pages)" "[ $pages -ge 1 ]"
  if [ -n "$keep" ]; then cp "$work/$name.png" "$keep/report-$name.png"; fi
}

report seed-lab ""
"$bin" generate hub-spoke --spokes 20 --seed 1 -o "$work/e20.yaml"
report hub-spoke-20 "$work/e20.yaml"
if [ -n "$keep" ]; then
  "$bin" generate hub-spoke --spokes 100 --seed 1 -o "$work/e100.yaml"
  "$bin" report "$work/e100.yaml" --out "$work/hub-spoke-100" >/dev/null
  for n in 20 100; do
    svg="$work/hub-spoke-$n/topology.svg"
    w=$(grep -o '<svg width="[0-9.]*pt' "$svg" | grep -o '[0-9.]*' | cut -d. -f1)
    h=$(grep -o 'height="[0-9.]*pt' "$svg" | head -1 | grep -o '[0-9.]*' | cut -d. -f1)
    "$browser" "${flags[@]}" --window-size=$((w * 4 / 3)),$((h * 4 / 3)) --screenshot="$keep/topology-$n.png" "file://$svg" >/dev/null 2>&1
  done
fi
echo "browser-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
