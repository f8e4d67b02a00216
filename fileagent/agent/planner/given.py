"""Values the request gives that the plan must use as given: quoted texts, tags, superlatives, and
quantities that are no names. Tree-free; grounding.ungrounded calls `misused`.

- A text the request quotes ('refund', “发票”) is written by some step: a plan that drops one of two
  quoted keywords sorts by half the request.
- "the notes tagged urgent" / "带 urgent 标签的" select by tag, or tag.
- "the 3 biggest", "最新的" need a step that orders its selection (or keeps one copy of duplicates).
- "30 days", "3 个", "5 MB" are amounts: their number is never a file or folder name.
- Everything "except the exe files" never lands in a folder named after the files it leaves out.
"""

from __future__ import annotations

import re
from typing import Any

from fileagent.agent.planner.coverage import selections
from fileagent.agent.planner.type_words import TYPE_WORDS_EN, TYPE_WORDS_ZH

# Double quotes pair in turn; a single quote must stand apart from ASCII words, so an apostrophe
# ("don't", "it's") opens nothing.
_QUOTED = re.compile(
    r"(?<![A-Za-z0-9_'])'([^'\n]{1,80}?)'(?![A-Za-z0-9_'])|(?<![0-9])\"([^\"\n]{0,80})\""
    r"|‘([^’\n]{1,80}?)’|“([^”\n]{1,80}?)”|「([^」\n]{1,80}?)」|(?<!`)`([^`\n]{1,80}?)`(?!`)"
)
# What a request quotes without giving it to the plan: a request it sets aside ("keep 'a.txt'").
_KEPT_BEFORE = re.compile(
    r"(?:\bkeep|\bkeeping|\bexcept|\bexcluding|\bbut not|\bnot|\bleave|\bleaving|\bskip|\bskipping|"
    r"\bapart from|\bother than|\bwithout|\btouch|\bspare|保留|除了|不要动|别动|不要碰|别碰|留下|跳过|不包括|排除)"
    r"(?:\W+[\w.]+){0,3}?\W*$|(?:保留|除了|留下|跳过|排除)[^，。,;；]{0,4}$",
    re.I,
)
_KEPT_AFTER = re.compile(
    r"^\W{0,2}(?:\s*(?:要|得|就|先|也|都|请)){0,2}\s*(?:保留|留着|留下|别动|不要动|不动|别碰|不要碰)|^\W*(?:alone|untouched)\b",
    re.I,
)
# Words, not parts of names: "latest.log", "report-latest.docx" and "tagged.txt" ask for nothing.
_TAGGED = re.compile(
    r"(?<![\w.\-/])(?:tagged|with the tag|having the tag)(?![\w.\-/])|带(?:有)?\s*[^\s，。,的]{1,20}?\s*标签|标签(?:为|是)",
    re.I,
)
_SUPERLATIVE = re.compile(
    r"(?<![\w.\-/])(?:biggest|largest|smallest|tiniest|heaviest|newest|oldest|latest|earliest|"
    r"most recent(?:ly)?(?!\s+\d))(?![\w.\-/])|最(?:大|小|新|旧|老|早)(?=的|[一两二三四五六七八九十几\d]|那|个)",
    re.I,
)
_TYPE_WORDS = frozenset(
    w.casefold()
    for table in (TYPE_WORDS_EN, TYPE_WORDS_ZH)
    for kind, words in table.items()
    for w in (kind, *(x for word in words for x in ((word,) if isinstance(word, str) else word)))
)
_AMOUNT = re.compile(
    r"(?<![\w.])(\d{1,3})\s*(?:days?|weeks?|months?|years?|hours?|minutes?|bytes?|"
    r"[kmgt]i?b|天|日|周|星期|个月|年|小时|分钟|个|份|字节|兆)(?![a-z])",
    re.I,
)


def misused(plan: Any, request: str) -> str | None:
    """Why the plan does not use a value of the request as the request gives it, or None."""
    values = _strings(plan.to_dict()["steps"])
    plain = _unquoted(request, values)
    return (
        _quote_dropped(plan, request, values)
        or _tag_dropped(plan, plain)
        or _order_dropped(plan, plain)
        or _amount_as_name(plan, request)
        or _left_out_as_destination(plan)
    )


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _quote_dropped(plan: Any, request: str, values: list[str]) -> str | None:
    if any(getattr(step, "template", None) for step in plan.steps):
        return None  # "改成“日期_原名”的格式" describes the names a template writes
    written = [s.casefold() for s in values]
    for m in _QUOTED.finditer(request):
        quoted = next(g for g in m.groups() if g is not None).strip().casefold()
        quoted = quoted.removeprefix("./").strip("/")
        if len(quoted) < 2 or quoted in _TYPE_WORDS:
            continue  # "rock 'n' roll"; "all 'images'" is a type the grounding checks hold
        if _KEPT_BEFORE.search(request[: m.start()]) or _KEPT_AFTER.search(request[m.end() :]):
            continue
        bare = quoted.strip("*").lstrip(".")  # '*draft*', '.pdf'
        name = quoted.rsplit("/", 1)[-1]  # a new name written with its folder ("to 'docs/b.txt'")
        whole = re.compile(
            rf"(?<![a-z0-9])(?:{re.escape(bare or quoted)}|{re.escape(re.escape(bare or quoted))})(?![a-z0-9])"
        )
        if not any(whole.search(w) or name == w for w in written):
            return f"the request quotes {quoted!r}, which no step of the plan writes"
    return None


def _unquoted(request: str, values: list[str]) -> str:
    """The request less its quotes and the names the plan writes ("the Newest Uploads folder")."""
    out = _QUOTED.sub(" ", request)
    for value in sorted(values, key=len, reverse=True):
        if len(value) >= 3:
            out = re.sub(re.escape(value), " ", out, flags=re.I)
    return out


def _tag_dropped(plan: Any, plain: str) -> str | None:
    if not _TAGGED.search(plain):
        return None
    for step in plan.steps:
        if step.op == "tag":
            return None
        for sel in selections(step):
            if sel.filters is not None and sel.filters.tag:
                return None
    return "the request picks items by tag, which no step of the plan does"


def _order_dropped(plan: Any, plain: str) -> str | None:
    m = _SUPERLATIVE.search(plain)
    if m is None:
        return None
    for step in plan.steps:
        if getattr(step, "template", None) or getattr(step, "case", None):
            return None  # "oldest first" orders a numbering; the numbering checks see to it
        for sel in selections(step):
            if sel.sort is not None or sel.duplicates is not None:
                return None  # "keep the newest copy" is a duplicates policy
    return f"the request asks for the {m.group(0).lower()}, and no step of the plan orders its items"


def _amount_as_name(plan: Any, request: str) -> str | None:
    amounts = [m.group(1) for m in _AMOUNT.finditer(request)]
    if not amounts:
        return None
    for i, step in enumerate(plan.steps, 1):
        names = [getattr(step, k, None) for k in ("path", "to", "new_name", "dest")]
        names += [v for sel in selections(step) for v in (sel.path, sel.in_)]
        for v in names:
            n = v.strip("/").split("/")[-1] if isinstance(v, str) else None
            # every time the request writes the number, it is an amount
            if n in amounts and len(re.findall(rf"(?<![\w.]){n}(?![\w.])", request)) == amounts.count(n):
                return f"step {i} takes the number of an amount ({n}) for a name"
    return None


def _left_out_as_destination(plan: Any) -> str | None:
    for i, step in enumerate(plan.steps, 1):
        to = getattr(step, "to", None)
        if not isinstance(to, str):
            continue
        last = to.strip("/").split("/")[-1].casefold()
        for sel in selections(step):
            left = {g.casefold()[2:] for g in sel.exclude or () if g.startswith("*.")}
            if last in left:
                return f"step {i} puts what it takes into {to!r}, named after what it leaves out"
    return None
