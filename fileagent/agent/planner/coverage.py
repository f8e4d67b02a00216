"""What a plan leaves out of the request: a plan can take nothing it should not and still miss what
the request names.

- unwritten (no tree needed): a start or end of names the request gives ("whose names start with
  inv_", "以 IMG 开头") that no step writes; a name the request writes only as an article or
  pronoun ("into a folder called dupes" is no folder "a");
- left out (with the tree): an item-by-item plan that leaves out a file the request names and the
  tree holds ("move old.txt and older.txt into it" is no move of old.txt alone); a selection of a
  folder that takes, with the rest, an item the request keeps ("delete the empty subfolders of
  work, but keep work/inbox").
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fileagent.agent.plan.model import MUTATING_OPS
from fileagent.agent.planner.breadth import _protected


def selections(step: Any) -> list[Any]:
    sel = getattr(step, "select", None)
    return [sel] if sel is not None else []


def unwritten(plan: Any, request: str) -> str | None:
    """Why the plan does not write what the request gives it, or None."""
    return (
        _affix_dropped(plan, request)
        or _function_word_name(plan, request)
        or _subfolders_dropped(plan, request)
        or _text_cut(plan, request)
        or _unpack_folder_dropped(plan, request)
    )


# The request names a folder to unpack into ("extract backup.zip into a folder called restored",
# "解压到 资料").
_UNPACK_INTO = re.compile(
    r"\b(?:into|to)\s+(?:a\s+|the\s+)?(?:new\s+)?(?:folder|directory|dir)\b|解压(?:到|至|进)", re.I
)


def _unpack_folder_dropped(plan: Any, request: str) -> str | None:
    if len(plan.steps) != 1:
        return None  # the folder may be another step's destination
    for i, step in enumerate(plan.steps, 1):
        if step.op == "extract" and getattr(step, "to", None) is None and _UNPACK_INTO.search(request):
            return f"the request gives a folder to unpack into, and step {i} has none"
    return None


# The request reaches into subfolders ("and its subfolders", "recursively", "及其所有子文件夹").
_SUBFOLDERS = re.compile(
    r"(?<!not )(?<!non-)(?<!non)(?<!without )\b(?:and|including|incl\.?|plus)\s+(?:all\s+)?(?:of\s+)?"
    r"(?:its\s+|their\s+|the\s+|any\s+)?sub-?(?:folders?|directories|directory|dirs?)\b"
    r"|(?<!not )(?<!non-)(?<!non)\brecursive(?:ly)?\b|\bat (?:any|every|all) (?:depth|levels?)\b"
    r"|(?<![不没])(?:及|以及|包括|连同)其?(?:所有|全部|各级|下面)?的?子(?:文件夹|目录)|各级子|(?<![不没非别])(?<!不要)(?<!不用)递归",
    re.I,
)


def _subfolders_dropped(plan: Any, request: str) -> str | None:
    """The request reaches into subfolders and no step walks them: "把 project 及子目录里的 txt" is
    no change of project's own txt files alone."""
    if not _SUBFOLDERS.search(request):
        return None
    walks = False
    for step in plan.steps:
        for sel in selections(step):
            f = sel.filters
            takes_folders = sel.kind in ("any", "dir") and step.op in ("delete", "move", "copy", "archive")
            if sel.recursive or (f is not None and f.empty) or "**" in (sel.pattern or "") or sel.path or takes_folders:
                walks = True  # a folder taken whole takes its subfolders
    groups = [sel for step in plan.steps for sel in selections(step) if sel.path is None]
    if groups and not walks:
        return "the request reaches into subfolders, and no step of the plan does"
    return None


# A free text starts or ends inside a word of the request: `{"debug": true}` read as `debug": true}`,
# `print('hi')` as `('hi')`; "(buy milk)" holds the text "buy milk" whole.
_GLUED = re.compile(r"[A-Za-z0-9_]")
_GLUED_QUOTE = re.compile(r"[A-Za-z0-9_({\[]")


def _text_cut(plan: Any, request: str) -> str | None:
    for i, step in enumerate(plan.steps, 1):
        for key in ("content", "text", "find"):
            text = getattr(step, key, None)
            if not isinstance(text, str) or not text or text not in request:
                continue
            cuts = []
            for m in re.finditer(re.escape(text), request):
                a, b = m.start(), m.end()
                before = request[a - 1] if a else " "
                glued = bool(_GLUED.match(before))
                if before in "\"'" and a >= 2:
                    glued = bool(_GLUED_QUOTE.match(request[a - 2]))
                after = request[b] if b < len(request) else " "
                cuts.append(glued or (after.isascii() and after.isalnum() and text[-1].isalnum()))
            if all(cuts):
                return f"step {i}'s text {text!r} starts or ends inside a word of the request"
    return None


def left_out(plan: Any, root: Path | None, prompt: str) -> str | None:
    """Why the plan leaves out, or takes with the rest, an item of the tree the request names."""
    if root is None or not prompt:
        return None
    dropped = _named_file_dropped(plan, root, prompt)
    if dropped:
        return dropped
    for i, step in enumerate(plan.steps, 1):
        if step.op in MUTATING_OPS:
            kept = _kept_inside(step, root, prompt)
            if kept:
                return f"{step.op}s {kept!r} with the rest, which the request keeps (step {i})"
    return None


# How a request gives the start or end of names: "whose names start with inv_", "ending in _old",
# "以 IMG 开头".
_AFFIX = re.compile(
    r"\b(?:start|starts|starting|begin|begins|beginning|end|ends|ending)\s+(?:with|in)\s+[\"'`“‘「]?([^\s\"'`”’」]+)"
    r"|(?<![可所予加难足])以(?![后来外及上下此内前便免])\s*[\"'`“‘「]?([^\s\"'`”’」，。；、以的]{1,24}?)[\"'`”’」]?\s*"
    r"(?:开头|开始|打头|结尾|结束)"
)
# A span of time that starts or ends at a date ("the quarter ending in March", "the week starting Monday").
_SPAN_BEFORE = re.compile(
    r"\b(?:quarter|year|month|week|day|period|term|semester|season|fiscal year|fy|q[1-4])\s*$", re.I
)
# What a rename puts at the start or end of names rather than a text of them ("begin with the date").
_NOT_AFFIXES = frozenset(
    (
        "the",
        "its",
        "their",
        "a",
        "an",
        "date",
        "日期",
        "修改日期",
        "序号",
        "编号",
        "数字",
        "字母",
        "大写字母",
        "小写字母",
        "点",
    )
    + ("digits", "digit", "numbers", "number", "uppercase", "lowercase", "capital", "capitals", "underscore")
    + ("newest", "oldest", "largest", "biggest", "smallest", "latest", "earliest", "letters", "letter")
    + ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    + ("eleven", "twelve", "fifteen", "twenty", "thirty", "fifty", "hundred")
)


def _affix_dropped(plan: Any, request: str) -> str | None:
    """A start or end of names the request gives that no step writes: "list the files whose names
    start with inv_" is no listing of every file."""
    values: list[Any] = []
    for step in plan.steps:
        keys = ("path", "new_name", "add_prefix", "add_suffix", "template", "set_ext", "text", "start")
        values += [str(v) for v in (getattr(step, k, None) for k in keys) if v is not None]
        for sel in selections(step):
            values += [sel.path, sel.pattern, *(sel.exclude or [])]
            if sel.filters is not None:
                values += [sel.filters.name_regex, *(sel.filters.ext or [])]
    # the names the plan selects or writes, not its folders ("into desktop/screenshots" is no "screenshot*")
    written = " ".join(v.lower() for v in values if isinstance(v, str))
    texts = [
        v for step in plan.steps for v in (getattr(step, k, None) for k in ("content", "text")) if isinstance(v, str)
    ]
    starts = [str(getattr(step, "start", None) or 1) for step in plan.steps if getattr(step, "template", None)]
    for m in _AFFIX.finditer(request):
        if any(m.group(0) in t for t in texts):
            continue  # "Every day begins with coffee" is the text to write
        if m.group(1) and _SPAN_BEFORE.search(request[: m.start()]):
            continue  # "the quarter ending in March" dates the files, it names none
        affix = (m.group(1) or m.group(2) or "").strip(".,;:!?，。；：！？").lower()
        affix = re.sub(r"(?<=\d)[年月日号]$", "", affix)  # "以2023年开头": the names start with 2023
        if affix.isdigit() and any(affix.lstrip("0") == n for n in starts):
            continue  # "numbers starting with 001": where a numbering starts
        if affix and affix not in _NOT_AFFIXES and affix not in written and affix.lstrip(".") not in written:
            return f"the request gives names that start or end with {affix!r}, which no step of the plan writes"
    return None


_FUNCTION_WORDS = frozenset(("a", "an", "the", "it", "them", "this", "that", "these", "those", "my"))
# What follows an article or pronoun when it is one: the noun of a place ("into a folder called
# dupes"); "move the files in a to b" names the folder a.
_ARTICLE_BEFORE = re.compile(
    r"\s+(?:new\s+|separate\s+|different\s+|fresh\s+|single\s+|own\s+)*"
    r"(?:folder|directory|dir|subfolder|sub-folder|place|zip|archive|file)s?\b",
    re.I,
)
# A Chinese preposition and a space at the start of a name: "复制到 recent" read as "到 recent".
_ZH_PREPOSITION = re.compile(r"^[到在把给从往向进至入]\s")


def _function_word_name(plan: Any, request: str) -> str | None:
    """A name the request writes only as an article or pronoun before another word ("into a folder
    called dupes" is no folder "a")."""
    for i, step in enumerate(plan.steps, 1):
        sel = getattr(step, "select", None)
        values = [getattr(step, k, None) for k in ("path", "to", "new_name", "dest")]
        values += [sel.path, sel.in_] if sel is not None else []
        for v in values:
            if isinstance(v, str) and _ZH_PREPOSITION.match(v):
                return f"step {i} takes the word {v.split()[0]!r} into a name"
            if not isinstance(v, str) or v.strip("/").lower() not in _FUNCTION_WORDS:
                continue
            word = v.strip("/").lower()
            spots = list(re.finditer(rf"(?<![\w\"'`“‘]){re.escape(word)}(?![\w\"'`”’])", request.lower()))
            if spots and all(_ARTICLE_BEFORE.match(request[m.end() :]) for m in spots):
                return f"step {i} takes the word {word!r} for a name"
    return None


# A file name as a request writes it: a name with an extension, perhaps with its folders.
_FILE_NAME = re.compile(r"(?<![\w.\-/])[\w\-./\u4e00-\u9fff]*[\w\u4e00-\u9fff]\.[A-Za-z0-9]{1,8}(?![\w.])")


def _named_file_dropped(plan: Any, root: Path, prompt: str) -> str | None:
    """An existing file the request names that no value of an item-by-item changing plan writes."""
    steps = [s for s in plan.steps if s.op in MUTATING_OPS]
    if not any(getattr(getattr(s, "select", None), "path", None) for s in steps):
        return None
    from fileagent.agent.plan.text import to_text

    written = to_text(plan).lower()
    low = prompt.lower()
    names = list(_FILE_NAME.finditer(prompt))
    for k, m in enumerate(names):
        name = m.group(0)
        if name.lower() in written or not _on_disk(root / name, Path.is_file):
            continue
        if len(low) == len(prompt) and any(_protected(low, m.start(), m.end(), s.op) for s in steps):
            continue
        # only a name listed beside one the plan takes ("old.txt and older.txt"); a name given as a
        # comparison or a reason ("it is the same as original.txt") is no item of the job
        listed = [
            n
            for n in (names[k - 1] if k else None, names[k + 1] if k + 1 < len(names) else None)
            if n is not None
            and n.group(0).lower() in written
            and _LISTING.fullmatch(prompt[min(n.end(), m.end()) : max(n.start(), m.start())])
        ]
        if listed:
            return f"leaves out {name!r}, which the request names"
    return None


_LISTING = re.compile(r"\s*(?:,|，|、|&|and|和|与|及|以及|跟|,\s*and)\s*(?:also\s+)?", re.I)


_PATH_WORD = re.compile(r"(?<![\w.\-/])[\w\-.\u4e00-\u9fff]+(?:/[\w\-.\u4e00-\u9fff]+)+(?![\w/])")


def _kept_inside(step: Any, root: Path, prompt: str) -> str | None:
    """An existing item the request keeps that a step's selection of a folder takes with the rest
    ("delete the empty subfolders of work, but keep work/inbox")."""
    sel = getattr(step, "select", None)
    if sel is None or sel.path is not None or sel.duplicates or sel.limit or sel.sort:
        return None
    f = sel.filters
    if f is not None and any(v for k, v in f.to_dict().items() if k not in ("ext", "empty")):
        return None  # a size, date, text or tag filter: whether it takes the item is not known here
    low = prompt.lower()
    if len(low) != len(prompt):
        return None
    where = (sel.in_ or "").strip("/")
    where = "" if where == "." else where
    for m in (*_PATH_WORD.finditer(prompt), *_FILE_NAME.finditer(prompt)):
        if not _protected(low, m.start(), m.end(), step.op):
            continue
        rel = m.group(0).strip("/")
        if not _on_disk(root / rel, Path.exists) and where:
            rel = f"{where}/{rel}"
        if _takes(sel, root, where, rel):
            return rel
    return None


def _takes(sel: Any, root: Path, where: str, rel: str) -> bool:
    path = root / rel
    if not _on_disk(path, Path.exists) or (where and not rel.startswith(where + "/")):
        return False
    below = rel[len(where) + 1 :] if where else rel
    # an exclusion written from the root ("tmp/keep.txt"), from the folder, or naming the item or a
    # folder above it
    written = (rel.lower(), below.lower(), *below.lower().split("/"))
    if any(fnmatch.fnmatch(w, x.lower().strip("/")) for x in sel.exclude or () for w in written):
        return False
    if "/" in below and not (sel.recursive or (sel.filters is not None and sel.filters.empty)):
        return False
    name = below.rsplit("/", 1)[-1].lower()
    if sel.pattern not in (None, "*") and not fnmatch.fnmatch(name, sel.pattern.lower()):
        return False
    is_dir = path.is_dir()
    if (sel.kind == "file" and is_dir) or (sel.kind == "dir" and not is_dir):
        return False
    f = sel.filters
    if f is not None and f.ext and (is_dir or name.rsplit(".", 1)[-1] not in {e.lower() for e in f.ext}):
        return False
    return not (f is not None and f.empty and (not is_dir or any(path.iterdir())))


def _on_disk(path: Path, test: Callable[[Path], bool]) -> bool:
    """`test` of a path a request writes, False where the name cannot be one (too long, a NUL)."""
    try:
        return test(path)
    except (OSError, ValueError):
        return False
