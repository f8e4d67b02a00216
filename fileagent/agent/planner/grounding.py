"""Every value of a plan comes from the request: the check a candidate passes before it compiles.

The decoding constraint already keeps quoted values (paths, patterns, texts) to spans of the
request or to existing paths the request names, and numbers to numbers it writes. Two kinds of
value it cannot pin down are checked here, on the whole candidate:

- extensions: each one is written in the request ("the .log files", "PDFs", "pdf 文件"), or the
  step's unwritten ones are the extension list of a type word the request uses ("images" ->
  jpg jpeg png gif): never an extension picked because files of it exist ("delete the .iso
  files" must not become "delete the .mp3 files");
- sizes: the number and its unit are both written ("larger than 10 MB", "小于 500KB"): a number
  from elsewhere in the request with a made-up unit ("older than 1 year" -> smaller=1MB) is not;
- and the other way round, an extension the request names (".iso", "iso files", "dmg 文件") is
  carried by the plan, in an `ext`, an `except` or inside a path or pattern: a plan that drops it
  acts on more than was asked ("delete the iso files in downloads" must not become "delete downloads");
- an `except="*.EXT"` names an extension as an `ext` does; counts, ages, version-2 jobs and what
  narrows a deletion: grounding_v2.py.
"""

from __future__ import annotations

import re
from typing import Any

from fileagent.agent.planner import coverage, given
from fileagent.agent.planner.grounding_v2 import ungrounded_v2
from fileagent.agent.planner.type_words import TYPE_EXTS, TYPE_WORDS_EN, TYPE_WORDS_ZH
from fileagent.tools.filetypes import TYPE_EXTS as FAMILY_EXTS

# Extensions a request may name as a word ("iso files"): every family's, and common others.
KNOWN_EXTS = frozenset(e for exts in FAMILY_EXTS.values() for e in exts) | frozenset(
    (
        "iso",
        "dmg",
        "exe",
        "msi",
        "apk",
        "deb",
        "rpm",
        "pkg",
        "log",
        "tmp",
        "bak",
        "old",
        "ini",
        "cfg",
        "conf",
        "lock",
        "dat",
        "bin",
        "img",
        "torrent",
        "part",
        "crdownload",
        "ds_store",
        "pyc",
        "o",
        "obj",
        "class",
        "jar",
        "war",
        "nef",
        "cr2",
        "arw",
        "raw",
        "dng",
        "psd",
        "ai",
        "sketch",
        "fig",
        "srt",
        "vtt",
        "m3u",
        "opus",
        "aiff",
        "ttf",
        "otf",
        "woff",
        "woff2",
        "eml",
        "msg",
        "ics",
        "vcf",
        "lnk",
        "url",
        "desktop",
        "sh",
        "bat",
        "ps1",
        "cmd",
        "dll",
        "so",
        "dylib",
        "sys",
    )
)
_DOT_EXT = re.compile(r"(?<![\w./\\-])\.([a-z0-9_]{1,10})(?![\w.])")
_WORD_EXT = re.compile(r"(?<![\w./\\-])([a-z0-9_]{1,10})s?(?=\s*(?:files?\b|documents?\b|文件(?!夹)|格式))")
# Extensions that are also everyday words ("so file", "old 文件", "key files"): never read as one.
_WORDS = frozenset(
    (
        "so",
        "old",
        "ai",
        "o",
        "url",
        "class",
        "desktop",
        "part",
        "lock",
        "raw",
        "fig",
        "msg",
        "sys",
        "cmd",
        "key",
        "pages",
        "numbers",
        "go",
        "c",
        "h",
        "cs",
        "ts",
        "rs",
        "bin",
        "img",
        "dat",
    )
)

_UNIT_BYTES = {
    "": None,
    "b": 1,
    "byte": 1,
    "bytes": 1,
    "字节": 1,
    "k": 1024,
    "kb": 1024,
    "kib": 1024,
    "kilobyte": 1024,
    "kilobytes": 1024,
    "千字节": 1024,
    "m": 1024**2,
    "mb": 1024**2,
    "mib": 1024**2,
    "megabyte": 1024**2,
    "megabytes": 1024**2,
    "meg": 1024**2,
    "megs": 1024**2,
    "兆": 1024**2,
    "兆字节": 1024**2,
    "g": 1024**3,
    "gb": 1024**3,
    "gib": 1024**3,
    "gigabyte": 1024**3,
    "gigabytes": 1024**3,
    "gig": 1024**3,
    "gigs": 1024**3,
}
_SIZE_RE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(kilobytes?|megabytes?|gigabytes?|bytes?|kib|mib|gib|kb|mb|gb|megs?|gigs?|"
    r"千字节|兆字节|字节|兆|[kmgb])?(?![a-z])",
    re.IGNORECASE,
)


def written_sizes(request: str) -> set[int]:
    """Byte counts the request writes as a number with a unit."""
    out = set()
    for number, unit in _SIZE_RE.findall(request):
        mult = _UNIT_BYTES.get(unit.lower()) if unit else None
        if mult is not None:
            out.add(round(float(number) * mult))
    return out


# Names of formats that stand for their extension on their own ("journal 里的 markdown").
_FORMAT_NAMES = {"md": "markdown", "py": "python", "js": "javascript", "ts": "typescript", "jpg": "jpeg"}


def _written_ext(ext: str, low: str) -> bool:
    """The extension appears as a word of its own: ".log", "log files", "PDFs", "pdf文件", or the
    format's name ("markdown")."""
    return any(
        re.search(rf"(?<![a-z0-9]){re.escape(word)}(?:s|es)?(?![a-z0-9])", low) is not None
        for word in (ext, _FORMAT_NAMES.get(ext, ext))
    )


def _type_words(low: str) -> dict[str, list[str]]:
    """The type words the request uses, by type family ("audio": ["audio files"])."""
    out: dict[str, list[str]] = {}
    for family, pairs in TYPE_WORDS_EN.items():
        hit = [w.lower() for pair in pairs for w in pair]
        hit = [w for w in hit if re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", low)]
        hit += [w.lower() for w in TYPE_WORDS_ZH[family] if w.lower() in low]
        if hit:
            out[family] = hit
    return out


def _type_exts(low: str) -> set[str]:
    """Extensions of every type word the request uses."""
    return {e for family in _type_words(low) for e in TYPE_EXTS[family]}


_selections = coverage.selections


# A plural of an extension on its own ("what pdfs are in downloads?"); plurals that are everyday
# words or folder names ("docs", "logs", "jars") are left out.
_PLURAL_EXT = re.compile(r"(?<![\w./\\-])([a-z0-9]{2,9})s(?![\w.])")
# "every csv", "each pdf": an extension a determiner makes a noun of
_DET_EXT = re.compile(r"\b(?:every|each)\s+([a-z0-9]{2,9})(?![\w.])")
_PLURAL_WORDS = frozenset(("doc", "log", "jar", "war", "tar", "bat", "sketch", "tmp"))


def named_exts(request: str) -> set[str]:
    """Extensions the request names on their own (not as part of a file name it writes)."""
    low = request.lower()
    out = set(_DOT_EXT.findall(low))
    out |= {w for w in _WORD_EXT.findall(low) if w in KNOWN_EXTS and w not in _WORDS}
    out |= {
        m.group(1)
        for m in _DET_EXT.finditer(low)
        if m.group(1) in KNOWN_EXTS and m.group(1) not in _WORDS | _PLURAL_WORDS and not _set_aside(low, m.group(0))
    }
    out |= {
        m.group(1)
        for m in _PLURAL_EXT.finditer(low)
        if m.group(1) in KNOWN_EXTS and m.group(1) not in _WORDS | _PLURAL_WORDS and not _set_aside(low, m.group(0))
    }
    return out


# Words that set a kind of file aside ("list the txt files, not the images", "keep the pngs").
_ASIDE_BEFORE = re.compile(
    r"(?:\bnot|n't|\bleave|\bleaving|\bkeep|\bkeeping|\bexcept|\bexcluding|\bwithout|\bbut|"
    r"不要|除了|保留|别|不含|不包括|留着)\W*(?:(?:the|my|any|all|of)\s+)*$"
)


def _set_aside(low: str, word: str) -> bool:
    """Every use of `word` in the request sets that kind of file aside."""
    spots = [m.start() for m in re.finditer(re.escape(word), low)]
    return bool(spots) and all(_ASIDE_BEFORE.search(low[max(0, k - 24) : k]) for k in spots)


def _carried(ext: str, plan: Any) -> bool:
    for step in plan.steps:
        if step.op == "archive" and ext == "zip":
            return True  # "make it into a .zip": what an archive writes
        sel = getattr(step, "select", None)
        # a destination that a type word names is a place ("move the invoices to pdfs")
        values = [getattr(step, k, None) for k in ("path", "new_name", "set_ext", "to", "dest")]
        if sel is not None:
            values += [sel.path, sel.pattern, sel.in_, *(sel.exclude or [])]
            if sel.filters is not None:
                values += list(sel.filters.ext or []) + [sel.filters.name_regex]
        for v in values:
            if isinstance(v, str) and (
                v.lower() == ext or {ext, ext + "s"} & set(re.findall(r"[a-z0-9_]+", v.lower()))
            ):
                return True
    return False


_PATH_GOES_ON = re.compile(r"[^\s\"'`,;，。；、)）]")


def _cut_short(plan: Any, request: str) -> str | None:
    """A selected path that the request only writes as the start of a longer path ("projects/website/"
    out of "projects/website/about.html"): the plan would act on more than was named."""
    for i, step in enumerate(plan.steps, 1):
        sel = getattr(step, "select", None)
        # a renamed or extracted item is named by the step's own path
        for value in (sel.path, sel.in_) if sel is not None else (getattr(step, "path", None),):
            if not value or value in (".", ".."):
                continue
            at = [k for k in range(len(request)) if request.startswith(value, k)]
            if at and all(
                k + len(value) < len(request)
                and (value.endswith("/") or request[k + len(value)] == "/")
                and _PATH_GOES_ON.match(request, k + len(value) + (0 if value.endswith("/") else 1))
                for k in at
            ):
                return f"step {i} selects {value!r}, which the request writes only as part of a longer path"
    return None


# Words with which a request asks for a whole tree ("delete everything", "删除所有文件").
_WHOLE = re.compile(r"\b(?:all|every\w*|entire|whole|each)\b|所有|全部|一切|整个|全都|统统|都")
_CHANGES_ITEMS = ("delete", "move", "update")  # the jobs that lose or scatter what is there


def _whole_tree_unasked(plan: Any, low: str) -> str | None:
    """A step that deletes, moves or rewrites every item at every depth under the root (no path, folder, pattern, filter, exclusion or
    duplicate rule) from a request with no word for "all": a question such as "where are the deleted
    files backed up?" must not become `delete recursive`."""
    for i, step in enumerate(plan.steps, 1):
        sel = getattr(step, "select", None)
        if step.op not in _CHANGES_ITEMS or sel is None:
            continue
        narrowed = sel.path or sel.in_ or sel.pattern or sel.exclude or sel.duplicates or sel.limit
        if sel.recursive and not narrowed and sel.filters is None and not _WHOLE.search(low):
            return f"step {i} {step.op}s every item under the root, and the request does not say all"
    return None


# Ops whose selection a type word narrows (a listing too: "show me the images in photos" lists no
# video); "archive" is a verb and a folder name too often.
_TYPE_NARROWED_OPS = frozenset({"delete", "move", "copy", "rename", "update", "tag", "archive", "list"})


def _type_dropped(plan: Any, low: str) -> str | None:
    """A type word of the request ("audio files", "图片") that no step carries: "把所有音频文件都删掉"
    read as deleting every folder. A word the plan writes as a place ("move photos to x", the
    folder photos) is a name, not a type."""
    if not any(step.op in _TYPE_NARROWED_OPS for step in plan.steps) or any(
        step.op in ("classify", "create") for step in plan.steps
    ):
        return None  # a classify by type names types as its folders; a create, the kind of file it makes
    from fileagent.agent.plan.text import to_text

    written = to_text(plan).lower()  # a type word inside a written value is a name ("photo_{n}")
    carried = set()
    for step in plan.steps:
        for sel in _selections(step):
            if sel.filters is not None:
                carried |= set(sel.filters.ext or [])
            for glob in (sel.pattern, *(sel.exclude or [])):
                carried |= set(re.findall(r"\.([a-z0-9]+)\b", (glob or "").lower()))
        if getattr(step, "set_ext", None):
            carried.add(step.set_ext.lower())
    for family, hit in _type_words(low).items():
        if family == "archives" or carried & set(TYPE_EXTS[family]):
            continue
        # each use of a type word is a type unless the plan writes it as a name: "the images in
        # photos" still asks for images when the folder photos is written
        dropped = [w for w in hit if w not in written and not _set_aside(low, w)]
        if dropped:
            return f"the request speaks of {dropped[0]}, which no step of the plan selects"
    return None


def ungrounded(plan: Any, request: str) -> str | None:
    """Why a value of `plan` does not come from `request`, or None when every one does."""
    low = request.lower()
    named = named_exts(request)
    for ext in sorted(named):
        if not _carried(ext, plan) and not (ext.endswith("s") and _carried(ext[:-1], plan)):  # ".baks"
            return f"the request names .{ext} files, which no step of the plan selects"
    affix = coverage.unwritten(plan, request) or given.misused(plan, request)
    if affix:
        return affix
    cut = _cut_short(plan, request)
    if cut:
        return cut
    whole = _whole_tree_unasked(plan, low)
    if whole:
        return whole
    sizes = None
    type_exts = None
    for i, step in enumerate(plan.steps, 1):
        for sel in _selections(step):
            # "except the iso files" (except="*.iso"): an extension as for `ext`
            for glob in sel.exclude or ():
                ext = glob[2:].lower() if glob.startswith("*.") else ""
                if ext and not _written_ext(ext, low):
                    type_exts = _type_exts(low) if type_exts is None else type_exts
                    if ext not in type_exts:
                        return f"step {i} leaves out .{ext} files, which the request does not name"
            f = sel.filters
            if f is None:
                continue
            unwritten = [e for e in (f.ext or []) if not _written_ext(e.lower(), low)]
            if unwritten:
                type_exts = _type_exts(low) if type_exts is None else type_exts
                spelled = set(f.ext or []) & named if len(plan.steps) == 1 else set()
                if not set(unwritten) <= type_exts or spelled:
                    # a one-step request that spells an extension out (".rar 压缩文件") means it alone
                    return f"step {i} selects .{unwritten[0]} files, which the request does not name"
            for key in ("larger_than", "smaller_than"):
                value = getattr(f, key)
                if value is not None:
                    sizes = written_sizes(request) if sizes is None else sizes
                    if value not in sizes:
                        return f"step {i}'s size {value} bytes is not a size the request writes"
        set_ext = getattr(step, "set_ext", None)
        if set_ext and not _written_ext(set_ext.lower(), low):
            return f"step {i} renames to .{set_ext}, which the request does not name"
    return _type_dropped(plan, low) or ungrounded_v2(plan, request)
