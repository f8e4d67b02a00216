"""Training throughput of the planner model with the batch shapes rounded (the default) against exact
shapes, each in its own process, measured in the same run.

Both train the shipped model's config (from its metrics.json) on the same corpus sample with the
shipped tokenizer for --seconds of training. Rounding pads the batch length to a multiple of
train.BATCH_T_MULTIPLE and the head's rows to a multiple of train.HEAD_ROWS_MULTIPLE: the same loss
and gradients to float rounding, far fewer distinct matmul shapes. Target: rounded >= 1.2x the
exact-shape steps per second. Exact runs first; both start cold, so each pays its own first kernels.

    python bench/bench_train_step.py [--seconds 120] [--pairs 20000] [--compile] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import verdict  # noqa: E402

TARGET = 1.2


def child(mode: str, a: argparse.Namespace) -> dict:
    import fileagent.llm.train as T
    from fileagent.agent.planner.planner import SHIPPED_DIR, TOKENIZER_FILE
    from fileagent.agent.planner.training.corpus import generate
    from fileagent.llm.model import GPTConfig

    shipped = GPTConfig(**json.loads((SHIPPED_DIR / "metrics.json").read_text(encoding="utf-8"))["model"])
    from fileagent.llm.tokenizer import Tokenizer

    if mode == "exact":
        T.BATCH_T_MULTIPLE, T.HEAD_ROWS_MULTIPLE = 1, 1
    pairs = [(e.src, e.tgt) for e in generate(a.pairs, seed=3) if e.split == "train"]
    cfg = T.TrainConfig(
        model=shipped,
        steps=10**6,
        batch_size=64,
        lr=3e-3,
        threads=a.threads,
        precision="bf16",
        eval_every=0,
        compile=a.compile,
        device="cpu",
    )
    with tempfile.TemporaryDirectory() as out:
        m = T.train(cfg, Tokenizer(SHIPPED_DIR / TOKENIZER_FILE), pairs, [], Path(out), time_limit_s=a.seconds)
    return {"steps": m["steps"], "train_seconds": m["train_seconds"], "tokens_per_sec": m["tokens_per_sec"]}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=120.0, help="training time per mode")
    ap.add_argument("--pairs", type=int, default=20000, help="corpus pairs drawn (seed 3)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument(
        "--compile",
        action="store_true",
        help="torch.compile the trunk in both modes (its one-off compile, 1-2 min cold, counts "
        "in the time: give --seconds 400 or more)",
    )
    ap.add_argument("--child", choices=("exact", "rounded"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(a.child, a)))
        return 0
    rates = {}
    for mode in ("exact", "rounded"):
        args = [
            sys.executable,
            __file__,
            "--child",
            mode,
            "--seconds",
            str(a.seconds),
            "--pairs",
            str(a.pairs),
            "--threads",
            str(a.threads),
        ] + (["--compile"] if a.compile else [])
        p = subprocess.run(args, capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"{mode} run failed ({p.returncode}): {p.stderr.strip()[-500:]}")
        m = json.loads(p.stdout.strip().splitlines()[-1])
        rates[mode] = m["steps"] / m["train_seconds"]
        print(
            f"{mode:8s} {m['steps']:6d} steps in {m['train_seconds']:.0f} s: {rates[mode]:.2f} steps/s, "
            f"{m['tokens_per_sec']:,.0f} tokens/s{' (compiled trunk)' if a.compile else ''}",
            flush=True,
        )
    ratio = rates["rounded"] / rates["exact"]
    print(f"rounded / exact shapes: {ratio:.2f}x steps per second (target >= {TARGET}x)")
    print(f"  -> {verdict(ratio >= TARGET)}")
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
