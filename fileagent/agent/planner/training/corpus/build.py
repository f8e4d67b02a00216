"""Assembly: pick language, intent and template; render request and plan; hold out templates.

Canonical plans (one intent, one plan text; the model is scored by exact match):
- one named item -> path="X"; "X from/in FOLDER", "FOLDER 里的 X" -> path="FOLDER/X".
- "the EXT files in F" -> in="F" ext=EXT; "under F", "F and its subfolders", "子目录" -> + recursive;
  "all/every EXT file" with no folder -> recursive ext=EXT; "here", "in the root", "根目录" -> ext=EXT only.
- "everything in F" -> in="F" kind=any; "the folders in F" -> kind=dir. "list/show/what's in F" and
  "list the files in F" -> list path="F".
- a written glob -> pattern="GLOB"; "names starting with X" -> pattern="X*"; "with X in the name" ->
  pattern="*X*"; "names ending with X" -> pattern="*X.*"; name~ only when the request says regex / 正则.
- type words -> type_words.TYPE_EXTS in its order (images -> jpg jpeg png gif, ...).
- sizes strictly larger/smaller, KB/MB/GB = 1024-based; "in 2023" -> after=2023-01-01 before=2024-01-01.
- "the parent folder" / "上一级目录" -> "..". Paths outside the root are kept as written.
- rename batch `template` only when the request writes the template (with {n}, {stem}...).

Template ids are "LANG.INTENT.K" (K = index in that language's tuple) plus the
multi-step connectors "LANG.seq2.K" / "LANG.seq3.K". About 15% of the templates of
every intent in every language are candidates for holding out, picked by a hash of
the template's own text (so never dependent on n, seed or the other templates); a
candidate stays held out (split="heldout") only if each of its own words (English word,
Chinese character bigram) also occurs in some training template, so every verb and
connective can be learned. A train example never uses a
held-out template, not even as one clause of a multi-step request.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from fileagent.agent.plan.model import Plan
from fileagent.agent.plan.text import to_text
from fileagent.agent.planner.grounding import ungrounded
from fileagent.agent.planner.training.corpus import en, en_jobs, items, refusals, zh, zh_jobs
from fileagent.agent.planner.training.corpus.intents import (
    OUTSIDE_INTENTS,
    SAMPLERS,
    SEQ_INTENTS,
    WEIGHTS,
    slots_of,
)
from fileagent.agent.planner.training.corpus.names import Ctx

HOLDOUT_FRACTION = 0.15
LANG_WEIGHTS = (("en", 0.60), ("zh", 0.28), ("mix", 0.12))
MULTI_P = 0.18  # share of multi-step requests
REFUSE_P = 0.12  # share of requests to refuse (refusals.py): small talk, other programs' jobs, gibberish
OUTSIDE_P = 0.04  # share naming a path outside the root
TYPO_P = 0.07  # English requests with one typo in a common word
TIGHT_P = 0.5  # Chinese requests without spaces between CJK and latin text
SWAP_P = 0.3  # requests whose verb phrase comes from another template of the intent
# intents whose verb part carries the whole action (not "add {pre} ..." vs "add {suf} ..."); in
# Chinese only those whose verb parts read well in every kept frame. Not the classify intents that
# say their rule in the verb part: "separate the big files from the small ones in {F}" would lend
# "organise " to "{F}" and teach "organise F" as a sort by size.
SWAP_INTENTS = {
    "en": frozenset(
        {
            "list_dir",
            "list_grp",
            "read_one",
            "read_grp",
            "create_file",
            "create_empty",
            "create_dir",
            "delete",
            "move",
            "copy",
            "classify_default",
        }
    ),
    "zh": frozenset({"list_dir", "list_grp", "read_one", "read_grp", "delete", "move", "copy"}),
}


@dataclass(frozen=True)
class Example:
    src: str
    tgt: str
    template: str
    lang: str
    split: str


def _module(lang: str):
    return en if lang == "en" else zh


def templates_for(lang: str, intent: str) -> tuple[str, ...]:
    if lang == "en":
        return en.TEMPLATES.get(intent) or en_jobs.TEMPLATES.get(intent) or items.EN.get(intent, ())
    if lang == "mix":
        return zh.MIX_TEMPLATES.get(intent, ())
    return zh.TEMPLATES.get(intent) or zh_jobs.TEMPLATES.get(intent) or items.ZH.get(intent, ())


def connectors(lang: str, n: int) -> tuple[str, ...]:
    m = _module(lang)
    if lang == "mix":
        return m.MIX_CONNECT2 if n == 2 else m.MIX_CONNECT3
    return m.CONNECT2 if n == 2 else m.CONNECT3


def _hash(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def _rank(tid: str) -> float:
    """Where a template falls in [0, 1): a hash of its language, group and own text, so adding,
    removing or reordering other templates never moves it in or out of the held-out set."""
    lang, group, _ = tid.rsplit(".", 2)
    return int(_hash(f"{lang}.{group}:{template_text(tid)}")[:12], 16) / 16**12


def heldout_ids(lang: str, group: str, count: int) -> frozenset[str]:
    """The held-out candidates among "LANG.GROUP.0" .. count-1: those ranked below
    HOLDOUT_FRACTION, at most a third of the group (lowest ranks first), or the lowest-ranked
    one when a group of 3+ has none."""
    ranked = sorted((f"{lang}.{group}.{k}" for k in range(count)), key=_rank)
    held = [t for t in ranked if _rank(t) < HOLDOUT_FRACTION][: max(1, count // 3)]
    if count >= 3 and not held:
        held = ranked[:1]
    return frozenset(held)


def template_text(tid: str) -> str:
    lang, group, k = tid.rsplit(".", 2)
    if group in ("seq2", "seq3"):
        return connectors(lang, int(group[-1]))[int(k)]
    return templates_for(lang, group)[int(k)]


def template_words(text: str) -> frozenset[str]:
    """The template's own words (slots removed): lower-case English words and Chinese character
    bigrams (a lone CJK character counts as itself)."""
    text = re.sub(r"\{[^}]*\}", " ", text.lstrip("!~")).lower()
    words = set(re.findall(r"[a-z]+", text))
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        words |= {run[i : i + 2] for i in range(len(run) - 1)} if len(run) > 1 else {run}
    return frozenset(words)


def _group_ids(lang: str, group: str) -> list[str]:
    count = len(connectors(lang, int(group[-1]))) if group in ("seq2", "seq3") else len(templates_for(lang, group))
    return [f"{lang}.{group}.{k}" for k in range(count)]


@cache
def _heldout() -> frozenset[str]:
    """Hash-picked candidates, minus those with a word no training template uses: a verb or
    connective seen only in held-out templates cannot be learned, so the score would measure
    vocabulary the model never saw rather than unseen phrasings. A group of 3+ templates left
    with none held out takes the next template in hash order whose words are all covered."""
    ids = all_template_ids()
    groups: dict[tuple[str, str], list[str]] = {}
    for tid in ids:
        lang, group, _ = tid.rsplit(".", 2)
        groups.setdefault((lang, group), _group_ids(lang, group))
    candidates: set[str] = set()
    for (lang, group), members in groups.items():
        candidates |= heldout_ids(lang, group, len(members))
    words = {tid: template_words(template_text(tid)) for tid in ids}

    def covered(held: set[str]) -> set[str]:
        train_words = set().union(*(words[t] for t in ids if t not in held))
        return {t for t in held if words[t] <= train_words}

    held = covered(candidates)
    for members in groups.values():
        if len(members) >= 3 and not held & set(members):
            for tid in sorted(members, key=_rank):
                if tid not in candidates and words[tid] <= set().union(
                    *(words[t] for t in ids if t not in held | {tid})
                ):
                    held.add(tid)
                    break
    while (kept := covered(held)) != held:
        held = kept
    return frozenset(held)


_SPLIT_OVERRIDE: list[frozenset[str] | None] = [None]  # set by generate(heldout=...)


def split_of(tid: str) -> str:
    held = _SPLIT_OVERRIDE[0]
    return "heldout" if tid in (_heldout() if held is None else held) else "train"


def heldout_record() -> dict[str, str]:
    """Today's held-out templates, id -> hash of its text: what a training run records, so a
    later corpus (templates added, the split moved) can still score the model on what it never
    saw (`generate(heldout=...)`)."""
    return {tid: _hash(template_text(tid))[:10] for tid in sorted(_heldout())}


def recorded_heldout(record: dict[str, str]) -> frozenset[str]:
    """The ids of a heldout_record whose template still has the same text today."""
    known = set(all_template_ids())
    return frozenset(t for t, h in record.items() if t in known and _hash(template_text(t))[:10] == h)


def all_template_ids() -> list[str]:
    out = []
    for lang in ("en", "zh", "mix"):
        for intent in SAMPLERS:
            out += [f"{lang}.{intent}.{k}" for k in range(len(templates_for(lang, intent)))]
        for n in (2, 3):
            out += [f"{lang}.seq{n}.{k}" for k in range(len(connectors(lang, n)))]
    return out


# ------------------------------------------------------------------ rendering


def _fill(tpl: str, slots: dict) -> str:
    """The template with its slots filled; a trailing phrase (a classify destination) goes before
    a question's closing mark: "can you organize docs into old?"."""
    suffix = slots.pop("_suffix", "")
    text = tpl.lstrip("!~").format(**slots)
    if suffix and text[-1:] in ("?", "\uff1f"):
        return text[:-1] + suffix + text[-1]
    return text + suffix


def _clause(ctx: Ctx, lang: str, intent: str, split: str | None) -> tuple[str, list, str, str]:
    """(skeleton, steps, template id, flag) for one intent; split limits the templates.
    flag: "!" a whole sentence, "~" or "{" no polite prefix, "" anything goes."""
    tpls = templates_for(lang, intent) or templates_for("zh", intent)
    tl = lang if templates_for(lang, intent) else "zh"
    ks = list(range(len(tpls)))
    if split is not None:
        ks = [k for k in ks if split_of(f"{tl}.{intent}.{k}") == split] or ks
    k = ctx.rng.choice(ks)
    tpl = tpls[k]
    if intent in SWAP_INTENTS.get(tl, ()) and ctx.rng.random() < SWAP_P and split_of(f"{tl}.{intent}.{k}") == "train":
        tpl = _swap_verb(ctx.rng, tl, intent, tpl)
    slots, steps = SAMPLERS[intent](ctx, _module(lang), tpl)
    flag = tpl[0] if tpl[0] in "!~{" else ""
    return _fill(tpl, slots), steps, f"{tl}.{intent}.{k}", flag


# A template's swappable verb part and the frame kept around it, per language: English and
# Chinese "VERB {slot}...", Chinese "把/将 {slot} VERB...". Swaps stay within one pattern, slot and
# set of slots in the verb part, so "把 {sel} 移到 {dst}" only trades "移到 {dst}" for "挪到 {dst}"...
_FRAMES = {
    "en": (re.compile(r"(?P<swap>[a-z][a-z' ]*? )(?P<keep>\{(?P<slot>\w+)\}.*)"),),
    "zh": (
        re.compile(r"(?P<keep>[把将] \{(?P<slot>\w+)\} )(?P<swap>.+)"),
        re.compile(r"(?P<swap>[^\s{}!~把将]+ )(?P<keep>\{(?P<slot>\w+)\}.*)"),
    ),
}


def _frame(lang: str, tpl: str) -> tuple[tuple, str, str, bool] | None:
    """(swap key, verb part, kept part, verb first) of `tpl`, or None when no pattern fits."""
    for i, pattern in enumerate(_FRAMES[lang]):
        m = pattern.fullmatch(tpl)
        if m:
            key = (i, m.group("slot"), frozenset(slots_of(m.group("swap"))))
            return key, m.group("swap"), m.group("keep"), m.start("swap") < m.start("keep")
    return None


@cache
def _verb_parts(lang: str, intent: str) -> dict[tuple, tuple[str, ...]]:
    """The verb parts ("get rid of ", "挪到 {dst}") of the training templates of `intent`, by swap
    key. Parts only from training templates: held-out ones stay unseen."""
    parts: dict[tuple, set[str]] = {}
    for k, tpl in enumerate(templates_for(lang, intent)):
        f = _frame(lang, tpl)
        if f and split_of(f"{lang}.{intent}.{k}") == "train" and not f[1].startswith("please "):
            parts.setdefault(f[0], set()).add(f[1])
    return {key: tuple(sorted(p)) for key, p in parts.items()}


@cache
def _heldout_texts() -> frozenset[str]:
    return frozenset(template_text(t).lstrip("!~") for t in _heldout())


def _swap_verb(rng: random.Random, lang: str, intent: str, tpl: str) -> str:
    """`tpl` with its verb part swapped for another training template's ("rm {sel}" from "rm {one}"
    and "delete {sel} now"), so each verb is met in more frames than its own. Never a held-out
    template's text."""
    f = _frame(lang, tpl)
    if not f:
        return tpl
    key, _, keep, verb_first = f
    options = _verb_parts(lang, intent).get(key, ())
    if not options:
        return tpl
    verb = rng.choice(options)
    new = verb + keep if verb_first else keep + verb
    return tpl if new in _heldout_texts() else new


@cache
def _cum(pairs: tuple) -> tuple[list, list]:
    values, total, cum = [], 0.0, []
    for v, w in pairs:
        values.append(v)
        total += w
        cum.append(total)
    return values, cum


def _weighted(rng: random.Random, pairs: tuple):
    values, cum = _cum(pairs)
    return rng.choices(values, cum_weights=cum)[0]


def _wrap(ctx: Ctx, lang: str, core: str, flag: str) -> str:
    m = _module(lang)
    rng = ctx.rng
    polite = ("帮", "请", "麻烦", "你", "给我")  # a Chinese core that already addresses the listener
    if not flag and not core.startswith(polite) and rng.random() < 0.08:
        return m.question(ctx, core)
    pre = "" if flag else _weighted(rng, m.WRAP_PRE)
    if core.startswith(polite):
        pre = ""  # not "我想" + "帮我 read 一下 X", "帮我" + "给我把 X 删了"
    return pre + core + _weighted(rng, m.WRAP_POST)


_ALL_INTENTS = tuple(WEIGHTS.items())
_OUTSIDE_INTENTS = tuple((k, WEIGHTS[k]) for k in OUTSIDE_INTENTS)


def _pick_intent(rng: random.Random, outside: bool = False) -> str:
    return _weighted(rng, _OUTSIDE_INTENTS if outside else _ALL_INTENTS)


def _same_place(a: dict, b: dict) -> bool:
    """Two steps of one op on one folder or item: no step asked twice, nor "delete the empty files
    in old, and delete the files in old" (the second repeats the first on more of the same items)."""
    if a == b:
        return True
    sa, sb = a.get("select") or {}, b.get("select") or {}
    where = sa.get("path") or sa.get("in")
    return a["op"] == b["op"] and where is not None and where == (sb.get("path") or sb.get("in"))


def _one_example(rng: random.Random) -> Example:
    lang = _weighted(rng, LANG_WEIGHTS)
    if rng.random() < REFUSE_P:
        src, tgt, tid, split = refusals.example(rng, lang)
        return Example(src=src, tgt=tgt, template=tid, lang="zh" if lang == "mix" else lang, split=split)
    ctx = Ctx(rng, lang)
    r = rng.random()
    if r < MULTI_P:
        if rng.random() < 0.35:
            intent = rng.choice(SEQ_INTENTS)
            core, steps, tid, _ = _clause(ctx, lang, intent, None)
            split = split_of(tid)
        else:
            n = 2 if rng.random() < 0.8 else 3
            conns = connectors(lang, n)
            k = rng.randrange(len(conns))
            tid = f"{lang}.seq{n}.{k}"
            split = split_of(tid)
            parts: list[str] = []
            steps = []
            while len(parts) < n:
                intent = _pick_intent(rng)
                if intent == "classify_keywords":  # its own commas would blur the step boundary
                    continue
                c, s, _, flag = _clause(ctx, lang, intent, "train" if split == "train" else None)
                if flag in ("", "{") and not any(_same_place(st, prev) for st in s for prev in steps):
                    parts.append(c)
                    steps += s
            core = conns[k].format(**dict(zip("abc", parts, strict=False)))
    else:
        if r < MULTI_P + OUTSIDE_P:
            ctx.outside = True
            intent = _pick_intent(rng, outside=True)
        else:
            intent = _pick_intent(rng)
        core, steps, tid, flag = _clause(ctx, lang, intent, None)
        split = split_of(tid)
        if flag != "!":
            core = _wrap(ctx, lang, core, flag)
    if lang == "en" and rng.random() < 0.35:
        core = core[:1].upper() + core[1:]
    tight = lang != "en" and rng.random() < TIGHT_P
    typo = lang == "en" and rng.random() < TYPO_P
    src = ctx.finish(core, tighten=tight, typo=typo)
    plan = Plan.from_dict({"version": 2, "steps": steps})
    tgt = to_text(plan)
    if typo and ungrounded(plan, src):  # the typo took the word that says the job: the planner would refuse
        src = ctx.finish(core, tighten=tight)
    if lang == "mix" and not tid.startswith("mix."):
        lang = "zh"  # no mixed-language template for this intent: the request is Chinese
    return Example(src=src, tgt=tgt, template=tid, lang=lang, split=split)


def generate(n: int, *, seed: int | str = 0, heldout: frozenset[str] | None = None) -> list[Example]:
    """n examples, deterministic for (n, seed). `heldout`: template ids to take as held out
    instead of today's split (recorded_heldout of a model trained on an earlier one)."""
    rng = random.Random(seed)
    prev, _SPLIT_OVERRIDE[0] = _SPLIT_OVERRIDE[0], heldout
    try:
        return [_one_example(rng) for _ in range(n)]
    finally:
        _SPLIT_OVERRIDE[0] = prev


def write_jsonl(examples, path) -> None:
    with Path(path).open("w", encoding="utf-8") as fh:
        for ex in examples:
            fh.write(json.dumps(asdict(ex), ensure_ascii=False) + "\n")
