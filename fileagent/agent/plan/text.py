"""Plan text: the compact, line-free form of a Plan that the planner model writes.

    move in="inbox" ext=pdf to="archive/scans"
    create path="old" kind=dir ; move path="todo.txt" to="old"
    classify in="notes" ext=md by=keywords if="kubernetes" then="notes/ops" else="notes/other"

Grammar (keys appear in the fixed order of KEY_ORDER; the renderer always
writes that order and the parser insists on it, so one plan has one text):

    plan  := step (" ; " step)*
    step  := OP (" " field)*
    field := KEY "=" value | FLAG
    value := '"' chars '"'      (escapes: \\" \\\\ \\n)
           | bare               ([A-Za-z0-9_.:+-]+ : enums, numbers, sizes, dates)

Sizes are written with a unit when exact (10KB, 3MB, 1GB; 1KB = 1024 bytes).
`if` may repeat before each `then`: consecutive ifs are one rule's keywords.
`ext` and `tag` repeat for several values.
"""

from __future__ import annotations

import re
from datetime import date

from fileagent.agent.plan.model import Plan

SELECTION_KEYS = (
    "path",
    "in",
    "pattern",
    "recursive",
    "kind",
    "ext",
    "name~",
    "larger",
    "smaller",
    "after",
    "before",
    "older",
    "newer",
    "has",
    "tagged",
    "empty",
    "except",
    "sort",
    "desc",
    "limit",
    "duplicates",
    "keep_in",
)
KEY_ORDER: dict[str, tuple[str, ...]] = {
    "list": SELECTION_KEYS,
    "read": SELECTION_KEYS,
    "create": ("path", "kind", "content"),
    "update": SELECTION_KEYS + ("mode", "find", "text"),
    "delete": SELECTION_KEYS,
    "move": SELECTION_KEYS + ("to", "keep_structure"),
    "copy": SELECTION_KEYS + ("to", "keep_structure"),
    "rename": SELECTION_KEYS + ("new_name", "set_ext", "add_prefix", "add_suffix", "template", "start", "case"),
    "classify": SELECTION_KEYS + ("by", "rule_set", "if", "then", "else", "dest", "max_groups"),
    "tag": SELECTION_KEYS + ("tag", "remove"),
    "archive": SELECTION_KEYS + ("to", "remove_originals"),
    "extract": ("path", "to"),
}
FLAGS = ("recursive", "remove", "empty", "keep_structure", "desc", "remove_originals")
# Keys whose value is always a quoted string (a path, a pattern, free text).
QUOTED = {
    "path",
    "in",
    "pattern",
    "name~",
    "has",
    "tagged",
    "to",
    "content",
    "find",
    "text",
    "new_name",
    "add_prefix",
    "add_suffix",
    "template",
    "if",
    "then",
    "else",
    "dest",
    "tag",
    "rule_set",
    "except",
    "keep_in",
}
# Keys whose value is bare: enums, extensions, sizes, dates.
BARE = {
    "kind",
    "ext",
    "larger",
    "smaller",
    "after",
    "before",
    "older",
    "newer",
    "mode",
    "by",
    "set_ext",
    "sort",
    "limit",
    "duplicates",
    "start",
    "case",
    "max_groups",
}
REPEATABLE = {"ext", "tag", "if", "then", "except"}
# Keys whose value is free text (a file's content, a text to add, a text to find), not a name.
FREE_TEXT_KEYS = ("content", "text", "find")

_UNITS = (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024))
_BARE_RE = re.compile(r"[A-Za-z0-9_.:+\-]+")
_SIZE_RE = re.compile(r"(\d+)(KB|MB|GB|B)?")


class PlanTextError(ValueError):
    pass


# ---------------------------------------------------------------- rendering


def quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def size_text(n: int) -> str:
    for unit, mult in _UNITS:
        if n and n % mult == 0:
            return f"{n // mult}{unit}"
    return str(n)


def _selection_fields(sel: dict) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for k in ("path", "in", "pattern"):
        if sel.get(k) is not None:
            out.append((k, sel[k]))
    if sel.get("recursive"):
        out.append(("recursive", True))
    if sel.get("kind", "file") != "file":
        out.append(("kind", sel["kind"]))
    f = sel.get("filters") or {}
    for e in f.get("ext") or ():
        out.append(("ext", e))
    for key, name in (
        ("name_regex", "name~"),
        ("larger_than", "larger"),
        ("smaller_than", "smaller"),
        ("modified_after", "after"),
        ("modified_before", "before"),
        ("older_than", "older"),
        ("newer_than", "newer"),
        ("contains", "has"),
        ("tag", "tagged"),
    ):
        if f.get(key) is not None:
            v = f[key]
            out.append((name, size_text(v) if key in ("larger_than", "smaller_than") else v))
    if f.get("empty"):
        out.append(("empty", True))
    out.extend(("except", p) for p in sel.get("exclude") or ())
    if sel.get("sort") is not None:
        out.append(("sort", sel["sort"]))
    if sel.get("desc"):
        out.append(("desc", True))
    if sel.get("limit") is not None:
        out.append(("limit", sel["limit"]))
    for k in ("duplicates", "keep_in"):
        if sel.get(k) is not None:
            out.append((k, sel[k]))
    return out


def _step_fields(step: dict) -> list[tuple[str, object]]:
    op = step["op"]
    if op == "create":
        out: list[tuple[str, object]] = [("path", step["path"])]
        if step.get("kind", "file") != "file":
            out.append(("kind", step["kind"]))
        if step.get("content"):
            out.append(("content", step["content"]))
        return out
    if op == "extract":
        return [("path", step["path"])] + ([("to", step["to"])] if step.get("to") is not None else [])
    if op == "rename" and step.get("path") is not None:
        return [("path", step["path"]), ("new_name", step["new_name"])]
    out = _selection_fields(step["select"])
    if op == "update":
        out.append(("mode", step["mode"]))
        if step.get("find") is not None:
            out.append(("find", step["find"]))
        out.append(("text", step["text"]))
    elif op == "archive":
        out.append(("to", step["to"]))
        if step.get("remove_originals"):
            out.append(("remove_originals", True))
    elif op in ("move", "copy"):
        out.append(("to", step["to"]))
        if step.get("keep_structure"):
            out.append(("keep_structure", True))
    elif op == "rename":
        for k in ("set_ext", "add_prefix", "add_suffix", "template", "start", "case"):
            if step.get(k) is not None:
                out.append((k, step[k]))
    elif op == "classify":
        if step.get("by", "rule_set") != "rule_set":  # rule_set is the default: left out
            out.append(("by", step["by"]))
        if step.get("rule_set") is not None:
            out.append(("rule_set", step["rule_set"]))
        for rule in step.get("rules") or ():
            out.extend(("if", kw) for kw in rule["keywords"])
            out.append(("then", rule["folder"]))
        if step.get("default") is not None:
            out.append(("else", step["default"]))
        if step.get("dest") is not None:
            out.append(("dest", step["dest"]))
        if step.get("max_groups") is not None:
            out.append(("max_groups", step["max_groups"]))
    elif op == "tag":
        out.extend(("tag", t) for t in step["tags"])
        if step.get("remove"):
            out.append(("remove", True))
    return out


def _value_text(key: str, value: object) -> str:
    if key in QUOTED:
        return quote(str(value))
    return str(value)


def to_text(plan: Plan) -> str:
    parts = []
    for step in plan.to_dict()["steps"]:
        fields = _step_fields(step)
        words = [step["op"]] + [k if k in FLAGS else f"{k}={_value_text(k, v)}" for k, v in fields]
        parts.append(" ".join(words))
    return " ; ".join(parts)


# ------------------------------------------------------------------ parsing


def _parse_size(text: str) -> int:
    m = _SIZE_RE.fullmatch(text)
    if not m:
        raise PlanTextError(f"bad size {text!r}")
    mult = dict(_UNITS).get(m.group(2) or "B", 1)
    return int(m.group(1)) * mult


def _read_quoted(s: str, i: int) -> tuple[str, int]:
    assert s[i] == '"'
    out, i = [], i + 1
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            nxt = s[i + 1]
            out.append({"n": "\n", '"': '"', "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
        elif c == '"':
            return "".join(out), i + 1
        else:
            out.append(c)
            i += 1
    raise PlanTextError("unterminated string")


def tokenize_steps(s: str) -> list[tuple[str, list[tuple[str, object]]]]:
    """Split plan text into (op, [(key, value)]) without interpreting values."""
    steps: list[tuple[str, list[tuple[str, object]]]] = []
    i, n = 0, len(s)
    while True:
        while i < n and s[i] == " ":
            i += 1
        m = re.compile(r"[a-z]+").match(s, i)
        if not m or m.group(0) not in KEY_ORDER:
            raise PlanTextError(f"expected an operation at {i}: {s[i : i + 20]!r}")
        op, i = m.group(0), m.end()
        fields: list[tuple[str, object]] = []
        while i < n and s[i] == " ":
            i += 1
            if s.startswith("; ", i) or s.startswith(";", i):
                break
            m = re.compile(r"[a-z_~]+").match(s, i)
            if not m:
                raise PlanTextError(f"expected a key at {i}: {s[i : i + 20]!r}")
            key, i = m.group(0), m.end()
            if key in FLAGS and (i >= n or s[i] != "="):
                fields.append((key, True))
                continue
            if i >= n or s[i] != "=":
                raise PlanTextError(f"expected '=' after {key!r}")
            i += 1
            if i < n and s[i] == '"':
                val, i = _read_quoted(s, i)
                fields.append((key, val))
            else:
                m = _BARE_RE.match(s, i)
                if not m:
                    raise PlanTextError(f"expected a value for {key!r} at {i}")
                fields.append((key, m.group(0)))
                i = m.end()
        steps.append((op, fields))
        if i >= n:
            return steps
        if s[i] != ";":
            raise PlanTextError(f"unexpected {s[i : i + 20]!r}")
        i += 1


def _check_order(op: str, fields: list[tuple[str, object]]) -> None:
    order = KEY_ORDER[op]
    last = -1
    for key, value in fields:
        if key not in order:
            raise PlanTextError(f"{op} takes no {key!r}")
        pos = order.index(key)
        if pos < last or (pos == last and key not in REPEATABLE):
            # if/then alternate: allowed to go back from then to if
            if not (key == "if" and order[last] == "then"):
                raise PlanTextError(f"{key!r} out of order in {op}")
        last = pos
        if key in QUOTED and not isinstance(value, str):
            raise PlanTextError(f"{key!r} needs a quoted value")


def _build_step(op: str, fields: list[tuple[str, object]]) -> dict:
    _check_order(op, fields)
    sel: dict = {}
    filt: dict = {}
    step: dict = {"op": op}
    rules: list[dict] = []
    pending_kw: list[str] = []
    single_rename = op == "rename" and any(k == "new_name" for k, _ in fields)
    for key, v in fields:
        if op in ("create", "extract") or (single_rename and key in ("path", "new_name")):
            step[key] = v
        elif key in ("path", "in", "pattern"):
            sel[key] = v
        elif key == "recursive":
            sel["recursive"] = True
        elif key == "kind":
            sel["kind"] = v
        elif key == "ext":
            filt.setdefault("ext", []).append(str(v).lower().lstrip("."))
        elif key in ("larger", "smaller"):
            filt[{"larger": "larger_than", "smaller": "smaller_than"}[key]] = _parse_size(str(v))
        elif key in ("after", "before"):
            try:
                date.fromisoformat(str(v))
            except ValueError:
                raise PlanTextError(f"bad date {v!r}") from None
            filt[{"after": "modified_after", "before": "modified_before"}[key]] = v
        elif key in ("older", "newer"):
            filt[key + ("_than")] = v
        elif key in ("name~", "has", "tagged"):
            filt[{"name~": "name_regex", "has": "contains", "tagged": "tag"}[key]] = v
        elif key == "if":
            pending_kw.append(str(v))
        elif key == "then":
            if not pending_kw:
                raise PlanTextError("'then' without 'if'")
            rules.append({"keywords": pending_kw, "folder": v})
            pending_kw = []
        elif key == "else":
            step["default"] = v
        elif key == "tag":
            step.setdefault("tags", []).append(v)
        elif key == "remove":
            step["remove"] = True
        elif key == "empty":
            filt["empty"] = True
        elif key == "except":
            sel.setdefault("exclude", []).append(v)
        elif key in ("sort", "duplicates", "keep_in"):
            sel[key] = v
        elif key == "desc":
            sel["desc"] = True
        elif key == "max_groups":
            if not str(v).isdigit():
                raise PlanTextError(f"bad max_groups {v!r}")
            step["max_groups"] = int(str(v))
        elif key == "start":
            if not str(v).isdigit():
                raise PlanTextError(f"bad start {v!r}")
            step["start"] = int(str(v))
        elif key == "limit":
            if not str(v).isdigit():
                raise PlanTextError(f"bad limit {v!r}")
            sel["limit"] = int(str(v))
        else:
            step[key] = v
    if pending_kw:
        raise PlanTextError("'if' without 'then'")
    if rules:
        step["rules"] = rules
    if filt:
        sel["filters"] = filt
    if op not in ("create", "extract") and not single_rename:
        step["select"] = sel
    return step


def from_text(text: str) -> Plan:
    """Parse plan text into a validated Plan. Raises PlanTextError or PlanError (not a valid plan)."""
    steps = [_build_step(op, fields) for op, fields in tokenize_steps(text.strip())]
    return Plan.from_dict({"version": 2, "steps": steps})
