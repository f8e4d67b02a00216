"""Run the long hardening proofs (pytest -m long tests/security) and print their figures.

    python bench/bench_proofs.py                 # every long proof at its default (minimum) count
    python bench/bench_proofs.py --scale 0.1     # a quick look (counts x 0.1: below the minimums)
    python bench/bench_proofs.py -k crash        # only some proofs (a pytest -k expression)

Each long proof appends its figures to $FA_PROOF_FIGURES (JSON lines, see tests/security/sec_kit.py);
this script collects them and prints one table plus the pytest verdict.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

LINES = [
    (
        "paths_guard",
        "adversarial paths through the Guard",
        lambda f: f"{f['generated_paths']} generated hostile paths, {f['escapes']} escapes",
    ),
    (
        "paths_apply_corpus",
        "hand-written corpus through apply",
        lambda f: (
            f"{f['cases']} cases x {f['slots']} op slots = {f['apply_runs']} apply runs, {f['escapes']} escapes, "
            f"exit codes {f['exit_codes']}"
        ),
    ),
    (
        "paths_apply_generated",
        "generated paths through apply",
        lambda f: f"{f['apply_runs']} apply runs, {f['escapes']} escapes",
    ),
    (
        "races",
        "check-then-use races",
        lambda f: (
            f"{f['attempts']} attempts ({f['completed_runs']} runs completed, {f['flips']} folder<->link flips), "
            f"{f['escapes']} escapes, original content lost {f.get('content_lost')} times, root not byte-identical "
            f"after a failed run + recover {f.get('not_byte_identical')} times, exit codes {f['exit_codes']}, "
            f"{f['seconds']} s"
        ),
    ),
    (
        "crash",
        "kill -9 + recover",
        lambda f: (
            f"{f['apply_trials']} trials on a {f['actions']}-action run ({f['journal_step_trials']} journal steps, "
            f"{f['disk_step_trials']} of {f['disk_steps_in_run']} disk steps), {f['killed']} killed; "
            f"before {f['ended_before']} / after {f['ended_after']}: byte-identical {f['byte_identical_pct']}%; "
            f"crash during undo + undo again: {f['undo_crash_trials']} trials, {f['undo_idempotent_pct']}% identical; "
            f"external kills {f['external_ok']}/{f['external_kills']} ok; audit chain ok: {f['audit_chain_ok']}; "
            f"{f['seconds']} s"
        ),
    ),
    (
        "audit_tamper",
        "audit log tampering",
        lambda f: (
            f"{f['trials']} trials, detected with the right seq {f['detection_pct']}%; "
            f"verify 100,000 entries: {f['verify_100k_entries_s']} s"
        ),
    ),
    (
        "hostile",
        "the hostile probe's categories (generated)",
        lambda f: (
            "; ".join(f"{k}: {v['cases']} cases, {v['bad']} bad" for k, v in f["categories"].items())
            + f"; {f['seconds']} s"
        ),
    ),
    (
        "malformed_plans",
        "mutated plan documents through apply",
        lambda f: (
            f"{f['documents']} documents, {f['tracebacks']} tracebacks, {f['bad']} bad outcomes, "
            f"exit codes {f['exit_codes']}, {f['valid_runs']} valid runs ({f['undone']} undone byte-identical)"
        ),
    ),
]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every long proof's count (1 = the minimums)")
    ap.add_argument("-k", default="", help="pytest -k expression to pick proofs")
    a = ap.parse_args()
    figures = Path(tempfile.mkdtemp(prefix="fa-proofs-")) / "figures.jsonl"
    env = dict(os.environ, FA_PROOF_FIGURES=str(figures), FA_PROOF_SCALE=str(a.scale))
    base = [sys.executable, "-m", "pytest", "-m", "long", "-q", "-p", "no:cacheprovider", "-rf"]
    if a.k:
        base += ["-k", a.k]
    # two pytest processes side by side (2 cores): the in-process proofs, and the ones driving subprocesses
    groups = [
        [
            "tests/security/test_sec_races.py",
            "tests/security/test_sec_audit_tamper.py",
            "tests/security/test_sec_hostile.py",
        ],
        [
            "tests/security/test_sec_crash.py",
            "tests/security/test_sec_paths.py",
            "tests/security/test_sec_malformed_plans.py",
        ],
    ]
    t0 = time.perf_counter()
    procs = [
        subprocess.Popen(base + g, cwd=str(REPO), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for g in groups
    ]
    outs = [pr.communicate()[0] for pr in procs]
    wall = time.perf_counter() - t0
    found = {}
    if figures.exists():
        for line in figures.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            found[d["proof"]] = d
    print(f"hardening proofs (scale {a.scale}), {wall:.0f} s wall")
    for key, title, fmt in LINES:
        if key in found:
            try:
                text = fmt(found[key])
            except KeyError as e:
                text = f"(figure {e} missing) {found[key]}"
            print(f"- {title}: {text}")
        elif not a.k:
            print(f"- {title}: no figures (proof failed before recording, or did not run)")
    for out in outs:
        tail = [ln for ln in out.splitlines() if ln.strip() and not ln.startswith((".", "s"))][-6:]
        print("pytest: " + " | ".join(tail))
    return max(pr.returncode for pr in procs)


if __name__ == "__main__":
    raise SystemExit(main())
