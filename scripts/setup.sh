#!/usr/bin/env bash
# Quick start, step 1: install what RoundTrip needs on Debian, build it, and check the bundled seed-lab design.
# Exit code 0 when the check ran (the bundled design deliberately contains one asymmetric flow).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
if command -v apt-get >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    libgraphviz-dev pkg-config python3 python3-pip >/dev/null
fi
python3 -c "import jsonschema, yaml, xmlschema" 2>/dev/null || python3 -m pip install --quiet jsonschema pyyaml xmlschema
swift build --product roundtrip
echo
echo "$ roundtrip check    # the bundled seed-lab design (samples/seed-lab.yaml)"
status=0
.build/debug/roundtrip check || status=$?
# 1 means "findings": the bundled design shows the asymmetric public-LB case on purpose.
[ "$status" -le 1 ] || exit "$status"
echo
echo "Next: .build/debug/roundtrip trace samples/udr-public-lb-asymmetric.yaml --flow internet-to-nginx"
