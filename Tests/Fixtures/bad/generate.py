#!/usr/bin/env python3
"""Regenerates the bad-input corpus: cases/* (the broken inputs, byte for byte) and index.json (the one
table of what each must produce). Each case is the minimal workspace (Tests/Fixtures/workspaces/minimal)
with one input put in place; the expected location is where the ⏵ marker stood in the case's text.
BadInputCorpusTests.swift walks index.json. Run: python3 Tests/Fixtures/bad/generate.py"""
import json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
MINIMAL = os.path.join(HERE, "..", "workspaces", "minimal")
MARK = "⏵"
BAD = "\ue000"  # stands for one invalid UTF-8 byte (0xE9, Latin-1 'é') in a case's text

def source(path):
    return open(os.path.join(MINIMAL, path), encoding="utf-8").read()

cases = []
shutil.rmtree(os.path.join(HERE, "cases"), ignore_errors=True)
os.makedirs(os.path.join(HERE, "cases"))

def add(name, kind, code, text=None, target=None, exit=1, limits=None, at=None, severity=None, bom=False, crlf=False, raw=None, line=None, column=None, note=None):
    case = {"name": name, "kind": kind, "code": code, "exit": exit}
    if target: case["target"] = target
    if limits: case["limits"] = limits
    if at: case["at"] = at
    if severity: case["severity"] = severity
    if note: case["note"] = note
    if text is not None:
        if MARK in text:
            before = text[: text.index(MARK)]
            line = before.count("\n") + 1
            column = len(before) - (before.rfind("\n") + 1) + 1
            text = text.replace(MARK, "", 1)
        data = text.replace("\n", "\r\n").encode("utf-8") if crlf else text.encode("utf-8")
        data = data.replace(BAD.encode("utf-8"), b"\xe9")
        if bom: data = b"\xef\xbb\xbf" + data
    else:
        data = raw
    if data is not None:
        ext = {"file": ".yaml", "client-line": ".jsonl"}.get(kind, ".txt")
        case["input"] = "cases/" + name + ext
        with open(os.path.join(HERE, case["input"]), "wb") as f: f.write(data)
    if line is not None: case["line"], case["column"] = line, column
    cases.append(case)

KINDS = [  # kind, file, its first key, a line holding a text value (key: value)
    ("settings", "adviser.yaml", "name", "name: Northwind Sales Coaching"),
    ("facts", "facts.yaml", "facts", "    doc: Where the business cycle stands."),
    ("offering", "offerings/sales-consultation.yaml", "id", "name: Sales-process consultation"),
    ("segment", "segments/micro-retail.yaml", "id", "name: Micro retail shops"),
    ("ruleset", "rules/competition.yaml", "ruleset", "doc: Offer better value than competitors."),
    ("scenario", "scenarios/current.yaml", "id", "name: Today's market"),
    ("test", "tests/business-cycle.yaml", "tests", "  - name: In a downturn, price-sensitive micro shops get a lower price with value held"),
]

def edit(text, old, new):
    assert old in text, (old, text[:80])
    return text.replace(old, new, 1)

for kind, path, first, textline in KINDS:
    src = source(path)
    key, value = textline.split(": ", 1)
    n = lambda what: f"{kind}-{what}"
    add(n("empty"), "file", "empty-file", "", path, line=1, column=1)
    add(n("only-comment"), "file", "empty-file", "# nothing here yet\n", path, line=1, column=1)
    add(n("only-blank-lines"), "file", "empty-file", "\n\n   \n", path, line=1, column=1)
    add(n("nul-byte"), "file", "nul-byte", edit(src, textline, f"{key}: {value[:3]}{MARK}\0{value[3:]}"), path)
    add(n("control-character"), "file", "control-character", edit(src, textline, f"{key}: {value[:2]}{MARK}\x1b{value[2:]}"), path)
    add(n("invalid-utf8"), "file", "invalid-utf8", edit(src, textline, f"{key}: {value[:4]}{MARK}{BAD}{value[4:]}"), path)
    add(n("utf16"), "file", "invalid-utf8", raw=b"\xff\xfe" + src.encode("utf-16-le"), target=path, line=1, column=1)
    add(n("tab-indent"), "file", "yaml-tab-indent", src + f"extra:\n  a: 1\n{MARK}\tb: 2\n", path)
    add(n("two-documents"), "file", "yaml-multiple-documents", src + f"{MARK}---\n{first}: other\n", path)
    # 10,000 deep: libyaml's own nesting guard stops it while scanning ahead, at the second '['.
    add(n("deep-list"), "file", "yaml-too-deep", src + "deep: [" + MARK + "[" * 9999 + "]" * 10000 + "\n", path)
    # Just over the limit of 64 (the top-level mapping counts as one level).
    add(n("deep-list-65"), "file", "yaml-too-deep", src + "deep: " + "[" * 63 + MARK + "[" * 2 + "]" * 65 + "\n", path)
    add(n("deep-mapping"), "file", "yaml-too-deep", src + "deep:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 64)) + " " * 64 + MARK + "k64: x\n", path)
    add(n("duplicate-key"), "file", "yaml-duplicate-key", src + f"{MARK}{first}: again\n", path)
    add(n("complex-key"), "file", "yaml-complex-key", src + f"{MARK}[a, b]: 1\n", path)
    add(n("undefined-alias"), "file", "yaml-syntax", src + f"extra: {MARK}*nothing\n", path)
    add(n("unknown-key"), "file", "unknown-key", src + f"{MARK}colour: blue\n", path)
    add(n("root-list"), "file", "wrong-type", f"{MARK}- a\n- b\n", path)
    add(n("root-scalar"), "file", "wrong-type", f"{MARK}just some text\n", path)
    add(n("bom-crlf-unknown-key"), "file", "unknown-key", edit(src, f"{first}:", f"{MARK}colour: blue\n{first}:"), path, bom=True, crlf=True)
    add(n("crlf-tag"), "file", "wrong-type", edit(src, textline, f"{key}: {MARK}!ruby/object {value}"), path, crlf=True)
    add(n("unclosed-quote"), "file", "yaml-syntax", src + "extra: \"never closed\n" + MARK, path)
    add(n("unclosed-flow"), "file", "yaml-syntax", src + "extra: [a, b\n" + MARK, path)
    # A billion laughs in 600 bytes: refused when the expanded count passes 2,000,000, inside l5.
    bomb = "".join(f"l{i}: " + (MARK if i == 5 else "") + f"&l{i} [" + ", ".join([f"*l{i-1}" if i else "lol"] * 10) + "]\n" for i in range(10))
    add(n("alias-bomb"), "file", "yaml-alias-limit", bomb + src, path)
    add(n("alias-count"), "file", "yaml-alias-limit", src + "extra: &x 1\nmore: [" + ", ".join(["*x"] * 1000) + f", {MARK}*x]\n", path)
    if kind != "settings":
        add(n("file-too-large"), "file", "file-too-large", src, path, limits={"max_file_bytes": 150}, line=1, column=1)
        add(n("string-too-long"), "file", "yaml-too-large", edit(src, textline, f"{key}: {MARK}" + "x" * 300), path, limits={"max_string_bytes": 200})
        # The key counts as one value, so the 1,000th x passes the limit of 1,000.
        add(n("too-many-nodes"), "file", "yaml-too-large", "extra: [" + ", ".join(["x"] * 999) + ", " + MARK + ", ".join(["x"] * 1001) + "]\n" + src, path, limits={"max_yaml_nodes": 1000})
        add(n("raised-depth"), "file", "yaml-too-deep", src + "deep: " + "[" * 7 + MARK + "[]" + "]" * 7 + "\n", path, limits={"max_yaml_depth": 8})
    if kind not in ("facts", "test"):
        add(n("yaml11-boolean"), "file", "yaml11-boolean", edit(src, textline, f"{key}: {MARK}on"), path, exit=0)

# Numbers and other scalars, where the value is read.
OFF = "offerings/sales-consultation.yaml"
off = source(OFF)
for label, written, code in [
    ("nan", ".nan", "wrong-type"), ("nan-word", "NaN", "wrong-type"), ("infinity", ".inf", "wrong-type"),
    ("minus-infinity", "-.inf", "wrong-type"), ("1e400", "1e400", "wrong-type"), ("leading-dot", ".5", "wrong-type"),
    ("hex", "0x10", "wrong-type"), ("octal", "0o17", "wrong-type"), ("underscores", "4_800", "wrong-type"),
    ("thousands-comma", "\"4,800\"", "wrong-type"), ("percent", "48%", "wrong-type"), ("yes", "yes", "wrong-type"),
    ("empty", "", "wrong-type"), ("list", "[4800]", "wrong-type"), ("quoted", "\"4800\"", "wrong-type"),
    ("beyond-64-bits", "123456789012345678901234567890", "out-of-range"),
]:
    new = f"    baseline:{MARK}" if written == "" else f"    baseline: {MARK}{written}"  # an empty value stands right after the ':'
    add(f"number-{label}", "file", code, edit(off, "    baseline: 4800", new), OFF)
for label, written, code in [
    ("step-nan", ".NaN", "wrong-type"), ("step-huge", "1e999", "wrong-type"), ("min-hex", "0xFF", "wrong-type"),
    ("min-binary", "0b101", "wrong-type"), ("min-inf-word", "Infinity", "wrong-type"),
]:
    line = {"step": "    step: 100", "min": "    min: 2400"}[label.split("-")[0]]
    add(f"number-{label}", "file", code, edit(off, line, line.split(":")[0] + f": {MARK}{written}"), OFF)
for label, written in [("on", "on"), ("yes", "yes"), ("y", "y"), ("one", "1"), ("quoted-true", "\"true\""), ("True", "True")]:
    add(f"bool-{label}", "file", "wrong-type", edit(off, "    kind: price\n", f"    kind: price\n    flex: {MARK}{written}\n"), OFF)
add("integer-beyond-64-bits", "file", "wrong-type", edit(source("adviser.yaml"), "stale_after_days: 90", f"stale_after_days: {MARK}99999999999999999999"), "adviser.yaml")
add("integer-fraction", "file", "wrong-type", edit(source("adviser.yaml"), "stale_after_days: 90", f"stale_after_days: {MARK}90.5"), "adviser.yaml")
add("integer-yaml11-octal", "file", "wrong-type", edit(source("adviser.yaml"), "stale_after_days: 90", f"stale_after_days: {MARK}0o132"), "adviser.yaml")
add("date-invalid", "file", "wrong-type", edit(source("scenarios/current.yaml"), "as_of: 2026-10-15", f"as_of: {MARK}2026-02-30"), "scenarios/current.yaml")
add("date-timestamp", "file", "wrong-type", edit(source("scenarios/current.yaml"), "as_of: 2026-10-15", f"as_of: {MARK}2026-10-15T10:00:00Z"), "scenarios/current.yaml")
# A flex lever's grid is counted, never built, before it is refused: 48 million settings, and 10^15 with
# extreme numbers (both once crashed advise: a petabyte allocation, or Int(Double) of infinity).
add("lever-grid-huge", "file", "out-of-range", edit(off, "    step: 100", f"    step: {MARK}0.0001"), OFF)
add("lever-grid-extreme", "file", "out-of-range", edit(edit(off, "    min: 2400\n    max: 7200\n    step: 100", f"    min: -1e308\n    max: 1e308\n    step: {MARK}1e-300"), "    baseline: 4800", "    baseline: 0"), OFF)
# Numbers the value model cannot weigh: an importance of 1e308 once made every value index NaN, printed as a held 0.0.
SEG = "segments/micro-retail.yaml"
add("importance-huge", "file", "out-of-range", edit(source(SEG), "    importance: 3", f"    importance: {MARK}1e308"), SEG)
add("importance-zero", "file", "out-of-range", edit(source(SEG), "    importance: 3", f"    importance: {MARK}0"), SEG)
add("emphasis-huge", "file", "out-of-range", edit(rules_src := source("rules/business-cycle.yaml"), "        times: 1.5", f"        times: {MARK}1e300"), "rules/business-cycle.yaml")
add("emphasis-zero", "file", "out-of-range", edit(rules_src, "        times: 1.5", f"        times: {MARK}0"), "rules/business-cycle.yaml")
# A million problems are not a million lines: 100 per file, then too-many-problems at the 101st (line 102).
add("duplicate-keys-20000", "file", "too-many-problems", "ruleset: dup\n" + "a: 1\n" * 99 + f"{MARK}a: 1\n" + "a: 1\n" * 19_900, "rules/competition.yaml", exit=1, severity="warning")
add("id-yaml11-no", "file", "yaml11-boolean", edit(source("scenarios/current.yaml"), "name: Today's market", f"name: {MARK}NO"), "scenarios/current.yaml", exit=0)

# The limits themselves.
SET = "adviser.yaml"
settings = source(SET)
for key, value in [("max_file_bytes", "64000001"), ("max_yaml_depth", "201"), ("max_expression_depth", "100000"), ("max_grid_points", "999999999"), ("max_files", "0"), ("max_evaluation_cost", "-1")]:
    add(f"limit-{key}-{value}", "file", "out-of-range", edit(settings, "currency: EUR", f"currency: EUR\nlimits:\n  {key}: {MARK}{value}"), SET)
add("limit-unknown-key", "file", "unknown-key", edit(settings, "currency: EUR", f"currency: EUR\nlimits:\n  {MARK}max_fiels: 10"), SET)
add("limit-not-a-number", "file", "wrong-type", edit(settings, "currency: EUR", f"currency: EUR\nlimits:\n  max_files: {MARK}lots"), SET)
add("limit-not-a-mapping", "file", "wrong-type", edit(settings, "currency: EUR", f"currency: EUR\nlimits: {MARK}strict"), SET)
add("limit-too-many-files", "file", "too-many-files", edit(settings, "currency: EUR", "currency: EUR\nlimits:\n  max_files: 4"), SET,
    at="segments", note="adviser.yaml, facts.yaml and the offering make 3; the second segment is the fifth file", line=1, column=1)

# Conditions (a rule's `when`), end to end through validate.
RULES = "rules/business-cycle.yaml"
rules = source(RULES)
WHEN = 'market.phase == "downturn" && segment.price_sensitivity >= 0.5'
def when(name, expression, code, **kw):
    add(f"when-{name}", "file", code, edit(rules, WHEN, expression), RULES, **kw)
when("deep-parens-10000", "(" * 100 + MARK + "(" * 9900 + "1" + ")" * 10000 + " == 1", "expr-too-deep")
when("deep-list-10000", "'" + "[" * 100 + MARK + "[" * 9900 + "]" * 10000 + " == []'", "expr-too-deep")
# Unary operators are read in a loop; the tree's height limit (500) stops them where it is passed.
when("deep-unary-10000", "-" * 9499 + MARK + "-" * 501 + "1 < 0", "expr-too-deep")
when("long-and-chain", MARK + " && ".join(["true"] * 15000), "expr-too-long")
when("too-long", MARK + " || ".join(["market.inflation > 1.0"] * 60), "expr-too-long", limits={"max_expression_length": 1000})
when("raised-depth-limit", "(" * 5 + MARK + "(1)" + ")" * 5 + " == 1", "expr-too-deep", limits={"max_expression_depth": 5})
when("unclosed-paren", f"(market.inflation > 1{MARK}", "expr-syntax")
when("unclosed-string", f'market.phase == {MARK}"downturn', "expr-syntax")
when("unknown-fact", f"{MARK}market.unemployment > 5", "undeclared-reference")
when("misspelled-enum", f'market.phase == {MARK}"dowturn"', "unknown-enum-value")
when("unknown-function", f"{MARK}sqrt(market.inflation) > 1", "unknown-function")
when("type-mismatch", f"{MARK}market.inflation + \"x\" == 1", "no-matching-overload")
when("not-bool", f"{MARK}market.inflation + 1.0", "condition-not-bool")
when("bad-regex-backref", f"market.phase.matches({MARK}'(a)\\\\1')", "invalid-regex")
when("bad-regex-deep", f"market.phase.matches({MARK}'" + "(" * 150 + "a" + ")" * 150 + "')", "invalid-regex")
when("bad-regex-huge", f"market.phase.matches({MARK}'(a{{1000}}){{1000}}')", "invalid-regex")
when("empty-when", f"{MARK}''", "expr-syntax")
when("nul-in-when", f"market.inflation > 1{MARK}\0", "nul-byte")
when("only-operators", f"{MARK}== ||", "expr-syntax")
when("huge-integer", f"market.inflation > {MARK}99999999999999999999999", "expr-syntax")
when("unterminated-list", f"1 in [1, 2{MARK}", "expr-syntax")
# Nested comprehensions over the cost limit are a run-time matter (the rule is skipped with the advice
# warning condition-error), not a validation error: see WorkspaceLimitsTests.costAndGridLimitsReachTheEngine.

# Workspace structure.
add("symlink-outside", "symlink-outside", "symlink-outside", target="rules/linked.yaml", line=1, column=1)
add("symlinked-folder-outside", "symlinked-folder-outside", "symlink-outside", target="tests", line=1, column=1)
add("dangling-symlink", "dangling-symlink", "unreadable-file", target="rules/dangling.yaml", line=1, column=1)
add("folder-named-yaml", "directory", "unreadable-file", target="rules/folder.yaml", line=1, column=1)
add("settings-is-a-folder", "directory", "unreadable-file", target="adviser.yaml", line=1, column=1)
add("facts-link-outside", "symlink-outside", "symlink-outside", target="facts.yaml", line=1, column=1)
add("fifo-named-yaml", "fifo", "unreadable-file", target="rules/pipe.yaml", line=1, column=1)
add("missing-facts", "remove", "missing-file", target="facts.yaml", at=".", line=1, column=1)
add("missing-offerings-folder", "remove", "missing-file", target="offerings", at=".", line=1, column=1)

# Client lines (advise --clients): a good line, the bad one (line 2), a good line. Each bad line gives
# one error record naming line 2 and the code; both good lines are still advised, in order; exit 0.
GOOD = '{"id": "good", "segment": "micro-retail", "offerings": ["sales-consultation"]}'
def client(name, line, code):
    data = GOOD.encode() + b"\n" + (line if isinstance(line, bytes) else line.encode()) + b"\n" + GOOD.encode() + b"\n"
    add(f"client-{name}", "client-line", code, raw=data, exit=0, line=2, column=1)
client("not-json", "hello", "invalid-json")
client("array", "[1, 2, 3]", "invalid-json")
client("truncated", '{"id": "c", "segment": "micro-retail"', "invalid-json")
client("invalid-utf8", b'{"id": "caf\xe9", "segment": "micro-retail"}', "invalid-utf8")
client("nul-byte", b'{"id": "c\x00", "segment": "micro-retail"}', "invalid-json")
client("deep-nesting", '{"id": "c", "segment": "micro-retail", "facts": ' + "[" * 10000 + "]" * 10000 + "}", "invalid-json")
client("deep-object", '{"id": "c", "segment": "micro-retail", "x": ' + '{"a":' * 5000 + "1" + "}" * 5000 + "}", "invalid-json")
client("unknown-key", '{"id": "c", "segment": "micro-retail", "colour": "blue"}', "unknown-key")
client("no-id", '{"segment": "micro-retail"}', "missing-key")
client("id-number", '{"id": 7, "segment": "micro-retail"}', "missing-key")
client("no-segment", '{"id": "c"}', "missing-key")
client("unknown-segment", '{"id": "c", "segment": "micro-retale"}', "unknown-segment")
client("unknown-fact", '{"id": "c", "segment": "micro-retail", "facts": {"unemployment": 5}}', "unknown-fact")
client("fact-wrong-type", '{"id": "c", "segment": "micro-retail", "facts": {"price_sensitivity": [1]}}', "wrong-type")
client("fact-out-of-range", '{"id": "c", "segment": "micro-retail", "facts": {"price_sensitivity": 7}}', "out-of-range")
client("fact-huge-number", '{"id": "c", "segment": "micro-retail", "facts": {"price_sensitivity": 1e400}}', "invalid-json")
client("facts-not-object", '{"id": "c", "segment": "micro-retail", "facts": 3}', "wrong-type")
client("offerings-not-list", '{"id": "c", "segment": "micro-retail", "offerings": "sales-consultation"}', "wrong-type")
client("unknown-offering", '{"id": "c", "segment": "micro-retail", "offerings": ["sales"]}', "unknown-offering")
client("huge-line", '{"id": "c", "segment": "micro-retail", "x": "' + "x" * 100_000 + '"}', "unknown-key")

with open(os.path.join(HERE, "index.json"), "w") as f:
    json.dump({"about": "The bad-input corpus: each case puts one broken input into a copy of the minimal workspace "
               "(Tests/Fixtures/workspaces/minimal) and names the diagnostic code and the location the real binary "
               "must report. Generated by generate.py; walked by Tests/AdviserEndToEndTests/BadInputCorpusTests.swift.",
               "cases": cases}, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
