"""How much a changing step may take: never what the request protects, never more than it names.

A plan can be grounded value by value and still take the wrong things:

- protected: a step changes an item the request keeps ("delete debug.log but keep TODO.txt",
  "把 notes.txt 移到 old，todo.txt 不动"), or deletes where the request says to delete nothing;
- kept by order: a delete or move of "the N newest" where the request keeps them ("keep the 3
  newest files and delete the rest": the plan language has no "all but the N");
- whole: a step takes a folder whole where the request only looks inside it ("delete the old
  screenshots in downloads" is no delete of downloads);
- everything: a delete or move of everything in a folder, unfiltered, where the request has no
  word for everything ("delete the resume in downloads", "删除 downloads 里的简历");
- left out: an exclusion the request has no word for ("简历" excluded from "删除 downloads 里的简历");
- ordered: a step that takes every item in an order, with no count ("delete the large files" is
  no `sort=size` of every file);
- other jobs: a case change of whole names where the request asks for the extension, a classify
  by another rule where the request asks for topics.

What a plan leaves out of the request is coverage.py's business.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fileagent.agent.plan.model import MUTATING_OPS
from fileagent.agent.planner.values_v2 import SUPERLATIVE_FORMS, one_edit, written_numbers

_TAKING = frozenset(("delete", "move", "copy", "archive", "rename", "tag", "update"))
_EMPTYING = frozenset(("delete", "move"))

# Words before a name that keep it out of the job ("but not X", "keep X", "保留 X", "除了 X"), and
# the ops they keep it from (None: every op).
_KEEP_BEFORE = re.compile(
    r"(?:\b(?P<all>but\s+not|not|keep|keeping|leave|leaving|spare|sparing|except|excluding|without|retain|minus)"
    r"|\b(?:do\s+not|don'?t|never)\s+(?P<verb>touch|delete|remove|move|change|rename)"
    r"|(?P<zh_all>保留|留下|留着|除了|不要动|别动)|(?P<zh_del>不要删除?|别删除?|不删除?)|(?P<zh_move>不要移动?|别移动?))"
    r"\s*(?:the\s+)?(?:file\s+|folder\s+)?[\"'“”‘’「」]?\s*$",
    re.I,
)
# ... or after it ("todo.txt 不动", "README.md 别动", "X 除外").
_KEEP_AFTER = re.compile(r"^\s*[\"'“”‘’「」]?\s*(?:不动|别动|不要动|保留|留着|不要删|别删|不删|除外|别碰)")
# "keep X where it is but rename it": kept from moving and deleting only
_IN_PLACE = re.compile(r"where\s+(?:it|they)\s+(?:is|are)|\bin\s+(?:its\s+)?place\b|原地|原处|原位", re.I)
_CLAUSE_END = re.compile(r"[;；。，,.!?！？]|\b(?:then|and\s+then|next|also)\b|然后|再将|再把|接着|之后|随后", re.I)
_VERB_OPS = {"delete": {"delete"}, "remove": {"delete"}, "move": {"move"}, "rename": {"rename"}}
_DELETE_NOTHING = re.compile(
    r"\b(?:do\s+not|don'?t|never)\s+(?:delete|remove)\s+(?:anything|any\s+files?)\b|\bdelete\s+nothing\b"
    r"|不要删除?任何|别删除?任何|不删除?任何|什么都(?:不要|别)删",
    re.I,
)
_EXCLUDING = re.compile(
    r"\b(?:except|excluding|exclude|but\s+not|apart\s+from|other\s+than|without|not|leave|leaving|keep|skip|skipping|"
    r"besides|aside\s+from|save\s+for|minus)\b|(?<![删移清去消解])除|不包括|不包含|不含|排除|以外|之外|"
    r"别动|不动|不要动|保留|跳过|不要包括|不算|不管",
    re.I,
)
# A case change of the extension alone, which the plan language cannot say (a rename's `case`
# changes the whole name).
_EXTENSION_ONLY = re.compile(
    r"\b(?:lower|upper)[\s-]*case\s+(?:the\s+|their\s+|its\s+)?(?:file\s+)?extensions?\b"
    r"|\bextensions?\s+(?:\S+\s+){0,3}?(?:to\s+|in\s+|into\s+)?(?:all\s+)?"
    r"(?:lower|upper)(?!\w*(?:[\s-]*case)?\s+(?:file\s*)?names)"
    r"|(?:扩展名|后缀).{0,6}[大小]写|[大小]写.{0,3}(?:扩展名|后缀)",
    re.I,
)
_BY_TOPIC = re.compile(r"\b(?:topics?|subjects?|themes?)\b(?!\W+rules?)|主题|话题|题材", re.I)
# "not changed in the last month", "haven't been touched in the past year", "最近一个月没改过的"
_NOT_RECENTLY = re.compile(
    r"(?:\bnot|n't|\bnever)\s+(?:\w+\s+){0,3}?(?:in|within|during|for|over|since)\s+(?:the\s+)?(?:last|past)\b"
    r"|(?:最近|近|过去|这)[^，。；,;]{0,8}(?:没|未|不曾)(?:有)?(?:被)?(?:修改|改|动|碰|更新|编辑|打开|用过)",
    re.I,
)
_KEEP_WORD = re.compile(r"\b(?:keep|keeping|leave|leaving|retain|spare)\b|保留|留下|留着|只留|剩下", re.I)
# A folder written as where things are ("in downloads", "downloads 里", "from the docs folder").
_INSIDE_BEFORE = re.compile(
    r"\b(?:in|inside|within|from|under|out\s+of)\s+(?:the\s+|my\s+)?(?:folder\s+|directory\s+)?[\"'“”‘’「」]?\s*$", re.I
)
_INSIDE_AFTER = re.compile(
    r"^\s*[\"'“”‘’「」]?\s*(?:(?:folder|directory)\b)?\s*(?:文件夹|目录)?\s*(?:里|中|内|下|当中)"
)
# Words for everything in a folder: for files and items, and for folders.
_ALL_ITEMS = re.compile(
    r"\b(?:all|any|every\w*|entire|whole|contents?|files?|items?|stuff|things|anything|what(?:'s|\s+is)?|whatever"
    r"|clear|empty|wipe|purge|completely|out|dump)\b|所有|全部|全都|都|一切|东西|文件(?!夹)|内容|清空|腾空|清理|统统|"
    r"里面的",
    re.I,
)
_ALL_FOLDERS = re.compile(
    r"\b(?:all|any|every\w*|sub-?folders?|folders?|directories|dirs?)\b|所有|全部|都|子文件夹|子目录|文件夹|目录", re.I
)


def overreaches(plan: Any, root: Path | None, prompt: str) -> str | None:
    """Why the plan takes more than the request gives it (see the module), or None."""
    if not prompt:
        return None
    low = prompt.lower()
    single = len(plan.steps) == 1  # one job, so the request's words are all about it
    for i, step in enumerate(plan.steps, 1):
        if step.op not in MUTATING_OPS:
            continue
        sel = getattr(step, "select", None)
        if step.op == "delete" and _DELETE_NOTHING.search(prompt):
            return f"deletes, and the request says to delete nothing (step {i})"
        if single and getattr(step, "case", None) is not None and _EXTENSION_ONLY.search(prompt):
            return f"changes the case of whole names, and the request asks for the extension (step {i})"
        if single and step.op == "classify" and step.by != "topic" and not step.rule_set and _BY_TOPIC.search(prompt):
            return f"sorts by {step.by}, and the request asks for topics (step {i})"
        for value in _targets(step):
            if _all_mentions(low, value, lambda low, a, b, op=step.op: _protected(low, a, b, op)):
                return f"{step.op}s {value!r}, which the request keeps (step {i})"
        if sel is None or step.op not in _TAKING:
            continue
        if sel.filters is not None and sel.filters.newer_than and _NOT_RECENTLY.search(prompt):
            return f"selects what changed lately, and the request asks for what did not (step {i})"
        kept_out = sel.exclude and all(
            _all_mentions(low, x, lambda low, a, b, op=step.op: _protected(low, a, b, op)) for x in sel.exclude
        )  # "clear cache, only keep config.json" leaves out what it keeps
        if sel.exclude and not kept_out and not _says(prompt, _EXCLUDING, _EXCLUDING_LONG):
            return f"leaves out {sel.exclude[0]!r}, and the request leaves nothing out (step {i})"
        if sel.sort is not None and sel.limit is None and step.op != "rename":
            # an order matters to what a step takes only with a count ("the 3 biggest"); "the large
            # files" is no order of every file
            return f"{step.op}s every item in an order, and only a count makes an order matter (step {i})"
        if step.op in _EMPTYING and sel.limit is not None and _keeps_the_count(prompt, sel.limit):
            return f"{step.op}s the items its order picks, and the request keeps those (step {i})"
        if sel.path and root is not None and (root / sel.path).is_dir():
            if _all_mentions(low, sel.path, _inside):
                return f"takes {sel.path!r} whole, and the request looks inside it (step {i})"
            if step.op in _EMPTYING and _all_mentions(low, sel.path, _describes):
                # "delete the old screenshots" is no delete of a folder named old
                return f"takes {sel.path!r} whole, and the request uses its name to describe files (step {i})"
        if step.op in _EMPTYING and _unfiltered(sel):
            words = _ALL_FOLDERS if sel.kind == "dir" else _ALL_ITEMS
            if not _says(_without(prompt, sel.in_), words, _ALL_LONG):
                return f"{step.op}s everything in {sel.in_!r}, and the request has no word for everything (step {i})"
    return None


# Long words of those lists that a request may write with one typo ("evertyhing", "aprat from").
_EXCLUDING_LONG = (
    "except",
    "excluding",
    "leaving",
    "apart",
    "without",
    "besides",
    "minus",
    "skipping",
    "other",
    "save",
)
_ALL_LONG = ("everything", "every", "whatever", "empty", "clear", "contents", "entire", "whole", "files", "items")


def _says(text: str, words: re.Pattern[str], long: tuple[str, ...]) -> bool:
    if words.search(text):
        return True
    return any(
        one_edit(w, x) for w in re.findall(r"[a-z]{4,}", text.lower()) for x in long if abs(len(w) - len(x)) <= 1
    )


def _keeps_the_count(prompt: str, limit: int) -> bool:
    """A keep word beside the step's count, or beside a superlative for a count of 1 ("keep the 3
    newest", "只保留最新的 3 个", "保留最大的文件")."""
    for m in _KEEP_WORD.finditer(prompt):
        after = _CLAUSE_END.split(prompt[m.end() : m.end() + 25], maxsplit=1)[0]
        near = prompt[max(0, m.start() - 12) : m.end()] + after
        if written_numbers(near) & {limit} or (limit == 1 and SUPERLATIVE_FORMS.search(near)):
            return True
    return False


def _targets(step: Any) -> list[str]:
    sel = getattr(step, "select", None)
    out = [getattr(step, "path", None)]
    if sel is not None:
        out += [sel.path, sel.in_]
    return [v.strip("/") for v in out if isinstance(v, str) and v.strip("/") not in ("", ".")]


def _unfiltered(sel: Any) -> bool:
    f = sel.filters
    return (
        sel.path is None
        and bool(sel.in_)
        and sel.pattern in (None, "*")
        and (f is None or not any(v for k, v in f.to_dict().items()))
        and sel.duplicates is None
        and sel.limit is None
        and not sel.exclude
    )


def _without(prompt: str, name: str | None) -> str:
    """The request less the folder's own name ("all-files" as a folder is no word for everything)."""
    return prompt.replace(name, " ") if name else prompt


def _mentions(low: str, value: str) -> list[tuple[int, int]]:
    """Where the request writes the value, or its last name when it does not write it whole."""
    spots = []
    for name in (value.lower(), value.lower().rsplit("/", 1)[-1]):
        for m in re.finditer(re.escape(name), low):
            before, after = low[m.start() - 1 : m.start()], low[m.end() : m.end() + 1]
            if not (before.isalnum() and before.isascii()) and not (after.isalnum() and after.isascii()):
                spots.append((m.start(), m.end()))
        if spots:
            break
    return spots


def _all_mentions(low: str, value: str, test: Any) -> bool:
    spots = _mentions(low, value)
    return bool(spots) and all(test(low, a, b) for a, b in spots)


def _protected(low: str, start: int, end: int, op: str) -> bool:
    """The request keeps the item it writes at start:end from `op`."""
    after = low[end : end + 24]
    if _KEEP_AFTER.match(after):
        return True
    m = _KEEP_BEFORE.search(low[max(0, start - 40) : start])
    if m is None:
        return False
    if m.group("verb"):
        ops = _VERB_OPS.get(m.group("verb").lower())
        return ops is None or op in ops
    if m.group("zh_del"):
        return op == "delete"
    if m.group("zh_move"):
        return op == "move"
    if _IN_PLACE.search(_CLAUSE_END.split(low[end : end + 60], maxsplit=1)[0]):
        return op in ("move", "delete")
    return True


# A word naming files right after the name: the name describes them ("the old screenshots").
_NOUN_AFTER = re.compile(
    r"^\s+(?!(?:as|is|was|has|its|this|thus|plus|always|perhaps|thanks|yes|was|does|goes)\b)[a-z]{3,}s\b"
)


_DETERMINER_BEFORE = re.compile(r"\b(?:the|my|all|any|these|those|our|your|every)\s+$")


def _describes(low: str, start: int, end: int) -> bool:
    """ "the old screenshots": a determiner, the name, then a plural noun."""
    return bool(_DETERMINER_BEFORE.search(low[max(0, start - 12) : start]) and _NOUN_AFTER.match(low[end : end + 24]))


def _inside(low: str, start: int, end: int) -> bool:
    return bool(_INSIDE_BEFORE.search(low[max(0, start - 30) : start]) or _INSIDE_AFTER.match(low[end : end + 16]))
