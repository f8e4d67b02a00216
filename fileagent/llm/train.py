"""Train a GPT on (src, tgt) text pairs: `bos src sep tgt eos`, loss on `tgt eos` only.

    python -m fileagent.llm.train --data corpus.jsonl --tokenizer tok.model --out DIR [--steps N ...]

corpus.jsonl lines: {"src": ..., "tgt": ..., "split": "train" | "heldout"}.

Batches are random draws, grouped by length so little padding is wasted: every
`POOL` steps a pool of POOL*batch sequences is drawn from an RNG seeded by
(seed, pool number), sorted by length and cut into POOL batches in shuffled
order. A batch is therefore a function of the step number alone, which (with
the model, optimizer and RNG states in ckpt.pt) makes --resume continue
exactly where the run stopped. The evaluation greedy-decodes through the NumPy
runtime, so it measures the very code path that ships.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import random
import re
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np
import torch

from fileagent.llm.decode import beam_search
from fileagent.llm.model import GPT, GPTConfig, export_npz
from fileagent.llm.runtime import NumpyGPT
from fileagent.llm.tokenizer import Tokenizer

POOL = 16
Pair = tuple[str, str]


@dataclass
class TrainConfig:
    model: GPTConfig = field(default_factory=GPTConfig)
    steps: int = 3000
    batch_size: int = 32
    lr: float = 2e-3
    min_lr: float = 2e-4
    warmup: int = 100
    weight_decay: float = 0.1
    grad_clip: float = 1.0
    seed: int = 1337
    device: str = "auto"
    threads: int = 0  # CPU threads for torch; 0 = os.cpu_count()
    precision: str = "auto"  # "fp32" | "bf16" autocast; auto = bf16 on cuda, fp32 on cpu
    eval_every: int = 500
    eval_samples: int = 200
    log_every: int = 10
    ckpt_every: int = 500
    ema: float = 0.0  # > 0: also keep an exponential moving average of the weights (decay)
    compile: bool = False  # torch.compile the training forward (one compile, any batch length)
    label_smoothing: float = 0.0  # share of each target's probability spread over the whole vocabulary
    subword_sampling: float = 0.0  # share of training requests with words re-segmented at random (see below)
    subword_alpha: float = 0.2  # sentencepiece's sampling alpha for those (lower: flatter draws)


def prompt_ids(tok: Tokenizer, src: str) -> list[int]:
    return tok.prompt(src)


_WORD = re.compile(r"[A-Za-z']+")


def resegmented_prompt(tok: Tokenizer, src: str, tgt: str, alpha: float) -> list[int]:
    """prompt_ids(tok, src), but with each English word of the request that the plan does not copy
    segmented at random (subword regularization): the model meets "re|loc|ate" and "r|e|lo|cate" as
    well as the tokenizer's "re|lo|cate", the aim being that a word it rarely saw still shares pieces
    with ones it knows. Names the plan copies keep the segmentation they have in the plan, which
    copying relies on. The request is cut before each space (a piece never spans one); should the
    pieces of those cuts ever differ from the whole request's, the request stays as it is."""
    whole = tok.encode(src)
    kept: list[int] = []
    drawn: list[int] = []
    copied = tgt.lower()
    for chunk in re.split(r"(?= )", src):
        if not chunk:
            continue
        ids = tok.encode(chunk)
        kept += ids
        word = chunk.strip(" \"'?.,!")
        drawn += tok.encode(chunk, alpha) if _WORD.fullmatch(word) and word.lower() not in copied else ids
    return [tok.bos_id] + (drawn if kept == whole else whole) + [tok.sep_id]


def encode_pair(tok: Tokenizer, src: str, tgt: str, sample_alpha: float = 0.0) -> tuple[list[int], int]:
    """(bos src sep tgt eos, index of the first tgt token); `sample_alpha` > 0: the request's
    uncopied words segmented at random (resegmented_prompt)."""
    prompt = resegmented_prompt(tok, src, tgt, sample_alpha) if sample_alpha > 0 else prompt_ids(tok, src)
    return prompt + tok.encode(tgt) + [tok.eos_id], len(prompt)


def lr_at(cfg: TrainConfig, step: int, time_frac: float = 0.0) -> float:
    """Linear warmup, then cosine decay to min_lr over the steps or, if further along, over the time
    budget (`time_frac` = share of it spent), so a run cut short by --time-limit still ends annealed."""
    if step < cfg.warmup:
        return cfg.lr * (step + 1) / cfg.warmup
    progress = min(1.0, max(time_frac, (step - cfg.warmup) / max(1, cfg.steps - cfg.warmup)))
    return cfg.min_lr + 0.5 * (1.0 + math.cos(math.pi * progress)) * (cfg.lr - cfg.min_lr)


def batch_indices(step: int, lengths: np.ndarray, batch_size: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng([seed, step // POOL])
    pool = rng.integers(0, len(lengths), POOL * batch_size)
    pool = pool[np.argsort(lengths[pool], kind="stable")]
    order = rng.permutation(POOL)
    return pool.reshape(POOL, batch_size)[order[step % POOL]]


def blend_into(avg: GPT, live: GPT, decay: float) -> None:
    """avg <- decay * avg + (1 - decay) * live, parameter by parameter (the moving average's step)."""
    with torch.no_grad():
        for a, p in zip(avg.parameters(), live.parameters(), strict=True):
            a.lerp_(p, 1.0 - decay)


# Batch shapes are rounded up so that few distinct ones occur: the length T to a multiple of 16 (pad
# tokens on the right, unmasked), the head's masked rows to a multiple of 128 on a CPU (extra rows
# with loss weight 0). Neither changes the loss or a gradient beyond float rounding (with --dropout
# the masks are drawn over the padded length: other draws, same distribution). On a CPU, oneDNN sets
# up a bf16 matmul kernel for each new shape, and the number of masked rows is new in nearly every
# batch; rounded shapes make the training loop about 1.8x faster on 2 cores, and 16 beat 8 and 32
# (bench/bench_train_step.py; docs/training-log.md).
BATCH_T_MULTIPLE = 16
HEAD_ROWS_MULTIPLE = 128


def make_batch(seqs: Sequence[list[int]], starts: Sequence[int], pad_id: int, multiple: int = 1, limit: int = 0):
    """Right-padded inputs x (B, T), shifted targets y (B, T), loss mask (B, T): 1 on tgt and eos.
    T is the longest sequence rounded up to `multiple`; the rounding stops at `limit` when that is set."""
    T = max(len(s) for s in seqs) - 1
    T = max(T, min(-(-T // multiple) * multiple, limit or 1 << 30))
    x = torch.full((len(seqs), T), pad_id, dtype=torch.long)
    y = torch.full((len(seqs), T), pad_id, dtype=torch.long)
    mask = torch.zeros((len(seqs), T))
    for b, (seq, start) in enumerate(zip(seqs, starts, strict=True)):
        n = len(seq) - 1
        x[b, :n] = torch.tensor(seq[:-1])
        y[b, :n] = torch.tensor(seq[1:])
        mask[b, start - 1 : n] = 1.0  # y[t] = seq[t + 1]: the first tgt token is predicted at start-1
    return x, y, mask


def cpp_compiler_available() -> bool:
    """Whether torch.compile finds the C++ compiler it builds CPU kernels with: $CXX if set (one
    program, no arguments), else the platform's default (g++; clang++ on macOS; cl on Windows)."""
    cxx = os.environ.get("CXX") or {"win32": "cl", "darwin": "clang++"}.get(sys.platform, "g++")
    return shutil.which(cxx) is not None


def compile_refusal(device: str) -> str | None:
    """Why --compile cannot train on `device` ("auto", "cpu", "cuda..."), or None if it can: checked
    before any work, so a missing compiler is one line, not a traceback after the corpus is built."""
    on_cuda = device.startswith("cuda") or (device == "auto" and torch.cuda.is_available())
    if on_cuda or cpp_compiler_available():
        return None
    return (
        "--compile on a CPU needs the C++ compiler torch.compile uses: CXX (one program, no arguments) "
        "or else g++ (clang++ on macOS, cl on Windows) on PATH"
    )


def compiled_forward(model: GPT, row_multiple: int = 1):
    """model.forward for training with its trunk torch.compile'd: that fuses the many small element-wise
    ops of a model this size (the uncompiled bf16 step on a CPU spends a quarter of its time in dtype
    casts and multiplies). The parameters stay the model's own, so the optimizer, checkpoints and export
    see no difference. The head stays uncompiled: it keeps only the masked rows, a data-dependent shape.
    With dropout, the compiled trunk draws its masks from its own generator: such a run does not
    repeat an uncompiled one bit for bit."""
    trunk = torch.compile(model.trunk)

    def forward(x, targets, loss_mask):
        torch._dynamo.mark_dynamic(x, 1)  # one graph for every batch length, not a recompile per length
        return model.head(trunk(x), targets, loss_mask, row_multiple)

    return forward


def runtime_from(model: GPT) -> NumpyGPT:
    return NumpyGPT(asdict(model.config), {k: v.detach().cpu().float().numpy() for k, v in model.state_dict().items()})


def greedy_accuracy(runtime: NumpyGPT, tok: Tokenizer, pairs: Sequence[Pair]) -> dict:
    """Exact-match accuracy of unconstrained greedy decoding."""
    correct = 0
    for src, tgt in pairs:
        best = beam_search(runtime, prompt_ids(tok, src), eos_id=tok.eos_id, beam=1)[0]
        correct += best.finished and tok.decode(best.ids) == tgt
    return {"accuracy": correct / max(1, len(pairs))}


class Progress:
    """One status line on stderr: redrawn in place on a terminal, printed every log_every steps otherwise."""

    def __init__(self, total: int):
        self.total, self.tty = total, sys.stderr.isatty()

    def update(self, step: int, loss: float, tok_s: float, eta_s: float, final: bool = False):
        line = (
            f"step {step}/{self.total}  loss {loss:.4f}  {tok_s:,.0f} tok/s  "
            f"eta {int(eta_s) // 60}m{int(eta_s) % 60:02d}s"
        )
        sys.stderr.write(("\r" + line + ("\n" if final else "")) if self.tty else line + "\n")
        sys.stderr.flush()

    def note(self, text: str):
        sys.stderr.write(("\n" if self.tty else "") + text + "\n")
        sys.stderr.flush()


def pick_device(name: str, threads: int = 0) -> torch.device:
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    if name == "cpu":
        torch.set_num_threads(threads or os.cpu_count() or 1)
    return torch.device(name)


def train(
    cfg: TrainConfig,
    tokenizer: Tokenizer,
    train_pairs: Sequence[Pair],
    eval_pairs: Sequence[Pair],
    out_dir: Path,
    *,
    eval_fn: Callable[[NumpyGPT, Tokenizer, Sequence[Pair]], dict] | None = None,
    resume: bool = False,
    time_limit_s: float | None = None,
    stop_after: int | None = None,
) -> dict:
    """Train (or resume) in out_dir; write ckpt.pt and planner.npz; return metrics.

    The model's vocab_size is taken from the tokenizer. `eval_fn(runtime, tokenizer, pairs)` replaces the
    default greedy exact-match evaluation. Training stops early (checkpointed, exported) after
    `time_limit_s` seconds or once step `stop_after` is reached.
    """
    t_start = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cfg = replace(cfg, model=replace(cfg.model, vocab_size=tokenizer.vocab_size))
    eval_fn = eval_fn or greedy_accuracy
    device = pick_device(cfg.device, cfg.threads)
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)

    # Which requests are re-segmented, and how, is fixed by the seed (so --resume sees the same data).
    resegment = random.Random(cfg.seed)
    tokenizer.seed_sampling(cfg.seed)
    data = [
        encode_pair(tokenizer, s, t, cfg.subword_alpha if resegment.random() < cfg.subword_sampling else 0.0)
        for s, t in train_pairs
    ]
    kept = [d for d in data if len(d[0]) <= cfg.model.block_size + 1]
    if not kept:
        raise ValueError("no training pair fits in block_size")
    seqs, starts = [d[0] for d in kept], [d[1] for d in kept]
    lengths = np.array([len(s) for s in seqs])
    eval_subset = list(eval_pairs)
    random.Random(cfg.seed).shuffle(eval_subset)
    eval_subset = eval_subset[: cfg.eval_samples]

    model = GPT(cfg.model).to(device)
    with_decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW(
        [{"params": with_decay, "weight_decay": cfg.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=cfg.lr,
        betas=(0.9, 0.95),
    )
    step, history, ckpt = 0, [], {}
    ckpt_path = out_dir / "ckpt.pt"
    if resume and ckpt_path.exists():
        ckpt = torch.load(ckpt_path, map_location=device, weights_only=False)
        if ckpt["config"]["model"] != asdict(cfg.model):
            raise ValueError(f"{ckpt_path}: checkpoint model config differs from the requested one")
        model.load_state_dict(ckpt["model"])
        step, history = ckpt["step"], ckpt["history"]
        if "optimizer" in ckpt:  # absent in a warm start from exported weights
            optimizer.load_state_dict(ckpt["optimizer"])
        if "rng" in ckpt:
            torch.set_rng_state(ckpt["rng"]["torch"])
            np.random.set_state(ckpt["rng"]["numpy"])
            random.setstate(ckpt["rng"]["random"])
    # The averaged weights: a copy of the model as loaded (so a checkpoint without an average starts it
    # from its weights, not from the random init), never trained, blended toward the live one after
    # every step; exported as planner.npz when cfg.ema > 0.
    ema = copy.deepcopy(model).eval() if cfg.ema else None
    if ema is not None and "ema" in ckpt:
        ema.load_state_dict(ckpt["ema"])

    def save():
        state = {
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
            "step": step,
            "config": asdict(cfg),
            "history": history,
            "rng": {"torch": torch.get_rng_state(), "numpy": np.random.get_state(), "random": random.getstate()},
        }
        if ema is not None:
            state["ema"] = ema.state_dict()
        torch.save(state, out_dir / "ckpt.pt.tmp")
        os.replace(out_dir / "ckpt.pt.tmp", ckpt_path)

    def evaluate():
        model.eval()
        result = {"step": step, **eval_fn(runtime_from(ema or model), tokenizer, eval_subset)}
        model.train()
        history.append(result)
        progress.note(
            "eval " + "  ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}" for k, v in result.items())
        )
        return result

    progress = Progress(cfg.steps)
    if cfg.precision not in ("auto", "fp32", "bf16"):
        raise ValueError(f"precision must be auto, fp32 or bf16, not {cfg.precision!r}")
    use_bf16 = cfg.precision == "bf16" or (cfg.precision == "auto" and device.type == "cuda")
    model.use_plain_attention(use_bf16 and device.type == "cpu")
    model.train()
    model.label_smoothing = cfg.label_smoothing
    rows = HEAD_ROWS_MULTIPLE if device.type == "cpu" else 1  # on a GPU the rounding would only add syncs
    forward = (
        compiled_forward(model, rows) if cfg.compile else (lambda x, y, mask: model(x, y, mask, row_multiple=rows))
    )
    tokens_seen, window_loss, window_n, last_loss = 0, 0.0, 0, float("nan")
    t_loop, stopped_early, start_step = time.perf_counter(), False, step
    while step < cfg.steps:
        if (time_limit_s is not None and time.perf_counter() - t_start > time_limit_s) or (
            stop_after is not None and step >= stop_after
        ):
            stopped_early = True
            break
        for group in optimizer.param_groups:
            group["lr"] = lr_at(cfg, step, (time.perf_counter() - t_start) / time_limit_s if time_limit_s else 0.0)
        idx = batch_indices(step, lengths, cfg.batch_size, cfg.seed)
        x, y, mask = (
            t.to(device)
            for t in make_batch(
                [seqs[i] for i in idx],
                [starts[i] for i in idx],
                tokenizer.pad_id,
                BATCH_T_MULTIPLE,
                cfg.model.block_size,
            )
        )
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=use_bf16):
            _, loss = forward(x, y, mask)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
        optimizer.step()
        step += 1
        if ema is not None:
            decay = min(cfg.ema, (1 + step) / (10 + step))  # a short warmup: early weights fade fast
            blend_into(ema, model, decay)
        tokens_seen += int(lengths[idx].sum()) - len(idx)
        window_loss, window_n = window_loss + loss.item(), window_n + 1
        if step % cfg.log_every == 0 or step == cfg.steps:
            last_loss, window_loss, window_n = window_loss / window_n, 0.0, 0
            rate = tokens_seen / (time.perf_counter() - t_loop)
            eta = (time.perf_counter() - t_loop) / (step - start_step) * (cfg.steps - step)
            progress.update(step, last_loss, rate, eta, final=step == cfg.steps)
        if cfg.eval_every and eval_subset and step % cfg.eval_every == 0 and step < cfg.steps:
            evaluate()
        if cfg.ckpt_every and step % cfg.ckpt_every == 0:
            save()
    if window_n:
        last_loss = window_loss / window_n
    train_s = time.perf_counter() - t_loop
    final_eval = (
        evaluate() if eval_subset and (not history or history[-1]["step"] != step) else (history[-1] if history else {})
    )
    save()
    if ema is not None:
        export_npz(model, out_dir / "planner_last.npz")  # the live weights, for comparison
    export_npz(ema or model, out_dir / "planner.npz")
    metrics = {
        "steps": step,
        "stopped_early": stopped_early,
        "final_loss": last_loss,
        "eval": final_eval,
        "accuracy": final_eval.get("accuracy"),
        "tokens_per_sec": tokens_seen / train_s if train_s > 0 else 0.0,
        "train_tokens": tokens_seen,
        "train_seconds": train_s,
        "wall_seconds": time.perf_counter() - t_start,
        "params": model.num_params(),
        "train_pairs": len(seqs),
        "dropped_too_long": len(data) - len(seqs),
        "device": str(device),
        "bf16": use_bf16,
        "model": asdict(cfg.model),
    }
    (out_dir / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False))
    return metrics


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m fileagent.llm.train", description=__doc__.split("\n")[0])
    p.add_argument("--data", type=Path, required=True, help="corpus.jsonl with src/tgt/split")
    p.add_argument("--tokenizer", type=Path, required=True, help="SentencePiece .model")
    p.add_argument("--out", type=Path, required=True, help="output folder (ckpt.pt, planner.npz)")
    d, m = TrainConfig(), GPTConfig()
    p.add_argument("--steps", type=int, default=d.steps)
    p.add_argument("--batch", type=int, default=d.batch_size)
    p.add_argument("--lr", type=float, default=d.lr)
    p.add_argument("--min-lr", type=float, default=d.min_lr)
    p.add_argument("--warmup", type=int, default=d.warmup)
    p.add_argument("--seed", type=int, default=d.seed)
    p.add_argument("--device", default=d.device)
    p.add_argument("--threads", type=int, default=d.threads, help="CPU threads (0 = all cores)")
    p.add_argument("--precision", default=d.precision, choices=["auto", "fp32", "bf16"])
    p.add_argument("--eval-every", type=int, default=d.eval_every)
    p.add_argument("--eval-samples", type=int, default=d.eval_samples)
    p.add_argument("--ckpt-every", type=int, default=d.ckpt_every)
    p.add_argument("--time-limit", type=float, default=None, help="stop (and export) after this many seconds")
    p.add_argument("--resume", action="store_true")
    p.add_argument("--compile", action="store_true", help="torch.compile the training step (see compiled_forward)")
    p.add_argument(
        "--label-smoothing",
        type=float,
        default=d.label_smoothing,
        metavar="EPS",
        help="training loss: the target token gets 1 - EPS, every token EPS / vocabulary (0 = none; "
        "the logged loss includes it)",
    )
    p.add_argument(
        "--subword-sampling",
        type=float,
        default=d.subword_sampling,
        metavar="P",
        help="share of training requests whose words the plan does not copy are segmented at random "
        "(subword regularization; 0 = none)",
    )
    p.add_argument(
        "--subword-alpha",
        type=float,
        default=d.subword_alpha,
        metavar="A",
        help="sentencepiece sampling alpha for those requests (lower: flatter draws)",
    )
    for name in ("block_size", "n_layer", "n_head", "n_embd", "mlp_hidden"):
        p.add_argument("--" + name.replace("_", "-"), type=int, default=getattr(m, name))
    a = p.parse_args(argv)
    if a.compile and (refusal := compile_refusal(a.device)):
        p.error(refusal)
    if not 0.0 <= a.label_smoothing < 1.0:
        p.error(f"argument --label-smoothing: {a.label_smoothing} is not in [0, 1)")
    if not 0.0 <= a.subword_sampling <= 1.0:
        p.error(f"argument --subword-sampling: {a.subword_sampling} is not in [0, 1]")
    if not 0.0 < a.subword_alpha <= 1.0:
        p.error(f"argument --subword-alpha: {a.subword_alpha} is not in (0, 1]")

    train_pairs: list[tuple[str, str]] = []
    eval_pairs: list[tuple[str, str]] = []
    with open(a.data, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                (eval_pairs if row.get("split") == "heldout" else train_pairs).append((row["src"], row["tgt"]))
    model = GPTConfig(
        block_size=a.block_size, n_layer=a.n_layer, n_head=a.n_head, n_embd=a.n_embd, mlp_hidden=a.mlp_hidden
    )
    cfg = TrainConfig(
        model=model,
        steps=a.steps,
        batch_size=a.batch,
        lr=a.lr,
        min_lr=a.min_lr,
        warmup=a.warmup,
        seed=a.seed,
        device=a.device,
        threads=a.threads,
        precision=a.precision,
        eval_every=a.eval_every,
        eval_samples=a.eval_samples,
        ckpt_every=a.ckpt_every,
        compile=a.compile,
        label_smoothing=a.label_smoothing,
        subword_sampling=a.subword_sampling,
        subword_alpha=a.subword_alpha,
    )
    metrics = train(
        cfg, Tokenizer(a.tokenizer), train_pairs, eval_pairs, a.out, resume=a.resume, time_limit_s=a.time_limit
    )
    print(json.dumps(metrics, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
