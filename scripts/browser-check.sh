#!/usr/bin/env bash
# Opens the HTML report of the bundled design in headless Chromium and checks that it renders: every SVG is in
# the DOM, the summary table is there, nothing was blocked or failed to load, and a screenshot comes out.
# Usage: scripts/browser-check.sh [--screenshot FILE]
set -uo pipefail
cd "$(dirname "$0")/.."
screenshot=""
[ "${1:-}" = "--screenshot" ] && screenshot="$2"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then echo "browser-check: no Chromium found (apt-get install chromium)"; exit 2; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product roundtrip >/dev/null || exit 2
.build/debug/roundtrip report --out "$work/report" 2>/dev/null
[ -f "$work/report/index.html" ] || { echo "browser-check: the report was not written"; exit 1; }
flows=$(.build/debug/roundtrip check --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["flows"]))')
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions --enable-logging=stderr --v=0)
"$browser" "${flags[@]}" --dump-dom "file://$work/report/index.html" > "$work/dom.html" 2> "$work/dom.log"
"$browser" "${flags[@]}" --window-size=1400,2400 --screenshot="$work/page.png" "file://$work/report/index.html" > /dev/null 2> "$work/shot.log"
passed=0; failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi; }
svgs=$(grep -o '<svg' "$work/dom.html" | wc -l)
check "every diagram is in the rendered DOM ($svgs of $((flows + 1)))" "[ $svgs -eq $((flows + 1)) ]"
check "the summary table rendered" "grep -q 'id=\"summary\"' '$work/dom.html' && grep -q '<table class=\"summary\"' '$work/dom.html'"
check "no console errors or failed loads" "! grep -E 'CONSOLE|Uncaught|net::ERR|Failed to load' '$work/dom.log' '$work/shot.log'"
check "a screenshot was produced" "[ -s '$work/page.png' ]"
if [ -n "$screenshot" ] && [ -s "$work/page.png" ]; then cp "$work/page.png" "$screenshot"; fi
echo "browser-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
