"""The organizer jobs in the corpus: every template renders, and each intent's plans have the
canonical shape (docs/planner.md, "Version-2 plans")."""

from __future__ import annotations

import random
import re

import pytest

from fileagent.agent.plan import text as plan_text
from fileagent.agent.plan.model import Plan
from fileagent.agent.planner.training.corpus import build, capabilities, en_jobs, zh_jobs
from fileagent.agent.planner.training.corpus.names import Ctx
from fileagent.agent.planner.values_v2 import written_ages

INTENTS = tuple(capabilities.SAMPLERS)


def draw(lang: str, intent: str, seed: int) -> tuple[str, str]:
    ctx = Ctx(random.Random(seed), lang)
    core, steps, _, _ = build._clause(ctx, lang, intent, None)
    src = ctx.finish(core)
    return src, plan_text.to_text(Plan.from_dict({"version": 2, "steps": steps}))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_intent_has_templates_and_each_renders(lang):
    module = en_jobs if lang == "en" else zh_jobs
    for intent in INTENTS:
        tpls = module.TEMPLATES[intent]
        assert len(tpls) >= 10, intent
        for k, tpl in enumerate(tpls):
            ctx = Ctx(random.Random(k), lang)
            slots, steps = capabilities.SAMPLERS[intent](ctx, build._module(lang), tpl)
            src = ctx.finish(build._fill(tpl, slots))
            assert "\x01" not in src and src == src.strip(), (intent, tpl, src)
            Plan.from_dict({"version": 2, "steps": steps})


NUMBER_WORDS: dict[int, set[str]] = {}
for table in (en_jobs.NUMBER_WORDS, zh_jobs.NUMBER_WORDS):
    for n, v in table.items():
        NUMBER_WORDS.setdefault(n, set()).update((v,) if isinstance(v, str) else v)


def _written(n: int, src: str) -> bool:
    return re.search(rf"(?<!\d)0*{n}(?!\d)", src) is not None or any(w in src for w in NUMBER_WORDS.get(n, ()))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_intent_writes_its_canonical_plan(lang):
    for intent in INTENTS:
        for seed in range(40):
            src, tgt = draw(lang, intent, seed)
            if intent.startswith("dup_"):
                assert " recursive" in tgt and "duplicates=" in tgt, (src, tgt)
                assert ("keep_in=" in tgt) == ("duplicates=in_folder" in tgt)
            if intent.startswith("top_"):
                limit = int(re.search(r"limit=(\d+)", tgt).group(1))
                assert limit == 1 or _written(limit, src), (src, tgt)
                assert ("sort=size" in tgt) == (intent in ("top_big", "top_small"))
                assert (" desc" in tgt) == (intent in ("top_big", "top_new"))
            if intent == "archive_dir":
                m = re.fullmatch(r'archive path="([^"]*)" to="([^"]*)"', tgt)
                assert m and m.group(1) == m.group(2), tgt
            if intent.startswith("extract"):
                assert re.match(r'extract path="[^"]*\.(zip|tar|tar\.gz|tgz)"', tgt), tgt
            if intent.startswith("empty_"):
                assert tgt.endswith(" empty"), tgt
                assert (" kind=dir" in tgt) == ("dirs" in intent)
            if intent == "rename_number":
                base = re.search(r'template="(.*?)\{n', tgt).group(1)
                assert base in src, (src, tgt)
                m = re.search(r"start=(\d+)", tgt)
                assert m is None or _written(int(m.group(1)), src), (src, tgt)
            if intent == "classify_topic":
                assert " by=topic" in tgt
                m = re.search(r"max_groups=(\d+)", tgt)
                assert m is None or _written(int(m.group(1)), src), (src, tgt)


def test_ages_exclusions_and_kept_folders_appear_in_other_intents():
    sample = build.generate(6000, seed=11)
    tgts = [ex.tgt for ex in sample]
    for key in (" older=", " newer=", " except=", " keep_structure"):
        assert sum(key in t for t in tgts) >= 20, key
    for ex in sample:
        for value, unit in re.findall(r" (?:older|newer)=(\d+)([dwmy])", ex.tgt):
            said = _written(int(value), ex.src) or value == "1" or value + unit in written_ages(ex.src)
            assert said, (ex.src, ex.tgt)
