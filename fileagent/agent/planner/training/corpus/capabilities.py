"""Samplers for the organizer jobs: archives, duplicates, top-N and order, empty items, case,
number and date renames, topics; and the version-2 phrases other intents borrow (ages, exclusions,
keeping the folder structure).

Same contract as intents.py: (ctx, L, tpl) -> (slots, steps). The wording lives in en_jobs.py and
zh_jobs.py (templates and phrase tables); this module draws the values and builds the steps.
"""

from __future__ import annotations

import re
from string import Formatter

from fileagent.agent.planner.training.corpus import en_jobs, zh_jobs
from fileagent.agent.planner.training.corpus.names import Ctx
from fileagent.agent.planner.type_words import TYPE_EXTS, TYPE_WORDS_EN, TYPE_WORDS_ZH

FILES = ("file",)
KEEP_RULES = (("oldest", 25), ("newest", 30), ("shortest_path", 15), ("in_folder", 30))
ARCHIVE_EXTS = (("zip", 70), ("tar.gz", 12), ("tgz", 6), ("tar", 12))
NUMBER_BASES = ("page_", "photo_", "img_", "IMG_", "trip-", "scan_", "doc", "chapter", "part", "slide_", "shot")
NUMBER_BASES_ZH = ("照片_", "第", "扫描_", "会议_", "图")
AGE_UNITS = ("d", "w", "m", "y")
AGE_NUMBERS = {
    "d": (3, 7, 10, 14, 30, 30, 60, 90, 180, 365),
    "w": (1, 1, 2, 2, 3, 4, 6, 8),
    "m": (1, 1, 1, 2, 2, 3, 4, 6, 6, 18),
    "y": (1, 1, 1, 2, 2, 3, 5),
}


def jobs(L):
    """The phrase tables of a language module (or of a language code: "en", "zh")."""
    return en_jobs if getattr(L, "LANG", L) == "en" else zh_jobs


def _weighted(ctx: Ctx, pairs):
    return ctx.rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]


def slots_of(tpl: str) -> set[str]:
    """The slot names a template fills."""
    return {f for _, f, _, _ in Formatter().parse(tpl) if f}


_IN_DEST = re.compile(r"\{(sel|grp)\} (in|into|inside|to) \{")


def _select(ctx: Ctx, L, tpl: str, one_p: float = 0.4) -> tuple[dict, dict]:
    """{grp}: a group of files; {sel}: one file or folder, or a group. A group followed by "into
    {zip}" names its own folder, so the two do not read as one."""
    bare = not _IN_DEST.search(tpl)
    if "grp" in slots_of(tpl):
        t, sel = L.group(ctx, FILES, bare=bare)
        return {"grp": t}, sel
    if ctx.rng.random() < one_p:
        t, sel = L.one(ctx, "file" if ctx.rng.random() < 0.6 else "dir")
    else:
        t, sel = L.group(ctx, FILES, bare=bare)
    return {"sel": t}, sel


def _pick(ctx: Ctx, v):
    """One spelling: a table entry may be a string or a tuple of spellings."""
    return ctx.pick(v) if isinstance(v, tuple) else v


def number(ctx: Ctx, L, n: int) -> str:
    """n as the request writes it: digits, or a number word."""
    words = jobs(L).NUMBER_WORDS
    if n in words and ctx.rng.random() < 0.4:
        return _pick(ctx, words[n])
    return str(n)


def small_number(ctx: Ctx) -> int:
    return ctx.rng.choice((2, 2, 3, 3, 3, 4, 5, 5, 5, 6, 7, 8, 10, 10, 12, 15, 20))


def where(ctx: Ctx, L, tpl: str, dup: bool = False) -> tuple[dict, dict]:
    """Fill {where}: the whole tree, a folder (in=F), or a folder and its subfolders. Without a
    {where} slot the job covers the whole tree. Duplicate jobs always reach into subfolders."""
    J = jobs(L)
    if "where" not in slots_of(tpl):
        return {}, {"recursive": True}
    r = ctx.rng.random()
    if r < 0.25:
        return {"where": ctx.pick(J.WHERE_ALL)}, {"recursive": True}
    f = ctx.folder()
    fr = L.folder_ref(ctx, f)
    if r < 0.5:
        return {"where": ctx.pick(J.WHERE_REC).format(F=fr)}, {"in": f, "recursive": True}
    return {"where": ctx.pick(J.WHERE_IN).format(F=fr)}, ({"in": f, "recursive": True} if dup else {"in": f})


def things(ctx: Ctx, L, filt: dict, plain_p: float = 0.5) -> str:
    """A plural noun for the files: plain, one extension, or a type word (its extension list)."""
    J, rng = jobs(L), ctx.rng
    r = rng.random()
    if r < plain_p:
        return ctx.pick(J.THINGS_PLAIN)
    if r < plain_p + (1 - plain_p) * 0.45:
        e = ctx.ext()
        filt["ext"] = [e]
        return ctx.pick(J.THINGS_EXT).format(e=L.ext_word(ctx, e))
    t = ctx.pick(tuple(TYPE_EXTS))
    filt["ext"] = list(TYPE_EXTS[t])
    word = ctx.pick(TYPE_WORDS_EN[t])[0] if L.LANG == "en" else ctx.pick(TYPE_WORDS_ZH[t])
    return ctx.name(t, word)


def _selection(ctx: Ctx, L, tpl: str, dup: bool = False, plain_p: float = 0.5) -> tuple[dict, dict]:
    slots, sel = where(ctx, L, tpl, dup)
    if "things" in slots_of(tpl):
        filt: dict = {}
        slots["things"] = things(ctx, L, filt, plain_p)
        if filt:
            sel["filters"] = filt
    return slots, sel


def age(ctx: Ctx, L) -> tuple[str, str]:
    """(value, phrase) of an age: ("2y", "two years"), ("1w", "a week")."""
    J, rng = jobs(L), ctx.rng
    unit = rng.choices(AGE_UNITS, (30, 15, 30, 25))[0]
    n = rng.choice(AGE_NUMBERS[unit])
    en = J is en_jobs
    word = _pick(ctx, J.AGE_UNITS[unit][0 if n == 1 else -1] if en else J.AGE_UNITS[unit])
    if unit == "m" and n == 6 and rng.random() < 0.4:
        return "6m", ("half a year" if en else "半年")
    if n == 1 and rng.random() < 0.6:
        num = ctx.pick(J.AGE_ONE)
    else:
        num = number(ctx, L, n)
    sep = " " if en or (num.isdigit() and rng.random() < 0.5) else ""
    return f"{n}{unit}", f"{num}{sep}{word}"


_NEWER_ONE_EN = (
    "modified in the last {u}",
    "changed in the past {u}",
    "from the past {u}",
    "edited within the last {u}",
    "modified during the past {u}",
    "touched in the last {u}",
)
_THIS_EN = {
    "w": ("modified this week", "changed this week", "from this week", "edited this week"),
    "m": ("modified this month", "changed this month", "from this month", "updated this month"),
}
_THIS_ZH = {
    "w": ("这周改过的", "本周修改的", "这个星期改过的", "这周新增的", "本周更新的"),
    "m": ("这个月改过的", "本月修改的", "这个月新增的", "本月更新的"),
}
# Chinese age attributes end in 的, like every zh filter phrase.
_AGE_ZH = {
    "older": ("{a}前的", "{a}以前修改的", "超过{a}没改过的", "{a}没动过的", "{a}之前的", "放了{a}以上的", "超过{a}的"),
    "newer": (
        "最近{a}修改的",
        "近{a}内改过的",
        "{a}以内修改的",
        "最近{a}的",
        "这{a}里改过的",
        "近{a}的",
        "最近{a}拍的",
        "{a}内新增的",
    ),
}


def age_phrase(ctx: Ctx, L, filt: dict) -> str:
    """An older/newer filter, added to `filt`; its phrase (English: a postmodifier, Chinese: 的)."""
    which = ctx.rng.choice(("older", "newer"))
    value, a = age(ctx, L)
    filt[which + "_than"] = value
    if which == "newer" and value in ("1w", "1m") and ctx.rng.random() < 0.3:
        # "this week" reads as the last seven days, "this month" as the last month
        return ctx.pick(_THIS_EN[value[1]] if jobs(L) is en_jobs else _THIS_ZH[value[1]])
    if jobs(L) is en_jobs and which == "newer" and value[0] == "1" and len(value) == 2 and ctx.rng.random() < 0.7:
        # "in the last a week" does not read: the unit alone ("in the last week")
        return ctx.pick(_NEWER_ONE_EN).format(u=en_jobs.AGE_UNITS[value[1]][0])
    if jobs(L) is en_jobs:
        return ctx.pick(en_jobs.AGE_OLDER if which == "older" else en_jobs.AGE_NEWER).format(age=a)
    return ctx.pick(_AGE_ZH[which] + (zh_jobs.AGE_OLDER if which == "older" else zh_jobs.AGE_NEWER)).format(a=a, age=a)


_EXCEPT_ZH = ("，{x}除外", "，但{x}不要动", "（不包括{x}）", "，不含{x}", "，{x}别动", "，除了{x}")


_EXCEPT_INLINE_ZH = ("除了{x}以外的", "除了{x}之外的", "除{x}外的", "不包括{x}的", "除了{x}的", "{x}以外的")


def exclusion(ctx: Ctx, L, sel: dict, inline: bool = False) -> str:
    """An exclusion added to a group selection; its phrase: trailing (" except the iso files",
    "，iso 文件除外") or, `inline`, one that goes before a Chinese noun ("除了 iso 文件以外的")."""
    J = jobs(L)
    if not (sel.get("filters") or {}).get("ext") and ctx.rng.random() < 0.7:
        e = ctx.ext()
        sel.setdefault("exclude", []).append(f"*.{e}")
        x = ctx.pick(J.EXCEPT_EXT).format(e=L.ext_word(ctx, e))
    else:
        d = ctx.folder(nested=0)
        while d == sel.get("in"):
            d = ctx.folder(nested=0)
        sel.setdefault("exclude", []).append(d)
        x = ctx.pick(J.EXCEPT_DIR).format(d=ctx.name(d))
    if J is en_jobs:
        return " " + ctx.pick(J.EXCEPT).format(x=x)
    if inline:
        return ctx.pick(_EXCEPT_INLINE_ZH).format(x=x)
    return ctx.pick(_EXCEPT_ZH + J.EXCEPT).format(x=x)


def keep_structure_phrase(ctx: Ctx, L) -> str:
    return ctx.pick(jobs(L).KEEP_STRUCTURE)


# ------------------------------------------------------------------ samplers


def s_archive_dir(ctx, L, tpl):
    t, sel = L.one(ctx, "dir")
    return {"dir": t}, [{"op": "archive", "select": sel, "to": sel["path"]}]


def _zip_name(ctx: Ctx) -> str:
    stem = ctx.rng.choice((ctx.stem(), ctx.folder(nested=0), ctx.folder(nested=0) + "_backup"))
    name = stem + ".zip" if ctx.rng.random() < 0.6 else stem
    if ctx.rng.random() < 0.12:
        name = f"{ctx.folder(nested=0)}/{name}"
    return name


def _archive(remove: bool):
    def sampler(ctx, L, tpl):
        slots, sel = _select(ctx, L, tpl, one_p=0.35)
        name = _zip_name(ctx)
        while name == sel.get("path") or name == sel.get("in"):
            name = _zip_name(ctx)
        slots["zip"] = ctx.name(name)
        step = {"op": "archive", "select": sel, "to": name}
        if remove:
            step["remove_originals"] = True
        return slots, [step]

    return sampler


def _archive_file(ctx: Ctx, L) -> tuple[str, str]:
    """An archive named as the request writes it: "fonts.zip", "inbox/fonts.zip", "fonts.zip in inbox"."""
    rng = ctx.rng
    name = f"{ctx.stem()}.{_weighted(ctx, ARCHIVE_EXTS)}"
    if rng.random() < 0.4:
        return ctx.name(name), name
    folder = ctx.folder()
    path = f"{folder}/{name}"
    if rng.random() < 0.5:
        return ctx.name(path), path
    n, fr = ctx.name(name), L.folder_ref(ctx, folder)
    if L.LANG == "en":
        return rng.choice((f"{n} in {fr}", f"{n} from {fr}", f"{n} inside {fr}")), path
    return rng.choice((f"{fr} 里的 {n}", f"{fr} 中的 {n}", f"{fr} 下的 {n}", f"{fr} 里面的 {n}")), path


def s_extract(ctx, L, tpl):
    t, path = _archive_file(ctx, L)
    return {"arc": t}, [{"op": "extract", "path": path}]


def s_extract_to(ctx, L, tpl):
    t, path = _archive_file(ctx, L)
    dt, dst = L.dest(ctx)
    while dst == path.rsplit("/", 1)[0] and "/" in path:
        dt, dst = L.dest(ctx)
    return {"arc": t, "dst": dt}, [{"op": "extract", "path": path, "to": dst}]


def _keep(ctx: Ctx, L, tpl: str, sel: dict, slots: dict) -> None:
    sel["duplicates"] = "oldest"
    if "keep" not in slots_of(tpl):
        return
    rule = _weighted(ctx, KEEP_RULES)
    sel["duplicates"] = rule
    phrase = ctx.pick(jobs(L).KEEP[rule])
    if rule == "in_folder":
        base = sel.get("in")
        k = f"{base}/{ctx.folder(nested=0)}" if base and ctx.rng.random() < 0.5 else ctx.folder(nested=0.3)
        while k == base:
            k = ctx.folder(nested=0.3)
        sel["keep_in"] = k
        phrase = phrase.format(K=L.folder_ref(ctx, k))
    slots["keep"] = phrase


def _dup(op: str):
    def sampler(ctx, L, tpl):
        slots, sel = _selection(ctx, L, tpl, dup=True, plain_p=0.55)
        _keep(ctx, L, tpl, sel, slots)
        step = {"op": op, "select": sel}
        if op == "move":
            while True:
                slots["dst"], step["to"] = L.dest(ctx)
                if step["to"] != sel.get("in") and step["to"] != sel.get("keep_in"):
                    break
        return slots, [step]

    return sampler


def _top(key: str, desc: bool):
    def sampler(ctx, L, tpl):
        slots, sel = _selection(ctx, L, tpl)
        n = 1
        if "N" in slots_of(tpl):
            n = small_number(ctx)
            slots["N"] = number(ctx, L, n)
        sel.update(sort=key, limit=n)
        if desc:
            sel["desc"] = True
        return slots, [{"op": "list", "select": sel}]

    return sampler


def s_sort_list(ctx, L, tpl):
    slots, sel = _selection(ctx, L, tpl)
    key = ctx.rng.choice(("name", "size", "size", "mtime", "mtime"))
    desc = ctx.rng.random() < 0.5
    slots["order"] = ctx.pick(jobs(L).ORDER[(key, desc)])
    sel["sort"] = key
    if desc:
        sel["desc"] = True
    return slots, [{"op": "list", "select": sel}]


def _empty(op: str, kind: str):
    def sampler(ctx, L, tpl):
        slots, sel = where(ctx, L, tpl)
        if kind == "dir":
            sel["kind"] = "dir"
        sel["filters"] = {"empty": True}
        return slots, [{"op": op, "select": sel}]

    return sampler


def _group(ctx: Ctx, L, tpl: str) -> tuple[dict, dict]:
    return _select(ctx, L, tpl, one_p=0.0)


def _rename_with(**fields):
    """A batch rename of a group with one fixed field: a case, or a date template."""

    def sampler(ctx, L, tpl):
        slots, sel = _group(ctx, L, tpl)
        return slots, [{"op": "rename", "select": sel, **fields}]

    return sampler


def s_rename_number(ctx, L, tpl):
    J, rng = jobs(L), ctx.rng
    slots, sel = _group(ctx, L, tpl)
    base = ctx.pick(NUMBER_BASES_ZH if L.LANG != "en" and rng.random() < 0.4 else NUMBER_BASES)
    pad = rng.random() < 0.2
    start = 1 if rng.random() < 0.8 else rng.choice((2, 5, 10, 11, 20, 100))
    exts = (sel.get("filters") or {}).get("ext") or ()
    shown_ext = "." + exts[0] if len(exts) == 1 and rng.random() < 0.4 else ""

    def item(k: int) -> str:
        return f"{base}{k:03d}{shown_ext}" if pad else f"{base}{k}{shown_ext}"

    slots["seq"] = ctx.pick(J.SEQ).format(a=item(start), b=item(start + 1), c=item(start + 2))
    if start != 1 and rng.random() < 0.5:
        slots["seq"] += ctx.pick(J.START).format(s=number(ctx, L, start))
    step = {"op": "rename", "select": sel, "template": base + ("{n:03}" if pad else "{n}") + ".{ext}"}
    if start != 1:
        step["start"] = start
    return slots, [step]


def folder_or_group(ctx: Ctx, L, tpl: str, filters_p: float | None = None, text: bool = False) -> tuple[dict, dict]:
    """The selection of a classify: {F}, a whole folder, or {grp}, a group of files with filters
    `filters_p` of the time (None: never, drawing nothing)."""
    if "F" in slots_of(tpl):
        f = ctx.folder()
        return {"F": L.folder_ref(ctx, f)}, {"in": f}
    filters = filters_p is not None and ctx.rng.random() < filters_p
    t, sel = L.group(ctx, FILES, filters=filters, text=text)
    return {"grp": t}, sel


def s_classify_topic(ctx, L, tpl):
    s = slots_of(tpl)
    slots, sel = folder_or_group(ctx, L, tpl, text=True)
    step = {"op": "classify", "select": sel, "by": "topic"}
    count = "G" in s or (not tpl.endswith(("?", "？")) and ctx.rng.random() < 0.2)
    if count:
        g = ctx.rng.choice((2, 2, 3, 3, 3, 4, 4, 5, 6, 8))
        step["max_groups"] = g
        if "G" in s:
            slots["G"] = number(ctx, L, g)
        else:
            sep = " " if L.LANG == "en" else "，"
            slots["_suffix"] = sep + ctx.pick(jobs(L).GROUPS).format(G=number(ctx, L, g))
    return slots, [step]


SAMPLERS = {
    "archive_dir": s_archive_dir,
    "archive_to": _archive(False),
    "archive_remove": _archive(True),
    "extract": s_extract,
    "extract_to": s_extract_to,
    "dup_list": _dup("list"),
    "dup_delete": _dup("delete"),
    "dup_move": _dup("move"),
    "top_big": _top("size", True),
    "top_small": _top("size", False),
    "top_new": _top("mtime", True),
    "top_old": _top("mtime", False),
    "sort_list": s_sort_list,
    "empty_dirs_delete": _empty("delete", "dir"),
    "empty_dirs_list": _empty("list", "dir"),
    "empty_files_delete": _empty("delete", "file"),
    "rename_lower": _rename_with(case="lower"),
    "rename_upper": _rename_with(case="upper"),
    "rename_number": s_rename_number,
    "rename_date_front": _rename_with(template="{date}_{name}"),
    "rename_date_back": _rename_with(template="{stem}_{date}.{ext}"),
    "classify_topic": s_classify_topic,
}
WEIGHTS = {
    "archive_dir": 1.0,
    "archive_to": 1.0,
    "archive_remove": 0.5,
    "extract": 0.9,
    "extract_to": 0.9,
    "dup_list": 1.0,
    "dup_delete": 1.2,
    "dup_move": 0.6,
    "top_big": 1.0,
    "top_small": 0.5,
    "top_new": 0.8,
    "top_old": 0.5,
    "sort_list": 0.7,
    "empty_dirs_delete": 1.0,
    "empty_dirs_list": 0.5,
    "empty_files_delete": 0.5,
    "rename_lower": 0.5,
    "rename_upper": 0.3,
    "rename_number": 0.8,
    "rename_date_front": 0.5,
    "rename_date_back": 0.3,
    "classify_topic": 1.0,
}
