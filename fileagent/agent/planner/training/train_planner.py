"""Train the planner end to end: corpus -> tokenizer -> model -> held-out evaluation -> export.

    fileagent train [@RECIPE] [--n 60000] [--steps 4000] [--time-limit 1500] [--ship | --out DIR] [--smoke]
                    [--init-from RUN]
    python -m fileagent.agent.planner.training.train_planner ...

Held-out pairs come from corpus templates never used in training, so the
scores measure phrasings the model has not seen. The final evaluation reports
exact plan-text match for greedy decoding without the grammar and for the
constrained beam search the planner ships with, plus how often each yields a
plan that parses and passes plan.schema.json. Everything lands in the output
folder: planner.npz, tokenizer.model, metrics.json, failures.jsonl.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path

from fileagent.agent.planner.training.fresh_values import fresh_names, fresh_texts

SMOKE = dict(n=600, vocab=1200, steps=60, n_layer=1, n_head=2, n_embd=32, mlp_hidden=64, batch=16, eval_n=20)


def number_in(interval: str, name: str) -> Callable[[str], float]:
    """An argparse type (called `name` in argparse's own errors): a number in `interval`, written
    "[0, 1)", "(0, 1]"..., as the error for a number outside it says."""
    low, high = (float(end) for end in interval[1:-1].split(","))

    def parse(text: str) -> float:
        value = float(text)
        if not ((low < value) if interval[0] == "(" else (low <= value)) or not (
            (value < high) if interval[-1] == ")" else (value <= high)
        ):
            raise argparse.ArgumentTypeError(f"{text} is not in {interval}")
        return value

    parse.__name__ = name
    return parse


fraction = number_in("[0, 1)", "fraction")
share = number_in("[0, 1]", "share")
sampling_alpha = number_in("(0, 1]", "sampling_alpha")


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive whole number")
    return value


class RecipeParser(argparse.ArgumentParser):
    """Reads `@FILE` as a recipe file: options separated by spaces and newlines; "#" starts a comment."""

    def convert_arg_line_to_args(self, arg_line: str) -> list[str]:
        return arg_line.split("#", 1)[0].split()


def parser() -> argparse.ArgumentParser:
    p = RecipeParser(
        prog="fileagent train",
        description=__doc__.split("\n")[0],
        fromfile_prefix_chars="@",
        epilog="@FILE reads options from a recipe file, such as "
        "fileagent/agent/planner/training/recipes/shipped.args; options after it override it.",
    )
    p.add_argument("--n", type=int, default=60000, help="corpus pairs to generate")
    p.add_argument("--seed", type=int, default=0, help="corpus seed")
    p.add_argument(
        "--corpus-workers",
        type=positive,
        default=1,
        metavar="K",
        help="generate the corpus in K processes (K > 1 draws other pairs than K = 1)",
    )
    p.add_argument("--vocab", type=int, default=4000, help="tokenizer vocabulary size")
    p.add_argument("--steps", type=int, default=4000)
    p.add_argument("--batch", type=int, default=48)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--time-limit", type=float, default=None, help="stop training (and export) after N seconds")
    p.add_argument(
        "--time-budget",
        type=float,
        default=None,
        metavar="S",
        help="stop training S seconds after the run began, corpus and tokenizer included",
    )
    p.add_argument(
        "--tok-pairs",
        type=int,
        default=0,
        metavar="N",
        help="train the tokenizer on N training pairs spread over the corpus (0 = all)",
    )
    p.add_argument("--device", default="auto", help="auto, cpu or cuda")
    p.add_argument("--threads", type=int, default=0, help="CPU threads (0 = all cores; 1 is faster on a busy box)")
    p.add_argument(
        "--precision",
        default="auto",
        choices=["auto", "fp32", "bf16"],
        help="training matmul precision (auto: bf16 on a GPU, fp32 on a CPU)",
    )
    p.add_argument("--resume", action="store_true", help="continue the checkpoint in --out")
    p.add_argument(
        "--init-from",
        type=Path,
        default=None,
        metavar="RUN",
        help="warm start: a run folder's ckpt.pt weights, model config and tokenizer.model, "
        "with a fresh step count and lr schedule",
    )
    p.add_argument("--smoke", action="store_true", help="tiny corpus and model: trains in seconds (tests)")
    p.add_argument(
        "--fresh-names",
        type=float,
        default=0.5,
        help="share of training pairs whose names are replaced by made-up ones (copying practice)",
    )
    p.add_argument(
        "--fresh-zh-names",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="made-up names replace Chinese names too, not only ASCII ones",
    )
    p.add_argument(
        "--fresh-texts",
        type=float,
        default=0.5,
        help="share of training pairs whose free texts (content, text, find) are made up",
    )
    p.add_argument(
        "--dropout",
        type=fraction,
        default=0.0,
        help="dropout on embeddings and residual writes while training (0 = none)",
    )
    p.add_argument(
        "--compile",
        action="store_true",
        help="torch.compile the training step (needs a C++ compiler on a CPU; pays ~1-2 min once; "
        "with --dropout not bit-identical to an uncompiled run)",
    )
    p.add_argument(
        "--label-smoothing",
        type=fraction,
        default=0.0,
        metavar="EPS",
        help="training loss: the target token gets 1 - EPS, every token EPS / vocabulary (0 = none; "
        "the logged loss includes it)",
    )
    p.add_argument(
        "--subword-sampling",
        type=share,
        default=0.0,
        metavar="P",
        help="share of training requests whose words the plan does not copy are segmented at random "
        "(subword regularization; 0 = none)",
    )
    p.add_argument(
        "--subword-alpha",
        type=sampling_alpha,
        default=0.2,
        metavar="A",
        help="sentencepiece sampling alpha for those requests (lower: flatter draws)",
    )
    p.add_argument(
        "--channel-share",
        type=fraction,
        default=0.0,
        metavar="S",
        help="then train the channel model (plan -> request) that reranks the beam: the planner's weights "
        "trained on the corpus turned round, for S of the training time (of the steps, without a "
        "time limit); 0 = none",
    )
    p.add_argument(
        "--ema",
        type=fraction,
        default=0.0,
        metavar="DECAY",
        help="export an exponential moving average of the weights (e.g. 0.999; 0 = the last step's)",
    )
    p.add_argument("--eval-n", type=int, default=600, help="held-out pairs in the final evaluation")
    p.add_argument("--eval-every", type=int, default=1000)
    p.add_argument("--out", type=Path, default=None, help="output folder (default runs/planner-TIME)")
    p.add_argument("--ship", action="store_true", help="also install the result as the shipped model")
    for name, default in (("n_layer", 4), ("n_head", 4), ("n_embd", 192), ("mlp_hidden", 512), ("block_size", 256)):
        p.add_argument("--" + name.replace("_", "-"), type=int, default=default)
    return p


def corpus_part(job: tuple[int, int | str, float, float, bool]) -> tuple[list[tuple[str, str]], list]:
    """(training pairs, held-out examples) of `generate(n, seed)`, made-up names and texts swapped into
    the given shares of the training pairs (one RNG, seeded like the corpus)."""
    from fileagent.agent.planner.training.corpus import generate

    n, seed, p_names, p_texts, zh_names = job
    examples = generate(n, seed=seed)
    rng = random.Random(seed)
    train_pairs = [
        fresh_names(e.src, e.tgt, rng, zh_names) if rng.random() < p_names else (e.src, e.tgt)
        for e in examples
        if e.split == "train"
    ]
    train_pairs = [fresh_texts(src, tgt, rng) if rng.random() < p_texts else (src, tgt) for src, tgt in train_pairs]
    return train_pairs, [e for e in examples if e.split == "heldout"]


def build_corpus(args: argparse.Namespace) -> tuple[list[tuple[str, str]], list]:
    """The run's corpus. With --corpus-workers K > 1, K processes each generate one K-th of it from
    seeds "SEED.0" .. "SEED.K-1", so the pairs are fixed by (n, seed, K); K = 1 is `generate(n, seed)`."""
    k = args.corpus_workers
    jobs = [
        (
            args.n // k + (i < args.n % k),
            args.seed if k == 1 else f"{args.seed}.{i}",
            args.fresh_names,
            args.fresh_texts,
            args.fresh_zh_names,
        )
        for i in range(k)
    ]
    if k == 1:
        return corpus_part(jobs[0])
    import multiprocessing

    with multiprocessing.Pool(k) as pool:
        parts = pool.map(corpus_part, jobs)
    return [p for part, _ in parts for p in part], [e for _, held in parts for e in held]


def train_channel(
    cfg,
    tokenizer,
    train_pairs: Sequence[tuple[str, str]],
    out: Path,
    resume: bool,
    time_limit_s: float | None,
    steps: int | None,
) -> dict:
    """Train the channel model (channel.py) on the training pairs turned round, plan -> request, in
    out/channel (its checkpoint, so --resume continues it too), and copy its weights to
    out/channel.npz. It starts from the planner's trained weights (step 0, a new warmup and
    schedule): they already read and write both the requests and the plans, so the channel needs less
    than half the steps a fresh model does (2,790 warm steps did what 6,431 fresh ones did). The same
    shape and recipe, without subword sampling (which would cut up the plan's words)."""
    import torch

    from fileagent.agent.planner.planner import CHANNEL_FILE, MODEL_FILE
    from fileagent.llm.train import train

    cfg = replace(cfg, subword_sampling=0.0, steps=cfg.steps if steps is None else steps)
    folder = out / "channel"
    folder.mkdir(exist_ok=True)
    if not (resume and (folder / "ckpt.pt").exists()):
        start = torch.load(out / "ckpt.pt", map_location="cpu", weights_only=False)
        start.update(step=0, history=[])
        torch.save(start, folder / "ckpt.pt")
    metrics = train(
        cfg, tokenizer, [(tgt, src) for src, tgt in train_pairs], [], folder, resume=True, time_limit_s=time_limit_s
    )
    shutil.copyfile(folder / MODEL_FILE, out / CHANNEL_FILE)
    return {k: metrics[k] for k in ("steps", "final_loss", "tokens_per_sec", "train_tokens", "train_seconds")}


def evaluate(planner, pairs: Sequence[tuple[str, str, str]]) -> tuple[dict, list[dict]]:
    """Exact match and schema validity, greedy unconstrained and constrained beam; failures listed.

    Two beam figures: the top candidate as the model ranks it, and the planner's pick, the first
    candidate that `planner.pick` takes without a tree to compile against (finished, valid,
    plausible, no deletion the top candidate lacks), which is what `plan` would take before compiling."""
    from fileagent.agent.planner.planner import parse_candidate, pick
    from fileagent.agent.planner.plausibility import deletes
    from fileagent.agent.planner.refusal import Refusal, RequestRefused, parse_refusal
    from fileagent.errors import NoPlannerError

    def planner_pick(beam, src: str) -> str:
        try:
            return beam[pick(beam, None, prompt=src)[0]][0]
        except RequestRefused as refused:
            return Refusal(refused.why).text()
        except NoPlannerError:
            return ""

    def valid(text: str, finished: bool) -> bool:
        """A plan that parses and passes the schema, or the refusal reading."""
        if finished and parse_refusal(text) is not None:
            return True
        try:
            return finished and parse_candidate(text) is not None
        except Exception:
            return False

    counts: Counter = Counter()
    failures: list[dict] = []
    by_template: Counter = Counter()
    for src, tgt, template in pairs:
        greedy_text, greedy_done = planner.candidates(src, [], beam=1, constrained=False)[0]
        beam = planner.candidates(src, [])
        best_text, best_done = beam[0] if beam else ("", False)
        counts["greedy_exact"] += greedy_done and greedy_text == tgt
        counts["greedy_valid"] += valid(greedy_text, greedy_done)
        counts["beam_exact"] += best_done and best_text == tgt
        counts["beam_valid"] += valid(best_text, best_done)
        picked = planner_pick(beam, src)
        counts["planner_exact"] += picked == tgt
        counts["planner_spurious_delete"] += deletes(picked) and not deletes(tgt)
        if not (best_done and best_text == tgt) or picked != tgt:
            by_template[template] += 1
            failures.append(
                {
                    "template": template,
                    "src": src,
                    "tgt": tgt,
                    "got": best_text,
                    "picked": picked,
                    "greedy": greedy_text,
                }
            )
    n = max(1, len(pairs))
    metrics = {
        "heldout_pairs": len(pairs),
        "accuracy_constrained_beam": counts["beam_exact"] / n,
        "accuracy_planner_pick": counts["planner_exact"] / n,
        "accuracy_greedy_unconstrained": counts["greedy_exact"] / n,
        "schema_valid_constrained": counts["beam_valid"] / n,
        "schema_valid_unconstrained": counts["greedy_valid"] / n,
        "planner_pick_spurious_delete": counts["planner_spurious_delete"] / n,
        "failures_by_template": dict(by_template.most_common()),
    }
    return metrics, failures


def checkpoint_from_npz(path: Path) -> dict:
    """A training checkpoint (weights, model config; no optimizer or RNG state) from an exported .npz."""
    import numpy as np
    import torch

    from fileagent.llm.model import GPT, GPTConfig

    with np.load(path) as z:
        model = GPT(GPTConfig(**json.loads(str(z["config"]))))
        model.load_state_dict({k: torch.from_numpy(z[k].astype(np.float32)) for k in model.state_dict()})
    return {"model": model.state_dict(), "config": {"model": asdict(model.config)}, "step": 0, "history": []}


def seed_from_run(run: Path, out: Path, args: argparse.Namespace) -> None:
    """Start `out` from `run`: its tokenizer, its model config (into args) and a checkpoint holding its
    weights (and optimizer moments, if `run` has a ckpt.pt rather than only planner.npz) at step 0,
    so resuming runs a new warmup + cosine schedule."""
    import torch

    from fileagent.agent.planner.planner import MODEL_FILE, TOKENIZER_FILE

    if (run / "ckpt.pt").exists():
        ckpt = torch.load(run / "ckpt.pt", map_location="cpu", weights_only=False)
    else:  # a shipped model folder: fp16 weights only, so the optimizer starts fresh
        ckpt = checkpoint_from_npz(run / MODEL_FILE)
    for key, value in ckpt["config"]["model"].items():
        if hasattr(args, key) and key != "vocab_size":
            setattr(args, key, value)
    shutil.copyfile(run / TOKENIZER_FILE, out / TOKENIZER_FILE)
    ckpt.update(step=0, history=[])
    torch.save(ckpt, out / "ckpt.pt")


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.compile:
        from fileagent.llm.train import compile_refusal

        if refusal := compile_refusal(args.device):
            parser().error(refusal)
    if args.smoke:
        for k, v in SMOKE.items():
            if getattr(args, k) == parser().get_default(k):
                setattr(args, k, v)
    from fileagent.agent.planner.grammar import tokenizer_symbols
    from fileagent.agent.planner.planner import (
        CALIBRATION_FILE,
        CHANNEL_FILE,
        MODEL_FILE,
        SHIPPED_DIR,
        TOKENIZER_FILE,
        Planner,
    )
    from fileagent.agent.planner.training.corpus.build import heldout_record
    from fileagent.llm.model import GPTConfig
    from fileagent.llm.tokenizer import Tokenizer, train_tokenizer
    from fileagent.llm.train import TrainConfig, train

    out = args.out or Path("runs") / time.strftime("planner-%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    t0 = t_start = time.perf_counter()
    train_pairs, heldout = build_corpus(args)
    t_corpus = time.perf_counter() - t0
    print(f"corpus: {len(train_pairs)} train, {len(heldout)} held-out pairs ({t_corpus:.1f}s)", file=sys.stderr)

    t0 = time.perf_counter()
    tok_path = out / TOKENIZER_FILE
    if args.init_from is not None and not args.resume:
        seed_from_run(args.init_from, out, args)
        args.resume = True
    if not (args.resume and tok_path.exists()):
        every = max(1, len(train_pairs) // args.tok_pairs) if args.tok_pairs else 1
        texts = [t for pair in train_pairs[::every] for t in pair]
        made = train_tokenizer(texts, out / "tokenizer", vocab_size=args.vocab, user_symbols=tokenizer_symbols())
        made.replace(tok_path)
    tokenizer = Tokenizer(tok_path)
    t_tok = time.perf_counter() - t0

    model = GPTConfig(
        vocab_size=tokenizer.vocab_size,
        block_size=args.block_size,
        n_layer=args.n_layer,
        n_head=args.n_head,
        n_embd=args.n_embd,
        mlp_hidden=args.mlp_hidden,
        dropout=args.dropout,
    )
    cfg = TrainConfig(
        model=model,
        steps=args.steps,
        batch_size=args.batch,
        lr=args.lr,
        min_lr=args.lr / 10,
        device=args.device,
        threads=args.threads,
        precision=args.precision,
        ema=args.ema,
        compile=args.compile,
        label_smoothing=args.label_smoothing,
        subword_sampling=args.subword_sampling,
        subword_alpha=args.subword_alpha,
        eval_every=args.eval_every,
        eval_samples=200,
        ckpt_every=max(100, args.eval_every),
    )
    if args.smoke:
        cfg = replace(cfg, warmup=5, eval_every=0, log_every=20)
    limits = [
        t
        for t in (args.time_limit, args.time_budget and args.time_budget - (time.perf_counter() - t_start))
        if t is not None
    ]
    share = args.channel_share
    t_train = time.perf_counter()
    metrics = train(
        cfg,
        tokenizer,
        train_pairs,
        [(e.src, e.tgt) for e in heldout],
        out,
        resume=args.resume,
        time_limit_s=min(limits) * (1 - share) if limits else None,
    )
    (out / CHANNEL_FILE).unlink(missing_ok=True)
    if share:
        metrics["channel"] = train_channel(
            cfg,
            tokenizer,
            train_pairs,
            out,
            args.resume,
            min(limits) - (time.perf_counter() - t_train) if limits else None,
            None if limits else round(cfg.steps * share / (1 - share)),
        )

    t0 = time.perf_counter()
    planner = Planner(out)
    step = max(1, len(heldout) // args.eval_n) if heldout else 1
    sample = [(e.src, e.tgt, e.template) for e in heldout[::step][: args.eval_n]]
    final, failures = evaluate(planner, sample)
    final["eval_seconds"] = time.perf_counter() - t0
    metrics.update(final)
    metrics.update(
        {
            "corpus_pairs": args.n,
            "corpus_seed": args.seed,
            "corpus_seconds": t_corpus,
            "tokenizer_seconds": t_tok,
            "seconds_to_export": t0 - t_start,
            "vocab_size": tokenizer.vocab_size,
            "model_bytes": (out / MODEL_FILE).stat().st_size,
            "tokenizer_bytes": tok_path.stat().st_size,
            "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
            "heldout_templates": heldout_record(),
        }
    )
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False), encoding="utf-8")
    with open(out / "failures.jsonl", "w", encoding="utf-8") as f:
        for row in failures:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.ship:
        SHIPPED_DIR.mkdir(parents=True, exist_ok=True)
        for name in (MODEL_FILE, TOKENIZER_FILE, "metrics.json"):
            shutil.copyfile(out / name, SHIPPED_DIR / name)
        # A channel model goes with the model it was trained beside, or none does.
        # So do its channel model and its acceptance rule's calibration (training/calibrate.py), or none.
        for name in (CHANNEL_FILE, CALIBRATION_FILE):
            (SHIPPED_DIR / name).unlink(missing_ok=True)
            if (out / name).is_file():
                shutil.copyfile(out / name, SHIPPED_DIR / name)
    keys = (
        "accuracy_constrained_beam",
        "accuracy_greedy_unconstrained",
        "schema_valid_constrained",
        "schema_valid_unconstrained",
        "train_seconds",
        "tokens_per_sec",
        "model_bytes",
        "tokenizer_bytes",
    )
    print(json.dumps({k: metrics.get(k) for k in keys} | {"out": str(out)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
