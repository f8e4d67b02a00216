"""A tiny model must learn a toy bilingual copy task in seconds; resume must be exact."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from fileagent.llm import train as train_module  # noqa: E402
from fileagent.llm.decode import beam_search  # noqa: E402
from fileagent.llm.model import GPT, GPTConfig  # noqa: E402
from fileagent.llm.runtime import NumpyGPT  # noqa: E402
from fileagent.llm.tokenizer import Tokenizer, train_tokenizer  # noqa: E402
from fileagent.llm.train import (  # noqa: E402
    TrainConfig,
    blend_into,
    cpp_compiler_available,
    encode_pair,
    greedy_accuracy,
    main,
    make_batch,
    prompt_ids,
    runtime_from,
    train,
)

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "bo", "shi", "文", "件", "报", "告"]
TEMPLATES = {
    "move": ["move {a} to {b}", "把 {a} 移到 {b}", "please move {a} into {b}"],
    "copy": ["copy {a} to {b}", "复制 {a} 到 {b}"],
}
TINY = GPTConfig(block_size=64, n_layer=2, n_head=2, n_embd=64, mlp_hidden=128)


def toy_pairs(n: int, seed: int) -> list[tuple[str, str]]:
    """Requests naming two random files -> 'op path="A" to="B"': the names must be copied exactly."""
    rng = random.Random(seed)

    def name():
        return rng.choice(SYLLABLES) + rng.choice([".txt", ".pdf", ""])

    pairs = []
    for _ in range(n):
        op, a, b = rng.choice(sorted(TEMPLATES)), name(), name()
        pairs.append((rng.choice(TEMPLATES[op]).format(a=a, b=b), f'{op} path="{a}" to="{b}"'))
    return pairs


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    train_pairs = toy_pairs(4000, seed=0)
    seen = set(train_pairs)
    eval_pairs = [p for p in toy_pairs(150, seed=1) if p not in seen][:100]  # held out: unseen requests
    path = train_tokenizer(
        [s + " " + t for s, t in train_pairs], tmp_path_factory.mktemp("tok") / "toy", vocab_size=300
    )
    return Tokenizer(path), train_pairs, eval_pairs


def test_batch_masks_only_target_and_eos(toy):
    tok, pairs, _ = toy
    (seq, start), (seq2, start2) = encode_pair(tok, *pairs[0]), encode_pair(tok, *pairs[1])
    x, y, mask = make_batch([seq, seq2], [start, start2], tok.pad_id)
    row = mask[0].bool()
    assert y[0][row].tolist() == seq[start:]  # tgt tokens + eos, nothing else
    assert tok.decode(y[0][row].tolist()[:-1]) == pairs[0][1]
    assert mask[1].sum() == len(seq2) - start2


def test_batch_length_rounded_up_keeps_the_loss(toy):
    tok, pairs, _ = toy
    encoded = [encode_pair(tok, *p) for p in pairs[:5]]
    seqs, starts = [e[0] for e in encoded], [e[1] for e in encoded]
    longest = max(len(s) for s in seqs) - 1
    multiple = longest + 5  # rounds T up by 5
    x, y, mask = make_batch(seqs, starts, tok.pad_id)
    xr, yr, maskr = make_batch(seqs, starts, tok.pad_id, multiple=multiple)
    assert x.shape[1] == longest and xr.shape[1] == longest + 5
    assert torch.equal(xr[:, :longest], x) and torch.equal(maskr[:, :longest], mask)
    assert maskr[:, longest:].sum() == 0 and (xr[:, longest:] == tok.pad_id).all()
    assert make_batch(seqs, starts, tok.pad_id, multiple=multiple, limit=longest + 1)[0].shape[1] == longest + 1
    assert make_batch(seqs, starts, tok.pad_id, multiple=multiple, limit=longest - 3)[0].shape[1] == longest
    torch.manual_seed(0)
    model = GPT(GPTConfig(**{**TINY.__dict__, "vocab_size": tok.vocab_size})).eval()
    for plain in (False, True):  # both attention kernels
        model.use_plain_attention(plain)
        assert torch.allclose(model(x, y, mask)[1], model(xr, yr, maskr)[1], atol=1e-6)  # causal: pads come last


def test_training_loop_rounds_batch_shapes(toy, tmp_path, monkeypatch):
    import fileagent.llm.model as model_module

    tok, train_pairs, eval_pairs = toy
    lengths, rows = [], []
    make_batch_exact, round_rows_up_exact = train_module.make_batch, model_module.round_rows_up

    def recording_make_batch(*args, **kwargs):
        batch = make_batch_exact(*args, **kwargs)
        lengths.append(batch[0].shape[1])
        return batch

    def recording_round_rows_up(keep, multiple):
        kept = round_rows_up_exact(keep, multiple)
        rows.append(int(kept.sum()))
        return kept

    monkeypatch.setattr(train_module, "make_batch", recording_make_batch)
    monkeypatch.setattr(model_module, "round_rows_up", recording_round_rows_up)
    cfg = TrainConfig(
        model=TINY,
        steps=6,
        batch_size=8,
        warmup=2,
        threads=1,
        eval_every=0,
        eval_samples=0,
        log_every=3,
        ckpt_every=0,
        precision="fp32",
        device="cpu",
    )
    train(cfg, tok, train_pairs, eval_pairs, tmp_path)
    assert len(lengths) == len(rows) == 6
    assert all(t % train_module.BATCH_T_MULTIPLE == 0 for t in lengths), lengths
    assert all(n % train_module.HEAD_ROWS_MULTIPLE == 0 for n in rows), rows


def test_training_loop_passes_label_smoothing_to_the_loss(toy, tmp_path, monkeypatch):
    import fileagent.llm.model as model_module

    tok, train_pairs, eval_pairs = toy
    seen = []
    apply_exact = model_module.MaskedCrossEntropy.apply

    def recording_apply(logits, targets, weights, smoothing=0.0):
        seen.append(smoothing)
        return apply_exact(logits, targets, weights, smoothing)

    monkeypatch.setattr(model_module.MaskedCrossEntropy, "apply", recording_apply)
    cfg = TrainConfig(
        model=TINY,
        steps=3,
        batch_size=8,
        warmup=2,
        threads=1,
        eval_every=0,
        eval_samples=0,
        log_every=3,
        ckpt_every=0,
        precision="fp32",
        device="cpu",
        label_smoothing=0.1,
    )
    train(cfg, tok, train_pairs, eval_pairs, tmp_path)
    assert seen == [0.1] * 3


def test_resegmented_prompt_keeps_the_text_and_the_copied_names():
    from fileagent.agent.planner.planner import SHIPPED_DIR, TOKENIZER_FILE
    from fileagent.llm.train import prompt_ids, resegmented_prompt

    tok = Tokenizer(SHIPPED_DIR / TOKENIZER_FILE)  # a real vocabulary: words of several pieces
    src, tgt = "would you kindly relocate notes.txt into archive", 'move path="notes.txt" to="archive"'
    tok.seed_sampling(3)
    draws = [resegmented_prompt(tok, src, tgt, 0.1) for _ in range(30)]
    assert all(tok.decode(d) == tok.decode(prompt_ids(tok, src)) for d in draws)
    assert len({tuple(d) for d in draws}) > 10  # the template words vary
    names = [tok.encode(" notes.txt"), tok.encode(" archive")]
    for d in draws:  # the copied names keep their pieces
        assert all(any(d[k : k + len(name)] == name for k in range(len(d))) for name in names)
    assert resegmented_prompt(tok, "把 notes.txt 移到 archive", tgt, 0.1) == prompt_ids(
        tok, "把 notes.txt 移到 archive"
    )


def test_training_loop_resegments_the_requested_share_of_requests(toy, tmp_path, monkeypatch):
    tok, train_pairs, eval_pairs = toy
    alphas = []
    encode_exact = train_module.encode_pair

    def recording_encode(tok, src, tgt, sample_alpha=0.0):
        alphas.append(sample_alpha)
        return encode_exact(tok, src, tgt, sample_alpha)

    monkeypatch.setattr(train_module, "encode_pair", recording_encode)
    cfg = TrainConfig(
        model=TINY,
        steps=1,
        batch_size=8,
        warmup=1,
        threads=1,
        eval_every=0,
        eval_samples=0,
        log_every=1,
        ckpt_every=0,
        precision="fp32",
        device="cpu",
        subword_sampling=0.25,
        subword_alpha=0.3,
    )
    train(cfg, tok, train_pairs, eval_pairs, tmp_path)
    assert set(alphas) == {0.0, 0.3} and 0.2 < alphas.count(0.3) / len(train_pairs) < 0.3
    alphas.clear()
    train(replace(cfg, subword_sampling=0.0), tok, train_pairs, eval_pairs, tmp_path / "plain")
    assert set(alphas) == {0.0}


@pytest.mark.slow
def test_smoke_training_learns_toy_mapping(toy, tmp_path):
    tok, train_pairs, eval_pairs = toy
    torch.manual_seed(0)
    untrained = greedy_accuracy(
        runtime_from(GPT(GPTConfig(**{**TINY.__dict__, "vocab_size": tok.vocab_size}))), tok, eval_pairs[:30]
    )
    assert untrained["accuracy"] == 0.0

    # One thread: on a shared 2-core machine a tiny model trains several times faster than with two.
    # 2,000 steps: the toy task has a plateau that copies only some names (accuracy 0.44). At 1,200
    # steps 4 of 7 seeds learned (1, 2, 5 and the default 1337) and the others stayed there; once batch
    # shapes were rounded (same loss, other float sums) 1337 stayed there too. At 2,000 steps the four
    # that stayed (0, 3, 4, 1337) all learn. The test is whether it learns, not how fast.
    cfg = TrainConfig(
        model=TINY,
        steps=2000,
        batch_size=16,
        lr=5e-3,
        min_lr=5e-4,
        warmup=20,
        threads=1,
        eval_every=0,
        eval_samples=100,
        log_every=100,
        ckpt_every=0,
    )
    metrics = train(cfg, tok, train_pairs, eval_pairs, tmp_path)
    assert metrics["accuracy"] >= 0.9, metrics
    assert metrics["tokens_per_sec"] > 0 and metrics["final_loss"] < 0.1

    shipped = NumpyGPT.load(tmp_path / "planner.npz")  # fp16 export decodes the same
    src, tgt = eval_pairs[0]
    best = beam_search(shipped, prompt_ids(tok, src), eos_id=tok.eos_id, beam=4)[0]
    assert best.finished and tok.decode(best.ids) == tgt


def test_resume_continues_exactly(toy, tmp_path):
    tok, train_pairs, eval_pairs = toy
    cfg = TrainConfig(
        model=TINY,
        steps=30,
        batch_size=8,
        warmup=5,
        threads=1,
        eval_every=0,
        eval_samples=5,
        log_every=10,
        ckpt_every=0,
    )
    straight = train(cfg, tok, train_pairs, eval_pairs, tmp_path / "straight")
    first = train(cfg, tok, train_pairs, eval_pairs, tmp_path / "split", stop_after=13)
    assert first["steps"] == 13 and first["stopped_early"]
    resumed = train(cfg, tok, train_pairs, eval_pairs, tmp_path / "split", resume=True)
    assert resumed["steps"] == 30 and resumed["final_loss"] == straight["final_loss"]
    a = torch.load(tmp_path / "straight" / "ckpt.pt", weights_only=False)
    b = torch.load(tmp_path / "split" / "ckpt.pt", weights_only=False)
    for name, tensor in a["model"].items():
        assert torch.equal(tensor, b["model"][name]), name
    assert a["config"] == b["config"] and a["config"]["model"]["n_layer"] == 2


def test_blend_into_moves_the_average_toward_the_live_weights():
    avg, live = GPT(TINY), GPT(TINY)
    before = {k: v.clone() for k, v in avg.state_dict().items()}
    blend_into(avg, live, decay=0.75)
    for name, p in live.named_parameters():
        assert torch.allclose(avg.state_dict()[name], 0.75 * before[name] + 0.25 * p, atol=1e-7), name


def test_moving_average_is_exported_and_resumed(toy, tmp_path):
    tok, train_pairs, eval_pairs = toy
    cfg = TrainConfig(
        model=TINY,
        steps=30,
        batch_size=8,
        warmup=5,
        threads=1,
        eval_every=0,
        eval_samples=5,
        log_every=10,
        ckpt_every=0,
        ema=0.9,
    )
    train(cfg, tok, train_pairs, eval_pairs, tmp_path / "straight")
    train(cfg, tok, train_pairs, eval_pairs, tmp_path / "split", stop_after=13)
    train(cfg, tok, train_pairs, eval_pairs, tmp_path / "split", resume=True)
    a = torch.load(tmp_path / "straight" / "ckpt.pt", weights_only=False)
    b = torch.load(tmp_path / "split" / "ckpt.pt", weights_only=False)
    for name, tensor in a["ema"].items():
        assert torch.equal(tensor, b["ema"][name]), name
    with (
        np.load(tmp_path / "straight" / "planner.npz") as exported,
        np.load(tmp_path / "straight" / "planner_last.npz") as last,
    ):
        w = "blocks.0.mlp.down.weight"
        assert np.allclose(exported[w], a["ema"][w].numpy(), atol=1e-3)  # fp16 export of the average
        assert np.allclose(last[w], a["model"][w].numpy(), atol=1e-3)  # and of the live weights
        assert not np.allclose(exported[w], last[w], atol=1e-3)


def test_moving_average_of_a_checkpoint_without_one_starts_from_its_weights(toy, tmp_path):
    tok, train_pairs, eval_pairs = toy
    cfg = TrainConfig(
        model=TINY,
        steps=30,
        batch_size=8,
        warmup=5,
        threads=1,
        eval_every=0,
        eval_samples=5,
        log_every=10,
        ckpt_every=0,
    )
    train(cfg, tok, train_pairs, eval_pairs, tmp_path, stop_after=13)  # no average saved
    train(replace(cfg, ema=0.9), tok, train_pairs, eval_pairs, tmp_path, resume=True, stop_after=13)
    with np.load(tmp_path / "planner.npz") as average, np.load(tmp_path / "planner_last.npz") as live:
        for name in live.files:
            assert np.array_equal(average[name], live[name]), name


def test_cli_trains_and_exports(toy, tmp_path):
    tok, train_pairs, eval_pairs = toy
    data = tmp_path / "corpus.jsonl"
    rows = [{"src": s, "tgt": t, "split": "train"} for s, t in train_pairs[:200]]
    rows += [{"src": s, "tgt": t, "split": "heldout"} for s, t in eval_pairs[:5]]
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert (
        main(
            [
                "--data",
                str(data),
                "--tokenizer",
                str(tok.model_path),
                "--out",
                str(tmp_path / "run"),
                "--steps",
                "5",
                "--batch",
                "4",
                "--n-layer",
                "1",
                "--n-embd",
                "32",
                "--mlp-hidden",
                "64",
                "--block-size",
                "64",
                "--eval-samples",
                "5",
                "--threads",
                "1",
            ]
        )
        == 0
    )
    model = NumpyGPT.load(tmp_path / "run" / "planner.npz")
    assert model.n_layer == 1 and model.vocab_size == tok.vocab_size
    metrics = json.loads((tmp_path / "run" / "metrics.json").read_text())
    assert metrics["steps"] == 5 and 0.0 <= metrics["accuracy"] <= 1.0 and np.isfinite(metrics["final_loss"])


def test_cli_label_smoothing_reaches_the_training_config(toy, tmp_path, monkeypatch, capsys):
    tok, train_pairs, _ = toy
    data = tmp_path / "corpus.jsonl"
    data.write_text(
        "\n".join(json.dumps({"src": s, "tgt": t, "split": "train"}) for s, t in train_pairs[:20]), encoding="utf-8"
    )
    seen = []
    monkeypatch.setattr(train_module, "train", lambda cfg, *args, **kwargs: seen.append(cfg) or {})
    argv = ["--data", str(data), "--tokenizer", str(tok.model_path), "--out", str(tmp_path / "run")]
    assert main(argv + ["--label-smoothing", "0.1"]) == 0
    assert [cfg.label_smoothing for cfg in seen] == [0.1]
    assert main(argv + ["--subword-sampling", "0.5", "--subword-alpha", "0.3"]) == 0
    assert [(cfg.subword_sampling, cfg.subword_alpha) for cfg in seen[1:]] == [(0.5, 0.3)]
    with pytest.raises(SystemExit) as exit_info:
        main(argv + ["--subword-alpha", "0"])
    assert exit_info.value.code == 2 and "--subword-alpha: 0.0 is not in (0, 1]" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(argv + ["--label-smoothing", "1"])
    assert exit_info.value.code == 2 and "--label-smoothing: 1.0 is not in [0, 1)" in capsys.readouterr().err


def test_lr_schedule_follows_the_time_budget_when_it_runs_out_first():
    from fileagent.llm.train import TrainConfig, lr_at

    cfg = TrainConfig(steps=1000, lr=1e-3, min_lr=1e-4, warmup=10)
    assert lr_at(cfg, 5) == pytest.approx(1e-3 * 6 / 10)  # warmup: by steps only
    assert lr_at(cfg, 10) == pytest.approx(1e-3)
    assert lr_at(cfg, 10, time_frac=0.5) == pytest.approx(5.5e-4)  # half the time gone: mid-cosine
    assert lr_at(cfg, 10, time_frac=1.0) == pytest.approx(1e-4)  # out of time: annealed
    assert lr_at(cfg, 505, time_frac=0.1) == pytest.approx(5.5e-4)  # steps further along: they rule


@pytest.mark.skipif(not cpp_compiler_available(), reason="torch.compile on a CPU needs a C++ compiler")
@pytest.mark.slow
def test_compiled_training_follows_the_uncompiled_one(toy, tmp_path, monkeypatch):
    """--compile changes how the step runs, not what it computes: same batches (their lengths vary from
    step to step, so one graph must serve them all), same loss, same weights to float rounding."""
    tok, train_pairs, eval_pairs = toy
    monkeypatch.setattr(train_module, "BATCH_T_MULTIPLE", 1)  # rounded, nearly every toy batch would be 32 long
    cfg = TrainConfig(
        model=TINY,
        steps=24,
        batch_size=8,
        warmup=5,
        threads=1,
        eval_every=0,
        eval_samples=5,
        log_every=8,
        ckpt_every=0,
        precision="fp32",
    )
    eager = train(cfg, tok, train_pairs, eval_pairs, tmp_path / "eager")
    torch._dynamo.reset()  # compiled code is cached per function (GPT.trunk)
    monkeypatch.setattr(torch._dynamo.config, "error_on_recompile", True)  # a new length must not recompile
    compiled = train(replace(cfg, compile=True), tok, train_pairs, eval_pairs, tmp_path / "compiled")
    assert compiled["steps"] == 24
    assert compiled["final_loss"] == pytest.approx(eager["final_loss"], rel=1e-3)
    a = torch.load(tmp_path / "eager" / "ckpt.pt", weights_only=False)["model"]
    b = torch.load(tmp_path / "compiled" / "ckpt.pt", weights_only=False)["model"]
    assert a.keys() == b.keys()
    for name, tensor in a.items():
        assert torch.allclose(tensor, b[name], atol=1e-4), name


def test_compile_without_a_cpp_compiler_is_refused_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no compiler on PATH
    monkeypatch.delenv("CXX", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "--data",
                str(tmp_path / "none.jsonl"),
                "--tokenizer",
                str(tmp_path / "none.model"),
                "--out",
                str(tmp_path / "run"),
                "--compile",
                "--device",
                "cpu",
            ]
        )
    assert exit_info.value.code == 2
    assert "--compile on a CPU needs the C++ compiler torch.compile uses" in capsys.readouterr().err
    assert not (tmp_path / "run").exists()
