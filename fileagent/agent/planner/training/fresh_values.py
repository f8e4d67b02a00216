"""Made-up names and texts for training pairs: the corpus draws names and free texts from fixed
pools, so a model could score by recalling them; a share of the training pairs gets names and texts
it never saw, in the request and the plan alike, so that it learns to copy what the request says.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from fileagent.agent.planner.spans import _ZH_AFTER_NAME, _ZH_BEFORE_PATH

NAME_KEYS = ("path", "in", "to", "new_name", "dest", "then", "else")
_QUOTED_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ASCII_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_. -]*")


# Real words that people give folders and files, some of them also type words or verb-like nouns of
# the requests ("Photos", "images", "trash", "backup"): a name that reads like a request word is still
# a name, and only its place in the request says so. Bare command verbs (sort, delete, list) are left
# out: with them the model took the verb of "sort X by ..." for the folder when X was an odd word.
# So are words that mean a place in requests (here, root, all).
_NAME_WORDS = (
    "stuff",
    "keep",
    "trash",
    "backup",
    "share",
    "sync",
    "upload",
    "photos",
    "Photos",
    "music",
    "Music",
    "videos",
    "Videos",
    "Documents",
    "games",
    "books",
    "code",
    "home",
    "files",
    "folder",
    "extra",
    "latest",
    "current",
    "done",
    "later",
    "new",
    "empty",
    "type",
    "size",
    "year",
    "month",
    "name",
    "text",
    "dump",
    "pile",
    "bin",
    "junk",
    "outbox",
    "saved",
    "export",
    "import",
    "output",
    "input",
    "ideas",
    "wip",
    "hold",
    "check",
    "test",
    "demo",
    "sample",
    "images",
    "pictures",
    "archives",
    "logs",
    "spreadsheets",
    "notes",
    "old",
    "misc",
    "temp",
    "final",
    "review",
)
WORD_NAME_P = 0.3  # share of made-up name words that are real words


_CONSONANTS, _VOWELS = "bcdfghjklmnprstvwxz", "aeiouy"


def _made_up_word(rng: random.Random) -> str:
    """Letters in the shapes people's names take: open syllables ("tekava"), closed ones ("lib",
    "legmor"), consonant abbreviations ("src", "tmp") and single letters or letter+digit ("a", "b2"),
    so copying is learned for any letters, not only for names that read like the corpus's pools."""
    r = rng.random()
    if r < 0.4:
        return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 4)))
    if r < 0.7:
        return "".join(
            rng.choice(_CONSONANTS) + rng.choice(_VOWELS) + rng.choice(_CONSONANTS) for _ in range(rng.randint(1, 3))
        )
    if r < 0.85:
        return "".join(rng.choice(_CONSONANTS) for _ in range(rng.randint(2, 4)))
    return rng.choice("abcdefghijklmnopqrstuvwxyz") + (str(rng.randint(1, 9)) if rng.random() < 0.4 else "")


def _fresh_name(rng: random.Random, like: str) -> str:
    """A made-up name shaped like `like` (same extension, word count, some digits/case); some words
    are real ones (`_NAME_WORDS`)."""
    stem, ext = like.rsplit(".", 1) if "." in like[1:] else (like, None)
    words = []
    for _ in range(stem.count(" ") + 1):
        if rng.random() < WORD_NAME_P:
            words.append(rng.choice(_NAME_WORDS))
            continue
        w = _made_up_word(rng)
        if rng.random() < 0.25:
            w += rng.choice("_-") + str(rng.randint(1, 2030))
        words.append(w.capitalize() if rng.random() < 0.2 else w)
    return " ".join(words) + ("." + ext if ext else "")


_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _longest_first(values) -> list[str]:
    """Longest first (a name inside a longer one is swapped after it); ties by the text itself, since
    set order follows PYTHONHASHSEED and a corpus seed must fix the corpus in every process."""
    return sorted(values, key=lambda v: (-len(v), v))


def _whole_word_at(text: str, word: str, start: int = 0) -> int:
    """Index of the first `word` in text[start:] with no ASCII letter or digit on either side, else -1.
    What `(?<![A-Za-z0-9])WORD(?![A-Za-z0-9])` finds, without compiling a regex per name (a corpus has
    hundreds of thousands of names: compiling them took a fifth of its generation time)."""
    i = text.find(word, start)
    while i >= 0:
        end = i + len(word)
        if (i == 0 or text[i - 1] not in _ASCII_ALNUM) and (end == len(text) or text[end] not in _ASCII_ALNUM):
            return i
        i = text.find(word, i + 1)
    return -1


def _replace_whole_word(text: str, word: str, new: str) -> str:
    """Every whole-word `word` (as `_whole_word_at` finds them, left to right) replaced by `new`."""
    if not word:
        raise ValueError("no word to replace")
    parts, done = [], 0
    i = _whole_word_at(text, word)
    while i >= 0:
        parts += [text[done:i], new]
        done = i + len(word)
        i = _whole_word_at(text, word, done)
    return "".join(parts) + text[done:]


def _in_quoted_values(tgt: str, old: str, new: str, replace: Callable[[str, str, str], str]) -> str:
    """`replace(value, old, new)` applied to every quoted value of a plan text."""
    return _QUOTED_RE.sub(lambda m: '"' + replace(m.group(1), old, new) + '"', tgt)


def fresh_names(src: str, tgt: str, rng: random.Random, chinese: bool = True) -> tuple[str, str]:
    """The same request and plan with the folder and file names replaced by made-up ones.

    The corpus draws names from fixed pools, so a model can score by recalling
    pool names instead of copying from the request; names it never saw make it
    copy. Plain-ASCII names written in the request are replaced as whole words,
    in the request and inside the plan's quoted values; Chinese ones too
    (`_fresh_chinese_names`)."""
    from fileagent.agent.plan.text import PlanTextError, tokenize_steps

    try:
        steps = tokenize_steps(tgt)
    except PlanTextError:
        return src, tgt
    names = {
        seg
        for _, fields in steps
        for key, value in fields
        if key in NAME_KEYS and isinstance(value, str)
        for seg in value.split("/")
        if _ASCII_NAME.fullmatch(seg) and seg not in (".", "..") and seg in src
    }
    for name in _longest_first(names):
        if _whole_word_at(src, name) < 0:
            continue
        new = _fresh_name(rng, name)
        if _whole_word_at(src, new) >= 0:
            continue  # a word the request already has: the swap would merge two mentions
        src = _replace_whole_word(src, name, new)
        tgt = _in_quoted_values(tgt, name, new, _replace_whole_word)
    return _fresh_chinese_names(src, tgt, steps, rng) if chinese else (src, tgt)


_CJK_STEM = re.compile(r"[\u4e00-\u9fff]{2,8}")
# Characters that are particles, prepositions or verbs of the requests' own wording ("把", "里", "到"):
# a made-up Chinese name is built without them, so where a name ends stays a question of its place.
_ZH_FUNCTION = set(
    "的一是在不了有和这中为上个我以要他时来们到地于出就对成会可也能下过说而后多所得之着等与里把给从被将向再并"
    "及或则即先然删移改建放加列查看读写整分按全都吧呢吗内外但前其些那此"
) | set("".join(_ZH_AFTER_NAME + _ZH_BEFORE_PATH))  # where the plan constraint lets a name end or start


_ZH_NOT_NAMES = ("我们", "大家", "不要", "需要", "记得", "忘记", "带上", "注意")


def _fresh_chinese_stem(rng: random.Random, like: str) -> str:
    """A made-up Chinese name about as long as `like`: everyday words ("项目报告") or characters
    that are no particle of a request ("衡锦")."""
    if rng.random() < 0.5:
        words = [w for w in _ZH_TEXT_WORDS if len(w) >= 2 and w not in _ZH_NOT_NAMES and not set(w) & _ZH_FUNCTION]
        return "".join(rng.choice(words) for _ in range(1 if len(like) <= 3 else 2))
    chars = [c for c in _ZH_CHARS if c not in _ZH_FUNCTION]
    return "".join(rng.choice(chars) for _ in range(max(2, min(5, len(like) + rng.randint(-1, 1)))))


def _fresh_chinese_names(src: str, tgt: str, steps, rng: random.Random) -> tuple[str, str]:
    """Chinese folder and file names (the stem of "预算表.csv") replaced by made-up ones, in the
    request and inside the plan's quoted values. Chinese has no word boundaries, so a name is
    replaced only where every one of its occurrences in the request can be a mention of it: no
    more occurrences than the plan has names with that stem ("备份" of "把 备份 里的 x 备份一份"
    is also a verb, and stays)."""
    stems = [
        seg.rsplit(".", 1)[0] if "." in seg[1:] else seg
        for _, fields in steps
        for key, value in fields
        if key in NAME_KEYS and isinstance(value, str)
        for seg in value.split("/")
        if seg
    ]
    for stem in _longest_first({t for t in stems if _CJK_STEM.fullmatch(t)}):
        n = src.count(stem)
        if n == 0 or n > stems.count(stem) or any(stem in other and stem != other for other in stems):
            continue
        new = _fresh_chinese_stem(rng, stem)
        if new in src or new in tgt or any(new in other or other in new for other in stems):
            continue
        src = src.replace(stem, new)
        tgt = _in_quoted_values(tgt, stem, new, str.replace)
    return src, tgt


_EN_WORDS = (
    "the",
    "a",
    "to",
    "and",
    "of",
    "for",
    "on",
    "at",
    "in",
    "is",
    "new",
    "old",
    "call",
    "send",
    "check",
    "fix",
    "plan",
    "team",
    "report",
    "update",
    "meeting",
    "notes",
    "budget",
    "review",
    "next",
    "week",
    "today",
    "tomorrow",
    "list",
    "item",
    "ready",
    "final",
    "draft",
    "please",
    "thanks",
    "idea",
    "home",
)
_ZH_CHARS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
    "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气"
    "第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及"
    "管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据"
    "处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更"
    "单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传"
)
# Everyday words for made-up texts: real text is words, and the tokenizer has pieces for common ones
# ("下午", "meeting"); texts of random characters alone teach copying only one piece at a time.
_EN_TEXT_WORDS = _EN_WORDS + (
    "water",
    "plants",
    "buy",
    "milk",
    "bread",
    "eggs",
    "call",
    "mom",
    "dad",
    "dentist",
    "doctor",
    "office",
    "back",
    "out",
    "until",
    "monday",
    "friday",
    "sunday",
    "morning",
    "evening",
    "noon",
    "lunch",
    "dinner",
    "pay",
    "rent",
    "bills",
    "invoice",
    "client",
    "project",
    "deadline",
    "release",
    "version",
    "build",
    "server",
    "deploy",
    "bug",
    "fixed",
    "done",
    "pending",
    "approved",
    "rejected",
    "remember",
    "don't",
    "forget",
    "ask",
    "about",
    "with",
    "from",
    "by",
    "before",
    "after",
    "this",
    "that",
    "all",
    "my",
    "our",
    "your",
    "room",
    "door",
    "key",
    "car",
    "train",
    "flight",
    "hotel",
    "trip",
    "book",
    "read",
    "write",
    "email",
    "reply",
    "password",
    "changed",
    "moved",
    "to",
    "pm",
    "am",
    "hello",
    "world",
    "welcome",
    "copyright",
    "draft",
    "confidential",
    "internal",
    "only",
    "status",
    "owner",
    "team",
    "lead",
    "data",
    "backup",
    "old",
    "new",
)
_ZH_TEXT_WORDS = (
    "今天",
    "明天",
    "后天",
    "上午",
    "下午",
    "晚上",
    "周一",
    "周三",
    "周五",
    "周末",
    "三点",
    "十点",
    "开会",
    "会议",
    "项目",
    "报告",
    "修复",
    "登录",
    "问题",
    "测试",
    "文档",
    "检查",
    "提交",
    "代码",
    "版本",
    "更新",
    "发布",
    "总结",
    "需要",
    "准备",
    "材料",
    "客户",
    "合同",
    "付款",
    "发票",
    "预算",
    "审核",
    "通过",
    "确认",
    "联系",
    "电话",
    "邮件",
    "回复",
    "老师",
    "同事",
    "经理",
    "家里",
    "超市",
    "买",
    "牛奶",
    "鸡蛋",
    "面包",
    "水果",
    "记得",
    "不要",
    "忘记",
    "带上",
    "钥匙",
    "护照",
    "出差",
    "旅行",
    "酒店",
    "机票",
    "火车",
    "医生",
    "体检",
    "交",
    "房租",
    "水电费",
    "作业",
    "考试",
    "复习",
    "年度",
    "目标",
    "数据",
    "备份",
    "服务器",
    "上线",
    "已",
    "未",
    "待",
    "的",
    "和",
    "在",
    "把",
    "给",
    "请",
    "我们",
    "大家",
    "注意",
    "重要",
    "紧急",
    "内部",
    "资料",
    "版权所有",
    "欢迎",
    "你好",
    "世界",
    "状态",
    "负责人",
    "小组",
    "会议室",
    "打印",
    "签字",
)
_TEXT_FORMS = ("{}", "{}", "{}", "TODO: {}", "# {}", "- {}", "{}!", "{} {}", "{}, {}", "note: {}", "{}={}", "{} -> {}")
_ZH_FORMS = ("{}", "{}", "{}", "待办：{}", "# {}", "{}，{}", "备注：{}", "{}！")


def _fresh_text(rng: random.Random, like: str) -> str:
    """Made-up free text (content, replace strings) in the language of `like`."""
    if re.search(r"[\u4e00-\u9fff]", like):

        def part() -> str:
            if rng.random() < 0.6:
                return "".join(rng.choice(_ZH_TEXT_WORDS) for _ in range(rng.randint(1, 5)))
            return "".join(rng.choice(_ZH_CHARS) for _ in range(rng.randint(2, 6)))

        form = rng.choice(_ZH_FORMS)
    else:

        def part() -> str:
            words = [
                rng.choice(_EN_TEXT_WORDS) if rng.random() < 0.6 else _fresh_name(rng, "x")
                for _ in range(rng.randint(1, 5))
            ]
            if rng.random() < 0.2:
                words.append(str(rng.randint(1, 2030)))
            return " ".join(words)

        form = rng.choice(_TEXT_FORMS)
    return form.format(*(part() for _ in range(form.count("{}"))))


def fresh_texts(src: str, tgt: str, rng: random.Random) -> tuple[str, str]:
    """The same request and plan with each free text (content, append/replace text, find) replaced
    by made-up text, so the model copies texts instead of recalling the corpus's short list. Only a
    text written exactly once in the request (and with no quote or backslash) is replaced."""
    from fileagent.agent.plan.text import FREE_TEXT_KEYS, PlanTextError, tokenize_steps

    try:
        steps = tokenize_steps(tgt)
    except PlanTextError:
        return src, tgt
    texts = {
        value
        for _, fields in steps
        for key, value in fields
        if key in FREE_TEXT_KEYS
        and isinstance(value, str)
        and value
        and src.count(value) == 1
        and not set(value) & set('"\\')
    }
    for text in _longest_first(texts):
        if src.count(text) != 1:
            continue
        new = _fresh_text(rng, text)
        if new in src or '"' + new + '"' in tgt:
            continue
        src = src.replace(text, new)
        tgt = tgt.replace('"' + text + '"', '"' + new + '"')
    return src, tgt
