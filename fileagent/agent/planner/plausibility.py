"""Which beam candidates a request could mean: the checks the planner runs on a candidate plan
besides the schema and the compiler.

- implausible: no request asks for it (a step twice, a step again on part of the same items, a
  step that changes nothing, a file moved into a new folder named after itself, a step that takes
  more than the request gives it: breadth.py);
- lower_refusal: a lower candidate may not stand in for the best one when it deletes, or changes
  files, where the best reading does not;
- changes_nothing: a plan with a changing step that compiles to no change.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from fileagent.agent.engine.changeset import ChangeSet
from fileagent.agent.plan.model import MUTATING_OPS, Plan
from fileagent.agent.planner.breadth import overreaches
from fileagent.agent.planner.coverage import left_out
from fileagent.agent.planner.spans import sigil_words
from fileagent.policies.places import place_of

_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"?')
_STEP_OP = re.compile(r"(?:^|;)\s*([a-z]+)")


def _ops(text: str) -> set[str]:
    """The ops of plan text (finished or not); quoted values are not looked into."""
    return set(_STEP_OP.findall(_QUOTED.sub('""', text)))


def deletes(text: str) -> bool:
    """A step deletes: a delete, or an archive that removes its originals."""
    return "delete" in _ops(text) or " remove_originals" in _QUOTED.sub('""', text)


def lower_refusal(best: str, text: str) -> str | None:
    """Why a lower candidate may not stand in for the best one (`best`), whatever it compiles to:
    it deletes, and the model's best reading of the request does not ("classify drop" -> delete
    in="drop" second); or it changes files, and the best reading only looks ("list qqq", where
    qqq does not exist -> create path="qqq" second). A request the model misread ends in exit 4."""
    if deletes(text) and not deletes(best):
        return "deletes, and the model's best reading of the request does not"
    if _ops(text) & MUTATING_OPS and not _ops(best) & MUTATING_OPS:
        return "changes files, and the model's best reading of the request only looks at them"
    return None


def _last(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def _ext(path: str) -> str:
    m = re.search(r"\.([A-Za-z0-9]{1,6})$", _last(path))
    return m.group(1).lower() if m else ""


def _is_folder_inside(root: Path | None, rel: str) -> bool:
    """`rel` is an existing folder under root (nothing outside the root is looked at)."""
    parts = rel.replace("\\", "/").split("/")
    if root is None or rel.startswith(("/", "~")) or ".." in parts or ":" in rel:
        return False
    return (root / rel).is_dir()


def _parent(path: str) -> str:
    path = path.strip("/")
    return path.rsplit("/", 1)[0] if "/" in path else "."


def _no_op(step) -> str | None:
    """A step that would leave everything as it is, whatever the tree holds. (A copy into the
    folder it is in is a change: a duplicate "notes (1).md".)"""
    if step.op == "move":
        sel, to = step.select, step.to.strip("/") or "."
        if sel.path is not None and sel.path.strip("/") == to:
            return f"moves {sel.path!r} into itself"
        if sel.path is not None and _parent(sel.path) == to:
            return f"moves {sel.path!r} into the folder it is already in"
        if sel.path is None and not sel.recursive and (sel.in_ or ".").strip("/") == to:
            return f"moves items of {to!r} into {to!r} itself"
    if step.op == "copy" and step.select.path is not None and step.select.path.strip("/") == step.to.strip("/"):
        return f"copies {step.select.path!r} into itself"
    if step.op == "update":
        if step.mode == "replace" and step.find == step.text:
            return f"replaces {step.find!r} by itself"
        if step.mode in ("append", "prepend") and not step.text:
            return f"{step.mode}s nothing"
    if step.op == "rename" and step.path is not None and step.new_name == _last(step.path):
        return f"renames {step.path!r} to its own name"
    if step.op == "classify" and step.rules and step.default is not None:
        same = [r.folder for r in step.rules if r.folder.strip("/") == step.default.strip("/")]
        if same:
            return f"sends the files a keyword picks to {same[0]!r}, where the rest go anyway"
    return None


_TAKES_AWAY = ("move", "delete", "classify")  # what they select is no longer there after them


def _narrower(a: dict, b: dict) -> bool:
    """Steps a and b differ only in their filters, and one's filters are a part of the other's
    ("copy the jpeg and csv files to X" then "copy the jpeg files to X")."""
    sa, sb = a.get("select", {}), b.get("select", {})
    if {k: v for k, v in a.items() if k != "select"} != {k: v for k, v in b.items() if k != "select"} or {
        k: v for k, v in sa.items() if k != "filters"
    } != {k: v for k, v in sb.items() if k != "filters"}:
        return False
    fa, fb = sa.get("filters", {}), sb.get("filters", {})

    def within(small: dict, big: dict) -> bool:
        return all(
            k in big
            and (
                small[k] == big[k]
                or (isinstance(small[k], list) and isinstance(big[k], list) and set(small[k]) <= set(big[k]))
            )
            for k in small
        )

    return within(fa, fb) or within(fb, fa)


def _whole_and_part(a: dict, b: dict) -> str | None:
    """The folder one selection takes whole (path=F) while the other takes items in it (in=F)."""
    for whole, part in ((a, b), (b, a)):
        path, where = whole.get("path"), part.get("in")
        if path and where and path.strip("/") == where.strip("/"):
            return path.strip("/")
    return None


def _repeated_text(steps: list[dict], prompt: str) -> str | None:
    """A text (content, text) written by more steps than the request writes it: step 2 reusing
    step 1's text ("append X to a.md" -> also append X to b.md) is a misreading."""
    texts = Counter(s.get("text") or s.get("content") for s in steps)
    for text, n in texts.items():
        if text and n > 1 and prompt.count(text) < n:
            return f"writes {text!r} in {n} steps, and the request writes it {prompt.count(text)} time(s)"
    return None


def _place_left_out(steps: list[dict], prompt: str) -> str | None:
    """A home folder, variable or file URL the request writes ("copy a.txt to ~/backup") and no
    value of the plan starts from: the plan answers another request (to="backup", to="copy")."""
    values = list(_strings(steps))
    heads = {place.head.lower() for place in map(place_of, values) if place is not None}
    for lo, _, hi, is_place in sigil_words(prompt):
        place = place_of(prompt[lo:hi]) if is_place else None
        if place is not None and place.head.lower() not in heads and not any(prompt[lo:hi] in v for v in values):
            return f"leaves out {prompt[lo:hi]!r}, which the request names"
    return None


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, dict)):
        for v in value.values() if isinstance(value, dict) else value:
            yield from _strings(v)


def _lists(value):
    """Every list inside a step's dict (tags, ext, if/then words...)."""
    if isinstance(value, list):
        yield value
        for v in value:
            yield from _lists(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _lists(v)


def _self_echo(step: dict) -> str | None:
    """A value written twice in one list (tag="x" tag="x", ext=pdf ext=pdf), or a text that is the
    step's own path (create path="a.log" content="a.log"): a decoder stuck on what it just wrote."""
    for values in _lists(step):
        hashable = [json.dumps(v, sort_keys=True) for v in values]
        if len(set(hashable)) < len(hashable):
            return f"writes the same value twice in one list ({values[0]!r}...)"
    path = step.get("path") or step.get("select", {}).get("path")
    text = step.get("content") or step.get("text")
    if path and text and text.strip("/") == path.strip("/"):
        return f"writes its own path {path!r} as the text"
    return None


def _file_and_folder(plan: Plan) -> str | None:
    """A path one step reads or writes as a file (read, update path=P) and another looks into as a
    folder (in=P, to=P, a path under P/): "give me the contents of X, then delete the txt files
    inside" is list path=X, not read."""
    files = {s.select.path.strip("/") for s in plan.steps if s.op in ("read", "update") and s.select.path}
    if not files:
        return None
    folders: set[str] = set()
    for step in plan.steps:
        sel = getattr(step, "select", None)
        named = [getattr(step, "path", None), sel.path if sel is not None else None]
        if sel is not None and sel.in_:
            folders.add(sel.in_.strip("/"))
        if step.op in ("move", "copy"):
            folders.add(step.to.strip("/"))
        for p in filter(None, named):
            parts = p.strip("/").split("/")
            folders.update("/".join(parts[:k]) for k in range(1, len(parts)))
    both = sorted(files & folders)
    return f"takes {both[0]!r} for a file in one step and for a folder in another" if both else None


def _zip_of(to: str) -> str:
    return to if to.lower().endswith(".zip") else to + ".zip"


def implausible(plan: Plan, root: Path | None, prompt: str = "") -> str | None:
    """What makes a plan that compiles no answer to any request, so the next candidate gets its
    turn: a step written twice, or again on part of the same files, one path created twice, an
    item moved or copied into a new folder named after itself ("lib/a.js" into "old/a.js/a.js")
    or named like a file of its type ("a.m4a" into "b.m4a/a.m4a"; both only with a root to look
    in), a step that changes nothing (an item moved into its own folder, a text replaced by
    itself), a text the request writes once written by two steps, a value repeated in one list,
    a step whose text is its own path."""
    steps = plan.to_dict()["steps"]
    for j, b in enumerate(steps):
        why = _self_echo(b)
        if why:
            return f"{why} (step {j + 1})"
        for i, a in enumerate(steps[:j], 1):
            if a == b:
                return f"repeats a step (step {j + 1})"
            if a["op"] == "extract" and b["op"] == "archive" and b.get("select", {}).get("path") == a.get("path"):
                # "解压完把压缩包删掉" is no zip of the archive just unpacked
                return f"zips {a.get('path')!r}, which step {i} unpacks (step {j + 1})"
            if (
                a["op"] == b["op"] == "archive"
                and a.get("select") == b.get("select")
                and a["to"].lower().endswith(".zip")
                and not b["to"].lower().endswith(".zip")
            ):
                # "archive logs as logs.zip and put the zip in backups" is one zip in backups, not a
                # second zip named backups ("zip photos into usb/p.zip and backup/p.zip" names two)
                return f"zips the items of step {i} again, into a name that is no zip (step {j + 1})"
            if a["op"] == b["op"] == "archive" and b.get("select", {}).get("path") == _zip_of(a["to"]):
                # the same request read as a zip of logs, then a zip of logs.zip named backups
                return f"zips the archive step {i} makes (step {j + 1})"
            if a["op"] == b["op"] and _narrower(a, b):
                return f"repeats step {i} on part of the same items (step {j + 1})"
            if a["op"] == b["op"] in _TAKES_AWAY and a.get("select") == b.get("select"):
                return f"{b['op']}s again what step {i} took away (step {j + 1})"
            if a["op"] == b["op"] in (*_TAKES_AWAY, "list") and prompt:
                whole = _whole_and_part(a.get("select", {}), b.get("select", {}))
                if whole and prompt.count(_last(whole)) < 2:
                    # "删除 project 里的 .tmp 文件" is no "delete the tmp files, then delete project";
                    # "列出 src 下的 py 文件" no listing of src and then of its py files
                    return f"{b['op']}s {whole!r} whole and items in it, and the request names it once (step {j + 1})"
    why = (
        (
            _repeated_text(steps, prompt)
            or _place_left_out(steps, prompt)
            or overreaches(plan, root, prompt)
            or left_out(plan, root, prompt)
        )
        if prompt
        else None
    ) or _file_and_folder(plan)
    if why:
        return why
    created = set()
    for i, step in enumerate(plan.steps, 1):
        if step.op == "copy" and step.select.path is None and prompt:
            where = (step.select.in_ or ".").strip("/") or "."
            if where == (step.to.strip("/") or ".") and prompt.count(_last(where)) < 2:
                # "copy the files in medical to personal" (no medical) is no copy of personal into itself
                return f"copies the items of {where!r} into {where!r}, which the request names once (step {i})"
        if step.op == "create":
            if step.path in created:
                return f"creates {step.path!r} twice"
            created.add(step.path)
        if (
            root is not None
            and step.op in ("move", "copy")
            and step.select.path is not None
            and not _is_folder_inside(root, step.to)
        ):
            if _last(step.to) == _last(step.select.path):
                return f"puts {step.select.path!r} into a new folder of its own name"
            if _ext(step.to) and _ext(step.to) == _ext(step.select.path):
                # "mv intro.m4a budget.m4a" is a rename, not a new folder "budget.m4a"
                return f"puts {step.select.path!r} into a new folder named like a {_ext(step.to)} file"
        if step.op in ("read", "update") and step.select.kind != "file":
            return f"{step.op}s the text of folders, and only files have one (step {i})"
        why = _no_op(step)
        if why:
            return f"{why} (step {i})"
    return None


def changes_nothing(plan: Plan, changes: ChangeSet) -> bool:
    """A plan with a changing step that compiles to no change ("rename a.txt to a.txt") is no
    answer to a request that asks for a change: the next candidate gets its turn."""
    if not any(step.op in MUTATING_OPS for step in plan.steps):
        return False
    mutating = getattr(changes, "mutating_actions", None)
    return mutating is not None and not mutating
