"""The planner on 100 hand-written requests (bench/planner_probes.py), with no tree, as the held-out
evaluation picks: phrasings and names (Chinese ones too) that no corpus template writes. No target:
a figure to compare models and decoder changes by, next to bench_planner.py's held-out accuracy.

    python bench/bench_planner_probes.py [--model-dir DIR] [--misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from planner_probes import N_EN, PROBES  # noqa: E402

from fileagent.agent.planner.planner import SHIPPED_DIR, Planner, pick  # noqa: E402
from fileagent.errors import NoPlannerError  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model-dir", type=Path, default=SHIPPED_DIR)
    ap.add_argument("--misses", action="store_true", help="print each miss")
    a = ap.parse_args()
    planner = Planner(a.model_dir)
    ok = [0, 0]
    for i, (request, expected) in enumerate(PROBES):
        beam = planner.candidates(request, [])
        try:
            got = beam[pick(beam, None, prompt=request)[0]][0]
        except NoPlannerError as e:
            got = f"(exit 4: {e})"
        ok[i >= N_EN] += got == expected
        if got != expected and a.misses:
            print(f"miss {i}: {request}\n  expected {expected}\n  got      {got}")
    print(
        f"probes planned exactly: {sum(ok)}/{len(PROBES)} (English {ok[0]}/{N_EN}, "
        f"Chinese and mixed {ok[1]}/{len(PROBES) - N_EN})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
