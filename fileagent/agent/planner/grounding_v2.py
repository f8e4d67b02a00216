"""Version-2 plan values and jobs grounded in the request: the post-decode half of values_v2.

Both ways round, as for extensions (grounding.py):
- what a plan writes is said: a count or an age comes from the request (values_v2, the same
  rule the decoding constraint applies, checked again on the whole plan); a rename template puts
  in the date only for a request that speaks of one; and an archive, an extraction, a duplicates
  rule, an order, "empty", a case change, topics, or removing the originals only where the
  request has a word for that job ("zip", "解压", "duplicates", "largest", "空文件夹", "lowercase",
  "主题", "delete the originals"). A word one typo away counts ("duplciates": requests have typos);
- what the request asks to narrow a deletion or a move by is carried: a plan that deletes or moves
  a group where the request speaks of duplicates, empty folders or files, an age ("older than 2
  years") or an exception ("except", "除了") keeps that in some step, so "delete the duplicate
  photos" never becomes "delete the photos".
These word lists are a guard against a misread, not the reading: the model writes the plan.
"""

from __future__ import annotations

import re
from typing import Any

from fileagent.agent.planner.values_v2 import RequestValues, asks_for_age, one_edit, speaks_of_dates

# Words (English stems: a word starting so; Chinese: anywhere) that say each job.
JOB_WORDS: dict[str, tuple[str, ...]] = {
    job: tuple(words.split("|"))
    for job, words in {
        "archive": "zip|compress|archiv|bundle|pack|tar|7z|rar|压缩|打包|归档|压成|打成|压进|压到|压一下|打进|打个包|squeez|wrap",
        "extract": "unzip|extract|unpack|decompress|uncompress|expand|untar|unrar|unarchiv|open|inflate|"
        "un-zip|content|out of|dump|restor|解|展开|释放|打开|拆开|取出|拿出",
        "duplicates": "duplicat|dedup|dupe|dups|identical|same|copies|copy|twin|clone|repeat|redundant|"
        "more than once|twice|重复|去重|去个重|一模一样|一样|相同|副本|多余|多份|两份|几份",
        "empty": "empty|blank|nothing|anything|no content|zero|0 byte|0-byte|0b|0kb|0 kb|no files|"
        "size is 0|size of 0|空|没有|没东西|零|0字节|0 字节|为 0|为0|是 0|是0",
        # the direction of a case change is the request's: "lowercase" never licenses case=upper
        # ("no capitals", "去掉大写" ask for lower case with the other word)
        "case_lower": "lower|downcase|small letter|capital|caps|小写|大写",
        "case_upper": "upper|capital|caps|upcase|大写",
        "topic": "topic|subject|theme|content|about|meaning|semantic|主题|话题|内容|题材|意思|语义",
        "sort": "sort|order|rank|first|alphabet|a to z|z to a|big|large|small|biggest|largest|smallest|"
        "newest|oldest|long|tin|heav|bulk|light|huge|new|old|recent|latest|earliest|stale|fresh|most|least|"
        "top|bottom|size|name|date|time|modif|space|room|排序|排列|顺序|按|最|从大到小|从小到大|大小|"
        "名称|名字|时间|日期|占|空间",
        # a classify by size or by date that the request does not ask for is a misread of "by topic", "by type"
        "by_size": "size|big|large|small|tiny|huge|heav|light|kb|mb|gb|byte|space|大小|大中小|体积|尺寸|大的|小的|大文件|小文件|占",
        "by_date": "year|month|date|time|when|annual|yearly|monthly|age|old|new|recent|created|modif|年|月|日期|时间|季度",
        # a deletion needs a word for it: "move the 2 biggest files to big" is no delete
        "delete": "delet|remov|eras|rid|trash|bin|wipe|purg|clean|clear|discard|throw|drop|rm|del|nuke|scrap|"
        "kill|destroy|dump|junk|toss|ditch|empty|dedup|prune|unlink|zap|blow|lose|axe|cull|shred|free up|chuck|"
        "dispos|do away|to go|can go|must go|get shot|"
        "删|清|扔|去掉|去除|移除|不要|丢|干掉|处理掉|去重|去个重|腾空|销毁|剔除|抹掉|除掉|砍掉|干净|回收站|只留|留一|"
        "保留|留下",
        # a move needs a word for moving or filing away: "fax q3.pdf to 212-555-0199" is no move
        "move": "mov|put|plac|relocat|transfer|shift|file|stash|send|drop|throw|toss|dump|stick|stor|bring|"
        "take|tuck|shov|push|carry|migrat|mv|go|land|end up|belong|sit|live|collect|gather|consolidat|"
        "archiv|sort|organi|tidy|clean|get|pack|chuck|park|shuffl|evacuat|ship|cut|rehom|haul|transport|"
        "bundl|group|split|distribut|isolat|quarantin|segregat|separat|pull|extract|stuff|fling|bump|"
        "shunt|sweep|herd|round up|lump|pile|heap|keep|set aside|shelve|hide|aside|away|out of|over to|home|drag|pop|"
        "slide|scoot|relegat|dispatch|deposit|lodge|plop|plonk|stow|sling|ferry|offload|unload|load|dropp|"
        "into|in to|inside|under|back|restor|return|flatten|hoist|lift|lower|rais|promot|demot|nest|"
        "renam|merg|combin|locat|original|want|->|→|"
        "移|挪|放|搬|转|归|丢|扔|塞|存|收|整|剪切|迁|送|拖|拿|装|弄|搁|进|到|去|入|回|出|分|隔离|集中|汇总|合并|腾|调|划|在",
        "remove_originals": "delet|remov|erase|rid|discard|trash|drop|original|move|wipe|clean|"
        "swap|only|throw|end up|replace|instead|删|移除|去掉|原文件|原件|原始|不要|不留|只留|只保留|清除|移",
    }.items()
}
# What narrows a deletion or a move, said so that it cannot mean anything else.
_NARROWING = {
    # not the verb nor a copy ("duplicate the folder", "make a duplicate of every svg file")
    "duplicates": re.compile(
        r"\bduplicat(?:es|ed|ion)\b(?!\.\w|\s+of\b)|\bdupes?\b"
        r"|\bduplicate\s+(?!(?:the|all|every|my|this|these|those|a|an|it|them|of|to|in|into|for)\b)[a-z]"
        r"|重复|一模一样|内容相同",
        re.I,
    ),
    # plural in English ("create an empty file" names one file to make); not after 清 ("清空": empty
    # out), 建, 为 ("内容为空的文件": a new file with nothing in it) or a measure word ("新建一个空文件夹")
    "empty": re.compile(
        r"\bempty\s+(?:sub)?(?:folders|dirs|directories|files|ones)\b|\b(?:0|zero)-byte|(?<![清建个一为])空(?:的)?(?:文件夹|目录|文件)",
        re.I,
    ),
    # not the 除了 of 删除了, 移除了 ("deleted")
    "except": re.compile(
        r"\b(?:except|excluding|but not|apart from|other than)\b|(?<![删移清去消])除了|除去|不包括|不含|排除", re.I
    ),
}
_WORD = re.compile(r"[a-z]+")
# Four-letter words a typo may reach ("sze", "yaer"); shorter and other four-letter words only as written.
_TYPO_SHORT = frozenset({"size", "year", "date", "time"})


def says(request: str, job: str) -> bool:
    """The request has a word for `job` (JOB_WORDS), or one typo away from a long one."""
    low = request.lower()
    words = _WORD.findall(low)
    for w in JOB_WORDS[job]:
        if not w.isascii():
            if w in low:
                return True
        elif re.search(r"(?<![a-z])" + re.escape(w), low):
            return True
        elif (len(w) >= 5 or w in _TYPO_SHORT) and " " not in w:
            n = len(w)
            if any(one_edit(word[:k], w) for word in words if len(word) >= n - 1 for k in (n - 1, n, n + 1)):
                return True
    return False


def _jobs(step: Any) -> list[str]:
    """The version-2 jobs a step does that need a word of the request."""
    out = [step.op] if step.op in ("archive", "extract", "delete", "move") else []
    sel = getattr(step, "select", None)
    if sel is not None:
        out += [k for k in ("duplicates", "sort") if getattr(sel, k) is not None]
        if sel.filters is not None and sel.filters.empty:
            out.append("empty")
    if getattr(step, "case", None) is not None:
        out.append("case_" + step.case)
    by = getattr(step, "by", None)
    if by == "topic":
        out.append("topic")
    elif by == "size":
        out.append("by_size")
    elif by in ("year", "month"):
        out.append("by_date")
    if getattr(step, "remove_originals", None):
        out.append("remove_originals")
    return out


def _narrowed(plan: Any) -> set[str]:
    """What the plan's steps narrow their selections by."""
    out = set()
    for step in plan.steps:
        sel = getattr(step, "select", None)
        if sel is None:
            continue
        if sel.duplicates is not None:
            out.add("duplicates")
        if sel.exclude:
            out.add("except")
        f = sel.filters
        if f is not None and f.empty:
            out.add("empty")
        if f is not None and (f.older_than or f.newer_than or f.modified_after or f.modified_before):
            out.add("age")
    return out


def _takes_a_group(plan: Any) -> bool:
    """A step deletes or moves a group of items (not one named path)."""
    for step in plan.steps:
        sel = getattr(step, "select", None)
        if sel is not None and sel.path is None:
            if step.op in ("delete", "move") or (step.op == "archive" and step.remove_originals):
                return True
    return False


_PLACEHOLDER = re.compile(r"\{[a-z]+(?::\d+)?\}")


def _said_template(template: str) -> bool:
    """A template the request may say in words rather than write: one that numbers the items or
    dates them, each placeholder once ("photo_{n:03}.{ext}", "{date}_{name}"); "{stem}_{stem}.{ext}"
    comes from no request."""
    names = [m.group(0).split(":")[0].strip("{}") for m in _PLACEHOLDER.finditer(template)]
    return ("n" in names or "date" in names) and len(names) == len(set(names))


# A numbering ordered by time or size ("oldest first", "按修改时间"); by name needs no word.
_NUMBER_ORDER = re.compile(
    r"\b(?:by|in order of)\s+(?:the\s+)?(?:date|time|modification|modified|mtime|size|age)\b"
    r"|\b(?:oldest|newest|earliest|latest|biggest|largest|smallest)\s+first\b|chronologic"
    r"|按(?:照)?(?:修改|创建)?(?:时间|日期|大小)|从早到晚|从旧到新|从新到旧|从大到小|从小到大",
    re.I,
)


_NUMBER = re.compile(r"\{n(?::\d+)?\}")


def _number(stem: str, n: int) -> str:
    """The name a numbering template gives item n ("scan_{n:03}" -> "scan_007")."""

    def width(m: re.Match[str]) -> str:
        return str(n).zfill(int(m.group(1)))

    return re.sub(r"\{n:0?(\d+)\}", width, stem).replace("{n}", str(n))


def _numbering_unlike_examples(template: str, start: int | None, request: str) -> bool:
    """A numbering template whose first names are none of the example names the request writes
    ("chapter{n:03}" for "chapter_01.txt, chapter_02.txt")."""
    stem = template[: -len(".{ext}")] if template.endswith(".{ext}") else template
    if not _NUMBER.search(stem) or re.search(r"\{(?!n[}:])", stem):
        return False  # names or dates in the template: no example to compare
    head = next((c.strip("_- ") for c in re.split(r"\{[^}]*\}", stem) if c.strip("_- ")), "")
    low = request.lower()
    if not head or not re.search(re.escape(head.lower()) + r"[\w\-]{0,3}?\d", low):
        return False  # the numbering is said in words
    first = start if start is not None else 1
    for n in range(first, first + 3):
        name = _number(stem, n)
        if name.lower() in low:
            return False
    return True


_SERIES_NAME = re.compile(r"([^\W\d]+?[_\-]?)(\d+)(?:\.[a-z0-9]{1,6})?(?![\w.])")


def numbered_series(request: str) -> bool:
    """The request writes example names of a numbering: two names with the same head and other
    numbers ("scan_001.png、scan_002.png", "chapter1, chapter2")."""
    seen: dict[str, set[str]] = {}
    for m in _SERIES_NAME.finditer(request.lower()):
        seen.setdefault(m.group(1), set()).add(m.group(2))
    return any(len(numbers) >= 2 for numbers in seen.values())


def _without_places(plan: Any, request: str) -> str:
    """The request less the folders and paths the plan selects from ("trip2023" is no example name)."""
    for step in plan.steps:
        sel = getattr(step, "select", None)
        for v in (sel.in_, sel.path) if sel is not None else ():
            if v:
                request = re.sub(re.escape(v), " ", request, flags=re.I)
    return request


def ungrounded_v2(plan: Any, request: str) -> str | None:
    """Why a version-2 value or job of `plan` does not come from `request`, or what narrowing the
    request asks for that a deletion or move leaves out; None when all is well."""
    values: RequestValues | None = None
    for i, step in enumerate(plan.steps, 1):
        for job in _jobs(step):
            if not says(request, job):
                return f"step {i} {job.replace('_', ' ')}, and the request has no word for that"
        sel = getattr(step, "select", None)
        counts = [("limit", sel.limit if sel is not None else None)]
        counts += [("start", getattr(step, "start", None)), ("max_groups", getattr(step, "max_groups", None))]
        f = sel.filters if sel is not None else None
        ages = [f.older_than, f.newer_than] if f is not None else []
        if any(v is not None for _, v in counts) or any(ages):
            values = RequestValues(request) if values is None else values
            for key, v in counts:
                if v is not None and not values.count_ok(key, str(v), True):
                    return f"step {i}'s {key}={v} is not a number the request writes"
            for age in filter(None, ages):
                if not values.age_ok(age, True):
                    return f"step {i}'s age {age} is not an age the request writes"
        template = getattr(step, "template", None)
        if template and "{date}" in template and not speaks_of_dates(request):
            return f"step {i} puts the date in the names, and the request speaks of no date"
        if template and template not in request and not _said_template(template):
            return f"step {i}'s name template {template!r} is neither written in the request nor a numbering or date"
        if (
            step.op == "rename"
            and sel is not None
            and not (template and _NUMBER.search(template))
            and len(plan.steps) == 1
            and numbered_series(_without_places(plan, request))
        ):
            return f"the request numbers the names, and step {i} does not"
        if (
            template
            and template not in request
            and _numbering_unlike_examples(template, getattr(step, "start", None), _without_places(plan, request))
        ):
            return f"step {i}'s names {template!r} are not the example names the request writes"
        if (
            template
            and len(plan.steps) == 1  # an order the request gives may be another step's
            and _NUMBER.search(template)
            and sel is not None
            and sel.sort is None
            and _NUMBER_ORDER.search(request)
        ):
            return f"step {i} numbers the items by name, and the request gives another order"
    if _takes_a_group(plan):
        narrowed = _narrowed(plan)
        for what, said in _NARROWING.items():
            if what not in narrowed and said.search(request):
                return f"the request narrows by {what}, which no step of the plan does"
        if "age" not in narrowed and asks_for_age(request):
            return "the request gives an age, which no step of the plan selects by"
    elif (
        _moves_a_path(plan)
        and "age" not in _narrowed(plan)
        and asks_for_age(request)
        and not _AGE_AS_REASON.search(request)
    ):
        # "move the reports older than 2 years into archive" is no move of the folder reports
        return "the request gives an age, which no step of the plan selects by"
    return None


def _moves_a_path(plan: Any) -> bool:
    """A delete or move of a named folder (a file is one item: an age cannot narrow it)."""
    return any(
        step.op in ("delete", "move")
        and getattr(step, "select", None) is not None
        and step.select.path
        and "." not in step.select.path.rsplit("/", 1)[-1][1:]
        for step in plan.steps
    )


# An age given as the reason for the job ("delete work/old, it's more than 5 years old", "已经两年没动了").
_AGE_AS_REASON = re.compile(
    r"\b(?:it|it's|it is|it has|it hasn't|they|they're|they are|that's|since|because|as)\b|已经|它|因为|反正", re.I
)
