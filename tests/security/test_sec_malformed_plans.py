"""Mutated plan documents through `apply`.

Seeds are valid plans covering every op; mutations work on the JSON text (truncate, delete,
insert, duplicate bytes) and on the decoded document (drop or add keys, change types, unknown
ops, huge numbers, bad dates and regexes, format-string templates, deep nesting, empty steps).
For every document: no traceback, an exit code in {0..4}, one error line when it fails, and:
- non-zero exit: the tree is byte-identical (nothing changed);
- exit 0 (the mutation still made a valid plan): nothing outside the root changed, and when the
  run changed the tree, `fileagent undo` puts it back byte-identical.
Most run in-process through cli.main (same code path as the console script); a few go through
a real `python -m fileagent` subprocess, including bytes that are not UTF-8.
"""

from __future__ import annotations

import copy
import json
import random
import signal

import pytest
from sec_kit import (
    Sandbox,
    diff,
    long_count,
    no_fsync,
    outside_part,
    record_figures,
    run_cli,
    run_subprocess,
    subprocess_env,
)

SEEDS = [
    {"version": 1, "steps": [{"op": "list", "select": {"in": "docs", "recursive": True}}]},
    {"version": 1, "steps": [{"op": "read", "select": {"path": "a.txt"}}]},
    {
        "version": 1,
        "steps": [
            {"op": "create", "path": "new/n.txt", "content": "hello"},
            {"op": "create", "path": "newdir", "kind": "dir"},
        ],
    },
    {"version": 1, "steps": [{"op": "update", "select": {"path": "notes.md"}, "mode": "append", "text": "more"}]},
    {
        "version": 1,
        "steps": [
            {
                "op": "update",
                "select": {"in": "docs", "pattern": "*.md"},
                "mode": "replace_regex",
                "find": "b+",
                "text": "B",
            }
        ],
    },
    {
        "version": 1,
        "steps": [
            {
                "op": "delete",
                "select": {"in": "inbox", "pattern": "*.pdf", "filters": {"ext": ["pdf"], "larger_than": 1}},
            }
        ],
    },
    {"version": 1, "steps": [{"op": "move", "select": {"in": "inbox", "filters": {"ext": ["pdf"]}}, "to": "pdfs"}]},
    {"version": 1, "steps": [{"op": "copy", "select": {"path": "docs"}, "to": "backup"}]},
    {"version": 1, "steps": [{"op": "rename", "path": "a.txt", "new_name": "b.txt"}]},
    {"version": 1, "steps": [{"op": "rename", "select": {"in": "inbox"}, "template": "{stem}-{n:03}.{ext}"}]},
    {"version": 1, "steps": [{"op": "classify", "select": {"in": "inbox"}, "by": "extension"}]},
    {
        "version": 1,
        "steps": [
            {
                "op": "classify",
                "select": {"in": "docs", "recursive": True},
                "by": "keywords",
                "rules": [{"keywords": ["body"], "folder": "bodies"}],
                "default": "other",
            }
        ],
    },
    {"version": 1, "steps": [{"op": "tag", "select": {"in": "docs", "recursive": True}, "tags": ["x", "y"]}]},
    {
        "version": 1,
        "steps": [
            {"op": "list", "select": {"in": ".", "filters": {"modified_after": "2020-01-01", "name_regex": "^a"}}}
        ],
    },
]

WEIRD_VALUES = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    2**70,
    -(2**70),
    float("inf"),
    "",
    " ",
    "x" * 5000,
    [],
    {},
    [1, 2],
    {"a": 1},
    "../../outside",
    "/etc/passwd",
    "\x00",
    "2024-13-45",
    "((",
    "{0}",
    "{stem.__class__}",
    "{n:>999999999}",
    "{n:99999999999999}",
    "*",
    "**/..",
    "\ud800",
    "NaN",
    "€",
    "pdf",
    "rename",
]
TEXT_NOISE = [
    "{",
    "}",
    "[",
    "]",
    '"',
    ":",
    ",",
    "\\",
    "\\u",
    "\\ud800",
    "null",
    "NaN",
    "Infinity",
    "-",
    "1e999",
    "\n",
    "\x00",
    "//",
    "/*",
    "'",
    "\ufeff",
]
KEYS = [
    "op",
    "select",
    "path",
    "in",
    "pattern",
    "recursive",
    "kind",
    "filters",
    "to",
    "mode",
    "text",
    "find",
    "content",
    "new_name",
    "set_ext",
    "add_prefix",
    "add_suffix",
    "template",
    "by",
    "rules",
    "default",
    "rule_set",
    "dest",
    "tags",
    "remove",
    "ext",
    "larger_than",
    "smaller_than",
    "modified_after",
    "modified_before",
    "contains",
    "tag",
    "name_regex",
    "version",
    "steps",
    "extra",
    "__proto__",
]


def _nodes(doc, path=()):
    yield path, doc
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _nodes(v, path + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _nodes(v, path + (i,))


def _set(doc, path, value):
    if not path:
        return value
    cur = doc
    for p in path[:-1]:
        cur = cur[p]
    cur[path[-1]] = value
    return doc


def mutate_doc(doc, rnd: random.Random):
    doc = copy.deepcopy(doc)
    nodes = list(_nodes(doc))
    path, node = rnd.choice(nodes)
    kind = rnd.randrange(9)
    if kind == 0 and isinstance(node, dict) and node:  # drop a key
        del node[rnd.choice(list(node))]
    elif kind == 1 and isinstance(node, dict):  # add a key
        node[rnd.choice(KEYS)] = rnd.choice(WEIRD_VALUES + ["x", 1, ["pdf"]])
    elif kind == 2:  # replace a value
        doc = _set(doc, path, rnd.choice(WEIRD_VALUES))
    elif kind == 3 and isinstance(node, list) and node:  # duplicate / drop list items
        if rnd.random() < 0.5:
            node.append(copy.deepcopy(rnd.choice(node)))
        else:
            node.pop(rnd.randrange(len(node)))
    elif kind == 4:  # swap an op
        for _, n in nodes:
            if isinstance(n, dict) and "op" in n:
                n["op"] = rnd.choice(
                    [
                        "list",
                        "read",
                        "create",
                        "update",
                        "delete",
                        "move",
                        "copy",
                        "rename",
                        "classify",
                        "tag",
                        "exec",
                        "rm",
                        "",
                        "MOVE",
                    ]
                )
                break
    elif kind == 5:  # deep nesting (spliced into the text)
        doc = _set(doc, path, f"__DEEP{rnd.choice([50, 5000, 100_000])}__")
    elif kind == 6:  # a whole other top level
        doc = rnd.choice(
            [
                [],
                "plan",
                1,
                None,
                {"steps": []},
                {"version": 2, "steps": doc.get("steps", []) if isinstance(doc, dict) else []},
            ]
        )
    elif kind == 7 and isinstance(node, str):  # tweak a string
        doc = _set(doc, path, node + rnd.choice(["/..", "\x00", "\\", "*", "{", "}", "..", " "]))
    else:  # a step from another seed
        if isinstance(doc, dict) and isinstance(doc.get("steps"), list):
            doc["steps"].append(copy.deepcopy(rnd.choice(rnd.choice(SEEDS)["steps"])))
    return doc


def mutate_text(text: str, rnd: random.Random) -> str:
    kind = rnd.randrange(5)
    i = rnd.randrange(len(text) + 1)
    if kind == 0:
        return text[:i]
    if kind == 1:
        j = min(len(text), i + rnd.randint(1, 10))
        return text[:i] + text[j:]
    if kind == 2:
        return text[:i] + rnd.choice(TEXT_NOISE) + text[i:]
    if kind == 3:
        j = min(len(text), i + rnd.randint(1, 40))
        return text[:j] + text[i:]
    return text.replace('"', "'", 1) if rnd.random() < 0.5 else text[::-1]


def mutated_documents(n: int, seed: int):
    rnd = random.Random(seed)
    for k in range(n):
        doc = copy.deepcopy(rnd.choice(SEEDS))
        for _ in range(rnd.randint(1, 3)):
            doc = mutate_doc(doc, rnd)
        text = json.dumps(doc, allow_nan=True)
        for depth in (50, 5000, 100_000):
            text = text.replace(f'"__DEEP{depth}__"', "[" * depth + '"x"' + "]" * depth)
        if k % 3 == 0:
            text = mutate_text(text, rnd)
        yield text


class PlanFuzzer:
    def __init__(self, base) -> None:
        self.sb = Sandbox.create(base)
        self.before = self.sb.snapshot()
        self.docs = self.tracebacks = self.bad = 0
        self.codes: dict[int, int] = {}
        self.valid_runs = self.undone = 0
        self.problems: list[str] = []

    def run(self, text: str) -> None:
        def boom(*_):
            raise TimeoutError("apply took over 60 s")

        old = signal.signal(signal.SIGALRM, boom)
        signal.alarm(60)
        try:
            r = self.sb.apply(text)
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
        self.docs += 1
        self.codes[r.code] = self.codes.get(r.code, 0) + 1
        after = self.sb.snapshot()
        problems = []
        if r.traceback:
            self.tracebacks += 1
            problems.append("traceback")
        if r.code not in (0, 1, 2, 3, 4):
            problems.append(f"exit {r.code}")
        if r.code != 0 and not r.one_line_error():
            problems.append("not exactly one error line")
        if "error: unexpected " in r.err:
            problems.append("an unexpected-exception error")
        if r.code != 0 and after != self.before:
            problems.append(f"changed on failure: {diff(self.before, after)[:3]}")
        if outside_part(after) != outside_part(self.before):
            problems.append("outside changed")
        if r.code == 0 and after != self.before:
            self.valid_runs += 1
            u = run_cli(["undo", "--yes", "--root", str(self.sb.root), "--config", str(self.sb.config)])
            if u.code != 0 or self.sb.snapshot() != self.before:
                problems.append(f"valid run not undoable: {u.err.strip()[:200]}")
            else:
                self.undone += 1
        if problems:
            self.bad += 1
            self.problems.append(f"{problems} exit {r.code} {r.err.strip()[:200]!r} doc {text[:300]!r}")
        if r.code == 0 or self.sb.snapshot() != self.before:
            self.sb.reset_root()
            self.before = self.sb.snapshot()


@pytest.fixture(autouse=True)
def _fast(monkeypatch):
    no_fsync(monkeypatch)


def test_mutated_plans(tmp_path):
    f = PlanFuzzer(tmp_path / "fz")
    for text in mutated_documents(200, seed=11):
        f.run(text)
    assert f.docs == 200
    assert not f.problems, f.problems[:5]
    assert f.codes.get(4, 0) > 50 and f.valid_runs > 0, f.codes


def test_seeds_are_valid_and_undoable(tmp_path):
    f = PlanFuzzer(tmp_path / "fz")
    for doc in SEEDS:
        f.run(json.dumps(doc))
    assert f.codes == {0: len(SEEDS)} and not f.problems, (f.codes, f.problems[:3])


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe{}",
        b'{"version": 1, "steps": [{"op": "list", "select": {"in": "\xc3"}}]}',
        b"[" * 200_000,
        b"",
        b'{"version":1,"steps":[{"op":"move","select":{"path":"a.txt"},"to":"x","to":"../../etc"}]}',
        json.dumps(SEEDS[2])[:-7].encode(),
    ],
)
def test_malformed_plan_files_through_a_real_subprocess(tmp_path, data):
    sb = Sandbox.create(tmp_path / "s")
    before = sb.snapshot()
    plan = tmp_path / "plan.json"
    plan.write_bytes(data)
    p = run_subprocess(
        ["apply", "--root", str(sb.root), "--config", str(sb.config), "--yes", str(plan)], env=subprocess_env()
    )
    assert "Traceback" not in p.stderr and p.returncode in (2, 3, 4), (p.returncode, p.stderr)
    assert len([ln for ln in p.stderr.splitlines() if ln.startswith("fileagent: error:")]) == 1, p.stderr
    assert sb.snapshot() == before


@pytest.mark.long
def test_mutated_plans_long(tmp_path):
    f = PlanFuzzer(tmp_path / "fz")
    n = long_count(10_000)
    for text in mutated_documents(n, seed=12345):
        f.run(text)
    record_figures(
        "malformed_plans",
        documents=f.docs,
        tracebacks=f.tracebacks,
        bad=f.bad,
        exit_codes=f.codes,
        valid_runs=f.valid_runs,
        undone=f.undone,
        first_problems=f.problems[:3],
    )
    assert f.docs == n and not f.problems, f.problems[:5]
