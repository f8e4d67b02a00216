"""In-scope probe set for fileagent (blind: written only from DESCRIPTION.md "in scope" + probekit).

Every case carries an expected outcome: `expect` (full file tree after the run, files only) and/or
`check(files, dirs, out, rc)`.  About 45% of the prompts are Chinese (some mixed with English names).
"""

import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probekit import C, Contains, case, moved, without  # noqa: E402,F401

# ---------------------------------------------------------------------------------------------
# helpers for building expected trees
# ---------------------------------------------------------------------------------------------
BIG = "x" * 2_000_000  # 2 MB: above "1 MB" whichever MB is meant
MID = "m" * 300_000  # 300 KB: above 100 KB / below 1 MB
HUGE = "h" * 12_000_000  # 12 MB: "large" (or at least not "small") in any size bucketing


def _base(p):
    return p.rstrip("/").rsplit("/", 1)[-1]


def _parent(p):
    return p.rsplit("/", 1)[0] if "/" in p else ""


def plain(t):
    """files only, (content, mtime) -> content"""
    return {k: (v[0] if isinstance(v, tuple) else v) for k, v in t.items() if not k.endswith("/")}


def mv(t, m):
    return plain(moved(t, m))


def into(t, folder, *paths):
    """move the given files into folder (names kept)"""
    folder = folder.rstrip("/")
    return mv(t, {p: f"{folder}/{_base(p)}" for p in paths})


def copied(t, folder, *paths):
    out = plain(t)
    folder = folder.rstrip("/")
    for p in paths:
        out[f"{folder}/{_base(p)}"] = out[p]
    return out


def mvdir(t, src, dst):
    """move/rename folder src so that it becomes dst"""
    out = {}
    for k, v in plain(t).items():
        if k.startswith(src + "/"):
            out[dst + k[len(src) :]] = v
        else:
            out[k] = v
    return out


def cpdir(t, src, dst):
    out = plain(t)
    for k, v in plain(t).items():
        if k.startswith(src + "/"):
            out[dst + k[len(src) :]] = v
    return out


def rm(t, *paths):
    """drop files; a path ending in '/' drops the whole folder"""
    out = plain(t)
    for p in paths:
        if p.endswith("/"):
            out = {k: v for k, v in out.items() if not k.startswith(p)}
        else:
            out.pop(p)
    return out


def edit(t, changes):
    out = plain(t)
    out.update(changes)
    return out


FILLER = {
    "shelf/keepsake.txt": "a keepsake from the shelf\n",
    "shelf/postcard.jpg": "postcard image\n",
    "shelf/ledger.csv": "year,total\n1999,5\n",
}


def pad(t):
    """fixture trees hold at least 3 files: top up small ones with unrelated files in shelf/"""
    t = dict(t)
    for k, v in FILLER.items():
        if len([p for p in t if not p.endswith("/")]) >= 3:
            break
        t[k] = v
    return t


# ---------------------------------------------------------------------------------------------
# helpers for checks: check(files, dirs, out, rc) -> bool
# ---------------------------------------------------------------------------------------------
def _norm(p):
    p = p.replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p.strip("/")


def _dirs(d):
    return {_norm(x) for x in d}


def unchanged(t):
    p = plain(t)
    return lambda f, d, o, rc: f == p


def listed(t, yes, no=()):
    """nothing changed; every name in yes shows in the output, none of no"""
    p = plain(t)
    return lambda f, d, o, rc: f == p and all(y in o for y in yes) and not any(n in o for n in no)


def made_dirs(t, *names):
    p = plain(t)
    return lambda f, d, o, rc: f == p and all(_norm(n) in _dirs(d) for n in names)


def made_empty(t, path):
    p = plain(t)

    def chk(f, d, o, rc):
        if set(f) != set(p) | {path}:
            return False
        return all(f[k] == v for k, v in p.items()) and isinstance(f[path], str) and f[path].strip() == ""

    return chk


def ends_with(path, text):
    return lambda f, d, o, rc: isinstance(f.get(path), str) and f[path].rstrip().endswith(text)


def starts_with(path, text):
    return lambda f, d, o, rc: isinstance(f.get(path), str) and f[path].lstrip().startswith(text)


def is_text(path, text):
    """whole content is text (a trailing newline allowed)"""
    return lambda f, d, o, rc: isinstance(f.get(path), str) and f[path].strip() == text


def both(*checks):
    return lambda f, d, o, rc: all(c(f, d, o, rc) for c in checks)


def grouped(t, groups, base="", kinds=None):
    """classify check.  groups: lists of original paths.  Each grouped file must leave its place and
    end (same name, same content) in a subfolder below `base`; files of one group share a folder;
    groups of different kinds (default: every group its own kind) are in different folders.
    Files not named in any group stay where they were.  Nothing is lost or added."""
    src = plain(t)
    kinds = kinds or list(range(len(groups)))
    pre = (base.rstrip("/") + "/") if base else ""

    def chk(f, d, o, rc):
        if len(f) != len(src):
            return False
        named = {p for g in groups for p in g}
        for k, v in src.items():
            if k not in named and f.get(k) != v:
                return False
        where = {}
        for p in named:
            if p in f:
                return False
            hits = [
                k
                for k, v in f.items()
                if _base(k) == _base(p)
                and v == src[p]
                and k.startswith(pre)
                and _parent(k) != _parent(p)
                and k not in src
            ]
            if len(hits) != 1:
                return False
            where[p] = _parent(hits[0])
        folders = []
        for g in groups:
            fs = {where[p] for p in g}
            if len(fs) != 1:
                return False
            folders.append(fs.pop())
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                if kinds[i] != kinds[j] and folders[i] == folders[j]:
                    return False
        return True

    return chk


def sorted_to(t, mapping, bases=("",)):
    """keyword sort check: mapping {src: folder}; file must end in <base>/<folder>/<name> for one
    of the bases (folder named relative to root or to the sorted folder); others unchanged."""
    src = plain(t)

    def chk(f, d, o, rc):
        if len(f) != len(src):
            return False
        for k, v in src.items():
            if k not in mapping and f.get(k) != v:
                return False
        for p, folder in mapping.items():
            if p in f:
                return False
            cands = [(b.rstrip("/") + "/" if b else "") + folder.strip("/") + "/" + _base(p) for b in bases]
            if not any(f.get(c) == src[p] for c in cands):
                return False
        return True

    return chk


def renumbered(t, srcs, names):
    """template rename: the files srcs become exactly the paths names (any order), contents kept"""
    src = plain(t)

    def chk(f, d, o, rc):
        if len(f) != len(src):
            return False
        for k, v in src.items():
            if k not in srcs and f.get(k) != v:
                return False
        if any(s in f for s in srcs if s not in names):
            return False
        if not all(n in f for n in names):
            return False
        return Counter(f[n] for n in names) == Counter(src[s] for s in srcs)

    return chk


def _body(text):
    if text.startswith("---"):
        parts = text.split("---", 2)
        if len(parts) == 3:
            return parts[2].strip()
    return text.strip()


def tagged(t, add=None, remove=None):
    """tag check: every original file still exists; markdown files named in add carry the tags
    (front matter) and keep their body; tags in remove are gone; other files keep their content."""
    src = plain(t)
    add, remove = add or {}, remove or {}

    def chk(f, d, o, rc):
        for k, v in src.items():
            if k not in f or not isinstance(f[k], str):
                return False
            if k in add or k in remove:
                if k.endswith(".md"):
                    if _body(v) not in f[k]:
                        return False
                    if not all(tg in f[k] for tg in add.get(k, ())):
                        return False
                    if any(tg in f[k] for tg in remove.get(k, ())):
                        return False
                elif v not in f[k]:
                    return False
            elif f[k] != v:
                return False
        return True

    return chk


# =============================================================================================
# MOVE
# =============================================================================================
T = pad(
    {
        "inbox/invoice_march.pdf": "pdf march",
        "inbox/invoice_april.pdf": "pdf april",
        "inbox/notes.txt": "some notes",
        "inbox/photo.jpg": "jpgdata",
        "archive/old.pdf": "old pdf",
    }
)
case(
    id="pi-mv-001",
    lang="en",
    prompt="move the pdf files in inbox to archive",
    tree=T,
    expect=into(T, "archive", "inbox/invoice_march.pdf", "inbox/invoice_april.pdf"),
    kind="move",
)
case(
    id="pi-mv-002",
    lang="zh",
    prompt="把 inbox 里的所有 pdf 移动到 archive",
    tree=T,
    expect=into(T, "archive", "inbox/invoice_march.pdf", "inbox/invoice_april.pdf"),
    kind="move",
)

T = pad({"notes.txt": "remember the milk", "readme.md": "# readme", "docs/guide.md": "guide"})
case(
    id="pi-mv-003",
    lang="en",
    prompt="Could you please put notes.txt into the folder called docs?",
    tree=T,
    expect=into(T, "docs", "notes.txt"),
    kind="move",
)
case(
    id="pi-mv-004",
    lang="zh",
    prompt="将 notes.txt 移至 docs 目录",
    tree=T,
    expect=into(T, "docs", "notes.txt"),
    kind="move",
)

T = pad({"report.docx": "report body", "budget.xlsx": "numbers", "work/plan.docx": "plan"})
case(
    id="pi-mv-005",
    lang="en",
    prompt="mvoe report.docx to work",
    tree=T,
    expect=into(T, "work", "report.docx"),
    kind="move",
)
case(
    id="pi-mv-006",
    lang="zh",
    prompt="帮我把 report.docx 挪到 work 文件夹里",
    tree=T,
    expect=into(T, "work", "report.docx"),
    kind="move",
)

T = pad(
    {
        "downloads/cat.jpg": "cat",
        "downloads/dog.jpg": "dog",
        "downloads/chart.png": "chart",
        "downloads/setup.exe": "exe",
        "pictures/": None,
    }
)
case(
    id="pi-mv-007",
    lang="en",
    prompt="shift all the .jpg files from downloads into pictures",
    tree=T,
    expect=into(T, "pictures", "downloads/cat.jpg", "downloads/dog.jpg"),
    kind="move",
)
case(
    id="pi-mv-008",
    lang="zh",
    prompt="把 downloads 下面的 jpg 图片都搬到 pictures",
    tree=T,
    expect=into(T, "pictures", "downloads/cat.jpg", "downloads/dog.jpg"),
    kind="move",
)

T = pad({"drafts/chapter1.md": "# Chapter 1", "drafts/chapter2.md": "# Chapter 2", "book/intro.md": "# Intro"})
case(
    id="pi-mv-009",
    lang="en",
    prompt="relocate drafts/chapter1.md to book/",
    tree=T,
    expect=into(T, "book", "drafts/chapter1.md"),
    kind="move",
)

T = pad(
    {
        "data/raw/jan.csv": "a,b\n1,2\n",
        "data/raw/feb.csv": "a,b\n3,4\n",
        "data/raw/readme.txt": "raw data",
        "data/processed/": None,
    }
)
case(
    id="pi-mv-010",
    lang="en",
    prompt="stick the csv files in data/raw into data/processed",
    tree=T,
    expect=into(T, "data/processed", "data/raw/jan.csv", "data/raw/feb.csv"),
    kind="move",
)

T = pad({"temp/app.log": "app log", "temp/db.log": "db log", "temp/cache.bin": "bin", "logs/": None})
case(
    id="pi-mv-011",
    lang="en",
    prompt="Hey, can you move everything in temp that ends in .log over to logs? thanks",
    tree=T,
    expect=into(T, "logs", "temp/app.log", "temp/db.log"),
    kind="move",
)
case(
    id="pi-mv-012",
    lang="zh",
    prompt="把 temp 文件夹里的 .log 文件全部移到 logs 里",
    tree=T,
    expect=into(T, "logs", "temp/app.log", "temp/db.log"),
    kind="move",
)

T = pad(
    {
        "old_projects/site/index.html": "<html></html>",
        "old_projects/notes.txt": "old notes",
        "archive/2019.txt": "2019",
        "current/app.py": "print(1)",
    }
)
case(
    id="pi-mv-013",
    lang="en",
    prompt="move the folder old_projects into archive",
    tree=T,
    expect=mvdir(T, "old_projects", "archive/old_projects"),
    kind="move",
)
case(
    id="pi-mv-014",
    lang="zh",
    prompt="麻烦把 old_projects 这个文件夹整个移到 archive 下面",
    tree=T,
    expect=mvdir(T, "old_projects", "archive/old_projects"),
    kind="move",
)

T = pad({"videos/clip1.mp4": BIG, "videos/clip2.mp4": "tiny clip", "videos/trailer.mp4": BIG, "videos/notes.txt": "n"})
case(
    id="pi-mv-015",
    lang="en",
    prompt="move files bigger than 1 MB in videos to external",
    tree=T,
    expect=into(T, "external", "videos/clip1.mp4", "videos/trailer.mp4"),
    kind="move",
)

T = pad({"data/dump.sql": BIG, "data/small.csv": "a,b", "data/export.json": BIG, "data/readme.txt": "about"})
case(
    id="pi-mv-016",
    lang="zh",
    prompt="把 data 里大于 1MB 的文件移到 big_files",
    tree=T,
    expect=into(T, "big_files", "data/dump.sql", "data/export.json"),
    kind="move",
)

T = pad(
    {
        "inbox/a.txt": "this is URGENT? no: urgent matter",
        "inbox/b.txt": "nothing special here",
        "inbox/c.txt": "please handle, urgent",
        "inbox/d.md": "urgent but markdown",
    }
)
case(
    id="pi-mv-017",
    lang="en",
    prompt="move the txt files in inbox that contain the word 'urgent' to priority",
    tree=T,
    expect=into(T, "priority", "inbox/a.txt", "inbox/c.txt"),
    kind="move",
)

T = pad(
    {
        "inbox/租房合同.txt": "这是一份租房合同，请签字",
        "inbox/购物清单.txt": "苹果 香蕉",
        "inbox/劳动合同.txt": "劳动合同 第一条",
        "inbox/日记.txt": "今天很开心",
    }
)
case(
    id="pi-mv-018",
    lang="zh",
    prompt="inbox 中内容包含“合同”二字的 txt 文件移动到 contracts",
    tree=T,
    expect=into(T, "contracts", "inbox/租房合同.txt", "inbox/劳动合同.txt"),
    kind="move",
)

T = pad(
    {
        "notes/2021_trip.md": ("trip notes", "2021-08-10"),
        "notes/ideas.md": ("ideas", "2024-02-01"),
        "notes/recipes.md": ("recipes", "2022-06-01"),
        "notes/today.md": ("today", "2024-05-20"),
    }
)
case(
    id="pi-mv-019",
    lang="en",
    prompt="move any .md files in notes modified before 2023-01-01 to notes/old",
    tree=T,
    expect=into(T, "notes/old", "notes/2021_trip.md", "notes/recipes.md"),
    kind="move",
)
case(
    id="pi-mv-020",
    lang="zh",
    prompt="把 notes 里 2023 年 1 月 1 日之前修改的 md 笔记移到 notes/old",
    tree=T,
    expect=into(T, "notes/old", "notes/2021_trip.md", "notes/recipes.md"),
    kind="move",
)

T = pad({"camera/IMG_001.jpg": "i1", "camera/IMG_002.jpg": "i2", "camera/DSC_100.jpg": "d1", "camera/video.mp4": "v"})
case(
    id="pi-mv-021",
    lang="en",
    prompt="move files starting with IMG_ in camera to photos",
    tree=T,
    expect=into(T, "photos", "camera/IMG_001.jpg", "camera/IMG_002.jpg"),
    kind="move",
)
case(
    id="pi-mv-022",
    lang="zh",
    prompt="把 camera 里文件名以 IMG_ 开头的照片挪到 photos",
    tree=T,
    expect=into(T, "photos", "camera/IMG_001.jpg", "camera/IMG_002.jpg"),
    kind="move",
)

T = pad({"budget_2023.xlsx": "b23", "budget_2024.xlsx": "b24", "budget_draft.xlsx": "bd", "letter.docx": "hi"})
case(
    id="pi-mv-023",
    lang="en",
    prompt="please relocate budget_2023.xlsx and budget_2024.xlsx into finance",
    tree=T,
    expect=into(T, "finance", "budget_2023.xlsx", "budget_2024.xlsx"),
    kind="move",
)

T = pad(
    {
        "desktop/screenshot_01.png": "s1",
        "desktop/screenshot_02.png": "s2",
        "desktop/logo.png": "logo",
        "desktop/todo.txt": "todo",
    }
)
case(
    id="pi-mv-024",
    lang="en",
    prompt="Put the png files in desktop whose names start with screenshot into desktop/screenshots",
    tree=T,
    expect=into(T, "desktop/screenshots", "desktop/screenshot_01.png", "desktop/screenshot_02.png"),
    kind="move",
)
case(
    id="pi-mv-025",
    lang="zh",
    prompt="把 desktop 里以 screenshot 开头的 png 移到 desktop/screenshots",
    tree=T,
    expect=into(T, "desktop/screenshots", "desktop/screenshot_01.png", "desktop/screenshot_02.png"),
    kind="move",
)

T = pad({"main.py": "print('main')", "utils.py": "def f(): pass", "README.md": "# app", "src/__init__.py": ""})
case(
    id="pi-mv-026",
    lang="en",
    prompt="i want main.py moved to src",
    tree=T,
    expect=into(T, "src", "main.py"),
    kind="move",
)
case(
    id="pi-mv-027", lang="zh", prompt="把 main.py 搬进 src 目录", tree=T, expect=into(T, "src", "main.py"), kind="move"
)

T = pad(
    {
        "src/legacy/old_api.py": "old api",
        "src/legacy/compat.py": "compat",
        "src/app.py": "app",
        "attic/readme.txt": "attic",
    }
)
case(
    id="pi-mv-028",
    lang="en",
    prompt="move src/legacy to attic",
    tree=T,
    expect=mvdir(T, "src/legacy", "attic/legacy"),
    kind="move",
)
case(
    id="pi-mv-029",
    lang="zh",
    prompt="把 src/legacy 目录移到 attic",
    tree=T,
    expect=mvdir(T, "src/legacy", "attic/legacy"),
    kind="move",
)

T = pad(
    {
        "downloads/photos.zip": "z1",
        "downloads/backup.zip": "z2",
        "downloads/manual.pdf": "pdf",
        "downloads/song.mp3": "mp3",
    }
)
case(
    id="pi-mv-030",
    lang="en",
    prompt="transfer every .zip in downloads to downloads/archives",
    tree=T,
    expect=into(T, "downloads/archives", "downloads/photos.zip", "downloads/backup.zip"),
    kind="move",
)
case(
    id="pi-mv-031",
    lang="zh",
    prompt="downloads 里的 zip 包都移动到 downloads/archives 吧",
    tree=T,
    expect=into(T, "downloads/archives", "downloads/photos.zip", "downloads/backup.zip"),
    kind="move",
)

T = pad(
    {
        "notes/call.md": "---\ntags: [urgent]\n---\nCall the bank\n",
        "notes/pay.md": "---\ntags: [urgent, money]\n---\nPay rent\n",
        "notes/read.md": "---\ntags: [later]\n---\nRead a book\n",
        "notes/plain.md": "no front matter\n",
    }
)
case(
    id="pi-mv-032",
    lang="en",
    prompt="move the notes tagged urgent to today",
    tree=T,
    expect=into(T, "today", "notes/call.md", "notes/pay.md"),
    kind="move",
)
case(
    id="pi-mv-033",
    lang="zh",
    prompt="把 notes 里带 urgent 标签的笔记移到 today 文件夹",
    tree=T,
    expect=into(T, "today", "notes/call.md", "notes/pay.md"),
    kind="move",
)

T = pad(
    {
        "reports/q1.docx": ("q1", "2024-01-15"),
        "reports/q2.docx": ("q2", "2024-04-10"),
        "reports/q3.docx": ("q3", "2024-07-09"),
        "reports/summary.pdf": ("sum", "2024-07-10"),
    }
)
case(
    id="pi-mv-034",
    lang="en",
    prompt="move the .docx files modified after 2024-03-01 from reports to reports/current",
    tree=T,
    expect=into(T, "reports/current", "reports/q2.docx", "reports/q3.docx"),
    kind="move",
)
case(
    id="pi-mv-035",
    lang="zh",
    prompt="将 2024 年 3 月 1 日以后修改过的 docx 从 reports 移到 reports/current",
    tree=T,
    expect=into(T, "reports/current", "reports/q2.docx", "reports/q3.docx"),
    kind="move",
)

T = pad(
    {
        "scans/receipt1.pdf": "r" * 500,
        "scans/receipt2.pdf": "r" * 800,
        "scans/contract.pdf": MID,
        "scans/cover.jpg": "j" * 300,
    }
)
case(
    id="pi-mv-036",
    lang="en",
    prompt="move all pdfs smaller than 100 KB from scans to scans/small",
    tree=T,
    expect=into(T, "scans/small", "scans/receipt1.pdf", "scans/receipt2.pdf"),
    kind="move",
)
case(
    id="pi-mv-037",
    lang="zh",
    prompt="把 scans 里小于 100KB 的 pdf 挪到 scans/small",
    tree=T,
    expect=into(T, "scans/small", "scans/receipt1.pdf", "scans/receipt2.pdf"),
    kind="move",
)

T = pad({"letter.txt": "Dear Ann", "memo.txt": "memo", "personal/diary.txt": "diary"})
case(
    id="pi-mv-038",
    lang="en",
    prompt="drag letter.txt into personal",
    tree=T,
    expect=into(T, "personal", "letter.txt"),
    kind="move",
)

T = pad({"photos/2019/beach.jpg": "beach", "photos/2019/hike.jpg": "hike", "albums/summer/pool.jpg": "pool"})
case(
    id="pi-mv-039",
    lang="en",
    prompt="move photos/2019/beach.jpg to albums/summer",
    tree=T,
    expect=into(T, "albums/summer", "photos/2019/beach.jpg"),
    kind="move",
)

T = pad(
    {
        "recordings/take1.wav": "w1",
        "recordings/take2.flac": "f2",
        "recordings/take3.wav": "w3",
        "recordings/lyrics.txt": "la la",
        "recordings/cover.png": "png",
    }
)
case(
    id="pi-mv-040",
    lang="en",
    prompt="Move the .wav and .flac files in recordings to audio",
    tree=T,
    expect=into(T, "audio", "recordings/take1.wav", "recordings/take2.flac", "recordings/take3.wav"),
    kind="move",
)
case(
    id="pi-mv-041",
    lang="zh",
    prompt="请把 recordings 里的 wav 和 flac 都移动到 audio 文件夹",
    tree=T,
    expect=into(T, "audio", "recordings/take1.wav", "recordings/take2.flac", "recordings/take3.wav"),
    kind="move",
)

T = pad({"config.yaml": "port: 80", "app.py": "import yaml", "config/defaults.yaml": "port: 8080"})
case(
    id="pi-mv-042",
    lang="en",
    prompt="can u move config.yaml to the config folder pls",
    tree=T,
    expect=into(T, "config", "config.yaml"),
    kind="move",
)

T = pad({"build/a.tmp": "t1", "build/b.tmp": "t2", "build/app.bin": "bin", "build/readme.txt": "r"})
case(
    id="pi-mv-043",
    lang="en",
    prompt="get all the .tmp files out of build and put them in junk",
    tree=T,
    expect=into(T, "junk", "build/a.tmp", "build/b.tmp"),
    kind="move",
)

T = pad({"README.md": "# Project", "LICENSE.txt": "MIT", "docs/usage.md": "usage", "src/lib.py": "x = 1"})
case(
    id="pi-mv-044",
    lang="zh",
    prompt="把 README.md 移到 docs 里",
    tree=T,
    expect=into(T, "docs", "README.md"),
    kind="move",
)

T = pad({"budget.xlsx": "money", "plan.xlsx": "plan", "finance/2023/old.xlsx": "old"})
case(
    id="pi-mv-045",
    lang="zh",
    prompt="把 budget.xlsx 移动到 finance/2024",
    tree=T,
    expect=into(T, "finance/2024", "budget.xlsx"),
    kind="move",
)

T = pad({"drafts/第一章.md": "# 第一章 开端", "drafts/第二章.md": "# 第二章", "book/序言.md": "# 序言"})
case(
    id="pi-mv-046",
    lang="zh",
    prompt="把 drafts/第一章.md 移到 book 里",
    tree=T,
    expect=into(T, "book", "drafts/第一章.md"),
    kind="move",
)

T = pad({"照片/旅行/长城.jpg": "gw", "照片/旅行/故宫.jpg": "gg", "照片/旅行/行程.txt": "行程安排", "相册/": None})
case(
    id="pi-mv-047",
    lang="zh",
    prompt="把 照片/旅行 里的所有 jpg 移动到 相册",
    tree=T,
    expect=into(T, "相册", "照片/旅行/长城.jpg", "照片/旅行/故宫.jpg"),
    kind="move",
)

T = pad({"会议记录.docx": "周一例会", "个人简历.docx": "简历", "工作/项目计划.docx": "计划"})
case(
    id="pi-mv-048",
    lang="zh",
    prompt="会议记录.docx 放到 工作 文件夹里去",
    tree=T,
    expect=into(T, "工作", "会议记录.docx"),
    kind="move",
)

T = pad({"inbox/scan_0012.pdf": "scan", "inbox/note.txt": "n", "inbox/pic.gif": "g", "processed/": None})
case(
    id="pi-mv-049",
    lang="en",
    prompt="Move inbox/scan_0012.pdf over to the processed folder, would you",
    tree=T,
    expect=into(T, "processed", "inbox/scan_0012.pdf"),
    kind="move",
)

T = pad({"music/intro.mp3": "m1", "music/outro.mp3": "m2", "music/playlist.m3u": "pl", "music/art.jpg": "a"})
case(
    id="pi-mv-050",
    lang="zh",
    prompt="music 文件夹中的 mp3 统统搬到 music/mp3 下",
    tree=T,
    expect=into(T, "music/mp3", "music/intro.mp3", "music/outro.mp3"),
    kind="move",
)

# =============================================================================================
# COPY
# =============================================================================================
T = pad({"a.txt": "alpha", "b.txt": "beta", "backup/": None})
case(
    id="pi-cp-001", lang="en", prompt="copy a.txt into backup", tree=T, expect=copied(T, "backup", "a.txt"), kind="copy"
)
case(
    id="pi-cp-002",
    lang="zh",
    prompt="把 a.txt 复制到 backup 文件夹",
    tree=T,
    expect=copied(T, "backup", "a.txt"),
    kind="copy",
)

T = pad({"config.yaml": "debug: false", "app.py": "run()", "config_backup/old.yaml": "debug: true"})
case(
    id="pi-cp-003",
    lang="en",
    prompt="make a copy of config.yaml in config_backup",
    tree=T,
    expect=copied(T, "config_backup", "config.yaml"),
    kind="copy",
)
case(
    id="pi-cp-004",
    lang="zh",
    prompt="拷贝一份 config.yaml 到 config_backup",
    tree=T,
    expect=copied(T, "config_backup", "config.yaml"),
    kind="copy",
)

T = pad({"docs/intro.md": "# Intro", "docs/api.md": "# API", "docs/logo.svg": "<svg/>", "docs/notes.txt": "n"})
case(
    id="pi-cp-005",
    lang="en",
    prompt="duplicate all the .md files in docs into docs_backup",
    tree=T,
    expect=copied(T, "docs_backup", "docs/intro.md", "docs/api.md"),
    kind="copy",
)
case(
    id="pi-cp-006",
    lang="zh",
    prompt="把 docs 里所有的 md 文件复制一份到 docs_backup",
    tree=T,
    expect=copied(T, "docs_backup", "docs/intro.md", "docs/api.md"),
    kind="copy",
)

T = pad({"photos/a.jpg": "A", "photos/trip/b.jpg": "B", "usb/readme.txt": "usb stick", "other.txt": "o"})
case(
    id="pi-cp-007",
    lang="en",
    prompt="copy the photos folder to usb",
    tree=T,
    expect=cpdir(T, "photos", "usb/photos"),
    kind="copy",
)
case(
    id="pi-cp-008",
    lang="zh",
    prompt="把 photos 整个文件夹拷到 usb 里",
    tree=T,
    expect=cpdir(T, "photos", "usb/photos"),
    kind="copy",
)

T = pad({"report.pdf": "report", "report_draft.pdf": "draft", "shared/team.txt": "team"})
case(
    id="pi-cp-009",
    lang="en",
    prompt="cp report.pdf to shared",
    tree=T,
    expect=copied(T, "shared", "report.pdf"),
    kind="copy",
)
case(
    id="pi-cp-010",
    lang="zh",
    prompt="复制 report.pdf 到 shared",
    tree=T,
    expect=copied(T, "shared", "report.pdf"),
    kind="copy",
)

T = pad({"data/sales.csv": "s,1", "data/users.csv": "u,2", "data/schema.json": "{}", "analysis/": None})
case(
    id="pi-cp-011",
    lang="en",
    prompt="Please copy every csv file from data into analysis/input.",
    tree=T,
    expect=copied(T, "analysis/input", "data/sales.csv", "data/users.csv"),
    kind="copy",
)
case(
    id="pi-cp-012",
    lang="zh",
    prompt="帮我把 data 里的 csv 都复制到 analysis/input",
    tree=T,
    expect=copied(T, "analysis/input", "data/sales.csv", "data/users.csv"),
    kind="copy",
)

T = pad({"src/main.py": "main", "src/util.py": "util", "src/style.css": "css", "src/index.html": "<html>"})
case(
    id="pi-cp-013",
    lang="en",
    prompt="back up the .py files in src to src_backup (copies, keep the originals)",
    tree=T,
    expect=copied(T, "src_backup", "src/main.py", "src/util.py"),
    kind="copy",
)
case(
    id="pi-cp-014",
    lang="zh",
    prompt="把 src 下的 py 文件复制一份备份到 src_backup",
    tree=T,
    expect=copied(T, "src_backup", "src/main.py", "src/util.py"),
    kind="copy",
)

T = pad(
    {
        "invoices/inv1.txt": "Invoice for ACME Ltd, 300 EUR",
        "invoices/inv2.txt": "Invoice for Globex, 20 EUR",
        "invoices/inv3.txt": "ACME Ltd second order",
        "clients/": None,
    }
)
case(
    id="pi-cp-015",
    lang="en",
    prompt="copy the invoices that mention ACME from invoices into clients/acme",
    tree=T,
    expect=copied(T, "clients/acme", "invoices/inv1.txt", "invoices/inv3.txt"),
    kind="copy",
)
case(
    id="pi-cp-016",
    lang="zh",
    prompt="把 invoices 里提到 ACME 的文件复制到 clients/acme",
    tree=T,
    expect=copied(T, "clients/acme", "invoices/inv1.txt", "invoices/inv3.txt"),
    kind="copy",
)

T = pad({"thesis.docx": "my thesis", "thesis_notes.txt": "notes", "drafts/v0.docx": "v0"})
case(
    id="pi-cp-017",
    lang="en",
    prompt="coppy thesis.docx into the folder drafts",
    tree=T,
    expect=copied(T, "drafts", "thesis.docx"),
    kind="copy",
)

T = pad({"logo.png": "logo", "icon.png": "icon", "banner.png": "banner", "assets/font.ttf": "font"})
case(
    id="pi-cp-018",
    lang="en",
    prompt="could you copy both logo.png and icon.png to assets?",
    tree=T,
    expect=copied(T, "assets", "logo.png", "icon.png"),
    kind="copy",
)
case(
    id="pi-cp-019",
    lang="zh",
    prompt="把 logo.png 和 icon.png 拷贝到 assets",
    tree=T,
    expect=copied(T, "assets", "logo.png", "icon.png"),
    kind="copy",
)

T = pad({"templates/base.html": "<base>", "templates/email.txt": "Hello {name}", "new_project/README.md": "# New"})
case(
    id="pi-cp-020",
    lang="en",
    prompt="copy the templates folder into new_project",
    tree=T,
    expect=cpdir(T, "templates", "new_project/templates"),
    kind="copy",
)
case(
    id="pi-cp-021",
    lang="zh",
    prompt="把 templates 文件夹复制一份放到 new_project 里",
    tree=T,
    expect=cpdir(T, "templates", "new_project/templates"),
    kind="copy",
)

T = pad({"camera/big1.jpg": BIG, "camera/thumb.jpg": "small", "camera/big2.jpg": BIG, "camera/movie.mp4": BIG})
case(
    id="pi-cp-022",
    lang="en",
    prompt="copy the jpgs larger than 1MB from camera to to_edit",
    tree=T,
    expect=copied(T, "to_edit", "camera/big1.jpg", "camera/big2.jpg"),
    kind="copy",
)
case(
    id="pi-cp-023",
    lang="zh",
    prompt="把 camera 里超过 1MB 的 jpg 复制到 to_edit",
    tree=T,
    expect=copied(T, "to_edit", "camera/big1.jpg", "camera/big2.jpg"),
    kind="copy",
)

T = pad({"notes/todo.md": "- [ ] ship it", "notes/done.md": "- [x] plan", "archive/2024/": None})
case(
    id="pi-cp-024",
    lang="en",
    prompt="duplicate notes/todo.md into archive/2024",
    tree=T,
    expect=copied(T, "archive/2024", "notes/todo.md"),
    kind="copy",
)

T = pad({"settings.json": '{"theme": "dark"}', "package.json": "{}", "config/": None})
case(
    id="pi-cp-025",
    lang="en",
    prompt="I need a copy of settings.json inside config, leave the original where it is",
    tree=T,
    expect=copied(T, "config", "settings.json"),
    kind="copy",
)

T = pad(
    {
        "letters/to_mom.txt": ("hi mom", "2021-05-01"),
        "letters/to_bank.txt": ("dear bank", "2023-03-03"),
        "letters/to_tom.txt": ("hey tom", "2020-12-24"),
        "letters/scan.pdf": ("pdf", "2020-01-01"),
    }
)
case(
    id="pi-cp-026",
    lang="en",
    prompt="copy all txt files in letters modified before 2022-01-01 to letters_old",
    tree=T,
    expect=copied(T, "letters_old", "letters/to_mom.txt", "letters/to_tom.txt"),
    kind="copy",
)

T = pad({"合同.pdf": "合同正文", "报价单.pdf": "报价", "法务/说明.txt": "法务部"})
case(
    id="pi-cp-027",
    lang="zh",
    prompt="合同.pdf 拷一份到 法务 文件夹",
    tree=T,
    expect=copied(T, "法务", "合同.pdf"),
    kind="copy",
)

# =============================================================================================
# RENAME (single and batch)
# =============================================================================================
T = pad({"a.txt": "alpha", "c.txt": "gamma", "docs/a.txt": "other alpha"})
case(id="pi-rn-001", lang="en", prompt="rename a.txt to b.txt", tree=T, expect=mv(T, {"a.txt": "b.txt"}), kind="rename")
case(
    id="pi-rn-002", lang="zh", prompt="把 a.txt 重命名为 b.txt", tree=T, expect=mv(T, {"a.txt": "b.txt"}), kind="rename"
)

T = pad({"notes/draft.md": "# draft", "notes/ideas.md": "# ideas", "draft.md": "root draft"})
case(
    id="pi-rn-003",
    lang="en",
    prompt="rename notes/draft.md to notes/final.md",
    tree=T,
    expect=mv(T, {"notes/draft.md": "notes/final.md"}),
    kind="rename",
)
case(
    id="pi-rn-004",
    lang="zh",
    prompt="把 notes/draft.md 改名成 final.md",
    tree=T,
    expect=mv(T, {"notes/draft.md": "notes/final.md"}),
    kind="rename",
)

T = pad({"report_v1.docx": "v1", "report_v0.docx": "v0", "notes.txt": "n"})
case(
    id="pi-rn-005",
    lang="en",
    prompt="change the name of report_v1.docx to report_final.docx",
    tree=T,
    expect=mv(T, {"report_v1.docx": "report_final.docx"}),
    kind="rename",
)

T = pad({"todo.txt": "- buy milk", "done.txt": "- nothing"})
case(
    id="pi-rn-006",
    lang="en",
    prompt="renmae todo.txt to tasks.txt",
    tree=T,
    expect=mv(T, {"todo.txt": "tasks.txt"}),
    kind="rename",
)

T = pad({"pics/a.jpg": "a", "pics/b.jpg": "b", "music/c.mp3": "c"})
case(
    id="pi-rn-007",
    lang="en",
    prompt="rename the folder pics to photos",
    tree=T,
    expect=mvdir(T, "pics", "photos"),
    kind="rename",
)
case(
    id="pi-rn-008",
    lang="zh",
    prompt="把 pics 文件夹改名为 photos",
    tree=T,
    expect=mvdir(T, "pics", "photos"),
    kind="rename",
)

T = pad({"utils.py": "def helper(): pass", "main.py": "import utils", "tests/test_utils.py": "test"})
case(
    id="pi-rn-009",
    lang="en",
    prompt="I'd like utils.py to be called helpers.py",
    tree=T,
    expect=mv(T, {"utils.py": "helpers.py"}),
    kind="rename",
)
case(
    id="pi-rn-010",
    lang="zh",
    prompt="将 utils.py 重命名为 helpers.py",
    tree=T,
    expect=mv(T, {"utils.py": "helpers.py"}),
    kind="rename",
)

T = pad({"Meeting Notes.txt": "discussed budget", "agenda.txt": "agenda"})
case(
    id="pi-rn-011",
    lang="en",
    prompt="rename 'Meeting Notes.txt' to meeting_notes.txt",
    tree=T,
    expect=mv(T, {"Meeting Notes.txt": "meeting_notes.txt"}),
    kind="rename",
)
case(
    id="pi-rn-012",
    lang="zh",
    prompt="把 “Meeting Notes.txt” 改名为 会议纪要.txt",
    tree=T,
    expect=mv(T, {"Meeting Notes.txt": "会议纪要.txt"}),
    kind="rename",
)

T = pad(
    {
        "site/index.htm": "<h1>home</h1>",
        "site/about.htm": "<h1>about</h1>",
        "site/style.css": "body{}",
        "site/logo.png": "png",
    }
)
case(
    id="pi-rn-013",
    lang="en",
    prompt="change the extension of all .htm files in site to .html",
    tree=T,
    expect=mv(T, {"site/index.htm": "site/index.html", "site/about.htm": "site/about.html"}),
    kind="rename",
)
case(
    id="pi-rn-014",
    lang="zh",
    prompt="把 site 里所有 .htm 的扩展名改成 .html",
    tree=T,
    expect=mv(T, {"site/index.htm": "site/index.html", "site/about.htm": "site/about.html"}),
    kind="rename",
)

T = pad({"photos/cat.jpeg": "cat", "photos/dog.jpeg": "dog", "photos/bird.png": "bird", "photos/sea.jpg": "sea"})
case(
    id="pi-rn-015",
    lang="en",
    prompt="rename all .jpeg files in photos to .jpg",
    tree=T,
    expect=mv(T, {"photos/cat.jpeg": "photos/cat.jpg", "photos/dog.jpeg": "photos/dog.jpg"}),
    kind="rename",
)
case(
    id="pi-rn-016",
    lang="zh",
    prompt="把 photos 里的 jpeg 后缀都改成 jpg",
    tree=T,
    expect=mv(T, {"photos/cat.jpeg": "photos/cat.jpg", "photos/dog.jpeg": "photos/dog.jpg"}),
    kind="rename",
)

T = pad({"reports/sales.pdf": "s", "reports/hr.pdf": "h", "reports/notes.txt": "n", "other.pdf": "o"})
case(
    id="pi-rn-017",
    lang="en",
    prompt="add the prefix 2024_ to every pdf in reports",
    tree=T,
    expect=mv(T, {"reports/sales.pdf": "reports/2024_sales.pdf", "reports/hr.pdf": "reports/2024_hr.pdf"}),
    kind="rename",
)
case(
    id="pi-rn-018",
    lang="zh",
    prompt="给 reports 里的每个 pdf 文件名前面加上 2024_",
    tree=T,
    expect=mv(T, {"reports/sales.pdf": "reports/2024_sales.pdf", "reports/hr.pdf": "reports/2024_hr.pdf"}),
    kind="rename",
)

T = pad({"archive/jan.txt": "j", "archive/feb.txt": "f", "archive/index.md": "# idx"})
case(
    id="pi-rn-019",
    lang="en",
    prompt="add _old as a suffix to the names of the txt files in archive (before the extension)",
    tree=T,
    expect=mv(T, {"archive/jan.txt": "archive/jan_old.txt", "archive/feb.txt": "archive/feb_old.txt"}),
    kind="rename",
)
case(
    id="pi-rn-020",
    lang="zh",
    prompt="给 archive 里 txt 文件的文件名加上后缀 _old（加在扩展名前面）",
    tree=T,
    expect=mv(T, {"archive/jan.txt": "archive/jan_old.txt", "archive/feb.txt": "archive/feb_old.txt"}),
    kind="rename",
)

T = pad({"trip/DSC001.jpg": "p1", "trip/DSC002.jpg": "p2", "trip/DSC003.jpg": "p3", "trip/route.gpx": "gpx"})
case(
    id="pi-rn-021",
    lang="en",
    prompt="rename the jpgs in trip to trip_1.jpg, trip_2.jpg, trip_3.jpg and so on",
    tree=T,
    check=renumbered(
        T,
        ["trip/DSC001.jpg", "trip/DSC002.jpg", "trip/DSC003.jpg"],
        ["trip/trip_1.jpg", "trip/trip_2.jpg", "trip/trip_3.jpg"],
    ),
    kind="rename",
)
case(
    id="pi-rn-022",
    lang="zh",
    prompt="把 trip 里的 jpg 按 trip_1.jpg、trip_2.jpg、trip_3.jpg 这样依次重新命名",
    tree=T,
    check=renumbered(
        T,
        ["trip/DSC001.jpg", "trip/DSC002.jpg", "trip/DSC003.jpg"],
        ["trip/trip_1.jpg", "trip/trip_2.jpg", "trip/trip_3.jpg"],
    ),
    kind="rename",
)

T = pad({"posts/hello.md": "# hello", "posts/world.md": "# world", "posts/cover.png": "png"})
case(
    id="pi-rn-023",
    lang="en",
    prompt="prefix all the markdown files in posts with 'draft-'",
    tree=T,
    expect=mv(T, {"posts/hello.md": "posts/draft-hello.md", "posts/world.md": "posts/draft-world.md"}),
    kind="rename",
)
case(
    id="pi-rn-024",
    lang="zh",
    prompt="posts 里的所有 md 文件，文件名前面都加个前缀 draft-",
    tree=T,
    expect=mv(T, {"posts/hello.md": "posts/draft-hello.md", "posts/world.md": "posts/draft-world.md"}),
    kind="rename",
)

T = pad({"db/users.sql": "u", "db/orders.sql": "o", "readme.txt": "r"})
case(
    id="pi-rn-025",
    lang="en",
    prompt="put backup_ in front of each file name in db",
    tree=T,
    expect=mv(T, {"db/users.sql": "db/backup_users.sql", "db/orders.sql": "db/backup_orders.sql"}),
    kind="rename",
)

T = pad({"logs/server.txt": "srv", "logs/client.txt": "cli", "logs/notes.md": "md"})
case(
    id="pi-rn-026",
    lang="en",
    prompt="rename the .txt files in logs to .log",
    tree=T,
    expect=mv(T, {"logs/server.txt": "logs/server.log", "logs/client.txt": "logs/client.log"}),
    kind="rename",
)
case(
    id="pi-rn-027",
    lang="zh",
    prompt="把 logs 里的 txt 后缀全改为 log",
    tree=T,
    expect=mv(T, {"logs/server.txt": "logs/server.log", "logs/client.txt": "logs/client.log"}),
    kind="rename",
)

T = pad({"specs/login.docx": "l", "specs/search.docx": "s", "specs/overview.pdf": "o"})
case(
    id="pi-rn-028",
    lang="en",
    prompt="append _v2 to the file names of the docx files in specs",
    tree=T,
    expect=mv(T, {"specs/login.docx": "specs/login_v2.docx", "specs/search.docx": "specs/search_v2.docx"}),
    kind="rename",
)
case(
    id="pi-rn-029",
    lang="zh",
    prompt="把 specs 里的 docx 文件名都加上后缀 _v2",
    tree=T,
    expect=mv(T, {"specs/login.docx": "specs/login_v2.docx", "specs/search.docx": "specs/search_v2.docx"}),
    kind="rename",
)

T = pad({"scans/a.png": "pa", "scans/b.png": "pb", "scans/index.txt": "idx"})
case(
    id="pi-rn-030",
    lang="en",
    prompt="rename the png files in scans to page_1.png, page_2.png, ...",
    tree=T,
    check=renumbered(T, ["scans/a.png", "scans/b.png"], ["scans/page_1.png", "scans/page_2.png"]),
    kind="rename",
)
case(
    id="pi-rn-031",
    lang="zh",
    prompt="把 scans 里的 png 图片依次命名为 page_1.png、page_2.png ……",
    tree=T,
    check=renumbered(T, ["scans/a.png", "scans/b.png"], ["scans/page_1.png", "scans/page_2.png"]),
    kind="rename",
)

T = pad({"data/Sales.CSV": "s", "data/costs.csv": "c"})
case(
    id="pi-rn-032",
    lang="en",
    prompt="rename data/Sales.CSV to data/sales.csv",
    tree=T,
    expect=mv(T, {"data/Sales.CSV": "data/sales.csv"}),
    kind="rename",
)

T = pad({"tmp_output/result.txt": "42", "tmp_output/log.txt": "ok", "input/data.txt": "d"})
case(
    id="pi-rn-033",
    lang="en",
    prompt="rename the directory tmp_output to output",
    tree=T,
    expect=mvdir(T, "tmp_output", "output"),
    kind="rename",
)
case(
    id="pi-rn-034",
    lang="zh",
    prompt="把 tmp_output 目录改个名字，叫 output",
    tree=T,
    expect=mvdir(T, "tmp_output", "output"),
    kind="rename",
)

T = pad({"config.yml": "a: 1", "docker-compose.yml": "services: {}"})
case(
    id="pi-rn-035",
    lang="en",
    prompt="Please rename config.yml to config.yaml.",
    tree=T,
    expect=mv(T, {"config.yml": "config.yaml"}),
    kind="rename",
)
case(
    id="pi-rn-036",
    lang="zh",
    prompt="config.yml 改成 config.yaml",
    tree=T,
    expect=mv(T, {"config.yml": "config.yaml"}),
    kind="rename",
)

T = pad({"podcast/intro.mp3": "i", "podcast/interview.mp3": "v", "podcast/shownotes.txt": "s"})
case(
    id="pi-rn-037",
    lang="en",
    prompt="Give every .mp3 in podcast the prefix ep_",
    tree=T,
    expect=mv(T, {"podcast/intro.mp3": "podcast/ep_intro.mp3", "podcast/interview.mp3": "podcast/ep_interview.mp3"}),
    kind="rename",
)
case(
    id="pi-rn-038",
    lang="zh",
    prompt="给 podcast 文件夹里的 mp3 统一加前缀 ep_",
    tree=T,
    expect=mv(T, {"podcast/intro.mp3": "podcast/ep_intro.mp3", "podcast/interview.mp3": "podcast/ep_interview.mp3"}),
    kind="rename",
)

T = pad({"报告.docx": "年度总结", "附件.xlsx": "表格"})
case(
    id="pi-rn-039",
    lang="zh",
    prompt="报告.docx 改名叫 年度报告.docx",
    tree=T,
    expect=mv(T, {"报告.docx": "年度报告.docx"}),
    kind="rename",
)

T = pad({"img/pic.jpeg": "p", "img/pic2.jpeg": "p2", "img/pic3.gif": "g"})
case(
    id="pi-rn-040",
    lang="zh",
    prompt="img 目录下 .jpeg 结尾的文件，扩展名统一换成 .jpg",
    tree=T,
    expect=mv(T, {"img/pic.jpeg": "img/pic.jpg", "img/pic2.jpeg": "img/pic2.jpg"}),
    kind="rename",
)

# =============================================================================================
# DELETE
# =============================================================================================
T = pad({"a.tmp": "t", "b.tmp": "t2", "keep.txt": "keep me", "notes.md": "# notes"})
case(id="pi-rm-001", lang="en", prompt="delete the tmp files", tree=T, expect=rm(T, "a.tmp", "b.tmp"), kind="delete")
case(id="pi-rm-002", lang="zh", prompt="删除所有 tmp 文件", tree=T, expect=rm(T, "a.tmp", "b.tmp"), kind="delete")

T = pad({"old/a.txt": "a", "old/sub/b.txt": "b", "new/c.txt": "c", "readme.md": "r"})
case(id="pi-rm-003", lang="en", prompt="remove old/", tree=T, expect=rm(T, "old/"), kind="delete")
case(id="pi-rm-004", lang="zh", prompt="把 old 文件夹删掉", tree=T, expect=rm(T, "old/"), kind="delete")

T = pad({"logs/app.log": "app", "logs/error.log": "err", "logs/config.ini": "cfg", "app.log": "root log"})
case(
    id="pi-rm-005",
    lang="en",
    prompt="get rid of all the .log files in logs",
    tree=T,
    expect=rm(T, "logs/app.log", "logs/error.log"),
    kind="delete",
)
case(
    id="pi-rm-006",
    lang="zh",
    prompt="logs 里的 .log 文件全部删除",
    tree=T,
    expect=rm(T, "logs/app.log", "logs/error.log"),
    kind="delete",
)

T = pad({"draft_v1.docx": "v1", "draft_v2.docx": "v2", "final.docx": "final"})
case(id="pi-rm-007", lang="en", prompt="trash draft_v1.docx", tree=T, expect=rm(T, "draft_v1.docx"), kind="delete")
case(id="pi-rm-008", lang="zh", prompt="干掉 draft_v1.docx", tree=T, expect=rm(T, "draft_v1.docx"), kind="delete")

T = pad({"cache/x.bin": "x", "cache/y.bin": "y", "cache/index.json": "{}", "bin/tool.sh": "echo"})
case(
    id="pi-rm-009",
    lang="en",
    prompt="delete the .bin files in cache",
    tree=T,
    expect=rm(T, "cache/x.bin", "cache/y.bin"),
    kind="delete",
)
case(
    id="pi-rm-010",
    lang="zh",
    prompt="把 cache 里的 bin 文件清理掉",
    tree=T,
    expect=rm(T, "cache/x.bin", "cache/y.bin"),
    kind="delete",
)

T = pad({"build/out.o": "o", "build/app": "elf", "src/main.c": "int main(){}", "Makefile": "all:"})
case(id="pi-rm-011", lang="en", prompt="please delete the folder build", tree=T, expect=rm(T, "build/"), kind="delete")
case(id="pi-rm-012", lang="zh", prompt="删掉 build 目录", tree=T, expect=rm(T, "build/"), kind="delete")

T = pad({"notes_backup.txt": "backup", "notes.txt": "notes"})
case(
    id="pi-rm-013", lang="en", prompt="delte notes_backup.txt", tree=T, expect=rm(T, "notes_backup.txt"), kind="delete"
)

T = pad(
    {
        "downloads/movie.mkv": BIG,
        "downloads/installer.dmg": BIG,
        "downloads/readme.txt": "small",
        "downloads/icon.png": "tiny",
    }
)
case(
    id="pi-rm-014",
    lang="en",
    prompt="remove all files in downloads larger than 1 MB",
    tree=T,
    expect=rm(T, "downloads/movie.mkv", "downloads/installer.dmg"),
    kind="delete",
)
case(
    id="pi-rm-015",
    lang="zh",
    prompt="把 downloads 里超过 1MB 的文件删了",
    tree=T,
    expect=rm(T, "downloads/movie.mkv", "downloads/installer.dmg"),
    kind="delete",
)

T = pad(
    {
        "project/a.tmp": "1",
        "project/src/b.tmp": "2",
        "project/src/deep/c.tmp": "3",
        "project/src/main.py": "m",
        "other/d.tmp": "4",
    }
)
case(
    id="pi-rm-016",
    lang="en",
    prompt="delete the .tmp files in project and all its subfolders",
    tree=T,
    expect=rm(T, "project/a.tmp", "project/src/b.tmp", "project/src/deep/c.tmp"),
    kind="delete",
)
case(
    id="pi-rm-017",
    lang="zh",
    prompt="删除 project 及其所有子文件夹中的 .tmp 文件",
    tree=T,
    expect=rm(T, "project/a.tmp", "project/src/b.tmp", "project/src/deep/c.tmp"),
    kind="delete",
)

T = pad({"thumbs/1.png": "1", "thumbs/2.png": "2", "images/1.png": "big1"})
case(id="pi-rm-018", lang="en", prompt="wipe out the thumbs folder", tree=T, expect=rm(T, "thumbs/"), kind="delete")

T = pad({"db/users.bak": "u", "db/orders.bak": "o", "db/users.db": "db", "db/notes.txt": "n"})
case(
    id="pi-rm-019",
    lang="en",
    prompt="nuke the .bak files in db",
    tree=T,
    expect=rm(T, "db/users.bak", "db/orders.bak"),
    kind="delete",
)
case(
    id="pi-rm-020",
    lang="zh",
    prompt="把 db 里的 .bak 备份文件都删掉",
    tree=T,
    expect=rm(T, "db/users.bak", "db/orders.bak"),
    kind="delete",
)

T = pad(
    {
        "inbox/m1.txt": "WIN a prize! spam spam",
        "inbox/m2.txt": "lunch at noon?",
        "inbox/m3.txt": "this is spam",
        "inbox/m4.txt": "quarterly numbers",
    }
)
case(
    id="pi-rm-021",
    lang="en",
    prompt="erase the txt files in inbox that contain the word spam",
    tree=T,
    expect=rm(T, "inbox/m1.txt", "inbox/m3.txt"),
    kind="delete",
)

T = pad(
    {
        "inbox/促销.txt": "限时广告：全场五折",
        "inbox/通知.txt": "明天开会",
        "inbox/推广.txt": "这是一条广告",
        "inbox/账单.txt": "本月账单",
    }
)
case(
    id="pi-rm-022",
    lang="zh",
    prompt="删除 inbox 中内容包含“广告”的 txt 文件",
    tree=T,
    expect=rm(T, "inbox/促销.txt", "inbox/推广.txt"),
    kind="delete",
)

T = pad(
    {
        "logs/jan.log": ("j", "2023-01-15"),
        "logs/may.log": ("m", "2023-05-30"),
        "logs/jul.log": ("l", "2023-07-01"),
        "logs/dec.log": ("d", "2023-12-01"),
    }
)
case(
    id="pi-rm-023",
    lang="en",
    prompt="delete any log file in logs modified before 2023-06-01",
    tree=T,
    expect=rm(T, "logs/jan.log", "logs/may.log"),
    kind="delete",
)
case(
    id="pi-rm-024",
    lang="zh",
    prompt="把 logs 里 2023-06-01 之前修改的 log 文件删掉",
    tree=T,
    expect=rm(T, "logs/jan.log", "logs/may.log"),
    kind="delete",
)

T = pad({"photo.jpg": "orig", "photo_copy.jpg": "c1", "photo_copy2.jpg": "c2"})
case(
    id="pi-rm-025",
    lang="en",
    prompt="delete photo_copy.jpg and photo_copy2.jpg",
    tree=T,
    expect=rm(T, "photo_copy.jpg", "photo_copy2.jpg"),
    kind="delete",
)

T = pad({"temp.txt": "scratch", "template.txt": "tpl", "todo.txt": "t"})
case(
    id="pi-rm-026",
    lang="en",
    prompt="I don't need temp.txt anymore, delete it",
    tree=T,
    expect=rm(T, "temp.txt"),
    kind="delete",
)
case(id="pi-rm-027", lang="zh", prompt="temp.txt 不要了，删了吧", tree=T, expect=rm(T, "temp.txt"), kind="delete")

T = pad({"src/a.pyc": "c", "src/a.py": "p", "src/pkg/b.pyc": "c2", "src/pkg/b.py": "p2", "src/pkg/sub/c.pyc": "c3"})
case(
    id="pi-rm-028",
    lang="en",
    prompt="remove every .pyc file under src, including subfolders",
    tree=T,
    expect=rm(T, "src/a.pyc", "src/pkg/b.pyc", "src/pkg/sub/c.pyc"),
    kind="delete",
)
case(
    id="pi-rm-029",
    lang="zh",
    prompt="删除 src 下面（包括子目录）所有的 pyc 文件",
    tree=T,
    expect=rm(T, "src/a.pyc", "src/pkg/b.pyc", "src/pkg/sub/c.pyc"),
    kind="delete",
)

T = pad(
    {"exports/test_1.csv": "t1", "exports/test_2.csv": "t2", "exports/final.csv": "f", "exports/latest_test.csv": "l"}
)
case(
    id="pi-rm-030",
    lang="en",
    prompt="delete the files in exports whose names start with test_",
    tree=T,
    expect=rm(T, "exports/test_1.csv", "exports/test_2.csv"),
    kind="delete",
)
case(
    id="pi-rm-031",
    lang="zh",
    prompt="exports 里文件名以 test_ 开头的都删掉",
    tree=T,
    expect=rm(T, "exports/test_1.csv", "exports/test_2.csv"),
    kind="delete",
)

T = pad({"downloads/a.zip": "z", "downloads/b.zip": "z2", "downloads/c.pdf": "p", "downloads/d.txt": "t"})
case(
    id="pi-rm-032",
    lang="en",
    prompt="toss the .zip files from downloads",
    tree=T,
    expect=rm(T, "downloads/a.zip", "downloads/b.zip"),
    kind="delete",
)
case(
    id="pi-rm-033",
    lang="zh",
    prompt="把 downloads 里的 zip 压缩包删除",
    tree=T,
    expect=rm(T, "downloads/a.zip", "downloads/b.zip"),
    kind="delete",
)

T = pad({"sensors/s1.dat": "12", "sensors/s2.dat": "7", "sensors/s3.dat": "z" * 5000, "sensors/s4.dat": "q" * 8000})
case(
    id="pi-rm-034",
    lang="en",
    prompt="delete files smaller than 1 KB in sensors",
    tree=T,
    expect=rm(T, "sensors/s1.dat", "sensors/s2.dat"),
    kind="delete",
)

T = pad({"drafts/a.md": "a", "drafts/b.md": "b", "drafts/img/c.png": "c", "final/a.md": "A"})
case(id="pi-rm-035", lang="en", prompt="clear out the drafts folder", tree=T, expect=rm(T, "drafts/"), kind="delete")
case(id="pi-rm-036", lang="zh", prompt="清空 drafts 文件夹", tree=T, expect=rm(T, "drafts/"), kind="delete")

T = pad(
    {
        "notes/x.md": "---\ntags: [obsolete]\n---\nOld plan\n",
        "notes/y.md": "---\ntags: [active]\n---\nNew plan\n",
        "notes/z.md": "---\ntags: [obsolete, misc]\n---\nAncient\n",
    }
)
case(
    id="pi-rm-037",
    lang="en",
    prompt="delete the files tagged obsolete in notes",
    tree=T,
    expect=rm(T, "notes/x.md", "notes/z.md"),
    kind="delete",
)
case(
    id="pi-rm-038",
    lang="zh",
    prompt="删掉 notes 里带 obsolete 标签的笔记",
    tree=T,
    expect=rm(T, "notes/x.md", "notes/z.md"),
    kind="delete",
)

T = pad({"照片_副本.jpg": "copy", "照片.jpg": "orig", "视频.mp4": "v"})
case(id="pi-rm-039", lang="zh", prompt="请帮我删除 照片_副本.jpg", tree=T, expect=rm(T, "照片_副本.jpg"), kind="delete")

T = pad({"archive/2019/a.txt": "a", "archive/2020/b.txt": "b", "archive/2021/c.txt": "c", "current.txt": "cur"})
case(
    id="pi-rm-040",
    lang="en",
    prompt="Could you remove the archive/2019 directory and everything in it?",
    tree=T,
    expect=rm(T, "archive/2019/"),
    kind="delete",
)

T = pad({"screens/shot1.png": "1", "screens/shot2.png": "2", "screens/keep.jpg": "k", "notes.txt": "n"})
case(
    id="pi-rm-041",
    lang="zh",
    prompt="screens 下面的 png 截图一个都不要了，全删",
    tree=T,
    expect=rm(T, "screens/shot1.png", "screens/shot2.png"),
    kind="delete",
)

# =============================================================================================
# CREATE (file / folder)
# =============================================================================================
T = pad({"notes/todo.md": "- item", "readme.md": "# hi"})
case(
    id="pi-mk-001",
    lang="en",
    prompt="create notes/ideas.md with the text 'hello'",
    tree=T,
    expect=edit(T, {"notes/ideas.md": Contains("hello")}),
    kind="create",
)
case(
    id="pi-mk-002",
    lang="zh",
    prompt="新建一个文件 notes/ideas.md，内容是 hello",
    tree=T,
    expect=edit(T, {"notes/ideas.md": Contains("hello")}),
    kind="create",
)

T = pad({"data.csv": "a,b", "report.pdf": "pdf"})
case(
    id="pi-mk-003",
    lang="en",
    prompt="make a folder called exports",
    tree=T,
    check=made_dirs(T, "exports"),
    kind="create",
)
case(
    id="pi-mk-004", lang="zh", prompt="建一个叫 exports 的文件夹", tree=T, check=made_dirs(T, "exports"), kind="create"
)

T = pad({"done.txt": "finished things"})
case(
    id="pi-mk-005",
    lang="en",
    prompt="create an empty file named todo.txt",
    tree=T,
    check=made_empty(T, "todo.txt"),
    kind="create",
)
case(
    id="pi-mk-006", lang="zh", prompt="创建一个空文件 todo.txt", tree=T, check=made_empty(T, "todo.txt"), kind="create"
)

T = pad({"projects/2023/plan.md": "old plan"})
case(
    id="pi-mk-007",
    lang="en",
    prompt="new folder: projects/2024/q1",
    tree=T,
    check=made_dirs(T, "projects/2024/q1"),
    kind="create",
)
case(
    id="pi-mk-008",
    lang="zh",
    prompt="新建文件夹 projects/2024/q1",
    tree=T,
    check=made_dirs(T, "projects/2024/q1"),
    kind="create",
)

T = pad({"src/app.py": "print('app')"})
case(
    id="pi-mk-009",
    lang="en",
    prompt="create readme.md containing '# My Project'",
    tree=T,
    expect=edit(T, {"readme.md": Contains("# My Project")}),
    kind="create",
)
case(
    id="pi-mk-010",
    lang="zh",
    prompt="创建 readme.md，里面写上“# 我的项目”",
    tree=T,
    expect=edit(T, {"readme.md": Contains("# 我的项目")}),
    kind="create",
)

T = pad({"recipes.txt": "pancakes"})
case(
    id="pi-mk-011",
    lang="en",
    prompt="Could you create a file called shopping.txt with 'milk, eggs, bread' in it?",
    tree=T,
    expect=edit(T, {"shopping.txt": Contains("milk, eggs, bread")}),
    kind="create",
)
case(
    id="pi-mk-012",
    lang="zh",
    prompt="帮我建个 shopping.txt，内容写：牛奶、鸡蛋、面包",
    tree=T,
    expect=edit(T, {"shopping.txt": Contains("牛奶、鸡蛋、面包")}),
    kind="create",
)

T = pad({"old/readme.txt": "old"})
case(id="pi-mk-013", lang="en", prompt="mkdir backups", tree=T, check=made_dirs(T, "backups"), kind="create")

T = pad({"docs/guide.md": "guide"})
case(
    id="pi-mk-014",
    lang="en",
    prompt="create a new text file at docs/changelog.txt that says 'v1.0 released'",
    tree=T,
    expect=edit(T, {"docs/changelog.txt": Contains("v1.0 released")}),
    kind="create",
)
case(
    id="pi-mk-015",
    lang="zh",
    prompt="在 docs 下面新建 changelog.txt，写入“v1.0 发布”",
    tree=T,
    expect=edit(T, {"docs/changelog.txt": Contains("v1.0 发布")}),
    kind="create",
)

T = pad({"contracts.pdf": "c"})
case(
    id="pi-mk-016",
    lang="en",
    prompt="make me a folder named 'client files'",
    tree=T,
    check=made_dirs(T, "client files"),
    kind="create",
)

T = pad({"setup.py": "setup()"})
case(
    id="pi-mk-017",
    lang="en",
    prompt="create three folders: src, tests and docs",
    tree=T,
    check=made_dirs(T, "src", "tests", "docs"),
    kind="create",
)
case(
    id="pi-mk-018",
    lang="zh",
    prompt="新建 src、tests、docs 三个文件夹",
    tree=T,
    check=made_dirs(T, "src", "tests", "docs"),
    kind="create",
)

T = pad({"src/main.py": "import os", "setup.py": "setup()"})
case(
    id="pi-mk-019",
    lang="en",
    prompt="touch src/__init__.py",
    tree=T,
    check=made_empty(T, "src/__init__.py"),
    kind="create",
)

T = pad({"app.py": "run()"})
case(
    id="pi-mk-020",
    lang="en",
    prompt='create config.json with the content {"debug": true}',
    tree=T,
    expect=edit(T, {"config.json": Contains('"debug": true')}),
    kind="create",
)
case(
    id="pi-mk-021",
    lang="zh",
    prompt='创建 config.json，内容为 {"debug": true}',
    tree=T,
    expect=edit(T, {"config.json": Contains('"debug": true')}),
    kind="create",
)

T = pad({"finance/budget.xlsx": "b"})
case(
    id="pi-mk-022",
    lang="en",
    prompt="make a directory called invoices inside finance",
    tree=T,
    check=made_dirs(T, "finance/invoices"),
    kind="create",
)
case(
    id="pi-mk-023",
    lang="zh",
    prompt="在 finance 里建一个 invoices 目录",
    tree=T,
    check=made_dirs(T, "finance/invoices"),
    kind="create",
)

T = pad({"meetings/april.md": "# April"})
case(
    id="pi-mk-024",
    lang="en",
    prompt="Create a markdown file meetings/may.md with the heading '# Meeting 3 May'",
    tree=T,
    expect=edit(T, {"meetings/may.md": Contains("# Meeting 3 May")}),
    kind="create",
)

T = pad({"readme.txt": "scripts"})
case(
    id="pi-mk-025",
    lang="en",
    prompt="create a file hello.py containing print('hi')",
    tree=T,
    expect=edit(T, {"hello.py": Contains("print('hi')")}),
    kind="create",
)
case(
    id="pi-mk-026",
    lang="zh",
    prompt="新建 hello.py，内容 print('你好')",
    tree=T,
    expect=edit(T, {"hello.py": Contains("print('你好')")}),
    kind="create",
)

T = pad({"mail/sent/1.eml": "sent mail"})
case(
    id="pi-mk-027",
    lang="en",
    prompt="please make an empty folder called inbox under mail",
    tree=T,
    check=made_dirs(T, "mail/inbox"),
    kind="create",
)
case(
    id="pi-mk-028", lang="zh", prompt="创建一个目录 mail/inbox", tree=T, check=made_dirs(T, "mail/inbox"), kind="create"
)

T = pad({"journal/2024-04-30.txt": "rainy"})
case(
    id="pi-mk-029",
    lang="en",
    prompt="create notes.txt in the journal folder with 'Day 1: started'",
    tree=T,
    expect=edit(T, {"journal/notes.txt": Contains("Day 1: started")}),
    kind="create",
)
case(
    id="pi-mk-030",
    lang="zh",
    prompt="在 journal 里新建 2024-05-01.txt，写上“今天天气不错”",
    tree=T,
    expect=edit(T, {"journal/2024-05-01.txt": Contains("今天天气不错")}),
    kind="create",
)

T = pad({"report.docx": "r"})
case(
    id="pi-mk-031",
    lang="en",
    prompt="creat a folder named archive",
    tree=T,
    check=made_dirs(T, "archive"),
    kind="create",
)
case(id="pi-mk-032", lang="zh", prompt="建个文件夹叫 备份", tree=T, check=made_dirs(T, "备份"), kind="create")

T = pad({"周报/上周.md": "上周内容"})
case(
    id="pi-mk-033",
    lang="zh",
    prompt="在 周报 目录下新建一个名为 本周.md 的文件，内容是“本周完成了登录功能”",
    tree=T,
    expect=edit(T, {"周报/本周.md": Contains("本周完成了登录功能")}),
    kind="create",
)

# =============================================================================================
# UPDATE (append / prepend / replace / set content)
# =============================================================================================
T = pad({"log.txt": "started\n", "other.txt": "untouched\n"})
case(
    id="pi-up-001",
    lang="en",
    prompt="append 'done' to log.txt",
    tree=T,
    expect=edit(T, {"log.txt": Contains("started", "done")}),
    check=ends_with("log.txt", "done"),
    kind="update",
)
case(
    id="pi-up-002",
    lang="zh",
    prompt="在 log.txt 末尾追加一行 done",
    tree=T,
    expect=edit(T, {"log.txt": Contains("started", "done")}),
    check=ends_with("log.txt", "done"),
    kind="update",
)

T = pad({"todo.txt": "- call mom\n- pay rent\n", "done.txt": "- laundry\n"})
case(
    id="pi-up-003",
    lang="en",
    prompt="add the line 'buy milk' to the end of todo.txt",
    tree=T,
    expect=edit(T, {"todo.txt": Contains("- call mom", "- pay rent", "buy milk")}),
    check=ends_with("todo.txt", "buy milk"),
    kind="update",
)
case(
    id="pi-up-004",
    lang="zh",
    prompt="往 todo.txt 最后加上“买牛奶”",
    tree=T,
    expect=edit(T, {"todo.txt": Contains("- call mom", "- pay rent", "买牛奶")}),
    check=ends_with("todo.txt", "买牛奶"),
    kind="update",
)

T = pad({"notes.md": "first point\nsecond point\n", "notes.txt": "plain"})
case(
    id="pi-up-005",
    lang="en",
    prompt="prepend '# Notes' to notes.md",
    tree=T,
    expect=edit(T, {"notes.md": Contains("# Notes", "first point", "second point")}),
    check=starts_with("notes.md", "# Notes"),
    kind="update",
)
case(
    id="pi-up-006",
    lang="zh",
    prompt="在 notes.md 开头加上 # 笔记",
    tree=T,
    expect=edit(T, {"notes.md": Contains("# 笔记", "first point", "second point")}),
    check=starts_with("notes.md", "# 笔记"),
    kind="update",
)

T = pad(
    {
        "docs/a.md": "The colour of the sky.\n",
        "docs/b.md": "Favourite colour: red. Another colour: blue.\n",
        "docs/c.txt": "colour in a txt file\n",
        "readme.md": "colour at root\n",
    }
)
_E = edit(T, {"docs/a.md": "The color of the sky.\n", "docs/b.md": "Favourite color: red. Another color: blue.\n"})
case(
    id="pi-up-007",
    lang="en",
    prompt="replace 'colour' with 'color' in every md file in docs",
    tree=T,
    expect=_E,
    kind="update",
)
case(
    id="pi-up-008", lang="zh", prompt="把 docs 里所有 md 文件中的 colour 替换成 color", tree=T, expect=_E, kind="update"
)

T = pad({"config.ini": "[app]\ndebug=false\nport=8080\n", "prod.ini": "[app]\ndebug=false\n"})
case(
    id="pi-up-009",
    lang="en",
    prompt="in config.ini change debug=false to debug=true",
    tree=T,
    expect=edit(T, {"config.ini": "[app]\ndebug=true\nport=8080\n"}),
    kind="update",
)
case(
    id="pi-up-010",
    lang="zh",
    prompt="把 config.ini 里的 debug=false 改成 debug=true",
    tree=T,
    expect=edit(T, {"config.ini": "[app]\ndebug=true\nport=8080\n"}),
    kind="update",
)

T = pad({"status.txt": "broken since monday\n", "history.txt": "ok\n"})
case(
    id="pi-up-011",
    lang="en",
    prompt="overwrite status.txt with 'all good'",
    tree=T,
    expect=edit(T, {"status.txt": Contains("all good", absent=("broken",))}),
    check=is_text("status.txt", "all good"),
    kind="update",
)
case(
    id="pi-up-012",
    lang="zh",
    prompt="把 status.txt 的内容改成“一切正常”",
    tree=T,
    expect=edit(T, {"status.txt": Contains("一切正常", absent=("broken",))}),
    check=is_text("status.txt", "一切正常"),
    kind="update",
)

T = pad({"version.txt": "1.9.7\n", "CHANGELOG.md": "# Changes\n"})
case(
    id="pi-up-013",
    lang="en",
    prompt="set the content of version.txt to 2.0.1",
    tree=T,
    expect=edit(T, {"version.txt": Contains("2.0.1", absent=("1.9.7",))}),
    check=is_text("version.txt", "2.0.1"),
    kind="update",
)
case(
    id="pi-up-014",
    lang="zh",
    prompt="version.txt 内容直接覆盖为 2.0.1",
    tree=T,
    expect=edit(T, {"version.txt": Contains("2.0.1", absent=("1.9.7",))}),
    check=is_text("version.txt", "2.0.1"),
    kind="update",
)

T = pad({"essay.txt": "teh cat sat on teh mat.\n", "draft.txt": "teh end\n"})
case(
    id="pi-up-015",
    lang="en",
    prompt="fix the typo teh -> the in essay.txt",
    tree=T,
    expect=edit(T, {"essay.txt": "the cat sat on the mat.\n"}),
    kind="update",
)

T = pad({"essay.txt": "请先登陆系统，登陆后点击提交。\n", "readme.txt": "登陆说明\n"})
case(
    id="pi-up-016",
    lang="zh",
    prompt="把 essay.txt 里的“登陆”全部改成“登录”",
    tree=T,
    expect=edit(T, {"essay.txt": "请先登录系统，登录后点击提交。\n"}),
    kind="update",
)

T = pad({"report.txt": "Due 2023-01-05 and 2024-12-31. Ref 42.\n", "other.txt": "2020-01-01\n"})
case(
    id="pi-up-017",
    lang="en",
    prompt="in report.txt, replace every date like 2023-01-05 (regex \\d{4}-\\d{2}-\\d{2}) with DATE",
    tree=T,
    expect=edit(T, {"report.txt": "Due DATE and DATE. Ref 42.\n"}),
    kind="update",
)
case(
    id="pi-up-018",
    lang="zh",
    prompt="用正则把 report.txt 里形如 2023-01-05 的日期都替换成 DATE",
    tree=T,
    expect=edit(T, {"report.txt": "Due DATE and DATE. Ref 42.\n"}),
    kind="update",
)

T = pad({"src/a.py": "import os\n", "src/b.py": "x = 1\n", "src/readme.md": "docs\n"})
case(
    id="pi-up-019",
    lang="en",
    prompt="add '# Copyright 2024 ACME' at the top of every .py file in src",
    tree=T,
    expect=edit(
        T,
        {
            "src/a.py": Contains("# Copyright 2024 ACME", "import os"),
            "src/b.py": Contains("# Copyright 2024 ACME", "x = 1"),
        },
    ),
    check=both(starts_with("src/a.py", "# Copyright 2024 ACME"), starts_with("src/b.py", "# Copyright 2024 ACME")),
    kind="update",
)
case(
    id="pi-up-020",
    lang="zh",
    prompt="在 src 下每个 py 文件开头加一行 # Copyright 2024 ACME",
    tree=T,
    expect=edit(
        T,
        {
            "src/a.py": Contains("# Copyright 2024 ACME", "import os"),
            "src/b.py": Contains("# Copyright 2024 ACME", "x = 1"),
        },
    ),
    check=both(starts_with("src/a.py", "# Copyright 2024 ACME"), starts_with("src/b.py", "# Copyright 2024 ACME")),
    kind="update",
)

T = pad({"reviews/r1.txt": "good\n", "reviews/r2.txt": "bad\n", "reviews/summary.md": "summary\n"})
case(
    id="pi-up-021",
    lang="en",
    prompt="append a line saying 'reviewed' to every txt file in reviews",
    tree=T,
    expect=edit(T, {"reviews/r1.txt": Contains("good", "reviewed"), "reviews/r2.txt": Contains("bad", "reviewed")}),
    check=both(ends_with("reviews/r1.txt", "reviewed"), ends_with("reviews/r2.txt", "reviewed")),
    kind="update",
)
case(
    id="pi-up-022",
    lang="zh",
    prompt="给 reviews 里的每个 txt 文件末尾追加“已审阅”",
    tree=T,
    expect=edit(T, {"reviews/r1.txt": Contains("good", "已审阅"), "reviews/r2.txt": Contains("bad", "已审阅")}),
    check=both(ends_with("reviews/r1.txt", "已审阅"), ends_with("reviews/r2.txt", "已审阅")),
    kind="update",
)

T = pad({"links.md": "- http://a.example\n- http://b.example\n", "notes.md": "http://c.example\n"})
case(
    id="pi-up-023",
    lang="en",
    prompt="swap http:// for https:// in links.md",
    tree=T,
    expect=edit(T, {"links.md": "- https://a.example\n- https://b.example\n"}),
    kind="update",
)
case(
    id="pi-up-024",
    lang="zh",
    prompt="把 links.md 里的 http:// 全换成 https://",
    tree=T,
    expect=edit(T, {"links.md": "- https://a.example\n- https://b.example\n"}),
    kind="update",
)

T = pad(
    {
        "project/a.txt": "foo one\n",
        "project/sub/b.txt": "two foo foo\n",
        "project/sub/c.md": "foo md\n",
        "elsewhere.txt": "foo\n",
    }
)
_E = edit(T, {"project/a.txt": "bar one\n", "project/sub/b.txt": "two bar bar\n"})
case(
    id="pi-up-025",
    lang="en",
    prompt="replace foo with bar in all txt files in project, including subfolders",
    tree=T,
    expect=_E,
    kind="update",
)
case(
    id="pi-up-026",
    lang="zh",
    prompt="把 project 及子目录里所有 txt 中的 foo 替换成 bar",
    tree=T,
    expect=_E,
    kind="update",
)

T = pad({"letter.txt": "Dear Sam,\nThanks for the visit.\n", "envelope.txt": "Sam, 5 Main St\n"})
case(
    id="pi-up-027",
    lang="en",
    prompt="Could you add 'P.S. see you soon' to the bottom of letter.txt?",
    tree=T,
    expect=edit(T, {"letter.txt": Contains("Dear Sam,", "Thanks for the visit.", "P.S. see you soon")}),
    check=ends_with("letter.txt", "P.S. see you soon"),
    kind="update",
)
case(
    id="pi-up-028",
    lang="zh",
    prompt="在 letter.txt 最后补一句：祝好",
    tree=T,
    expect=edit(T, {"letter.txt": Contains("Dear Sam,", "Thanks for the visit.", "祝好")}),
    check=ends_with("letter.txt", "祝好"),
    kind="update",
)

T = pad(
    {
        "contracts/c1.txt": "Acme Corp agrees.\n",
        "contracts/c2.txt": "Signed by Acme Corp and Acme Corp.\n",
        "contracts/c3.pdf": "Acme Corp pdf\n",
    }
)
case(
    id="pi-up-029",
    lang="en",
    prompt="change all occurrences of 'Acme Corp' to 'Acme Inc' in the txt files in contracts",
    tree=T,
    expect=edit(
        T, {"contracts/c1.txt": "Acme Inc agrees.\n", "contracts/c2.txt": "Signed by Acme Inc and Acme Inc.\n"}
    ),
    kind="update",
)

T = pad(
    {
        "contracts/c1.txt": "甲方公司同意以下条款。\n",
        "contracts/c2.txt": "签约方：甲方公司\n",
        "contracts/readme.md": "甲方公司\n",
    }
)
case(
    id="pi-up-030",
    lang="zh",
    prompt="把 contracts 里 txt 文件中的“甲方公司”改为“星辰科技”",
    tree=T,
    expect=edit(T, {"contracts/c1.txt": "星辰科技同意以下条款。\n", "contracts/c2.txt": "签约方：星辰科技\n"}),
    kind="update",
)

T = pad({"proposal.md": "We propose a new park.\n", "budget.md": "100k\n"})
case(
    id="pi-up-031",
    lang="en",
    prompt="put DRAFT at the beginning of proposal.md",
    tree=T,
    expect=edit(T, {"proposal.md": Contains("DRAFT", "We propose a new park.")}),
    check=starts_with("proposal.md", "DRAFT"),
    kind="update",
)

T = pad({"motd.txt": "Server maintenance tonight\n"})
case(
    id="pi-up-032",
    lang="en",
    prompt="replace the text of motd.txt with 'Welcome back'",
    tree=T,
    expect=edit(T, {"motd.txt": Contains("Welcome back", absent=("maintenance",))}),
    check=is_text("motd.txt", "Welcome back"),
    kind="update",
)

T = pad({"tasks.md": "TODO: wash car\nTODO: call Ann\nDone: taxes\n", "other.md": "TODO: keep\n"})
case(
    id="pi-up-033",
    lang="en",
    prompt="in tasks.md replace 'TODO: ' with nothing (just remove it)",
    tree=T,
    expect=edit(T, {"tasks.md": "wash car\ncall Ann\nDone: taxes\n"}),
    kind="update",
)

# =============================================================================================
# LIST
# =============================================================================================
T = pad(
    {
        "photos/beach.jpg": "b",
        "photos/sunset.png": "s",
        "photos/caption.txt": "c",
        "photos/clip.mp4": "v",
        "other/portrait.jpg": "p",
    }
)
case(
    id="pi-ls-001",
    lang="en",
    prompt="show me the images in photos",
    tree=T,
    check=listed(T, ["beach.jpg", "sunset.png"], ["caption.txt", "clip.mp4", "portrait.jpg"]),
    kind="list",
)
case(
    id="pi-ls-002",
    lang="zh",
    prompt="列出 photos 里的图片",
    tree=T,
    check=listed(T, ["beach.jpg", "sunset.png"], ["caption.txt", "clip.mp4", "portrait.jpg"]),
    kind="list",
)

T = pad({"docs/guide.md": "g", "docs/faq.txt": "f", "docs/diagram.svg": "d", "src/main.py": "m", "setup.cfg": "s"})
case(
    id="pi-ls-003",
    lang="en",
    prompt="list the files in docs",
    tree=T,
    check=listed(T, ["guide.md", "faq.txt", "diagram.svg"], ["main.py", "setup.cfg"]),
    kind="list",
)
case(
    id="pi-ls-004",
    lang="zh",
    prompt="看看 docs 里有哪些文件",
    tree=T,
    check=listed(T, ["guide.md", "faq.txt", "diagram.svg"], ["main.py", "setup.cfg"]),
    kind="list",
)

T = pad(
    {
        "downloads/manual.pdf": "m",
        "downloads/ticket.pdf": "t",
        "downloads/song.mp3": "s",
        "downloads/setup.exe": "e",
        "papers/thesis.pdf": "th",
    }
)
case(
    id="pi-ls-005",
    lang="en",
    prompt="what pdfs are in downloads?",
    tree=T,
    check=listed(T, ["manual.pdf", "ticket.pdf"], ["song.mp3", "setup.exe", "thesis.pdf"]),
    kind="list",
)
case(
    id="pi-ls-006",
    lang="zh",
    prompt="downloads 里有哪些 pdf？",
    tree=T,
    check=listed(T, ["manual.pdf", "ticket.pdf"], ["song.mp3", "setup.exe", "thesis.pdf"]),
    kind="list",
)

T = pad({"reports/q1_sales.xlsx": "1", "reports/q2_sales.xlsx": "2", "reports/memo.docx": "m", "misc/recipe.txt": "r"})
case(
    id="pi-ls-007",
    lang="en",
    prompt="ls reports",
    tree=T,
    check=listed(T, ["q1_sales.xlsx", "q2_sales.xlsx", "memo.docx"], ["recipe.txt"]),
    kind="list",
)

T = pad(
    {
        "src/app.py": "a",
        "src/core/engine.py": "e",
        "src/core/deep/parser.py": "p",
        "src/style.css": "c",
        "scripts/deploy.py": "d",
    }
)
case(
    id="pi-ls-008",
    lang="en",
    prompt="list all .py files in src including subfolders",
    tree=T,
    check=listed(T, ["app.py", "engine.py", "parser.py"], ["style.css", "deploy.py"]),
    kind="list",
)
case(
    id="pi-ls-009",
    lang="zh",
    prompt="列出 src 及子目录下所有的 py 文件",
    tree=T,
    check=listed(T, ["app.py", "engine.py", "parser.py"], ["style.css", "deploy.py"]),
    kind="list",
)

T = pad({"data/huge_dump.sql": BIG, "data/archive_blob.bin": BIG, "data/tiny.csv": "a,b", "data/notes.txt": "hello"})
case(
    id="pi-ls-010",
    lang="en",
    prompt="which files in data are bigger than 1 MB?",
    tree=T,
    check=listed(T, ["huge_dump.sql", "archive_blob.bin"], ["tiny.csv", "notes.txt"]),
    kind="list",
)
case(
    id="pi-ls-011",
    lang="zh",
    prompt="data 里哪些文件大于 1MB",
    tree=T,
    check=listed(T, ["huge_dump.sql", "archive_blob.bin"], ["tiny.csv", "notes.txt"]),
    kind="list",
)

T = pad(
    {
        "notes/project.txt": "deadline is friday",
        "notes/shopping.txt": "eggs",
        "notes/taxes.txt": "the deadline: april",
        "notes/plan.md": "deadline in md",
    }
)
case(
    id="pi-ls-012",
    lang="en",
    prompt="list the txt files in notes that contain 'deadline'",
    tree=T,
    check=listed(T, ["project.txt", "taxes.txt"], ["shopping.txt", "plan.md"]),
    kind="list",
)

T = pad(
    {
        "notes/工作.txt": "截止日期是周五",
        "notes/购物.txt": "鸡蛋",
        "notes/报税.txt": "报税截止日期：四月",
        "notes/计划.md": "截止日期",
    }
)
case(
    id="pi-ls-013",
    lang="zh",
    prompt="列出 notes 里内容包含“截止日期”的 txt 文件",
    tree=T,
    check=listed(T, ["工作.txt", "报税.txt"], ["购物.txt", "计划.md"]),
    kind="list",
)

T = pad(
    {
        "logs/alpha.log": ("a", "2023-11-02"),
        "logs/bravo.log": ("b", "2024-02-14"),
        "logs/charlie.log": ("c", "2024-06-30"),
        "logs/delta.log": ("d", "2022-01-01"),
    }
)
case(
    id="pi-ls-014",
    lang="en",
    prompt="show files in logs modified after 2024-01-01",
    tree=T,
    check=listed(T, ["bravo.log", "charlie.log"], ["alpha.log", "delta.log"]),
    kind="list",
)
case(
    id="pi-ls-015",
    lang="zh",
    prompt="显示 logs 中 2024 年 1 月 1 日之后修改过的文件",
    tree=T,
    check=listed(T, ["bravo.log", "charlie.log"], ["alpha.log", "delta.log"]),
    kind="list",
)

T = pad(
    {"finance/inv_001.pdf": "1", "finance/inv_002.pdf": "2", "finance/budget.xlsx": "b", "finance/receipt.pdf": "r"}
)
case(
    id="pi-ls-016",
    lang="en",
    prompt="list files whose names start with inv_ in finance",
    tree=T,
    check=listed(T, ["inv_001.pdf", "inv_002.pdf"], ["budget.xlsx", "receipt.pdf"]),
    kind="list",
)
case(
    id="pi-ls-017",
    lang="zh",
    prompt="finance 里文件名以 inv_ 开头的有哪些",
    tree=T,
    check=listed(T, ["inv_001.pdf", "inv_002.pdf"], ["budget.xlsx", "receipt.pdf"]),
    kind="list",
)

T = pad({"projects/alpha/spec.md": "s", "projects/beta/plan.md": "p", "projects/overview.md": "o"})
case(
    id="pi-ls-018",
    lang="en",
    prompt="show me the folders in projects",
    tree=T,
    check=listed(T, ["alpha", "beta"], ["overview.md"]),
    kind="list",
)
case(
    id="pi-ls-019",
    lang="zh",
    prompt="列一下 projects 下面的子文件夹",
    tree=T,
    check=listed(T, ["alpha", "beta"], ["overview.md"]),
    kind="list",
)

T = pad(
    {
        "notes/call.md": "---\ntags: [urgent]\n---\nCall bank\n",
        "notes/fix.md": "---\ntags: [urgent, home]\n---\nFix sink\n",
        "notes/book.md": "---\ntags: [later]\n---\nRead\n",
        "notes/misc.md": "nothing\n",
    }
)
case(
    id="pi-ls-020",
    lang="en",
    prompt="list the md files tagged urgent in notes",
    tree=T,
    check=listed(T, ["call.md", "fix.md"], ["book.md", "misc.md"]),
    kind="list",
)
case(
    id="pi-ls-021",
    lang="zh",
    prompt="把 notes 里带 urgent 标签的笔记列出来",
    tree=T,
    check=listed(T, ["call.md", "fix.md"], ["book.md", "misc.md"]),
    kind="list",
)

T = pad({"wiki/home.md": "h", "wiki/howto/setup.md": "s", "wiki/howto/deep/faq.md": "f", "wiki/logo.png": "l"})
case(
    id="pi-ls-022",
    lang="en",
    prompt="Can you list every markdown file in wiki, subfolders too?",
    tree=T,
    check=listed(T, ["home.md", "setup.md", "faq.md"], ["logo.png"]),
    kind="list",
)

T = pad({"inbox/letter.docx": "l", "inbox/photo.heic": "p", "inbox/bill.pdf": "b", "outbox/sent.txt": "s"})
case(
    id="pi-ls-023",
    lang="en",
    prompt="what's in the inbox folder?",
    tree=T,
    check=listed(T, ["letter.docx", "photo.heic", "bill.pdf"], ["sent.txt"]),
    kind="list",
)
case(
    id="pi-ls-024",
    lang="zh",
    prompt="inbox 文件夹里都有什么文件",
    tree=T,
    check=listed(T, ["letter.docx", "photo.heic", "bill.pdf"], ["sent.txt"]),
    kind="list",
)

T = pad({"media/track1.mp3": "1", "media/voice.wav": "2", "media/movie.mp4": "3", "media/cover.jpg": "4"})
case(
    id="pi-ls-025",
    lang="en",
    prompt="list all the mp3 and wav files in media",
    tree=T,
    check=listed(T, ["track1.mp3", "voice.wav"], ["movie.mp4", "cover.jpg"]),
    kind="list",
)
case(
    id="pi-ls-026",
    lang="zh",
    prompt="media 里的 mp3 和 wav 文件都列出来",
    tree=T,
    check=listed(T, ["track1.mp3", "voice.wav"], ["movie.mp4", "cover.jpg"]),
    kind="list",
)

T = pad(
    {"exports/tiny_a.csv": "a,b", "exports/tiny_b.csv": "c,d", "exports/full.csv": "z" * 5000, "exports/log.txt": "l"}
)
case(
    id="pi-ls-027",
    lang="en",
    prompt="show me the csv files smaller than 1 KB in exports",
    tree=T,
    check=listed(T, ["tiny_a.csv", "tiny_b.csv"], ["full.csv", "log.txt"]),
    kind="list",
)

# =============================================================================================
# READ
# =============================================================================================
T = pad({"notes/todo.txt": "water the ferns\nrenew passport\n", "notes/done.txt": "filed taxes\n"})
case(
    id="pi-rd-001",
    lang="en",
    prompt="show me what's in notes/todo.txt",
    tree=T,
    check=listed(T, ["water the ferns", "renew passport"], ["filed taxes"]),
    kind="read",
)
case(
    id="pi-rd-002",
    lang="zh",
    prompt="看看 notes/todo.txt 里写了什么",
    tree=T,
    check=listed(T, ["water the ferns", "renew passport"], ["filed taxes"]),
    kind="read",
)

T = pad({"config.yaml": "server:\n  port: 8443\n  host: zebra.local\n", "secrets.yaml": "token: hidden-value-77\n"})
case(
    id="pi-rd-003",
    lang="en",
    prompt="read config.yaml",
    tree=T,
    check=listed(T, ["port: 8443", "zebra.local"], ["hidden-value-77"]),
    kind="read",
)
case(
    id="pi-rd-004",
    lang="zh",
    prompt="读取 config.yaml 的内容",
    tree=T,
    check=listed(T, ["port: 8443", "zebra.local"], ["hidden-value-77"]),
    kind="read",
)

T = pad({"readme.md": "# Gizmo\nGizmo turns widgets into sprockets.\n", "license.md": "MIT License text\n"})
case(
    id="pi-rd-005",
    lang="en",
    prompt="display the contents of readme.md",
    tree=T,
    check=listed(T, ["Gizmo turns widgets into sprockets."], ["MIT License text"]),
    kind="read",
)
case(
    id="pi-rd-006",
    lang="zh",
    prompt="显示 readme.md 的内容",
    tree=T,
    check=listed(T, ["Gizmo turns widgets into sprockets."], ["MIT License text"]),
    kind="read",
)

T = pad({"logs/app.log": "2024-05-01 INFO boot ok\n2024-05-01 ERROR disk quota\n", "logs/db.log": "db fine\n"})
case(
    id="pi-rd-007",
    lang="en",
    prompt="cat logs/app.log",
    tree=T,
    check=listed(T, ["INFO boot ok", "ERROR disk quota"], ["db fine"]),
    kind="read",
)
case(
    id="pi-rd-008",
    lang="zh",
    prompt="帮我查看一下 logs/app.log 的内容",
    tree=T,
    check=listed(T, ["INFO boot ok", "ERROR disk quota"], ["db fine"]),
    kind="read",
)

T = pad({"hello.txt": "Greetings from the lighthouse keeper.\n", "bye.txt": "Farewell, sailor.\n"})
case(
    id="pi-rd-009",
    lang="en",
    prompt="what does hello.txt say?",
    tree=T,
    check=listed(T, ["Greetings from the lighthouse keeper."], ["Farewell, sailor."]),
    kind="read",
)
case(
    id="pi-rd-010",
    lang="zh",
    prompt="hello.txt 里面是什么内容？",
    tree=T,
    check=listed(T, ["Greetings from the lighthouse keeper."], ["Farewell, sailor."]),
    kind="read",
)

T = pad({"recipe.md": "## Soup\n2 carrots, 1 leek, salt\n", "menu.md": "Monday: pasta\n"})
case(
    id="pi-rd-011",
    lang="en",
    prompt="let me see recipe.md",
    tree=T,
    check=listed(T, ["2 carrots, 1 leek, salt"], ["Monday: pasta"]),
    kind="read",
)

T = pad({"shopping list.txt": "oat milk\nrye bread\n", "wishlist.txt": "a red bicycle\n"})
case(
    id="pi-rd-012",
    lang="en",
    prompt="Can you show me the contents of the file called 'shopping list.txt'?",
    tree=T,
    check=listed(T, ["oat milk", "rye bread"], ["a red bicycle"]),
    kind="read",
)

T = pad({"data/settings.ini": "[ui]\nfont_size=14\nlanguage=fr\n", "data/other.ini": "[x]\nmode=legacy\n"})
case(
    id="pi-rd-013",
    lang="en",
    prompt="read me data/settings.ini please",
    tree=T,
    check=listed(T, ["font_size=14", "language=fr"], ["mode=legacy"]),
    kind="read",
)
case(
    id="pi-rd-014",
    lang="zh",
    prompt="cat 一下 data/settings.ini",
    tree=T,
    check=listed(T, ["font_size=14", "language=fr"], ["mode=legacy"]),
    kind="read",
)

T = pad({"poem.txt": "The fog comes\non little cat feet.\n", "prose.txt": "It was a dark and stormy night.\n"})
case(
    id="pi-rd-015",
    lang="en",
    prompt="output the text of poem.txt",
    tree=T,
    check=listed(T, ["The fog comes", "on little cat feet."], ["dark and stormy"]),
    kind="read",
)

T = pad({"会议纪要.txt": "一、确定上线时间为六月\n二、预算增加百分之十\n", "待办.txt": "买菜做饭\n"})
case(
    id="pi-rd-016",
    lang="zh",
    prompt="把 会议纪要.txt 的内容给我看看",
    tree=T,
    check=listed(T, ["确定上线时间为六月", "预算增加百分之十"], ["买菜做饭"]),
    kind="read",
)

T = pad({"诗.txt": "床前明月光，疑是地上霜。\n", "散文.txt": "荷塘月色\n"})
case(
    id="pi-rd-017",
    lang="zh",
    prompt="读一下 诗.txt",
    tree=T,
    check=listed(T, ["床前明月光，疑是地上霜。"], ["荷塘月色"]),
    kind="read",
)

# =============================================================================================
# CLASSIFY / SORT
# =============================================================================================
T = pad(
    {
        "downloads/a.pdf": "pa",
        "downloads/b.pdf": "pb",
        "downloads/c.jpg": "jc",
        "downloads/d.jpg": "jd",
        "downloads/e.mp3": "me",
        "downloads/f.txt": "tf",
    }
)
_G = [
    ["downloads/a.pdf", "downloads/b.pdf"],
    ["downloads/c.jpg", "downloads/d.jpg"],
    ["downloads/e.mp3"],
    ["downloads/f.txt"],
]
case(
    id="pi-cl-001",
    lang="en",
    prompt="sort downloads by extension",
    tree=T,
    check=grouped(T, _G, "downloads"),
    kind="classify",
)
case(
    id="pi-cl-002",
    lang="zh",
    prompt="把 downloads 按扩展名分类",
    tree=T,
    check=grouped(T, _G, "downloads"),
    kind="classify",
)

T = pad(
    {
        "inbox/report.pdf": "r",
        "inbox/letter.docx": "l",
        "inbox/cat.jpg": "c",
        "inbox/dog.png": "d",
        "inbox/song.mp3": "s",
        "inbox/voice.wav": "v",
        "inbox/movie.mp4": "m",
    }
)
_G = [
    ["inbox/report.pdf", "inbox/letter.docx"],
    ["inbox/cat.jpg", "inbox/dog.png"],
    ["inbox/song.mp3", "inbox/voice.wav"],
    ["inbox/movie.mp4"],
]
case(
    id="pi-cl-003",
    lang="en",
    prompt="classify the files in inbox by type",
    tree=T,
    check=grouped(T, _G, "inbox"),
    kind="classify",
)
case(
    id="pi-cl-004",
    lang="zh",
    prompt="把 inbox 里的文件按类型整理一下",
    tree=T,
    check=grouped(T, _G, "inbox"),
    kind="classify",
)

T = pad(
    {
        "downloads/manual.pdf": "m",
        "downloads/brochure.pdf": "i",
        "downloads/holiday.jpg": "h",
        "downloads/party.jpg": "p",
        "downloads/podcast.mp3": "pc",
        "downloads/photos.zip": "z",
    }
)
_G = [
    ["downloads/manual.pdf", "downloads/brochure.pdf"],
    ["downloads/holiday.jpg", "downloads/party.jpg"],
    ["downloads/podcast.mp3"],
    ["downloads/photos.zip"],
]
case(
    id="pi-cl-005",
    lang="en",
    prompt="organize my downloads",
    tree=T,
    check=grouped(T, _G, "downloads"),
    kind="classify",
)
case(
    id="pi-cl-006",
    lang="zh",
    prompt="帮我整理一下 downloads 文件夹",
    tree=T,
    check=grouped(T, _G, "downloads"),
    kind="classify",
)

T = pad(
    {
        "camera/a.jpg": ("a", "2021-05-12"),
        "camera/b.jpg": ("b", "2021-11-20"),
        "camera/c.jpg": ("c", "2022-03-15"),
        "camera/d.jpg": ("d", "2023-07-07"),
        "camera/e.jpg": ("e", "2023-02-10"),
    }
)
_G = [["camera/a.jpg", "camera/b.jpg"], ["camera/c.jpg"], ["camera/d.jpg", "camera/e.jpg"]]
case(
    id="pi-cl-007",
    lang="en",
    prompt="sort the photos in camera into folders by year",
    tree=T,
    check=grouped(T, _G, "camera"),
    kind="classify",
)
case(
    id="pi-cl-008",
    lang="zh",
    prompt="camera 里的照片按年份分到不同文件夹",
    tree=T,
    check=grouped(T, _G, "camera"),
    kind="classify",
)

T = pad(
    {
        "reports/r1.txt": ("1", "2024-01-10"),
        "reports/r2.txt": ("2", "2024-01-20"),
        "reports/r3.txt": ("3", "2024-03-12"),
        "reports/r4.txt": ("4", "2024-05-15"),
        "reports/r5.txt": ("5", "2024-05-18"),
    }
)
_G = [["reports/r1.txt", "reports/r2.txt"], ["reports/r3.txt"], ["reports/r4.txt", "reports/r5.txt"]]
case(
    id="pi-cl-009",
    lang="en",
    prompt="group the files in reports by month of modification",
    tree=T,
    check=grouped(T, _G, "reports"),
    kind="classify",
)
case(
    id="pi-cl-010",
    lang="zh",
    prompt="reports 里的文件按修改月份归类",
    tree=T,
    check=grouped(T, _G, "reports"),
    kind="classify",
)

T = pad(
    {
        "inbox/a.txt": "invoice #12 is due friday",
        "inbox/b.txt": "lunch plans for tuesday",
        "inbox/c.txt": "second invoice from acme",
        "inbox/d.txt": "holiday photo list",
    }
)
_M = {"inbox/a.txt": "finance", "inbox/c.txt": "finance", "inbox/b.txt": "misc", "inbox/d.txt": "misc"}
case(
    id="pi-cl-011",
    lang="en",
    prompt="files in inbox mentioning invoice go to finance, the rest to misc",
    tree=T,
    check=sorted_to(T, _M, bases=("", "inbox")),
    kind="classify",
)

T = pad(
    {
        "inbox/甲.txt": "这张发票请尽快报销",
        "inbox/乙.txt": "周末去爬山",
        "inbox/丙.txt": "发票已开具",
        "inbox/丁.txt": "读书笔记",
    }
)
_M = {"inbox/甲.txt": "finance", "inbox/丙.txt": "finance", "inbox/乙.txt": "misc", "inbox/丁.txt": "misc"}
case(
    id="pi-cl-012",
    lang="zh",
    prompt="inbox 里提到“发票”的文件放到 finance，其余的放到 misc",
    tree=T,
    check=sorted_to(T, _M, bases=("", "inbox")),
    kind="classify",
)

T = pad({"a.txt": "a", "b.txt": "b", "c.csv": "c", "d.csv": "d", "e.json": "{}"})
_G = [["a.txt", "b.txt"], ["c.csv", "d.csv"], ["e.json"]]
case(
    id="pi-cl-013",
    lang="en",
    prompt="sort the files here by extension",
    tree=T,
    check=grouped(T, _G, ""),
    kind="classify",
)
case(
    id="pi-cl-014", lang="zh", prompt="当前目录下的文件按后缀名分类", tree=T, check=grouped(T, _G, ""), kind="classify"
)

T = pad({"scans/s1.txt": "a", "scans/s2.txt": "b" * 50, "scans/big.bin": HUGE})
_G = [["scans/s1.txt", "scans/s2.txt"], ["scans/big.bin"]]
case(
    id="pi-cl-015",
    lang="en",
    prompt="put the files in scans into folders by size (small / medium / large)",
    tree=T,
    check=grouped(T, _G, "scans"),
    kind="classify",
)
case(
    id="pi-cl-016",
    lang="zh",
    prompt="把 scans 里的文件按大小分成小、中、大三类",
    tree=T,
    check=grouped(T, _G, "scans"),
    kind="classify",
)

T = pad(
    {
        "desktop/notes.docx": "n",
        "desktop/plan.pdf": "p",
        "desktop/pic.png": "pi",
        "desktop/pic2.jpg": "pj",
        "desktop/tune.mp3": "t",
        "desktop/backup.zip": "z",
        "desktop/script.py": "print(1)",
    }
)
_G = [
    ["desktop/notes.docx", "desktop/plan.pdf"],
    ["desktop/pic.png", "desktop/pic2.jpg"],
    ["desktop/tune.mp3"],
    ["desktop/backup.zip"],
    ["desktop/script.py"],
]
case(
    id="pi-cl-017",
    lang="en",
    prompt="sort everything in desktop into subfolders by file type",
    tree=T,
    check=grouped(T, _G, "desktop"),
    kind="classify",
)
case(
    id="pi-cl-018",
    lang="zh",
    prompt="把 desktop 上的东西按文件类型分文件夹放好",
    tree=T,
    check=grouped(T, _G, "desktop"),
    kind="classify",
)

T = pad(
    {
        "notes/a.txt": "learning python decorators",
        "notes/b.txt": "recipe for pancakes",
        "notes/c.txt": "python list tricks",
        "notes/d.txt": "grocery list: apples",
    }
)
case(
    id="pi-cl-019",
    lang="en",
    prompt="text files in notes that mention python go into notes/code, the ones mentioning recipe into notes/cooking",
    tree=T,
    check=sorted_to(T, {"notes/a.txt": "notes/code", "notes/c.txt": "notes/code", "notes/b.txt": "notes/cooking"}),
    kind="classify",
)

T = pad(
    {
        "notes/一.txt": "python 装饰器学习",
        "notes/二.txt": "红烧肉菜谱",
        "notes/三.txt": "python 列表技巧",
        "notes/四.txt": "旅行计划",
    }
)
case(
    id="pi-cl-020",
    lang="zh",
    prompt="notes 里写到 python 的文本放进 notes/code，写到菜谱的放进 notes/cooking",
    tree=T,
    check=sorted_to(T, {"notes/一.txt": "notes/code", "notes/三.txt": "notes/code", "notes/二.txt": "notes/cooking"}),
    kind="classify",
)

T = pad({"music/a.mp3": "1", "music/b.mp3": "2", "music/c.flac": "3", "music/d.flac": "4", "music/e.ogg": "5"})
_G = [["music/a.mp3", "music/b.mp3"], ["music/c.flac", "music/d.flac"], ["music/e.ogg"]]
case(
    id="pi-cl-021",
    lang="en",
    prompt="organize the music folder by extension",
    tree=T,
    check=grouped(T, _G, "music"),
    kind="classify",
)
case(id="pi-cl-022", lang="zh", prompt="把 music 按扩展名归类", tree=T, check=grouped(T, _G, "music"), kind="classify")

T = pad(
    {
        "logs/a.log": ("a", "2022-04-04"),
        "logs/b.log": ("b", "2022-09-09"),
        "logs/c.log": ("c", "2023-06-06"),
        "logs/d.log": ("d", "2024-08-08"),
    }
)
_G = [["logs/a.log", "logs/b.log"], ["logs/c.log"], ["logs/d.log"]]
case(
    id="pi-cl-023",
    lang="en",
    prompt="split the files in logs into folders by year",
    tree=T,
    check=grouped(T, _G, "logs"),
    kind="classify",
)
case(
    id="pi-cl-024",
    lang="zh",
    prompt="logs 里的日志按年份分文件夹",
    tree=T,
    check=grouped(T, _G, "logs"),
    kind="classify",
)

T = pad(
    {
        "mixed/cv.pdf": "cv",
        "mixed/memo.docx": "memo",
        "mixed/face.jpg": "f",
        "mixed/logo.png": "l",
        "mixed/beat.mp3": "b",
        "mixed/voice.wav": "v",
    }
)
_G = [["mixed/cv.pdf", "mixed/memo.docx"], ["mixed/face.jpg", "mixed/logo.png"], ["mixed/beat.mp3", "mixed/voice.wav"]]
case(
    id="pi-cl-025",
    lang="en",
    prompt="classify the files in mixed by type: documents, images, audio",
    tree=T,
    check=grouped(T, _G, "mixed"),
    kind="classify",
)
case(
    id="pi-cl-026",
    lang="zh",
    prompt="整理 mixed 文件夹：文档、图片、音频分开放",
    tree=T,
    check=grouped(T, _G, "mixed"),
    kind="classify",
)

T = pad(
    {
        "mail/m1.txt": "please refund me for item 12",
        "mail/m2.txt": "new order: 3 chairs",
        "mail/m3.txt": "refund issued",
        "mail/m4.txt": "order shipped today",
    }
)
case(
    id="pi-cl-027",
    lang="en",
    prompt="sort the txt files in mail: ones containing 'refund' into mail/refunds, ones containing 'order' into mail/orders",
    tree=T,
    check=sorted_to(
        T,
        {
            "mail/m1.txt": "mail/refunds",
            "mail/m3.txt": "mail/refunds",
            "mail/m2.txt": "mail/orders",
            "mail/m4.txt": "mail/orders",
        },
    ),
    kind="classify",
)

T = pad(
    {
        "mail/m1.txt": "申请退款，谢谢",
        "mail/m2.txt": "新订单：三把椅子",
        "mail/m3.txt": "退款已到账",
        "mail/m4.txt": "订单今天发货",
    }
)
case(
    id="pi-cl-028",
    lang="zh",
    prompt="mail 里含“退款”的 txt 放到 mail/refunds，含“订单”的放 mail/orders",
    tree=T,
    check=sorted_to(
        T,
        {
            "mail/m1.txt": "mail/refunds",
            "mail/m3.txt": "mail/refunds",
            "mail/m2.txt": "mail/orders",
            "mail/m4.txt": "mail/orders",
        },
    ),
    kind="classify",
)

T = pad(
    {
        "downloads/song.mp3": "s",
        "downloads/clip.mp4": "c",
        "downloads/paper.pdf": "p",
        "downloads/thesis.docx": "t",
        "downloads/img.jpg": "i",
        "downloads/code.js": "console.log(1)",
    }
)
_G = [
    ["downloads/song.mp3"],
    ["downloads/clip.mp4"],
    ["downloads/paper.pdf", "downloads/thesis.docx"],
    ["downloads/img.jpg"],
    ["downloads/code.js"],
]
case(
    id="pi-cl-029",
    lang="en",
    prompt="tidy up downloads by putting the files into folders by what type they are",
    tree=T,
    check=grouped(T, _G, "downloads"),
    kind="classify",
)

T = pad(
    {
        "inbox/a.pdf": ("a", "2023-02-10"),
        "inbox/b.pdf": ("b", "2023-02-20"),
        "inbox/c.pdf": ("c", "2023-06-15"),
        "inbox/d.txt": ("d", "2023-09-12"),
    }
)
_G = [["inbox/a.pdf", "inbox/b.pdf"], ["inbox/c.pdf"], ["inbox/d.txt"]]
case(
    id="pi-cl-030",
    lang="en",
    prompt="sort inbox by the month each file was last modified",
    tree=T,
    check=grouped(T, _G, "inbox"),
    kind="classify",
)
case(
    id="pi-cl-031",
    lang="zh",
    prompt="按修改时间的月份给 inbox 里的文件分类",
    tree=T,
    check=grouped(T, _G, "inbox"),
    kind="classify",
)

T = pad(
    {
        "share/a.txt": "quarterly budget review",
        "share/b.txt": "team offsite agenda",
        "share/c.txt": "budget for 2025",
        "share/d.txt": "agenda for monday",
    }
)
case(
    id="pi-cl-032",
    lang="en",
    prompt="Sort the files in share by keyword: anything that mentions budget into share/budget, anything with agenda into share/meetings",
    tree=T,
    check=sorted_to(
        T,
        {
            "share/a.txt": "share/budget",
            "share/c.txt": "share/budget",
            "share/b.txt": "share/meetings",
            "share/d.txt": "share/meetings",
        },
    ),
    kind="classify",
)

T = pad({"素材/图1.png": "p1", "素材/图2.jpg": "p2", "素材/配乐.mp3": "m", "素材/脚本.docx": "d", "素材/说明.pdf": "s"})
_G = [["素材/图1.png", "素材/图2.jpg"], ["素材/配乐.mp3"], ["素材/脚本.docx", "素材/说明.pdf"]]
case(
    id="pi-cl-033",
    lang="zh",
    prompt="把 素材 文件夹里的文件按类型（图片、音频、文档）分一下类",
    tree=T,
    check=grouped(T, _G, "素材"),
    kind="classify",
)

# =============================================================================================
# TAG
# =============================================================================================
T = pad({"notes/plan.md": "# Plan\nShip the beta.\n", "notes/other.md": "# Other\nNothing yet.\n"})
case(
    id="pi-tg-001",
    lang="en",
    prompt="tag notes/plan.md as urgent",
    tree=T,
    check=tagged(T, add={"notes/plan.md": ["urgent"]}),
    kind="tag",
)
case(
    id="pi-tg-002",
    lang="zh",
    prompt="给 notes/plan.md 打上 urgent 标签",
    tree=T,
    check=tagged(T, add={"notes/plan.md": ["urgent"]}),
    kind="tag",
)

T = pad(
    {"notes/a.md": "Meeting prep\n", "notes/b.md": "---\ntitle: B\n---\nBudget draft\n", "notes/c.txt": "plain text"}
)
case(
    id="pi-tg-003",
    lang="en",
    prompt="add the tag 'work' to every md file in notes",
    tree=T,
    check=tagged(T, add={"notes/a.md": ["work"], "notes/b.md": ["work"]}),
    kind="tag",
)
case(
    id="pi-tg-004",
    lang="zh",
    prompt="给 notes 里的所有 md 文件加上标签 工作",
    tree=T,
    check=tagged(T, add={"notes/a.md": ["工作"], "notes/b.md": ["工作"]}),
    kind="tag",
)

T = pad(
    {"post.md": "---\ntags: [draft, blog]\n---\nHello readers\n", "about.md": "---\ntags: [draft]\n---\nAbout me\n"}
)
case(
    id="pi-tg-005",
    lang="en",
    prompt="remove the tag draft from post.md",
    tree=T,
    check=tagged(T, add={"post.md": ["blog"]}, remove={"post.md": ["draft"]}),
    kind="tag",
)
case(
    id="pi-tg-006",
    lang="zh",
    prompt="把 post.md 的 draft 标签去掉",
    tree=T,
    check=tagged(T, add={"post.md": ["blog"]}, remove={"post.md": ["draft"]}),
    kind="tag",
)

T = pad({"report.pdf": "pdf bytes here", "summary.md": "Summary\n"})
case(
    id="pi-tg-007",
    lang="en",
    prompt="tag report.pdf and summary.md with 'finance'",
    tree=T,
    check=tagged(T, add={"report.pdf": ["finance"], "summary.md": ["finance"]}),
    kind="tag",
)

T = pad({"合同.pdf": "合同内容", "说明.md": "说明\n"})
case(
    id="pi-tg-008",
    lang="zh",
    prompt="给 合同.pdf 和 说明.md 都加个 finance 标签",
    tree=T,
    check=tagged(T, add={"合同.pdf": ["finance"], "说明.md": ["finance"]}),
    kind="tag",
)

T = pad({"journal/d1.md": "Went running.\n", "journal/d2.md": "Cooked dinner.\n", "journal/pic.jpg": "jpg"})
case(
    id="pi-tg-009",
    lang="en",
    prompt="label all markdown files in journal with personal",
    tree=T,
    check=tagged(T, add={"journal/d1.md": ["personal"], "journal/d2.md": ["personal"]}),
    kind="tag",
)
case(
    id="pi-tg-010",
    lang="zh",
    prompt="journal 里的 markdown 都标记为 personal",
    tree=T,
    check=tagged(T, add={"journal/d1.md": ["personal"], "journal/d2.md": ["personal"]}),
    kind="tag",
)

T = pad({"summary.md": "Numbers look fine\n", "details.md": "Line items\n"})
case(
    id="pi-tg-011",
    lang="en",
    prompt="add tags q1 and review to summary.md",
    tree=T,
    check=tagged(T, add={"summary.md": ["q1", "review"]}),
    kind="tag",
)
case(
    id="pi-tg-012",
    lang="zh",
    prompt="给 summary.md 添加 q1 和 review 两个标签",
    tree=T,
    check=tagged(T, add={"summary.md": ["q1", "review"]}),
    kind="tag",
)

T = pad(
    {
        "notes/a.md": "---\ntags: [old, meeting]\n---\nMeeting with Sam.\n",
        "notes/b.md": "---\ntags: [old]\n---\nStuff\n",
    }
)
case(
    id="pi-tg-013",
    lang="en",
    prompt="untag old from notes/a.md",
    tree=T,
    check=tagged(T, add={"notes/a.md": ["meeting"]}, remove={"notes/a.md": ["old"]}),
    kind="tag",
)

# =============================================================================================
# MULTI-STEP
# =============================================================================================
T = pad({"a.csv": "1,2", "b.csv": "3,4", "notes.txt": "n"})
case(
    id="pi-ms-001",
    lang="en",
    prompt="create a folder reports and move all csv files into it",
    tree=T,
    expect=into(T, "reports", "a.csv", "b.csv"),
    kind="multi",
)
case(
    id="pi-ms-002",
    lang="zh",
    prompt="建一个 reports 文件夹，把所有 csv 都移进去",
    tree=T,
    expect=into(T, "reports", "a.csv", "b.csv"),
    kind="multi",
)

T = pad({"old.txt": "o", "older.txt": "oo", "new.txt": "n"})
case(
    id="pi-ms-003",
    lang="en",
    prompt="make a folder called archive, then move old.txt and older.txt into it",
    tree=T,
    expect=into(T, "archive", "old.txt", "older.txt"),
    kind="multi",
)
case(
    id="pi-ms-004",
    lang="zh",
    prompt="先新建 archive 目录，再把 old.txt 和 older.txt 挪进去",
    tree=T,
    expect=into(T, "archive", "old.txt", "older.txt"),
    kind="multi",
)

T = pad({"config.yaml": "port: 80\n", "app.py": "run()"})
_E = edit(T, {"config.yaml": Contains("port: 80", "debug: true"), "backup/config.yaml": "port: 80\n"})
case(
    id="pi-ms-005",
    lang="en",
    prompt="copy config.yaml to backup and then append 'debug: true' to config.yaml",
    tree=T,
    expect=_E,
    check=ends_with("config.yaml", "debug: true"),
    kind="multi",
)
case(
    id="pi-ms-006",
    lang="zh",
    prompt="先把 config.yaml 复制一份到 backup，然后在 config.yaml 末尾追加 debug: true",
    tree=T,
    expect=_E,
    check=ends_with("config.yaml", "debug: true"),
    kind="multi",
)

T = pad({"draft.md": "# Post", "ideas.md": "# Ideas", "published/first.md": "# First"})
case(
    id="pi-ms-007",
    lang="en",
    prompt="rename draft.md to final.md and move it to published",
    tree=T,
    expect=mv(T, {"draft.md": "published/final.md"}),
    kind="multi",
)
case(
    id="pi-ms-008",
    lang="zh",
    prompt="把 draft.md 改名为 final.md，然后移到 published 里",
    tree=T,
    expect=mv(T, {"draft.md": "published/final.md"}),
    kind="multi",
)

T = pad({"readme.txt": "r"})
case(
    id="pi-ms-009",
    lang="en",
    prompt="create notes/todo.txt with 'buy milk' and then copy it to archive",
    tree=T,
    expect=edit(T, {"notes/todo.txt": Contains("buy milk"), "archive/todo.txt": Contains("buy milk")}),
    kind="multi",
)
case(
    id="pi-ms-010",
    lang="zh",
    prompt="创建 notes/todo.txt 写入“买牛奶”，再复制一份到 archive",
    tree=T,
    expect=edit(T, {"notes/todo.txt": Contains("买牛奶"), "archive/todo.txt": Contains("买牛奶")}),
    kind="multi",
)

T = pad({"a.tmp": "t", "b.log": "bl", "c.log": "cl", "keep.txt": "k"})
case(
    id="pi-ms-011",
    lang="en",
    prompt="delete the tmp files and move the .log files into logs",
    tree=T,
    expect=into(rm(T, "a.tmp"), "logs", "b.log", "c.log"),
    kind="multi",
)
case(
    id="pi-ms-012",
    lang="zh",
    prompt="删掉所有 tmp 文件，再把 log 文件移到 logs 文件夹",
    tree=T,
    expect=into(rm(T, "a.tmp"), "logs", "b.log", "c.log"),
    kind="multi",
)

T = pad({"x.png": "px", "y.jpg": "jy", "z.gif.txt": "not an image", "doc.pdf": "pdf"})
case(
    id="pi-ms-013",
    lang="en",
    prompt="create a folder images and move the png and jpg files there",
    tree=T,
    expect=into(T, "images", "x.png", "y.jpg"),
    kind="multi",
)
case(
    id="pi-ms-014",
    lang="zh",
    prompt="新建 images 文件夹并把 png、jpg 图片都放进去",
    tree=T,
    expect=into(T, "images", "x.png", "y.jpg"),
    kind="multi",
)

T = pad({"report.docx": "new", "report_old.docx": "old", "work/": None})
case(
    id="pi-ms-015",
    lang="en",
    prompt="Move report.docx into work, then delete report_old.docx",
    tree=T,
    expect=into(rm(T, "report_old.docx"), "work", "report.docx"),
    kind="multi",
)
case(
    id="pi-ms-016",
    lang="zh",
    prompt="把 report.docx 移到 work，然后把 report_old.docx 删了",
    tree=T,
    expect=into(rm(T, "report_old.docx"), "work", "report.docx"),
    kind="multi",
)

T = pad({"a.md": "# A", "b.md": "# B", "x.txt": "x", "y.txt": "y", "z.pdf": "z"})
case(
    id="pi-ms-017",
    lang="en",
    prompt="make a backup folder, copy all the md files into it, then delete the txt files",
    tree=T,
    expect=copied(rm(T, "x.txt", "y.txt"), "backup", "a.md", "b.md"),
    kind="multi",
)

T = pad({"helpers.py": "def h(): pass", "README.md": "# r"})
case(
    id="pi-ms-018",
    lang="en",
    prompt="create src/main.py with print('hi') and move helpers.py into src",
    tree=T,
    expect=edit(into(T, "src", "helpers.py"), {"src/main.py": Contains("print('hi')")}),
    kind="multi",
)

T = pad({"notes.txt": "first line\n", "other.txt": "o\n"})
case(
    id="pi-ms-019",
    lang="en",
    prompt="rename notes.txt to notes.md and append '## End' to it",
    tree=T,
    expect=edit(rm(T, "notes.txt"), {"notes.md": Contains("first line", "## End")}),
    check=ends_with("notes.md", "## End"),
    kind="multi",
)
case(
    id="pi-ms-020",
    lang="zh",
    prompt="把 notes.txt 重命名为 notes.md，并在末尾加上 ## 完",
    tree=T,
    expect=edit(rm(T, "notes.txt"), {"notes.md": Contains("first line", "## 完")}),
    check=ends_with("notes.md", "## 完"),
    kind="multi",
)
