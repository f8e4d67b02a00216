"""Requests that name several items at once, and new items placed inside a named folder.

"move a.txt and b.txt to old" is one step per item, in the order the request names them
(`move path="a.txt" to="old" ; move path="b.txt" to="old"`); "in docs create a folder drafts"
is `create path="docs/drafts" kind=dir`. Same contract as intents.py: (ctx, L, tpl) -> (slots,
steps); the wording is in EN and ZH below.
"""

from __future__ import annotations

from fileagent.agent.planner.training.corpus import capabilities as J
from fileagent.agent.planner.training.corpus.names import Ctx

COUNT_WORDS = {"en": {2: "two", 3: "three"}, "zh": {2: "两", 3: "三"}}


def _lang(L) -> str:
    return "en" if getattr(L, "LANG", "") == "en" else "zh"


def join_items(ctx: Ctx, lang: str, names: list[str]) -> str:
    """Two or three item names joined as people list them."""
    rng = ctx.rng
    if lang == "en":
        if len(names) == 2:
            a, b = names
            return rng.choices(
                (f"{a} and {b}", f"both {a} and {b}", f"{a} & {b}", f"{a} as well as {b}", f"{a}, {b}"),
                (60, 14, 8, 8, 10),
            )[0]
        a, b, c = names
        return rng.choices((f"{a}, {b} and {c}", f"{a}, {b}, and {c}", f"{a}, {b}, {c}"), (55, 30, 15))[0]
    if len(names) == 2:
        a, b = names
        return rng.choices(
            (f"{a} 和 {b}", f"{a}、{b}", f"{a} 以及 {b}", f"{a} 跟 {b}", f"{a} 还有 {b}", f"{a} 与 {b}"),
            (45, 20, 10, 8, 9, 8),
        )[0]
    a, b, c = names
    return rng.choices(
        (f"{a}、{b} 和 {c}", f"{a}、{b}、{c}", f"{a}，{b} 和 {c}", f"{a}、{b} 以及 {c}"), (45, 30, 10, 15)
    )[0]


def _count(ctx: Ctx) -> int:
    return 2 if ctx.rng.random() < 0.75 else 3


def _files(ctx: Ctx, n: int) -> list[str]:
    """n distinct files; a quarter of the time all of them in one named folder."""
    folder = ctx.folder() if ctx.rng.random() < 0.25 else ""
    out: list[str] = []
    while len(out) < n:
        name = ctx.filename()
        p = f"{folder}/{name}" if folder else name
        if p not in out:
            out.append(p)
    return out


def _folders(ctx: Ctx, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        f = ctx.folder(nested=0.1)
        if f not in out and not any(f.startswith(o + "/") or o.startswith(f + "/") for o in out):
            out.append(f)
    return out


def _each(op: str):
    """move / copy / delete / tag of two or three named items: one step each."""

    def sampler(ctx: Ctx, L, tpl: str) -> tuple[dict, list]:
        lang = _lang(L)
        n = _count(ctx)
        paths = _files(ctx, n) if ctx.rng.random() < 0.85 else _folders(ctx, n)
        slots = {"items": join_items(ctx, lang, [ctx.name(p) for p in paths]), "k": COUNT_WORDS[lang][n]}
        extra: dict = {}
        if op in ("move", "copy"):
            while True:
                slots["dst"], dst = L.dest(ctx)
                if all(dst != p and not dst.startswith(p + "/") and dst != p.rpartition("/")[0] for p in paths):
                    break
            extra = {"to": dst}
        elif op == "tag":
            tags = [ctx.tag()]
            slots["tags"] = L.tags_phrase(ctx, tags)
            extra = {"tags": tags}
        return slots, [{"op": op, "select": {"path": p}, **extra} for p in paths]

    return sampler


def s_mkdirs(ctx: Ctx, L, tpl: str) -> tuple[dict, list]:
    lang = _lang(L)
    n = _count(ctx)
    folders = _folders(ctx, n)
    slots = {"items": join_items(ctx, lang, [ctx.name(f) for f in folders]), "k": COUNT_WORDS[lang][n]}
    if "{items_sp}" in tpl:  # "mkdir a b c"
        slots["items_sp"] = " ".join(ctx.name(f) for f in folders)
    return slots, [{"op": "create", "path": f, "kind": "dir"} for f in folders]


def _place(kind: str):
    """A new folder or file inside a folder the request names apart from the new name."""

    def sampler(ctx: Ctx, L, tpl: str) -> tuple[dict, list]:
        folder = ctx.folder(nested=0.15)
        name = ctx.folder(nested=0) if kind == "dir" else ctx.filename(text=True)
        while name == folder or name == folder.rpartition("/")[2]:
            name = ctx.folder(nested=0) if kind == "dir" else ctx.filename(text=True)
        path = f"{folder}/{name}"
        slots = {"in": ctx.name(folder), "name": ctx.name(name)}
        step: dict = {"op": "create", "path": path}
        if kind == "dir":
            step["kind"] = "dir"
        elif "{text}" in tpl:
            c = ctx.content()
            slots["text"] = ctx.text(c)
            step["content"] = c
        return slots, [step]

    return sampler


def s_clear_dir(ctx: Ctx, L, tpl: str) -> tuple[dict, list]:
    """Empty a folder out: everything in it goes, the folder stays."""
    t, sel = L.one(ctx, "dir")
    return {"dir": t}, [{"op": "delete", "select": {"in": sel["path"], "kind": "any"}}]


# Superlatives of the top-N jobs that act: (sort key, largest/newest first) -> words.
TOP_WORDS = {
    "en": {
        ("size", True): ("biggest", "largest", "heaviest", "bulkiest"),
        ("size", False): ("smallest", "tiniest"),
        ("mtime", True): ("newest", "latest", "most recent", "most recently changed"),
        ("mtime", False): ("oldest", "least recently modified", "stalest"),
    },
    "zh": {
        ("size", True): ("最大", "体积最大", "最占空间"),
        ("size", False): ("最小", "体积最小"),
        ("mtime", True): ("最新", "最近修改", "最近改过"),
        ("mtime", False): ("最旧", "最早", "最老"),
    },
}


def _top_act(op: str):
    """move / copy / delete the N biggest, smallest, newest or oldest files of a folder."""

    def sampler(ctx: Ctx, L, tpl: str) -> tuple[dict, list]:
        lang = _lang(L)
        slots, sel = J._selection(ctx, L, tpl)
        key, desc = ctx.rng.choice((("size", True), ("size", True), ("size", False), ("mtime", True), ("mtime", False)))
        n = J.small_number(ctx)
        slots.update(N=J.number(ctx, L, n), top=ctx.pick(TOP_WORDS[lang][(key, desc)]))
        sel.update(sort=key, limit=n)
        if desc:
            sel["desc"] = True
        step: dict = {"op": op, "select": sel}
        if op != "delete":
            while True:
                slots["dst"], step["to"] = L.dest(ctx)
                if step["to"] != sel.get("in"):
                    break
        return slots, [step]

    return sampler


SAMPLERS = {
    "top_move": _top_act("move"),
    "top_copy": _top_act("copy"),
    "top_delete": _top_act("delete"),
    "clear_dir": s_clear_dir,
    "items_move": _each("move"),
    "items_copy": _each("copy"),
    "items_delete": _each("delete"),
    "items_tag": _each("tag"),
    "items_mkdir": s_mkdirs,
    "place_dir": _place("dir"),
    "place_file": _place("file"),
    "place_empty": _place("file"),
}
WEIGHTS = {
    "top_move": 0.5,
    "top_copy": 0.4,
    "top_delete": 0.3,
    "clear_dir": 0.4,
    "items_move": 0.6,
    "items_copy": 0.5,
    "items_delete": 0.5,
    "items_tag": 0.3,
    "items_mkdir": 0.4,
    "place_dir": 0.6,
    "place_file": 0.6,
    "place_empty": 0.3,
}

EN = {
    "top_move": (
        "move the {N} {top} {things}{where} to {dst}",
        "put the {N} {top} {things}{where} into {dst}",
        "take the {N} {top} {things}{where} and move them to {dst}",
        "relocate the {N} {top} {things}{where} to {dst}",
        "~the {N} {top} {things}{where} should go to {dst}",
        "shift the {N} {top} {things}{where} over to {dst}",
        "move the top {N} {top} {things}{where} into {dst}",
    ),
    "top_copy": (
        "copy the {N} {top} {things}{where} to {dst}",
        "copy the {N} {top} {things}{where} into {dst}",
        "back up the {N} {top} {things}{where} to {dst}",
        "put copies of the {N} {top} {things}{where} in {dst}",
        "make a copy of the {N} {top} {things}{where} in {dst}",
    ),
    "top_delete": (
        "delete the {N} {top} {things}{where}",
        "remove the {N} {top} {things}{where}",
        "get rid of the {N} {top} {things}{where}",
        "trash the {N} {top} {things}{where}",
        "~the {N} {top} {things}{where} can go, delete them",
    ),
    "clear_dir": (
        "empty {dir}",
        "empty out {dir}",
        "clear out {dir}",
        "wipe everything inside {dir} but keep the folder",
        "delete everything in {dir}",
        "remove all the contents of {dir}",
        "clean out {dir} completely",
        "~{dir} should be empty, delete what is in it",
        "get rid of whatever is in {dir}",
        "purge the contents of {dir}",
    ),
    "items_move": (
        "move {items} to {dst}",
        "move {items} into {dst}",
        "put {items} in {dst}",
        "relocate {items} to {dst}",
        "shift {items} over to {dst}",
        "transfer {items} into {dst}",
        "{items} go into {dst}",
        "~{items} should be moved to {dst}",
        "move the files {items} to {dst}",
        "stick {items} in {dst}",
        "drag {items} into {dst}",
        "mv {items} to {dst}",
        "file {items} under {dst}",
        "move these {k}: {items}, to {dst}",
    ),
    "items_copy": (
        "copy {items} to {dst}",
        "copy {items} into {dst}",
        "make copies of {items} in {dst}",
        "make duplicates of {items} in {dst}",
        "put a copy of {items} in {dst}",
        "back up {items} to {dst}",
        "cp {items} to {dst}",
        "copy the files {items} over to {dst}",
        "~{items} need copying to {dst}",
        "clone {items} into {dst}",
        "copy these {k} to {dst}: {items}",
    ),
    "items_delete": (
        "delete {items}",
        "remove {items}",
        "get rid of {items}",
        "erase {items}",
        "trash {items}",
        "delete the files {items}",
        "throw away {items}",
        "~{items} can be deleted",
        "wipe {items}",
        "rm {items}",
        "please delete these {k}: {items}",
        "~{items} are not needed anymore, remove them",
    ),
    "items_tag": (
        "tag {items} with {tags}",
        "tag {items} as {tags}",
        "add the tag {tags} to {items}",
        "label {items} {tags}",
        "mark {items} with the tag {tags}",
        "put a {tags} tag on {items}",
        "give {items} the tag {tags}",
        "attach tag {tags} to {items}",
    ),
    "items_mkdir": (
        "create the folders {items}",
        "make folders {items}",
        "create {k} folders: {items}",
        "make {k} new directories, {items}",
        "mkdir {items_sp}",
        "add the directories {items}",
        "set up folders called {items}",
        "create new folders named {items}",
        "~I need {k} folders: {items}",
        "make directories {items}",
    ),
    "place_dir": (
        "in {in} create a folder {name}",
        "create a folder {name} in {in}",
        "make a folder called {name} inside {in}",
        "add a subfolder {name} to {in}",
        "under {in}, make a new directory {name}",
        "create {name} as a subfolder of {in}",
        "make an empty directory named {name} under {in}",
        "inside {in} add a folder named {name}",
        "create a new folder {name} within {in}",
        "~{in} needs a subfolder called {name}",
        "make a {name} folder in {in}",
        "set up a directory {name} under {in}",
    ),
    "place_file": (
        "in {in} create {name} containing {text}",
        "create {name} in {in} with the text {text}",
        "under {in} make a file {name} that says {text}",
        "add a file {name} to {in} with {text} in it",
        "inside {in}, write a new file {name} with the content {text}",
        "create a file called {name} in the {in} folder containing {text}",
        "make {name} inside {in} and put {text} in it",
        "new file {name} under {in}: {text}",
        "write {text} to a new file {name} in {in}",
        "in the {in} folder, create {name} with {text}",
    ),
    "place_empty": (
        "create an empty file {name} in {in}",
        "in {in} create a file called {name}",
        "make a blank file {name} inside {in}",
        "touch {name} in {in}",
        "add an empty {name} to {in}",
        "under {in} create the file {name}",
        "create a new file named {name} within {in}",
    ),
}

ZH = {
    "top_move": (
        "把{where}{top}的 {N} 个{things}移到 {dst}",
        "将{where}{top}的 {N} 个{things}移动到 {dst}",
        "{where}{top}的 {N} 个{things}挪到 {dst}",
        "把{where}{top}的前 {N} 个{things}放进 {dst}",
        "把{where}{top}的 {N} 个{things}转移到 {dst}",
    ),
    "top_copy": (
        "把{where}{top}的 {N} 个{things}复制到 {dst}",
        "将{where}{top}的 {N} 个{things}拷贝到 {dst}",
        "{where}{top}的 {N} 个{things}拷一份到 {dst}",
        "把{where}{top}的前 {N} 个{things}备份到 {dst}",
    ),
    "top_delete": (
        "删掉{where}{top}的 {N} 个{things}",
        "把{where}{top}的 {N} 个{things}删了",
        "删除{where}{top}的前 {N} 个{things}",
        "{where}{top}的 {N} 个{things}不要了，删掉",
    ),
    "clear_dir": (
        "清空 {dir}",
        "把 {dir} 清空",
        "将 {dir} 里的东西全部删掉",
        "把 {dir} 里面的内容都删了",
        "{dir} 里的东西全删掉，文件夹留着",
        "删除 {dir} 中的所有内容",
        "把 {dir} 腾空",
        "清理掉 {dir} 里的全部东西",
        "{dir} 清空一下",
    ),
    "items_move": (
        "把 {items} 移到 {dst}",
        "把 {items} 都移动到 {dst}",
        "将 {items} 挪到 {dst} 里",
        "{items} 移动到 {dst}",
        "把 {items} 放进 {dst}",
        "把 {items} 转移到 {dst}",
        "将 {items} 搬到 {dst}",
        "{items} 这{k}个文件移到 {dst}",
        "把 {items} 一起挪进 {dst}",
        "移动 {items} 到 {dst}",
        "把 {items} 都放到 {dst} 下面",
        "{items} 都挪去 {dst}",
    ),
    "items_copy": (
        "把 {items} 复制到 {dst}",
        "把 {items} 拷贝到 {dst}",
        "将 {items} 都拷到 {dst} 里",
        "复制 {items} 到 {dst}",
        "{items} 各复制一份到 {dst}",
        "把 {items} 备份到 {dst}",
        "给 {items} 在 {dst} 里各留一份副本",
        "{items} 拷一份放进 {dst}",
        "把 {items} 这{k}个文件复制进 {dst}",
        "拷贝 {items} 到 {dst} 下",
    ),
    "items_delete": (
        "删除 {items}",
        "把 {items} 删掉",
        "删掉 {items}",
        "将 {items} 都删除",
        "{items} 不要了，删了吧",
        "移除 {items}",
        "把 {items} 都删了",
        "{items} 可以删除了",
        "清掉 {items}",
        "把 {items} 这{k}个删除",
        "帮我删了 {items}",
    ),
    "items_tag": (
        "给 {items} 加上 {tags} 标签",
        "给 {items} 都打上标签 {tags}",
        "把 {items} 标记为 {tags}",
        "{items} 都加个 {tags} 标签",
        "为 {items} 添加标签 {tags}",
        "给 {items} 贴上 {tags} 的标签",
        "把 {items} 打上 {tags}",
    ),
    "items_mkdir": (
        "新建文件夹 {items}",
        "创建 {items} {k}个目录",
        "新建 {items} {k}个文件夹",
        "建立目录 {items}",
        "帮我建 {items} 这{k}个文件夹",
        "创建文件夹：{items}",
        "新建{k}个目录：{items}",
        "建几个文件夹：{items}",
        "mkdir {items_sp}",
    ),
    "place_dir": (
        "在 {in} 里新建一个 {name} 文件夹",
        "在 {in} 下面建一个 {name} 目录",
        "在 {in} 中创建文件夹 {name}",
        "在 {in} 文件夹下新建子文件夹 {name}",
        "在 {in} 里面建个叫 {name} 的文件夹",
        "给 {in} 加一个子目录 {name}",
        "在 {in} 下创建 {name} 目录",
        "{in} 里新建文件夹 {name}",
        "在 {in} 目录里建立 {name} 文件夹",
        "在 {in} 下面新建一个空文件夹 {name}",
    ),
    "place_file": (
        "在 {in} 下新建 {name}，写上 {text}",
        "在 {in} 里建个 {name}，里面写 {text}",
        "在 {in} 中创建文件 {name}，内容为 {text}",
        "在 {in} 文件夹里创建 {name}，写入 {text}",
        "往 {in} 里新建一个 {name}，内容 {text}",
        "在 {in} 下面新建 {name} 文件，内容是 {text}",
        "{in} 里新建 {name}，写 {text}",
        "在 {in} 目录中新建 {name}，并写入 {text}",
        "在 {in} 里面创建 {name} 文件，写上 {text}",
    ),
    "place_empty": (
        "在 {in} 里新建一个空文件 {name}",
        "在 {in} 下面创建 {name}",
        "在 {in} 中建一个 {name} 文件",
        "在 {in} 目录下新建空白文件 {name}",
        "{in} 里建个空的 {name}",
        "在 {in} 里 touch 一个 {name}",
    ),
}
