#!/usr/bin/env bash
# Quick start, step 2: the whole test suite — every sample validated against the JSON Schema, then swift test.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/validate-samples.py \
  Tests/RoundTripCoreTests/Fixtures/scenarios/*.yaml Tests/RoundTripCoreTests/Fixtures/routing/*.yaml Tests/RoundTripCoreTests/Fixtures/fidelity/*.yaml Tests/RoundTripCoreTests/Fixtures/policy/*.yaml \
  schema/tests/valid-minimal.yaml schema/tests/valid-second-set.yaml --expect-invalid schema/tests/invalid-unknown-field.yaml
swift build
python3 scripts/validate-outputs.py .build/debug/roundtrip
python3 scripts/update-readme.py --check
swift test
