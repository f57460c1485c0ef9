#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the analysis command line against its contract.

    check-report.py TOUCHPOINT SCHEMA EXAMPLE CORPUS-DIR

`touchpoint --report --format json` must validate against
data/touchpoint-report.schema.json (with a small validator for the part of
JSON Schema the schema uses, since only the standard library is at hand)
and carry the example's known numbers; a file that fails to load is
reported with its line; the text report, CSV export and survey import work
and refuse bad input without writing anything. Prints TAP.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

TOUCHPOINT, SCHEMA, EXAMPLE, CORPUS = sys.argv[1:5]

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


# A validator for the subset of JSON Schema the report's schema uses ------------

class Invalid(Exception):
    pass


def type_ok(value, name):
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if name == "string":
        return isinstance(value, str)
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, dict)
    raise Invalid("unknown type %s in the schema" % name)


KNOWN = {"$schema", "$id", "title", "description", "$defs", "$ref", "type", "const", "enum",
         "properties", "required", "additionalProperties", "items", "oneOf", "minimum",
         "pattern"}


def validate(value, schema, root, path="$"):
    unknown = set(schema) - KNOWN
    if unknown:
        raise Invalid("the validator does not know %s" % ", ".join(sorted(unknown)))
    if "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/$defs/"):
            raise Invalid("unsupported $ref %s" % ref)
        validate(value, root["$defs"][ref[len("#/$defs/"):]], root, path)
    if "oneOf" in schema:
        matched = 0
        for option in schema["oneOf"]:
            try:
                validate(value, option, root, path)
                matched += 1
            except Invalid:
                pass
        if matched != 1:
            raise Invalid("%s matches %d of the oneOf choices" % (path, matched))
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(type_ok(value, t) for t in types):
            raise Invalid("%s is %r, not %s" % (path, value, "/".join(types)))
    if "const" in schema and value != schema["const"]:
        raise Invalid("%s is %r, not %r" % (path, value, schema["const"]))
    if "enum" in schema and value not in schema["enum"]:
        raise Invalid("%s is %r, not one of %r" % (path, value, schema["enum"]))
    if "minimum" in schema and isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < schema["minimum"]:
            raise Invalid("%s is %r, under %r" % (path, value, schema["minimum"]))
    if "pattern" in schema and isinstance(value, str):
        if re.search(schema["pattern"], value) is None:
            raise Invalid("%s %r does not match %s" % (path, value, schema["pattern"]))
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                raise Invalid("%s lacks %s" % (path, name))
        for name, member in value.items():
            if name in properties:
                validate(member, properties[name], root, "%s.%s" % (path, name))
            elif schema.get("additionalProperties", True) is False:
                raise Invalid("%s has an unknown member %s" % (path, name))
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            validate(item, schema["items"], root, "%s[%d]" % (path, i))


def valid(value, schema):
    try:
        validate(value, schema, schema)
        return True, ""
    except Invalid as error:
        return False, str(error)


def run(*args, cwd=None):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    done = subprocess.run([TOUCHPOINT] + list(args), capture_output=True, cwd=cwd, env=env)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


with open(SCHEMA, encoding="utf-8") as f:
    schema = json.load(f)

# The JSON report of the example ------------------------------------------------

status, out, err = run("--report", "--format", "json", EXAMPLE)
check("json report exits 0", status == 0, err)
report = json.loads(out)
ok, why = valid(report, schema)
check("json report matches the schema", ok, why)

example = report["files"][0]
current, future = example["blueprints"]
check("current state's known time", current["time"]["known_seconds"] == 67 * 86400 + 185 * 60)
check("one step without a duration", current["time"]["unknown_steps"] == 1
      and not current["time"]["complete"])
check("waits", current["wait_points"] == 8 and future["wait_points"] == 2)
check("handoffs", current["handoffs"]["total"] == 15 and future["handoffs"]["total"] == 16)
check("fail points", current["fail_points"] == 7
      and current["customer_facing_fail_points"] == 3)
fnol = [p for p in current["fail_point_list"] if p["card"] == "c31"][0]
check("what the failed lookup depends on",
      [u["card"] for u in fnol["upstream"]] == ["c11", "c15"]
      and fnol["owners"] == ["Policy admin (legacy)"])
check("metrics missed today", [m["status"] for m in current["metrics"]] == ["missed"] * 7)
check("per-state coverage", current["coverage"]["unserved"] == ["n5"]
      and future["coverage"]["unserved"] == [])
change = example["cases_for_change"][0]
check("case for change", change["future"] == "b2" and change["current"] == "b1"
      and change["needs_newly_served"] == ["n5"] and change["fail_points_removed"] == 5
      and change["handoffs_removed"] == -1)

# The validator is real: a report that breaks the contract fails.
broken = json.loads(out)
broken["files"][0]["blueprints"][0]["state"] = "past"
check("validator refuses a bad state", not valid(broken, schema)[0])
broken = json.loads(out)
broken["files"][0]["blueprints"][0]["time"]["known_seconds"] = -1
check("validator refuses a negative time", not valid(broken, schema)[0])
broken = json.loads(out)
del broken["files"][0]["cases_for_change"][0]["sentences"]
check("validator refuses a missing member", not valid(broken, schema)[0])

# A file that fails to load is reported with its line ----------------------------

bad = os.path.join(CORPUS, "negative-duration.touchpoint")
status, out, err = run("--report", "--format", "json", EXAMPLE, bad)
check("a bad file makes the report fail", status == 1)
check("stderr names the file and line", "negative-duration.touchpoint:25:" in err, err)
report = json.loads(out)
check("bad file report matches the schema", valid(report, schema)[0], valid(report, schema)[1])
check("bad file's error has its line", report["files"][1]["error"]["line"] == 25)

# The text report ---------------------------------------------------------------

status, out, err = run("--report", EXAMPLE)
check("text report exits 0", status == 0, err)
check("text report says the case", "The case for change" in out
      and "24 days 2 h faster" in out and "Know my claim's status without calling" in out, out)
check("text report per stage", "    Claim      35 days; waits 35 days (4);" in out, out)
check("text report's step targets", "Missed   Reports the accident — 45 min · target ≤ 20 min\n"
      in out, out)
check("text report's idle cards", "; 10 backstage or support cards serve no need\n" in out, out)

status, out, err = run("--format", "json", EXAMPLE)
check("--format needs --report", status == 2)
status, out, err = run("--report", "--check", EXAMPLE)
check("--report and --check run alone", status == 2)

# --check keeps its summary.
status, out, err = run("--check", EXAMPLE)
check("--check keeps its summary", status == 0 and "2 blueprints (26 lanes, 28 steps, "
      "151 cards, 34 flows)" in out, out)

with tempfile.TemporaryDirectory() as scratch:
    # CSV export.
    cards = os.path.join(scratch, "cards.csv")
    status, out, err = run("--export", cards, "--artefact", "cards", EXAMPLE)
    check("csv export exits 0", status == 0, err)
    with open(cards, encoding="utf-8", newline="") as f:
        lines = f.read().split("\r\n")
    check("csv export has a header and a row per card",
          lines[0].startswith("blueprint,blueprint_title,state,") and len(lines) == 1 + 151 + 1)
    nothing = os.path.join(scratch, "nothing.csv")
    status, out, err = run("--export", nothing, "--artefact", "slides", EXAMPLE)
    check("csv export refuses an unknown table", status == 2 and not os.path.exists(nothing))
    status, out, err = run("--export", nothing, "--artefact", "ratings", "--theme", "dark",
                           EXAMPLE)
    check("csv export refuses drawing options", status == 2 and not os.path.exists(nothing))

    # --blueprint for the matrix.
    matrix = os.path.join(scratch, "matrix.png")
    status, out, err = run("--export", matrix, "--artefact", "needs-matrix", "--blueprint",
                           "b2", "--dpi", "20", EXAMPLE)
    check("--blueprint chooses the matrix's state", status == 0 and os.path.exists(matrix), err)
    status, out, err = run("--export", matrix + "2.png", "--artefact", "needs-matrix",
                           "--blueprint", "b9", EXAMPLE)
    check("--blueprint refuses an unknown id", status == 2 and "b9" in err, err)
    status, out, err = run("--export", matrix, "--artefact", "coverage", "--segment",
                           "Reassurance seeker", "--dpi", "20", EXAMPLE)
    check("--segment narrows coverage", status == 0, err)
    status, out, err = run("--export", matrix + "3.png", "--artefact", "coverage",
                           "--persona", "p9", EXAMPLE)
    check("--persona refuses an unknown id", status == 2 and "p9" in err
          and not os.path.exists(matrix + "3.png"), err)

    # Survey import.
    survey = os.path.join(scratch, "survey.csv")
    with open(survey, "w", encoding="utf-8", newline="") as f:
        f.write("respondent,persona,importance:n5,satisfaction:n5\r\n"
                "1,Dana Ortiz,10,1\r\n2,Dana Ortiz,8,3\r\n3,Nobody,5,5\r\n")
    rated = os.path.join(scratch, "rated.touchpoint")
    status, out, err = run("--import-survey", survey, "--survey-scale", "0-10", EXAMPLE)
    check("survey dry run writes nothing", status == 0 and "Nothing saved" in out
          and "3 rows of answers: 2 used, 1 rejected." in out, out + err)
    status, out, err = run("--import-survey", survey, "--survey-scale", "0-10",
                           "--aggregate", "mean", "--export", rated, EXAMPLE)
    check("survey import saves", status == 0 and os.path.exists(rated), out + err)
    with open(rated, encoding="utf-8") as f:
        saved = f.read()
    check("survey ratings are saved",
          '<rating persona="p1" need="n5" importance="9" satisfaction="2"/>' in saved)

    broken = os.path.join(scratch, "broken.csv")
    with open(broken, "w", encoding="utf-8", newline="") as f:
        f.write("persona,importance:n5\nDana Ortiz,9\nDana Ortiz,lots\n")
    refused = os.path.join(scratch, "refused.touchpoint")
    status, out, err = run("--import-survey", broken, "--survey-scale", "0-10", "--export",
                           refused, EXAMPLE)
    check("a bad survey fails with its row and line",
          status == 1 and "broken.csv:3: Row 3: “lots” in “importance:n5”" in err, err)
    check("a bad survey writes nothing", not os.path.exists(refused))
    status, out, err = run("--import-survey", survey, EXAMPLE)
    check("survey import needs a scale", status == 2 and "--survey-scale" in err, err)

print("1..%d" % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print("# " + line)
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
