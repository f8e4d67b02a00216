"""Blind capability probes for the planned organizer jobs of fileagent.

Eight kinds, each with requests in English and simplified Chinese:
  zip    - create .zip archives, extract .zip / .tar / .tar.gz
  dup    - duplicate files: list, delete extra copies (keeping one), move extra copies
  top    - top-N and sorted listings (size, date, name), plus a few top-N actions
  empty  - empty folders: list / delete
  age    - relative ages ("older than 1 year", "last 30 days", "this week", "上个月以前")
  excl   - exclusions, recursion only when asked, keeping the folder structure
  rename - renames from words: prefix, suffix, lower-case, numbering, by date
  topic  - group text files by topic without the user giving keywords

Every case is judged on disk after `fileagent run --yes` (and on stdout+stderr for listings).
Dates that must be "recent" are computed relative to the day this module is loaded (ago(n)),
dates that must be "old" are fixed far in the past (2019-2022), so the cases do not rot.

IDEAL maps a case id to one correct outcome (files, dirs, output); it is used only by the
self-test at the bottom (python3 capability_probes.py) and is not part of the judging.
"""

import datetime as _dt
import io  # noqa: E401
import os
import sys
import tarfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probekit import C, Contains, case, without  # noqa: E402,F401

TODAY = _dt.date.today()
IDEAL = {}


def ago(days):
    """A date string `days` days before the day the probes are loaded."""
    return (TODAY - _dt.timedelta(days=days)).isoformat()


# ----------------------------------------------------------------------------- basic helpers


def _b(v):
    """Content as bytes (tree values may be str, bytes or (str, date))."""
    if isinstance(v, tuple):
        v = v[0]
    if isinstance(v, str):
        return v.encode("utf-8")
    return bytes(v)


def _np(p):
    return str(p).replace("\\", "/").strip("/")


def _hidden(p):
    return any(s.startswith(".") for s in _np(p).split("/") if s)


def F(files):
    """Normalise a files dict: path -> bytes, no folders, no hidden (tool-internal) paths."""
    out = {}
    for k, v in files.items():
        if v is None or str(k).endswith("/") or _hidden(k):
            continue
        out[_np(k)] = _b(v)
    return out


def DS(dirs):
    return {_np(d) for d in (dirs or ()) if _np(d) and not _hidden(d)}


def base(p):
    return _np(p).rsplit("/", 1)[-1]


def parent(p):
    p = _np(p)
    return p.rsplit("/", 1)[0] if "/" in p else ""


def join(folder, name):
    folder = _np(folder)
    return f"{folder}/{name}" if folder else name


def split_ext(name):
    i = name.rfind(".")
    return (name[:i], name[i:]) if i > 0 else (name, "")


def under(p, folder):
    folder = _np(folder)
    return folder == "" or _np(p).startswith(folder + "/")


def tree_dirs(tree):
    ds = set()
    for k, v in tree.items():
        k2 = _np(k)
        parts = k2.split("/") if (str(k).endswith("/") and v is None) else k2.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            ds.add("/".join(parts[:i]))
    return ds


def dir_exists(dirs, Ff, x):
    x = _np(x)
    return x in DS(dirs) or any(under(p, x) for p in Ff)


def mentions(o, p):
    """Output names path p: the relative path itself, or its name plus every folder on the way."""
    p = _np(p)
    if p in o:
        return True
    return all(part in o for part in p.split("/"))


def found(Ff, content, folder=None, name=None, exclude=()):
    c = _b(content)
    return [
        p
        for p, v in Ff.items()
        if v == c and p not in exclude and (folder is None or under(p, folder)) and (name is None or base(p) == name)
    ]


def mtime_of(tree, path):
    v = tree[path]
    return v[1] if isinstance(v, tuple) else None


def date_forms(iso, slack=1):
    """Ways a date can be written in a file name (the day itself and, for time-zone slack, its neighbours)."""
    d0 = _dt.date.fromisoformat(iso)
    out = []
    for k in range(-slack, slack + 1):
        d = d0 + _dt.timedelta(days=k)
        y, m, dd = f"{d.year:04d}", f"{d.month:02d}", f"{d.day:02d}"
        out += [f"{y}-{m}-{dd}", f"{y}{m}{dd}", f"{y}_{m}_{dd}", f"{y}.{m}.{dd}"]
    return out


def mkzip(members):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for n, c in members.items():
            z.writestr(n, _b(c))
    return bio.getvalue()


def mktar(members, gz=False):
    bio = io.BytesIO()
    with tarfile.open(fileobj=bio, mode="w:gz" if gz else "w") as t:
        for n, c in members.items():
            data = _b(c)
            ti = tarfile.TarInfo(n)
            ti.size = len(data)
            ti.mtime = 1600000000
            t.addfile(ti, io.BytesIO(data))
    return bio.getvalue()


def zip_members(data):
    """{member base name: bytes} of a zip held in memory, or None if it is not a readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {base(i.filename): z.read(i) for i in z.infolist() if not i.filename.endswith("/")}
    except Exception:
        return None


# ----------------------------------------------------------------------------- generic outcome case


def act(
    id,
    lang,
    prompt,
    tree,
    kind,
    *,
    deleted=(),
    moved=None,
    copied=None,
    smoved=None,
    scopied=None,
    renamed=None,
    listed=(),
    unlisted=(),
    ordered=None,
    dirs_gone=(),
    dirs_kept=(),
    absent=(),
    extra=None,
):
    """One request, judged on the outcome.

    deleted   paths that must be gone
    moved     {src: folder}       src gone, a file of the same name and content somewhere under folder
    copied    {src: folder}       src kept, a copy of the same name and content somewhere under folder
    smoved    {src: (folder, rel)} structure kept: src gone, folder/.../rel holds its content
    scopied   {src: (folder, rel)} same, src kept
    renamed   {src: new path or tuple of accepted new paths}
    listed    paths the output must name;  unlisted: paths whose names must not appear
    ordered   paths whose names must appear in this order in the output
    dirs_gone / dirs_kept   folders that must be gone / still there
    absent    (folder, name) pairs: no file called name may appear under folder
    Every other file of the fixture must still be where it was, with the same content.
    A request with no change (a listing) must leave the tree exactly as it was.
    """
    Ft = F(tree)
    moved, copied, smoved = dict(moved or {}), dict(copied or {}), dict(smoved or {})
    scopied, renamed = dict(scopied or {}), dict(renamed or {})
    for p in list(deleted) + list(moved) + list(copied) + list(smoved) + list(scopied) + list(renamed):
        assert _np(p) in Ft, (id, p)
    touched = {_np(p) for p in list(deleted) + list(moved) + list(smoved) + list(renamed)}
    changes = bool(touched or copied or scopied or dirs_gone)
    listed = list(listed) + [p for p in (ordered or []) if p not in listed]
    copy_dests = {_np(x) for x in copied.values()} | {_np(x) for x, _ in scopied.values()}
    copy_ok = {Ft[_np(p)] for p in list(copied) + list(scopied)}

    def check(f, d, o, rc):
        Ff = F(f)
        o = o or ""
        for p, c in Ft.items():
            if p not in touched and Ff.get(p) != c:
                return False
        for p in deleted:
            if _np(p) in Ff:
                return False
        for p, dst in moved.items():
            if _np(p) in Ff or not found(Ff, Ft[_np(p)], dst, base(p)):
                return False
        for p, dst in copied.items():
            if not found(Ff, Ft[_np(p)], dst, base(p), exclude={_np(p)}):
                return False
        for table, gone in ((smoved, True), (scopied, False)):
            for p, (dst, rel) in table.items():
                if gone and _np(p) in Ff:
                    return False
                hits = [
                    q
                    for q in found(Ff, Ft[_np(p)], dst, exclude={_np(p)})
                    if q == join(dst, rel) or q.endswith("/" + rel)
                ]
                if not hits:
                    return False
        for p, new in renamed.items():
            alts = new if isinstance(new, tuple) else (new,)
            if _np(p) in Ff or not any(Ff.get(_np(a)) == Ft[_np(p)] for a in alts):
                return False
        for p in listed:
            if not mentions(o, p):
                return False
        for p in unlisted:
            if base(p) in o:
                return False
        if ordered:
            pos = [o.find(base(p)) for p in ordered]
            if any(x < 0 for x in pos) or pos != sorted(pos):
                return False
        for x in dirs_gone:
            if dir_exists(d, Ff, x):
                return False
        for x in dirs_kept:
            if not dir_exists(d, Ff, x):
                return False
        if copy_dests:  # nothing else may be copied along
            for q, v in Ff.items():
                if q not in Ft and any(under(q, x) for x in copy_dests) and v not in copy_ok:
                    return False
        for dst, name in absent:
            if any(under(q, dst) and base(q) == name for q in Ff):
                return False
        if not changes:
            if set(Ff) != set(Ft) or not all(dir_exists(d, Ff, x) for x in tree_dirs(tree)):
                return False
        if extra and not extra(Ff, d, o, rc):
            return False
        return True

    # one correct outcome, for the self-test
    files = dict(Ft)
    for p in touched:
        files.pop(p, None)
    for p, dst in moved.items():
        files[join(dst, base(p))] = Ft[_np(p)]
    for p, dst in copied.items():
        files[join(dst, base(p))] = Ft[_np(p)]
    for table in (smoved, scopied):
        for p, (dst, rel) in table.items():
            files[join(dst, rel)] = Ft[_np(p)]
    for p, new in renamed.items():
        files[_np(new[0] if isinstance(new, tuple) else new)] = Ft[_np(p)]
    dirs = (tree_dirs(tree) | tree_dirs(files)) - {_np(x) for x in dirs_gone}
    out = "\n".join(_np(p) for p in (ordered or listed))
    IDEAL[id] = (files, dirs, out)
    case(id=id, lang=lang, prompt=prompt, tree=tree, check=check, kind=kind)


# ----------------------------------------------------------------------------- kind-specific builders


def zip_case(id, lang, prompt, tree, zpath, members, gone=()):
    """Create an archive. zpath: 'a/b.zip' exact, 'b.zip' anywhere with that name, None: any new .zip.
    members: fixture paths whose names and contents must be exactly the archive's files."""
    Ft = F(tree)
    want = {base(p): Ft[_np(p)] for p in members}
    assert len(want) == len(members), id

    def check(f, d, o, rc):
        Ff = F(f)
        if zpath is None:
            cands = [p for p in Ff if p.lower().endswith(".zip") and p not in Ft]
        elif "/" in zpath:
            cands = [_np(zpath)]
        else:
            cands = [p for p in Ff if base(p) == zpath]
        if not any(p in Ff and zip_members(Ff[p]) == want for p in cands):
            return False
        for p, c in Ft.items():
            if p in gone:
                if p in Ff:
                    return False
            elif Ff.get(p) != c:
                return False
        return True

    files = {p: c for p, c in Ft.items() if p not in gone}
    files[_np(zpath or "archive.zip")] = mkzip({base(p): Ft[_np(p)] for p in members})
    IDEAL[id] = (files, tree_dirs(files), "")
    case(id=id, lang=lang, prompt=prompt, tree=tree, check=check, kind="zip")


def unzip_case(id, lang, prompt, tree, archive, dest, members, keep_archive=True):
    """Extract. members: {base name: content} that must appear (under dest, or anywhere if dest is None)."""
    Ft = F(tree)
    arc = _np(archive)

    def check(f, d, o, rc):
        Ff = F(f)
        for n, c in members.items():
            if not found(Ff, c, dest, n, exclude={arc}):
                return False
        for p, c in Ft.items():
            if p != arc and Ff.get(p) != c:
                return False
        return (arc in Ff) == keep_archive

    files = dict(Ft)
    if not keep_archive:
        files.pop(arc)
    for n, c in members.items():
        files[join(dest or "", n)] = _b(c)
    IDEAL[id] = (files, tree_dirs(files), "")
    case(id=id, lang=lang, prompt=prompt, tree=tree, check=check, kind="zip")


def dup_case(id, lang, prompt, tree, groups, mode, keep=None, to=None):
    """groups: lists of fixture paths with identical content. mode: list / delete / move (to a folder).
    keep: per group, the path that must be the survivor (or None for any)."""
    Ft = F(tree)
    groups = [[_np(p) for p in g] for g in groups]
    for g in groups:
        assert len(g) >= 2 and len({Ft[p] for p in g}) == 1, (id, g)
    grouped = {p for g in groups for p in g}
    others = [p for p in Ft if p not in grouped]
    keep = keep or [None] * len(groups)

    def check(f, d, o, rc):
        Ff = F(f)
        o = o or ""
        for p in others:
            if Ff.get(p) != Ft[p]:
                return False
        if mode == "list":
            return (
                set(Ff) == set(Ft)
                and all(Ff.get(p) == Ft[p] for p in grouped)
                and all(mentions(o, p) for p in grouped)
                and not any(base(p) in o for p in others)
            )
        for g, k in zip(groups, keep, strict=False):
            c = Ft[g[0]]
            rem = [p for p in g if Ff.get(p) == c]
            if len(rem) != 1 or (k and rem[0] != _np(k)):
                return False
            if mode == "delete" and len(found(Ff, c)) != 1:
                return False
            if mode == "move" and len(found(Ff, c, to, exclude=set(g))) < len(g) - 1:
                return False
        return True

    files = dict(Ft)
    out = []
    for g, k in zip(groups, keep, strict=False):
        k = _np(k) if k else g[0]
        for i, p in enumerate(g):
            out.append(p)
            if p == k or mode == "list":
                continue
            c = files.pop(p)
            if mode == "move":
                files[join(to, f"{i}_{base(p)}")] = c
    IDEAL[id] = (files, tree_dirs(tree) | tree_dirs(files), "\n".join(out) if mode == "list" else "")
    case(id=id, lang=lang, prompt=prompt, tree=tree, check=check, kind="dup")


def numset_case(id, lang, prompt, tree, srcs, names, kind="rename"):
    """Numbering whose order the request leaves open: the sources are gone, the new names hold
    exactly their contents (in some order); everything else untouched."""
    Ft = F(tree)
    srcs = [_np(p) for p in srcs]
    names = [_np(p) for p in names]
    assert len(srcs) == len(names) and not set(srcs) & set(names)

    def check(f, d, o, rc):
        Ff = F(f)
        for p, c in Ft.items():
            if p not in srcs and Ff.get(p) != c:
                return False
        if any(p in Ff for p in srcs) or any(n not in Ff for n in names):
            return False
        return sorted(Ff[n] for n in names) == sorted(Ft[p] for p in srcs)

    files = {p: c for p, c in Ft.items() if p not in srcs}
    for p, n in zip(sorted(srcs), names, strict=False):
        files[n] = Ft[p]
    IDEAL[id] = (files, tree_dirs(files), "")
    case(id=id, lang=lang, prompt=prompt, tree=tree, check=check, kind=kind)


def datename_case(id, lang, prompt, tree, srcs):
    """Rename by date: each source is gone; in its folder a file with its content has a name that
    holds the source's mtime date (2023-05-01, 20230501, 2023_05_01, 2023.05.01) and keeps the extension."""
    Ft = F(tree)
    srcs = [_np(p) for p in srcs]
    info = {p: (Ft[p], mtime_of(tree, p), split_ext(base(p))[1].lower()) for p in srcs}
    assert len({c for c, _, _ in info.values()}) == len(srcs), id

    def check(f, d, o, rc):
        Ff = F(f)
        for p, c in Ft.items():
            if p not in srcs and Ff.get(p) != c:
                return False
        for p, (c, iso, ext) in info.items():
            if p in Ff:
                return False
            forms = date_forms(iso)
            if not any(
                parent(q) == parent(p) and base(q).lower().endswith(ext) and any(x in base(q) for x in forms)
                for q in found(Ff, c)
            ):
                return False
        return True

    files = {p: c for p, c in Ft.items() if p not in srcs}
    for p, (c, iso, _ext) in info.items():
        files[join(parent(p), iso + "_" + base(p))] = c
    IDEAL[id] = (files, tree_dirs(files), "")
    case(id=id, lang=lang, prompt=prompt, tree=tree, check=check, kind="rename")


def topic_case(id, lang, prompt, tree, groups):
    """groups: lists of fixture paths, one list per subject. Afterwards every content is still
    there; files of one subject share a folder, different subjects are in different folders."""
    Ft = F(tree)
    groups = [[_np(p) for p in g] for g in groups]
    grouped = {p for g in groups for p in g}
    assert len({Ft[p] for p in grouped}) == len(grouped), id
    others = [p for p in Ft if p not in grouped]

    def check(f, d, o, rc):
        Ff = F(f)
        for p in others:
            if Ff.get(p) != Ft[p]:
                return False
        homes = []
        for g in groups:
            folders = set()
            for p in g:
                hits = found(Ff, Ft[p])
                if not hits:
                    return False
                folders.add(parent(hits[0]))
            if len(folders) != 1:
                return False
            homes.append(folders.pop())
        return len(set(homes)) == len(homes)

    files = {p: c for p, c in Ft.items() if p not in grouped}
    for i, g in enumerate(groups):
        for p in g:
            files[join(parent(p), f"topic{i}/{base(p)}")] = Ft[p]
    IDEAL[id] = (files, tree_dirs(files), "")
    case(id=id, lang=lang, prompt=prompt, tree=tree, check=check, kind="topic")


def X(n, ch="x"):
    """Filler text of n characters (for sizes)."""
    return ch * n


def BIN(tag, n=64):
    """Distinct binary content (fake image/audio/etc.)."""
    seed = tag.encode("utf-8")
    return b"\x89BIN\x00" + (seed * (n // max(1, len(seed)) + 1))[:n]


# ============================================================================= 1. zip / extract

T = {
    "reports/q1.txt": "Q1 revenue grew 4 percent.",
    "reports/q2.txt": "Q2 revenue flat.",
    "reports/summary.md": "# Summary\nsteady year",
    "notes.txt": "call the bank",
}
zip_case(
    "pc-zip-en-01",
    "en",
    "zip the reports folder into reports.zip",
    T,
    "reports.zip",
    ["reports/q1.txt", "reports/q2.txt", "reports/summary.md"],
)

T = {
    "photos/beach.jpg": BIN("beach"),
    "photos/sunset.jpg": BIN("sunset"),
    "photos/family.png": BIN("family"),
    "todo.txt": "buy milk",
}
zip_case(
    "pc-zip-en-02",
    "en",
    "Compress everything in the photos folder into one archive named photos_backup.zip",
    T,
    "photos_backup.zip",
    ["photos/beach.jpg", "photos/sunset.jpg", "photos/family.png"],
)

T = {
    "docs/attention.pdf": BIN("attn"),
    "docs/resnet.pdf": BIN("resnet"),
    "docs/readme.txt": "papers to read",
    "docs/draft.docx": BIN("draft"),
}
zip_case(
    "pc-zip-en-03",
    "en",
    "make a zip of just the PDF files in docs and call it papers.zip",
    T,
    "papers.zip",
    ["docs/attention.pdf", "docs/resnet.pdf"],
)

T = {"logs/app.log": "started\nstopped\n", "logs/error.log": "disk full\n", "config.ini": "[main]\nx=1\n"}
zip_case(
    "pc-zip-en-04",
    "en",
    "archive the logs directory as logs.zip and put the zip in backups",
    T,
    "backups/logs.zip",
    ["logs/app.log", "logs/error.log"],
)

T = {
    "budget.xlsx": BIN("budget"),
    "invoice_march.pdf": BIN("invoice"),
    "holiday.jpg": BIN("holiday"),
    "notes.txt": "misc",
}
zip_case(
    "pc-zip-en-05",
    "en",
    "Bundle budget.xlsx and invoice_march.pdf together into finance.zip",
    T,
    "finance.zip",
    ["budget.xlsx", "invoice_march.pdf"],
)

T = {
    "project/README.md": "# Demo project",
    "project/src/main.py": "print('hi')\n",
    "project/src/util.py": "def f():\n    return 1\n",
    "shopping.txt": "eggs",
}
zip_case(
    "pc-zip-en-06",
    "en",
    "could you zip up the project folder for me?",
    T,
    None,
    ["project/README.md", "project/src/main.py", "project/src/util.py"],
)

T = {
    "data/jan.csv": "a,b\n1,2\n",
    "data/2024/feb.csv": "a,b\n3,4\n",
    "data/2024/q2/mar.csv": "a,b\n5,6\n",
    "data/info.txt": "sales exports",
}
zip_case(
    "pc-zip-en-07",
    "en",
    "create data.zip with every csv from the data folder, subfolders included",
    T,
    "data.zip",
    ["data/jan.csv", "data/2024/feb.csv", "data/2024/q2/mar.csv"],
)

M = {"letter.txt": "Dear Anna, thanks for the visit.", "contacts.csv": "name,phone\nAnna,555\n"}
T = {"backup.zip": mkzip(M), "keep.txt": "do not touch"}
unzip_case("pc-zip-en-08", "en", "extract backup.zip into a folder called restored", T, "backup.zip", "restored", M)

M = {"img_0001.jpg": BIN("img1"), "img_0002.jpg": BIN("img2")}
T = {"photos.zip": mkzip(M), "readme.md": "holiday pictures inside the zip"}
unzip_case("pc-zip-en-09", "en", "unzip photos.zip", T, "photos.zip", None, M)

M = {"site/index.html": "<h1>Home</h1>", "site/style.css": "body{margin:0}", "site/about.html": "<p>About</p>"}
T = {"site.tar.gz": mktar(M, gz=True), "notes.txt": "deploy on friday"}
unzip_case(
    "pc-zip-en-10",
    "en",
    "unpack site.tar.gz into the www folder",
    T,
    "site.tar.gz",
    "www",
    {base(k): v for k, v in M.items()},
)

M = {"jan.log": "jan entries\n", "feb.log": "feb entries\n"}
T = {"old_logs.tar": mktar(M), "logs/current.log": "today\n"}
unzip_case("pc-zip-en-11", "en", "Extract the contents of old_logs.tar to logs/2019", T, "old_logs.tar", "logs/2019", M)

M = {"manual.pdf": BIN("manual"), "specs.txt": "voltage 5V"}
T = {"docs.zip": mkzip(M), "other.txt": "unrelated"}
unzip_case(
    "pc-zip-en-12",
    "en",
    "unzip docs.zip into docs_restored, then delete the zip",
    T,
    "docs.zip",
    "docs_restored",
    M,
    keep_archive=False,
)

T = {
    "周报/第1周.txt": "完成了登录页面",
    "周报/第2周.txt": "修复了三个缺陷",
    "周报/汇总.md": "# 汇总\n进展顺利",
    "说明.txt": "本文件夹存放周报",
}
zip_case(
    "pc-zip-zh-01",
    "zh",
    "把 周报 文件夹压缩成 周报.zip",
    T,
    "周报.zip",
    ["周报/第1周.txt", "周报/第2周.txt", "周报/汇总.md"],
)

T = {
    "photos/海边.jpg": BIN("haibian"),
    "photos/日落.jpg": BIN("riluo"),
    "photos/全家福.png": BIN("quanjiafu"),
    "photos/清单.txt": "要冲印的照片",
}
zip_case(
    "pc-zip-zh-02",
    "zh",
    "将 photos 里的全部图片打包成一个压缩包，名字叫 相册备份.zip",
    T,
    "相册备份.zip",
    ["photos/海边.jpg", "photos/日落.jpg", "photos/全家福.png"],
)

T = {
    "docs/论文A.pdf": BIN("lunwenA"),
    "docs/论文B.pdf": BIN("lunwenB"),
    "docs/读书笔记.txt": "第一章",
    "docs/草稿.docx": BIN("caogao"),
}
zip_case(
    "pc-zip-zh-03", "zh", "把 docs 目录下的 pdf 打成 papers.zip", T, "papers.zip", ["docs/论文A.pdf", "docs/论文B.pdf"]
)

T = {"logs/app.log": "启动\n停止\n", "logs/error.log": "磁盘已满\n", "config.ini": "[main]\nx=1\n"}
zip_case(
    "pc-zip-zh-04",
    "zh",
    "压缩 logs 文件夹，生成 logs.zip 放到 backups 目录里",
    T,
    "backups/logs.zip",
    ["logs/app.log", "logs/error.log"],
)

T = {"合同.docx": BIN("hetong"), "发票.pdf": BIN("fapiao"), "旅游.jpg": BIN("lvyou"), "备忘.txt": "周五开会"}
zip_case(
    "pc-zip-zh-05",
    "zh",
    "把 合同.docx 和 发票.pdf 压缩到同一个 zip 里，文件名叫 资料.zip",
    T,
    "资料.zip",
    ["合同.docx", "发票.pdf"],
)

T = {
    "project/README.md": "# 示例项目",
    "project/src/main.py": "print('你好')\n",
    "project/src/tools.py": "def g():\n    return 2\n",
    "购物清单.txt": "鸡蛋",
}
zip_case(
    "pc-zip-zh-06",
    "zh",
    "帮我把 project 文件夹打个 zip 包",
    T,
    None,
    ["project/README.md", "project/src/main.py", "project/src/tools.py"],
)

T = {
    "data/一月.csv": "a,b\n1,2\n",
    "data/2024/二月.csv": "a,b\n3,4\n",
    "data/2024/q2/三月.csv": "a,b\n5,6\n",
    "data/说明.txt": "销售导出",
}
zip_case(
    "pc-zip-zh-07",
    "zh",
    "把 data 及其所有子文件夹里的 csv 文件打包成 data.zip",
    T,
    "data.zip",
    ["data/一月.csv", "data/2024/二月.csv", "data/2024/q2/三月.csv"],
)

M = {"家书.txt": "爸妈，一切都好。", "通讯录.csv": "姓名,电话\n张三,555\n"}
T = {"backup.zip": mkzip(M), "保留.txt": "别动我"}
unzip_case("pc-zip-zh-08", "zh", "解压 backup.zip 到 restored 文件夹", T, "backup.zip", "restored", M)

M = {"照片1.jpg": BIN("zhaopian1"), "照片2.jpg": BIN("zhaopian2")}
T = {"照片.zip": mkzip(M), "说明.md": "压缩包里是假期照片"}
unzip_case("pc-zip-zh-09", "zh", "把 照片.zip 解压一下", T, "照片.zip", None, M)

M = {"site/index.html": "<h1>首页</h1>", "site/style.css": "body{margin:0}", "site/about.html": "<p>关于</p>"}
T = {"site.tar.gz": mktar(M, gz=True), "备注.txt": "周五上线"}
unzip_case(
    "pc-zip-zh-10", "zh", "将 site.tar.gz 解压到 www 目录", T, "site.tar.gz", "www", {base(k): v for k, v in M.items()}
)

M = {"jan.log": "一月日志\n", "feb.log": "二月日志\n"}
T = {"old_logs.tar": mktar(M), "logs/current.log": "今天\n"}
unzip_case("pc-zip-zh-11", "zh", "把 old_logs.tar 里的日志解压到 logs/2019 下面", T, "old_logs.tar", "logs/2019", M)

M = {"手册.pdf": BIN("shouce"), "参数.txt": "电压 5V"}
T = {"资料.zip": mkzip(M), "其他.txt": "无关文件"}
unzip_case(
    "pc-zip-zh-12",
    "zh",
    "把 资料.zip 解压到 资料 文件夹，解压完把压缩包删掉",
    T,
    "资料.zip",
    "资料",
    M,
    keep_archive=False,
)


# ============================================================================= 2. duplicates

P1, P2 = BIN("IMG2041", 200), BIN("beachshot", 180)
T = {
    "photos/IMG_2041.jpg": P1,
    "backup/IMG_2041.jpg": P1,
    "photos/beach.jpg": P2,
    "photos/beach copy.jpg": P2,
    "notes/todo.txt": "renew passport",
    "photos/sunset.jpg": BIN("sunset2"),
}
dup_case(
    "pc-dup-en-01",
    "en",
    "find duplicate files",
    T,
    [["photos/IMG_2041.jpg", "backup/IMG_2041.jpg"], ["photos/beach.jpg", "photos/beach copy.jpg"]],
    "list",
)

X1, R1 = BIN("setup-exe", 300), BIN("report-pdf", 150)
T = {
    "downloads/setup.exe": X1,
    "downloads/setup(1).exe": X1,
    "downloads/report.pdf": R1,
    "downloads/report (2).pdf": R1,
    "downloads/report (3).pdf": R1,
    "downloads/music.mp3": BIN("mp3"),
    "downloads/readme.txt": "install notes",
}
dup_case(
    "pc-dup-en-02",
    "en",
    "which files in downloads are duplicates of each other?",
    T,
    [
        ["downloads/setup.exe", "downloads/setup(1).exe"],
        ["downloads/report.pdf", "downloads/report (2).pdf", "downloads/report (3).pdf"],
    ],
    "list",
)

T = {
    "draft_v1.txt": "Hello team, the offsite is on May 3.",
    "final.txt": "Hello team, the offsite is on May 3.",
    "letter.txt": "Dear landlord, the heating is broken.",
    "memo.txt": "Budget freeze until June.",
    "memo_backup.txt": "Budget freeze until June.",
}
dup_case(
    "pc-dup-en-03",
    "en",
    "show me the files that have exactly the same content",
    T,
    [["draft_v1.txt", "final.txt"], ["memo.txt", "memo_backup.txt"]],
    "list",
)

A1 = BIN("attention-paper", 400)
T = {
    "papers/attention.pdf": A1,
    "papers/attention_2017.pdf": A1,
    "papers/bert.pdf": BIN("bert", 300),
    "papers/gpt.pdf": BIN("gpt", 350),
}
dup_case(
    "pc-dup-en-04",
    "en",
    "Are there any duplicate PDFs in papers? Just list them, don't change anything.",
    T,
    [["papers/attention.pdf", "papers/attention_2017.pdf"]],
    "list",
)

CV, S1 = BIN("cv", 220), BIN("song", 500)
T = {
    "docs/cv.pdf": CV,
    "docs/cv_copy.pdf": CV,
    "downloads/cv.pdf": CV,
    "music/song.mp3": S1,
    "music/song (1).mp3": S1,
    "docs/letter.txt": "to whom it may concern",
}
dup_case(
    "pc-dup-en-05",
    "en",
    "delete duplicate files, keep just one copy of each",
    T,
    [["docs/cv.pdf", "docs/cv_copy.pdf", "downloads/cv.pdf"], ["music/song.mp3", "music/song (1).mp3"]],
    "delete",
)

T = {
    "notes_a.txt": ("Quarterly plan: hire two engineers.", "2022-06-01"),
    "notes_b.txt": ("Quarterly plan: hire two engineers.", "2019-03-01"),
    "notes_c.txt": ("Quarterly plan: hire two engineers.", "2024-01-10"),
    "logo.png": (BIN("logo"), "2021-01-01"),
    "logo_final.png": (BIN("logo"), "2018-05-05"),
    "plan.txt": ("Unique plan text.", "2020-02-02"),
}
dup_case(
    "pc-dup-en-06",
    "en",
    "remove the duplicates but keep the oldest version of each file",
    T,
    [["notes_a.txt", "notes_b.txt", "notes_c.txt"], ["logo.png", "logo_final.png"]],
    "delete",
    keep=["notes_b.txt", "logo_final.png"],
)

T = {
    "essay.docx": (BIN("essay"), "2020-09-09"),
    "essay_old.docx": (BIN("essay"), "2023-11-20"),
    "data.csv": ("x,y\n1,2\n", "2019-01-15"),
    "data (copy).csv": ("x,y\n1,2\n", "2021-07-07"),
    "data-2.csv": ("x,y\n1,2\n", "2020-04-04"),
    "chart.png": (BIN("chart"), "2022-02-02"),
}
dup_case(
    "pc-dup-en-07",
    "en",
    "get rid of duplicate copies, keep whichever one was modified most recently",
    T,
    [["essay.docx", "essay_old.docx"], ["data.csv", "data (copy).csv", "data-2.csv"]],
    "delete",
    keep=["essay_old.docx", "data (copy).csv"],
)

Q1, Q2 = BIN("portrait", 250), BIN("landscape", 260)
T = {
    "originals/portrait.jpg": Q1,
    "edits/portrait.jpg": Q1,
    "inbox/portrait_dup.jpg": Q1,
    "inbox/landscape.jpg": Q2,
    "originals/landscape.jpg": Q2,
    "edits/retouched.jpg": BIN("retouched"),
}
dup_case(
    "pc-dup-en-08",
    "en",
    "Delete the duplicates, keeping the copy that lives in originals.",
    T,
    [
        ["originals/portrait.jpg", "edits/portrait.jpg", "inbox/portrait_dup.jpg"],
        ["inbox/landscape.jpg", "originals/landscape.jpg"],
    ],
    "delete",
    keep=["originals/portrait.jpg", "originals/landscape.jpg"],
)

TR, IN = BIN("track01", 600), BIN("intro", 400)
T = {
    "music/old/2019/track01.mp3": TR,
    "music/track01.mp3": TR,
    "music/album/track01 copy.mp3": TR,
    "music/misc/intro.mp3": IN,
    "music/intro.mp3": IN,
    "music/outro.mp3": BIN("outro", 400),
}
dup_case(
    "pc-dup-en-09",
    "en",
    "dedupe the music folder and keep the file with the shortest path in each group",
    T,
    [
        ["music/old/2019/track01.mp3", "music/track01.mp3", "music/album/track01 copy.mp3"],
        ["music/misc/intro.mp3", "music/intro.mp3"],
    ],
    "delete",
    keep=["music/track01.mp3", "music/intro.mp3"],
)

RD, PN = BIN("report-docx", 300), BIN("pic", 210)
T = {
    "report.docx": RD,
    "report-copy.docx": RD,
    "pic.png": PN,
    "pic(1).png": PN,
    "pic(2).png": PN,
    "unique.txt": "only one of me",
}
dup_case(
    "pc-dup-en-10",
    "en",
    "move the extra copies of duplicate files into a folder called dupes",
    T,
    [["report.docx", "report-copy.docx"], ["pic.png", "pic(1).png", "pic(2).png"]],
    "move",
    to="dupes",
)

K1 = BIN("kitten", 300)
T = {
    "photos/kitten.jpg": K1,
    "photos/kitten-1.jpg": K1,
    "photos/2023/kitten.jpg": K1,
    "photos/dog.jpg": BIN("dog"),
    "docs/a.txt": "same words",
    "docs/a_copy.txt": "same words",
}
dup_case(
    "pc-dup-en-11",
    "en",
    "find duplicates in photos and move the extra copies to photos/duplicates",
    T,
    [["photos/kitten.jpg", "photos/kitten-1.jpg", "photos/2023/kitten.jpg"]],
    "move",
    to="photos/duplicates",
)

Z1 = BIN("zoom-installer", 500)
T = {
    "downloads/zoom.pkg": Z1,
    "downloads/zoom(1).pkg": Z1,
    "downloads/ticket.pdf": BIN("ticket"),
    "archive/report.txt": "annual numbers",
    "archive/report-old.txt": "annual numbers",
}
dup_case(
    "pc-dup-en-12",
    "en",
    "remove the duplicate files inside downloads only",
    T,
    [["downloads/zoom.pkg", "downloads/zoom(1).pkg"]],
    "delete",
)

P1, P2 = BIN("IMG3300", 200), BIN("haitan", 180)
T = {
    "照片/IMG_3300.jpg": P1,
    "备份/IMG_3300.jpg": P1,
    "照片/海滩.jpg": P2,
    "照片/海滩 - 副本.jpg": P2,
    "笔记/待办.txt": "续签护照",
    "照片/晚霞.jpg": BIN("wanxia"),
}
dup_case(
    "pc-dup-zh-01",
    "zh",
    "找出重复的文件",
    T,
    [["照片/IMG_3300.jpg", "备份/IMG_3300.jpg"], ["照片/海滩.jpg", "照片/海滩 - 副本.jpg"]],
    "list",
)

X1, R1 = BIN("wechat-setup", 300), BIN("baogao", 150)
T = {
    "downloads/WeChatSetup.exe": X1,
    "downloads/WeChatSetup(1).exe": X1,
    "downloads/报告.pdf": R1,
    "downloads/报告(1).pdf": R1,
    "downloads/报告(2).pdf": R1,
    "downloads/歌曲.mp3": BIN("gequ"),
    "downloads/安装说明.txt": "先解压",
}
dup_case(
    "pc-dup-zh-02",
    "zh",
    "downloads 里有哪些文件是重复的？",
    T,
    [
        ["downloads/WeChatSetup.exe", "downloads/WeChatSetup(1).exe"],
        ["downloads/报告.pdf", "downloads/报告(1).pdf", "downloads/报告(2).pdf"],
    ],
    "list",
)

T = {
    "初稿.txt": "各位同事，团建定在五月三日。",
    "定稿.txt": "各位同事，团建定在五月三日。",
    "投诉信.txt": "房东您好，暖气坏了。",
    "备忘.txt": "六月之前冻结预算。",
    "备忘_备份.txt": "六月之前冻结预算。",
}
dup_case(
    "pc-dup-zh-03", "zh", "列出内容完全一样的文件", T, [["初稿.txt", "定稿.txt"], ["备忘.txt", "备忘_备份.txt"]], "list"
)

A1 = BIN("transformer", 400)
T = {
    "papers/transformer.pdf": A1,
    "papers/transformer_2017.pdf": A1,
    "papers/bert.pdf": BIN("bert", 300),
    "papers/gpt.pdf": BIN("gpt", 350),
}
dup_case(
    "pc-dup-zh-04",
    "zh",
    "papers 里有没有重复的 pdf？列出来就行，先别动",
    T,
    [["papers/transformer.pdf", "papers/transformer_2017.pdf"]],
    "list",
)

CV, S1 = BIN("jianli", 220), BIN("gequ2", 500)
T = {
    "文档/简历.pdf": CV,
    "文档/简历_副本.pdf": CV,
    "下载/简历.pdf": CV,
    "音乐/晴天.mp3": S1,
    "音乐/晴天 (1).mp3": S1,
    "文档/推荐信.txt": "兹推荐",
}
dup_case(
    "pc-dup-zh-05",
    "zh",
    "删除重复文件，每组只保留一份",
    T,
    [["文档/简历.pdf", "文档/简历_副本.pdf", "下载/简历.pdf"], ["音乐/晴天.mp3", "音乐/晴天 (1).mp3"]],
    "delete",
)

T = {
    "笔记a.txt": ("季度计划：招两名工程师。", "2022-06-01"),
    "笔记b.txt": ("季度计划：招两名工程师。", "2019-03-01"),
    "笔记c.txt": ("季度计划：招两名工程师。", "2024-01-10"),
    "标志.png": (BIN("biaozhi"), "2021-01-01"),
    "标志_终版.png": (BIN("biaozhi"), "2018-05-05"),
    "计划.txt": ("独一份的计划。", "2020-02-02"),
}
dup_case(
    "pc-dup-zh-06",
    "zh",
    "把重复的文件删掉，每组保留最早的那个",
    T,
    [["笔记a.txt", "笔记b.txt", "笔记c.txt"], ["标志.png", "标志_终版.png"]],
    "delete",
    keep=["笔记b.txt", "标志_终版.png"],
)

T = {
    "论文.docx": (BIN("lunwen"), "2020-09-09"),
    "论文_旧.docx": (BIN("lunwen"), "2023-11-20"),
    "数据.csv": ("x,y\n1,2\n", "2019-01-15"),
    "数据(副本).csv": ("x,y\n1,2\n", "2021-07-07"),
    "数据-2.csv": ("x,y\n1,2\n", "2020-04-04"),
    "图表.png": (BIN("tubiao"), "2022-02-02"),
}
dup_case(
    "pc-dup-zh-07",
    "zh",
    "重复的副本都删了吧，每组留修改时间最新的那份",
    T,
    [["论文.docx", "论文_旧.docx"], ["数据.csv", "数据(副本).csv", "数据-2.csv"]],
    "delete",
    keep=["论文_旧.docx", "数据(副本).csv"],
)

Q1, Q2 = BIN("renxiang", 250), BIN("fengjing", 260)
T = {
    "原件/人像.jpg": Q1,
    "修图/人像.jpg": Q1,
    "收件箱/人像_重复.jpg": Q1,
    "收件箱/风景.jpg": Q2,
    "原件/风景.jpg": Q2,
    "修图/精修.jpg": BIN("jingxiu"),
}
dup_case(
    "pc-dup-zh-08",
    "zh",
    "删除重复项，保留 原件 文件夹里的那一份",
    T,
    [["原件/人像.jpg", "修图/人像.jpg", "收件箱/人像_重复.jpg"], ["收件箱/风景.jpg", "原件/风景.jpg"]],
    "delete",
    keep=["原件/人像.jpg", "原件/风景.jpg"],
)

TR, IN = BIN("qiange", 600), BIN("kaichang", 400)
T = {
    "music/旧/2019/七里香.mp3": TR,
    "music/七里香.mp3": TR,
    "music/专辑/七里香 副本.mp3": TR,
    "music/杂项/前奏.mp3": IN,
    "music/前奏.mp3": IN,
    "music/尾声.mp3": BIN("weisheng", 400),
}
dup_case(
    "pc-dup-zh-09",
    "zh",
    "给 music 文件夹去重，每组保留路径最短的文件",
    T,
    [
        ["music/旧/2019/七里香.mp3", "music/七里香.mp3", "music/专辑/七里香 副本.mp3"],
        ["music/杂项/前奏.mp3", "music/前奏.mp3"],
    ],
    "delete",
    keep=["music/七里香.mp3", "music/前奏.mp3"],
)

RD, PN = BIN("zongjie", 300), BIN("jietu", 210)
T = {
    "总结.docx": RD,
    "总结-副本.docx": RD,
    "截图.png": PN,
    "截图(1).png": PN,
    "截图(2).png": PN,
    "唯一.txt": "只有我一个",
}
dup_case(
    "pc-dup-zh-10",
    "zh",
    "把重复文件多出来的副本移动到 重复 文件夹",
    T,
    [["总结.docx", "总结-副本.docx"], ["截图.png", "截图(1).png", "截图(2).png"]],
    "move",
    to="重复",
)

K1 = BIN("xiaomao", 300)
T = {
    "photos/小猫.jpg": K1,
    "photos/小猫-1.jpg": K1,
    "photos/2023/小猫.jpg": K1,
    "photos/小狗.jpg": BIN("xiaogou"),
    "docs/甲.txt": "一样的话",
    "docs/甲_副本.txt": "一样的话",
}
dup_case(
    "pc-dup-zh-11",
    "zh",
    "在 photos 里查找重复文件，把多余的副本挪到 photos/duplicates",
    T,
    [["photos/小猫.jpg", "photos/小猫-1.jpg", "photos/2023/小猫.jpg"]],
    "move",
    to="photos/duplicates",
)

Z1 = BIN("dingding", 500)
T = {
    "downloads/钉钉.pkg": Z1,
    "downloads/钉钉(1).pkg": Z1,
    "downloads/车票.pdf": BIN("chepiao"),
    "归档/年报.txt": "年度数字",
    "归档/年报-旧.txt": "年度数字",
}
dup_case(
    "pc-dup-zh-12",
    "zh",
    "只清理 downloads 里面的重复文件，删掉多余的",
    T,
    [["downloads/钉钉.pkg", "downloads/钉钉(1).pkg"]],
    "delete",
)


# ============================================================================= 3. top-N and sorted listings

T = {
    "movie.mkv": X(9000),
    "backup.iso": X(7000),
    "dataset.csv": X(5000),
    "notes.txt": X(300),
    "todo.md": X(120),
    "icon.png": X(60),
}
act(
    "pc-top-en-01",
    "en",
    "list the 3 biggest files",
    T,
    "top",
    listed=["movie.mkv", "backup.iso", "dataset.csv"],
    unlisted=["notes.txt", "todo.md", "icon.png"],
)

T = {
    "videos/holiday.mp4": X(8000),
    "videos/wedding.mp4": X(6000),
    "videos/clip.mp4": X(900),
    "videos/trailer.mp4": X(400),
    "huge.iso": X(20000),
}
act(
    "pc-top-en-02",
    "en",
    "what are the two largest files in videos?",
    T,
    "top",
    listed=["videos/holiday.mp4", "videos/wedding.mp4"],
    unlisted=["videos/clip.mp4", "videos/trailer.mp4", "huge.iso"],
)

T = {
    "alpha.txt": ("a", "2026-11-30"),
    "bravo.txt": ("b", "2026-11-25"),
    "charlie.txt": ("c", "2026-11-20"),
    "delta.txt": ("d", "2026-10-15"),
    "echo.txt": ("e", "2026-09-01"),
    "foxtrot.txt": ("f", "2021-03-03"),
    "golf.txt": ("g", "2020-05-05"),
    "hotel.txt": ("h", "2019-07-07"),
}
act(
    "pc-top-en-03",
    "en",
    "Show me the 5 most recently modified files.",
    T,
    "top",
    listed=["alpha.txt", "bravo.txt", "charlie.txt", "delta.txt", "echo.txt"],
    unlisted=["foxtrot.txt", "golf.txt", "hotel.txt"],
)

T = {
    "reports/march.pdf": ("m", "2023-03-31"),
    "reports/kickoff.pdf": ("k", "2018-02-14"),
    "reports/review.pdf": ("r", "2021-06-30"),
    "reports/final.pdf": ("f", "2024-12-01"),
}
act(
    "pc-top-en-04",
    "en",
    "which file in reports is the oldest?",
    T,
    "top",
    listed=["reports/kickoff.pdf"],
    unlisted=["reports/march.pdf", "reports/review.pdf", "reports/final.pdf"],
)

T = {
    "docs/small.txt": X(100),
    "docs/large.pdf": X(8000),
    "docs/medium.docx": X(2500),
    "docs/tiny.md": X(10),
    "docs/big.pptx": X(5000),
}
act(
    "pc-top-en-05",
    "en",
    "list the files in docs sorted by size, largest first",
    T,
    "top",
    ordered=["docs/large.pdf", "docs/big.pptx", "docs/medium.docx", "docs/small.txt", "docs/tiny.md"],
)

T = {
    "inbox/minutes.docx": (X(100), "2020-01-01"),
    "inbox/agenda.txt": (X(900), "2024-01-01"),
    "inbox/contract.pdf": (X(300), "2022-01-01"),
    "inbox/budget.xlsx": (X(600), "2019-01-01"),
}
act(
    "pc-top-en-06",
    "en",
    "show the files in inbox sorted by name",
    T,
    "top",
    ordered=["inbox/agenda.txt", "inbox/budget.xlsx", "inbox/contract.pdf", "inbox/minutes.docx"],
)

T = {
    "logs/install.log": ("i", "2022-04-04"),
    "logs/nightly.log": ("n", "2026-11-28"),
    "logs/upgrade.log": ("u", "2024-08-08"),
    "logs/crash.log": ("c", "2019-12-12"),
}
act(
    "pc-top-en-07",
    "en",
    "list what's in logs ordered by date, newest first",
    T,
    "top",
    ordered=["logs/nightly.log", "logs/upgrade.log", "logs/install.log", "logs/crash.log"],
)

T = {
    "data/a1.csv": X(50),
    "data/b2.csv": X(70),
    "data/c3.csv": X(90),
    "data/d4.csv": X(110),
    "data/e5.csv": X(6000),
    "data/f6.csv": X(9000),
}
act(
    "pc-top-en-08",
    "en",
    "show me the 4 smallest files in the data folder",
    T,
    "top",
    listed=["data/a1.csv", "data/b2.csv", "data/c3.csv", "data/d4.csv"],
    unlisted=["data/e5.csv", "data/f6.csv"],
)

T = {
    "project/README.md": X(400),
    "project/src/app.py": X(1200),
    "project/assets/video/intro.mov": X(15000),
    "project/assets/logo.svg": X(3000),
    "project/docs/guide.pdf": X(7000),
}
act(
    "pc-top-en-09",
    "en",
    "find the single largest file anywhere in project, subfolders included",
    T,
    "top",
    listed=["project/assets/video/intro.mov"],
    unlisted=["project/README.md", "project/src/app.py", "project/assets/logo.svg", "project/docs/guide.pdf"],
)

T = {
    "downloads/ubuntu.iso": X(12000),
    "downloads/game.zip": X(9000),
    "downloads/lecture.mp4": X(7000),
    "downloads/paper.pdf": X(800),
    "downloads/notes.txt": X(100),
    "downloads/pic.jpg": X(500),
}
act(
    "pc-top-en-10",
    "en",
    "move the 3 biggest files in downloads to big_files",
    T,
    "top",
    moved={
        "downloads/ubuntu.iso": "big_files",
        "downloads/game.zip": "big_files",
        "downloads/lecture.mp4": "big_files",
    },
)

T = {
    "backups/mon.bak": ("1", "2019-01-07"),
    "backups/tue.bak": ("2", "2020-01-07"),
    "backups/wed.bak": ("3", "2023-01-07"),
    "backups/thu.bak": ("4", "2024-01-07"),
    "backups/fri.bak": ("5", "2025-01-07"),
}
act(
    "pc-top-en-11",
    "en",
    "Delete the 2 oldest files in backups.",
    T,
    "top",
    deleted=["backups/mon.bak", "backups/tue.bak"],
)

T = {
    "camera/DSC_101.jpg": (BIN("d101"), "2026-11-29"),
    "camera/DSC_102.jpg": (BIN("d102"), "2026-11-27"),
    "camera/DSC_103.jpg": (BIN("d103"), "2026-11-26"),
    "camera/DSC_104.jpg": (BIN("d104"), "2025-07-01"),
    "camera/DSC_105.jpg": (BIN("d105"), "2024-07-01"),
}
act(
    "pc-top-en-12",
    "en",
    "copy the three newest photos from camera into highlights",
    T,
    "top",
    copied={"camera/DSC_101.jpg": "highlights", "camera/DSC_102.jpg": "highlights", "camera/DSC_103.jpg": "highlights"},
)

T = {
    "电影.mkv": X(9000),
    "系统.iso": X(7000),
    "数据集.csv": X(5000),
    "笔记.txt": X(300),
    "待办.md": X(120),
    "图标.png": X(60),
}
act(
    "pc-top-zh-01",
    "zh",
    "列出最大的 3 个文件",
    T,
    "top",
    listed=["电影.mkv", "系统.iso", "数据集.csv"],
    unlisted=["笔记.txt", "待办.md", "图标.png"],
)

T = {
    "videos/婚礼.mp4": X(8000),
    "videos/旅行.mp4": X(6000),
    "videos/片段.mp4": X(900),
    "videos/预告.mp4": X(400),
    "镜像.iso": X(20000),
}
act(
    "pc-top-zh-02",
    "zh",
    "videos 里最大的两个文件是哪些？",
    T,
    "top",
    listed=["videos/婚礼.mp4", "videos/旅行.mp4"],
    unlisted=["videos/片段.mp4", "videos/预告.mp4", "镜像.iso"],
)

T = {
    "甲.txt": ("a", "2026-11-30"),
    "乙.txt": ("b", "2026-11-25"),
    "丙.txt": ("c", "2026-11-20"),
    "丁.txt": ("d", "2026-10-15"),
    "戊.txt": ("e", "2026-09-01"),
    "己.txt": ("f", "2021-03-03"),
    "庚.txt": ("g", "2020-05-05"),
    "辛.txt": ("h", "2019-07-07"),
}
act(
    "pc-top-zh-03",
    "zh",
    "显示最近修改过的 5 个文件",
    T,
    "top",
    listed=["甲.txt", "乙.txt", "丙.txt", "丁.txt", "戊.txt"],
    unlisted=["己.txt", "庚.txt", "辛.txt"],
)

T = {
    "reports/三月.pdf": ("m", "2023-03-31"),
    "reports/启动会.pdf": ("k", "2018-02-14"),
    "reports/评审.pdf": ("r", "2021-06-30"),
    "reports/终稿.pdf": ("f", "2024-12-01"),
}
act(
    "pc-top-zh-04",
    "zh",
    "reports 里哪个文件最旧？",
    T,
    "top",
    listed=["reports/启动会.pdf"],
    unlisted=["reports/三月.pdf", "reports/评审.pdf", "reports/终稿.pdf"],
)

T = {
    "docs/小.txt": X(100),
    "docs/特大.pdf": X(8000),
    "docs/中等.docx": X(2500),
    "docs/迷你.md": X(10),
    "docs/较大.pptx": X(5000),
}
act(
    "pc-top-zh-05",
    "zh",
    "按大小从大到小列出 docs 里的文件",
    T,
    "top",
    ordered=["docs/特大.pdf", "docs/较大.pptx", "docs/中等.docx", "docs/小.txt", "docs/迷你.md"],
)

T = {
    "inbox/minutes.docx": (X(100), "2020-01-01"),
    "inbox/agenda.txt": (X(900), "2024-01-01"),
    "inbox/contract.pdf": (X(300), "2022-01-01"),
    "inbox/budget.xlsx": (X(600), "2019-01-01"),
}
act(
    "pc-top-zh-06",
    "zh",
    "按文件名排序显示 inbox 中的文件",
    T,
    "top",
    ordered=["inbox/agenda.txt", "inbox/budget.xlsx", "inbox/contract.pdf", "inbox/minutes.docx"],
)

T = {
    "logs/安装.log": ("i", "2022-04-04"),
    "logs/夜间任务.log": ("n", "2026-11-28"),
    "logs/升级.log": ("u", "2024-08-08"),
    "logs/崩溃.log": ("c", "2019-12-12"),
}
act(
    "pc-top-zh-07",
    "zh",
    "把 logs 里的文件按修改时间从新到旧列出来",
    T,
    "top",
    ordered=["logs/夜间任务.log", "logs/升级.log", "logs/安装.log", "logs/崩溃.log"],
)

T = {
    "data/一号.csv": X(50),
    "data/二号.csv": X(70),
    "data/三号.csv": X(90),
    "data/四号.csv": X(110),
    "data/五号.csv": X(6000),
    "data/六号.csv": X(9000),
}
act(
    "pc-top-zh-08",
    "zh",
    "data 文件夹里最小的 4 个文件是哪几个",
    T,
    "top",
    listed=["data/一号.csv", "data/二号.csv", "data/三号.csv", "data/四号.csv"],
    unlisted=["data/五号.csv", "data/六号.csv"],
)

T = {
    "project/README.md": X(400),
    "project/src/app.py": X(1200),
    "project/assets/video/片头.mov": X(15000),
    "project/assets/logo.svg": X(3000),
    "project/docs/指南.pdf": X(7000),
}
act(
    "pc-top-zh-09",
    "zh",
    "整个 project（包括所有子文件夹）里最大的那个文件是哪个？",
    T,
    "top",
    listed=["project/assets/video/片头.mov"],
    unlisted=["project/README.md", "project/src/app.py", "project/assets/logo.svg", "project/docs/指南.pdf"],
)

T = {
    "downloads/系统镜像.iso": X(12000),
    "downloads/游戏.zip": X(9000),
    "downloads/网课.mp4": X(7000),
    "downloads/论文.pdf": X(800),
    "downloads/笔记.txt": X(100),
    "downloads/截图.jpg": X(500),
}
act(
    "pc-top-zh-10",
    "zh",
    "把 downloads 里最大的三个文件移到 big_files",
    T,
    "top",
    moved={"downloads/系统镜像.iso": "big_files", "downloads/游戏.zip": "big_files", "downloads/网课.mp4": "big_files"},
)

T = {
    "backups/周一.bak": ("1", "2019-01-07"),
    "backups/周二.bak": ("2", "2020-01-07"),
    "backups/周三.bak": ("3", "2023-01-07"),
    "backups/周四.bak": ("4", "2024-01-07"),
    "backups/周五.bak": ("5", "2025-01-07"),
}
act("pc-top-zh-11", "zh", "删除 backups 中最旧的两个文件", T, "top", deleted=["backups/周一.bak", "backups/周二.bak"])

T = {
    "相机/IMG_201.jpg": (BIN("i201"), "2026-11-29"),
    "相机/IMG_202.jpg": (BIN("i202"), "2026-11-27"),
    "相机/IMG_203.jpg": (BIN("i203"), "2026-11-26"),
    "相机/IMG_204.jpg": (BIN("i204"), "2025-07-01"),
    "相机/IMG_205.jpg": (BIN("i205"), "2024-07-01"),
}
act(
    "pc-top-zh-12",
    "zh",
    "把 相机 里最新的三张照片复制到 精选",
    T,
    "top",
    copied={"相机/IMG_201.jpg": "精选", "相机/IMG_202.jpg": "精选", "相机/IMG_203.jpg": "精选"},
)


# ============================================================================= 4. empty folders

T = {
    "old_projects/": None,
    "scratch/": None,
    "invoices/jan.pdf": BIN("jan"),
    "photos/2020/beach.jpg": BIN("b"),
    "photos/2021/": None,
}
act(
    "pc-empty-en-01",
    "en",
    "list the empty folders",
    T,
    "empty",
    listed=["old_projects", "scratch", "photos/2021"],
    unlisted=["invoices"],
)

T = {
    "projects/alpha/main.py": "print(1)",
    "projects/beta/": None,
    "projects/gamma/readme.md": "# gamma",
    "projects/gamma/notes/": None,
    "unused/": None,
}
act(
    "pc-empty-en-02",
    "en",
    "are there any empty directories in projects?",
    T,
    "empty",
    listed=["projects/beta", "projects/gamma/notes"],
    unlisted=["alpha", "unused"],
)

T = {
    "work/reports/q1.pdf": BIN("q1"),
    "work/reports/drafts/": None,
    "work/clients/acme/contract.pdf": BIN("c"),
    "work/clients/globex/": None,
    "music/playlist.m3u": "a.mp3",
    "music/covers/": None,
}
act(
    "pc-empty-en-03",
    "en",
    "Show me which folders have nothing in them, subfolders included.",
    T,
    "empty",
    listed=["work/reports/drafts", "work/clients/globex", "music/covers"],
    unlisted=["acme"],
)

T = {
    "photos/paris/eiffel.jpg": BIN("eiffel"),
    "photos/rome/": None,
    "photos/tokyo/": None,
    "photos/berlin/wall.jpg": BIN("wall"),
    "videos/": None,
}
act(
    "pc-empty-en-04",
    "en",
    "which folders under photos are empty?",
    T,
    "empty",
    listed=["photos/rome", "photos/tokyo"],
    unlisted=["paris", "berlin", "videos"],
)

T = {
    "tmp_exports/": None,
    "old/": None,
    "docs/manual.pdf": BIN("m"),
    "docs/archive/": None,
    "src/main.c": "int main(){}",
}
act(
    "pc-empty-en-05",
    "en",
    "delete all empty folders",
    T,
    "empty",
    dirs_gone=["tmp_exports", "old", "docs/archive"],
    dirs_kept=["docs", "src"],
)

T = {
    "downloads/installers/": None,
    "downloads/pdfs/guide.pdf": BIN("g"),
    "downloads/zips/": None,
    "desktop/": None,
    "docs/letters/": None,
    "docs/cv.pdf": BIN("cv"),
}
act(
    "pc-empty-en-06",
    "en",
    "remove the empty directories inside downloads",
    T,
    "empty",
    dirs_gone=["downloads/installers", "downloads/zips"],
    dirs_kept=["downloads", "downloads/pdfs", "desktop", "docs/letters"],
)

T = {
    "a_folder/": None,
    "misc/notes.txt": "note",
    "misc/empty_sub/": None,
    "music/": None,
    "photos/2019/pic.jpg": BIN("p"),
}
act(
    "pc-empty-en-07",
    "en",
    "clean up the empty folders",
    T,
    "empty",
    dirs_gone=["a_folder", "misc/empty_sub", "music"],
    dirs_kept=["misc", "photos/2019"],
)

T = {
    "drafts/": None,
    "finance/2022/": None,
    "finance/2023/tax.pdf": BIN("tax"),
    "finance/summary.xlsx": BIN("s"),
    "games/saves/": None,
    "games/config.ini": "[x]",
}
act(
    "pc-empty-en-08",
    "en",
    "get rid of every folder that has no files in it",
    T,
    "empty",
    dirs_gone=["drafts", "finance/2022", "games/saves"],
    dirs_kept=["finance/2023", "games"],
)

T = {
    "work/inbox/": None,
    "work/outbox/": None,
    "work/old/": None,
    "work/current/plan.md": "# plan",
    "work/todo.txt": "x",
}
act(
    "pc-empty-en-09",
    "en",
    "delete the empty subfolders of work, but keep work/inbox even though it's empty",
    T,
    "empty",
    dirs_gone=["work/outbox", "work/old"],
    dirs_kept=["work/inbox", "work/current"],
)

T = {
    "archive/2018/": None,
    "archive/2019/report.pdf": BIN("r19"),
    "archive/2020/": None,
    "archive/misc/": None,
    "projects/new/": None,
    "projects/site/index.html": "<p>hi</p>",
}
act(
    "pc-empty-en-10",
    "en",
    "find the empty folders in archive and remove them",
    T,
    "empty",
    dirs_gone=["archive/2018", "archive/2020", "archive/misc"],
    dirs_kept=["archive/2019", "projects/new"],
)

T = {
    "docs/guides/setup.md": "# setup",
    "docs/guides/advanced/": None,
    "docs/api/": None,
    "docs/img/logo.png": BIN("logo"),
    "docs/img/icons/": None,
    "templates/": None,
}
act(
    "pc-empty-en-11",
    "en",
    "list empty folders in docs",
    T,
    "empty",
    listed=["docs/guides/advanced", "docs/api", "docs/img/icons"],
    unlisted=["templates", "setup.md"],
)

T = {
    "a/readme.txt": "top",
    "a/b/data.csv": "1,2",
    "a/b/c/": None,
    "x/y/notes.md": "n",
    "x/z/": None,
    "p/q/r/s/file.txt": "deep",
    "p/q/r/t/": None,
    "solo/": None,
}
act(
    "pc-empty-en-12",
    "en",
    "prune empty directories from the whole tree",
    T,
    "empty",
    dirs_gone=["a/b/c", "x/z", "p/q/r/t", "solo"],
    dirs_kept=["a/b", "x/y", "p/q/r/s"],
)

T = {
    "旧项目/": None,
    "草稿箱/": None,
    "发票/一月.pdf": BIN("yiyue"),
    "照片/2020/海边.jpg": BIN("hb"),
    "照片/2021/": None,
}
act("pc-empty-zh-01", "zh", "列出所有空文件夹", T, "empty", listed=["旧项目", "草稿箱", "照片/2021"], unlisted=["发票"])

T = {
    "projects/alpha/main.py": "print(1)",
    "projects/beta/": None,
    "projects/gamma/readme.md": "# gamma",
    "projects/gamma/notes/": None,
    "unused/": None,
}
act(
    "pc-empty-zh-02",
    "zh",
    "projects 里有没有空的目录？",
    T,
    "empty",
    listed=["projects/beta", "projects/gamma/notes"],
    unlisted=["alpha", "unused"],
)

T = {
    "工作/报告/q1.pdf": BIN("q1"),
    "工作/报告/草稿/": None,
    "工作/客户/甲公司/合同.pdf": BIN("c"),
    "工作/客户/乙公司/": None,
    "音乐/歌单.m3u": "a.mp3",
    "音乐/封面/": None,
}
act(
    "pc-empty-zh-03",
    "zh",
    "看看哪些文件夹是空的，子文件夹也要查",
    T,
    "empty",
    listed=["工作/报告/草稿", "工作/客户/乙公司", "音乐/封面"],
    unlisted=["甲公司"],
)

T = {
    "photos/巴黎/铁塔.jpg": BIN("tieta"),
    "photos/罗马/": None,
    "photos/东京/": None,
    "photos/柏林/围墙.jpg": BIN("weiqiang"),
    "视频/": None,
}
act(
    "pc-empty-zh-04",
    "zh",
    "photos 下面哪些文件夹是空的？",
    T,
    "empty",
    listed=["photos/罗马", "photos/东京"],
    unlisted=["巴黎", "柏林", "视频"],
)

T = {"临时导出/": None, "旧的/": None, "文档/手册.pdf": BIN("m"), "文档/归档/": None, "src/main.c": "int main(){}"}
act(
    "pc-empty-zh-05",
    "zh",
    "删除所有空文件夹",
    T,
    "empty",
    dirs_gone=["临时导出", "旧的", "文档/归档"],
    dirs_kept=["文档", "src"],
)

T = {
    "downloads/安装包/": None,
    "downloads/pdf/指南.pdf": BIN("g"),
    "downloads/压缩包/": None,
    "桌面/": None,
    "文档/信件/": None,
    "文档/简历.pdf": BIN("cv"),
}
act(
    "pc-empty-zh-06",
    "zh",
    "把 downloads 里的空目录删掉",
    T,
    "empty",
    dirs_gone=["downloads/安装包", "downloads/压缩包"],
    dirs_kept=["downloads", "downloads/pdf", "桌面", "文档/信件"],
)

T = {
    "新建文件夹/": None,
    "杂项/笔记.txt": "记一下",
    "杂项/空的子目录/": None,
    "音乐/": None,
    "照片/2019/图.jpg": BIN("p"),
}
act(
    "pc-empty-zh-07",
    "zh",
    "清理一下空文件夹",
    T,
    "empty",
    dirs_gone=["新建文件夹", "杂项/空的子目录", "音乐"],
    dirs_kept=["杂项", "照片/2019"],
)

T = {
    "草稿/": None,
    "财务/2022/": None,
    "财务/2023/税单.pdf": BIN("tax"),
    "财务/汇总.xlsx": BIN("s"),
    "游戏/存档/": None,
    "游戏/设置.ini": "[x]",
}
act(
    "pc-empty-zh-08",
    "zh",
    "里面一个文件都没有的文件夹，全都删了吧",
    T,
    "empty",
    dirs_gone=["草稿", "财务/2022", "游戏/存档"],
    dirs_kept=["财务/2023", "游戏"],
)

T = {
    "work/inbox/": None,
    "work/outbox/": None,
    "work/old/": None,
    "work/current/plan.md": "# 计划",
    "work/todo.txt": "x",
}
act(
    "pc-empty-zh-09",
    "zh",
    "删除 work 中的空子文件夹，但 work/inbox 要保留（虽然它是空的）",
    T,
    "empty",
    dirs_gone=["work/outbox", "work/old"],
    dirs_kept=["work/inbox", "work/current"],
)

T = {
    "归档/2018/": None,
    "归档/2019/报告.pdf": BIN("r19"),
    "归档/2020/": None,
    "归档/杂项/": None,
    "项目/新建/": None,
    "项目/网站/index.html": "<p>hi</p>",
}
act(
    "pc-empty-zh-10",
    "zh",
    "找出 归档 里的空文件夹并删除",
    T,
    "empty",
    dirs_gone=["归档/2018", "归档/2020", "归档/杂项"],
    dirs_kept=["归档/2019", "项目/新建"],
)

T = {
    "docs/教程/安装.md": "# 安装",
    "docs/教程/进阶/": None,
    "docs/接口/": None,
    "docs/图片/logo.png": BIN("logo"),
    "docs/图片/图标/": None,
    "模板/": None,
}
act(
    "pc-empty-zh-11",
    "zh",
    "列出 docs 中的空目录",
    T,
    "empty",
    listed=["docs/教程/进阶", "docs/接口", "docs/图片/图标"],
    unlisted=["模板", "安装.md"],
)

T = {
    "a/说明.txt": "顶层",
    "a/b/数据.csv": "1,2",
    "a/b/c/": None,
    "x/y/笔记.md": "n",
    "x/z/": None,
    "p/q/r/s/文件.txt": "很深",
    "p/q/r/t/": None,
    "单独/": None,
}
act(
    "pc-empty-zh-12",
    "zh",
    "把整个目录树里的空文件夹都删掉",
    T,
    "empty",
    dirs_gone=["a/b/c", "x/z", "p/q/r/t", "单独"],
    dirs_kept=["a/b", "x/y", "p/q/r/s"],
)


# ============================================================================= 5. ages (relative to the day the probes load)

T = {
    "logs/server.log": ("boot ok", "2019-04-02"),
    "logs/debug.log": ("trace", "2021-08-15"),
    "logs/access.log": ("GET /", ago(10)),
    "logs/errors.log": ("500", ago(45)),
}
act(
    "pc-age-en-01",
    "en",
    "delete files older than 1 year in logs",
    T,
    "age",
    deleted=["logs/server.log", "logs/debug.log"],
)

T = {
    "summary.docx": (BIN("summary"), ago(2)),
    "plan.xlsx": (BIN("plan"), ago(9)),
    "thesis.pdf": (BIN("thesis"), ago(150)),
    "taxes.pdf": (BIN("taxes"), "2022-03-10"),
    "recipe.txt": ("pasta", ago(400)),
}
act(
    "pc-age-en-02",
    "en",
    "list the files modified in the last 30 days",
    T,
    "age",
    listed=["summary.docx", "plan.xlsx"],
    unlisted=["thesis.pdf", "taxes.pdf", "recipe.txt"],
)

T = {
    "docs/agenda.docx": (BIN("agenda"), ago(0)),
    "docs/minutes.txt": ("notes of today", ago(0)),
    "docs/proposal.pdf": (BIN("proposal"), ago(25)),
    "docs/handbook.pdf": (BIN("handbook"), "2021-05-05"),
}
act(
    "pc-age-en-03",
    "en",
    "which documents in docs were changed this week?",
    T,
    "age",
    listed=["docs/agenda.docx", "docs/minutes.txt"],
    unlisted=["docs/proposal.pdf", "docs/handbook.pdf"],
)

T = {
    "downloads/installer.exe": (BIN("inst"), "2020-02-20"),
    "downloads/paper.pdf": (BIN("paper"), "2022-03-03"),
    "downloads/song.mp3": (BIN("song"), ago(20)),
    "downloads/invoice.pdf": (BIN("inv"), ago(100)),
}
act(
    "pc-age-en-04",
    "en",
    "move everything in downloads that hasn't been touched for over a year into old_stuff",
    T,
    "age",
    moved={"downloads/installer.exe": "old_stuff", "downloads/paper.pdf": "old_stuff"},
)

T = {
    "reports/annual.pdf": (BIN("annual"), "2019-06-30"),
    "reports/q3.xlsx": (BIN("q3"), "2020-10-01"),
    "reports/q1.xlsx": (BIN("q1"), ago(30)),
    "reports/q2.xlsx": (BIN("q2"), ago(200)),
}
act(
    "pc-age-en-05",
    "en",
    "Archive the reports that are older than 2 years: move them into archive.",
    T,
    "age",
    moved={"reports/annual.pdf": "archive", "reports/q3.xlsx": "archive"},
)

T = {
    "draft.md": ("# draft", ago(1)),
    "budget.ods": (BIN("ods"), ago(3)),
    "poem.txt": ("roses", ago(400)),
    "cv.pdf": (BIN("cv"), "2020-08-08"),
}
act(
    "pc-age-en-06",
    "en",
    "show me the files I've edited since last month",
    T,
    "age",
    listed=["draft.md", "budget.ods"],
    unlisted=["poem.txt", "cv.pdf"],
)

T = {
    "cache1.tmp": ("c1", "2023-02-01"),
    "session.tmp": ("s", "2024-01-15"),
    "render.tmp": ("r", ago(5)),
    "build.tmp": ("b", ago(30)),
    "notes.txt": ("keep me", "2019-09-09"),
}
act(
    "pc-age-en-07",
    "en",
    "delete the .tmp files that are more than 6 months old",
    T,
    "age",
    deleted=["cache1.tmp", "session.tmp"],
)

T = {
    "camera/IMG_1.jpg": (BIN("i1"), ago(3)),
    "camera/IMG_2.jpg": (BIN("i2"), ago(12)),
    "camera/IMG_3.jpg": (BIN("i3"), ago(90)),
    "camera/IMG_4.jpg": (BIN("i4"), "2022-06-06"),
}
act(
    "pc-age-en-08",
    "en",
    "copy the photos in camera from the last 30 days into recent",
    T,
    "age",
    copied={"camera/IMG_1.jpg": "recent", "camera/IMG_2.jpg": "recent"},
)

T = {
    "projects/web/index.html": ("<p>", "2019-11-11"),
    "projects/web/app.js": ("js", ago(4)),
    "projects/ml/model.py": ("py", "2020-01-20"),
    "projects/ml/data/train.csv": ("1,2", "2021-12-24"),
    "projects/todo.md": ("- x", ago(60)),
}
act(
    "pc-age-en-09",
    "en",
    "list everything in projects older than a year, including subfolders",
    T,
    "age",
    listed=["projects/web/index.html", "projects/ml/model.py", "projects/ml/data/train.csv"],
    unlisted=["projects/web/app.js", "projects/todo.md"],
)

T = {
    "inbox/offer.pdf": (BIN("offer"), ago(300)),
    "inbox/flyer.png": (BIN("flyer"), "2020-04-01"),
    "inbox/meeting.ics": ("BEGIN:VCALENDAR", ago(5)),
    "inbox/receipt.pdf": (BIN("rcpt"), ago(20)),
}
act(
    "pc-age-en-10",
    "en",
    "Move the files in inbox that haven't been modified in the past 90 days to stale.",
    T,
    "age",
    moved={"inbox/offer.pdf": "stale", "inbox/flyer.png": "stale"},
)

T = {
    "backups/monday.sql": ("m", "2020-03-03"),
    "backups/full.sql": ("f", "2022-05-05"),
    "backups/latest.sql": ("l", ago(60)),
    "backups/weekly.sql": ("w", ago(7)),
}
act(
    "pc-age-en-11",
    "en",
    "remove backups older than 18 months",
    T,
    "age",
    deleted=["backups/monday.sql", "backups/full.sql"],
)

T = {
    "src/main.py": ("main", ago(1)),
    "src/util.py": ("util", ago(2)),
    "src/legacy.py": ("legacy", ago(45)),
    "src/config.py": ("cfg", "2021-02-02"),
}
act(
    "pc-age-en-12",
    "en",
    "what changed in src over the last 7 days?",
    T,
    "age",
    listed=["src/main.py", "src/util.py"],
    unlisted=["src/legacy.py", "src/config.py"],
)

T = {
    "logs/服务.log": ("启动成功", "2019-04-02"),
    "logs/调试.log": ("跟踪", "2021-08-15"),
    "logs/访问.log": ("GET /", ago(10)),
    "logs/错误.log": ("500", ago(45)),
}
act("pc-age-zh-01", "zh", "删除 logs 里一年以前的文件", T, "age", deleted=["logs/服务.log", "logs/调试.log"])

T = {
    "总结.docx": (BIN("zongjie"), ago(2)),
    "计划.xlsx": (BIN("jihua"), ago(9)),
    "毕业论文.pdf": (BIN("lw"), ago(150)),
    "报税.pdf": (BIN("baoshui"), "2022-03-10"),
    "菜谱.txt": ("意面", ago(400)),
}
act(
    "pc-age-zh-02",
    "zh",
    "列出最近30天内修改过的文件",
    T,
    "age",
    listed=["总结.docx", "计划.xlsx"],
    unlisted=["毕业论文.pdf", "报税.pdf", "菜谱.txt"],
)

T = {
    "docs/议程.docx": (BIN("yicheng"), ago(0)),
    "docs/会议纪要.txt": ("今天的纪要", ago(0)),
    "docs/方案.pdf": (BIN("fangan"), ago(25)),
    "docs/员工手册.pdf": (BIN("shouce"), "2021-05-05"),
}
act(
    "pc-age-zh-03",
    "zh",
    "docs 里这周改过的文档有哪些？",
    T,
    "age",
    listed=["docs/议程.docx", "docs/会议纪要.txt"],
    unlisted=["docs/方案.pdf", "docs/员工手册.pdf"],
)

T = {
    "downloads/安装程序.exe": (BIN("az"), "2020-02-20"),
    "downloads/论文.pdf": (BIN("lw"), "2022-03-03"),
    "downloads/歌.mp3": (BIN("ge"), ago(20)),
    "downloads/发票.pdf": (BIN("fp"), ago(100)),
}
act(
    "pc-age-zh-04",
    "zh",
    "把 downloads 里超过一年没动过的文件移到 old_stuff",
    T,
    "age",
    moved={"downloads/安装程序.exe": "old_stuff", "downloads/论文.pdf": "old_stuff"},
)

T = {
    "reports/年报.pdf": (BIN("nianbao"), "2019-06-30"),
    "reports/三季度.xlsx": (BIN("q3"), "2020-10-01"),
    "reports/一季度.xlsx": (BIN("q1"), ago(30)),
    "reports/二季度.xlsx": (BIN("q2"), ago(200)),
}
act(
    "pc-age-zh-05",
    "zh",
    "把 reports 里两年以前的报告归档到 archive 文件夹",
    T,
    "age",
    moved={"reports/年报.pdf": "archive", "reports/三季度.xlsx": "archive"},
)

T = {
    "旧合同.pdf": (BIN("hetong"), "2020-07-07"),
    "去年总结.docx": (BIN("zj"), ago(400)),
    "半年报.xlsx": (BIN("bnb"), ago(200)),
    "本周计划.md": ("# 计划", ago(1)),
    "购物单.txt": ("牛奶", ago(3)),
}
act(
    "pc-age-zh-06",
    "zh",
    "把上个月以前的文件都移到 旧文件 文件夹",
    T,
    "age",
    moved={"旧合同.pdf": "旧文件", "去年总结.docx": "旧文件", "半年报.xlsx": "旧文件"},
)

T = {
    "缓存1.tmp": ("c1", "2023-02-01"),
    "会话.tmp": ("s", "2024-01-15"),
    "渲染.tmp": ("r", ago(5)),
    "构建.tmp": ("b", ago(30)),
    "笔记.txt": ("别删", "2019-09-09"),
}
act("pc-age-zh-07", "zh", "删掉修改时间超过半年的 tmp 文件", T, "age", deleted=["缓存1.tmp", "会话.tmp"])

T = {
    "camera/IMG_11.jpg": (BIN("j1"), ago(3)),
    "camera/IMG_12.jpg": (BIN("j2"), ago(12)),
    "camera/IMG_13.jpg": (BIN("j3"), ago(90)),
    "camera/IMG_14.jpg": (BIN("j4"), "2022-06-06"),
}
act(
    "pc-age-zh-08",
    "zh",
    "把 camera 里最近一个月拍的照片复制到 recent",
    T,
    "age",
    copied={"camera/IMG_11.jpg": "recent", "camera/IMG_12.jpg": "recent"},
)

T = {
    "projects/网站/index.html": ("<p>", "2019-11-11"),
    "projects/网站/app.js": ("js", ago(4)),
    "projects/模型/train.py": ("py", "2020-01-20"),
    "projects/模型/数据/样本.csv": ("1,2", "2021-12-24"),
    "projects/待办.md": ("- x", ago(60)),
}
act(
    "pc-age-zh-09",
    "zh",
    "列出 projects（包括子文件夹）里一年以前的文件",
    T,
    "age",
    listed=["projects/网站/index.html", "projects/模型/train.py", "projects/模型/数据/样本.csv"],
    unlisted=["projects/网站/app.js", "projects/待办.md"],
)

T = {
    "inbox/录用通知.pdf": (BIN("lytz"), ago(300)),
    "inbox/传单.png": (BIN("cd"), "2020-04-01"),
    "inbox/会议.ics": ("BEGIN:VCALENDAR", ago(5)),
    "inbox/收据.pdf": (BIN("sj"), ago(20)),
}
act(
    "pc-age-zh-10",
    "zh",
    "inbox 里 90 天都没改过的文件移到 stale",
    T,
    "age",
    moved={"inbox/录用通知.pdf": "stale", "inbox/传单.png": "stale"},
)

T = {
    "backups/周一.sql": ("m", "2020-03-03"),
    "backups/全量.sql": ("f", ago(300)),
    "backups/最新.sql": ("l", ago(2)),
    "backups/每周.sql": ("w", ago(6)),
}
act("pc-age-zh-11", "zh", "删除 backups 里上个月以前的备份", T, "age", deleted=["backups/周一.sql", "backups/全量.sql"])

T = {
    "src/main.py": ("main", ago(1)),
    "src/工具.py": ("util", ago(2)),
    "src/旧代码.py": ("legacy", ago(45)),
    "src/配置.py": ("cfg", "2021-02-02"),
}
act(
    "pc-age-zh-12",
    "zh",
    "src 最近一周有哪些文件改动过？",
    T,
    "age",
    listed=["src/main.py", "src/工具.py"],
    unlisted=["src/旧代码.py", "src/配置.py"],
)


# ============================================================================= 6. exclusions, recursion, structure

T = {
    "downloads/setup.exe": BIN("setup"),
    "downloads/patch.exe": BIN("patch"),
    "downloads/report.pdf": BIN("rep"),
    "downloads/photo.jpg": BIN("photo"),
    "downloads/notes.txt": "n",
}
act(
    "pc-excl-en-01",
    "en",
    "move everything in downloads except the exe files to sorted",
    T,
    "excl",
    moved={"downloads/report.pdf": "sorted", "downloads/photo.jpg": "sorted", "downloads/notes.txt": "sorted"},
)

T = {
    "readme.txt": "r",
    "notes/a.txt": "a",
    "notes/sub/b.txt": "b",
    "notes/keep.md": "# keep",
    "archive/c.txt": "c",
    "archive/2019/d.txt": "d",
}
act(
    "pc-excl-en-02",
    "en",
    "Delete the .txt files in every folder, but not the ones in archive.",
    T,
    "excl",
    deleted=["readme.txt", "notes/a.txt", "notes/sub/b.txt"],
)

T = {
    "inbox/invoice.pdf": BIN("inv"),
    "inbox/2023/statement.pdf": BIN("stm"),
    "inbox/2023/q4/payslip.pdf": BIN("pay"),
    "inbox/note.txt": "n",
    "inbox/2023/scan.jpg": BIN("scan"),
}
act(
    "pc-excl-en-03",
    "en",
    "move the pdfs in inbox, including subfolders, to papers",
    T,
    "excl",
    moved={"inbox/invoice.pdf": "papers", "inbox/2023/statement.pdf": "papers", "inbox/2023/q4/payslip.pdf": "papers"},
)

T = {
    "photos/cover.jpg": BIN("cover"),
    "photos/2020/summer/lake.jpg": BIN("lake"),
    "photos/2021/snow.jpg": BIN("snow"),
    "photos/2021/clip.mov": BIN("clip"),
}
act(
    "pc-excl-en-04",
    "en",
    "copy all jpgs from photos and its subfolders to backup, keeping the folder structure",
    T,
    "excl",
    scopied={
        "photos/cover.jpg": ("backup", "cover.jpg"),
        "photos/2020/summer/lake.jpg": ("backup", "2020/summer/lake.jpg"),
        "photos/2021/snow.jpg": ("backup", "2021/snow.jpg"),
    },
)

T = {"build/a.tmp": "a", "build/b.tmp": "b", "build/cache/c.tmp": "c", "build/app.bin": BIN("app")}
act("pc-excl-en-05", "en", "delete the .tmp files in build", T, "excl", deleted=["build/a.tmp", "build/b.tmp"])

T = {
    "docs/intro.md": "# intro",
    "docs/faq.md": "# faq",
    "docs/report.pdf": BIN("r"),
    "docs/data.csv": "1,2",
    "docs/slides.pptx": BIN("s"),
}
act(
    "pc-excl-en-06",
    "en",
    "list all files in docs except the markdown ones",
    T,
    "excl",
    listed=["docs/report.pdf", "docs/data.csv", "docs/slides.pptx"],
    unlisted=["docs/intro.md", "docs/faq.md"],
)

T = {
    "camera/a.jpg": BIN("a"),
    "camera/b.png": BIN("b"),
    "camera/c.gif": BIN("c"),
    "camera/d.jpeg": BIN("d"),
    "camera/e.png": BIN("e"),
    "camera/list.txt": "shots",
}
act(
    "pc-excl-en-07",
    "en",
    "move all the images in camera to pictures, but leave the png files where they are",
    T,
    "excl",
    moved={"camera/a.jpg": "pictures", "camera/c.gif": "pictures", "camera/d.jpeg": "pictures"},
)

T = {
    "logs/app.log": "app",
    "logs/web/access.log": "acc",
    "logs/web/2024/error.log": "err",
    "logs/web/readme.txt": "r",
    "logs/db/slow.log": "slow",
}
act(
    "pc-excl-en-08",
    "en",
    "move the .log files from logs and all its subfolders into old_logs, keeping the same folder structure",
    T,
    "excl",
    smoved={
        "logs/app.log": ("old_logs", "app.log"),
        "logs/web/access.log": ("old_logs", "web/access.log"),
        "logs/web/2024/error.log": ("old_logs", "web/2024/error.log"),
        "logs/db/slow.log": ("old_logs", "db/slow.log"),
    },
)

T = {"cache/a.bin": BIN("a"), "cache/b.dat": BIN("b"), "cache/thumbs.db": BIN("t"), "cache/config.json": '{"v": 1}'}
act(
    "pc-excl-en-09",
    "en",
    "delete everything in cache except config.json",
    T,
    "excl",
    deleted=["cache/a.bin", "cache/b.dat", "cache/thumbs.db"],
)

T = {
    "work/plan.docx": BIN("plan"),
    "work/clientx/offer.docx": BIN("offer"),
    "work/drafts/idea.docx": BIN("idea"),
    "work/drafts/old/sketch.docx": BIN("sketch"),
    "work/budget.pdf": BIN("budget"),
}
act(
    "pc-excl-en-10",
    "en",
    "copy the docx files from work, including subdirectories, into export, but skip the drafts folder",
    T,
    "excl",
    copied={"work/plan.docx": "export", "work/clientx/offer.docx": "export"},
    absent=[("export", "idea.docx"), ("export", "sketch.docx"), ("export", "budget.pdf")],
)

T = {
    "data/sales.csv": "s",
    "data/2024/costs.csv": "c",
    "data/2024/q1/leads.csv": "l",
    "data/raw/sensor_dump.csv": "d",
    "data/raw/export_full.csv": "e",
    "data/readme.txt": "r",
}
act(
    "pc-excl-en-11",
    "en",
    "list every csv in data, including subfolders, but not the ones in data/raw",
    T,
    "excl",
    listed=["data/sales.csv", "data/2024/costs.csv", "data/2024/q1/leads.csv"],
    unlisted=["data/raw/sensor_dump.csv", "data/raw/export_full.csv", "data/readme.txt"],
)

T = {
    "projects/notes.txt": "n",
    "projects/site/index.html": "<p>",
    "projects/site/css/main.css": "b{}",
    "projects/active/todo.md": "- a",
    "projects/active/src/app.py": "x",
}
act(
    "pc-excl-en-12",
    "en",
    "Move all files in projects except those in projects/active into archive, and keep the directory structure.",
    T,
    "excl",
    smoved={
        "projects/notes.txt": ("archive", "notes.txt"),
        "projects/site/index.html": ("archive", "site/index.html"),
        "projects/site/css/main.css": ("archive", "site/css/main.css"),
    },
)

T = {
    "downloads/安装.exe": BIN("anzhuang"),
    "downloads/补丁.exe": BIN("buding"),
    "downloads/报告.pdf": BIN("bg"),
    "downloads/照片.jpg": BIN("zp"),
    "downloads/笔记.txt": "记",
}
act(
    "pc-excl-zh-01",
    "zh",
    "把 downloads 里除了 exe 以外的文件都移到 sorted",
    T,
    "excl",
    moved={"downloads/报告.pdf": "sorted", "downloads/照片.jpg": "sorted", "downloads/笔记.txt": "sorted"},
)

T = {
    "说明.txt": "r",
    "笔记/甲.txt": "a",
    "笔记/子目录/乙.txt": "b",
    "笔记/保留.md": "# 保留",
    "archive/丙.txt": "c",
    "archive/2019/丁.txt": "d",
}
act(
    "pc-excl-zh-02",
    "zh",
    "删除所有文件夹里的 txt 文件，archive 里的除外",
    T,
    "excl",
    deleted=["说明.txt", "笔记/甲.txt", "笔记/子目录/乙.txt"],
)

T = {
    "inbox/发票.pdf": BIN("fp"),
    "inbox/2023/对账单.pdf": BIN("dzd"),
    "inbox/2023/q4/工资条.pdf": BIN("gzt"),
    "inbox/备注.txt": "n",
    "inbox/2023/扫描.jpg": BIN("sm"),
}
act(
    "pc-excl-zh-03",
    "zh",
    "把 inbox 以及各级子文件夹里的 pdf 都移到 papers",
    T,
    "excl",
    moved={"inbox/发票.pdf": "papers", "inbox/2023/对账单.pdf": "papers", "inbox/2023/q4/工资条.pdf": "papers"},
)

T = {
    "photos/封面.jpg": BIN("fm"),
    "photos/2020/夏天/湖.jpg": BIN("hu"),
    "photos/2021/雪.jpg": BIN("xue"),
    "photos/2021/视频.mov": BIN("sp"),
}
act(
    "pc-excl-zh-04",
    "zh",
    "把 photos（含子文件夹）里的 jpg 复制到 backup，保持原来的目录结构",
    T,
    "excl",
    scopied={
        "photos/封面.jpg": ("backup", "封面.jpg"),
        "photos/2020/夏天/湖.jpg": ("backup", "2020/夏天/湖.jpg"),
        "photos/2021/雪.jpg": ("backup", "2021/雪.jpg"),
    },
)

T = {"build/甲.tmp": "a", "build/乙.tmp": "b", "build/cache/丙.tmp": "c", "build/app.bin": BIN("app")}
act("pc-excl-zh-05", "zh", "删掉 build 里的 .tmp 文件", T, "excl", deleted=["build/甲.tmp", "build/乙.tmp"])

T = {
    "docs/简介.md": "# 简介",
    "docs/常见问题.md": "# 问答",
    "docs/报告.pdf": BIN("r"),
    "docs/数据.csv": "1,2",
    "docs/幻灯片.pptx": BIN("s"),
}
act(
    "pc-excl-zh-06",
    "zh",
    "列出 docs 中除 md 以外的所有文件",
    T,
    "excl",
    listed=["docs/报告.pdf", "docs/数据.csv", "docs/幻灯片.pptx"],
    unlisted=["docs/简介.md", "docs/常见问题.md"],
)

T = {
    "camera/一.jpg": BIN("a"),
    "camera/二.png": BIN("b"),
    "camera/三.gif": BIN("c"),
    "camera/四.jpeg": BIN("d"),
    "camera/五.png": BIN("e"),
    "camera/清单.txt": "拍摄清单",
}
act(
    "pc-excl-zh-07",
    "zh",
    "把 camera 里的图片移到 pictures，png 格式的不要动",
    T,
    "excl",
    moved={"camera/一.jpg": "pictures", "camera/三.gif": "pictures", "camera/四.jpeg": "pictures"},
)

T = {
    "logs/app.log": "app",
    "logs/web/access.log": "acc",
    "logs/web/2024/error.log": "err",
    "logs/web/说明.txt": "r",
    "logs/db/slow.log": "slow",
}
act(
    "pc-excl-zh-08",
    "zh",
    "把 logs 及其子目录下的 .log 文件移到 old_logs，保留原来的文件夹结构",
    T,
    "excl",
    smoved={
        "logs/app.log": ("old_logs", "app.log"),
        "logs/web/access.log": ("old_logs", "web/access.log"),
        "logs/web/2024/error.log": ("old_logs", "web/2024/error.log"),
        "logs/db/slow.log": ("old_logs", "db/slow.log"),
    },
)

T = {"cache/a.bin": BIN("a"), "cache/b.dat": BIN("b"), "cache/缩略图.db": BIN("t"), "cache/config.json": '{"v": 1}'}
act(
    "pc-excl-zh-09",
    "zh",
    "清掉 cache 文件夹里的文件，只留下 config.json",
    T,
    "excl",
    deleted=["cache/a.bin", "cache/b.dat", "cache/缩略图.db"],
)

T = {
    "work/计划.docx": BIN("plan"),
    "work/客户甲/报价.docx": BIN("offer"),
    "work/drafts/想法.docx": BIN("idea"),
    "work/drafts/旧/草图.docx": BIN("sketch"),
    "work/预算.pdf": BIN("budget"),
}
act(
    "pc-excl-zh-10",
    "zh",
    "把 work 里（包括子目录）的 docx 复制到 export，跳过 drafts 文件夹",
    T,
    "excl",
    copied={"work/计划.docx": "export", "work/客户甲/报价.docx": "export"},
    absent=[("export", "想法.docx"), ("export", "草图.docx"), ("export", "预算.pdf")],
)

T = {
    "data/销售.csv": "s",
    "data/2024/成本.csv": "c",
    "data/2024/q1/线索.csv": "l",
    "data/raw/传感器.csv": "d",
    "data/raw/全量导出.csv": "e",
    "data/说明.txt": "r",
}
act(
    "pc-excl-zh-11",
    "zh",
    "列出 data 下所有 csv，包括子文件夹，但不要 data/raw 里的",
    T,
    "excl",
    listed=["data/销售.csv", "data/2024/成本.csv", "data/2024/q1/线索.csv"],
    unlisted=["data/raw/传感器.csv", "data/raw/全量导出.csv", "data/说明.txt"],
)

T = {
    "projects/笔记.txt": "n",
    "projects/site/index.html": "<p>",
    "projects/site/css/main.css": "b{}",
    "projects/active/待办.md": "- a",
    "projects/active/src/app.py": "x",
}
act(
    "pc-excl-zh-12",
    "zh",
    "把 projects 里除了 active 子文件夹之外的文件都移动到 archive，保持目录结构",
    T,
    "excl",
    smoved={
        "projects/笔记.txt": ("archive", "笔记.txt"),
        "projects/site/index.html": ("archive", "site/index.html"),
        "projects/site/css/main.css": ("archive", "site/css/main.css"),
    },
)


# ============================================================================= 7. renames from words


def _dated(folder, name, iso, sep="_"):
    """Accepted names for '<date><sep><name>' (the date's neighbours too, for time-zone slack)."""
    d0 = _dt.date.fromisoformat(iso)
    return tuple(join(folder, f"{(d0 + _dt.timedelta(days=k)).isoformat()}{sep}{name}") for k in (0, -1, 1))


T = {
    "photos/beach.jpg": BIN("beach"),
    "photos/hike.jpg": BIN("hike"),
    "photos/city.jpg": BIN("city"),
    "photos/list.txt": "to print",
}
act(
    "pc-rename-en-01",
    "en",
    "add the prefix 2024_ to every jpg in photos",
    T,
    "rename",
    renamed={
        "photos/beach.jpg": "photos/2024_beach.jpg",
        "photos/hike.jpg": "photos/2024_hike.jpg",
        "photos/city.jpg": "photos/2024_city.jpg",
    },
)

T = {
    "legacy/parser.py": "def parse(): pass",
    "legacy/config.ini": "[a]",
    "legacy/readme.md": "# old code",
    "current/app.py": "print(1)",
}
act(
    "pc-rename-en-02",
    "en",
    "put old_ in front of all the file names in legacy",
    T,
    "rename",
    renamed={
        "legacy/parser.py": "legacy/old_parser.py",
        "legacy/config.ini": "legacy/old_config.ini",
        "legacy/readme.md": "legacy/old_readme.md",
    },
)

T = {"notes/ideas.md": "# ideas", "notes/plan.md": "# plan", "notes/todo.txt": "- buy bread"}
act(
    "pc-rename-en-03",
    "en",
    "add _draft to the end of each markdown file name in notes (before the .md)",
    T,
    "rename",
    renamed={"notes/ideas.md": "notes/ideas_draft.md", "notes/plan.md": "notes/plan_draft.md"},
)

T = {"specs/api.pdf": BIN("api"), "specs/storage.pdf": BIN("storage"), "specs/overview.docx": BIN("ov")}
act(
    "pc-rename-en-04",
    "en",
    "Append the suffix -v2 to the names of the PDFs in specs.",
    T,
    "rename",
    renamed={"specs/api.pdf": "specs/api-v2.pdf", "specs/storage.pdf": "specs/storage-v2.pdf"},
)

T = {
    "docs/README.md": "# read me",
    "docs/Budget2024.xlsx": BIN("budget"),
    "docs/TODO.txt": "- a",
    "docs/notes.txt": "already lower",
}
act(
    "pc-rename-en-05",
    "en",
    "make all the file names in docs lowercase",
    T,
    "rename",
    renamed={
        "docs/README.md": "docs/readme.md",
        "docs/Budget2024.xlsx": "docs/budget2024.xlsx",
        "docs/TODO.txt": "docs/todo.txt",
    },
)

T = {
    "music/Bohemian Rhapsody.mp3": BIN("queen"),
    "music/ABBA - Waterloo.mp3": BIN("abba"),
    "music/Hey Jude.mp3": BIN("beatles"),
}
act(
    "pc-rename-en-06",
    "en",
    "rename the files in music so that the names are all lower case",
    T,
    "rename",
    renamed={
        "music/Bohemian Rhapsody.mp3": "music/bohemian rhapsody.mp3",
        "music/ABBA - Waterloo.mp3": "music/abba - waterloo.mp3",
        "music/Hey Jude.mp3": "music/hey jude.mp3",
    },
)

T = {
    "trip/DSC0041.jpg": BIN("d41"),
    "trip/DSC0057.jpg": BIN("d57"),
    "trip/DSC0102.jpg": BIN("d102"),
    "trip/map.pdf": BIN("map"),
}
numset_case(
    "pc-rename-en-07",
    "en",
    "rename the jpgs in trip to trip_1.jpg, trip_2.jpg and so on",
    T,
    ["trip/DSC0041.jpg", "trip/DSC0057.jpg", "trip/DSC0102.jpg"],
    ["trip/trip_1.jpg", "trip/trip_2.jpg", "trip/trip_3.jpg"],
)

T = {
    "scans/alpha.png": (BIN("s-a"), "2023-03-03"),
    "scans/bravo.png": (BIN("s-b"), "2021-01-01"),
    "scans/charlie.png": (BIN("s-c"), "2022-02-02"),
}
act(
    "pc-rename-en-08",
    "en",
    "number the png scans in scans as scan_001.png, scan_002.png, ... ordered by date, oldest first",
    T,
    "rename",
    renamed={
        "scans/bravo.png": "scans/scan_001.png",
        "scans/charlie.png": "scans/scan_002.png",
        "scans/alpha.png": "scans/scan_003.png",
    },
)

T = {
    "camera/IMG_5521.jpg": (BIN("c1"), "2023-05-01"),
    "camera/IMG_5522.jpg": (BIN("c2"), "2023-07-19"),
    "camera/IMG_5530.jpg": (BIN("c3"), "2024-02-11"),
    "camera/info.txt": ("camera settings", "2020-01-01"),
}
datename_case(
    "pc-rename-en-09",
    "en",
    "rename the photos in camera by their date",
    T,
    ["camera/IMG_5521.jpg", "camera/IMG_5522.jpg", "camera/IMG_5530.jpg"],
)

T = {
    "invoices/acme.pdf": (BIN("acme"), "2023-05-01"),
    "invoices/globex.pdf": (BIN("globex"), "2022-11-15"),
    "invoices/initech.pdf": (BIN("initech"), "2024-03-09"),
}
act(
    "pc-rename-en-10",
    "en",
    "put each file's modification date in front of its name in invoices, e.g. 2023-05-01_acme.pdf",
    T,
    "rename",
    renamed={
        "invoices/acme.pdf": _dated("invoices", "acme.pdf", "2023-05-01"),
        "invoices/globex.pdf": _dated("invoices", "globex.pdf", "2022-11-15"),
        "invoices/initech.pdf": _dated("invoices", "initech.pdf", "2024-03-09"),
    },
)

T = {
    "logs/server.log": ("srv", "2022-08-08"),
    "logs/worker.log": ("wrk", "2023-09-14"),
    "logs/cron.log": ("cron", "2024-10-21"),
    "logs/readme.md": ("about logs", "2021-01-01"),
}
datename_case(
    "pc-rename-en-11",
    "en",
    "Rename every log file in logs to its last-modified date.",
    T,
    ["logs/server.log", "logs/worker.log", "logs/cron.log"],
)

T = {
    "chapters/return.txt": "The end.",
    "chapters/intro.txt": "Once upon a time.",
    "chapters/journey.txt": "They walked for days.",
    "chapters/cover.png": BIN("cover"),
}
act(
    "pc-rename-en-12",
    "en",
    "rename the txt files in chapters to chapter_01.txt, chapter_02.txt, etc., in alphabetical order",
    T,
    "rename",
    renamed={
        "chapters/intro.txt": "chapters/chapter_01.txt",
        "chapters/journey.txt": "chapters/chapter_02.txt",
        "chapters/return.txt": "chapters/chapter_03.txt",
    },
)

T = {
    "photos/海边.jpg": BIN("hb"),
    "photos/爬山.jpg": BIN("ps"),
    "photos/城市.jpg": BIN("cs"),
    "photos/清单.txt": "冲印",
}
act(
    "pc-rename-zh-01",
    "zh",
    "给 photos 里所有 jpg 的文件名前面加上 2024_",
    T,
    "rename",
    renamed={
        "photos/海边.jpg": "photos/2024_海边.jpg",
        "photos/爬山.jpg": "photos/2024_爬山.jpg",
        "photos/城市.jpg": "photos/2024_城市.jpg",
    },
)

T = {
    "legacy/parser.py": "def parse(): pass",
    "legacy/config.ini": "[a]",
    "legacy/说明.md": "# 老代码",
    "current/app.py": "print(1)",
}
act(
    "pc-rename-zh-02",
    "zh",
    "legacy 里每个文件名前都加上 old_",
    T,
    "rename",
    renamed={
        "legacy/parser.py": "legacy/old_parser.py",
        "legacy/config.ini": "legacy/old_config.ini",
        "legacy/说明.md": "legacy/old_说明.md",
    },
)

T = {"notes/想法.md": "# 想法", "notes/计划.md": "# 计划", "notes/待办.txt": "- 买面包"}
act(
    "pc-rename-zh-03",
    "zh",
    "给 notes 里的 md 文件名加后缀 _draft（加在 .md 前面）",
    T,
    "rename",
    renamed={"notes/想法.md": "notes/想法_draft.md", "notes/计划.md": "notes/计划_draft.md"},
)

T = {"specs/接口.pdf": BIN("api"), "specs/存储.pdf": BIN("storage"), "specs/概述.docx": BIN("ov")}
act(
    "pc-rename-zh-04",
    "zh",
    "specs 中 pdf 的文件名后面都加上 -v2",
    T,
    "rename",
    renamed={"specs/接口.pdf": "specs/接口-v2.pdf", "specs/存储.pdf": "specs/存储-v2.pdf"},
)

T = {
    "docs/README.md": "# 说明",
    "docs/Budget2024.xlsx": BIN("budget"),
    "docs/TODO.txt": "- a",
    "docs/notes.txt": "已经是小写",
}
act(
    "pc-rename-zh-05",
    "zh",
    "把 docs 里的文件名统一改成小写",
    T,
    "rename",
    renamed={
        "docs/README.md": "docs/readme.md",
        "docs/Budget2024.xlsx": "docs/budget2024.xlsx",
        "docs/TODO.txt": "docs/todo.txt",
    },
)

T = {
    "music/Jay Chou - Qing Tian.mp3": BIN("qingtian"),
    "music/BEYOND - Hai Kuo Tian Kong.mp3": BIN("beyond"),
    "music/Faye Wong.mp3": BIN("faye"),
}
act(
    "pc-rename-zh-06",
    "zh",
    "music 文件夹里的文件名全部转成小写字母",
    T,
    "rename",
    renamed={
        "music/Jay Chou - Qing Tian.mp3": "music/jay chou - qing tian.mp3",
        "music/BEYOND - Hai Kuo Tian Kong.mp3": "music/beyond - hai kuo tian kong.mp3",
        "music/Faye Wong.mp3": "music/faye wong.mp3",
    },
)

T = {
    "旅行/DSC0041.jpg": BIN("t41"),
    "旅行/DSC0057.jpg": BIN("t57"),
    "旅行/DSC0102.jpg": BIN("t102"),
    "旅行/地图.pdf": BIN("ditu"),
}
numset_case(
    "pc-rename-zh-07",
    "zh",
    "把 旅行 里的 jpg 重命名为 旅行_1.jpg、旅行_2.jpg 这样按顺序编号",
    T,
    ["旅行/DSC0041.jpg", "旅行/DSC0057.jpg", "旅行/DSC0102.jpg"],
    ["旅行/旅行_1.jpg", "旅行/旅行_2.jpg", "旅行/旅行_3.jpg"],
)

T = {
    "scans/甲.png": (BIN("z-a"), "2023-03-03"),
    "scans/乙.png": (BIN("z-b"), "2021-01-01"),
    "scans/丙.png": (BIN("z-c"), "2022-02-02"),
}
act(
    "pc-rename-zh-08",
    "zh",
    "把 scans 里的 png 按修改时间从早到晚编号，命名为 scan_001.png、scan_002.png……",
    T,
    "rename",
    renamed={
        "scans/乙.png": "scans/scan_001.png",
        "scans/丙.png": "scans/scan_002.png",
        "scans/甲.png": "scans/scan_003.png",
    },
)

T = {
    "camera/IMG_7701.jpg": (BIN("k1"), "2023-05-01"),
    "camera/IMG_7702.jpg": (BIN("k2"), "2023-07-19"),
    "camera/IMG_7710.jpg": (BIN("k3"), "2024-02-11"),
    "camera/说明.txt": ("相机设置", "2020-01-01"),
}
datename_case(
    "pc-rename-zh-09",
    "zh",
    "按修改日期给 camera 里的照片重命名",
    T,
    ["camera/IMG_7701.jpg", "camera/IMG_7702.jpg", "camera/IMG_7710.jpg"],
)

T = {
    "invoices/acme.pdf": (BIN("acme"), "2023-05-01"),
    "invoices/华为.pdf": (BIN("hw"), "2022-11-15"),
    "invoices/京东.pdf": (BIN("jd"), "2024-03-09"),
}
act(
    "pc-rename-zh-10",
    "zh",
    "在 invoices 的每个文件名前加上它的修改日期，格式像 2023-05-01_acme.pdf 这样",
    T,
    "rename",
    renamed={
        "invoices/acme.pdf": _dated("invoices", "acme.pdf", "2023-05-01"),
        "invoices/华为.pdf": _dated("invoices", "华为.pdf", "2022-11-15"),
        "invoices/京东.pdf": _dated("invoices", "京东.pdf", "2024-03-09"),
    },
)

T = {
    "logs/服务端.log": ("srv", "2022-08-08"),
    "logs/任务.log": ("wrk", "2023-09-14"),
    "logs/定时.log": ("cron", "2024-10-21"),
    "logs/说明.md": ("关于日志", "2021-01-01"),
}
datename_case(
    "pc-rename-zh-11",
    "zh",
    "把 logs 里的日志文件都改名为各自的最后修改日期",
    T,
    ["logs/服务端.log", "logs/任务.log", "logs/定时.log"],
)

T = {
    "chapters/c_结局.txt": "全书完。",
    "chapters/a_开端.txt": "很久很久以前。",
    "chapters/b_旅途.txt": "他们走了很多天。",
    "chapters/封面.png": BIN("fm"),
}
act(
    "pc-rename-zh-12",
    "zh",
    "把 chapters 里的 txt 按文件名顺序改成 第01章.txt、第02章.txt……",
    T,
    "rename",
    renamed={
        "chapters/a_开端.txt": "chapters/第01章.txt",
        "chapters/b_旅途.txt": "chapters/第02章.txt",
        "chapters/c_结局.txt": "chapters/第03章.txt",
    },
)


# ============================================================================= 8. topics (no keywords given)

EN_TOPICS = {
    "cooking": [
        "Preheat the oven to 180C. Whisk the eggs with sugar, fold in the flour and bake the sponge cake for 25 minutes.",
        "For the sauce, fry garlic and onion in olive oil, add crushed tomatoes and basil, simmer for 20 minutes and "
        "toss with spaghetti.",
        "Marinate the chicken thighs in soy sauce, ginger and honey overnight, then roast them until the skin is crispy.",
        "Knead the bread dough for ten minutes, let it rise for an hour, shape the loaf and bake until golden.",
        "Brown the beef in a heavy pot, add chopped carrots, celery and stock, and let the stew simmer on low heat "
        "for two hours.",
        "Pancake batter: mix flour, milk, eggs and a pinch of salt until smooth, then fry ladlefuls in a buttered pan.",
    ],
    "football": [
        "The striker scored twice in the second half and the home team won the derby 3-1 in front of a sold-out stadium.",
        "Our goalkeeper saved a penalty in the 89th minute, kept a clean sheet and secured three points in the league.",
        "The coach switched to a 4-3-3 formation, pushing the wingers high and pressing the defenders from kickoff.",
        "Transfer news: the club signed a young midfielder for 40 million; he will wear the number 8 shirt next season.",
        "The referee showed a red card after a late tackle, and the visitors played the rest of the match with ten men.",
        "The cup semi-final ended 2-2 after extra time and was decided in a penalty shootout.",
    ],
    "taxes": [
        "Remember to file the annual income tax return before April 30; attach the salary statements and deduction "
        "receipts.",
        "VAT for the last quarter is due next week; the accountant needs all sales invoices and the input tax summary.",
        "Charitable donations and mortgage interest can be claimed as deductions, which lowers the taxable income.",
        "The tax office sent an assessment notice: we owe 1,200 in additional tax because of unreported freelance "
        "income.",
        "Self-employed people must pay estimated tax in quarterly installments to avoid penalties from the revenue "
        "service.",
        "Keep receipts for business expenses for seven years in case the tax authority opens an audit.",
    ],
    "astronomy": [
        "Jupiter is at opposition this month, so its four Galilean moons are easy to see through a small telescope.",
        "The Perseid meteor shower peaks on August 12; find a dark sky far from city lights to count the meteors.",
        "A light-year is about 9.46 trillion kilometres; the nearest star beyond the Sun is 4.2 light-years away.",
        "During a total solar eclipse the Moon completely covers the Sun and the corona becomes visible.",
        "Saturn's rings are made of ice and rock; through the telescope eyepiece they look tilted this season.",
        "Astronomers found an exoplanet orbiting in the habitable zone of a red dwarf star.",
    ],
    "gardening": [
        "Plant the sunflower seedlings after the last frost, water them at the roots and tie the stems to stakes.",
        "Prune the rose bushes in early spring, cutting just above an outward-facing bud, and mulch around the base.",
        "Compost dry leaves and grass clippings together; turn the pile every week so it becomes rich soil.",
        "Sow the flower seeds in shallow rows, keep the soil moist and thin the sprouts after two weeks.",
        "Aphids are attacking the leaves of the climbing plants; spray them with soapy water or release ladybugs.",
        "Mow the lawn every week in summer with the blades set high, and fertilize the grass in autumn.",
    ],
}

ZH_TOPICS = {
    "cooking": [
        "烤箱预热到180度，鸡蛋加糖打发，筛入面粉拌匀，烤25分钟就是海绵蛋糕。",
        "番茄炒蛋：鸡蛋打散炒到半熟盛出，番茄切块炒出汁，再倒回鸡蛋，加盐和少许糖。",
        "红烧肉先焯水，再用冰糖炒糖色，加生抽、老抽和八角，小火炖一个小时。",
        "和面时水要分次加入，揉成光滑的面团后醒二十分钟，再擀皮包饺子。",
        "鱼洗净后抹盐腌十分钟，上锅蒸八分钟，出锅淋上蒸鱼豉油和热油。",
        "宫保鸡丁要先给鸡肉上浆，干辣椒和花椒爆香，最后放花生米翻炒出锅。",
    ],
    "football": [
        "前锋下半场梅开二度，主队在座无虚席的球场里3比1赢下德比。",
        "门将在第89分钟扑出点球，保住零封，球队拿到联赛三分。",
        "主教练改打433阵型，两个边锋压上，开场就高位逼抢对方后卫。",
        "转会消息：俱乐部花四千万签下一名年轻中场，下赛季他将身穿8号球衣。",
        "裁判对一次背后铲球出示红牌，客队此后只能十人应战。",
        "今晚的杯赛半决赛2比2战平进入加时，最后靠点球大战决出胜负。",
    ],
    "taxes": [
        "记得在6月30日前完成个人所得税年度汇算，准备好工资收入和专项附加扣除的材料。",
        "上季度的增值税下周申报截止，会计需要全部销项发票和进项税额汇总。",
        "子女教育、住房贷款利息可以作为专项附加扣除，从而减少应纳税所得额。",
        "税务局寄来通知，因为有一笔劳务报酬没有申报，需要补缴税款一千二百元。",
        "个体工商户要按季度预缴税款，逾期申报会产生滞纳金和罚款。",
        "公司的报销凭证和发票要保存好，以备税务稽查时查验。",
    ],
    "astronomy": [
        "本月木星冲日，用小望远镜就能看到它的四颗伽利略卫星。",
        "英仙座流星雨8月12日前后达到极大，找个远离城市灯光的地方观测流星。",
        "光年是光在一年里走过的距离，约9.46万亿公里，离太阳最近的恒星约4.2光年。",
        "日全食时月球完全挡住太阳，日冕就会显现出来。",
        "土星环由冰块和岩石组成，这个季节在望远镜目镜里看起来是倾斜的。",
        "天文学家在一颗红矮星的宜居带里发现了一颗系外行星。",
    ],
    "gardening": [
        "终霜过后把向日葵幼苗移栽到地里，浇水要浇到根部，并用竹竿固定茎秆。",
        "早春修剪月季，在朝外的芽点上方剪断，再在根部周围铺一层覆盖物。",
        "把落叶和剪下的草屑一起堆肥，每周翻一次堆，慢慢就变成肥沃的腐殖土。",
        "在浅沟里撒上花籽，保持土壤湿润，两周后出苗了要间苗。",
        "蚜虫在啃爬藤植物的叶子，可以喷点肥皂水，或者放几只瓢虫。",
        "夏天草坪每周修剪一次，刀片调高一点，秋天再给草坪施肥。",
    ],
}


def topic_tree(pool, folder, names, plan, offset=0, ext=".txt"):
    """plan: [(topic, count)]. Files are dealt round-robin so a name says nothing about its subject."""
    queue = []
    for t, n in plan:
        queue += [(t, (offset + i) % len(pool[t])) for i in range(n)]
    order = []
    while queue:  # interleave subjects
        for t, _ in plan:
            for j, (tt, _k) in enumerate(queue):
                if tt == t:
                    order.append(queue.pop(j))
                    break
    tree, groups = {}, {t: [] for t, _ in plan}
    for name, (t, k) in zip(names, order, strict=False):
        p = join(folder, name if "." in name else name + ext)
        tree[p] = pool[t][k]
        groups[t].append(p)
    assert len(tree) == len(order), (folder, names)
    return tree, [groups[t] for t, _ in plan]


EN_TOPIC_CASES = [
    (
        "notes",
        "sort the notes by topic",
        [("cooking", 3), ("football", 3), ("taxes", 3)],
        [f"note{i}" for i in range(1, 10)],
        {},
    ),
    (
        "notes",
        "Group the text files in notes by what they're about.",
        [("astronomy", 3), ("gardening", 3)],
        [f"n{i:02d}" for i in range(1, 7)],
        {},
    ),
    (
        "writings",
        "organize my writings folder into subfolders by subject",
        [("cooking", 2), ("astronomy", 3), ("taxes", 2)],
        ["piece_a", "piece_b", "piece_c", "piece_d", "piece_e", "piece_f", "piece_g"],
        {},
    ),
    (
        "clippings",
        "put the articles in clippings into folders according to their topic",
        [("football", 4), ("gardening", 3)],
        [f"article{i}" for i in range(1, 8)],
        {},
    ),
    (
        "",
        "cluster these txt files by theme",
        [("cooking", 3), ("football", 3)],
        ["doc1", "doc2", "doc3", "doc4", "doc5", "doc6"],
        {},
    ),
    (
        "inbox",
        "classify the files in inbox by the topic of their content - you decide the categories",
        [("taxes", 3), ("astronomy", 2), ("gardening", 3)],
        [f"item_{c}" for c in "abcdefgh"],
        {},
    ),
    (
        "journal",
        "can you tidy up journal by putting entries that talk about the same thing together?",
        [("cooking", 2), ("gardening", 2), ("football", 2)],
        [f"entry_{i:02d}" for i in range(1, 7)],
        {},
    ),
    (
        "drafts",
        "arrange the documents in drafts into topic folders",
        [("taxes", 3), ("football", 3)],
        ["draft1", "draft2", "draft3", "draft4", "draft5", "draft6"],
        {},
    ),
    (
        "misc",
        "split the notes in misc into folders by subject matter",
        [("astronomy", 4), ("cooking", 3)],
        ["m1", "m2", "m3", "m4", "m5", "m6", "m7"],
        {},
    ),
    (
        "research",
        "figure out what each text file in research is about and file them into folders accordingly",
        [("gardening", 3), ("taxes", 3), ("astronomy", 3)],
        [f"r{i}" for i in range(1, 10)],
        {},
    ),
    (
        "kb",
        "bucket the .md notes in kb by topic",
        [("football", 3), ("taxes", 3)],
        [f"page{i}.md" for i in range(1, 7)],
        {"kb/logo.png": BIN("kb-logo")},
    ),
    (
        "texts",
        "group everything in texts by topic; create whatever folders you need",
        [("cooking", 2), ("astronomy", 3), ("football", 2)],
        [f"t{i}" for i in range(1, 8)],
        {},
    ),
]

ZH_TOPIC_CASES = [
    (
        "notes",
        "把 notes 里的笔记按主题整理一下",
        [("cooking", 3), ("football", 3), ("taxes", 3)],
        [f"笔记{i}" for i in range(1, 10)],
        {},
    ),
    (
        "notes",
        "把 notes 里的文本文件按内容主题分组",
        [("astronomy", 3), ("gardening", 3)],
        [f"记录{i:02d}" for i in range(1, 7)],
        {},
    ),
    (
        "writings",
        "把 writings 文件夹按题材分到不同的子文件夹",
        [("cooking", 2), ("astronomy", 3), ("taxes", 2)],
        ["甲", "乙", "丙", "丁", "戊", "己", "庚"],
        {},
    ),
    (
        "剪报",
        "根据主题把 剪报 里的文章归类",
        [("football", 4), ("gardening", 3)],
        [f"文章{i}" for i in range(1, 8)],
        {},
    ),
    (
        "",
        "把这些 txt 按话题分类",
        [("cooking", 3), ("football", 3)],
        ["文档1", "文档2", "文档3", "文档4", "文档5", "文档6"],
        {},
    ),
    (
        "inbox",
        "inbox 里的文件按内容讲的事情分类，分哪几类你来定",
        [("taxes", 3), ("astronomy", 2), ("gardening", 3)],
        [f"条目_{c}" for c in "abcdefgh"],
        {},
    ),
    (
        "日记",
        "把 日记 里讲同一件事的放到一起",
        [("cooking", 2), ("gardening", 2), ("football", 2)],
        [f"第{i}篇" for i in range(1, 7)],
        {},
    ),
    (
        "drafts",
        "把 drafts 里的文档按主题放进不同文件夹",
        [("taxes", 3), ("football", 3)],
        ["草稿1", "草稿2", "草稿3", "草稿4", "草稿5", "草稿6"],
        {},
    ),
    (
        "misc",
        "misc 中的笔记按主题拆分到各自的文件夹",
        [("astronomy", 4), ("cooking", 3)],
        ["零碎1", "零碎2", "零碎3", "零碎4", "零碎5", "零碎6", "零碎7"],
        {},
    ),
    (
        "research",
        "看看 research 里每个文本讲的是什么，然后按主题归档到文件夹",
        [("gardening", 3), ("taxes", 3), ("astronomy", 3)],
        [f"资料{i}" for i in range(1, 10)],
        {},
    ),
    (
        "kb",
        "把 kb 里的 md 笔记按主题分好",
        [("football", 3), ("taxes", 3)],
        [f"页面{i}.md" for i in range(1, 7)],
        {"kb/logo.png": BIN("kb-logo-zh")},
    ),
    (
        "texts",
        "texts 里的所有文件按主题归类，需要什么文件夹自己建",
        [("cooking", 2), ("astronomy", 3), ("football", 2)],
        [f"文本{i}" for i in range(1, 8)],
        {},
    ),
]

for lang, pool, specs in (("en", EN_TOPICS, EN_TOPIC_CASES), ("zh", ZH_TOPICS, ZH_TOPIC_CASES)):
    for i, (folder, prompt, plan, names, extra_files) in enumerate(specs, 1):
        T, groups = topic_tree(pool, folder, names, plan, offset=i)
        T.update(extra_files)
        topic_case(f"pc-topic-{lang}-{i:02d}", lang, prompt, T, groups)


# ============================================================================= self-test


def _as_text(v):
    try:
        return v.decode("utf-8") if not v.startswith(b"\x89BIN") else v
    except UnicodeDecodeError:
        return v


def _selftest():
    """Every check must pass on its IDEAL outcome; every change request must fail on the unchanged
    fixture; listings pass on the unchanged fixture only with the right output, and a listing that
    names that should be left out (an output naming every file and folder) must fail."""
    bad = []
    for c in C:
        files0 = {k: v for k, v in c.tree.items() if not (k.endswith("/") and v is None)}
        dirs0 = tree_dirs(c.tree)
        fi, di, oi = IDEAL[c.id]
        listing = oi != ""
        if not c.check(fi, di, oi, 0):
            bad.append((c.id, "fails its ideal outcome"))
        # the same outcome as the harness may report it: text as str, folders with a trailing slash
        fs = {k: _as_text(v) for k, v in fi.items()}
        if not c.check(fs, {d + "/" for d in di}, "/tmp/root/" + oi.replace("\n", "\n/tmp/root/"), 0):
            bad.append((c.id, "fails its ideal outcome in another format"))
        if c.check(files0, dirs0, "", 0):
            bad.append((c.id, "passes on the unchanged tree with no output"))
        if listing:
            if not c.check(files0, dirs0, oi, 0):
                bad.append((c.id, "listing fails on unchanged tree + right output"))
            if not c.check(files0, dirs0, "Request: " + c.prompt + "\n" + oi + "\nDone.", 0):
                bad.append((c.id, "listing fails when the output echoes the request"))
            everything = "\n".join(sorted(set(F(c.tree)) | tree_dirs(c.tree), reverse=True))
            if c.check(files0, dirs0, everything, 0) and c.kind not in ("zip",):
                bad.append((c.id, "listing passes when every path is printed"))
    return bad


if __name__ == "__main__":
    from collections import Counter

    print(len(C), sorted(Counter((c.kind, c.lang) for c in C).items()))
    problems = _selftest()
    print("problems:", problems or "none")
