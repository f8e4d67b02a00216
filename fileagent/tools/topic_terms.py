"""The terms classify by=topic compares: words of three letters or more without stop words, and for
Chinese and Japanese text every pair of adjacent CJK characters (bigrams) and, apart, each
character (unigrams): Chinese characters carry meaning on their own (球 in 点球, 球队, 球鞋), so
two short notes on one subject that share no bigram still share characters.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W\d_]{3,}")
STOP_WORDS = frozenset(
    """
    the and for with that this these those from have has had was were are been being not but you
    your yours our ours their theirs they them his her hers its who whom which what when where why
    how all any each few more most other some such only own same than too very can will just should
    now into onto about above after again against below between both during before further here
    there then once off out over under until upon while also would could shall may might must does
    did doing done one two three per via yet nor let get got use used using make made like well back
    even still way many much
    """.split()
)
CJK_STOP = frozenset(
    """
    我们 你们 他们 这个 那个 一个 没有 可以 因为 所以 如果 但是 就是 还是 什么 自己 这些 那些 已经 时候
    的是 了一 是一 不是 我的 你的 他的 也是 都是 这是 有一
    """.split()
)
# Characters of grammar, pronouns and numbers: in every kind of note, so they tell no subject apart.
CJK_STOP_CHARS = frozenset(
    "的了是在和有我你他她它们这那哪个着过吗呢吧啊很再又还也都就要会把被给从到对为与及或之其等"
    "每次一二两三四五六七八九十百千万几多少上下来去说让用能可得地后前时里中好不没"
)


def terms(text: str) -> list[str]:
    """Words and CJK bigrams, in that order per text (casefolded)."""
    return bigrams(text) + words(text)


def bigrams(text: str) -> list[str]:
    """Every pair of adjacent CJK characters, common pairs left out (casefolded)."""
    out: list[str] = []
    for run in _CJK.findall(text.casefold()):
        out.extend(b for b in (run[i : i + 2] for i in range(len(run) - 1)) if b not in CJK_STOP)
    return out


def words(text: str) -> list[str]:
    """The words of three letters or more outside CJK runs, stop words left out (casefolded)."""
    return [w for w in _WORD.findall(_CJK.sub(" ", text.casefold())) if w not in STOP_WORDS]


def cjk_chars(text: str) -> list[str]:
    """The single CJK characters of the text, grammar characters left out."""
    return [c for run in _CJK.findall(text.casefold()) for c in run if c not in CJK_STOP_CHARS]
