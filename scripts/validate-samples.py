#!/usr/bin/env python3
"""Validate RoundTrip design files against schema/roundtrip-v1.schema.json.

Usage:
    scripts/validate-samples.py [FILE ...] [--expect-invalid FILE ...]

Every samples/*.yaml, samples/*.yml and samples/*.json file is validated, plus any
paths given on the command line (a directory stands for the design files in it).
A file passed with --expect-invalid counts as passed when it FAILS validation.

YAML files must also carry a `# yaml-language-server: $schema=` comment in their
first lines so editors pick the schema up.

YAML is read with the YAML 1.2 core schema rules rather than PyYAML's YAML 1.1
ones: only true/false are booleans, only decimal/0o/0x numbers are integers, and
things like `10:30`, `2024-01-01`, `yes` or `010` keep their literal meaning
(strings, or decimal 10). Duplicate mapping keys are errors.

Output: one line per file (`ok  PATH` or `FAIL PATH` followed by its errors with
file:line:column and JSON path), then `N passed, M failed`.
Exit status: 0 all passed, 1 something failed, 2 no files to check.

Needs Python 3.8+, PyYAML and jsonschema (Draft 2020-12 support, 4.x).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

try:
    import yaml
    from jsonschema import Draft202012Validator
except ImportError as exc:  # pragma: no cover - environment problem
    sys.stderr.write(f"validate-samples: missing Python module: {exc.name} (pip install pyyaml jsonschema)\n")
    sys.exit(2)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SCHEMA = REPO / "schema" / "roundtrip-v1.schema.json"
SAMPLE_GLOBS = ("*.yaml", "*.yml", "*.json")
MODELINE = "# yaml-language-server: $schema="
MODELINE_LINES = 5  # the modeline must appear within this many leading lines


# --------------------------------------------------------------------------- YAML


class DesignLoadError(Exception):
    """A file that cannot be read as a single YAML/JSON document."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class CoreResolver(yaml.resolver.BaseResolver):
    """Implicit tags of the YAML 1.2 core schema (no 1.1 sexagesimals, timestamps, yes/no)."""


CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null",
    re.compile(r"^(?:~|null|Null|NULL|)$"),
    ["~", "n", "N", ""],
)
CoreResolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])


class CoreConstructor(yaml.constructor.SafeConstructor):
    """SafeConstructor with YAML 1.2 integers and duplicate-key detection."""

    def construct_yaml_int(self, node):
        value = self.construct_scalar(node)
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value, 10)

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    hash(key)
                except TypeError:
                    continue  # reported by SafeConstructor itself
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        f"duplicate key {key!r} (first at line {seen[key].line + 1})",
                        key_node.start_mark,
                    )
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


CoreConstructor.add_constructor("tag:yaml.org,2002:int", CoreConstructor.construct_yaml_int)


class CoreLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    CoreConstructor,
    CoreResolver,
):
    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        CoreConstructor.__init__(self)
        CoreResolver.__init__(self)


def collect_positions(node, path=(), values=None, keys=None, seen=None):
    """Map JSON paths (tuples) to (line, column) of values and of mapping keys, 1-based."""
    if values is None:
        values, keys, seen = {}, {}, set()
    values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if id(node) in seen:  # aliases may make the graph cyclic
        return values, keys
    seen = seen | {id(node)}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = key_node.value
            keys.setdefault(path + (key,), (key_node.start_mark.line + 1, key_node.start_mark.column + 1))
            collect_positions(value_node, path + (key,), values, keys, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            collect_positions(item, path + (index,), values, keys, seen)
    return values, keys


def load_yaml(text: str):
    loader = CoreLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DesignLoadError("the file holds no YAML document")
        data = loader.construct_document(node)
        values, keys = collect_positions(node)
        return data, values, keys
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = ": ".join(p for p in (exc.context, exc.problem) if p)
        raise DesignLoadError(
            f"YAML error: {problem}",
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise DesignLoadError(f"YAML error: {exc}") from None
    finally:
        loader.dispose()


def load_json(text: str):
    def no_duplicates(pairs):
        result = {}
        for key, value in pairs:
            if key in result:
                raise DesignLoadError(f"duplicate key {key!r}")
            result[key] = value
        return result

    try:
        return json.loads(text, object_pairs_hook=no_duplicates), {}, {}
    except json.JSONDecodeError as exc:
        raise DesignLoadError(f"JSON error: {exc.msg}", exc.lineno, exc.colno) from None


# ------------------------------------------------------------------------- errors


def json_path(path) -> str:
    out = "$"
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", part):
            out += f".{part}"
        else:
            out += "[" + json.dumps(part) + "]"
    return out


def did_you_mean(word, candidates) -> str:
    match = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def describe(schema) -> str:
    if isinstance(schema, dict) and schema.get("description"):
        return schema["description"].rstrip(".")
    return ""


def expected(schema) -> str:
    """A schema's description phrased to follow the word 'expected'."""
    text = describe(schema)
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


def explain(error):
    """Turn one jsonschema error into [(path, message, point_at_key)] entries."""
    path = tuple(error.absolute_path)
    instance = error.instance
    schema = error.schema
    kind = error.validator

    if schema is False:
        field = path[-1] if path else "value"
        return [(path, f"field '{field}' is not allowed here (see the rules for this element)", True)]
    if kind == "additionalProperties":
        allowed = sorted((schema.get("properties") or {}).keys())
        return [
            (path + (extra,), f"unknown field '{extra}'{did_you_mean(extra, allowed)}", True)
            for extra in sorted(set(instance) - set(allowed))
        ]
    if kind == "enum":
        choices = ", ".join(map(str, error.validator_value))
        return [(path, f"{instance!r} is not one of: {choices}{did_you_mean(instance, error.validator_value)}", False)]
    if kind == "const":
        return [(path, f"{instance!r} must be {error.validator_value!r}", False)]
    if kind == "not":
        negated = error.validator_value
        if isinstance(negated, dict) and list(negated) == ["required"]:
            fields = negated["required"]
            if len(fields) == 1:
                # A forbidden field: {"description": why, "not": {"required": [field]}}.
                why = describe(schema) if set(schema) <= {"description", "not"} else ""
                return [(path + (fields[0],), why or f"field '{fields[0]}' is not allowed here", True)]
            return [(path, f"{' and '.join(fields)} cannot be used together", False)]
        if isinstance(negated, dict) and "const" in negated:
            return [(path, f"{instance!r} is reserved and cannot be used here", False)]
        return [(path, f"{instance!r} is not allowed here", False)]
    if kind in ("anyOf", "oneOf"):
        hint = describe(schema)
        if isinstance(instance, dict):
            # Object alternatives: say which required fields were missing or clashing.
            reasons = sorted({sub.message for sub in error.context if sub.validator in ("required",) or sub.schema is False})
            detail = f" ({'; '.join(reasons)})" if reasons and kind == "anyOf" else ""
            if kind == "oneOf" and not error.context:
                detail = " (more than one alternative given)"
            return [(path, f"{hint or 'value does not match any allowed form'}{detail}", False)]
        return [(path, f"{instance!r} is not valid: expected {expected(schema) or 'one of the allowed forms'}", False)]
    if kind == "pattern":
        hint = expected(schema)
        return [(path, f"{instance!r} is not valid: expected {hint or 'a value matching ' + error.validator_value}", False)]
    return [(path, error.message, False)]


def position(path, is_key, values, keys):
    if is_key and path in keys:
        return keys[path]
    probe = path
    while True:
        if probe in values:
            return values[probe]
        if not probe:
            return None
        probe = probe[:-1]


def schema_errors(validator, data, values, keys):
    """Return sorted [(line, column, path-string, message)] for one document."""
    found = []
    for error in validator.iter_errors(data):
        for path, message, is_key in explain(error):
            pos = position(path, is_key, values, keys)
            found.append((pos or (0, 0), json_path(path), message))
    found = sorted(set(found))
    return found


# -------------------------------------------------------------------------- files


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def modeline_problems(path: Path, text: str):
    """Errors and warnings about the yaml-language-server comment."""
    head = text.splitlines()[:MODELINE_LINES]
    for line in head:
        stripped = line.strip()
        if stripped.startswith(MODELINE):
            target = stripped[len(MODELINE):].strip()
            if not target:
                return [f"the '{MODELINE}' comment names no schema"], []
            if "://" not in target and not (path.parent / target).resolve().is_file():
                return [], [f"the '{MODELINE}' comment points at {target}, which does not exist from this file"]
            return [], []
    return [f"missing '{MODELINE}...' comment in the first {MODELINE_LINES} lines"], []


def check_file(validator, path: Path):
    """Return (errors, warnings, schema_errors).

    errors and warnings are printable lines; schema_errors is the subset of errors that
    come from reading or validating the document (None when the file could not be read).
    """
    shown = display(path)
    if not path.is_file():
        return [f"{shown}: file not found"], [], None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{shown}: cannot read: {exc}"], [], None

    is_json = path.suffix.lower() == ".json"
    errors, warnings = [], []
    if not is_json:
        errors, warnings = modeline_problems(path, text)
        errors = [f"{shown}:1:1: {e}" for e in errors]
        warnings = [f"{shown}: {w}" for w in warnings]

    try:
        data, values, keys = load_json(text) if is_json else load_yaml(text)
    except DesignLoadError as exc:
        where = f":{exc.line}:{exc.column}" if exc.line else ""
        load_error = f"{shown}{where}: {exc.message}"
        return errors + [load_error], warnings, [load_error]

    found = []
    for (line, column), where, message in schema_errors(validator, data, values, keys):
        location = f"{shown}:{line}:{column}" if line else shown
        found.append(f"{location}: {where}: {message}")
    return errors + found, warnings, found


def expand(arg: str):
    path = Path(arg)
    if path.is_dir():
        return sorted(p for pattern in SAMPLE_GLOBS for p in path.glob(pattern))
    return [path]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Validate RoundTrip designs (samples/*.yaml|yml|json plus the given paths) against the v1 JSON Schema."
    )
    parser.add_argument("paths", nargs="*", help="extra design files or directories to validate")
    parser.add_argument(
        "--expect-invalid",
        action="append",
        default=[],
        metavar="FILE",
        help="a file that must FAIL schema validation (passes when it does); may be repeated",
    )
    parser.add_argument("--schema", default=str(DEFAULT_SCHEMA), help="schema file (default: %(default)s)")
    args = parser.parse_args(argv)

    try:
        schema = json.loads(Path(args.schema).read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
    except Exception as exc:  # noqa: BLE001 - any failure here is fatal
        sys.stderr.write(f"validate-samples: cannot use schema {args.schema}: {exc}\n")
        return 2
    validator = Draft202012Validator(schema)

    plan = {}  # resolved path -> (path, expect_invalid); insertion-ordered
    samples = REPO / "samples"
    for pattern in SAMPLE_GLOBS:
        for path in sorted(samples.glob(pattern)):
            plan.setdefault(path.resolve(), (path, False))
    for arg in args.paths:
        for path in expand(arg):
            plan.setdefault(path.resolve(), (path, False))
    for arg in args.expect_invalid:
        path = Path(arg)
        plan[path.resolve()] = (path, True)

    if not plan:
        print("no design files to validate (samples/ is empty and no paths were given)", file=sys.stderr)
        return 2

    passed = failed = 0
    for path, expect_invalid in sorted(plan.values(), key=lambda item: display(item[0])):
        errors, warnings, document_errors = check_file(validator, path)
        shown = display(path)
        if expect_invalid:
            if document_errors:
                passed += 1
                first = document_errors[0].split(": ", 1)[-1]
                print(f"ok  {shown} (invalid as expected: {first})")
            elif document_errors is None:
                failed += 1
                print(f"FAIL {shown}")
                for line in errors:
                    print(f"  {line}")
            else:
                failed += 1
                print(f"FAIL {shown}")
                print("  expected this file to fail schema validation, but it is valid")
        elif errors:
            failed += 1
            print(f"FAIL {shown}")
            for line in errors:
                print(f"  {line}")
        else:
            passed += 1
            print(f"ok  {shown}")
        for line in warnings:
            print(f"  warning: {line}")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
