"""Where in a request a plan value may begin and end: the request-side half of the plan constraint.

Positions are UTF-8 byte offsets of the request. A span (a substring the model copies into a
value) starts and ends at word boundaries; what the user quoted is copied whole; a path span
never runs over a quote mark or a ":" and never starts where it cannot end.
"""

from __future__ import annotations

import re

from fileagent.policies.places import place_of

_QUOTE_PAIRS = {
    '"': '"',
    "'": "'",
    "`": "`",
    "\u201c": "\u201d",
    "\u2018": "\u2019",
    "\u300c": "\u300d",
    "\u300e": "\u300f",
}
_APOSTROPHES = ("'", "\u2019")  # also inside words: "don't", "Sam's"
_CLOSERS = frozenset(_QUOTE_PAIRS.values())
_WORD_STOPS = frozenset(" \t\n\uff0c\u3002\u3001\uff1b,;") | frozenset(_QUOTE_PAIRS) | _CLOSERS


def quoted_regions(request: str) -> list[tuple[int, int]]:
    """UTF-8 byte ranges [start, end) of the quoted texts of `request`, quote marks excluded.

    An ASCII quote opens only after a non-word character that closes no quote (so "don't" and
    "'a.png''s" open nothing) and an apostrophe-like quote closes only before one."""
    regions, i, n = [], 0, len(request)
    while i < n:
        close = _QUOTE_PAIRS.get(request[i])
        if close is None or (
            request[i].isascii()
            and i
            and ((request[i - 1].isascii() and request[i - 1].isalnum()) or request[i - 1] in _CLOSERS)
        ):  # "'a.png''s name"
            i += 1
            continue
        j = request.find(close, i + 1)
        while j != -1 and close in _APOSTROPHES and j + 1 < n and request[j + 1].isascii() and request[j + 1].isalnum():
            j = request.find(close, j + 1)
        if j == -1:
            i += 1
            continue
        if j > i + 1:
            regions.append((len(request[: i + 1].encode("utf-8")), len(request[:j].encode("utf-8"))))
        i = j + 1
    return regions


# What may follow a bare Chinese text directly: a verb or particle that takes it.
# English words that lead to a name, or say what kind of thing it is, and never begin one the
# request gives unquoted ("the photos folder to usb" has no folder "folder to").
LEAD_WORDS = frozenset(
    w.encode()
    for w in (
        "to",
        "into",
        "in",
        "inside",
        "from",
        "onto",
        "on",
        "at",
        "under",
        "of",
        "for",
        "with",
        "by",
        "the",
        "and",
        "then",
        "folder",
        "folders",
        "directory",
        "file",
        "files",
    )
)
_ZH_AFTER_TEXT = (
    "追加",
    "加到",
    "加在",
    "添加",
    "写到",
    "写入",
    "写进",
    "写在",
    "放到",
    "放在",
    "插入",
    "作为",
    "替换",
    "换成",
    "改成",
    "改为",
    "变成",
    "这",
    "一行",
    "的",
    "到",
    "吧",
    "然后",
    "再",
    "并",
    "接着",
    "之后",
    "以后",
    "和",
    "以及",
    "同时",
)


# What may follow a file, folder or tag name directly inside a run of Chinese characters: a type
# word, a particle, or a verb that acts on it ("把旅行照片移到相册" ends a name before "移").
_ZH_AFTER_NAME = (
    "文件夹",
    "文件",
    "目录",
    "里",
    "中",
    "下",
    "内",
    "上",
    "的",
    "和",
    "与",
    "及",
    "或",
    "这",
    "那",
    "都",
    "全",
    "所有",
    "移",
    "挪",
    "搬",
    "放",
    "丢",
    "扔",
    "转",
    "复制",
    "拷",
    "备份",
    "删",
    "清",
    "去",
    "改",
    "重命名",
    "命名",
    "换",
    "归",
    "整理",
    "分",
    "打",
    "压",
    "解",
    "加",
    "标",
    "贴",
    "写",
    "追加",
    "读",
    "看",
    "显示",
    "列",
    "查",
    "找",
    "建",
    "新建",
    "创建",
    "按",
    "吧",
    "呢",
    "吗",
    "然后",
    "再",
    "并",
    "接着",
    "之后",
)
# ... and what may come right before a path there: a connective, a preposition or particle, or a
# verb ending ("删除报表" starts a path after "除"; "表" of "报表" is none).
_ZH_BEFORE_PATH = (
    "先",
    "再",
    "然后",
    "之后",
    "最后",
    "首先",
    "接着",
    "接下来",
    "随后",
    "其次",
    "步",
    "把",
    "将",
    "在",
    "给",
    "从",
    "对",
    "叫",
    "为",
    "成",
    "到",
    "进",
    "往",
    "至",
    "个",
    "的",
    "里",
    "中",
    "和",
    "与",
    "及",
    "或",
    "有",
    "些",
    "是",
    "让",
    "了",
    "除",
    "掉",
    "动",
    "制",
    "开",
    "看",
    "读",
    "出",
    "示",
    "理",
    "类",
    "名",
    "建",
    "份",
    "缩",
    "压",
    "空",
    "找",
    "搜",
    "记",
    "签",
    "上",
    "下",
    "查",
    "列",
    "移",
    "拷",
    "贝",
    "存",
    "放",
    "搬",
    "挪",
)


def sigil_words(request: str) -> list[tuple[int, int, int, bool]]:
    """The words of a request that begin with "~", "$" or "%", or are file URLs, up to a space, a
    quote mark, a separator or a Chinese character: (start, end of the head, end, names a place),
    in characters. The head is the place's ("~", "$HOME", "file:///" to the path's "/"; see
    policies/places.py), or the leading run of those signs ("~$" of "~$report.docx")."""
    out, i, n = [], 0, len(request)
    while i < n:
        c = request[i]
        if c in "~$%fF" and (
            i == 0 or not (request[i - 1].isalnum() and request[i - 1].isascii()) and request[i - 1] not in "._-/\\~$%:"
        ):
            j = i
            while j < n and request[j] not in _WORD_STOPS and not is_cjk(request[j]):
                j += 1
            word = request[i:j].rstrip(".!?)")  # "... to $HOME."
            place = place_of(word)
            if place is not None:
                out.append((i, i + len(place.head) + (place.kind == "url"), i + len(word), True))
            elif c in "~$%" and len(word) > 1:
                k = i
                while k < i + len(word) and request[k] in "~$%{":
                    k += 1
                out.append((i, k, i + len(word), False))
            i = j if j > i else i + 1
        else:
            i += 1
    return out


def without_places(request: str) -> str:
    """The request with the places it writes blanked out: their names ("backup" of "~/backup")
    name nothing under the root."""
    for lo, _, hi, place in sigil_words(request):
        if place:
            request = request[:lo] + " " * (hi - lo) + request[hi:]
    return request


def is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def find_all(data: bytes, part: bytes) -> list[int]:
    out, i = [], data.find(part) if part else -1
    while i >= 0:
        out.append(i)
        i = data.find(part, i + 1)
    return out


def char_before(data: bytes, p: int) -> str:
    """The character that ends at byte `p` of UTF-8 `data`."""
    q = p - 1
    while q > 0 and (data[q] & 0xC0) == 0x80:
        q -= 1
    return data[q:p].decode("utf-8", "replace")


class RequestSpans:
    """The span positions of one request (computed once; the constraint reads them per byte)."""

    def __init__(self, request: str):
        req = self.req = request.encode("utf-8")
        n = len(req)
        alnum = [chr(b).isascii() and chr(b).isalnum() for b in req] + [False]

        def in_word(i: int) -> bool:  # "_", "-", "." join a word only between letters/digits
            if not 0 <= i < n:
                return False
            return alnum[i] or (req[i] in b"_-." and i > 0 and alnum[i - 1] and alnum[i + 1])

        # Spans start and end only where a character and a word start or end: "shot" is no span
        # of "shots", nor "log" of "log.md", nor "in" of "containing".
        self.boundary = [
            (p == n or (req[p] & 0xC0) != 0x80) and not (in_word(p - 1) and in_word(p)) for p in range(n + 1)
        ]
        # A span may not end inside a quoted part of the request: what the user quoted is meant whole
        # (content "meeting moved to 3pm", not "meeting moved", nor a path "3pm" out of it). Joins at
        # its edges stay possible.
        # Nor start inside one, except after a "/" (the file name of a quoted path).
        # Nor start at a closing quote mark or end just after an opening one.
        regions = quoted_regions(request)
        inside = {p for lo, hi in regions for p in range(lo + 1, hi)}
        no_end = inside | {lo for lo, _ in regions}
        no_start = {p for p in inside if req[p - 1] != 0x2F} | {hi for _, hi in regions}
        self.span_end = [self.boundary[p] and p not in no_end for p in range(n + 1)]

        # A text (content, text, find) ends inside a run of Chinese characters only before a word
        # that follows a text ("把完成部署追加到..."): "# 第三" is no text of "内容为 # 第三季度计划".
        def ends_before(words: tuple[str, ...]) -> list[bool]:
            return [
                e
                and not (
                    is_cjk(char_before(req, p))
                    and is_cjk(req[p : p + 4].decode("utf-8", "ignore")[:1])
                    and not req[p:].decode("utf-8", "ignore").startswith(words)
                )
                for p, e in enumerate(self.span_end)
            ]

        self.text_end = ends_before(_ZH_AFTER_TEXT)
        # A name (path, tag...) ends inside such a run only before a word that can follow a name:
        # "私" is no tag of "加上标签 私人", nor "旅行" a folder of "把旅行照片移到相册".
        self.name_end = ends_before(_ZH_AFTER_NAME)
        self.quoted = [req[lo:hi] for lo, hi in regions]
        span_start = [self.boundary[p] and p not in no_start for p in range(n + 1)]
        pos: dict[int, set[int]] = {}
        for p, b in enumerate(req):
            pos.setdefault(b, set()).add(p)
        self.pos_of = {b: frozenset(ps) for b, ps in pos.items()}
        self.starts = {b: frozenset(p + 1 for p in ps if span_start[p]) for b, ps in pos.items()}
        # A path never starts at an opening quote mark ("'USB backup"; a text may: find="\"x\"") nor
        # at the "." of a name written after a letter of any script (".txt" of "笔记.txt").
        # In the plan's first step it never starts right after a "/" the request writes
        # either: the file name of a written path ("day1.md" of "notes/day1.md") stands alone or
        # under another folder only in a later step ("move notes/day1.md to old, then tag it").
        # (quote marks as byte ranges [open_at, lo) and [hi, close_end))
        marks_at = [
            (
                lo - len(char_before(req, lo).encode("utf-8")),
                lo,
                hi,
                hi + len(req[hi : hi + 4].decode("utf-8", "ignore")[:1].encode("utf-8")),
            )
            for lo, hi in regions
        ]
        odd = {p + 1 for p in pos.get(0x2E, ()) if 0 < p < n - 1 and alnum[p + 1] and char_before(req, p).isalnum()}
        odd |= {open_at + 1 for open_at, _, _, _ in marks_at}
        # Nor inside a run of Chinese characters but after a word that can come before one.
        # And after a "/" only at the last part of a written path ("README.txt" of
        # "family/api/README.txt", never "api/README.txt", which names no file the request wrote).
        stops = set(" \t\n\uff0c\u3002\u3001\uff1b,;") | set(_QUOTE_PAIRS) | _CLOSERS
        at = 0
        for i, c in enumerate(request):
            if i and is_cjk(c) and is_cjk(request[i - 1]) and not request.endswith(_ZH_BEFORE_PATH, 0, i):
                odd.add(at + 1)
            at += len(c.encode("utf-8"))
            if c == "/":
                rest = request[i + 1 :]
                word = next((rest[:k] for k, ch in enumerate(rest) if ch in stops), rest)
                if "/" in word:
                    odd.add(at + 1)  # (a start as the position after its first byte)
        # A path written from a home folder, a variable or a file URL ("~/backup", "$HOME/x",
        # "%USERPROFILE%\\docs", "file:///tmp/x"), or any word starting with "~", "$" or "%"
        # ("~$report.docx"), is copied whole: no path starts inside it ("backup", "HOME/x", "docs"
        # would be places in the root) or runs into it ("to ${HOME}/x"), and a place's path never
        # ends inside its head ("%USERPROFILE", "file"); the ":" of "file:" does not end it.
        url_colons, sigil_starts = set(), set()
        for lo_c, head_c, hi_c, place in sigil_words(request):
            lo, head_end, hi = (len(request[:k].encode("utf-8")) for k in (lo_c, head_c, hi_c))
            odd.update(range(lo + 2, hi + 1))
            sigil_starts.add(lo)
            for q in range(lo + 1, head_end if place else lo + 1):
                self.name_end[q] = self.span_end[q] = False
            if place and req[lo : lo + 5].lower() == b"file:":
                url_colons.add(lo + 4)
        # A path from a drive ("D:\\backup", "d:/x") is copied whole too: its letter ends no name (a
        # folder "D" in the root) and no path starts inside it ("backup").
        for m in re.finditer(rb"(?<![A-Za-z0-9_.\-])[A-Za-z]:[\\/][^\s\"']*", req):
            self.name_end[m.start() + 1] = self.span_end[m.start() + 1] = False
            odd.update(range(m.start() + 2, m.end() + 1))
        # Nor at a word that only leads to a name, with more words after it: "to usb" of "copy the
        # photos to usb" (a quoted "to do" is a name; the word alone is no path either: constraint.py).
        inside = {q for lo, hi in regions for q in range(lo, hi)}
        for m in re.finditer(rb"(?<![A-Za-z0-9_.\-/])([A-Za-z]+) ", req):
            if m.group(1).lower() in LEAD_WORDS and m.start() not in inside:
                odd.add(m.start() + 1)
        # ... nor at a Chinese word for "here" ("当前目录下的文件": the root, no folder "当前目录下的").
        for here in re.finditer("当前|这里|此处|本目录|根目录", request):
            odd.add(len(request[: here.start()].encode("utf-8")) + 1)
        self.path_starts = {b: ps - odd for b, ps in self.starts.items()}
        # ... and never runs over a quote mark ("holding '# Plan" as a path).
        marks = {p for open_at, lo, hi, close_end in marks_at for p in (*range(open_at, lo), *range(hi, close_end))}
        marks |= sigil_starts
        self.quote_marks = frozenset(marks)
        # Positions from which a path span can still end well (at a span end, not after a space)
        # without running over a quote mark: a path span never goes where it cannot end.
        # Nor over a ":" other than a drive's ("C:/"): no file name holds one (Windows).
        colons = {
            q
            for q in pos.get(0x3A, ())
            if not (q + 1 < n and req[q + 1] in b"/\\" and q and chr(req[q - 1]).isalpha() and not in_word(q - 2))
        } - url_colons
        reach = [False] * (n + 1)
        for q in range(n, -1, -1):
            reach[q] = (self.name_end[q] and q > 0 and req[q - 1] not in b" \t") or (
                q < n and q not in marks and q not in colons and reach[q + 1]
            )
        self.path_reach = reach
        self.first_starts = {
            b: frozenset(p for p in ps if p < 2 or req[p - 2] != 0x2F) for b, ps in self.path_starts.items()
        }
