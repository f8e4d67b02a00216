"""`fileagent train` end to end on a smoke configuration: corpus, tokenizer, model, evaluation, export."""

from __future__ import annotations

import json
import random

import pytest

from fileagent.agent.plan import text as plan_text
from fileagent.agent.planner import planner
from fileagent.agent.planner.training import fresh_values, train_planner
from fileagent.agent.planner.training.corpus.build import heldout_record


@pytest.mark.slow
def test_smoke_training_exports_a_planner_that_writes_only_parsable_plans(tmp_path, make_tree):
    out = tmp_path / "run"
    assert train_planner.main(["--smoke", "--n", "300", "--steps", "20", "--eval-n", "4", "--out", str(out)]) == 0
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    for key in (
        "accuracy_constrained_beam",
        "accuracy_planner_pick",
        "accuracy_greedy_unconstrained",
        "schema_valid_constrained",
        "schema_valid_unconstrained",
        "train_seconds",
        "tokens_per_sec",
        "model_bytes",
        "tokenizer_bytes",
    ):
        assert key in metrics
    assert metrics["heldout_pairs"] == 4 and metrics["steps"] == 20
    assert metrics["heldout_templates"] == heldout_record()  # bench_planner scores on these later

    loaded = planner.Planner(out)
    root = make_tree(tmp_path / "root", {"inbox/a.pdf": "", "notes.md": "x"})
    for request in ("move the pdf files out of inbox into old", "把 notes.md 删掉"):
        for text, finished in loaded.candidates(request, planner.existing_paths(root)):
            if finished:
                plan_text.from_text(text)  # the grammar admits nothing that fails to parse

    # warm start: the run's tokenizer and model config (overriding --n-embd), a new step count
    warm = tmp_path / "warm"
    assert (
        train_planner.main(
            [
                "--smoke",
                "--n",
                "300",
                "--steps",
                "5",
                "--eval-n",
                "2",
                "--n-embd",
                "64",
                "--init-from",
                str(out),
                "--out",
                str(warm),
            ]
        )
        == 0
    )
    assert (warm / "tokenizer.model").read_bytes() == (out / "tokenizer.model").read_bytes()
    warm_metrics = json.loads((warm / "metrics.json").read_text(encoding="utf-8"))
    assert warm_metrics["steps"] == 5 and warm_metrics["model"] == metrics["model"]

    # warm start from an exported model folder (planner.npz + tokenizer.model, no ckpt.pt), as shipped
    shipped_like = tmp_path / "shipped_like"
    shipped_like.mkdir()
    for name in ("planner.npz", "tokenizer.model"):
        (shipped_like / name).write_bytes((warm / name).read_bytes())
    again = tmp_path / "again"
    assert (
        train_planner.main(
            [
                "--smoke",
                "--n",
                "300",
                "--steps",
                "3",
                "--eval-n",
                "2",
                "--init-from",
                str(shipped_like),
                "--out",
                str(again),
            ]
        )
        == 0
    )
    assert json.loads((again / "metrics.json").read_text(encoding="utf-8"))["model"] == metrics["model"]


def test_fresh_names_replace_names_in_request_and_plan_alike():
    import random

    src = 'move report.pdf from "old stuff" to archive, the old stuff folder'
    tgt = 'move path="old stuff/report.pdf" to="archive"'
    new_src, new_tgt = fresh_values.fresh_names(src, tgt, random.Random(1))
    plan = plan_text.from_text(new_tgt)
    step = plan.to_dict()["steps"][0]
    folder, name = step["select"]["path"].split("/")
    assert name.endswith(".pdf") and name != "report.pdf" and folder != "old stuff"
    assert name in new_src and folder in new_src and step["to"] in new_src
    assert "report" not in new_src and "archive" not in new_src and new_src.count(folder) == 2
    assert new_tgt.startswith('move path="') and ' to="' in new_tgt  # keys untouched


def test_fresh_names_are_sometimes_command_words_but_never_merge_two_mentions():
    import random

    src, tgt = "move report.pdf to archive", 'move path="report.pdf" to="archive"'
    seen_words = set()
    for seed in range(200):
        new_src, new_tgt = fresh_values.fresh_names(src, tgt, random.Random(seed))
        step = plan_text.from_text(new_tgt).to_dict()["steps"][0]
        name, to = step["select"]["path"], step["to"]
        assert new_src == f"move {name} to {to}"
        assert name.endswith(".pdf") and name != to and to not in ("move", "to")  # no word of the request
        seen_words |= {name[:-4], to} & set(fresh_values._NAME_WORDS)
    assert {"Photos", "images", "trash"} & seen_words and len(seen_words) > 20


def test_fresh_names_replace_chinese_names_where_every_mention_is_the_name():
    src, tgt = "把 预算表.csv 移到 财务资料 文件夹", 'move path="预算表.csv" to="财务资料"'
    changed = 0
    for seed in range(40):
        new_src, new_tgt = fresh_values.fresh_names(src, tgt, random.Random(seed))
        step = plan_text.from_text(new_tgt).to_dict()["steps"][0]
        name, to = step["select"]["path"], step["to"]
        assert new_src == f"把 {name} 移到 {to} 文件夹" and name.endswith(".csv")
        changed += name != "预算表.csv" and to != "财务资料"
        assert not set(name[:-4] + to) & fresh_values._ZH_FUNCTION  # no particle in a made-up name
    assert changed >= 35  # (a made-up name the request already holds is skipped)
    # "备份" is a folder and a verb here: the request keeps it (which mention is the name is unknown)
    src, tgt = "把 备份 里的 a.txt 备份一份到 旧文件", 'copy path="备份/a.txt" to="旧文件"'
    for seed in range(10):
        new_src, new_tgt = fresh_values.fresh_names(src, tgt, random.Random(seed))
        assert new_src.count("备份") == 2 and '"备份/' in new_tgt and "旧文件" not in new_src


def test_made_up_names_take_the_shapes_real_names_do():
    import random

    rng = random.Random(5)
    words = [fresh_values._made_up_word(rng) for _ in range(2000)]
    assert all(w.isalnum() and w.islower() for w in words)
    vowels = set("aeiouy")
    assert any(len(w) == 1 for w in words) and any(len(w) == 2 and w[1].isdigit() for w in words)  # a, b2
    assert any(len(w) >= 2 and not set(w) & vowels for w in words)  # src, tmp
    assert any(w[-1] not in vowels and set(w) & vowels and len(w) >= 3 for w in words)  # lib
    assert any(w[-1] in vowels and len(w) >= 4 for w in words)  # tekava
    assert len(set(words)) > 1000


def test_fresh_texts_replace_free_text_in_request_and_plan_alike():
    src = 'append "buy milk" to notes.md, then in a.txt change "foo" to "bar"'
    tgt = 'update path="notes.md" mode=append text="buy milk" ; update path="a.txt" mode=replace find="foo" text="bar"'
    new_src, new_tgt = fresh_values.fresh_texts(src, tgt, random.Random(3))
    steps = plan_text.from_text(new_tgt).to_dict()["steps"]
    texts = [steps[0]["text"], steps[1]["find"], steps[1]["text"]]
    assert "buy milk" not in new_src and "foo" not in new_src and "bar" not in new_src
    assert all(t in new_src for t in texts) and len(set(texts)) == 3
    assert steps[0]["select"]["path"] == "notes.md" and steps[1]["mode"] == "replace"  # the rest untouched
    zh_src, zh_tgt = fresh_values.fresh_texts(
        "在 a.md 末尾追加“买牛奶”", 'update path="a.md" mode=append text="买牛奶"', random.Random(1)
    )
    zh_text = plan_text.from_text(zh_tgt).to_dict()["steps"][0]["text"]
    assert zh_text in zh_src and zh_text != "买牛奶" and any("\u4e00" <= ch <= "\u9fff" for ch in zh_text)
    # a text written twice in the request is left alone (which mention is the value is unknown)
    twice = 'append "ok" to "ok.md"'
    assert fresh_values.fresh_texts(twice, 'update path="ok.md" mode=append text="ok"', random.Random(0)) == (
        twice,
        'update path="ok.md" mode=append text="ok"',
    )


def test_evaluation_scores_the_model_top_and_the_planner_pick():
    class Fake:
        def candidates(self, src, paths, beam=4, constrained=True):
            if not constrained:
                return [('list path="x"', True)]
            return [('move path="a/b.txt" to="a"', True), ('move path="a/b.txt" to="c"', True)]

    metrics, failures = train_planner.evaluate(Fake(), [("move a/b.txt to c", 'move path="a/b.txt" to="c"', "t.0")])
    assert metrics["accuracy_constrained_beam"] == 0.0  # the top one moves b.txt where it already is
    assert metrics["accuracy_planner_pick"] == 1.0  # the planner passes it over
    assert failures[0]["picked"] == 'move path="a/b.txt" to="c"'


def test_evaluation_counts_picks_that_delete_where_the_request_does_not():
    class Fake:
        def __init__(self, beam):
            self.beam = beam

        def candidates(self, src, paths, beam=4, constrained=True):
            return self.beam[:1] if not constrained else self.beam

    pair = [("sort drop", 'classify in="drop"', "t.0")]
    deleting = Fake([('delete path="drop"', True), ('classify in="drop"', True)])
    assert train_planner.evaluate(deleting, pair)[0]["planner_pick_spurious_delete"] == 1.0
    # the planner never falls back to a deletion the model's best reading does not have, nor to another job
    not_first = Fake([('move path="drop/a" to="drop"', True), ('delete in="drop"', True), ('list path="drop"', True)])
    metrics, failures = train_planner.evaluate(not_first, pair)
    assert failures[0]["picked"] == "" and metrics["planner_pick_spurious_delete"] == 0.0
    fixed = Fake(
        [('move path="drop/a" to="drop"', True), ('delete in="drop"', True), ('move path="drop/a" to="b"', True)]
    )
    assert train_planner.evaluate(fixed, pair)[1][0]["picked"] == 'move path="drop/a" to="b"'
    refusing = Fake([("none why=chat", True), ('classify in="drop"', True)])
    assert train_planner.evaluate(refusing, [("thanks", "none why=chat", "r.0")])[0]["accuracy_planner_pick"] == 1.0


def test_corpus_in_worker_processes_is_fixed_by_n_seed_and_workers():
    def corpus(workers, seed=4):
        return train_planner.build_corpus(
            train_planner.parser().parse_args(["--n", "400", "--seed", str(seed), "--corpus-workers", str(workers)])
        )

    one = corpus(1)
    pairs, held = corpus(2)
    assert len(pairs) + len(held) == 400 and held and all(e.split == "heldout" for e in held)
    assert corpus(2) == (pairs, held)  # same n, seed and workers: same pairs
    assert pairs != one[0] and corpus(2, seed=5)[0] != pairs
    # one worker is the plain generate(n, seed), made-up names and texts on top
    plain = train_planner.corpus_part((400, 4, 0.0, 0.0, True))
    assert [e.src for e in one[1]] == [e.src for e in plain[1]] and len(one[0]) == len(plain[0])


def test_label_smoothing_option_reaches_the_training_config(tmp_path, monkeypatch):
    import pytest

    import fileagent.llm.train as train_module

    class Recorded(Exception):
        pass

    def recording_train(cfg, *args, **kwargs):
        raise Recorded(cfg)

    monkeypatch.setattr(train_module, "train", recording_train)
    with pytest.raises(Recorded) as got:
        train_planner.main(
            [
                "--smoke",
                "--n",
                "300",
                "--label-smoothing",
                "0.2",
                "--subword-sampling",
                "1",
                "--subword-alpha",
                "0.3",
                "--out",
                str(tmp_path / "run"),
            ]
        )
    cfg = got.value.args[0]
    assert (cfg.label_smoothing, cfg.subword_sampling, cfg.subword_alpha) == (0.2, 1.0, 0.3)


def test_out_of_range_training_options_are_refused_in_one_line(capsys):
    import pytest

    for option, value in (
        ("--ema", "1"),
        ("--dropout", "-0.1"),
        ("--label-smoothing", "1"),
        ("--corpus-workers", "0"),
        ("--subword-sampling", "1.5"),
        ("--subword-alpha", "0"),
    ):
        with pytest.raises(SystemExit) as exit_info:
            train_planner.parser().parse_args([option, value])
        assert exit_info.value.code == 2
        assert f"argument {option}: {value} is not" in capsys.readouterr().err


def test_compile_without_a_cpp_compiler_is_refused_before_any_work(capsys, monkeypatch, tmp_path):
    import pytest

    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no compiler on PATH
    monkeypatch.delenv("CXX", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        train_planner.main(["--compile", "--device", "cpu", "--out", str(tmp_path / "run")])
    assert exit_info.value.code == 2
    assert "--compile on a CPU needs the C++ compiler torch.compile uses" in capsys.readouterr().err
    assert not (tmp_path / "run").exists()  # refused before the corpus or the folder


def test_corpus_is_the_same_in_every_process():
    """Set order of strings changes with PYTHONHASHSEED from one process to the next: the made-up names
    and texts must not follow it, or a corpus seed would not fix the corpus."""
    import os
    import subprocess
    import sys

    code = (
        "import hashlib, json; from fileagent.agent.planner.training import train_planner as t; "
        "a = t.parser().parse_args(['--n', '600', '--seed', '3', '--fresh-names', '0.9', '--fresh-texts', '0.9']); "
        "pairs, held = t.build_corpus(a); print(hashlib.sha256(json.dumps(pairs).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1 and len(next(iter(digests)).strip()) == 64


def test_whole_word_replacement_is_the_regex_it_replaced():
    import re

    import pytest

    rng = random.Random(5)
    alphabet = 'ab1_ -./"文'
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        word = "".join(rng.choice("ab1_") for _ in range(rng.randint(1, 3)))
        new = "".join(rng.choice("ab1\\") for _ in range(rng.randint(0, 3)))
        pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(word) + r"(?![A-Za-z0-9])")
        found = pattern.search(text)
        assert fresh_values._whole_word_at(text, word) == (found.start() if found else -1), (text, word)
        assert fresh_values._replace_whole_word(text, word, new) == pattern.sub(lambda m, new=new: new, text), (
            text,
            word,
        )
    with pytest.raises(ValueError):
        fresh_values._replace_whole_word("a b", "", "x")


@pytest.mark.slow
def test_channel_share_trains_the_reranking_model_beside_the_planner(tmp_path, monkeypatch, make_tree):
    out, shipped = tmp_path / "run", tmp_path / "shipped"
    monkeypatch.setattr(planner, "SHIPPED_DIR", shipped)
    assert (
        train_planner.main(
            [
                "--smoke",
                "--n",
                "300",
                "--steps",
                "6",
                "--eval-n",
                "2",
                "--channel-share",
                "0.5",
                "--ship",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["steps"] == 6 and metrics["channel"]["steps"] == 6  # without a time limit: S of the steps
    assert (shipped / "channel.npz").read_bytes() == (out / "channel.npz").read_bytes()
    loaded = planner.Planner(out)
    assert loaded.channel is not None and loaded.channel.vocab_size == loaded.model.vocab_size
    root = make_tree(tmp_path / "root", {"inbox/a.pdf": ""})
    assert loaded.candidates("move the pdf files out of inbox into old", planner.existing_paths(root))

    # it starts from the planner's weights: with no steps of its own, it is the planner
    warm = tmp_path / "warm"
    assert (
        train_planner.main(
            ["--smoke", "--n", "300", "--steps", "6", "--eval-n", "2", "--channel-share", "0.01", "--out", str(warm)]
        )
        == 0
    )
    assert json.loads((warm / "metrics.json").read_text(encoding="utf-8"))["channel"]["steps"] == 0
    assert (warm / "channel.npz").read_bytes() == (warm / "planner.npz").read_bytes()
    assert (out / "channel.npz").read_bytes() != (out / "planner.npz").read_bytes()

    # a run without a channel leaves none behind, in its folder or among the shipped files
    assert (
        train_planner.main(["--smoke", "--n", "300", "--steps", "3", "--eval-n", "2", "--ship", "--out", str(out)]) == 0
    )
    assert not (out / "channel.npz").exists() and not (shipped / "channel.npz").exists()
    assert planner.Planner(out).channel is None
