#!/usr/bin/env python3
"""Validates RoundTrip's CI outputs: the SARIF of every sample (exhaustive) against the official SARIF 2.1.0
schema (../shared/schemas/sarif-schema-2.1.0.json), and the JUnit XML against schema/junit.xsd. Also checks that
the SARIF for the asymmetric seed sample points at the line of its 0.0.0.0/0 route.

Usage: scripts/validate-outputs.py [path/to/roundtrip]   (default .build/debug/roundtrip)
Prints one line per check and finishes with 'N passed, M failed'."""
import glob
import json
import os
import subprocess
import sys

import jsonschema
import xmlschema

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(root)
binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/roundtrip"
sarif_schema_path = os.path.join(root, "..", "shared", "schemas", "sarif-schema-2.1.0.json")
if not os.path.exists(sarif_schema_path):
    print(f"validate-outputs: the SARIF 2.1.0 schema is not at {sarif_schema_path}")
    sys.exit(2)
with open(sarif_schema_path, encoding="utf-8") as f:
    sarif_validator = jsonschema.Draft7Validator(json.load(f))
junit_schema = xmlschema.XMLSchema(os.path.join(root, "schema", "junit.xsd"))

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok  {name}")
    else:
        failed += 1
        print(f"FAILED  {name}: {detail}")


def run(args):
    result = subprocess.run([binary] + args, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout


designs = sorted(glob.glob("samples/*.yaml")) + ["samples/hub-spoke.yaml --assertions samples/policies/hub-spoke-policy.yaml"]
for design in designs:
    args = design.split()
    sarif = json.loads(run(["check"] + args + ["--exhaustive", "--format", "sarif"]))
    errors = sorted(sarif_validator.iter_errors(sarif), key=lambda e: list(e.path))
    check(f"SARIF 2.1.0  {design}", not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:3]))
    junit = run(["check"] + args + ["--exhaustive", "--format", "junit"])
    try:
        junit_schema.validate(junit)
        check(f"JUnit XML    {design}", True)
    except xmlschema.XMLSchemaException as error:
        check(f"JUnit XML    {design}", False, str(error).splitlines()[0])

# A verified fix with an artifactChanges insertion, and the SARIF of diff (new findings only), valid too.
fixed = json.loads(run(["check", "Tests/RoundTripCoreTests/Fixtures/scenarios/S2-no-host-route.yaml", "--format", "sarif"]))
errors = list(sarif_validator.iter_errors(fixed))
has_fix = any("fixes" in r for r in fixed["runs"][0]["results"])
check("SARIF 2.1.0  verified fix with artifactChanges", not errors and has_fix, "; ".join(e.message for e in errors[:3]) or "no fixes")
diff = json.loads(run(["diff", "samples/hub-spoke-one-sided-udr.yaml", "samples/hub-spoke.yaml", "--format", "sarif"]))
errors = list(sarif_validator.iter_errors(diff))
check("SARIF 2.1.0  diff", not errors, "; ".join(e.message for e in errors[:3]))

# The SARIF result for the asymmetric sample sits on the 0.0.0.0/0 route's line.
sarif = json.loads(run(["check", "samples/udr-public-lb-asymmetric.yaml", "--exhaustive", "--format", "sarif"]))
with open("samples/udr-public-lb-asymmetric.yaml", encoding="utf-8") as f:
    route_line = next(i for i, line in enumerate(f, 1) if "addressPrefix: 0.0.0.0/0" in line)
asymmetric = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "RT001"]
lines = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in asymmetric}
check("SARIF locates the asymmetry at the 0.0.0.0/0 route", bool(asymmetric) and lines == {route_line}, f"lines {lines}, route at {route_line}")

# A rejected design: SARIF results at the diagnostics' locations (exit 2), valid against the schema.
for bad in sorted(glob.glob("Tests/RoundTripImportTests/Fixtures/invalid/*")):
    result = subprocess.run([binary, "check", bad, "--strict", "--format", "sarif"], capture_output=True, text=True)
    sarif = json.loads(result.stdout)
    errors = sorted(sarif_validator.iter_errors(sarif), key=lambda e: list(e.path))
    located = all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"])
    check(f"SARIF 2.1.0  {bad} (diagnostics)", result.returncode == 2 and not errors and sarif["runs"][0]["results"] and located,
          f"exit {result.returncode}; " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:3]))

print(f"validate-outputs: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
