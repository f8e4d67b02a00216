"""Preview of a plan matching 100,000 files: `fileagent apply --json` without --yes (compile + preview
JSON, no change), as a subprocess: wall seconds and the child's peak memory (getrusage).

Targets: <= 3 s and <= 250 MB.
    python bench/bench_preview.py [--n 100000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import bench_config, fileagent, make_flat_tree, verdict, write_plan  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fa-bench-preview-"))
    try:
        root = tmp / "root"
        make_flat_tree(root, a.n)
        cfg = bench_config(tmp)
        plan = write_plan(
            tmp / "plan.json",
            {"version": 1, "steps": [{"op": "classify", "select": {"in": ".", "pattern": "*"}, "by": "extension"}]},
        )
        wall, peak_mb, out = fileagent(["apply", "--root", str(root), "--config", str(cfg), "--json", str(plan)])
        doc = json.loads(out)
        moves = doc["totals"].get("move", 0)
        assert moves == a.n, f"expected {a.n} moves in the preview, got {moves}"
        print(f"files matched: {a.n}; actions previewed: {len(doc['changeset']['actions'])}")
        print(f"preview (compile + JSON): {wall:.2f} s (target <= 3 s): {verdict(wall <= 3)}")
        print(f"peak memory of the child: {peak_mb:.0f} MB (target <= 250 MB): {verdict(peak_mb <= 250)}")
        return 0 if wall <= 3 and peak_mb <= 250 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
