"""English phrasing: selection phrases (with filters) and the request templates per intent.

A phrase builder returns (skeleton text, selection dict); names inside the skeleton
are `Ctx.name` sentinels. Templates are str.format strings over the slots that
`build.py` fills; a template starting with "!" is a whole sentence (a question):
it gets no polite wrapper and is never joined into a multi-step request. "~" (and a
template starting with a slot) takes no polite prefix and no question form; "~" templates
are not joined into multi-step requests either.
"""

from __future__ import annotations

import sys

from fileagent.agent.planner.training.corpus import capabilities
from fileagent.agent.planner.training.corpus import names as P
from fileagent.agent.planner.training.corpus.names import (
    MONTHS,
    PARENT_EN,
    PLURAL_EXTS,
    Ctx,
)
from fileagent.agent.planner.type_words import TYPE_EXTS, TYPE_WORDS_EN

LANG = "en"


# ------------------------------------------------------------------ values


def ext_surface(ctx: Ctx, e: str) -> str:
    r = ctx.rng.random()
    return e if r < 0.55 else e.upper() if r < 0.8 else "." + e if r < 0.93 else "." + e.upper()


def ext_word(ctx: Ctx, e: str) -> str:
    return ctx.name(e, ext_surface(ctx, e))


def size_text(ctx: Ctx, n: str, unit: str) -> str:
    return ctx.name(n + unit, _size_surface(ctx, n, unit))


def _size_surface(ctx: Ctx, n: str, unit: str) -> str:
    rng = ctx.rng
    if unit == "B":
        return f"{n} bytes"
    long = {"KB": "kilobytes", "MB": "megabytes", "GB": "gigabytes"}[unit]
    forms = [f"{n} {unit}", f"{n}{unit}", f"{n}{unit.lower()}", f"{n} {unit.lower()}", f"{n} {long}"]
    if unit == "MB":
        forms.append(f"{n} megs")
    return rng.choice(forms)


def date_text(ctx: Ctx, y: int, m: int, d: int) -> str:
    mon = MONTHS[m - 1]
    return ctx.name(
        f"{y}-{m:02d}-{d:02d}",
        ctx.rng.choice(
            (
                f"{y}-{m:02d}-{d:02d}",
                f"{y}-{m:02d}-{d:02d}",
                f"{y}/{m:02d}/{d:02d}",
                f"{mon} {d}, {y}",
                f"{d} {mon} {y}",
                f"{mon[:3]} {d} {y}",
                f"{mon} {d} {y}",
            )
        ),
    )


def filter_phrase(ctx: Ctx, filt: dict, kind: str) -> str:
    """One filter, added to `filt`; returns its phrase."""
    rng = ctx.rng
    choices = ["larger", "smaller", "after", "before", "year", "month", "has", "tagged", "age"]
    weights = [16, 12, 10, 10, 5, 4, 10, 6, 14]
    dated = {"modified_after", "modified_before", "older_than", "newer_than"} & filt.keys()
    while True:
        what = rng.choices(choices, weights)[0]
        if what in ("after", "before", "year", "month", "age") and dated:
            continue
        key = {"larger": "larger_than", "smaller": "smaller_than", "has": "contains", "tagged": "tag"}.get(what)
        if key and key in filt:
            continue
        break
    if what == "age":
        return capabilities.age_phrase(ctx, "en", filt)
    if what in ("larger", "smaller"):
        b, n, unit = ctx.size()
        if what == "larger" and "smaller_than" in filt and b >= filt["smaller_than"]:
            return filter_phrase(ctx, filt, kind)
        if what == "smaller" and "larger_than" in filt and b <= filt["larger_than"]:
            return filter_phrase(ctx, filt, kind)
        filt["larger_than" if what == "larger" else "smaller_than"] = b
        s = size_text(ctx, n, unit)
        if what == "larger":
            return rng.choice(
                (
                    f"larger than {s}",
                    f"bigger than {s}",
                    f"over {s}",
                    f"more than {s}",
                    f"above {s}",
                    f"that are larger than {s}",
                    f"over {s} in size",
                )
            )
        return rng.choice(
            (
                f"smaller than {s}",
                f"under {s}",
                f"less than {s}",
                f"below {s}",
                f"that are smaller than {s}",
                f"under {s} in size",
            )
        )
    if what in ("after", "before"):
        y, m, d = ctx.date()
        filt["modified_" + what] = f"{y}-{m:02d}-{d:02d}"
        dt = date_text(ctx, y, m, d)
        if what == "after":
            return rng.choice(
                (
                    f"modified after {dt}",
                    f"modified since {dt}",
                    f"changed after {dt}",
                    f"edited since {dt}",
                    f"updated after {dt}",
                    f"newer than {dt}",
                )
            )
        return rng.choice(
            (
                f"modified before {dt}",
                f"older than {dt}",
                f"last changed before {dt}",
                f"not modified since {dt}",
                f"from before {dt}",
                f"last modified before {dt}",
            )
        )
    if what == "year":
        y = ctx.rng.randint(2015, 2026)
        filt["modified_after"], filt["modified_before"] = f"{y}-01-01", f"{y + 1}-01-01"
        return rng.choice((f"from {y}", f"modified in {y}", f"last modified in {y}", f"changed in {y}"))
    if what == "month":
        y, m, _ = ctx.date()
        filt["modified_after"] = f"{y}-{m:02d}-01"
        filt["modified_before"] = f"{y + 1}-01-01" if m == 12 else f"{y}-{m + 1:02d}-01"
        mon = MONTHS[m - 1]
        return rng.choice((f"from {mon} {y}", f"modified in {mon} {y}", f"changed in {mon} {y}"))
    if what == "has":
        v = ctx.keyword() if rng.random() < 0.6 else ctx.content()
        filt["contains"] = v
        t = ctx.text(v)
        return rng.choice(
            (
                f"containing {t}",
                f"that contain {t}",
                f"that mention {t}",
                f"with the text {t}",
                f"mentioning {t}",
                f"that have {t} in them",
                f"whose content includes {t}",
            )
        )
    v = ctx.tag()
    filt["tag"] = v
    t = ctx.name(v)
    return rng.choice((f"tagged {t}", f"with the tag {t}", f"that have the tag {t}", f"labelled {t}", f"tagged as {t}"))


# --------------------------------------------------------------- selections

NOUN_FORMS = ("ext", "exts", "type", "plain", "glob", "start", "contains", "end", "regex")
NOUN_WEIGHTS = (40, 14, 16, 8, 7, 6, 5, 4, 4)
TEXT_TYPES = ("text", "markdown", "python", "logs")


def folder_ref(ctx: Ctx, value: str) -> str:
    """A folder named as a location: "docs", "the docs folder"..."""
    if value == "..":
        return ctx.name("..", ctx.pick(PARENT_EN))
    n = ctx.name(value)
    return ctx.rng.choices(
        (n, f"the {n} folder", f"the folder {n}", f"the {n} directory", f"my {n}", f"my {n} folder"),
        (60, 20, 12, 8, 4, 2),
    )[0]


def one(ctx: Ctx, want: str = "file", text: bool = False, plain: bool = False) -> tuple[str, dict]:
    """One exact item: a file (maybe inside a named folder) or a folder."""
    rng = ctx.rng
    if want == "dir":
        if ctx.outside and rng.random() < 0.3:
            ctx.outside = False
            return ctx.name("..", ctx.pick(PARENT_EN)), {"path": ".."}
        v = ctx.folder()
        return (ctx.name(v) if plain else folder_ref(ctx, v)), {"path": v}
    folder, name = ctx.fresh_file(text)
    if not folder:
        n = ctx.name(name)
        return (n if plain else rng.choices((n, f"the file {n}", f"file {n}"), (75, 18, 7))[0]), {"path": name}
    path = f"{folder}/{name}"
    if plain or rng.random() < 0.4:
        return ctx.name(path), {"path": path}
    n, f = ctx.name(name), folder_ref(ctx, folder)
    return rng.choice((f"{n} from {f}", f"{n} in {f}", f"{n} inside {f}", f"the file {n} in {f}")), {"path": path}


def _noun(ctx: Ctx, filt: dict, sel: dict, text: bool = False, ext: str | None = None) -> tuple[str, str]:
    """(plural, singular) noun phrase for files; may set ext or pattern."""
    rng = ctx.rng
    form = "ext" if ext else rng.choices(NOUN_FORMS, NOUN_WEIGHTS)[0]
    if form == "ext":
        e = ext or ctx.ext(text)
        filt["ext"] = [e]
        if e in PLURAL_EXTS and rng.random() < 0.45:
            w = ext_surface(ctx, e).lstrip(".")
            return ctx.name(e, w + "s"), ctx.name(e, w)
        w = ext_word(ctx, e)
        return f"{w} files", f"{w} file"
    if form == "exts":
        es: list[str] = []
        while len(es) < rng.choice((2, 2, 3)):
            e = ctx.ext(text)
            if e not in es:
                es.append(e)
        filt["ext"] = es
        ws = [ext_word(ctx, e) for e in es]
        conj = rng.choice(("and", "or", "and", "&"))
        joined = f"{ws[0]} {conj} {ws[1]}" if len(ws) == 2 else f"{ws[0]}, {ws[1]} {conj} {ws[2]}"
        return f"{joined} files", f"{joined} file"
    if form == "type":
        t = rng.choice(TEXT_TYPES if text else tuple(TYPE_EXTS))
        filt["ext"] = list(TYPE_EXTS[t])
        plural, single = rng.choice(TYPE_WORDS_EN[t])
        return ctx.name(t, plural), ctx.name(t, single)
    if form == "plain":
        return "files", "file"
    if form == "glob":
        g = ctx.pick(P.GLOBS)
        sel["pattern"] = g
        n = ctx.name(g)
        return rng.choice(
            (
                (f"files matching {n}", f"file matching {n}"),
                (n, n),
                (f"files named {n}", f"file named {n}"),
                (f"{n} files", f"{n} file"),
            )
        )
    if form == "start":
        s = ctx.pick(P.NAME_STARTS)
        sel["pattern"] = s + "*"
        n = ctx.name(s)
        return rng.choice(
            (
                (f"files whose names start with {n}", f"file whose name starts with {n}"),
                (f"files starting with {n}", f"file starting with {n}"),
                (f"files beginning with {n}", f"file beginning with {n}"),
                (f"files with names starting with {n}", f"file with a name starting with {n}"),
            )
        )
    if form == "contains":
        s = ctx.pick(P.NAME_PARTS)
        sel["pattern"] = f"*{s}*"
        n = ctx.name(s)
        return rng.choice(
            (
                (f"files with {n} in the name", f"file with {n} in its name"),
                (f"files whose name contains {n}", f"file whose name contains {n}"),
                (f"files named like {n}", f"file named like {n}"),
            )
        )
    if form == "end":
        s = ctx.pick(P.NAME_ENDINGS)
        sel["pattern"] = f"*{s}.*"
        n = ctx.name(s)
        return rng.choice(
            (
                (f"files whose names end with {n}", f"file whose name ends with {n}"),
                (f"files ending in {n}", f"file ending in {n}"),
            )
        )
    rx = ctx.pick(P.NAME_REGEXES)
    filt["name_regex"] = rx
    n = ctx.name(rx, quote=True)
    return rng.choice(
        (
            (f"files whose names match the regex {n}", f"file whose name matches the regex {n}"),
            (f"files matching the regular expression {n}", f"file matching the regular expression {n}"),
            (f"files with names matching regex {n}", f"file with a name matching regex {n}"),
        )
    )


def group(
    ctx: Ctx,
    kinds: tuple = ("file",) * 8 + ("dir", "any"),
    filters: bool = True,
    folder: str | None = None,
    text: bool = False,
    ext: str | None = None,
    bare: bool = True,
) -> tuple[str, dict]:
    """Several items: [determiner] noun [location] [filters]."""
    rng = ctx.rng
    kind = "file" if ext else rng.choice(kinds)
    sel: dict = {}
    filt: dict = {}
    # bare=False: the phrase is followed by "in DEST" (put X in Y), so it must name its folder
    loc = (
        rng.choices(("in", "rec", "all", "here") if bare else ("in", "rec"), (56, 20, 16, 8)[: 4 if bare else 2])[0]
        if folder is None
        else "in"
    )
    if kind == "any" and loc in ("all", "here"):
        loc = "in"
    if loc in ("in", "rec"):
        f = folder if folder is not None else ctx.folder()
        sel["in"] = f
        fr = folder_ref(ctx, f)
    if loc in ("rec", "all"):
        sel["recursive"] = True
    if kind == "any":
        pre = {
            "in": (
                "everything in {f}",
                "all files and folders in {f}",
                "everything inside {f}",
                "the whole contents of {f}",
                "all the contents of {f}",
            ),
            "rec": (
                "everything under {f}",
                "everything in {f}, subfolders included",
                "all files and folders under {f}",
            ),
        }[loc]
        sel["kind"] = "any"
        phrase = rng.choice(pre).format(f=fr)
        if rng.random() < 0.1:  # "everything in downloads except the iso files"
            phrase += capabilities.exclusion(ctx, sys.modules[__name__], sel)
        return phrase, sel
    if loc == "all":
        det = rng.choice(("all", "all the", "every", "all of the", "every single"))
    else:
        det = rng.choice(("all", "all the", "the", "every", "any", "all of the"))
    singular = det.startswith(("every", "any"))
    fl = ""
    if kind == "dir":
        sel["kind"] = "dir"
        plural, single = rng.choice((("folders", "folder"), ("subfolders", "subfolder"), ("directories", "directory")))
        if rng.random() < 0.25:
            s = ctx.pick(P.NAME_STARTS)
            sel["pattern"] = s + "*"
            n = ctx.name(s)
            plural += f" whose names start with {n}"
            single += f" whose name starts with {n}"
    else:
        plural, single = _noun(ctx, filt, sel, text, ext)
        if filters and rng.random() < 0.4:
            fl = " " + filter_phrase(ctx, filt, kind)
            if rng.random() < 0.25:
                fl += " and " + filter_phrase(ctx, filt, kind)
            if singular:
                fl = _singular(fl)
    noun = single if singular else plural
    if (
        loc == "in"
        and kind == "file"
        and sel.keys() <= {"in", "filters"}
        and filt.keys() == {"ext"}
        and rng.random() < 0.15
    ):
        # noun adjunct: "the Downloads pdfs", "all build log files"
        phrase = f"{rng.choice(('', '', 'the ', 'all ', 'all the '))}{ctx.name(sel['in'])} {plural}"
    elif loc == "all":
        where = rng.choice(("", "", "", " anywhere", " in the whole tree", " everywhere"))
        phrase = f"{det} {noun}{where}{fl}"
    else:
        if loc == "here":
            where = rng.choice(
                (" here", " in the root", " in the root folder", " in the current folder", " at the top level")
            )
        elif loc == "in":
            where = " " + rng.choice(("in", "in", "from", "inside", "within")) + " " + fr
        else:
            where = rng.choice(
                (
                    f" under {fr}",
                    f" in {fr} and its subfolders",
                    f" in {fr}, including subfolders",
                    f" anywhere in {fr}",
                    f" in {fr} recursively",
                    f" in {fr} and all subfolders",
                )
            )
        if fl and rng.random() < 0.3:
            phrase = f"{det} {noun}{fl}{where}"
        else:
            phrase = f"{det} {noun}{where}{fl}"
    if filt:
        sel["filters"] = filt
    if kind != "dir" and rng.random() < 0.05:  # "all files in downloads except the iso files"
        phrase += capabilities.exclusion(ctx, sys.modules[__name__], sel)
    return phrase, sel


_SINGULAR = (
    (" that are ", " that is "),
    (" that contain ", " that contains "),
    (" that mention ", " that mentions "),
    (" that have ", " that has "),
    (" in them", " in it"),
)


def _singular(phrase: str) -> str:
    """Verb agreement for "every pdf file that is ..." (filters are written for the plural)."""
    for plural, single in _SINGULAR:
        phrase = phrase.replace(plural, single)
    return phrase


def parent(ctx: Ctx) -> str:
    return ctx.name("..", ctx.pick(PARENT_EN))


# ---------------------------------------------------------------- templates
# Slots: {one} one file, {dir} one folder, {grp} several items, {sel} one or several,
# {F} a folder the step works in, {dst} destination folder, {text} {find} {new} {tag}
# {tags} {ext2} {pre} {suf} {rules} {rs} {path} (a new file/folder path).

WRAP_PRE = (
    ("", 40),
    ("please ", 12),
    ("Please ", 6),
    ("could you ", 5),
    ("can you ", 5),
    ("could you please ", 4),
    ("would you ", 2),
    ("hey, ", 3),
    ("yo, ", 2),
    ("I need you to ", 3),
    ("I want to ", 2),
    ("help me ", 3),
    ("go ahead and ", 2),
    ("kindly ", 1),
    ("ok so ", 1),
    ("pls ", 2),
    ("I'd like you to ", 2),
    ("now ", 1),
)
WRAP_POST = (
    ("", 55),
    (".", 18),
    (" please", 6),
    (", thanks", 5),
    (" thx", 2),
    ("!", 3),
    (" for me", 3),
    (", thank you", 2),
    (" asap", 1),
)
QUESTION_PRE = ("could you", "can you", "would you", "could you please", "can you please")

CONNECT2 = (
    "{a} then {b}",
    "{a}, then {b}",
    "{a} and then {b}",
    "{a}, {b}",
    "first {a}, then {b}",
    "{a}; after that {b}",
    "{a}. Then {b}",
    "{a} and {b}",
    "{a}, and after that {b}",
    "{a}, afterwards {b}",
    "{a}, and once that's done, {b}",
    "{a}; next, {b}",
    "{a}, and when you're finished, {b}",
    "{a}. Also, {b}",
    "{a}, and right after that {b}",
    "{a}, and also {b}",
    "{a}. When that's done, {b}",
    "{a} - after that, {b}",
    "{a}, after which {b}",
    "{a}. Once that's done, {b}",
    "{a}, plus {b}",
    "{a}. Oh, and {b}",
    "{a}, and finally {b}",
    "{a} & then {b}",
    "to start, {a}; then {b}",
)
CONNECT3 = (
    "{a}, then {b}, then {c}",
    "{a}, {b} and {c}",
    "first {a}, then {b}, and finally {c}",
    "{a}; {b}; {c}",
    "{a}, {b}, then {c}",
    "{a} then {b} then {c}",
    "{a}, after that {b}, and lastly {c}",
    "{a}. Next, {b}. Finally, {c}",
    "{a}, {b}, and then {c}",
    "{a}; then {b}; and finally {c}",
    "{a}. After that, {b}. Lastly, {c}",
    "to start, {a}; then {b}; and to finish, {c}",
    "{a}, then {b}, and after that {c}",
)

TEMPLATES: dict[str, tuple[str, ...]] = {
    "list_dir": (
        "list {dir}",
        "show me {dir}",
        "!what's in {dir}?",
        "!what is inside {dir}?",
        "ls {dir}",
        "list the contents of {dir}",
        "show what's in {dir}",
        "!what files are in {dir}?",
        "display {dir}",
        "give me a listing of {dir}",
        "!can you tell me what {dir} has in it?",
        "show the files in {dir}",
        "!which files does {dir} contain?",
        "!what's inside {dir}?",
        "!anything in {dir}?",
        "list out {dir}",
        "enumerate the contents of {dir}",
        "!what do I have in {dir}?",
        "show me the listing of {dir}",
        "browse {dir}",
        "peek into {dir}",
        "!could I get a listing of {dir}?",
        "~I'd like to see what's in {dir}",
        "take a look inside {dir}",
        "!what does {dir} hold?",
        "run ls on {dir}",
        "check what's in {dir}",
        "!what have I got in {dir}?",
        "~contents of {dir}",
        "look in {dir} and tell me what's there",
        "just list {dir}",
        "!what's sitting in {dir}?",
        "open {dir} and show me what's there",
        "!{dir}: what's in it?",
        "ls -l {dir}",
        "show me the file names in {dir}",
        "~tell me what {dir} contains",
        "!does {dir} have anything in it?",
        "~let me see what's inside {dir}",
        "give me an overview of what's in {dir}",
        "go into {dir} and list what you find",
        "~quick ls of {dir}",
        "!can you show me what's in {dir}?",
        "print the directory listing of {dir}",
        "~I want to know what's in {dir}",
        "!what's currently stored in {dir}?",
        "look through {dir} and list its contents",
    ),
    "list_grp": (
        "list {grp}",
        "show me {grp}",
        "find {grp}",
        "!can you find {grp}?",
        "show {grp}",
        "search for {grp}",
        "!could you list {grp}?",
        "give me a list of {grp}",
        "look for {grp}",
        "print a list of {grp}",
        "locate {grp}",
        "!can you show me {grp}?",
        "!do I have {grp}?",
        "list out {grp}",
        "show me a list of {grp}",
        "enumerate {grp}",
        "get me {grp}",
        "!which files are {grp}?",
        "~{grp}: list them",
        "~I'd like a list of {grp}",
        "track down {grp}",
        "scan for {grp}",
        "pull up a list of {grp}",
        "!could I get a list of {grp}?",
        "dig up {grp}",
        "!where can I find {grp}?",
        "~names of {grp}",
        "bring up {grp}",
        "check for {grp}",
        "fetch a list of {grp}",
        "~I'm looking for {grp}",
        "quickly list {grp}",
        "display the names of {grp}",
        "go find {grp}",
        "hunt down {grp}",
        "!could you look up {grp}?",
        "~I need a list of {grp}",
        "make a list of {grp}",
        "run a search for {grp}",
        "~search the disk for {grp}",
        "point me to {grp}",
        "~find me {grp}",
        "collect the names of {grp}",
        "!what are the names of {grp}?",
    ),
    "read_one": (
        "show the contents of {one}",
        "print {one}",
        "cat {one}",
        "open {one}",
        "display {one}",
        "read {one}",
        "!what does {one} say?",
        "show me what's in {one}",
        "read out {one}",
        "print the contents of {one}",
        "display the text of {one}",
        "!what's written in {one}?",
        "let me see {one}",
        "output {one}",
        "dump {one}",
        "!can I see {one}?",
        "show {one}",
        "view {one}",
        "open up {one} and show me",
        "read me {one}",
        "!what's in {one}?",
        "let me read {one}",
        "pull up {one}",
        "spit out the contents of {one}",
        "!could you tell me what {one} says?",
        "~I'd like to read {one}",
        "~{one}: show me what it says",
        "open {one} so I can read it",
        "!mind showing me what {one} says?",
        "!what does {one} contain?",
        "bring up {one} on screen",
        "~contents of {one}",
        "print out {one}",
        "~I want to see what {one} says",
        "!could you open {one} for me?",
        "quickly show me the text in {one}",
        "get me the contents of {one}",
        "!what's {one} say?",
        "peek at {one}",
        "have a look at what {one} says",
        "read through {one}",
        "take a look at {one}",
        "show me the full text of {one}",
        "open {one} and read it to me",
        "~check what {one} says",
        "!can you print {one} for me?",
        "~I need to see what's in {one}",
        "echo the contents of {one}",
        "~read {one} to me",
        "!what's the content of {one}?",
        "display everything written in {one}",
    ),
    "read_grp": (
        "print the contents of {grp}",
        "show me the text of {grp}",
        "read {grp}",
        "cat {grp}",
        "display the contents of {grp}",
        "open and show {grp}",
        "view {grp}",
        "print out {grp}",
        "show what's written in {grp}",
        "~{grp}: dump their contents",
        "output the text of {grp}",
        "~I'd like to read through {grp}",
        "print {grp} one after another",
        "~{grp}: show me what they say",
        "print what's in {grp}",
        "!can I see what's inside {grp}?",
        "print the full text of {grp}",
        "show me what's inside {grp}",
        "get me the contents of {grp}",
        "~{grp}: print them all out",
        "dump the contents of {grp}",
        "!could you open {grp} and show me the text?",
        "read out {grp} one by one",
        "bring up the text of {grp}",
        "concatenate {grp} and show the result",
        "~I want to see the contents of {grp}",
        "peek at what's in {grp}",
        "read through {grp}",
        "go through {grp} and show me their contents",
        "open up {grp} and print what's in them",
        "display the text inside {grp}",
        "~I need the full text of {grp}",
        "!can you read {grp} to me?",
        "output the contents of {grp} one file after another",
        "~dump the text of {grp} to the screen",
        "~let me read what's written in {grp}",
    ),
    "create_file": (
        "create {path} with the content {text}",
        "make a file {path} containing {text}",
        "write a new file {path} that says {text}",
        "create a file called {path} with {text} in it",
        "~new file {path} with content {text}",
        "create {path} and put {text} in it",
        "make {path} with the text {text}",
        "add a new file {path} containing {text}",
        "create a text file named {path}, content: {text}",
        "save {text} to a new file {path}",
        "create {path} containing just {text}",
        "start a new file {path} with {text}",
        "write {text} to a new file {path}",
        "create a new file {path} with the text {text}",
        "make me a file {path} that contains {text}",
        "put {text} in a new file called {path}",
        "generate a new file {path} whose content is {text}",
        "~I'd like a new file {path} with {text} in it",
        "~I need a file called {path} that says {text}",
        "create {path}; its content should be {text}",
        "!could you create {path} with {text} as its content?",
        "~{path} should be a new file containing {text}",
        "~new file {path} saying {text}",
        "jot down {text} in a new file {path}",
        "set up a new file {path} with {text} in it",
        "!can you make me a file called {path} that says {text}?",
        "throw {text} into a new file {path}",
        "stick {text} in a new file called {path}",
        "!could I get a new file {path} that reads {text}?",
        "create {path} and fill it with {text}",
        "make a new note {path} saying {text}",
        "dump {text} into a fresh file named {path}",
        "make a new file called {path} and write {text} in it",
        "~I want a new file {path} that reads {text}",
        "create a note {path}: {text}",
        "add a file named {path} with the line {text}",
        "put together a new file {path} saying {text}",
        "~new {path} containing {text}",
        "write a file {path} with the contents {text}",
        "!could you write {text} into a brand-new file {path}?",
        "~create {path}, text: {text}",
        "open a new file {path} and type {text} into it",
        "~{path} doesn't exist yet - create it with {text}",
    ),
    "create_empty": (
        "create an empty file {path}",
        "touch {path}",
        "make an empty file called {path}",
        "create a blank file named {path}",
        "create a new empty file {path}",
        "add an empty {path}",
        "make a new blank file {path}",
        "create the file {path}, leave it empty",
        "create {path}, empty",
        "make a blank {path}",
        "add an empty file named {path}",
        "~I need an empty file called {path}",
        "create {path} with no content",
        "~set up {path} as an empty file",
        "!can you create a zero-byte file {path}?",
        "create {path} but don't put anything in it",
        "~{path}: create it and leave it blank",
        "~{path}: new empty file",
        "!could you set up an empty file called {path}?",
        "give me an empty file called {path}",
        "open a new blank file {path}",
        "create a placeholder file {path}",
        "just make an empty {path}",
        "~need a blank {path}",
        "create {path} and keep it empty",
        "generate an empty {path}",
        "!can you touch {path} for me?",
        "~{path}: just create it, nothing inside",
        "make {path} and leave it blank",
        "create a fresh empty file {path}",
        "~I want an empty {path}",
        "start an empty file called {path}",
        "!could you make a blank {path}?",
        "~empty file named {path}",
        "initialize an empty file {path}",
        "create a zero-length file named {path}",
        "~new blank file {path}",
    ),
    "create_dir": (
        "create a folder {dpath}",
        "make a new directory called {dpath}",
        "mkdir {dpath}",
        "create the folder {dpath}",
        "make a folder named {dpath}",
        "add a new folder {dpath}",
        "create a directory {dpath}",
        "set up a new folder called {dpath}",
        "make a subfolder {dpath}",
        "~new folder {dpath}",
        "create an empty folder {dpath}",
        "make the directory {dpath}",
        "create a new subdirectory {dpath}",
        "add a folder called {dpath}",
        "mkdir -p {dpath}",
        "~I need a new folder called {dpath}",
        "!could you make a folder {dpath}?",
        "start a new directory {dpath}",
        "establish a folder {dpath}",
        "~{dpath} needs to exist as a folder, create it",
        "~new directory {dpath}",
        "spin up a folder called {dpath}",
        "!can you set up a directory named {dpath}?",
        "add a subdirectory named {dpath}",
        "~{dpath} -> new folder",
        "build a folder {dpath}",
        "~we need a folder named {dpath}",
        "give me a new folder called {dpath}",
        "!mind creating a folder {dpath}?",
        "quickly make a directory {dpath}",
        "~I want a directory called {dpath}",
        "open a new folder named {dpath}",
        "~set up {dpath} as a new folder",
        "~{dpath}: make it a folder",
        "!could you create a new directory {dpath}?",
        "prepare a folder {dpath}",
        "~let's have a folder called {dpath}",
        "~new dir {dpath}",
        "create directory {dpath}",
        "initialize a directory {dpath}",
    ),
    "append": (
        "append {text} to {sel}",
        "add a line {text} to the end of {sel}",
        "add {text} at the end of {sel}",
        "append the line {text} to {sel}",
        "write {text} at the bottom of {sel}",
        "tack {text} onto the end of {sel}",
        "add {text} as a new last line in {sel}",
        "~to the end of {sel}, add {text}",
        "append {text} in {sel}",
        "put {text} at the end of {sel}",
        "add the line {text} to {sel}",
        "add {text} to the end of {sel}",
        "append a new line {text} to {sel}",
        "at the end of {sel} write {text}",
        "add one more line to {sel}: {text}",
        "~{sel}: append {text}",
        "~I'd like {text} appended to {sel}",
        "extend {sel} with the line {text}",
        "write {text} as the final line of {sel}",
        "~after the last line of {sel}, add {text}",
        "finish off {sel} with {text}",
        "add {text} below the existing text in {sel}",
        "stick {text} on the end of {sel}",
        "~{sel}: add {text} at the bottom",
        "!can you add {text} as the last line of {sel}?",
        "throw {text} onto the end of {sel}",
        "end {sel} with the line {text}",
        "~I need {text} added at the bottom of {sel}",
        "log {text} at the end of {sel}",
        "attach the line {text} to the end of {sel}",
        "insert {text} at the very end of {sel}",
        "~at the bottom of {sel}, put {text}",
        "add {text} to {sel}",
        "~add this to {sel}: {text}",
        "~{sel} needs one more line: {text}",
        "~I want to add {text} to {sel}",
        "!can you add {text} to {sel}?",
        "~let's add {text} to the end of {sel}",
        "continue {sel} with {text}",
        "add {text} on a new line at the end of {sel}",
        "record {text} at the bottom of {sel}",
        "add {text} to {sel} without touching what's already there",
        "~just tack {text} on at the end of {sel}",
    ),
    "prepend": (
        "prepend {text} to {sel}",
        "add {text} at the top of {sel}",
        "insert {text} at the beginning of {sel}",
        "put {text} at the start of {sel}",
        "add the line {text} to the top of {sel}",
        "~at the top of {sel}, add {text}",
        "insert the line {text} before the first line of {sel}",
        "prepend the line {text} in {sel}",
        "put the line {text} at the very top of {sel}",
        "start {sel} with the line {text}",
        "insert {text} as the first line of {sel}",
        "~{sel}: prepend {text}",
        "~I want {sel} to begin with {text}",
        "add {text} before everything else in {sel}",
        "put {text} above the first line of {sel}",
        "make {text} the opening line of {sel}",
        "~at the very beginning of {sel}, insert {text}",
        "write {text} at the head of {sel}",
        "add a header line {text} to {sel}",
        "stick {text} at the top of {sel}",
        "~{sel}: add {text} at the very top",
        "!can you make {sel} start with {text}?",
        "throw {text} in at the top of {sel}",
        "lead off {sel} with {text}",
        "~add to the top of {sel}: {text}",
        "insert {text} ahead of the existing text in {sel}",
        "push {text} to the front of {sel}",
        "give {sel} a new first line {text}",
        "~before the first line of {sel}, write {text}",
        "~{sel} should open with {text}",
        "~I'd like {text} at the top of {sel}",
        "put {text} first in {sel}, above everything else",
        "place {text} before the existing content of {sel}",
        "!could you insert {text} at the top of {sel}?",
        "~new first line for {sel}: {text}",
        "~let's put {text} at the top of {sel}",
        "write {text} above the current first line of {sel}",
        "slip {text} in at the beginning of {sel}",
        "~top of {sel}: {text}",
    ),
    "replace": (
        "replace {find} with {text} in {sel}",
        "~in {sel}, change {find} to {text}",
        "change every {find} to {text} in {sel}",
        "swap {find} for {text} in {sel}",
        "find {find} and replace it with {text} in {sel}",
        "~in {sel} replace {find} by {text}",
        "substitute {text} for {find} in {sel}",
        "replace all occurrences of {find} in {sel} with {text}",
        "update {sel}: replace {find} with {text}",
        "turn {find} into {text} in {sel}",
        "replace {find} by {text} in {sel}",
        "change {find} into {text} throughout {sel}",
        "~everywhere in {sel}, replace {find} with {text}",
        "edit {sel} so {find} becomes {text}",
        "~in {sel}, {find} should read {text}",
        "~I'd like every {find} in {sel} changed to {text}",
        "search {sel} for {find} and change it to {text}",
        "go through {sel} replacing {find} with {text}",
        "!could you change {find} to {text} everywhere in {sel}?",
        "put {text} wherever {find} appears in {sel}",
        "make {sel} say {text} instead of {find}",
        "~{sel}: {find} -> {text}",
        "switch {find} to {text} in {sel}",
        "!can you swap out {find} for {text} in {sel}?",
        "fix {sel} so that it says {text} where it says {find}",
        "use {text} instead of {find} in {sel}",
        "~wherever {sel} says {find}, write {text} instead",
        "correct {find} to {text} in {sel}",
        "~{find} should be {text} in {sel}",
        "get rid of {find} in {sel} and put {text} in its place",
        "exchange {find} for {text} throughout {sel}",
        "find every {find} in {sel} and make it {text}",
        "rewrite {find} as {text} in {sel}",
        "~{sel}: change {find} to {text}",
        "~I want {find} replaced by {text} in {sel}",
        "look for {find} in {sel} and replace it with {text}",
        "!would you replace every {find} in {sel} with {text}?",
        "do a find and replace in {sel}: {find} to {text}",
        "update {find} to {text} in {sel}",
        "~in {sel}, every {find} becomes {text}",
        "~{find} -> {text} everywhere in {sel}",
    ),
    "replace_regex": (
        "replace the regex {find} with {text} in {sel}",
        "~in {sel}, replace matches of the regular expression {find} with {text}",
        "use the regex {find} to replace with {text} in {sel}",
        "regex replace {find} -> {text} in {sel}",
        "~in {sel} substitute the pattern {find} (regex) with {text}",
        "replace every match of regex {find} in {sel} by {text}",
        "do a regex replace of {find} with {text} in {sel}",
        "apply the regex {find} to {sel} and replace matches with {text}",
        "use a regular expression: replace {find} with {text} in {sel}",
        "~in {sel}, regex-replace {find} with {text}",
        "run a regex substitution on {sel}: {find} -> {text}",
        "~I'd like a regex replace in {sel}: {find} becomes {text}",
        "replace whatever matches the regex {find} in {sel} with {text}",
        "~{sel}: regex {find} -> {text}",
        "treat {find} as a regular expression and replace its matches in {sel} with {text}",
        "!can you regex-replace {find} with {text} across {sel}?",
        "rewrite every regex match of {find} in {sel} as {text}",
        "change text matching the regular expression {find} to {text} in {sel}",
        "match {find} as a regex in {sel} and swap each hit for {text}",
        "~{sel}: replace regex {find} with {text}",
        "!could you do a regex find-and-replace in {sel}, {find} to {text}?",
        "~using the regex {find}, change the matches in {sel} to {text}",
        "turn every match of the regex {find} in {sel} into {text}",
        "~regex find/replace on {sel}: {find} => {text}",
        "swap regex matches of {find} for {text} in {sel}",
        "~I need the pattern {find} (a regex) replaced by {text} in {sel}",
        "substitute {text} for anything matching regex {find} in {sel}",
        "run the regex {find} over {sel} and put {text} in place of each match",
        "~regex: {find} -> {text} in {sel}",
        "use the pattern {find} as a regex and replace it with {text} in {sel}",
        "!can you replace anything in {sel} that matches the regex {find} with {text}?",
        "apply a regex substitution to {sel}, replacing {find} with {text}",
        "~{sel}: regex substitute {find} with {text}",
        "~I want every match of the regular expression {find} in {sel} changed to {text}",
        "do a regular-expression replace in {sel}: {find} to {text}",
        "find the regex {find} in {sel} and replace each match with {text}",
        "~with the regular expression {find}, replace every hit in {sel} by {text}",
        "go through {sel} with the regex {find} and put {text} wherever it matches",
    ),
    "set": (
        "overwrite {sel} with {text}",
        "set the content of {sel} to {text}",
        "write {text} into {sel}",
        "replace the contents of {sel} with {text}",
        "make {sel} contain only {text}",
        "change the content of {sel} to {text}",
        "set {sel} to {text}",
        "wipe {sel} and write {text}",
        "overwrite the contents of {sel} with {text}",
        "fill {sel} with {text}",
        "put {text} as the only content of {sel}",
        "rewrite {sel} to say {text}",
        "replace everything in {sel} with {text}",
        "make the content of {sel} {text}",
        "~{sel}: overwrite with {text}",
        "~I want {sel} to say {text} and nothing else",
        "~the content of {sel} should be {text}",
        "reset {sel} so it only says {text}",
        "discard what's in {sel} and write {text} instead",
        "update {sel} to read exactly {text}",
        "save {text} over {sel}",
        "make {sel} say just {text}",
        "clear {sel} and put {text} in it",
        "~{sel} should just say {text}",
        "empty {sel} out and write only {text}",
        "!can you change {sel} so it only contains {text}?",
        "swap the whole content of {sel} for {text}",
        "replace whatever {sel} says with {text}",
        "set the text of {sel} to exactly {text}",
        "throw out what's in {sel} and put {text} there instead",
        "~new content for {sel}: {text}",
        "~make {sel} say {text}, replacing everything",
        "overwrite {sel} so that the only content is {text}",
        "replace all of the text in {sel} with {text}",
        "~erase what's in {sel} and write {text}",
        "~I want the whole content of {sel} to be {text}",
        "!can you overwrite {sel} with {text}?",
        "blank out {sel} and put {text} in it",
        "write {text} over the existing contents of {sel}",
        "change {sel} so its entire content is {text}",
        "make {text} the entire content of {sel}",
        "~forget the old content of {sel}; the new content is {text}",
    ),
    "delete": (
        "delete {sel}",
        "remove {sel}",
        "erase {sel}",
        "trash {sel}",
        "get rid of {sel}",
        "throw away {sel}",
        "!can you delete {sel}?",
        "delete {sel} permanently",
        "nuke {sel}",
        "remove {sel} from the disk",
        "clean up by deleting {sel}",
        "~I don't need {sel} anymore, delete it",
        "bin {sel}",
        "wipe out {sel}",
        "discard {sel}",
        "delete off {sel}",
        "please remove {sel} for good",
        "kill {sel}",
        "rm {one}",
        "delete {sel} now",
        "purge {sel}",
        "scrap {sel}",
        "dispose of {sel}",
        "~{sel}: delete",
        "~I'd like {sel} deleted",
        "do away with {sel}",
        "~delete the following: {sel}",
        "~{sel} has to go",
        "ditch {sel}",
        "zap {sel}",
        "chuck out {sel}",
        "permanently remove {sel}",
        "quickly delete {sel}",
        "del {sel}",
        "blow away {sel}",
        "~{sel} can be deleted",
        "!would you mind deleting {sel}?",
        "~send {sel} to the trash",
        "~move {sel} to the trash",
        "~put {sel} in the recycle bin",
        "~throw {sel} in the bin",
        "~toss {sel} into the trash can",
        "~{sel} can go in the bin",
        "clear out {sel}",
        "~I'm done with {sel} - get rid of it all",
        "!can you get rid of {sel} for me?",
        "toss {sel}",
        "~bin {sel}, it's all junk",
        "erase {sel} for good",
        "rm -rf {sel}",
    ),
    "move": (
        "move {sel} to {dst}",
        "put {sel} in {dst}",
        "transfer {sel} to {dst}",
        "stick {sel} in {dst}",
        "move {sel} into {dst}",
        "~to {dst}, move {sel}",
        "relocate {sel} to {dst}",
        "shift {sel} over to {dst}",
        "!can you move {sel} to {dst}?",
        "{sel} should go to {dst}",
        "drag {sel} into {dst}",
        "send {sel} to {dst}",
        "move {sel} over to {dst}",
        "take {sel} and move it all to {dst}",
        "mv {one} {dstn}",
        "dump {sel} in {dst}",
        "move {sel} over into {dst}",
        "put {sel} inside {dst}",
        "!could {sel} go into {dst}?",
        "migrate {sel} to {dst}",
        "bring {sel} to {dst}",
        "~I want {sel} moved to {dst}",
        "shove {sel} into {dst}",
        "~{sel}: move to {dst}",
        "{dst} is where {sel} should go",
        "carry {sel} off to {dst}",
        "push {sel} into {dst}",
        "!mind moving {sel} to {dst}?",
        "~I'd like {sel} to end up in {dst}",
        "throw {sel} into {dst}",
        "drop {sel} into {dst}",
        "get {sel} into {dst}",
        "pop {sel} into {dst}",
        "quickly move {sel} to {dst}",
        "~cut {sel}, paste into {dst}",
        "!can {sel} be moved to {dst}?",
        "~{dst} should be the new home for {sel}",
        "rehome {sel} into {dst}",
        "~over to {dst} with {sel}",
        "file away {sel} in {dst}",
        "~{sel} belongs in {dst}, move it there",
        "~move {sel}, destination {dst}",
        "!would you put {sel} into {dst}?",
        "~let's get {sel} over to {dst}",
        "~move {sel} to {dst}, don't keep a copy",
        "mv {one} {dstn}/",
        "stash {sel} in {dst}",
        "park {sel} in {dst}",
        "~tuck {sel} away in {dst}",
        "chuck {sel} into {dst}",
        "~{sel} should live in {dst} from now on",
    ),
    "copy": (
        "copy {sel} to {dst}",
        "duplicate {sel} into {dst}",
        "back up {sel} to {dst}",
        "make a copy of {sel} in {dst}",
        "copy {sel} into {dst}",
        "~to {dst}, copy {sel}",
        "!can you copy {sel} to {dst}?",
        "cp {one} {dstn}",
        "put a copy of {sel} in {dst}",
        "clone {sel} into {dst}",
        "copy {sel} over to {dst}",
        "save copies of {sel} in {dst}",
        "mirror {sel} to {dst}",
        "make backups of {sel} in {dst}",
        "copy {sel} across to {dst}",
        "make copies of {sel} in {dst}",
        "~I want {sel} copied to {dst}",
        "duplicate {sel} to {dst}",
        "copy over {sel} to {dst}",
        "~I'd like a copy of {sel} placed in {dst}",
        "~{sel}: copy to {dst}",
        "replicate {sel} into {dst}",
        "duplicate {sel} and store the result in {dst}",
        "!could I get {sel} copied over to {dst}?",
        "copy {sel} to {dst} without removing anything",
        "{dst} should get a copy of {sel}",
        "stick a copy of {sel} in {dst}",
        "~{sel}: make a copy in {dst}",
        "drop a copy of {sel} into {dst}",
        "throw a copy of {sel} into {dst}",
        "!could you take a copy of {sel} and save it to {dst}?",
        "copy {sel} to {dst}, don't move anything",
        "backup {sel} into {dst}",
        "get a copy of {sel} into {dst}",
        "~I need a duplicate of {sel} in {dst}",
        "copy-paste {sel} into {dst}",
        "make a duplicate of {sel} in {dst}",
        "~copy {sel} to {dst}, leave the originals where they are",
        "~back {sel} up to {dst}",
        "save a backup of {sel} in {dst}",
        "!could you duplicate {sel} into {dst}?",
        "cp {one} {dstn}/",
        "~I'd like {sel} backed up in {dst}",
        "~copy, don't move, {sel} to {dst}",
        "~let's back up {sel} into {dst}",
        "snapshot {sel} into {dst}",
        "~{sel}: back up to {dst}",
        "make a second copy of {sel} in {dst}",
    ),
    "rename_one": (
        "rename {item} to {new}",
        "change the name of {item} to {new}",
        "call {item} {new} instead",
        "rename {item} as {new}",
        "{item} should be named {new}",
        "give {item} the name {new}",
        "mv {item} {new}",
        "rename {item} -> {new}",
        "change {item}'s name to {new}",
        "retitle {item} to {new}",
        "let's rename {item} to {new}",
        "name {item} {new} instead",
        "rename {item} into {new}",
        "can {item} be renamed to {new}",
        "switch the name of {item} to {new}",
        "~{item}: rename to {new}",
        "~I'd like {item} renamed to {new}",
        "give {item} a new name: {new}",
        "~the new name for {item} should be {new}",
        "change what {item} is called to {new}",
        "rename {item}, new name {new}",
        "~from now on, call {item} {new}",
        "rename {item}, call it {new}",
        "!can you rename {item} to {new}?",
        "~{item} needs to be called {new}",
        "set the name of {item} to {new}",
        "rename {item} so it's called {new}",
        "~new name for {item}: {new}",
        "quickly rename {item} to {new}",
        "update the name of {item} to {new}",
        "~I want to rename {item} as {new}",
        "~{item}, rename it {new}",
        "~let {item} be called {new}",
        "~{item} gets a new name: {new}",
        "~I want {item} to be called {new}",
        "change {item} to be named {new}",
        "~keep {item} where it is but rename it to {new}",
        "rename {item} in place to {new}",
        "~{item} => {new} (rename)",
        "~swap the name {item} for {new}",
        "!can {item} be called {new} instead?",
        "~don't move {item}, just rename it to {new}",
        "give {item} a different name, {new}",
    ),
    "rename_ext": (
        "change the extension of {grp} to {ext2}",
        "rename {grp} to .{ext2}",
        "switch {grp} to the {ext2} extension",
        "give {grp} the extension .{ext2}",
        "change {grp} to .{ext2} files",
        "make {grp} end in .{ext2}",
        "convert the file extension of {grp} to {ext2}",
        "set the extension of {grp} to .{ext2}",
        "rename the extension of {grp} to {ext2}",
        "turn {grp} into .{ext2} files",
        "~{grp}: change the extension to .{ext2}",
        "~I'd like {grp} to have the .{ext2} extension",
        "replace the extension of {grp} with .{ext2}",
        "swap the extension on {grp} for .{ext2}",
        "use .{ext2} as the extension for {grp}",
        "rename {grp} so their extension is .{ext2}",
        "!can you give {grp} a .{ext2} extension?",
        "{grp} should get the extension {ext2}",
        "~{grp} -> .{ext2}",
        "change the file type of {grp} to .{ext2}",
        "make the extension of {grp} .{ext2}",
        "!could you rename {grp} with a .{ext2} extension?",
        "put a .{ext2} extension on {grp}",
        "~{grp}: new extension .{ext2}",
        "update the extension of {grp} to {ext2}",
        "drop the old extension of {grp} and use .{ext2} instead",
        "~the extension for {grp} should be .{ext2}",
        "switch the extension of {grp} over to {ext2}",
        "~I want {grp} to end in .{ext2} instead",
        "!could you change {grp} over to .{ext2}?",
        "give {grp} a new extension: .{ext2}",
        "~{grp} should become .{ext2} files",
        "~let's rename {grp} to the .{ext2} extension",
        "strip the extension off {grp} and put .{ext2} on instead",
        "alter the extension of {grp} to {ext2}",
        "mass-change the extension of {grp} to .{ext2}",
    ),
    "rename_prefix": (
        "add the prefix {pre} to {grp}",
        "prefix {grp} with {pre}",
        "put {pre} in front of the names of {grp}",
        "rename {grp} by adding {pre} at the start",
        "start the names of {grp} with {pre}",
        "add {pre} to the beginning of the names of {grp}",
        "stick {pre} before the names of {grp}",
        "add {pre} in front of {grp}",
        "prepend {pre} to the names of {grp}",
        "~{grp}: prefix the names with {pre}",
        "~I'd like {pre} added to the start of the names of {grp}",
        "put the prefix {pre} on {grp}",
        "attach {pre} to the front of the names of {grp}",
        "give {grp} the prefix {pre}",
        "rename {grp}, putting {pre} before each name",
        "rename {grp} so that each name starts with {pre}",
        "rename {grp} with {pre} as a prefix",
        "~{grp}: add {pre} in front",
        "!can you prefix the names of {grp} with {pre}?",
        "tack {pre} onto the front of the names of {grp}",
        "make the names of {grp} begin with {pre}",
        "add {pre} before the file names of {grp}",
        "rename {grp} so the new names are {pre} followed by the old ones",
        "insert {pre} at the beginning of the names of {grp}",
        "~{pre} prefix on {grp}",
        "stamp {pre} on the front of the names of {grp}",
        "change the names of {grp} by putting {pre} first",
        "~add {pre} at the start of the file names of {grp}",
        "~in front of the filenames of {grp}, add {pre}",
        "~I want the names of {grp} to start with {pre}",
        "!can you stick {pre} at the start of the names of {grp}?",
        "prefix the file names of {grp} with {pre}",
        "~{grp}: rename with the prefix {pre}",
        "add the prefix {pre} to the filenames of {grp}",
        "~new names for {grp}: {pre} + the old name",
        "glue {pre} onto the start of the filenames of {grp}",
        "mark {grp} by prefixing their names with {pre}",
        "~{pre} should come before the names of {grp}",
    ),
    "rename_template": (
        "rename {grp} using the pattern {tpl}",
        "rename {grp} to {tpl}",
        "number {grp} as {tpl}",
        "batch rename {grp} with the template {tpl}",
        "give {grp} names like {tpl}",
        "rename {grp} following the pattern {tpl}",
        "~{grp}: rename using {tpl}",
        "~I'd like {grp} renamed as {tpl}",
        "apply the naming pattern {tpl} to {grp}",
        "rename {grp} according to the scheme {tpl}",
        "use {tpl} as the new name format for {grp}",
        "mass-rename {grp} to the format {tpl}",
        "!can you rename {grp} in the form {tpl}?",
        "bulk rename {grp}: {tpl}",
        "rename {grp}; new names should look like {tpl}",
        "~{grp} -> {tpl}",
        "renumber {grp} as {tpl}",
        "name {grp} according to {tpl}",
        "!could you rename {grp} to match the pattern {tpl}?",
        "make the names of {grp} follow {tpl}",
        "set the names of {grp} to {tpl}",
        "change the names of {grp} to the format {tpl}",
        "~I want {grp} to be named {tpl}",
        "standardize the names of {grp} as {tpl}",
        "rename {grp} in sequence as {tpl}",
        "~rename {grp}, pattern: {tpl}",
        "rename {grp} one by one as {tpl}",
        "!could you batch-rename {grp} using {tpl}?",
        "give {grp} new names of the form {tpl}",
        "use the template {tpl} to rename {grp}",
        "~I want {grp} renamed after the pattern {tpl}",
        "rename {grp} with the format string {tpl}",
        "~new names for {grp} should follow {tpl}",
        "~let's rename {grp} to the pattern {tpl}",
        "~{grp}: new naming scheme {tpl}",
    ),
    "rename_suffix": (
        "add the suffix {suf} to {grp}",
        "append {suf} to the names of {grp}",
        "suffix {grp} with {suf}",
        "add {suf} to the end of the file names of {grp}",
        "rename {grp} by adding {suf} after the name",
        "put {suf} at the end of the names of {grp}",
        "give {grp} the suffix {suf}",
        "add {suf} after the names of {grp}",
        "tack {suf} onto the names of {grp}",
        "~{grp}: suffix the names with {suf}",
        "~I want {suf} appended to the names of {grp}",
        "put the suffix {suf} on {grp}",
        "extend the names of {grp} with {suf}",
        "rename {grp} with {suf} as a suffix",
        "rename {grp}, putting {suf} after each name",
        "follow the names of {grp} with {suf}",
        "!can you add a {suf} suffix to {grp}?",
        "~{grp}: add {suf} to the end of each name",
        "stick {suf} on the end of the names of {grp}",
        "make the names of {grp} end with {suf}, before the extension",
        "!would you add {suf} to the names of {grp}, at the end?",
        "rename {grp} so each name ends in {suf}",
        "attach {suf} to the end of the names of {grp}",
        "~{suf} suffix on {grp}",
        "stamp {suf} on the end of the names of {grp}",
        "change the names of {grp} by adding {suf} at the end",
        "give the names of {grp} a {suf} ending",
        "~I want the names of {grp} to end with {suf}",
        "!can you put {suf} at the end of the filenames of {grp}?",
        "suffix the file names of {grp} with {suf}",
        "~{grp}: rename with the suffix {suf}",
        "add a {suf} suffix to the filenames of {grp}",
        "~new names for {grp}: the old name + {suf}",
        "glue {suf} onto the end of the filenames of {grp}",
        "rename {grp} by tacking {suf} onto their names",
        "~{suf} should come after the names of {grp}",
        "mark {grp} by adding {suf} to their names",
    ),
    "classify_ext": (
        "sort {grp} by extension",
        "organize {F} by file type",
        "group the files in {F} by format",
        "classify {grp} by extension",
        "sort {F} into folders by extension",
        "organize {grp} by type",
        "split {F} into one folder per extension",
        "tidy {F} by file extension",
        "arrange {grp} by format",
        "sort the files in {F} by their type",
        "sort {grp} into folders by extension",
        "bucket {F} by file extension",
        "group {grp} by extension",
        "~{grp}: one folder per extension",
        "~I'd like {F} sorted by extension",
        "separate {grp} by file extension",
        "split {grp} into folders named after their extension",
        "organize {F} into extension folders",
        "classify {F} according to file extension",
        "~{F} needs sorting by extension",
        "~{F}: sort by extension",
        "file {grp} into folders by their extension",
        "split up {F} by extension",
        "~put {grp} in separate folders by extension",
        "organise {F} by extension",
        "sort out {grp} by file extension",
        "~{F}, one subfolder per file extension",
        "~make one folder per extension in {F} and sort the files into them",
        "categorise {grp} by extension",
        "break down {F} by file extension",
        "~group the contents of {F} by extension",
        "sort {grp} into folders based on their extensions",
        "!can you sort {F} by extension?",
        "~I want {grp} grouped by file extension",
        "organize {grp} into a folder for each extension",
        "~divide {F} up by extension",
        "~let's sort {grp} by file extension",
        "~by extension: organize {F}",
        "arrange {F} into per-extension folders",
    ),
    "classify_type": (
        "classify {grp} by category",
        "sort {F} into documents, images, videos and so on",
        "organize {grp} by kind",
        "group {F} by category",
        "sort {grp} into categories",
        "sort {F} into folders like images and documents",
        "categorize {grp}",
        "organize {F} into categories",
        "sort {grp} by kind of file",
        "split {F} into categories like documents and images",
        "classify {F} by category",
        "~{grp}: group by category",
        "~I'd like {F} organized into documents, images, music and so on",
        "separate {grp} into images, documents, videos and the like",
        "file {grp} into category folders",
        "sort {F} by what kind of files they are",
        "arrange {F} by file category",
        "organise {F} into categories such as images, music and documents",
        "~{grp}: sort into images, docs, videos etc.",
        "categorise {grp} by type of file",
        "sort {F} by kind, with photos in one folder and documents in another",
        "sort {grp} into per-category folders",
        "bucket {F} by file category",
        "divide up {F} by category",
        "~{F}: one folder per category",
        "tidy {grp} into category folders",
        "break down {F} by category",
        "sort {grp} into images, documents, music and so on",
        "!can you split {F} into categories?",
        "~I want {grp} grouped by what kind of file they are",
        "group {grp} into categories like photos, docs and videos",
        "arrange {grp} by category",
        "~{F}: sort into categories",
        "~put {grp} into folders by kind",
        "separate {F} into documents, pictures, audio and video",
        "organize {grp} by file category",
    ),
    "classify_year": (
        "sort {grp} by year",
        "organize {F} by year",
        "group {grp} into folders by year",
        "classify {F} by year",
        "put {grp} into one folder per year",
        "sort {F} by the year they were modified",
        "file {grp} by year",
        "organize {grp} into year folders",
        "split {F} by year",
        "~{grp}: one folder per year",
        "~I'd like {F} sorted into yearly folders",
        "separate {grp} by year",
        "arrange {F} by year of modification",
        "group {F} year by year",
        "bucket {grp} by the year they were last changed",
        "distribute {grp} into per-year folders",
        "organise {F} by year",
        "~{F}: a folder for each year",
        "break down {F} by year",
        "split up {grp} by year of last change",
        "divide {grp} into folders by year",
        "~sort by year: {grp}",
        "group {F} according to the year each file was modified",
        "categorise {grp} by year",
        "~I want {F} filed by year",
        "tidy {F} into year folders",
        "~{F}: group by year",
        "!can you sort {F} into folders by year?",
        "~put {grp} in folders named after the year",
        "~I want {grp} grouped by year",
        "~let's organize {F} by year of last modification",
        "split {grp} into yearly folders",
        "organize {grp} chronologically by year",
        "~{F}, sorted by year",
        "~file {F} away by year",
    ),
    "classify_month": (
        "sort {grp} by month",
        "organize {F} by month",
        "group {grp} into monthly folders",
        "classify {F} by month",
        "put {grp} into one folder per month",
        "sort {F} by modification month",
        "organize {grp} into month folders",
        "split {F} by month",
        "file {grp} by month",
        "~{grp}: one folder per month",
        "~I'd like {F} split into a folder for each month",
        "separate {grp} by month",
        "arrange {F} by month of modification",
        "group {F} month by month",
        "bucket {grp} by the month they were last changed",
        "distribute {grp} into per-month folders",
        "organise {F} by month",
        "~{F}: a folder for each month",
        "break down {F} by month",
        "split up {grp} by month of last change",
        "divide {grp} into folders by month",
        "~sort by month: {grp}",
        "group {F} according to the month each file was modified",
        "categorise {grp} by month",
        "~I want {F} filed by month",
        "tidy {F} into month-by-month folders",
        "~{F}: group by month",
        "!can you sort {F} into folders by month?",
        "~put {grp} in folders named after the month",
        "~I want {grp} grouped by month",
        "~let's organize {F} by month of last modification",
        "split {grp} into a folder per month",
        "sort {grp} by the month they were modified",
        "~{F}, sorted by month",
        "~file {F} away by month",
    ),
    "classify_size": (
        "sort {grp} by size",
        "organize {F} by file size",
        "group {grp} into small, medium and large",
        "classify {F} by size",
        "split {grp} by how big they are",
        "sort {F} into small, medium and large folders",
        "organize {grp} by size",
        "bucket {F} by size",
        "~{grp}: group by size",
        "~I'd like {F} sorted by how large the files are",
        "separate {grp} into size buckets",
        "split {grp} into folders by size",
        "divide {F} into small, medium and big files",
        "categorize {grp} by file size",
        "classify {grp} by how much space they take",
        "organise {F} by size",
        "~{F}: small, medium and large folders",
        "sort {grp} into size groups",
        "break down {F} by file size",
        "divide {grp} into small, medium and large",
        "~sort by size: {grp}",
        "group {F} according to file size",
        "~put {grp} into small, medium and large folders",
        "tidy {F} into folders by size",
        "~I want {F} split up by file size",
        "~{F}: group by size",
        "!can you sort {F} by file size?",
        "~I want {grp} grouped by size",
        "~let's organize {F} by how big the files are",
        "separate the big files from the small ones in {F}",
        "arrange {grp} by size",
        "~{F}, sorted by size",
        "~file {F} away by size",
    ),
    "classify_keywords": (
        "~in {F}, {rules}",
        "sort {grp}: {rules}",
        "organize {F} so that {rules}",
        "classify {grp}: {rules}",
        "go through {grp} and {rules}",
        "~for {grp}, {rules}",
        "sort {F} by keywords: {rules}",
        "classify {F} by content: {rules}",
        "organize {grp} like this: {rules}",
        "~{grp}: {rules}",
        "~I'd like {F} sorted by content: {rules}",
        "split {grp} by keyword: {rules}",
        "arrange {F} using these rules: {rules}",
        "use keywords to classify {grp}: {rules}",
        "~here's how to sort {F}: {rules}",
        "organize {grp} by what they contain: {rules}",
        "~based on content, sort {F} like so: {rules}",
        "sort out {F} by keyword: {rules}",
        "organise {grp} as follows: {rules}",
        "~go through {F} and sort by content: {rules}",
        "!can you sort {F} like this: {rules}?",
        "file {grp} by keyword: {rules}",
        "~rules for {F}: {rules}",
        "tidy {F} with keyword rules: {rules}",
        "look inside {grp} and sort them: {rules}",
        "~I want {F} split up by what the files say: {rules}",
        "put {grp} into folders by keyword: {rules}",
        "~sort {F} by what's in the files: {rules}",
        "~here are my rules for {grp}: {rules}",
        "~{F} - {rules}",
        "use these keyword rules on {grp}: {rules}",
        "!can you organize {grp} so that {rules}?",
        "organize {grp} by keyword - {rules}",
        "classify {F} based on the text inside: {rules}",
        "~look through {grp} and file them: {rules}",
        "move {grp} according to content: {rules}",
        "sort the contents of {F} by keyword, like this: {rules}",
        "distribute {grp} by keyword: {rules}",
        "apply these content rules to {F}: {rules}",
    ),
    "classify_default": (
        "classify {grp}",
        "organize {F}",
        "tidy up {F}",
        "sort out {grp}",
        "clean up and organize {F}",
        "organize {grp}",
        "classify the files in {F}",
        "tidy {grp}",
        "!can you organize {F}?",
        "sort {F}",
        "put some order in {F}",
        "arrange {grp} into folders",
        "clean up {F}",
        "organize the files in {F}",
        "tidy up {grp}",
        "sort {grp} into folders",
        "~{F} is a mess, organize it",
        "~I'd like {F} tidied up",
        "~arrange {F} neatly into folders",
        "straighten out {F}",
        "~give {grp} a sensible folder structure",
        "make sense of the mess in {F}",
        "~{grp}: sort them into folders",
        "neaten up {grp}",
        "declutter {F}",
        "organise {F}",
        "~{F} needs organizing",
        "~get {F} organized",
        "bring some order to {F}",
        "auto-sort {F}",
        "~put {grp} in order",
        "straighten up {F}",
        "reorganise {grp}",
        "~give {F} a good tidy-up",
        "sort {grp} into sensible folders",
        "!could you tidy up {F}?",
        "~{F} could use some organizing",
        "organize {grp} automatically",
        "~help me get {F} in order",
        "sort out the mess in {F}",
        "~let's get {F} sorted",
        "arrange {F} sensibly",
    ),
    "classify_ruleset": (
        "classify {grp} using the {rs} rules",
        "organize {F} with the rule set {rs}",
        "sort {grp} with {rs} rules",
        "apply the {rs} rule set to {F}",
        "organize {grp} according to the {rs} rules",
        "use rule set {rs} on {F}",
        "run the {rs} rules on {grp}",
        "sort {F} using rule set {rs}",
        "~{F}: apply the {rs} rules",
        "~I'd like {grp} classified with the {rs} rule set",
        "follow the {rs} rules to organize {grp}",
        "use the {rs} rules to sort {F}",
        "organize {F} based on the {rs} rule set",
        "let the {rs} rule set sort {grp}",
        "tidy {grp} with the {rs} ruleset",
        "organise {F} using the {rs} rules",
        "~{grp}: classify with rule set {rs}",
        "run the {rs} rule set over {F}",
        "sort {grp} the {rs} way",
        "use the saved rules {rs} for {F}",
        "apply my {rs} rules to {grp}",
        "tidy {F} per the {rs} rule set",
        "go through {grp} with the {rs} rules",
        "~rule set {rs} for {F}",
        "classify {F} the way the {rs} rules say",
        "~{F}: use the {rs} rules",
        "!can you run the {rs} rule set on {F}?",
        "classify {grp} with my saved {rs} rules",
        "~I want {grp} sorted with rule set {rs}",
        "sort {F} according to rule set {rs}",
        "put {grp} through the {rs} rules",
        "process {grp} with the {rs} rules",
        "apply ruleset {rs} to {grp}",
    ),
    "tag_add": (
        "tag {sel} as {tags}",
        "add the tag {tags} to {sel}",
        "label {sel} with {tags}",
        "mark {sel} as {tags}",
        "tag {sel} with {tags}",
        "give {sel} the tag {tags}",
        "put a {tags} tag on {sel}",
        "attach the tag {tags} to {sel}",
        "flag {sel} as {tags}",
        "add tags {tags} to {sel}",
        "label {sel} as {tags}",
        "add a {tags} tag to {sel}",
        "tag {sel} {tags}",
        "mark {sel} with the tag {tags}",
        "~{sel}: tag as {tags}",
        "~I'd like {sel} tagged {tags}",
        "~use {tags} as a tag for {sel}",
        "give {sel} a {tags} label",
        "add {tags} to the tags of {sel}",
        "slap a {tags} label on {sel}",
        "{sel} should be tagged {tags}",
        "~the {tags} tag goes on {sel}",
        "stick a {tags} tag on {sel}",
        "!could you put the tag {tags} on {sel}?",
        "set a {tags} tag on {sel}",
        "add {tags} as a tag on {sel}",
        "throw a {tags} tag on {sel}",
        "~I want to tag {sel} with {tags}",
        "assign the tag {tags} to {sel}",
        "file {sel} under the tag {tags}",
        "!mind tagging {sel} as {tags}?",
        "~{sel}: add tag {tags}",
        "~tag for {sel}: {tags}",
        "!can you tag {sel} as {tags}?",
        "~{sel} should carry the tag {tags}",
        "apply the tag {tags} to {sel}",
        "~let's add a {tags} tag to {sel}",
        "~{sel} - tag with {tags}",
        "~{sel} should get a {tags} tag",
        "!could {sel} get the tag {tags}?",
        "also tag {sel} as {tags}",
    ),
    "tag_remove": (
        "remove the tag {tags} from {sel}",
        "untag {tags} from {sel}",
        "take the {tags} label off {sel}",
        "remove {tags} tag from {sel}",
        "delete the tag {tags} on {sel}",
        "unmark {sel} as {tags}",
        "drop the tag {tags} from {sel}",
        "{sel} should no longer be tagged {tags}",
        "remove the {tags} tag from {sel}",
        "clear the tag {tags} from {sel}",
        "untag {sel}: {tags}",
        "~{sel}: no more {tags} tag",
        "~I'd like the {tags} tag removed from {sel}",
        "strip {sel} of the tag {tags}",
        "~the {tags} tag should come off {sel}",
        "get rid of the {tags} tag on {sel}",
        "{sel} shouldn't have the tag {tags} anymore",
        "take {tags} off the tags of {sel}",
        "~{sel}: untag {tags}",
        "!can you remove the {tags} label from {sel}?",
        "pull the {tags} tag off {sel}",
        "detach the tag {tags} from {sel}",
        "~{sel}: the {tags} tag no longer applies, remove it",
        "unflag {sel} as {tags}",
        "delete {tags} from the tags of {sel}",
        "~I want the {tags} tag gone from {sel}",
        "lose the {tags} tag on {sel}",
        "scrap the {tags} tag from {sel}",
        "~{sel}: take off the tag {tags}",
        "!could you take the tag {tags} off {sel}?",
        "~{sel}: remove tag {tags}",
        "~un-tag {sel} ({tags})",
        "erase the {tags} tag from {sel}",
        "delete the {tags} label from {sel}",
        "~let's drop the {tags} tag on {sel}",
        "~no longer tag {sel} as {tags}",
        "remove {sel} from the {tags} tag",
    ),
    # multi-step requests with a pronoun pointing back at the first step's item
    "seq_mkdir_move": (
        "create a folder {D} and move {grp} into it",
        "make a new folder called {D}, then move {grp} there",
        "mkdir {D} and put {grp} in it",
        "create {D} and then move {grp} into it",
        "set up a new directory {D} and transfer {grp} into it",
        "make {D}, then put {grp} inside it",
        "~I need a folder {D} with {grp} moved into it",
        "start a folder called {D} and shift {grp} over to it",
        "create the directory {D} and relocate {grp} there",
        "first make a folder {D}, then move {grp} to it",
        "~{grp} should go into a new folder {D}, so create it first",
        "make a folder {D} and throw {grp} in it",
        "~new folder {D}, then move {grp} into it",
        "!can you create {D} and move {grp} into it?",
        "create a directory called {D} and stick {grp} in there",
        "set up {D} as a folder, then drop {grp} into it",
        "make the folder {D} and get {grp} moved in there",
        "create {D} first, then relocate {grp} inside it",
        "~I'd like a new folder {D}, with {grp} moved into it",
        "add a folder called {D} and shift {grp} into it",
        "~make a folder {D}; move {grp} there afterwards",
        "create {D}, and put {grp} in it afterwards",
        "~{D} doesn't exist yet: create it and move {grp} in",
        "make a directory named {D} and file {grp} away in it",
        "mkdir {D}, then mv {grp} into it",
        "!could you make a new folder {D} and put {grp} there?",
        "set up a folder {D}, then transfer {grp} over to it",
        "~let's create a folder called {D} and move {grp} into it",
        "build a new folder {D} and shove {grp} into it",
        "~move {grp} into a new folder {D} (create it first)",
    ),
    "seq_mkdir_copy": (
        "create a folder {D} and copy {grp} into it",
        "make a directory {D}, then copy {grp} there",
        "set up a folder {D} and put copies of {grp} in it",
        "create the directory {D}, then duplicate {grp} into it",
        "mkdir {D} and copy {grp} in there",
        "~I need a new folder {D} holding copies of {grp}",
        "first create {D}, then copy {grp} over to it",
        "make a folder named {D} and back up {grp} into it",
        "!would you make a directory called {D} and clone {grp} into it?",
        "make a folder {D} and put a copy of {grp} in it",
        "~new folder {D}, then copy {grp} into it",
        "!can you create {D} and copy {grp} into it?",
        "create a directory named {D} and duplicate {grp} in there",
        "set up {D} and drop copies of {grp} into it",
        "create {D} first, then back up {grp} inside it",
        "~I'd like a new folder {D}, with copies of {grp} in it",
        "add a folder called {D} and copy {grp} over to it, keeping the originals",
        "make {D} and replicate {grp} into it",
        "~make a folder {D}; copy {grp} there afterwards",
        "create {D}, and put a copy of {grp} in it afterwards",
        "mkdir {D}, then cp {grp} into it",
        "!could you set up a new folder {D} and copy {grp} into it?",
        "~copy {grp} into a new folder {D}, creating it first",
        "make a directory called {D} and back {grp} up into it",
        "~let's create a folder called {D} and duplicate {grp} there",
        "build a new folder {D} and put copies of {grp} there, leaving the originals alone",
    ),
    "seq_rename_move": (
        "rename {B} to {new} and move it to {dst}",
        "rename {B} to {new}, then move it into {dst}",
        "call {B} {new} and then put it in {dst}",
        "change the name of {B} to {new}, then put it in {dst}",
        "~{B}: rename it {new} and move it over to {dst}",
        "first rename {B} as {new}, then send it to {dst}",
        "give {B} the name {new} and then relocate it to {dst}",
        "rename {B} into {new} and transfer it into {dst}",
        "~I'd like {B} renamed to {new} and moved to {dst}",
        "rename {B} as {new} and then stick it in {dst}",
        "!can you rename {B} to {new} and move it to {dst}?",
        "~{B} -> {new}, then move it to {dst}",
        "change {B}'s name to {new} and shift it over to {dst}",
        "give {B} a new name, {new}, and relocate it into {dst}",
        "set the name of {B} to {new}, then drop it into {dst}",
        "rename {B} to {new} and pop it into {dst}",
        "~I want {B} called {new} and moved into {dst}",
        "first call {B} {new}, then send it off to {dst}",
        "~rename {B} to {new}, then file it away in {dst}",
        "rename {B} {new} and move it over to {dst}",
        "mv {B} {new} and then move it to {dst}",
        "!could you call {B} {new} and move it into {dst}?",
        "~{B} should be called {new} and live in {dst}",
        "~let's give {B} the new name {new} and then move it into {dst}",
        "change the filename of {B} to {new} and then transfer it to {dst}",
        "~first rename {B} to {new}; afterwards move it to {dst}",
        "rename {B} to {new} and after that relocate it to {dst}",
    ),
    "seq_create_tag": (
        "create {path} with {text} and tag it {tags}",
        "make a file {path} containing {text}, then tag it as {tags}",
        "create {path} with the content {text} and label it {tags}",
        "write a new file {path} saying {text} and mark it {tags}",
        "~I need a file {path} with {text} in it, tagged {tags}",
        "create {path} containing {text}; add the tag {tags} to it",
        "first make {path} with the text {text}, then give it the tag {tags}",
        "save {text} to a new file {path} and tag it with {tags}",
        "!can you make {path} with {text} in it and flag it {tags}?",
        "create {path} saying {text} and put a {tags} tag on it",
        "!could you make a file {path} with {text} and tag it as {tags}?",
        "~new file {path} with {text}, tagged {tags}",
        "write {text} into a new file {path}, then label it {tags}",
        "make {path} containing {text}, and attach the tag {tags} to it",
        "set up a new file {path} with {text} inside and mark it as {tags}",
        "jot {text} down in a new file {path} and tag it {tags}",
        "add a file {path} that says {text}; tag it with {tags}",
        "~I want a file {path} containing {text}, with the tag {tags}",
        "~create {path} with {text} in it, then tag it {tags}",
        "make a new file {path} saying {text} and add the tag {tags} to it",
        "!can you create {path} containing {text} and label it {tags}?",
        "~new file {path}, content {text}, tag {tags}",
        "write {text} to a new file {path} and give it a {tags} tag",
        "create a file called {path} with {text}, then mark it as {tags}",
        "~I'd like {path} created with {text} and tagged as {tags}",
        "add a new file {path} with the text {text} and flag it {tags} afterwards",
    ),
    "seq_read_delete": (
        "show me {one} and then delete it",
        "print {one}, then remove it",
        "read {one} and delete it afterwards",
        "display {one} one last time, then get rid of it",
        "cat {one} and then rm it",
        "~I want to read {one} before deleting it",
        "let me see {one}, then trash it",
        "open {one}, show me what it says and erase it",
        "first print the contents of {one}, then delete the file",
        "~{one}: show it to me, then delete it",
        "dump {one} to the screen and then remove it",
        "!can you show me {one} and then delete it?",
        "read me {one} and then throw it away",
        "open {one}, let me read it, then bin it",
        "view {one} one more time and delete it after",
        "display {one}, then nuke it",
        "show {one} and trash it afterwards",
        "~after showing me {one}, delete it",
        "let me have a final look at {one}, then get rid of it",
        "print out {one} and then ditch it",
        "~show me {one}; after that, delete it",
        "read {one} to me, then trash it",
        "!could you print {one} and then remove it?",
        "let me read {one} one last time before you delete it",
        "~I want to see {one} and then have it deleted",
        "display {one} and afterwards throw it in the bin",
        "open {one} for a final read, then erase it",
        "print the contents of {one} and get rid of the file afterwards",
        "~{one}: print it, then bin it",
    ),
    "seq_backup_set": (
        "back up {one} to {dst}, then overwrite it with {text}",
        "copy {one} to {dst} and then set its content to {text}",
        "make a copy of {one} in {dst}, then replace its contents with {text}",
        "save a backup of {one} to {dst} and then write {text} into the original",
        "~before overwriting {one} with {text}, copy it to {dst}",
        "duplicate {one} into {dst}, then make the original say {text}",
        "put a backup of {one} into {dst}, then set the original's content to {text}",
        "!could you copy {one} to {dst} first and then overwrite the original with {text}?",
        "!can you back up {one} to {dst} and then overwrite it with {text}?",
        "stash a copy of {one} in {dst}, then make the original read {text}",
        "~{one}: copy to {dst}, then overwrite with {text}",
        "keep a copy of {one} in {dst} and replace what the original says with {text}",
        "back {one} up into {dst}, then wipe it and write {text}",
        "duplicate {one} to {dst} and change its content to {text}",
        "~first back up {one} to {dst}, then fill it with {text}",
        "put a copy of {one} into {dst}, then rewrite the original to say {text}",
        "clone {one} into {dst}, then set the original to {text}",
        "~make a backup of {one} in {dst}; then overwrite the original with {text}",
        "copy {one} into {dst} as a backup, then set its contents to {text}",
        "!can you save a copy of {one} to {dst} and then replace its content with {text}?",
        "back up {one} to {dst} before overwriting it with {text}",
        "~{one}: keep a backup in {dst}, then make it say {text}",
        "first copy {one} to {dst}, then clear it and write {text}",
        "~I want a backup of {one} in {dst}, then its content replaced with {text}",
        "duplicate {one} to {dst} for safety, then overwrite it with {text}",
    ),
    "seq_list_delete": (
        "list {dir}, then delete the {e} files in it",
        "show what's in {dir} and then remove the {e} files there",
        "list {dir} and delete all {e} files in it",
        "~what's in {dir}? show me, then get rid of the {e} files in there",
        "display the contents of {dir} and then erase every {e} file inside it",
        "first list {dir}, then trash the {e} files it contains",
        "show me {dir} and delete any {e} file in there",
        "give me a listing of {dir}, then remove its {e} files",
        "~I want to see what's in {dir} and then have the {e} files in it deleted",
        "!can you list {dir} and then delete the {e} files in it?",
        "~{dir}: list it, then delete the {e} files",
        "show me the listing of {dir} and then clear out its {e} files",
        "check what's in {dir}, then trash every {e} file in there",
        "print what's in {dir}, then delete the {e} files from it",
        "take a look at {dir} and then remove all of its {e} files",
        "~I'd like a list of {dir}, then the {e} files in it deleted",
        "list {dir}, after that nuke the {e} files inside",
        "peek into {dir}, then zap the {e} files there",
        "~show me {dir}, then delete the {e} files in there",
        "list what's in {dir} and delete its {e} files afterwards",
        "!can you show me what's in {dir} and then remove the {e} files?",
        "ls {dir}, then rm the {e} files in it",
        "give me the contents of {dir}, then throw away the {e} files inside",
        "~list {dir}; afterwards get rid of every {e} file in it",
        "look inside {dir} and then bin the {e} files",
        "tell me what's in {dir}, then erase its {e} files",
    ),
}


def rules_phrase(ctx: Ctx, rules: list[tuple[list[str], str]], default: str | None) -> str:
    rng = ctx.rng
    parts = []
    for i, (kws, folder) in enumerate(rules):
        kw = " or ".join(ctx.text(k) for k in kws)
        f = ctx.name(folder)
        if i == 0:
            parts.append(
                rng.choice(
                    (
                        f"files mentioning {kw} go to {f}",
                        f"put files containing {kw} in {f}",
                        f"anything with {kw} goes into {f}",
                        f"files that mention {kw} go in {f}",
                    )
                )
            )
        else:
            parts.append(rng.choice((f"{kw} to {f}", f"files mentioning {kw} go to {f}", f"those with {kw} into {f}")))
    text = ", ".join(parts)
    if default is not None:
        d = ctx.name(default)
        text += rng.choice(
            (
                f", the rest to {d}",
                f", and everything else to {d}",
                f", anything else goes to {d}",
                f"; other files to {d}",
            )
        )
    return text


def tags_phrase(ctx: Ctx, tags: list[str]) -> str:
    names = [ctx.name(t) for t in tags]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ctx.rng.choice((" and ", " & ", ", ")) + names[-1]


def new_path(ctx: Ctx, kind: str = "file", text: bool = False, plain: bool = False) -> tuple[str, str]:
    """A file or folder to create: bare, as a path, or "NAME in FOLDER"."""
    rng = ctx.rng
    if ctx.outside:
        ctx.outside = False
        v = ctx.pick(P.OUTSIDE_FILES if kind == "file" else P.OUTSIDE_DIRS[:-2])  # not ".." itself
        return ctx.name(v), v
    name = ctx.filename(text) if kind == "file" else ctx.folder(nested=0)
    if rng.random() < 0.6:
        return ctx.name(name), name
    folder = ctx.folder()
    while folder == name:  # "designs in designs": the plan constraint cannot build "designs/designs"
        folder = ctx.folder()
    path = f"{folder}/{name}"
    if plain or rng.random() < 0.5:
        return ctx.name(path), path
    return f"{ctx.name(name)} in {folder_ref(ctx, folder)}", path


def dest(ctx: Ctx) -> tuple[str, str]:
    if ctx.outside and ctx.rng.random() < 0.35:
        ctx.outside = False
        return parent(ctx), ".."
    v = ctx.folder(nested=0.3)
    return folder_ref(ctx, v) if ctx.rng.random() < 0.5 else ctx.name(v), v


CLASSIFY_DEST = (" into {d}", ", putting the results in {d}", " and put the folders in {d}", " under {d}")


def question(ctx: Ctx, core: str) -> str:
    return f"{ctx.pick(QUESTION_PRE)} {core}?"
