#!/usr/bin/env python3
"""Keeps the README's command examples true: every fenced block whose first line is `$ roundtrip ...` is
replaced by that command's real output (run with .build/debug/roundtrip from the repository root).
With --check it changes nothing and exits 1 when an example is stale."""
import os
import re
import shlex
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(root)
original = open("README.md", encoding="utf-8").read()


def refresh(match):
    command = match.group(1)
    args = shlex.split(command)[1:]
    result = subprocess.run([".build/debug/roundtrip"] + args, capture_output=True, text=True)
    return f"```\n$ {command}\n{result.stdout}```"


text = re.sub(r"```\n\$ (roundtrip [^\n]*)\n.*?```", refresh, original, flags=re.S)
examples = len(re.findall(r"```\n\$ roundtrip ", original))
if "--check" in sys.argv:
    if text != original:
        print("readme: the README's command examples are stale; run scripts/update-readme.py")
        print(f"readme: 0 passed, 1 failed")
        sys.exit(1)
    print(f"readme: {examples} examples up to date")
    sys.exit(0)
open("README.md", "w", encoding="utf-8").write(text)
