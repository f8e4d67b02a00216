"""Calibrate the acceptance rule on a held-out development split; write calibration.json.

    python -m fileagent.agent.planner.training.calibrate --model DIR [--n 40000] [--seed 4242] [--write]

The rule (planner.accept): a plan stands only when log P(plan | request) exceeds log P(best
refusal reading | request) by at least `min_margin`. The development split is the corpus's
held-out templates (plans and refusals) drawn with a seed no other figure uses; the probe sets
never take part. For each threshold it prints held-out accuracy on plans, the refusal rate on
requests to refuse, and how many of those would still run a plan that changes files; the chosen
threshold is the lowest at which none would, as long as it keeps at least `--floor` of the plans,
and never below 0: a plan the model believes less than its refusal reading never runs, however
few requests of the development split sit between the two.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from pathlib import Path

from fileagent.agent.plan.model import MUTATING_OPS
from fileagent.agent.planner.planner import CALIBRATION_FILE, Planner, pick
from fileagent.agent.planner.refusal import REFUSAL_OP, RequestRefused
from fileagent.agent.planner.training.corpus import generate
from fileagent.errors import NoPlannerError

THRESHOLDS = (-math.inf, -4.0, -2.0, -1.0, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0)
LOWEST_CHOICE = 0.0  # the likelihood-ratio decision point: plan and refusal equally likely


def choose(table: list[dict], floor: float) -> dict:
    """The lowest threshold (at least LOWEST_CHOICE) at which no request to refuse would change
    files, then up the curve as far as it costs no plan the dev split gets right: where the curve
    is flat, the safer end of it (a request the dev split lacks needs a clearer lead to act)."""
    base = table[0]["plans_right"]
    allowed = [r for r in table if r["min_margin"] >= LOWEST_CHOICE]
    ok = [r for r in allowed if r["would_change_files"] == 0 and r["plans_right"] >= floor * base]
    if not ok:
        return max((r for r in allowed if r["plans_right"] >= floor * base), key=lambda r: r["refused"])
    chosen = ok[0]
    for r in ok[1:]:
        if round(r["plans_right"] * r["n_plans"]) < round(chosen["plans_right"] * chosen["n_plans"]):
            break
        chosen = r
    return chosen


def _mutates(text: str) -> bool:
    return any(part.strip().split(" ", 1)[0] in MUTATING_OPS for part in text.split(" ; "))


def measure(planner: Planner, pairs: Sequence[tuple[str, str]]) -> list[dict]:
    """Per request: its target kind, the pick (or the refusal), and the pick's margin."""
    rows = []
    for src, tgt in pairs:
        beam = planner.candidates(src, [])
        row = {"src": src, "tgt": tgt, "refuse_target": tgt.startswith(REFUSAL_OP + " ")}
        try:
            k = pick(beam, None, prompt=src)[0]
            text = beam[k][0]
            row.update(picked=text, refused=False, margin=planner.refusal_margin(src, text)[0])
        except RequestRefused:
            row.update(picked=None, refused=True, margin=None)
        except NoPlannerError:
            row.update(picked=None, refused=False, margin=None)
        rows.append(row)
    return rows


def curve(rows: list[dict]) -> list[dict]:
    plans = [r for r in rows if not r["refuse_target"]]
    nots = [r for r in rows if r["refuse_target"]]
    out = []
    for t in THRESHOLDS:

        def kept(r: dict, t: float = t) -> bool:
            return r["picked"] is not None and r["margin"] >= t

        right = sum(kept(r) and r["picked"] == r["tgt"] for r in plans)
        refused = sum(r["refused"] or not kept(r) for r in nots)
        acting = sum(kept(r) and _mutates(r["picked"]) for r in nots)
        out.append(
            {
                "min_margin": t,
                "plans_right": right / max(1, len(plans)),
                "refused": refused / max(1, len(nots)),
                "would_change_files": acting,
                "n_plans": len(plans),
                "n_refuse": len(nots),
            }
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", type=Path, required=True, help="model folder (planner.npz, tokenizer.model)")
    ap.add_argument("--n", type=int, default=40000, help="corpus examples to draw (held-out ones are kept)")
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--limit", type=int, default=800, help="at most this many held-out requests")
    ap.add_argument(
        "--floor",
        type=float,
        default=0.9,
        help="never pick a threshold that keeps fewer than this share of the plans the rule-free pick gets right",
    )
    ap.add_argument("--write", action="store_true", help="write calibration.json into the model folder")
    a = ap.parse_args(argv)
    metrics_file = a.model / "metrics.json"
    held = None
    if metrics_file.is_file():
        from fileagent.agent.planner.training.corpus.build import recorded_heldout

        record = json.loads(metrics_file.read_text()).get("heldout_templates")
        held = recorded_heldout(record) if record else None
    examples = [e for e in generate(a.n, seed=a.seed, heldout=held) if e.split == "heldout"][: a.limit]
    planner = Planner(a.model)
    rows = measure(planner, [(e.src, e.tgt) for e in examples])
    table = curve(rows)
    print("| min margin | plans right | refused | refuse-targets that would change files |")
    print("|---|---|---|---|")
    for r in table:
        print(
            f"| {r['min_margin']} | {100 * r['plans_right']:.1f}% | {100 * r['refused']:.1f}% | "
            f"{r['would_change_files']} of {r['n_refuse']} |"
        )
    chosen = choose(table, a.floor)
    print(
        f"chosen min_margin: {chosen['min_margin']} (plans {100 * chosen['plans_right']:.1f}%, "
        f"refused {100 * chosen['refused']:.1f}%)"
    )
    if a.write:
        doc = {
            "min_margin": None if chosen["min_margin"] == -math.inf else chosen["min_margin"],
            "dev_seed": a.seed,
            "dev_requests": len(rows),
            "curve": [{**r, "min_margin": None if r["min_margin"] == -math.inf else r["min_margin"]} for r in table],
        }
        (a.model / CALIBRATION_FILE).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {a.model / CALIBRATION_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
