"""The synthetic planner corpus: deterministic, valid plans, template hold-out, names copied exactly."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from fileagent.agent.plan import text as plan_text
from fileagent.agent.plan.model import OPS, Plan
from fileagent.agent.planner.training.corpus import Example, generate, write_jsonl
from fileagent.agent.planner.training.corpus.__main__ import main
from fileagent.agent.planner.training.corpus.build import (
    all_template_ids,
    split_of,
    template_text,
    template_words,
)


def plan_examples(*args, **kw):
    """The corpus's examples whose target is a plan (not a refusal reading)."""
    return [e for e in generate(*args, **kw) if not e.tgt.startswith("none ")]


SAMPLE_N = 40_000


@pytest.fixture(scope="module")
def sample() -> list[Example]:
    return plan_examples(SAMPLE_N, seed=7)


def test_same_seed_same_corpus_other_seed_other_corpus():
    assert generate(400, seed=3) == generate(400, seed=3)
    assert generate(400, seed=3) != generate(400, seed=4)
    assert len(generate(123, seed=0)) == 123


def test_every_target_round_trips_and_validates(sample):
    for ex in sample:
        plan = plan_text.from_text(ex.tgt)
        assert plan_text.to_text(plan) == ex.tgt, ex
        assert Plan.from_dict(plan.to_dict()) == plan
        assert ex.lang in ("en", "zh", "mix") and ex.split in ("train", "heldout")
        assert ex.src == ex.src.strip() and "\x01" not in ex.src and "\n" not in ex.src


def _keys(tgt: str) -> set[str]:
    out = set()
    for op, fields in plan_text.tokenize_steps(tgt):
        out.add(f"op:{op}")
        for key, value in fields:
            out.add(key)
            if key in ("mode", "by", "kind"):
                out.add(f"{key}={value}")
    return out


# The corpus teaches every op, key and enum value of the plan text.
EXPECTED_KEYS = (
    {f"op:{op}" for op in OPS}
    | set(plan_text.SELECTION_KEYS)
    | {"mode=" + m for m in ("append", "prepend", "replace", "replace_regex", "set")}
    | {"by=" + b for b in ("extension", "type", "year", "month", "size", "keywords", "topic")}
    | {
        "kind=dir",
        "kind=any",
        "new_name",
        "set_ext",
        "add_prefix",
        "add_suffix",
        "if",
        "then",
        "else",
        "dest",
        "tag",
        "remove",
        "to",
        "content",
        "find",
        "text",
        "rule_set",
        "template",
        "keep_structure",
        "remove_originals",
        "start",
        "case",
        "max_groups",
    }
)


def test_every_op_key_and_enum_appears_in_train_and_heldout(sample):
    for split in ("train", "heldout"):
        seen = set().union(*(_keys(ex.tgt) for ex in sample if ex.split == split))
        assert EXPECTED_KEYS <= seen, (split, EXPECTED_KEYS - seen)


def test_heldout_templates_never_appear_in_train(sample):
    by_split = {s: {ex.template for ex in sample if ex.split == s} for s in ("train", "heldout")}
    assert not by_split["train"] & by_split["heldout"]
    for ex in sample[:2000]:
        assert split_of(ex.template) == ex.split


def test_a_recorded_split_is_scored_as_it_was_when_the_model_trained():
    from fileagent.agent.planner.training.corpus import build

    today = build.heldout_record()
    assert today and set(today) == {t for t in all_template_ids() if split_of(t) == "heldout"}
    train_id = next(t for t in all_template_ids() if split_of(t) == "train" and t.startswith("en.move."))
    record = {
        train_id: build._hash(template_text(train_id))[:10],
        "en.move.99999": "0" * 10,
        next(iter(today)): "changed!!!",
    }
    held = build.recorded_heldout(record)
    assert held == {train_id}  # unknown ids and templates whose text changed drop out
    examples = plan_examples(20000, seed=4, heldout=held)
    assert {e.template for e in examples if e.split == "heldout"} <= {train_id}
    assert any(e.template == train_id and e.split == "heldout" for e in examples)
    assert split_of(train_id) == "train"  # the override ends with the call


def test_about_fifteen_percent_of_each_intents_templates_are_held_out():
    groups: dict[tuple[str, str], list[str]] = {}
    for tid in all_template_ids():
        lang, intent, _ = tid.rsplit(".", 2)
        groups.setdefault((lang, intent), []).append(split_of(tid))
    words = {tid: template_words(template_text(tid)) for tid in all_template_ids()}
    for (lang, intent), splits in groups.items():
        if len(splits) >= 3:
            assert "train" in splits, (lang, intent)
            assert splits.count("heldout") / len(splits) <= 0.34, (lang, intent)
            if "heldout" not in splits:  # allowed only when every template has a word found nowhere else
                for k in range(len(splits)):
                    tid = f"{lang}.{intent}.{k}"
                    others = set().union(*(w for t, w in words.items() if t != tid and split_of(t) == "train"))
                    assert not words[tid] <= others, tid
    every = [s for splits in groups.values() for s in splits]
    assert 0.10 <= every.count("heldout") / len(every) <= 0.22


def _request_words(text: str) -> set[str]:
    text = text.lower()
    words = set(re.findall(r"[a-z]+", text))
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        words |= set(run) | {run[i : i + 2] for i in range(len(run) - 1)}
    return words


def test_every_word_of_a_heldout_template_occurs_in_training_requests(sample):
    # a verb or connective seen only in held-out phrasings cannot be learned by any model; a word
    # of a rare training template (a mixed-language one) may miss the sample but not the corpus
    train_words = set().union(*(_request_words(ex.src) for ex in sample if ex.split == "train"))
    train_words |= set().union(
        *(template_words(template_text(t)) for t in all_template_ids() if split_of(t) == "train")
    )
    missing = Counter()
    for ex in sample:
        if ex.split == "heldout":
            for w in template_words(template_text(ex.template)) - train_words:
                missing[(ex.template, w)] += 1
    assert not missing, missing.most_common(20)


def test_mix_of_languages_steps_and_outside_paths(sample):
    langs = Counter(ex.lang for ex in sample)
    assert 0.35 <= (langs["zh"] + langs["mix"]) / len(sample) <= 0.45
    assert langs["mix"] > 0.05 * len(sample)
    multi = sum(" ; " in ex.tgt for ex in sample) / len(sample)
    assert 0.15 <= multi <= 0.22
    outside = sum(
        any(
            v == ".." or v.startswith(("/", "~", "../"))
            for _, fields in plan_text.tokenize_steps(ex.tgt)
            for k, v in fields
            if k in ("path", "in", "to")
        )
        for ex in sample
    ) / len(sample)
    assert 0.025 <= outside <= 0.06


# Values that are not spans of the request by design: bare enums/ext/sizes/dates are not quoted
# at all; ".." may come from "the parent folder"; patterns may wrap a span in * and .*
def _is_span(value: str, src: str) -> bool:
    if value in src:
        return True
    head, sep, tail = value.rpartition("/")
    return bool(sep) and _is_span(head, src) and tail in src


def _pattern_ok(value: str, src: str) -> bool:
    for pre, post in (("", "*"), ("*", "*"), ("*", ".*")):
        if value.startswith(pre) and value.endswith(post) and value[len(pre) : len(value) - len(post)] in src:
            return True
    return value in src


def test_quoted_values_are_copied_from_the_request(sample):
    checked = 0
    for ex in sample:
        for _op, fields in plan_text.tokenize_steps(ex.tgt):
            for key, value in fields:
                if key not in plan_text.QUOTED or value == "..":
                    continue
                if key == "pattern":
                    ok = _pattern_ok(value, ex.src)
                elif key == "template" and value not in ex.src:
                    # a template said in words: the date ones, or BASE{n}.{ext} with BASE written
                    ok = value in ("{date}_{name}", "{stem}_{date}.{ext}") or (
                        re.fullmatch(r"[^{}]+\{n(:03)?\}\.\{ext\}", value) is not None
                        and value.split("{n")[0] in ex.src
                    )
                elif key == "except" and value.startswith("*."):
                    ok = value[2:] in ex.src.lower()
                else:
                    ok = _is_span(value, ex.src)
                assert ok, (key, value, ex)
                checked += 1
    assert checked > SAMPLE_N


def test_names_with_spaces_are_quoted_in_the_request(sample):
    quotes = "'\"`\u201c\u201d\u300c\u300d"
    for ex in sample:
        for _op, fields in plan_text.tokenize_steps(ex.tgt):
            for key, value in fields:
                if key not in ("path", "in", "to", "new_name", "dest", "then", "else"):
                    continue
                for part in value.split("/"):
                    if " " in part:
                        starts = [i for i in range(len(ex.src)) if ex.src.startswith(part, i)]
                        assert any(
                            i > 0
                            and ex.src[i - 1] in quotes + "/"
                            and ex.src[i + len(part) : i + len(part) + 1] in tuple(quotes + "/")
                            for i in starts
                        ), (part, ex)


def test_upper_case_extensions_in_requests_give_lower_case_ext(sample):
    upper = [
        ex
        for ex in sample
        if " ext=" in ex.tgt
        and any(f"{e.upper()}" in ex.src for _, f in plan_text.tokenize_steps(ex.tgt) for k, e in f if k == "ext")
    ]
    assert upper, "no request writes an upper-case extension"
    for ex in upper:
        assert all(e == e.lower() for _, f in plan_text.tokenize_steps(ex.tgt) for k, e in f if k == "ext")


def test_write_jsonl_and_command_line(tmp_path, capsys):
    out = tmp_path / "c.jsonl"
    write_jsonl(generate(50, seed=1), out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 50 and set(rows[0]) == {"src", "tgt", "template", "lang", "split"}
    assert [Example(**r) for r in rows] == generate(50, seed=1)

    assert main(["--n", "300", "--seed", "2", "--out", str(tmp_path / "d.jsonl")]) == 0
    printed = capsys.readouterr().out
    assert "300 examples" in printed and "op" in printed and "heldout=" in printed
    assert len((tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()) == 300

    assert main(["--show", "5", "--lang", "zh"]) == 0
    shown = capsys.readouterr().out
    assert shown.count("-> ") == 5 and "[zh." in shown


def test_train_clauses_of_multi_step_requests_come_from_train_templates():
    import random

    from fileagent.agent.planner.training.corpus.build import _clause
    from fileagent.agent.planner.training.corpus.intents import WEIGHTS
    from fileagent.agent.planner.training.corpus.names import Ctx

    rng = random.Random(0)
    for lang in ("en", "zh", "mix"):
        for intent in WEIGHTS:
            for _ in range(15):
                _core, _steps, tid, _flag = _clause(Ctx(rng, lang), lang, intent, "train")
                assert split_of(tid) == "train", tid


def test_same_corpus_in_another_process_with_another_hash_seed():
    import os
    import subprocess
    import sys

    code = (
        "import hashlib; from fileagent.agent.planner.training.corpus import generate; "
        "print(hashlib.sha1(repr(generate(300, seed=5)).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": h},
        ).stdout
        for h in ("1", "2")
    }
    assert len(digests) == 1


def test_one_request_text_never_gets_two_different_plans(sample):
    plans: dict[str, str] = {}
    for ex in sample:
        assert plans.setdefault(ex.src, ex.tgt) == ex.tgt, (ex.src, plans[ex.src], ex.tgt)


def test_type_words_map_to_one_extension_list(sample):
    from fileagent.agent.planner.type_words import TYPE_EXTS, TYPE_WORDS_EN, TYPE_WORDS_ZH

    for ex in sample:
        exts = tuple(v for _, f in plan_text.tokenize_steps(ex.tgt) for k, v in f if k == "ext")
        if " ; " in ex.tgt or len(exts) < 2:
            continue
        for family, words in TYPE_WORDS_EN.items():
            if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", ex.src) for pair in words for w in pair):
                if exts == TYPE_EXTS[family]:
                    break
        else:
            for family, words in TYPE_WORDS_ZH.items():
                if any(w in ex.src for w in words) and exts == TYPE_EXTS[family]:
                    break
            else:
                # several extensions written out one by one: each one appears in the request
                assert all(e in ex.src.lower() for e in exts), ex


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_verb_swaps_use_training_phrases_and_never_rebuild_a_heldout_template(lang):
    import random as _random

    from fileagent.agent.planner.training.corpus import build

    rng = _random.Random(0)
    swapped = 0
    for intent in sorted(build.SWAP_INTENTS[lang]):
        parts = build._verb_parts(lang, intent)
        for k, tpl in enumerate(build.templates_for(lang, intent)):
            if build.split_of(f"{lang}.{intent}.{k}") != "train":
                continue
            for _ in range(20):
                new = build._swap_verb(rng, lang, intent, tpl)
                assert new not in build._heldout_texts()
                if new != tpl:
                    swapped += 1
                    key, verb, keep, _ = build._frame(lang, new)
                    assert verb in parts[key]  # a training template's verb part
                    assert keep == build._frame(lang, tpl)[2]  # the frame kept whole
    assert swapped > 200
