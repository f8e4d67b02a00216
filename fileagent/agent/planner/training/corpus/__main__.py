"""python -m fileagent.agent.planner.training.corpus --n 200000 --seed 0 --out corpus.jsonl
python -m fileagent.agent.planner.training.corpus --show 30 --lang zh [--split heldout]"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from fileagent.agent.planner.training.corpus.build import generate, write_jsonl


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m fileagent.agent.planner.training.corpus",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--n", type=int, default=200_000, help="number of examples")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", help="JSONL file to write")
    ap.add_argument("--show", type=int, metavar="K", help="print K sample examples instead of writing")
    ap.add_argument("--lang", choices=("en", "zh", "mix"), help="with --show: only this language")
    ap.add_argument("--split", choices=("train", "heldout"), help="with --show: only this split")
    args = ap.parse_args(argv)

    if args.show:
        shown = 0
        for ex in generate(max(args.show * 20, 200), seed=args.seed):
            if (args.lang and ex.lang != args.lang) or (args.split and ex.split != args.split):
                continue
            print(f"[{ex.template} {ex.split}]\n  {ex.src}\n  -> {ex.tgt}")
            shown += 1
            if shown == args.show:
                break
        return 0

    t0 = time.perf_counter()
    examples = generate(args.n, seed=args.seed)
    took = time.perf_counter() - t0
    if args.out:
        write_jsonl(examples, args.out)
    ops = Counter(op for ex in examples for op in {s.split(" ", 1)[0] for s in ex.tgt.split(" ; ")})
    steps = Counter(len(ex.tgt.split(" ; ")) for ex in examples)
    print(f"{len(examples)} examples in {took:.1f} s" + (f" -> {args.out}" if args.out else ""))
    for title, counter in (
        ("op", ops),
        ("lang", Counter(ex.lang for ex in examples)),
        ("split", Counter(ex.split for ex in examples)),
        ("steps", steps),
    ):
        print(f"{title:6}" + "  ".join(f"{k}={v}" for k, v in sorted(counter.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
