"""Chinese (and mixed Chinese/English) phrasing: selection phrases and templates per intent.

Same interface as en.py. Chinese puts location and filters before the noun:
"下载 里的所有大于 10MB 的 pdf 文件". Spaces around latin text are written here and
removed for about half of the requests (Ctx.finish(tighten=True)).
"""
from __future__ import annotations

from fileagent.agent.planner.training.corpus import names as P
from fileagent.agent.planner.training.corpus.names import PARENT_ZH, Ctx
from fileagent.agent.planner.type_words import TYPE_EXTS, TYPE_WORDS_ZH

LANG = "zh"


def ext_surface(ctx: Ctx, e: str) -> str:
    r = ctx.rng.random()
    return e if r < 0.55 else e.upper() if r < 0.8 else "." + e if r < 0.93 else "." + e.upper()


def ext_word(ctx: Ctx, e: str) -> str:
    return ctx.name(e, ext_surface(ctx, e))


def size_text(ctx: Ctx, n: str, unit: str) -> str:
    rng = ctx.rng
    if unit == "B":
        s = f"{n} 字节"
    else:
        forms = [f"{n}{unit}", f"{n} {unit}", f"{n}{unit.lower()}", f"{n}{unit[0]}"]
        if unit == "MB":
            forms.append(f"{n}兆")
        s = rng.choice(forms)
    return ctx.name(n + unit, s)


def date_text(ctx: Ctx, y: int, m: int, d: int) -> str:
    return ctx.name(f"{y}-{m:02d}-{d:02d}", ctx.rng.choice((
        f"{y}年{m}月{d}日", f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}/{m:02d}/{d:02d}", f"{y}/{m}/{d}",
        f"{y}年{m:02d}月{d:02d}日")))


def filter_phrase(ctx: Ctx, filt: dict) -> str:
    """One filter (added to `filt`) as an attribute ending in 的."""
    rng = ctx.rng
    while True:
        what = rng.choices(("larger", "smaller", "after", "before", "year", "month", "has", "tagged"),
                           (16, 12, 10, 10, 5, 4, 10, 6))[0]
        if what in ("after", "before", "year", "month") and ("modified_after" in filt or "modified_before" in filt):
            continue
        key = {"larger": "larger_than", "smaller": "smaller_than", "has": "contains", "tagged": "tag"}.get(what)
        if key and key in filt:
            continue
        break
    if what in ("larger", "smaller"):
        b, n, unit = ctx.size()
        if (what == "larger" and b >= filt.get("smaller_than", b + 1)) or \
           (what == "smaller" and b <= filt.get("larger_than", -1)):
            return filter_phrase(ctx, filt)
        filt["larger_than" if what == "larger" else "smaller_than"] = b
        s = size_text(ctx, n, unit)
        if what == "larger":
            return rng.choice((f"大于 {s} 的", f"超过 {s} 的", f"大小超过 {s} 的", f"比 {s} 大的", f"大于{s}的"))
        return rng.choice((f"小于 {s} 的", f"不到 {s} 的", f"比 {s} 小的", f"小于{s}的", f"大小不超过 {s} 的"))
    if what in ("after", "before"):
        y, m, d = ctx.date()
        filt["modified_" + what] = f"{y}-{m:02d}-{d:02d}"
        dt = date_text(ctx, y, m, d)
        if what == "after":
            return rng.choice((f"{dt} 之后修改的", f"{dt} 以后修改过的", f"{dt} 之后的", f"自 {dt} 以来修改的",
                               f"在 {dt} 之后改过的"))
        return rng.choice((f"{dt} 之前的", f"{dt} 以前修改的", f"早于 {dt} 的", f"{dt} 之前修改的",
                           f"在 {dt} 之前最后修改的"))
    if what == "year":
        y = rng.randint(2015, 2026)
        filt["modified_after"], filt["modified_before"] = f"{y}-01-01", f"{y + 1}-01-01"
        yt = ctx.name(str(y), f"{y}年")
        return rng.choice((f"{yt}的", f"{yt}修改的", f"{yt}最后修改的"))
    if what == "month":
        y, m, _ = ctx.date()
        filt["modified_after"] = f"{y}-{m:02d}-01"
        filt["modified_before"] = f"{y + 1}-01-01" if m == 12 else f"{y}-{m + 1:02d}-01"
        mt = ctx.name(f"{y}-{m}", f"{y}年{m}月")
        return rng.choice((f"{mt}的", f"{mt}修改的", f"{mt}改过的"))
    if what == "has":
        v = ctx.keyword() if rng.random() < 0.6 else ctx.content()
        filt["contains"] = v
        t = ctx.text(v)
        return rng.choice((f"包含 {t} 的", f"内容包含 {t} 的", f"提到 {t} 的", f"含有 {t} 的", f"里面有 {t} 的",
                           f"内容里有 {t} 的"))
    v = ctx.tag()
    filt["tag"] = v
    t = ctx.name(v)
    return rng.choice((f"标签为 {t} 的", f"带有 {t} 标签的", f"打了 {t} 标签的", f"标记为 {t} 的"))


# --------------------------------------------------------------- selections

NOUN_FORMS = ("ext", "exts", "type", "plain", "glob", "start", "contains", "end", "regex")
NOUN_WEIGHTS = (42, 8, 16, 8, 7, 6, 5, 4, 4)
TEXT_TYPES = ("text", "markdown", "python", "logs")

def folder_ref(ctx: Ctx, value: str) -> str:
    if value == "..":
        return parent(ctx)
    n = ctx.name(value)
    return ctx.rng.choices((n, f"{n} 文件夹", f"{n} 目录", f"文件夹 {n}"), (60, 22, 12, 6))[0]


def parent(ctx: Ctx) -> str:
    return ctx.name("..", ctx.pick(PARENT_ZH))


def one(ctx: Ctx, want: str = "file", text: bool = False, plain: bool = False) -> tuple[str, dict]:
    rng = ctx.rng
    if want == "dir":
        if ctx.outside and rng.random() < 0.3:
            ctx.outside = False
            return parent(ctx), {"path": ".."}
        v = ctx.folder()
        return (ctx.name(v) if plain else folder_ref(ctx, v)), {"path": v}
    folder, name = ctx.fresh_file(text)
    if not folder:
        n = ctx.name(name)
        return (n if plain else rng.choices((n, f"文件 {n}", f"{n} 这个文件"), (75, 15, 10))[0]), {"path": name}
    path = f"{folder}/{name}"
    if plain or rng.random() < 0.4:
        return ctx.name(path), {"path": path}
    n, f = ctx.name(name), folder_ref(ctx, folder)
    return rng.choice((f"{f} 里的 {n}", f"{f} 中的 {n}", f"{f} 里面的 {n}", f"{f} 下的 {n}")), {"path": path}


def _noun(ctx: Ctx, filt: dict, sel: dict, text: bool = False, ext: str | None = None) -> tuple[str, bool]:
    """(noun phrase, takes filters) for files; may set ext or pattern."""
    rng = ctx.rng
    form = "ext" if ext else rng.choices(NOUN_FORMS, NOUN_WEIGHTS)[0]
    if form == "ext":
        e = ext or ctx.ext(text)
        filt["ext"] = [e]
        w = ext_word(ctx, e)
        return rng.choice((f"{w} 文件", f"{w} 文件", w, f"{w} 格式的文件")), True
    if form == "exts":
        es: list[str] = []
        while len(es) < rng.choice((2, 2, 3)):
            e = ctx.ext(text)
            if e not in es:
                es.append(e)
        filt["ext"] = es
        ws = [ext_word(ctx, e) for e in es]
        conj = rng.choice((" 和 ", " 或 ", "、", " 跟 "))
        joined = conj.join(ws) if len(ws) == 2 else f"{ws[0]}、{ws[1]}{rng.choice((' 和 ', '、'))}{ws[2]}"
        return f"{joined} 文件", True
    if form == "type":
        t = rng.choice(TEXT_TYPES if text else tuple(TYPE_EXTS))
        filt["ext"] = list(TYPE_EXTS[t])
        return ctx.name(t, rng.choice(TYPE_WORDS_ZH[t])), True
    if form == "plain":
        return "文件", True
    if form == "glob":
        g = ctx.pick(P.GLOBS)
        sel["pattern"] = g
        n = ctx.name(g)
        return rng.choice((f"匹配 {n} 的文件", f"符合 {n} 的文件", f"名字像 {n} 的文件")), False
    if form == "start":
        s = ctx.pick(P.NAME_STARTS)
        sel["pattern"] = s + "*"
        n = ctx.name(s)
        return rng.choice((f"文件名以 {n} 开头的文件", f"名字以 {n} 开头的文件", f"以 {n} 开头的文件")), False
    if form == "contains":
        s = ctx.pick(P.NAME_PARTS)
        sel["pattern"] = f"*{s}*"
        n = ctx.name(s)
        return rng.choice((f"文件名中带有 {n} 的文件", f"名字里有 {n} 的文件", f"文件名带 {n} 的文件")), False
    if form == "end":
        s = ctx.pick(P.NAME_ENDINGS)
        sel["pattern"] = f"*{s}.*"
        n = ctx.name(s)
        return rng.choice((f"文件名以 {n} 结尾的文件", f"名字以 {n} 结尾的文件")), False
    rx = ctx.pick(P.NAME_REGEXES)
    filt["name_regex"] = rx
    n = ctx.name(rx, quote=True)
    return rng.choice((f"文件名匹配正则 {n} 的文件", f"名字符合正则表达式 {n} 的文件", f"文件名满足正则 {n} 的文件")), False


def group(ctx: Ctx, kinds: tuple = ("file",) * 8 + ("dir", "any"), filters: bool = True,
          folder: str | None = None, text: bool = False, ext: str | None = None,
          bare: bool = True) -> tuple[str, dict]:
    """Several items: [location 的] [所有] [filters 的] noun."""
    rng = ctx.rng
    kind = "file" if ext else rng.choice(kinds)
    sel: dict = {}
    filt: dict = {}
    # bare=False: the phrase is followed by "in DEST" (put X in Y), so it must name its folder
    loc = rng.choices(("in", "rec", "all", "here") if bare else ("in", "rec"), (56, 20, 16, 8)[:4 if bare else 2])[0] \
        if folder is None else "in"
    if kind == "any" and loc in ("all", "here"):
        loc = "in"
    if loc in ("in", "rec"):
        f = folder if folder is not None else ctx.folder()
        sel["in"] = f
        fr = folder_ref(ctx, f)
    if loc in ("rec", "all"):
        sel["recursive"] = True
    if loc == "in":
        where = rng.choice((f"{fr} 里的", f"{fr} 中的", f"{fr} 里面的", f"{fr} 下的", f"{fr} 内的", f"{fr} 的"))
    elif loc == "rec":
        where = rng.choice((f"{fr} 及其子文件夹里的", f"{fr} 和所有子目录中的", f"{fr} 下所有子目录里的",
                            f"{fr} 里（包括子文件夹）的", f"{fr} 里递归查找到的", f"{fr} 以及子目录下的"))
    elif loc == "here":
        where = rng.choice(("根目录下的", "当前目录里的", "这里的", "当前文件夹中的", "根目录里的"))
    else:
        where = rng.choice(("", "", "整个目录树里的", "各个文件夹里的"))
    if kind == "any":
        sel["kind"] = "any"
        noun = rng.choice(("所有东西", "全部内容", "所有文件和文件夹", "一切", "所有内容"))
        return f"{where}{noun}", sel
    if loc == "all":
        det = rng.choice(("所有", "所有的", "全部", "全部的"))
    else:
        det = rng.choice(("", "", "所有", "所有的", "全部"))
    if kind == "dir":
        sel["kind"] = "dir"
        noun = rng.choice(("文件夹", "子文件夹", "目录", "子目录"))
        if rng.random() < 0.25:
            s = ctx.pick(P.NAME_STARTS)
            sel["pattern"] = s + "*"
            noun = f"名字以 {ctx.name(s)} 开头的{noun}"
        phrase = f"{where}{det}{noun}"
    else:
        noun, filterable = _noun(ctx, filt, sel, text, ext)
        fl = ""
        if filters and filterable and rng.random() < 0.4:
            fl = filter_phrase(ctx, filt)
            if rng.random() < 0.25:
                second = filter_phrase(ctx, filt)
                fl = fl[:-1].rstrip() + rng.choice((" 且", " 并且", "、", "，而且")) + second
        phrase = f"{where}{det}{fl}{noun}"
    if filt:
        sel["filters"] = filt
    return phrase, sel


def new_path(ctx: Ctx, kind: str = "file", text: bool = False, plain: bool = False) -> tuple[str, str]:
    rng = ctx.rng
    if ctx.outside:
        ctx.outside = False
        v = ctx.pick(P.OUTSIDE_FILES if kind == "file" else P.OUTSIDE_DIRS[:-2])    # not ".." itself
        return ctx.name(v), v
    name = ctx.filename(text) if kind == "file" else ctx.folder(nested=0)
    if rng.random() < 0.6:
        return ctx.name(name), name
    path = f"{ctx.folder()}/{name}"
    return ctx.name(path), path


def dest(ctx: Ctx) -> tuple[str, str]:
    if ctx.outside and ctx.rng.random() < 0.35:
        ctx.outside = False
        return parent(ctx), ".."
    v = ctx.folder(nested=0.3)
    return folder_ref(ctx, v), v


def rules_phrase(ctx: Ctx, rules: list[tuple[list[str], str]], default: str | None) -> str:
    rng = ctx.rng
    parts = []
    for kws, folder in rules:
        kw = rng.choice((" 或 ", " 或者 ", "、")).join(ctx.text(k) for k in kws)
        f = ctx.name(folder)
        parts.append(rng.choice((f"包含 {kw} 的放到 {f}", f"提到 {kw} 的放进 {f}", f"含 {kw} 的移到 {f}",
                                 f"有 {kw} 的归到 {f}")))
    text = "，".join(parts)
    if default is not None:
        d = ctx.name(default)
        text += rng.choice((f"，其余放到 {d}", f"，其他的放到 {d}", f"，剩下的都放 {d}", f"，别的归到 {d}"))
    return text


def tags_phrase(ctx: Ctx, tags: list[str]) -> str:
    names = [ctx.name(t) for t in tags]
    return names[0] if len(names) == 1 else ctx.rng.choice((" 和 ", "、", " 和 ")).join(names)


def question(ctx: Ctx, core: str) -> str:
    return ctx.rng.choice((f"可以帮我{core} 吗？", f"能{core} 吗？", f"能不能{core}？", f"你能帮我{core} 吗"))


WRAP_PRE = (("", 40), ("请", 14), ("帮我", 14), ("麻烦", 4), ("麻烦你", 3), ("你帮我", 3), ("我想", 4), ("我要", 4),
            ("请帮我", 6), ("帮忙", 2))
WRAP_POST = (("", 50), ("。", 20), ("，谢谢", 6), ("，谢谢！", 2), ("！", 3), ("，多谢", 1))
CONNECT2 = ("先{a}，再{b}", "先{a} 再{b}", "{a}，然后{b}", "{a}，接着{b}", "{a} 并{b}", "{a}，{b}", "{a}，之后{b}",
            "{a}；然后{b}", "首先{a}，然后{b}", "{a}，完了{b}",
            "{a}，随后{b}", "先{a}，接下来{b}", "{a}，搞定以后{b}", "第一步{a}，第二步{b}", "{a}，弄完之后{b}",
            "{a}，然后再{b}", "先{a}，完事之后{b}",
            "{a}，紧接着{b}", "{a}，做完以后再{b}", "{a}，顺便{b}", "{a}。然后{b}", "{a}，再{b}", "先{a}，之后再{b}")
CONNECT3 = ("先{a}，然后{b}，最后{c}", "{a}，{b}，然后{c}", "首先{a}，其次{b}，最后{c}", "{a}，再{b}，再{c}",
            "先{a}，再{b}，然后{c}",
            "第一步{a}，第二步{b}，第三步{c}", "先{a}，接着{b}，之后{c}",
            "{a}，接着{b}，最后{c}",
            "{a}，然后{b}，再{c}", "先{a}，随后{b}，最后{c}")
MIX_CONNECT2 = ("{a}，then {b}", "先{a}，then {b}", "{a} 然后 {b}", "{a}, 再{b}",
                "{a}，and then {b}", "先{a}，next {b}",
                "{a}，after that {b}",
                "{a}，and {b}", "first {a}，then {b}")
MIX_CONNECT3 = ("{a}，then {b}，then {c}", "先{a}, 再{b}, 最后{c}",
                "first {a}，then {b}，finally {c}")
CLASSIFY_DEST = ("，放到 {d} 里", "，结果放在 {d} 下", "，分类后的文件夹放到 {d}")

TEMPLATES: dict[str, tuple[str, ...]] = {
    "list_dir": (
        "列出 {dir}", "显示 {dir} 里的文件", "!{dir} 里有什么？", "!{dir} 里面都有哪些文件？", "看看 {dir} 里有什么",
        "列出 {dir} 的内容", "查看目录 {dir}", "!{dir} 下面有啥？", "展示 {dir} 中的文件", "列一下 {dir}",
        "把 {dir} 里的文件列出来", "!{dir} 里都有些什么",
        "!{dir} 里面有什么文件？", "显示目录 {dir}", "看下 {dir} 里面的东西", "列出 {dir} 中的所有文件",
        "!{dir} 里面装了哪些东西？", "浏览一下 {dir}", "{dir} 里的文件列一下", "!{dir} 下都有哪些文件和文件夹？", "罗列 {dir} 中的文件",
        "瞅一眼 {dir} 里放了哪些文件", "把 {dir} 下的文件和文件夹都列一遍", "给我看一眼 {dir} 里都放了什么",
        "把 {dir} 打开，看看里面有哪些文件", "{dir} 下面的文件名都列给我", "!{dir} 里的文件都叫什么名字？", "查一下 {dir} 下有哪些文件", "把 {dir} 的文件清单给我",
        "~{dir}，列一下里面的文件", "查看 {dir} 的文件列表", "帮我翻翻 {dir} 里都有什么",
        "~{dir} 的话，里面有哪些文件列一下", "~请将 {dir} 中的文件逐一列出", "帮我盘点一下 {dir} 里都有哪些文件", "把 {dir} 打开瞧瞧里面有啥", "!{dir} 里放着哪些东西？",
        "列一列 {dir} 下的内容", "!可以看一下 {dir} 里有什么吗？", "显示一下 {dir} 底下的文件",
    ),
    "list_grp": (
        "列出 {grp}", "找出 {grp}", "显示 {grp}", "!有哪些{grp}？", "查找 {grp}", "把 {grp} 列出来",
        "搜索 {grp}", "看看 {grp} 有哪些", "给我列一下 {grp}", "!{grp} 都有哪些？",
        "把 {grp} 都列出来", "帮忙找一下 {grp}", "查一下 {grp}", "!有没有{grp}？",
        "找找 {grp}", "筛选出 {grp}", "{grp} 列个清单", "检索 {grp}", "把 {grp} 都找出来", "!帮我看看都有哪些{grp}？",
        "搜一下 {grp} 有哪些", "!{grp} 能列一下吗？",
        "把 {grp} 挑出来列一下", "!能帮我找出 {grp} 吗？", "~{grp}，都列出来", "查询 {grp}", "把 {grp} 的名字列给我", "盘点一下 {grp}", "列举 {grp}",
        "帮我搜搜 {grp}",
        "给我把 {grp} 找出来", "~请将 {grp} 逐一列出", "~{grp} 的话，列个清单给我", "帮我把 {grp} 搜出来", "找一下 {grp}，列出来给我看", "查找并列出 {grp}",
        "给我看看 {grp} 都有哪些", "!能不能查一下 {grp} 有哪些？",
    ),
    "read_one": (
        "查看 {one} 的内容", "显示 {one} 的内容", "打开 {one}", "读取 {one}", "!{one} 里写了什么？", "看一下 {one}",
        "把 {one} 的内容显示出来", "输出 {one} 的内容", "打印 {one}", "读一下 {one}", "!{one} 的内容是什么？",
        "显示 {one}",
        "看看 {one} 写了什么", "打开 {one} 看一下", "显示一下 {one} 的内容", "读出 {one} 的内容",
        "!{one} 里面写的是什么？", "查阅 {one}", "展示 {one} 的全部内容", "{one} 的内容给我看一下", "把 {one} 里写的东西读出来",
        "瞄一眼 {one} 里的内容", "~我想知道 {one} 里写了些什么", "把 {one} 的正文贴出来给我",
        "把 {one} 打开给我看看", "!能看看 {one} 里写的东西吗？", "调出 {one} 的内容", "~{one}，显示一下内容", "看下 {one} 的内容", "预览 {one}",
        "帮我看看 {one} 里都写了些啥", "将 {one} 的内容完整显示出来",
        "~把 {one} 里的内容读给我", "~{one} 的话，打开看看写了啥", "{one} 里面是什么内容，给我看看", "打开 {one}，把内容贴出来", "!{one} 里头写的啥？",
        "看一看 {one} 的内容", "把 {one} 的全文显示一下", "!可以打开 {one} 给我看一下吗？", "读取并显示 {one} 的内容",
    ),
    "read_grp": (
        "显示 {grp} 的内容", "查看 {grp} 的内容", "把 {grp} 的内容都打印出来", "读取 {grp}",
        "打开 {grp} 看看内容",
        "依次显示 {grp} 的内容", "逐个读取 {grp} 的内容", "!{grp} 里都写了些什么？", "把 {grp} 的内容全部输出", "{grp} 的内容都给我看看",
        "挨个打印 {grp} 的内容", "读一读 {grp} 里写的东西", "把 {grp} 都打开，看看里面写了什么",
        "把 {grp} 的内容一个个显示出来", "~{grp}，内容都显示一下", "!能把 {grp} 里写的东西都给我看看吗？", "查阅 {grp} 的全部内容", "输出 {grp} 的全文",
        "帮我看看 {grp} 里都写了什么", "预览一下 {grp} 的内容", "将 {grp} 的内容逐一展示",
        "把 {grp} 的内容全都读出来", "~{grp} 的话，把内容都显示出来", "一个一个打开 {grp}，把内容给我看", "!{grp} 里面分别写了什么？", "查看一下 {grp} 各自的内容",
        "将 {grp} 的内容全部显示出来", "读出 {grp} 的全部内容", "!可以把 {grp} 的内容都打印出来吗？", "给我看看 {grp} 的内容",
    ),
    "create_file": (
        "新建文件 {path}，内容是 {text}", "创建 {path}，写入 {text}", "新建一个 {path}，内容为 {text}",
        "创建文件 {path} 并写入 {text}", "建一个文件 {path}，里面写 {text}", "生成 {path}，内容：{text}",
        "新建 {path}，里面写上 {text}", "创建一个内容为 {text} 的文件 {path}", "写一个新文件 {path}，内容是 {text}",
        "新建 {path} 文件，写入内容 {text}",
        "创建一个叫 {path} 的文件，内容是 {text}", "在 {path} 写入 {text}（新建文件）", "新建 {path}，把 {text} 写进去",
        "搞一个 {path} 文件出来，里面放 {text}", "新创建一个文件 {path}，里面的内容是 {text}", "弄一个新文件 {path}，写入 {text}",
        "把 {text} 写到一个新文件 {path} 里", "生成一个新文件 {path}，文件内容为 {text}", "{path} 这个文件新建一下，内容是 {text}",
        "创建 {path} 文件，往里写 {text}", "新建一个文件，名字叫 {path}，内容写成 {text}",
        "整一个新文件 {path}，内容就写 {text}", "把 {text} 保存到新文件 {path} 里", "新建 {path}，正文写 {text}",
        "~{path} 还不存在，新建一个，内容写 {text}", "创建新文件 {path}，文本内容为 {text}", "帮我写个 {path}，里面就一句 {text}",
        "生成文件 {path}，并在其中写入 {text}", "加一个新文件 {path}，内容填 {text}", "用 {text} 作为内容新建 {path}",
        "帮我新建 {path}，里面写 {text}", "新建文件 {path}，在里面写上一句 {text}", "~请创建文件 {path}，并将内容设为 {text}",
        "创建一个新的 {path}，往里面写 {text}", "!可以帮我建一个 {path} 吗？内容是 {text}", "做一个 {path} 文件，里面的内容是 {text}",
        "新开一个文件 {path}，写 {text}", "创建 {path}，文件内容：{text}", "给我建个 {path}，写上 {text}",
    ),
    "create_empty": (
        "新建一个空文件 {path}", "创建空文件 {path}", "建一个空的 {path}", "新建文件 {path}，先空着",
        "创建一个名为 {path} 的空文件", "生成空文件 {path}",
        "新建空白文件 {path}", "创建一个空的文件 {path}",
        "建个空文件叫 {path}", "新建 {path}，里面什么都不写", "弄一个空白的 {path} 文件", "创建 {path}，内容留空",
        "整一个空的 {path} 出来", "建立一个没有内容的文件 {path}",
        "加一个空文件 {path}", "~{path}，新建一个空的就行", "!能帮我建个空文件 {path} 吗？", "新建 {path}，不用写内容", "创建个空的 {path} 放着",
        "生成一个零字节的文件 {path}", "帮我搞个空白文件 {path}", "新增一个空文件 {path}",
        "~{path} 的话，先建个空文件", "~请新建空文件 {path}，暂不写入内容", "建一个 {path}，先不用写东西", "!可以先创建一个空的 {path} 吗？", "新建 {path}，空文件就行",
        "创建一个内容为空的文件 {path}", "~先建个空的 {path} 占位", "给我整个空文件 {path}", "生成一个空白文件，命名为 {path}",
    ),
    "create_dir": (
        "新建文件夹 {dpath}", "创建目录 {dpath}", "建一个文件夹叫 {dpath}", "新建一个名为 {dpath} 的文件夹",
        "创建文件夹 {dpath}", "建个目录 {dpath}", "新建目录 {dpath}", "创建一个新文件夹 {dpath}",
        "帮忙建一个 {dpath} 文件夹",
        "新建一个目录 {dpath}", "建立文件夹 {dpath}", "创建一个叫 {dpath} 的文件夹",
        "加一个叫 {dpath} 的新目录", "弄一个新的文件夹，叫 {dpath}", "开一个新文件夹 {dpath}", "{dpath} 这个文件夹建一下",
        "给我建个 {dpath} 目录", "新建一个空文件夹 {dpath}", "添加文件夹 {dpath}",
        "整一个 {dpath} 文件夹出来", "~{dpath} 文件夹还没有，建一个", "!能不能建一个叫 {dpath} 的目录？", "创建名为 {dpath} 的目录", "新增目录 {dpath}",
        "搞个文件夹 {dpath}", "建文件夹 {dpath}", "帮我开个 {dpath} 文件夹",
        "帮我新建个目录叫 {dpath}", "~请新建一个名称为 {dpath} 的文件夹", "~需要一个叫 {dpath} 的文件夹，建一下", "!能创建一个 {dpath} 目录吗？",
        "建立目录 {dpath}", "弄个目录 {dpath} 出来", "新建文件夹，命名为 {dpath}", "创建一个空目录 {dpath}", "给我新开一个目录 {dpath}",
    ),
    "append": (
        "在 {sel} 末尾追加 {text}", "往 {sel} 里追加一行 {text}", "在 {sel} 的最后加上 {text}",
        "给 {sel} 末尾添加一行 {text}", "把 {text} 追加到 {sel}", "在 {sel} 结尾加一行 {text}",
        "往 {sel} 后面添加 {text}", "把 {text} 加到 {sel} 的末尾", "在 {sel} 最后追加一行：{text}",
        "在 {sel} 后面追加一行 {text}", "给 {sel} 追加内容 {text}", "往 {sel} 末尾写入 {text}",
        "在 {sel} 的末尾再加一句 {text}", "给 {sel} 后面补上一行 {text}", "把 {text} 续写到 {sel} 后面",
        "{sel} 的最后面再添一行 {text}", "将 {text} 添加到 {sel} 的结尾", "在 {sel} 的尾部追加一行：{text}",
        "把 {text} 接在 {sel} 的最后", "往 {sel} 里接着写一行 {text}，加在最后",
        "~{sel}，在最后加一行 {text}", "把 {text} 写进 {sel} 的末尾", "在 {sel} 最底下添上 {text}", "往 {sel} 最后塞一行 {text}",
        "在 {sel} 文末追加 {text}", "帮我在 {sel} 的尾巴上加 {text}", "!能在 {sel} 最后加一行 {text} 吗？", "将 {text} 附加到 {sel} 末尾",
        "在 {sel} 的最后一行下面写 {text}",
        "往 {sel} 里加一句 {text}", "在 {sel} 的末尾续写 {text}", "~请将 {text} 追加至 {sel} 末尾", "~{sel} 的话，最后补一行 {text}",
        "把 {text} 加在 {sel} 最后一行的后面", "!可以往 {sel} 后面追加一句 {text} 吗？", "给 {sel} 续上一行 {text}", "往 {sel} 里再写一句 {text}",
        "在 {sel} 的最后添加一行内容：{text}", "帮我在 {sel} 后边追加 {text}",
    ),
    "prepend": (
        "在 {sel} 开头加上 {text}", "在 {sel} 的最前面插入 {text}", "把 {text} 加到 {sel} 的开头",
        "在 {sel} 第一行前面加 {text}", "往 {sel} 开头插入一行 {text}", "给 {sel} 开头添加 {text}",
        "在 {sel} 最上面加一行 {text}", "把 {text} 插入到 {sel} 的第一行",
        "在 {sel} 的最开头写上 {text}", "把 {text} 放到 {sel} 的最前面", "在 {sel} 最前头添一句 {text}",
        "让 {sel} 以 {text} 开头", "把 {text} 作为第一行插到 {sel} 里", "在 {sel} 的顶部插入一行 {text}",
        "给 {sel} 的第一行之前补上 {text}",
        "~{sel}，开头加一行 {text}", "把 {text} 写进 {sel} 的开头", "在 {sel} 的开头塞一行 {text}", "往 {sel} 最前面加 {text}",
        "在 {sel} 文首插入 {text}", "帮我在 {sel} 的头部加上 {text}", "!能在 {sel} 最前面加一行 {text} 吗？", "将 {text} 置于 {sel} 的最前面",
        "在 {sel} 的第一行上面写 {text}",
        "在 {sel} 的开头补一行 {text}", "~请将 {text} 插入至 {sel} 的开头", "~{sel} 的话，在最前面加一行 {text}", "把 {text} 加到 {sel} 第一行之前",
        "往 {sel} 的开头写一句 {text}", "!可以在 {sel} 开头插一行 {text} 吗？", "给 {sel} 的开头加上一句 {text}", "在 {sel} 的最顶上添一行 {text}",
        "把 {sel} 的第一行前面加上 {text}", "帮我在 {sel} 的开头插入 {text}",
    ),
    "replace": (
        "把 {sel} 里的 {find} 替换成 {text}", "将 {sel} 中的 {find} 改为 {text}", "在 {sel} 里把 {find} 换成 {text}",
        "把 {sel} 中所有的 {find} 都替换为 {text}", "{sel} 里的 {find} 全部改成 {text}",
        "替换 {sel} 中的 {find} 为 {text}", "在 {sel} 中用 {text} 替换 {find}", "把 {sel} 里出现的 {find} 改成 {text}",
        "将 {sel} 里的 {find} 都换成 {text}", "把 {sel} 中的 {find} 替换为 {text}", "{sel} 中的 {find} 改成 {text}",
        "把 {sel} 里面的 {find} 统统换成 {text}", "{sel} 中出现的 {find} 一律替换为 {text}",
        "将 {sel} 里所有 {find} 改写为 {text}", "用 {text} 替掉 {sel} 里的 {find}",
        "{find} 在 {sel} 里全部换成 {text}", "{sel} 里凡是 {find} 的地方都改成 {text}",
        "~{sel} 里的 {find}，全部换成 {text}", "把 {sel} 里的 {find} 批量改成 {text}", "对 {sel} 中的 {find} 进行替换，替换为 {text}",
        "把 {sel} 里的 {find} 都弄成 {text}", "!能把 {sel} 里的 {find} 换成 {text} 吗？", "在 {sel} 中查找 {find}，全部替换为 {text}",
        "帮我把 {sel} 里面的 {find} 改掉，改成 {text}", "将 {sel} 里的 {find} 更换为 {text}",
        "~{sel} 的话，把里面的 {find} 替换成 {text}", "~请将 {sel} 内的 {find} 一并替换为 {text}", "把 {sel} 里写的 {find} 改写成 {text}",
        "{sel} 里的 {find} 都给我换成 {text}", "在 {sel} 里搜 {find}，都改成 {text}", "!{sel} 里的 {find} 可以全部改成 {text} 吗？",
        "把 {find} 在 {sel} 中的所有出现替换为 {text}", "将 {sel} 里出现 {find} 的地方全部替换成 {text}", "用 {text} 替换 {sel} 里所有的 {find}",
    ),
    "replace_regex": (
        "在 {sel} 里用正则 {find} 替换为 {text}", "把 {sel} 中匹配正则 {find} 的内容替换成 {text}",
        "用正则表达式 {find} 把 {sel} 里的匹配项换成 {text}", "对 {sel} 做正则替换：{find} 替换为 {text}",
        "将 {sel} 中符合正则 {find} 的部分改为 {text}", "正则替换 {sel} 里的 {find} 为 {text}",
        "用正则把 {sel} 里的 {find} 替换为 {text}",
        "用正则 {find} 匹配 {sel} 的内容，替换成 {text}", "在 {sel} 中按正则 {find} 查找并替换为 {text}",
        "把 {sel} 里符合正则表达式 {find} 的文字改成 {text}", "对 {sel} 执行正则替换，把 {find} 换成 {text}",
        "{sel} 里匹配正则 {find} 的地方都换成 {text}", "以正则 {find} 为模式，把 {sel} 中的匹配替换为 {text}",
        "~{sel} 里匹配正则 {find} 的，都替换成 {text}", "把 {sel} 中能被正则 {find} 匹配到的文字改为 {text}",
        "用正则式 {find} 在 {sel} 里查找，替换成 {text}", "!能用正则 {find} 把 {sel} 里的内容替换成 {text} 吗？",
        "按正则表达式 {find} 替换 {sel} 中的内容为 {text}", "帮我在 {sel} 里做个正则替换，{find} 改成 {text}",
        "对 {sel} 进行正则替换：模式 {find}，替换为 {text}", "{sel} 中凡是匹配正则 {find} 的都换成 {text}",
        "~{sel} 的话，用正则 {find} 匹配，替换成 {text}", "~请将 {sel} 中与正则 {find} 匹配的内容替换为 {text}",
        "拿正则 {find} 去匹配 {sel}，匹配上的全部改成 {text}", "把 {sel} 里能匹配正则 {find} 的都给我换成 {text}",
        "!{sel} 里匹配正则 {find} 的部分能换成 {text} 吗？", "在 {sel} 中做一次正则替换，把 {find} 替换成 {text}",
        "正则 {find}，在 {sel} 里匹配到的都替换为 {text}", "用正则表达式 {find} 在 {sel} 中搜索，并替换为 {text}",
    ),
    "set": (
        "把 {sel} 的内容改成 {text}", "用 {text} 覆盖 {sel}", "将 {sel} 的内容设为 {text}", "把 {text} 写入 {sel}",
        "清空 {sel} 然后写入 {text}", "把 {sel} 的内容替换为 {text}", "{sel} 的内容改为 {text}",
        "覆盖 {sel}，内容改成 {text}", "把 {sel} 重写为 {text}",
        "把 {sel} 的内容全部换成 {text}", "将 {text} 写进 {sel}，覆盖原来的内容", "重写 {sel}，内容为 {text}",
        "把 {sel} 的内容清空，改成 {text}", "将 {sel} 原有内容覆盖为 {text}", "{sel} 整个改写成 {text}",
        "用 {text} 取代 {sel} 现有的内容", "让 {sel} 的内容只剩 {text}", "拿 {text} 把 {sel} 覆盖掉",
        "把 {sel} 里的文字全部换掉，只留 {text}",
        "~{sel} 的内容，整个换成 {text}", "用 {text} 把 {sel} 的内容整个替换掉", "把 {sel} 原来的内容删光，写上 {text}", "将 {sel} 的全部内容更新为 {text}",
        "!能把 {sel} 的内容整个改成 {text} 吗？", "~{sel} 里的东西全换掉，换成 {text}", "帮我把 {sel} 的内容改写成 {text}，原来的不要了",
        "把 {sel} 的旧内容清掉，重新写成 {text}", "把 {text} 整个覆盖进 {sel} 里",
        "把 {sel} 清空后写入 {text}", "~{sel} 的话，内容直接改成 {text}", "~请以 {text} 覆盖 {sel} 的现有内容", "!能用 {text} 覆盖掉 {sel} 吗？",
        "覆盖写入 {sel}：{text}", "帮我把 {sel} 整个覆盖成 {text}", "把 {sel} 的内容重置为 {text}", "将 {sel} 清空，重新写入 {text}",
        "{sel} 的内容不要了，整个替换成 {text}",
    ),
    "delete": (
        "删除 {sel}", "删掉 {sel}", "移除 {sel}", "把 {sel} 删了", "把 {sel} 删除", "把 {grp} 都删掉",
        "!能把 {sel} 删掉吗？", "清除 {sel}", "将 {sel} 删除", "把 {sel} 扔进回收站", "~不要 {sel} 了，删掉",
        "干掉 {sel}", "{sel} 删掉",
        "把 {sel} 删掉吧", "删去 {sel}", "帮忙删除 {sel}", "删除掉 {sel}", "把 {sel} 给删了", "~{sel} 不要了，删了吧",
        "清理掉 {sel}", "~{grp} 全删了吧", "给我把 {sel} 删了", "!帮我把 {sel} 删掉好吗？", "把 {sel} 从目录里去掉",
        "把 {sel} 从磁盘上删掉", "把 {grp} 统统删除", "~{sel} 没用了，删除吧",
        "~{sel}，删掉", "把 {sel} 扔了", "把 {grp} 全部清掉", "将 {sel} 予以删除", "删 {sel}", "麻烦把 {sel} 删一下", "!可以帮我删除 {sel} 吗？",
        "把 {sel} 彻底删除", "删一下 {sel}",
        "~{sel} 的话，直接删掉就行", "把 {sel} 放进回收站", "帮我把 {sel} 删干净", "!能不能把 {sel} 删了？", "删了 {sel} 吧", "~{grp} 一个不留，全部删掉",
        "将 {sel} 永久删除", "把 {sel} 删除掉，不要了", "把 {grp} 全都清理掉",
    ),
    "move": (
        "把 {sel} 移动到 {dst}", "将 {sel} 移到 {dst}", "把 {sel} 挪到 {dst}", "把 {sel} 放到 {dst}",
        "把 {sel} 转移到 {dst}", "{sel} 移到 {dst} 去", "移动 {sel} 到 {dst}", "把 {grp} 都放进 {dst}",
        "将 {sel} 移至 {dst}", "!能把 {sel} 移到 {dst} 吗？", "把 {sel} 搬到 {dst}", "{grp} 全部挪到 {dst} 里",
        "把 {sel} 扔到 {dst} 里", "把 {sel} 归档到 {dst}",
        "把 {sel} 移进 {dst}", "将 {sel} 转移到 {dst} 里", "把 {sel} 移动到 {dst} 中", "{sel} 放到 {dst} 里",
        "给我把 {sel} 移走，放到 {dst}", "~{sel} 挪到 {dst} 去吧", "把 {sel} 剪切到 {dst}", "把 {sel} 从原位置移到 {dst}",
        "把 {grp} 统一移到 {dst} 下面", "{grp} 都搬进 {dst}", "!{sel} 能挪到 {dst} 去吗？", "挪 {sel} 到 {dst}",
        "~{sel}，放进 {dst} 里", "把 {sel} 丢进 {dst}", "将 {sel} 迁移至 {dst}", "把 {sel} 拖到 {dst} 里", "!{sel} 可以移动到 {dst} 吗？",
        "麻烦把 {sel} 移到 {dst} 那边", "把 {grp} 收到 {dst} 里", "{sel} 弄到 {dst} 去", "把 {sel} 挪去 {dst}",
        "~{sel} 的话，挪到 {dst} 里去", "~请将 {sel} 移动至 {dst}", "~目标位置是 {dst}，把 {sel} 移过去", "把 {grp} 一股脑儿挪到 {dst}",
        "!可以把 {sel} 转移到 {dst} 里吗？", "把 {sel} 移动到 {dst} 下面", "~{sel} 别放这里了，挪到 {dst} 去", "把 {sel} 移入 {dst}",
        "将 {grp} 全部迁移到 {dst} 中",
    ),
    "copy": (
        "把 {sel} 复制到 {dst}", "将 {sel} 拷贝到 {dst}", "复制 {sel} 到 {dst}", "把 {sel} 备份到 {dst}",
        "拷贝 {sel} 到 {dst}", "把 {sel} 复制一份到 {dst}", "在 {dst} 里放一份 {sel} 的副本", "将 {sel} 复制至 {dst}",
        "!能把 {sel} 拷到 {dst} 吗？", "把 {sel} 拷一份放到 {dst}", "{sel} 复制到 {dst} 里",
        "把 {sel} 复制进 {dst}", "将 {sel} 复制一份放到 {dst}", "复制一份 {sel} 到 {dst}", "把 {sel} 拷贝一份到 {dst}",
        "把 {sel} 拷到 {dst} 一份", "在 {dst} 里给 {sel} 做个备份", "{sel} 复制一份放进 {dst}",
        "把 {grp} 都复制到 {dst} 里，原文件保留", "将 {sel} 另存一份到 {dst}", "复制 {sel}，粘贴到 {dst}",
        "!{sel} 能不能拷一份到 {dst}？", "给我把 {sel} 备份进 {dst}",
        "~{sel}，复制一份到 {dst}", "把 {sel} 备份一份放在 {dst}", "将 {sel} 备份至 {dst}", "把 {sel} 也放一份到 {dst}",
        "!能不能复制一份 {sel} 放到 {dst}？", "在 {dst} 里存一份 {sel}", "帮我把 {sel} 拷进 {dst}", "{grp} 都备份到 {dst}",
        "把 {sel} 克隆一份到 {dst}",
        "~{sel} 的话，拷一份放进 {dst}", "~请将 {sel} 备份一份至 {dst}，原文件保留", "往 {dst} 里拷一份 {sel}", "~{dst} 里也要一份 {sel}，复制过去吧",
        "把 {grp} 都拷贝一份放进 {dst}，原来的别动", "!能不能帮我把 {sel} 复制到 {dst} 去？", "复制 {sel}，放一份在 {dst}", "把 {sel} 拷贝到 {dst} 下面",
        "{sel} 做一份副本，放到 {dst}",
    ),
    "rename_one": (
        "把 {item} 重命名为 {new}", "将 {item} 改名为 {new}", "{item} 改名成 {new}", "把 {item} 的名字改成 {new}",
        "重命名 {item} 为 {new}", "给 {item} 改个名字叫 {new}", "把 {item} 改名叫 {new}", "将 {item} 重命名成 {new}",
        "{item} 重命名为 {new}",
        "把 {item} 改成 {new}", "给 {item} 重新命名为 {new}", "{item} 的名字改为 {new}",
        "把 {item} 的名称改掉，新名称用 {new}", "{item} 换个名字，叫 {new}", "把 {item} 重新起名为 {new}",
        "重新命名 {item}，新名字是 {new}", "~{item} 以后就叫 {new} 吧", "!麻烦把 {item} 改名成 {new} 好吗？",
        "给我把 {item} 重命名成 {new}",
        "~{item}，改名 {new}", "把 {item} 更名为 {new}", "将 {item} 的名称修改为 {new}", "{item} 改叫 {new}",
        "!能把 {item} 的名字改成 {new} 吗？", "帮我把 {item} 改名，就叫 {new}", "把 {item} 命名为 {new}", "给 {item} 起个新名字：{new}",
        "改一下 {item} 的名字，改成 {new}",
        "~{item} 的话，名字改成 {new}", "~请把 {item} 重命名一下，新名字为 {new}", "!{item} 能改名叫 {new} 吗？", "{item} 名字换成 {new}",
        "把 {item} 改一下名，叫做 {new}", "帮我重命名 {item}，改为 {new}", "对 {item} 进行重命名，新名称为 {new}", "~{item} 的名字不好，改成 {new}",
        "在原位置把 {item} 改名为 {new}",
    ),
    "rename_ext": (
        "把 {grp} 的扩展名改成 {ext2}", "将 {grp} 的后缀改为 .{ext2}", "把 {grp} 改成 .{ext2}",
        "修改 {grp} 的扩展名为 {ext2}", "{grp} 的后缀都改成 .{ext2}", "把 {grp} 的文件后缀换成 {ext2}",
        "将 {grp} 的扩展名全部改为 {ext2}", "把 {grp} 的后缀名改成 .{ext2}",
        "{grp} 统一改成 .{ext2} 后缀", "将 {grp} 的文件扩展名设为 {ext2}", "把 {grp} 重命名为 .{ext2} 扩展名",
        "给 {grp} 换个扩展名：.{ext2}", "把 {grp} 都改为 {ext2} 后缀", "~{grp} 的后缀不对，应该是 .{ext2}，改一下",
        "!{grp} 的扩展名可以统一换成 {ext2} 吗？",
        "~{grp}，后缀全改成 .{ext2}", "把 {grp} 的扩展名批量改为 {ext2}", "将 {grp} 的后缀名变更为 .{ext2}", "{grp} 的扩展名换成 .{ext2}",
        "帮我把 {grp} 的后缀改一下，改成 {ext2}", "把 {grp} 的格式后缀弄成 .{ext2}", "!{grp} 的后缀能改成 .{ext2} 吗？", "{grp} 一律改用 .{ext2} 扩展名",
        "~{grp} 的话，扩展名全部改成 .{ext2}", "~请将 {grp} 的扩展名统一修改为 {ext2}", "!能不能把 {grp} 的扩展名改为 .{ext2}？",
        "{grp} 后缀统一改 .{ext2}", "把 {grp} 的扩展名都改成 .{ext2}，只改名字不转格式", "给 {grp} 换后缀，换成 {ext2}",
        "将 {grp} 的文件后缀名更改为 .{ext2}", "{grp} 的扩展名，统一设置成 {ext2}",
    ),
    "rename_prefix": (
        "给 {grp} 的文件名加上前缀 {pre}", "在 {grp} 的名字前面加 {pre}", "把 {grp} 都加上 {pre} 前缀",
        "给 {grp} 加前缀 {pre}", "{grp} 的文件名前加上 {pre}", "为 {grp} 添加前缀 {pre}",
        "在 {grp} 的文件名开头加上 {pre}", "把 {grp} 的名字前面都加上 {pre}",
        "把 {grp} 重命名，在原名前加上 {pre}", "给 {grp} 的名字开头都加上 {pre}", "在 {grp} 的文件名最前面添加 {pre}",
        "把前缀 {pre} 加到 {grp} 的文件名上", "{grp} 的名字前头统一补上 {pre}", "给 {grp} 批量加前缀，前缀是 {pre}",
        "!{grp} 能不能都加上 {pre} 这个前缀？",
        "~{grp}，名字前面都加 {pre}", "把 {pre} 作为前缀加到 {grp} 的名字上", "{grp} 批量重命名：名字前面加 {pre}", "帮我给 {grp} 的名字前面加个 {pre}",
        "!能在 {grp} 的文件名前面加上 {pre} 吗？", "让 {grp} 的文件名都以 {pre} 开头", "{grp} 加个前缀 {pre}", "给 {grp} 的文件名统一冠上前缀 {pre}",
        "~{grp} 的话，文件名前面统一加上 {pre}", "~请在 {grp} 的文件名前统一加上前缀 {pre}", "把 {grp} 改名，名字前面都加 {pre}",
        "!可以给 {grp} 的名字前面加个 {pre} 吗？", "{grp} 的文件名开头都加上 {pre}，内容不用动", "帮我给 {grp} 的文件名补个前缀 {pre}",
        "给 {grp} 重命名：在名字最前面加上 {pre}", "把 {grp} 的名字都改成 {pre} + 原名", "在 {grp} 的名称前面冠以 {pre}",
    ),
    "rename_template": (
        "把 {grp} 按 {tpl} 的格式重命名", "用模板 {tpl} 重命名 {grp}", "将 {grp} 批量重命名为 {tpl}",
        "按照 {tpl} 给 {grp} 改名", "把 {grp} 统一改名成 {tpl}",
        "把 {grp} 的名字统一改成 {tpl} 这种格式", "按 {tpl} 这个模板批量重命名 {grp}", "{grp} 按照模板 {tpl} 重新命名",
        "以 {tpl} 为模板给 {grp} 批量改名", "给 {grp} 批量改名，格式是 {tpl}", "将 {grp} 依次重命名为 {tpl}",
        "批量重命名 {grp}，命名规则为 {tpl}",
        "~{grp}，名字统一按 {tpl} 来", "把 {grp} 按模板 {tpl} 批量改名", "以 {tpl} 的格式对 {grp} 进行批量重命名", "帮我把 {grp} 照着 {tpl} 改名",
        "!能按 {tpl} 把 {grp} 批量重命名吗？", "{grp} 的文件名套用模板 {tpl}", "用 {tpl} 这个命名模板给 {grp} 改名", "给 {grp} 统一命名为 {tpl} 的样式",
        "~{grp} 的话，按 {tpl} 这个格式批量改名", "~请依照模板 {tpl} 对 {grp} 批量重命名", "!可以把 {grp} 的名字统一改成 {tpl} 这样吗？",
        "按 {tpl} 的命名格式，把 {grp} 挨个重命名", "{grp} 全部照 {tpl} 的样子改名", "把 {grp} 批量改名，新名字按 {tpl} 来", "重命名 {grp}，名字格式：{tpl}",
        "将 {grp} 的文件名按模板 {tpl} 统一修改",
    ),
    "rename_suffix": (
        "给 {grp} 的文件名加上后缀 {suf}", "在 {grp} 的名字后面加 {suf}", "给 {grp} 加后缀 {suf}",
        "为 {grp} 的文件名添加后缀 {suf}", "{grp} 的名字后面都加上 {suf}", "把 {grp} 都加上 {suf} 后缀",
        "在 {grp} 的文件名末尾加上 {suf}", "把 {grp} 的名字后面都加上 {suf}",
        "{grp} 的名字后头统一补上 {suf}", "给 {grp} 的名字末尾都添上 {suf}", "把 {suf} 加到 {grp} 的文件名后面",
        "把 {grp} 重命名，在原名后面接上 {suf}", "给 {grp} 批量加后缀，后缀是 {suf}", "{grp} 改名：原名后面加 {suf}",
        "!{grp} 的文件名后面能加上 {suf} 吗？",
        "~{grp}，名字后面都加 {suf}", "把 {suf} 作为后缀加到 {grp} 的名字上", "{grp} 批量重命名：名字后面加 {suf}", "帮我给 {grp} 的名字后面加个 {suf}",
        "!{grp} 能不能都加上 {suf} 这个后缀？", "{grp} 加个后缀 {suf}", "给 {grp} 的文件名统一接上后缀 {suf}", "把 {grp} 的名字尾部都加上 {suf}",
        "~{grp} 的话，文件名后面统一加上 {suf}", "~请在 {grp} 的文件名后统一加上后缀 {suf}", "把 {grp} 改名，名字后面都加 {suf}",
        "!可以给 {grp} 的名字后面加个 {suf} 吗？", "{grp} 的文件名结尾都加上 {suf}，内容不用动", "帮我给 {grp} 的文件名补个后缀 {suf}",
        "给 {grp} 重命名：原名后面追加 {suf}", "把 {grp} 的名字都改成原名 + {suf}", "在 {grp} 的名称后面缀上 {suf}",
    ),
    "classify_ext": (
        "按扩展名整理 {F}", "把 {F} 里的文件按类型分类", "按格式整理 {grp}", "将 {grp} 按扩展名分类",
        "把 {F} 按文件类型归类", "按后缀名给 {F} 分类", "把 {grp} 按格式分到不同文件夹", "按文件类型整理一下 {F}",
        "按文件后缀整理 {grp}", "把 {F} 按扩展名分到不同文件夹",
        "按文件扩展名给 {F} 分一下类", "把 {F} 里的东西按后缀名分开放", "根据后缀名，把 {grp} 放进对应的文件夹", "{F} 里的文件，同一种扩展名的放一起",
        "按后缀把 {grp} 分门别类", "根据扩展名整理 {F} 里的文件", "按格式把 {F} 里的文件分开", "把 {grp} 按扩展名一类一类放好",
        "~{F}，按扩展名分类", "把 {grp} 按后缀归类", "对 {F} 按文件扩展名进行归类", "帮我按格式整理一下 {F}", "!能不能按后缀名给 {F} 分一下类",
        "把 {F} 里的文件按扩展名归档到各自的文件夹", "{grp} 按扩展名整一下", "把 {F} 按文件格式分好",
        "~{F} 的话，按扩展名分到各个文件夹", "~请将 {grp} 依据扩展名进行归类", "把 {F} 按后缀分组", "!可以把 {grp} 按扩展名归个类吗？", "帮我把 {F} 按文件扩展名整理好",
        "按扩展名给 {grp} 建文件夹分开放", "把 {F} 里相同后缀的文件归到一起", "{grp} 按后缀名分一分", "依照扩展名整理 {F}",
    ),
    "classify_type": (
        "按类别整理 {F}", "把 {grp} 按类别分类", "将 {F} 分成文档、图片、视频等类别", "把 {F} 里的文件按种类归类",
        "按文件类别整理 {grp}", "给 {F} 按大类分一下",
        "把 {grp} 按文件种类分类", "按类别归类 {F}",
        "把 {F} 里的东西分成图片、文档、音乐这些类", "按文档、图片、音乐等类别整理 {grp}", "{F} 里的图片、文档、视频各归各类", "{F} 按种类整理一下",
        "将 {grp} 按图片、文档、视频这些大类归类", "把 {F} 按大类归档", "把 {grp} 按照类别归到不同文件夹",
        "~{F}，按类别分一下", "把 {grp} 分成图片、文档、视频几大类", "对 {F} 按文件类别进行归档", "帮我按种类整理一下 {F}", "!能不能按类别整理一下 {F}",
        "把 {F} 里的东西按种类分到不同文件夹", "{grp} 按大类整一下", "把 {F} 按文档、图片、视频等类别归好",
        "~{F} 的话，按图片、文档、视频这些类别分开", "~请将 {grp} 按文件类别予以归类", "把 {F} 里的照片、文档、音频各放各的文件夹", "!可以把 {grp} 按种类分一下吗？",
        "帮我把 {F} 按大类整理好", "按种类给 {grp} 分文件夹", "把 {F} 里同一类别的文件归到一起", "{grp} 按类别分一分", "依照文件种类整理 {F}",
    ),
    "classify_year": (
        "按年份整理 {F}", "把 {grp} 按年份分类", "将 {F} 按年归档", "按修改年份给 {grp} 分文件夹",
        "把 {F} 里的文件按年份归类",
        "按年份归档 {grp}", "把 {F} 按年份整理一下",
        "根据修改年份整理 {F}", "{F} 里的文件按年份各放一个文件夹", "把 {grp} 按年份放到不同文件夹", "把 {F} 整理成每年一个文件夹",
        "按照年份对 {grp} 进行分类", "把 {F} 按修改时间的年份分类",
        "~{F}，按年份分一下", "把 {grp} 按年分开放", "对 {F} 按修改年份进行归档", "帮我按年份整理一下 {F}", "!能不能把 {F} 按年份分类", "{grp} 按年份整一下",
        "把 {F} 里的文件按修改年份分开", "把 {F} 按年分到各自的年份文件夹里",
        "~{F} 的话，按年份分到不同文件夹", "~请将 {grp} 按修改年份予以归档", "!可以把 {grp} 按年份归个档吗？", "帮我把 {F} 按年份整理好", "按年份给 {grp} 建文件夹分开放",
        "把 {F} 里同一年修改的文件归到一起", "{grp} 按年分一分", "依照年份整理 {F}", "把 {F} 按年份分组",
    ),
    "classify_month": (
        "按月份整理 {F}", "把 {grp} 按月份分类", "将 {F} 按月归档", "按修改月份给 {grp} 分文件夹",
        "把 {F} 里的文件按月份归类",
        "按月份归档 {grp}", "把 {F} 按月份整理一下",
        "根据修改月份整理 {F}", "{F} 里的文件按月份各放一个文件夹", "把 {grp} 按月份放到不同文件夹", "把 {F} 整理成每个月一个文件夹",
        "按照月份对 {grp} 进行分类", "把 {F} 按修改时间的月份分类",
        "~{F}，按月份分一下", "把 {grp} 按月分开放", "对 {F} 按修改月份进行归档", "帮我按月份整理一下 {F}", "!能不能把 {F} 按月份分类", "{grp} 按月份整一下",
        "把 {F} 里的文件按修改月份分开", "把 {F} 按月分到各自的月份文件夹里",
        "~{F} 的话，按月份分到不同文件夹", "~请将 {grp} 按修改月份予以归档", "!可以把 {grp} 按月份归个档吗？", "帮我把 {F} 按月份整理好", "按月份给 {grp} 建文件夹分开放",
        "把 {F} 里同一个月修改的文件归到一起", "{grp} 按月分一分", "依照月份整理 {F}", "把 {F} 按月分成一个个文件夹",
    ),
    "classify_size": (
        "按大小整理 {F}", "把 {grp} 按文件大小分类", "将 {F} 按大小分成大中小", "按文件大小给 {grp} 分组",
        "把 {F} 里的文件按大小归类",
        "按文件大小整理 {grp}", "把 {F} 按大小整理一下",
        "根据文件大小整理 {F}", "把 {F} 里的大文件小文件分开放", "把 {grp} 按大小分到不同文件夹", "按照大小对 {grp} 进行分类",
        "把 {F} 里的文件按体积大小归档", "{F} 里的文件，按大小分成几档",
        "~{F}，按大小分一下", "把 {grp} 按大小分开放", "对 {F} 按文件大小进行归档", "帮我按大小整理一下 {F}", "!能不能把 {F} 按文件大小分类", "{grp} 按大小整一下",
        "把 {F} 里的文件按大小分档", "把 {F} 按大中小分到不同文件夹里",
        "~{F} 的话，按文件大小分到不同文件夹", "~请将 {grp} 按文件大小予以归类", "!可以把 {grp} 按大小归个类吗？", "帮我把 {F} 按大小整理好", "按大小给 {grp} 建文件夹分开放",
        "把 {F} 里大小差不多的文件归到一起", "{grp} 按大小分一分", "依照文件体积整理 {F}",
    ),
    "classify_keywords": (
        "整理 {F}：{rules}", "把 {grp} 分类，{rules}", "对 {F} 按关键词分类：{rules}", "整理 {grp}，{rules}",
        "{F} 里的文件，{rules}", "给 {grp} 归类：{rules}",
        "按内容整理 {F}：{rules}",
        "按关键词整理 {grp}：{rules}", "给 {F} 分一下类，{rules}", "根据文件内容给 {grp} 归类，{rules}",
        "{F} 里的文件这样分：{rules}", "对 {grp} 按内容分类，规则是：{rules}", "把 {F} 整理一下，规则如下：{rules}",
        "按下面的规则整理 {F}：{rules}",
        "~{F}，按内容分：{rules}", "帮我整理 {F}，{rules}", "给 {grp} 分类，规则：{rules}", "按文件内容把 {F} 分一下：{rules}",
        "对 {F} 进行归类：{rules}", "把 {F} 里的文件分一分，{rules}", "根据关键词把 {grp} 归一下类：{rules}", "{grp} 这样归类：{rules}",
        "整理一下 {F}，要求：{rules}",
        "~{F} 的话，这么分：{rules}", "~请按以下规则对 {grp} 进行归类：{rules}", "帮我把 {F} 里的文件按内容分开，{rules}", "根据文件里的关键词整理 {F}，{rules}",
        "把 {grp} 按关键字归个类：{rules}", "整理 {F}，分类规则：{rules}", "把 {F} 分一下，按内容来：{rules}", "依照关键词给 {grp} 分文件夹，{rules}",
    ),
    "classify_default": (
        "整理 {F}", "归类 {grp}", "把 {F} 整理一下", "给 {grp} 分类", "整理一下 {grp}", "帮 {F} 归类",
        "对 {F} 进行分类", "把 {grp} 归类一下", "分类整理 {F}",
        "帮我把 {F} 整理好", "整理一下 {F} 里的文件", "对 {grp} 进行归类",
        "收拾一下 {F}", "把 {grp} 分分类", "给 {F} 做个分类整理", "把 {F} 弄整齐", "自动整理 {F}", "{grp} 理一理",
        "!{F} 能帮忙整理一下吗？", "~{F} 太乱了，整理一下",
        "~{F}，整理一下", "把 {grp} 整理整理", "归置一下 {F}", "帮我把 {F} 收拾好", "!能不能把 {grp} 分个类", "{F} 整一整", "对 {F} 予以分类整理",
        "把 {F} 里的文件归归类", "整理下 {grp}",
        "~{F} 的话，帮忙整理一下", "~请对 {F} 进行整理归档", "!可以帮我收拾一下 {F} 吗？", "把 {F} 收拾收拾", "理一下 {F}", "给 {grp} 整理归类一下",
        "帮我归类整理 {F}", "把 {F} 里乱七八糟的文件理清楚", "自动给 {grp} 分个类",
    ),
    "classify_ruleset": (
        "用 {rs} 规则整理 {F}", "按 {rs} 规则集给 {grp} 分类", "使用规则 {rs} 归类 {F}",
        "用 {rs} 这套规则整理 {grp}", "按照 {rs} 规则对 {F} 分类",
        "按 {rs} 规则整理 {grp}",
        "套用 {rs} 规则整理 {F}", "{grp} 的归类就照 {rs} 规则来", "用规则集 {rs} 给 {F} 分类", "{F} 按 {rs} 这套规则分类",
        "对 {grp} 应用 {rs} 规则进行整理", "按照规则集 {rs} 整理一下 {F}", "拿 {rs} 规则给 {grp} 归类",
        "~{F}，用 {rs} 规则整理", "依照 {rs} 规则集整理 {grp}", "帮我用 {rs} 规则给 {F} 分一下类", "!能不能用 {rs} 规则整理 {F}",
        "{grp} 套 {rs} 规则分类", "以 {rs} 规则集为准，对 {F} 进行归类", "把 {F} 按 {rs} 规则归好类", "{F} 走一遍 {rs} 规则",
        "~{F} 的话，按 {rs} 规则来整理", "~请依据 {rs} 规则集对 {grp} 进行分类", "!可以拿 {rs} 规则给 {F} 分个类吗？", "帮我把 {F} 按 {rs} 这套规则整理好",
        "用 {rs} 规则集给 {grp} 分文件夹", "对 {F} 跑一下 {rs} 规则", "整理 {grp}，规则用 {rs}", "按预设的 {rs} 规则归类 {F}",
    ),
    "tag_add": (
        "给 {sel} 打上 {tags} 标签", "把 {sel} 标记为 {tags}", "给 {sel} 加个 {tags} 的标签", "给 {sel} 添加标签 {tags}",
        "为 {sel} 打标签 {tags}", "把 {sel} 标为 {tags}", "给 {sel} 贴上 {tags} 标签", "{sel} 加上标签 {tags}",
        "给 {sel} 加上 {tags} 标签", "为 {sel} 添加 {tags} 标签", "把 {sel} 打上标签 {tags}",
        "给 {sel} 标上 {tags}", "{sel} 打个 {tags} 标签", "为 {sel} 加上标签：{tags}", "用 {tags} 标记 {sel}",
        "{sel} 需要加上 {tags} 这个标签", "把 {tags} 标签贴到 {sel} 上", "!可以把 {sel} 标成 {tags} 吗？",
        "~{sel}，标签加 {tags}", "给 {sel} 加一个 {tags} 的标记", "给 {sel} 挂上 {tags} 标签", "为 {sel} 设置标签 {tags}",
        "帮我给 {sel} 打标签，标签是 {tags}", "!能给 {sel} 打个 {tags} 标签吗？", "{sel} 标记一下 {tags}", "对 {sel} 添加 {tags} 标记",
        "~{sel} 的话，打上 {tags} 标签", "~请将 {sel} 标注为 {tags}", "把 {sel} 都标上 {tags} 标签", "帮我给 {sel} 贴个标签 {tags}",
        "!{sel} 可以加个 {tags} 标签吗？", "{tags} 标签给 {sel} 打上", "给 {sel} 标记上 {tags} 这个标签", "往 {sel} 上加 {tags} 标签",
        "在 {sel} 上打一个 {tags} 的标签",
    ),
    "tag_remove": (
        "去掉 {sel} 的 {tags} 标签", "把 {sel} 的 {tags} 标签删掉", "移除 {sel} 上的标签 {tags}",
        "取消 {sel} 的 {tags} 标记", "给 {sel} 去掉标签 {tags}", "删除 {sel} 的标签 {tags}",
        "把 {sel} 上的 {tags} 标签去掉", "去除 {sel} 的标签 {tags}",
        "给 {sel} 摘掉 {tags} 标签", "~{sel} 的 {tags} 标签不用了，撤掉吧", "撤掉 {sel} 的 {tags} 标签",
        "清除 {sel} 上的 {tags} 标记", "把 {tags} 标签从 {sel} 上拿掉", "给 {sel} 取消 {tags} 标签",
        "删掉 {sel} 身上的 {tags} 标签", "~{sel} 不再需要 {tags} 标签，去掉",
        "~{sel}，去掉 {tags} 标签", "把 {tags} 标签从 {sel} 上撕下来", "将 {sel} 的 {tags} 标签予以移除", "帮我把 {sel} 的 {tags} 标签去了",
        "!能把 {sel} 的 {tags} 标签去掉吗？", "~{sel} 不要 {tags} 标签了", "取消给 {sel} 打的 {tags} 标签", "{sel} 的 {tags} 标记清掉",
        "~{sel} 的话，把 {tags} 标签去掉", "~请将 {tags} 标签从 {sel} 上移除", "帮我把 {sel} 上的 {tags} 标签撕掉", "!{sel} 的 {tags} 标签可以去掉吗？",
        "把 {sel} 的 {tags} 标记取消掉", "{sel} 的 {tags} 标签摘下来", "~{sel} 上的 {tags} 标签删了吧", "把 {tags} 这个标签从 {sel} 上去掉",
        "解除 {sel} 的 {tags} 标签",
    ),
    "seq_mkdir_move": (
        "新建文件夹 {D}，然后把 {grp} 移到里面", "创建 {D} 目录，再把 {grp} 放进去", "建一个 {D} 文件夹，把 {grp} 挪进去",
        "先新建 {D}，再把 {grp} 移动到那里",
        "建个 {D} 目录，把 {grp} 都挪过去", "先创建文件夹 {D}，然后将 {grp} 移进去", "新建一个叫 {D} 的文件夹，再把 {grp} 搬到里面",
        "把 {grp} 移到新建的 {D} 文件夹里", "{D} 文件夹建好后，把 {grp} 都移过去",
        "先建个 {D} 文件夹，再把 {grp} 挪进去", "帮我新建 {D}，把 {grp} 都放进去", "创建文件夹 {D} 后，将 {grp} 迁移至该文件夹",
        "弄个新目录 {D}，然后 {grp} 全部挪过去", "新建一个 {D}，把 {grp} 丢进去", "建好 {D} 目录，再将 {grp} 移入其中", "!能不能新建个 {D} 文件夹，把 {grp} 移过去？",
        "把 {grp} 搬进一个新建的 {D} 目录",
        "~请新建文件夹 {D}，并将 {grp} 移动至该文件夹", "帮我弄个 {D} 文件夹，再把 {grp} 都挪到那里", "新建 {D}，接着把 {grp} 转移进去",
        "!可以先建个 {D} 目录，然后把 {grp} 放进去吗？", "~要一个新文件夹 {D}，把 {grp} 全挪进去", "建好 {D} 以后，把 {grp} 剪切到里面",
        "新建一个 {D} 目录，随后把 {grp} 移入",
    ),
    "seq_mkdir_copy": (
        "新建文件夹 {D}，然后把 {grp} 复制进去", "创建目录 {D}，再把 {grp} 拷贝到里面", "建个 {D} 文件夹，把 {grp} 复制到那里",
        "先弄个 {D} 文件夹，把 {grp} 拷一份进去", "新建一个 {D} 文件夹，将 {grp} 拷贝一份到里面", "把 {grp} 复制到新建的文件夹 {D} 里",
        "创建文件夹 {D}，然后把 {grp} 各拷一份过去", "建一个 {D} 目录，把 {grp} 备份进去",
        "先建个 {D} 文件夹，再把 {grp} 复制进去", "帮我新建 {D}，把 {grp} 都拷一份过去", "创建文件夹 {D} 后，将 {grp} 复制至该文件夹",
        "弄个新目录 {D}，然后把 {grp} 备份到里面", "新建一个 {D}，把 {grp} 拷贝进去，原文件不动", "建好 {D} 目录，再将 {grp} 复制一份到其中",
        "!能不能新建个 {D} 文件夹，把 {grp} 复制过去？", "把 {grp} 拷到一个新建的 {D} 目录里",
        "~请新建文件夹 {D}，并将 {grp} 复制到该文件夹", "帮我弄个 {D} 文件夹，再把 {grp} 都拷到那里", "新建 {D}，接着把 {grp} 复制一份进去",
        "!可以先建个 {D} 目录，然后把 {grp} 复制进去吗？", "~要一个新文件夹 {D}，把 {grp} 全拷一份进去", "建好 {D} 以后，在里面放一份 {grp} 的副本",
        "新建一个 {D} 目录，随后把 {grp} 复制进去，原文件保留", "创建 {D} 文件夹，然后把 {grp} 另存一份到里面",
    ),
    "seq_rename_move": (
        "把 {B} 改名为 {new}，然后移到 {dst}", "先把 {B} 重命名为 {new}，再把它移动到 {dst}", "{B} 改名成 {new} 后放到 {dst}",
        "将 {B} 重命名成 {new}，之后移到 {dst}", "把 {B} 改名叫 {new}，再挪到 {dst} 里",
        "先给 {B} 改个名字叫 {new}，然后放进 {dst}", "{B} 重命名为 {new}，接着移动到 {dst}",
        "把 {B} 的名字改成 {new}，然后把它放到 {dst}",
        "先把 {B} 改名成 {new}，再挪到 {dst}", "帮我把 {B} 重命名为 {new}，然后放进 {dst}", "将 {B} 更名为 {new} 后，移至 {dst}",
        "{B} 改叫 {new}，改完丢到 {dst} 里", "把 {B} 名字换成 {new}，再移到 {dst} 去", "!能把 {B} 改名为 {new} 再移到 {dst} 吗？",
        "给 {B} 重新命名为 {new}，随后转移到 {dst}", "把 {B} 命名为 {new}，接着搬到 {dst}",
        "~{B} 的话，先改名叫 {new}，再移到 {dst}", "~请将 {B} 重命名为 {new}，并移动至 {dst}", "帮我把 {B} 改成 {new}，然后挪到 {dst} 去",
        "把 {B} 改名为 {new} 以后，再把它搬到 {dst}", "先重命名 {B} 为 {new}，接着把它放进 {dst}", "!可以把 {B} 改个名叫 {new}，再放到 {dst} 吗？",
        "给 {B} 换个名字 {new}，然后转移到 {dst} 里", "{B} 名字改成 {new}，改好之后移动到 {dst}",
    ),
    "seq_create_tag": (
        "新建 {path}，内容是 {text}，并给它打上 {tags} 标签", "创建 {path} 写入 {text}，然后标记为 {tags}",
        "建一个文件 {path}，写上 {text}，再加个 {tags} 标签",
        "创建文件 {path}，内容为 {text}，然后给它加上标签 {tags}", "新建一个 {path}，写入 {text}，再打上 {tags} 标签",
        "建个 {path} 文件，里面写 {text}，并标记为 {tags}", "先新建 {path}（内容：{text}），再给它贴上 {tags} 标签",
        "新建 {path} 并写上 {text}，之后给这个文件打 {tags} 标签",
        "新建 {path}，写上 {text}，顺便打个 {tags} 标签", "帮我建个 {path}，内容 {text}，标签 {tags}",
        "创建文件 {path} 并写入 {text}，随后为其添加 {tags} 标签", "弄个 {path}，里面写 {text}，再标记成 {tags}",
        "新建文件 {path}，内容为 {text}，加上 {tags} 标签", "!能新建 {path} 写入 {text}，再给它打上 {tags} 标签吗？",
        "把 {text} 写进新文件 {path} 里，并给这个文件贴上 {tags} 标签", "先建 {path}，写入 {text}，然后标上 {tags}",
        "~请新建 {path} 并写入 {text}，完成后将其标记为 {tags}", "帮我建个 {path}，里面写 {text}，建好以后贴上 {tags} 标签",
        "新建 {path}，内容 {text}，然后给它标个 {tags}", "先创建 {path}，把 {text} 写进去，再给它加 {tags} 标签",
        "!可以新建一个 {path}，写上 {text}，再打个 {tags} 标签吗？", "弄个新文件 {path} 写上 {text}，接着给它打上 {tags} 标签",
        "生成 {path}，内容是 {text}，然后给这个文件加上 {tags} 标记", "创建一个 {path}，写入 {text}，最后给它打 {tags} 标签",
    ),
    "seq_read_delete": (
        "显示 {one} 的内容，然后删掉它", "先看一下 {one}，再把它删除", "打开 {one}，看完后删除",
        "把 {one} 的内容显示出来，然后删除这个文件", "读一下 {one}，读完就删掉", "先打印 {one} 的内容，再把它删了", "看完 {one} 的内容后把它删除",
        "输出 {one} 的内容，之后删掉它",
        "先把 {one} 的内容给我看看，然后删了它", "帮我打开 {one} 看一下，看完就删掉", "显示 {one} 的内容后，将该文件删除", "读取 {one}，之后把它删掉",
        "!能先显示一下 {one} 再把它删掉吗？", "看看 {one} 里写了什么，然后把这个文件扔了", "查看 {one} 的内容，随后予以删除", "{one} 先打印出来，再删除",
        "~{one} 的话，先给我看一下内容，再删掉", "~请先显示 {one} 的内容，随后将其删除", "帮我打开 {one} 看看，然后把它扔进回收站", "读完 {one} 以后把它删了",
        "!可以先把 {one} 的内容显示出来，再删掉它吗？", "看一眼 {one} 的内容，看完就把它干掉", "~把 {one} 里写的东西读给我，然后删除它", "打印 {one} 的内容后把这个文件清理掉",
    ),
    "seq_backup_set": (
        "把 {one} 备份到 {dst}，然后把它的内容改成 {text}", "先复制 {one} 到 {dst}，再用 {text} 覆盖它",
        "将 {one} 拷贝到 {dst}，然后把原文件内容设为 {text}",
        "先把 {one} 拷一份到 {dst}，再把它的内容改成 {text}", "把 {one} 复制到 {dst} 做备份，然后将原文件内容替换为 {text}",
        "备份 {one} 到 {dst}，然后用 {text} 覆盖原文件", "{one} 先备份到 {dst}，再把内容重写为 {text}",
        "给 {one} 在 {dst} 留一份备份，再把它改写成 {text}",
        "先把 {one} 备份到 {dst}，再把内容改成 {text}", "帮我把 {one} 复制一份到 {dst}，然后原文件内容改为 {text}",
        "将 {one} 备份至 {dst} 后，把原文件内容更新为 {text}", "{one} 拷一份到 {dst} 留底，原文件覆盖成 {text}",
        "先拷贝 {one} 到 {dst}，然后将它的内容整个换成 {text}", "!能先把 {one} 备份到 {dst}，再把它改写成 {text} 吗？",
        "在 {dst} 里给 {one} 留个备份，然后把它的内容重写为 {text}", "备份一下 {one}（放到 {dst}），之后把它的内容改成 {text}",
        "~{one} 的话，先复制一份到 {dst}，再把内容改成 {text}", "~请将 {one} 备份到 {dst}，然后将其内容覆盖为 {text}",
        "帮我把 {one} 拷到 {dst} 做个备份，接着把原文件改写成 {text}", "先在 {dst} 留一份 {one} 的副本，然后把它的内容换成 {text}",
        "复制 {one} 到 {dst} 备份好，再用 {text} 覆盖原文件", "{one} 拷贝一份放到 {dst}，然后清空它，写入 {text}",
        "把 {one} 另存一份到 {dst}，原文件内容重置为 {text}", "先备份 {one}（复制到 {dst}），再把它整个覆盖成 {text}",
    ),
    "seq_list_delete": (
        "列出 {dir}，然后删掉里面的 {e} 文件", "先看看 {dir} 里有什么，再删除其中的 {e} 文件", "显示 {dir}，再把里面所有 {e} 文件删了",
        "列一下 {dir} 的内容，再删掉里面的 {e} 文件", "显示 {dir} 中的文件，然后把那些 {e} 文件删除",
        "把 {dir} 里的文件列出来，然后删除里面的所有 {e} 文件", "查看 {dir} 的内容，之后把里面的 {e} 文件清理掉",
        "罗列一下 {dir}，把其中 {e} 格式的文件都删光",
        "先列一下 {dir}，再把里面的 {e} 文件都删掉", "帮我看看 {dir} 里有什么，然后删掉其中所有 {e} 文件", "列出 {dir} 的文件，随后删除其中的 {e} 文件",
        "显示一下 {dir} 的内容，把里面的 {e} 都扔了", "!能先列出 {dir}，再删掉里面的 {e} 文件吗？", "看一眼 {dir} 里的文件，然后把 {e} 格式的清理掉",
        "罗列 {dir} 中的文件，之后将其中的 {e} 文件予以删除", "把 {dir} 里的东西列出来，再把里面的 {e} 文件干掉",
        "~{dir} 的话，先列一下，再把里面的 {e} 文件删了", "~请列出 {dir} 中的文件，并删除其中所有 {e} 文件", "帮我看一下 {dir} 有什么，然后把里面 {e} 格式的文件清掉",
        "先显示 {dir} 的文件列表，再删除里面的 {e} 文件", "列一列 {dir}，然后把其中的 {e} 文件干掉", "展示 {dir} 的内容，接着删掉里面所有的 {e} 文件",
        "查一下 {dir} 下有哪些文件，再把里面的 {e} 文件都扔进回收站", "打开 {dir} 看看，顺手把里面的 {e} 文件删了",
    ),
}

# Chinese sentences with English verbs or nouns, the way people type them.
MIX_TEMPLATES: dict[str, tuple[str, ...]] = {
    "list_dir": ("list 一下 {dir}", "!{dir} 里有什么 files？", "帮我 ls 一下 {dir}", "show 一下 {dir} 的内容",
        "帮我 list {dir}",
        "!{dir} 下面有哪些 file？", "ls 一下 {dir} 看看有什么", "check 一下 {dir} 里有哪些文件",
        "帮我 check 下 {dir} 有哪些 files", "{dir} 里的 files list 给我", "ls 看一下 {dir} 里有啥",
        "{dir} 下面的 files 给我 show 一下", "帮我 browse 一下 {dir}", "!{dir} 里现在有哪些 file 啊？",
    ),
    "list_grp": ("list 一下 {grp}", "帮我 find {grp}", "search 一下 {grp}",
        "把 {grp} 都 list 出来", "给我 search 一下 {grp}", "find 一下 {grp}，列给我",
        "帮我 filter 出 {grp}", "{grp} 都 list 一下", "search {grp}，给我个 list",
        "把 {grp} 都 find 出来", "{grp} 有哪些？给我个 list", "search 出 {grp}，列一下",
    ),
    "read_one": ("cat 一下 {one}", "open {one} 看看", "帮我 read 一下 {one}", "print 一下 {one} 的内容",
        "帮我 cat {one}",
        "把 {one} 的 content show 出来", "!{one} 的 content 是什么？", "{one} 里写了啥？帮我 cat 出来",
        "帮我 open {one}，看下 content", "{one} 的 content 给我 show 一下", "display 一下 {one} 的内容",
        "{one} 的内容帮我 print 出来", "帮我 view 一下 {one}", "open 一下 {one}，看看 content",
    ),
    "create_file": ("create 一个文件 {path}，content 是 {text}", "新建 file {path}，内容 {text}", "touch {path} 并写入 {text}",
        "new 一个 file {path}，里面写 {text}", "给我 create 一个 {path}，内容是 {text}",
        "create {path}，然后 write {text} 进去",
        "帮我 create {path}，content 写 {text}", "new 一个 {path}，把 {text} write 进去", "{path} create 一下，内容是 {text}",
        "帮我 create 一个 file 叫 {path}，里面写 {text}", "新建 {path}，content 就写 {text}", "make 一个 {path}，内容是 {text}",
    ),
    "create_empty": ("touch 一个空文件 {path}", "create 一个空的 {path}",
        "create 一个 empty file {path}", "新建一个 empty 的 {path}", "touch 一下 {path}",
        "帮我 new 一个空的 {path}", "create {path}，内容 empty 就行", "touch 一个新的 {path}，先不写内容",
        "帮我 create 一个空 file {path}", "{path} touch 一下，先空着", "new 一个 blank file {path}",
    ),
    "create_dir": ("mkdir 一个 {dpath}", "create 一个 folder 叫 {dpath}", "新建 folder {dpath}",
        "mkdir 一下 {dpath}", "建个 folder {dpath}", "create 一个 directory 叫 {dpath}",
        "帮我 new 一个 folder {dpath}", "{dpath} 这个 folder create 一下", "建一个 directory {dpath}",
        "帮我 mkdir {dpath}", "make 一个 directory {dpath}", "new 一个 folder，名字叫 {dpath}",
    ),
    "append": ("在 {sel} 末尾 append {text}", "append 一行 {text} 到 {sel}", "往 {sel} 里 append {text}",
        "在 {sel} 最后 add 一行 {text}",
        "把 {text} append 到 {sel} 最后", "{sel} 末尾 append 一行 {text}", "给我 append {text} 到 {sel} 后面",
        "帮我 append {text} 到 {sel} 的 end", "在 {sel} 的 end 加一行 {text}", "{sel} 最后 add 一句 {text}",
        "往 {sel} 里 add 一句 {text}", "{sel} 的 end append 上 {text}", "帮我 append 一行到 {sel} 末尾：{text}",
    ),
    "prepend": ("在 {sel} 开头 prepend {text}", "prepend {text} 到 {sel} 开头",
        "把 {text} prepend 到 {sel} 最前面", "在 {sel} 的 beginning 加上 {text}",
        "{sel} 开头 insert 一行 {text}",
        "帮我在 {sel} 最前面 insert {text}", "{sel} 的 beginning 加一行 {text}", "prepend 一行 {text} 到 {sel}",
        "在 {sel} 的 top 加一行 {text}", "帮我 prepend {text} 到 {sel} 第一行", "{sel} 最前面 prepend 一句 {text}",
    ),
    "replace": ("把 {sel} 里的 {find} replace 成 {text}", "在 {sel} 中 replace {find} 为 {text}", "{sel} 里 {find} 全部 replace 成 {text}",
        "{find} 在 {sel} 里全部 replace 成 {text}", "把 {sel} 中的 {find} 都 change 成 {text}",
        "把 {sel} 里的 {find} 都 replace 掉，换成 {text}",
        "帮我 replace 一下 {sel} 里的 {find}，改成 {text}", "在 {sel} 里 find {find}，replace 成 {text}",
        "replace {sel} 中所有 {find} 为 {text}",
        "{sel} 里的 {find} 帮我 replace 成 {text}", "find and replace 一下 {sel}：{find} 换成 {text}",
        "在 {sel} 里 search {find}，全部 replace 成 {text}",
    ),
    "replace_regex": ("用 regex {find} 把 {sel} 里的内容 replace 成 {text}", "在 {sel} 里 regex replace {find} 为 {text}",
        "用 regex {find} 匹配 {sel}，replace 成 {text}", "对 {sel} 做 regex replace，{find} 换成 {text}",
        "把 {sel} 里 match regex {find} 的部分改成 {text}",
        "帮我用 regex {find} replace {sel} 里的内容为 {text}", "{sel} 里 regex {find} match 到的都换成 {text}",
        "regex replace 一下 {sel}：{find} 换成 {text}",
        "{sel} 里用 regex {find} 做 replace，换成 {text}", "帮我在 {sel} 里 regex 匹配 {find}，替换成 {text}",
        "用 regex pattern {find} 把 {sel} 的内容 replace 为 {text}",
    ),
    "set": ("把 {sel} 的 content 改成 {text}", "overwrite {sel}，内容改为 {text}", "用 {text} overwrite {sel}",
        "把 {text} write 进 {sel}，覆盖原内容",
        "把 {sel} 的 content overwrite 成 {text}", "{sel} 的内容 set 为 {text}",
        "{sel} 的 content 全部换成 {text}，不要原来的",
        "帮我 overwrite {sel}，content 改成 {text}", "{sel} 整个 overwrite 成 {text}", "把 {sel} 的内容 reset 成 {text}",
        "帮我把 {sel} overwrite 掉，content 换成 {text}", "{sel} 先清空，再 write {text} 进去", "{sel} clear 掉再写 {text}",
    ),
    "delete": ("把 {sel} delete 掉", "帮我 delete {sel}", "remove 掉 {sel}", "{grp} 都 delete 了吧", "rm 掉 {sel}",
        "帮我 remove {sel}",
        "把 {sel} 从 disk 上 delete 掉", "~{sel} 没用了，delete 吧", "把 {grp} 全部 remove 掉",
        "帮我把 {sel} delete 一下", "{grp} 全部 rm 掉", "~{sel} 不要了，remove 掉",
        "{sel} 帮我 delete 掉", "帮我 rm 一下 {sel}", "delete {sel}，不要了",
    ),
    "move": ("把 {grp} 都 move 到 {dst}", "move {sel} 到 {dst}", "把 {sel} mv 到 {dst}", "{sel} move 到 {dst} 里",
             "帮我把 {sel} move 进 {dst}",
        "把 {sel} 丢到 {dst} folder 里", "move 一下 {sel} 到 {dst}",
        "cut {sel}，paste 到 {dst}", "mv {one} 到 {dst}", "给我 move {sel} 去 {dst}",
        "{sel} 给我 move 到 {dst} 去", "把 {grp} 全都 mv 到 {dst}", "把 {sel} drag 到 {dst} 里",
        "帮我把 {sel} move 到 {dst} 下面", "{sel} mv 到 {dst} 去", "把 {grp} 全部 move 进 {dst}",
    ),
    "copy": ("把 {sel} copy 到 {dst}", "copy 一份 {sel} 到 {dst}", "帮我 backup {sel} 到 {dst}", "cp {one} 到 {dst}",
        "duplicate 一份 {sel} 到 {dst}",
        "copy {sel}，paste 到 {dst}", "{grp} 都 copy 一份到 {dst}", "copy {sel} 到 {dst} 去",
        "帮我 copy 一下 {sel}，放到 {dst}", "{sel} backup 一份到 {dst}", "把 {grp} 都 cp 到 {dst}",
        "帮我把 {sel} copy 一份到 {dst}", "{sel} cp 到 {dst} 去", "把 {grp} backup 到 {dst}，原文件留着",
    ),
    "rename_one": ("把 {item} rename 成 {new}", "rename {item} 为 {new}", "{item} 改个 name 叫 {new}",
        "把 {item} 的 name 改成 {new}",
        "rename 一下 {item}，改成 {new}", "把 {item} 的 filename 改为 {new}",
        "rename {item}，new name 是 {new}",
        "{item} 给我 rename 成 {new}", "帮我 rename {item}，叫 {new}", "把 {item} 的 name change 成 {new}",
        "帮我把 {item} rename 为 {new}", "{item} rename 一下，新 name 叫 {new}", "change {item} 的 name 为 {new}",
    ),
    "rename_ext": ("把 {grp} 的 extension 改成 {ext2}", "把 {grp} 的后缀 rename 成 .{ext2}",
        "{grp} 的 file extension 统一换成 .{ext2}", "{grp} 的 ext 改为 {ext2}",
        "change 一下 {grp} 的 extension，改成 {ext2}",
        "帮我把 {grp} 的 extension change 成 .{ext2}", "{grp} 的 ext 都 rename 成 .{ext2}", "{grp} 的后缀 change 为 {ext2}",
        "把 {grp} 的 extension 都改为 .{ext2}", "{grp} 的 extension rename 成 {ext2}", "帮我 change {grp} 的后缀为 .{ext2}",
    ),
    "rename_prefix": ("给 {grp} 加个 prefix {pre}", "{grp} 的名字前面加 prefix {pre}",
        "在 {grp} 的 filename 前面加上 {pre}", "给 {grp} add 一个 prefix {pre}", "{grp} 都加上 {pre} 这个 prefix",
        "帮我给 {grp} 加上 prefix {pre}", "{grp} 的 filename 前面都 add {pre}", "把 prefix {pre} 加到 {grp} 的名字前面",
        "帮我给 {grp} 的 filename 加 prefix {pre}", "{grp} rename 一下，名字前面加 prefix {pre}",
        "给 {grp} 的 name 前面都 add 一个 {pre}",
    ),
    "rename_template": ("用 template {tpl} rename {grp}", "把 {grp} batch rename 成 {tpl}",
        "按 template {tpl} 把 {grp} rename 一下", "{grp} 用 {tpl} 这个 format batch rename",
        "batch rename 一下 {grp}，template 是 {tpl}",
        "帮我 rename {grp}，按 template {tpl}", "{grp} 按照 {tpl} 的 format rename 一下",
        "用 {tpl} 做 template，batch rename {grp}",
        "{grp} 用 template {tpl} rename", "帮我 batch rename {grp}，format 用 {tpl}",
        "按 {tpl} 这个 naming template 给 {grp} rename",
    ),
    "rename_suffix": ("给 {grp} 加个 suffix {suf}", "{grp} 的文件名后面加 suffix {suf}",
        "在 {grp} 的 filename 后面加上 {suf}", "给 {grp} add suffix {suf}", "{grp} 都加上 {suf} 这个 suffix",
        "帮我给 {grp} 加上 suffix {suf}", "{grp} 的 filename 后面都 add {suf}", "把 suffix {suf} 加到 {grp} 的名字后面",
        "帮我给 {grp} 的 filename 加 suffix {suf}", "{grp} rename 一下，名字后面加 suffix {suf}",
        "给 {grp} 的 name 后面都 add 一个 {suf}",
    ),
    "classify_ext": ("按 extension 整理 {F}", "把 {grp} 按 file type 分类", "sort 一下 {F}，按扩展名",
        "把 {F} 按 extension 分类", "{grp} 按 file extension sort 一下", "按后缀 organize 一下 {F}",
        "帮我按 extension sort 一下 {F}", "{F} 按 file type organize 一下", "把 {grp} 按 ext 分到不同 folder",
        "{F} 按 extension 分 folder", "帮我把 {grp} 按 extension organize 一下", "按 file extension classify {F}",
    ),
    "classify_type": ("按 category 整理 {F}", "把 {grp} 按 category 分类",
        "按 category organize 一下 {F}", "把 {grp} 按图片、文档这些 category 分类", "{F} 按 category sort 一下",
        "帮我按 category sort {grp}", "{F} 按图片、文档、video 这些 category 归类", "把 {F} organize 成不同 category",
        "按 file category classify {F}", "{grp} 按 category 分 folder", "帮我把 {F} 按 image、doc、video 这些 category 整理",
    ),
    "classify_year": ("按 year 整理 {F}", "把 {grp} 按年份 sort 一下",
        "按 year sort 一下 {F}", "{grp} 按年份 organize 一下", "把 {F} 按 year 分类",
        "帮我按 year organize 一下 {F}", "{grp} 按 year 分 folder", "把 {F} 按修改的 year 归档",
        "按 year classify {F}", "帮我把 {grp} 按 year 整理一下", "{F} 按 modified year 分 folder",
    ),
    "classify_month": ("按 month 整理 {F}", "把 {grp} 按月份 sort 一下",
        "按 month sort 一下 {F}", "{grp} 按月份 organize 一下", "把 {F} 按 month 分类",
        "帮我按 month organize 一下 {F}", "{grp} 按 month 分 folder", "把 {F} 按修改的 month 归档",
        "按 month classify {F}", "帮我把 {grp} 按 month 整理一下", "{F} 按 modified month 分 folder",
    ),
    "classify_size": ("按 size 整理 {F}", "把 {grp} 按大小 sort 一下",
        "按 file size sort 一下 {F}", "{grp} 按大小 organize 一下", "把 {F} 按 size 分类",
        "帮我按 size organize 一下 {F}", "{grp} 按 file size 分 folder", "把 {F} 按 size 分成大中小",
        "按 size classify {F}", "帮我把 {grp} 按 size 整理一下", "{F} 按 file size 分成大中小 folder",
    ),
    "classify_keywords": ("organize 一下 {F}：{rules}", "sort {grp}，{rules}",
        "按 keyword 整理 {F}：{rules}", "给我 sort 一下 {F}，{rules}", "organize {grp}，rules 如下：{rules}",
        "帮我 organize 一下 {F}，{rules}", "{grp} 按 keyword sort：{rules}", "按 content 给 {F} 分类：{rules}",
        "按 keyword classify {F}：{rules}", "帮我 sort 一下 {grp}，rules：{rules}", "{F} 按 content organize，{rules}",
    ),
    "classify_default": ("organize 一下 {F}", "帮我 classify {grp}", "把 {F} sort 一下", "tidy up 一下 {F}",
        "帮我 tidy 一下 {grp}",
        "~{grp} 太 messy 了，整理一下", "~{F} 很乱，帮我 organize 一下", "给我 organize {F} 里的文件",
        "帮我 organize 一下 {grp}", "{F} 需要 organize 一下", "auto organize {F}",
        "{F} 帮我 organize 好", "classify 一下 {grp}", "!能帮我 organize 一下 {F} 吗？",
    ),
    "classify_ruleset": ("用 {rs} rules 整理 {F}", "apply {rs} rule set 到 {grp}",
        "用 rule set {rs} 整理 {F}", "按 {rs} rules sort 一下 {grp}", "{F} apply 一下 {rs} 规则",
        "帮我用 {rs} rules organize {F}", "{grp} 按 {rs} rule set 分类", "run 一下 {rs} rules，整理 {F}",
        "{F} 用 {rs} rule set organize 一下", "帮我 apply {rs} rules 到 {grp}", "按 {rs} 的 rules classify {F}",
    ),
    "tag_add": ("给 {sel} 加个 tag {tags}", "把 {sel} tag 成 {tags}", "给 {sel} 打 tag {tags}", "mark {sel} 为 {tags}",
        "给 {sel} add tag {tags}",
        "给 {sel} 打个 {tags} 的 tag", "把 {sel} 加上 tag {tags}", "{sel} 加个 {tags} label",
        "帮我给 {sel} 打个 tag {tags}", "{sel} 要加 {tags} 的 tag", "tag 一下 {sel}，tag 是 {tags}",
        "{sel} 帮我 tag 上 {tags}", "给 {sel} add 一个 {tags} tag", "把 {tags} tag 加到 {sel} 上",
    ),
    "tag_remove": ("去掉 {sel} 的 tag {tags}", "把 {sel} 的 {tags} tag 删掉", "untag {sel} 的 {tags}",
        "把 {sel} 的 tag {tags} remove 掉", "remove {sel} 上的 {tags} tag", "{sel} 的 {tags} tag 去掉吧",
        "帮我把 {sel} 的 {tags} tag 去掉", "{sel} 上的 tag {tags} 删掉", "untag {sel}，去掉 {tags}",
        "帮我 remove {sel} 的 tag {tags}", "{sel} 的 {tags} tag 帮我 untag 掉", "把 {tags} 这个 tag 从 {sel} 上 remove",
    ),
    "seq_mkdir_move": ("mkdir {D}，然后把 {grp} move 进去", "新建 folder {D}，把 {grp} 都 move 到里面",
        "mkdir {D} 然后 move {grp} 进去", "create 一个 folder {D}，把 {grp} move 进去",
        "先 mkdir {D}，再把 {grp} mv 进去", "帮我 create folder {D}，然后 move {grp} 到里面", "新建 {D} folder，{grp} 全部 move 过去",
        "mkdir 一个 {D}，然后把 {grp} 都 move 过去", "先 create {D} folder，再 mv {grp} 进去",
        "帮我 new 一个 folder {D}，把 {grp} move 到里面",
    ),
}
