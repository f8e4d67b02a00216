"""The numbers a request writes, for the version-2 bare values: counts and ages.

`limit`, `start` and `max_groups` take a number the request writes, in digits ("the 5 biggest")
or as a number word (English one..twenty, Chinese 一 二 两 三 ... 十 ... 二十: "最大的三个文件").
`limit=1` is also written for "the biggest file", "最大的文件", "which file takes the most space":
licensed where the request writes no number at all, or a superlative with no number beside it (a
number close to it, "the 5 biggest", "最大的5个", is the count, and 1 is then not licensed unless
written).

An age (`older`, `newer`: 30d, 2w, 6m, 1y) is a number and a unit written together ("2 years",
"ten days", "a week", "两年", "3个月", "最近一周"; "last month", "上个月", "this month" and "本月"
are 1m, "this week" and "这周" 1w, "half a year" and "半年" 6m): the number
of one age never goes with the unit of another ("older than 2 years, newer than 6 months").
"2024年" is a year, not an age, and "3月" is March: a Chinese month count is written "3个月".
"""

from __future__ import annotations

import re

EN_NUMBERS = {
    w: i + 1
    for i, w in enumerate(
        (
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen twenty"
        ).split()
    )
}
_ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_RUN = "[零一二两三四五六七八九十]+"
_EN_WORD = r"\b(?:" + "|".join(EN_NUMBERS) + r")\b"
_DIGITS = re.compile(r"\d+")
_EN_WORDS = re.compile(_EN_WORD, re.I)
_ZH_NUMBERS = re.compile(_ZH_RUN)
# Age units as written (less a plural "s"), and the letter each stands for.
_EN_UNITS = {"d": "d", "day": "d", "w": "w", "wk": "w", "week": "w", "mo": "m", "month": "m", "y": "y", "yr": "y"}
_EN_UNITS |= {"year": "y"}
_EN_AGE = re.compile(
    r"(?<![\w.])(\d+|" + "|".join(EN_NUMBERS) + r"|an?)\s*-?\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?|d|w|y)\b",
    re.I,
)
_EN_LAST = re.compile(r"\b(?:last|past|previous)\s+(day|week|month|year)\b", re.I)
_ZH_AGE = re.compile(r"(\d+|" + _ZH_RUN + r")\s*(个\s*月|个\s*星期|个\s*礼拜|天|日|周|星期|礼拜|年)")
_ZH_LAST = {"上个月": "m", "上月": "m", "上周": "w", "上星期": "w", "上个星期": "w", "上礼拜": "w", "上个礼拜": "w"}
_EN_THIS = re.compile(r"\bthis\s+(week|month)\b", re.I)
_EN_HALF_YEAR = re.compile(r"\bhalf\s+a\s+year\b", re.I)
_ZH_THIS = {
    "这周": "1w",
    "本周": "1w",
    "这星期": "1w",
    "这个星期": "1w",
    "这个礼拜": "1w",
    "这个月": "1m",
    "本月": "1m",
}
_ZH_THIS |= {"半年": "6m"}
_ZH_UNITS = {"天": "d", "日": "d", "周": "w", "星期": "w", "礼拜": "w", "月": "m", "年": "y"}
SUPERLATIVES = re.compile(
    r"\b(?:biggest|largest|heaviest|smallest|tiniest|lightest|newest|latest|oldest|earliest|"
    r"most\s+recent(?:ly)?|least\s+recent(?:ly)?)\b|最大|最小|最新|最旧|最老|最早|最晚|最久|最占|最近修改|最后修改",
    re.I,
)
# A number this close to a superlative is its count ("the 5 biggest", "最大的5个").
_NEAR = 8


def zh_number(run: str) -> list[int]:
    """The value of a Chinese number ("三" 3, "十五" 15, "二十" 20, "两" 2); a run of digit
    characters without 十 ("一二") gives each one."""
    if "十" in run:
        tens, _, ones = run.partition("十")
        if "十" in ones or len(tens) > 1 or len(ones) > 1:
            return []
        return [(_ZH_DIGITS.get(tens, 0) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0)]
    return [_ZH_DIGITS[c] for c in run]


def written_numbers(request: str) -> set[int]:
    """Every whole number the request writes: digits, English and Chinese number words."""
    out = {int(n) for n in _DIGITS.findall(request) if len(n) <= 9}
    out |= {EN_NUMBERS[w.lower()] for w in _EN_WORDS.findall(request)}
    for run in _ZH_NUMBERS.findall(request):
        out.update(zh_number(run))
    return out


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word) if len(word) <= 5 else None
    low = word.lower()
    if low in ("a", "an"):
        return 1
    if low in EN_NUMBERS:
        return EN_NUMBERS[low]
    got = zh_number(word)
    return got[0] if len(got) == 1 else None


def one_edit(a: str, b: str) -> bool:
    """a and b differ by at most one letter changed, added, dropped, or two side by side swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


_UNIT_WORDS = ("days", "weeks", "months", "years", "week", "month", "year")  # "day": no typo of it ("way")
_AFTER_NUMBER = re.compile(r"(\b(?:\d+|" + "|".join(EN_NUMBERS) + r"|an?)\s*-?\s*)([a-z]{3,7})\b", re.I)


def _unit_typos(request: str) -> str:
    """A unit word one typo away, after a number, read as that unit ("30 das ago": 30 days)."""

    def fix(m: re.Match) -> str:
        word = m.group(2).lower()
        unit = next((u for u in _UNIT_WORDS if one_edit(word, u)), None)
        return m.group(1) + (unit if unit and word not in _UNIT_WORDS and word != "day" else m.group(2))

    return _AFTER_NUMBER.sub(fix, request)


def written_ages(request: str) -> set[str]:
    """The ages the request writes, as plan values ("2 years" -> "2y")."""
    out: set[str] = set()
    request = _unit_typos(request)
    for num, unit in _EN_AGE.findall(request):
        n, u = _number(num), unit.lower()
        if len(u) == 1 and not num.isdigit():
            continue  # a unit letter only after digits: "30d", never "a d"
        letter = _EN_UNITS[u if u in _EN_UNITS else u[:-1]]
        if n:
            out.add(f"{n}{letter}")
    out |= {f"1{_EN_UNITS[u.lower()]}" for u in _EN_LAST.findall(request)}
    out |= {f"1{_EN_UNITS[u.lower()]}" for u in _EN_THIS.findall(request)}
    if _EN_HALF_YEAR.search(request):
        out.add("6m")
    for num, unit in _ZH_AGE.findall(request):
        n, u = _number(num), unit.replace(" ", "")
        if u == "月" or not n:
            continue  # "3月" is March; a count of months is "3个月"
        letter = _ZH_UNITS[u.removeprefix("个")]
        if letter == "y" and n >= 1000:
            continue  # "2024年" is a year
        out.add(f"{n}{letter}")
    out |= {f"1{unit}" for word, unit in _ZH_LAST.items() if word in request}
    out |= {age for word, age in _ZH_THIS.items() if word in request}
    return out


_N = r"(?:\d+|" + "|".join(EN_NUMBERS) + r"|an?)"
_EN_UNIT = r"(?:days?|weeks?|months?|years?)"
_ASKS_AGE = re.compile(
    r"\b(?:than|last|past|within|over|for|in)\s+(?:the\s+)?(?:last\s+|past\s+)?" + _N + r"\s*-?\s*" + _EN_UNIT + r"\b"
    r"|\b" + _N + r"\s*-?\s*" + _EN_UNIT + r"\s+(?:ago|old)\b"
    r"|(?:超过|最近|近|过去|以来)\s*(?:\d+|" + _ZH_RUN + r")\s*个?\s*(?:天|周|星期|礼拜|月|年)"
    r"|(?:\d+|" + _ZH_RUN + r")\s*个?\s*(?:天|周|星期|礼拜|月|年)\s*(?:前|以前|之前|以上|以内|之内|内|没)",
    re.I,
)


def asks_for_age(request: str) -> bool:
    """The request selects by an age it writes with its number ("older than 2 years", "in the
    last 30 days", "超过两年", "三个月前"), not a date or a name ("同一年", "a 2 day trip")."""
    return _ASKS_AGE.search(_unit_typos(request)) is not None


# A size or an age: its number counts no files ("bigger than 1 MB" is no "the 1 biggest").
_MEASURE = re.compile(
    r"(?:\d+(?:\.\d+)?|" + _EN_WORD + r"|" + _ZH_RUN + r")\s*-?\s*"
    r"(?:[kmgt]i?b\b|bytes?\b|b\b|[kmg]\b|字节|days?\b|weeks?\b|months?\b|years?\b|天|周|星期|个月|年)",
    re.I,
)
# Any superlative: the listed ones, an English "-est" word ("stalest"), or 最.
SUPERLATIVE_FORMS = re.compile(SUPERLATIVES.pattern + r"|\b[a-z]{3,}est\b|最", re.I)
# Words that ask for the one file at an end of an order, without a superlative adjective.
_MOST_WHICH = re.compile(r"\b(?:most|least)\b|哪个|哪一个|\bwhich\s+(?:one|file|folder)\b", re.I)


def unmeasured(request: str) -> str:
    """The request with its sizes and ages blanked out: what is left may write counts."""
    return _MEASURE.sub(lambda m: " " * len(m.group()), request)


def limit_one(request: str) -> bool:
    """`limit=1` without a 1 written: a superlative or a "most"/"最"/"which one" with no count of
    its own at all ("which file takes the most space", "最久没动过的是哪个文件") or none beside the
    superlative ("the biggest file in 2024"). "the large files" and "bigger than 1 MB" ask for
    no single file."""
    request = unmeasured(request)
    if not (SUPERLATIVE_FORMS.search(request) or _MOST_WHICH.search(request)):
        return False
    if not _counts(request):
        return True
    return any(
        not _counts(request[max(0, m.start() - _NEAR) : m.end() + _NEAR]) for m in SUPERLATIVES.finditer(request)
    )


# A number of its own: not a part of a name or a path ("MP3", "q2", "family/2024", "v1.2").
_OWN_DIGITS = re.compile(r"(?<![A-Za-z0-9_./\\-])\d+(?![A-Za-z0-9_/\\-]|\.\d)")


# A Chinese count: "五个", "前三" (not "三月" of a name or a date).
_ZH_COUNT = re.compile(r"前\s*" + _ZH_RUN + "|" + _ZH_RUN + r"\s*[个份张项]")


def _counts(text: str) -> bool:
    """`text` writes a count of its own (digits, an English or a Chinese number word)."""
    return bool(_OWN_DIGITS.search(text) or _EN_WORDS.search(text) or _ZH_COUNT.search(text))


def _prefixes(values: set[str]) -> frozenset[str]:
    return frozenset(v[:i] for v in values for i in range(len(v) + 1))


class RequestValues:
    """The counts and ages one request licenses, as the plan text writes them."""

    def __init__(self, request: str):
        numbers = {str(n) for n in written_numbers(unmeasured(request))}
        positive = numbers - {"0"}  # a template may count from 0; a limit or a group count may not
        self.counts = {
            "limit": positive | ({"1"} if limit_one(request) else set()),
            "start": numbers,
            "max_groups": positive,
        }
        self.ages = written_ages(request)
        self._prefixes = {k: _prefixes(v) for k, v in self.counts.items()}
        self._age_prefixes = _prefixes(self.ages)

    def count_ok(self, key: str, text: str, complete: bool) -> bool:
        return text in (self.counts[key] if complete else self._prefixes[key])

    def age_ok(self, text: str, complete: bool) -> bool:
        return text in (self.ages if complete else self._age_prefixes)


_DATE_WORDS = re.compile(r"\b(?:dates?|dated|days?|timestamps?)\b|日期|时间|年月日", re.I)


def speaks_of_dates(request: str) -> bool:
    """The request speaks of a date ("rename the photos by date", "加上日期"): a rename template
    may put one in."""
    if _DATE_WORDS.search(request) is not None:
        return True
    # a typo of "date" ("attach the dae"), not another word one letter away
    return any(one_edit(w, "date") and w not in _NOT_DATE for w in re.findall(r"[a-z]{3,5}", request.lower()))


_NOT_DATE = frozenset("data dat late rate gate mate fate dare daze dale dame dates dated site note dote cate".split())


GLOB = b"*."


def except_ext(text: bytes, ext_next: dict[str, set[str]], exts: set[str]) -> tuple[set[int], bool, bool]:
    """An `except` value as a glob "*.EXT" whose EXT is an extension the constraint allows for
    `ext` (lower case: "the ISO files" -> "*.iso"): (the bytes that may follow `text`, whether it
    can still become one, whether it is one)."""
    if len(text) < len(GLOB):
        return ({GLOB[len(text)]}, True, False) if GLOB.startswith(text) else (set(), False, False)
    if not text.startswith(GLOB):
        return set(), False, False
    ext = text[len(GLOB) :].decode("ascii", "replace")
    follow = {ord(c) for c in ext_next.get(ext, ())}
    return follow, bool(follow) or ext in exts, ext in exts


def number_edges(req: bytes) -> set[int]:
    """Byte positions inside a word of `req` where a number starts, or the "_" or "-" before one
    ("page|_|1", "IMG|0042"): where the text of a numbered name ends."""
    out = set()
    for m in re.finditer(rb"(?<=[A-Za-z\x80-\xff])([_-]?)(\d+)", req):
        out.add(m.start(2))
        if m.group(1):
            out.add(m.start(1))
    return out
