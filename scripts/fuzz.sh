#!/usr/bin/env bash
# Coverage-guided fuzzing of every input reader (libFuzzer; see docs/fuzzing.md).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # default 60 seconds each, every target
#
# Builds the Fuzz package (-sanitize=fuzzer,address, release), copies the repository's fixtures into seed corpora
# under $FUZZ_WORK (default /tmp/roundtrip-fuzz; the corpora grow there between runs and are never committed), runs
# each target for SECONDS one after the other and prints a table: executions, exec/s, corpus size, crashes.
# Crash inputs land in $FUZZ_WORK/artifacts/<target>/. Builds take $FUZZ_LOCK (default /tmp/swift.lock) with flock
# when flock exists, so they never overlap another Swift build; the fuzzers run niced and outside the lock.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(fuzz-json fuzz-roundtrip fuzz-azure-json fuzz-arm fuzz-terraform)
SCRATCH="${FUZZ_SCRATCH:-$ROOT/.build-fuzz}"
WORK="${FUZZ_WORK:-/tmp/roundtrip-fuzz}"
LOCK="${FUZZ_LOCK-/tmp/swift.lock}"
MAX_LEN="${FUZZ_MAX_LEN:-65536}"
FIX="$ROOT/Tests/RoundTripImportTests/Fixtures"

lock=()
if [ -n "$LOCK" ] && command -v flock >/dev/null; then lock=(flock "$LOCK"); fi
"${lock[@]}" swift build -c release --package-path "$ROOT/Fuzz" --scratch-path "$SCRATCH" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
BIN="$SCRATCH/release"

# seeds TARGET: the fixture files that seed a target (every target also gets the invalid and fuzz-regression inputs).
seeds() {
  local extra=("$FIX/invalid" "$FIX/fuzz-regressions")
  case "$1" in
    fuzz-json) find "$FIX" "$ROOT/samples" -name '*.json' ;;
    fuzz-roundtrip) find "$ROOT/samples" "$FIX/valid" "$ROOT/Tests/RoundTripCoreTests/Fixtures" -name '*.yaml'
      find "$FIX" -name '*.overlay.yaml' ;;
    fuzz-azure-json) find "$FIX/azure-json" -name '*.json' ;;
    fuzz-arm) find "$FIX/arm" -name '*.json' ;;
    fuzz-terraform) find "$FIX/terraform" -name '*.json' ;;
  esac
  find "${extra[@]}" -type f 2>/dev/null || true
}

declare -A EXECS RATE CORPUS CRASHES STATUS
for target in "${TARGETS[@]}"; do
  corpus="$WORK/corpus/$target" seed="$WORK/seed/$target" artifacts="$WORK/artifacts/$target"
  rm -rf "$seed"
  mkdir -p "$corpus" "$seed" "$artifacts"
  seeds "$target" | while read -r f; do [ -f "$f" ] && cp "$f" "$seed/$(echo "$f" | md5sum | cut -c1-12)-$(basename "$f")"; done
  # The dictionary: the target's own plus every member name and YAML key in its seeds.
  dict="$WORK/$target.dict"
  {
    cat "$ROOT/Fuzz/Dictionaries/${target#fuzz-}.dict" 2>/dev/null || true
    cat "$seed"/* | grep -oE '"[A-Za-z_$@][A-Za-z0-9_.$@/-]{0,60}"' | sort -u | sed 's/\\/\\\\/g' || true
    cat "$seed"/* | grep -oE '^ *-? *[A-Za-z][A-Za-z0-9]*:' | sed -E 's/^ *-? *//; s/.*/"&"/' | sort -u || true
  } | grep -v '^#' | sort -u >"$dict"
  log="$WORK/$target.log"
  echo "== $target: ${SECONDS_EACH}s, seeds $(ls "$seed" | wc -l), corpus $(ls "$corpus" | wc -l)"
  set +e
  nice -n 10 "$BIN/$target" "$corpus" "$seed" -dict="$dict" -max_total_time="$SECONDS_EACH" -max_len="$MAX_LEN" \
    -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  EXECS[$target]=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  RATE[$target]=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  CORPUS[$target]=$(ls "$corpus" | wc -l)
  CRASHES[$target]=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  if [ $rc -eq 0 ]; then STATUS[$target]=clean; else STATUS[$target]="FAILED (exit $rc, see $log)"; fi
  tail -n 12 "$log" | grep -E '^(#|==|SUMMARY|stat::|Done)' || true
done

echo
printf '%-16s %12s %8s %8s %9s  %s\n' target executions exec/s corpus artifacts status
for target in "${TARGETS[@]}"; do
  printf '%-16s %12s %8s %8s %9s  %s\n' "$target" "${EXECS[$target]:-?}" "${RATE[$target]:-?}" "${CORPUS[$target]}" \
    "${CRASHES[$target]}" "${STATUS[$target]}"
done
for target in "${TARGETS[@]}"; do [ "${STATUS[$target]}" = clean ] || exit 1; done
