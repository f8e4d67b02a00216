"""Duplicate detection on N files (default 20,000) in G groups of identical files (default 2,000),
against a bare hashing loop over the same tree in the same run:

  floor      os.walk + SHA-256 of every file's whole content, grouped by digest (no size pass,
             no Guard, no view): what a script that hashes everything does
  fileagent  compile of a plan that lists the duplicates (the Guard, the tree view, size groups,
             a partial hash, then a full hash where the partial ones agree)

Target: fileagent <= 2x floor. Both runs find the same groups (checked).
    python bench/bench_duplicates.py [--n 20000] [--groups 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def make_tree(root: Path, n: int, groups: int, seed: int = 7) -> None:
    """n files in 50 folders: `groups` groups of 2-4 identical files, the rest unique; sizes 1 KB to
    64 KB, many unique files sharing a size (and a first 16 KB) with others."""
    rng = random.Random(seed)
    folders = [root / f"d{i:02d}" / f"s{i % 7}" for i in range(50)]
    for f in folders:
        f.mkdir(parents=True, exist_ok=True)
    made = 0
    for g in range(groups):
        size = rng.randrange(1024, 65536)
        data = rng.randbytes(size)
        for _ in range(rng.choice((2, 2, 3, 4))):
            (rng.choice(folders) / f"g{g}_{made}.bin").write_bytes(data)
            made += 1
    head = rng.randbytes(16384)
    while made < n:
        size = rng.choice((2048, 4096, 30000, rng.randrange(1024, 65536)))
        data = (head + rng.randbytes(size))[:size] if size > 16384 else rng.randbytes(size)
        (rng.choice(folders) / f"u{made}.bin").write_bytes(data)
        made += 1


def floor(root: Path) -> set[frozenset[str]]:
    by: dict[bytes, list[str]] = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                digest = hashlib.file_digest(f, "sha256").digest()
            by.setdefault(digest, []).append(os.path.relpath(path, root).replace(os.sep, "/"))
    return {frozenset(v) for v in by.values() if len(v) > 1}


def fileagent(root: Path) -> set[frozenset[str]]:
    from fileagent.agent.engine.compiler import compile_plan
    from fileagent.agent.plan.io import validate_plan_dict
    from fileagent.config.loader import Config
    from fileagent.policies.guard import Guard

    cfg = Config.from_dict({"agent": {"max_batch": 1_000_000}})
    plan = validate_plan_dict(
        {
            "version": 2,
            "steps": [{"op": "list", "select": {"recursive": True, "duplicates": "oldest"}}],
        }
    )
    cs = compile_plan(plan, root=root, config=cfg, guard=Guard.from_config(cfg, root))
    return {frozenset(g) for g in cs.groups.get(1, [])}


def best(fn, root: Path, repeat: int) -> tuple[float, set]:
    times, got = [], set()
    for _ in range(repeat):
        t0 = time.perf_counter()
        got = fn(root)
        times.append(time.perf_counter() - t0)
    return min(times), got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--groups", type=int, default=2_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "tree"
        make_tree(root, args.n, args.groups)
        fileagent(root)  # warm the page cache and the imports, both runs alike
        t_floor, g_floor = best(floor, root, args.repeat)
        t_fa, g_fa = best(fileagent, root, args.repeat)
    assert g_fa == g_floor and len(g_fa) == args.groups, (len(g_fa), len(g_floor))
    ratio = t_fa / t_floor
    print(f"files {args.n:,}, duplicate groups {args.groups:,} (both runs agree)")
    print(f"floor (hash every file)   {t_floor:7.3f} s")
    print(f"fileagent (compile)       {t_fa:7.3f} s")
    print(f"ratio fileagent/floor     {ratio:7.2f}x  (target <= 2x): {'PASS' if ratio <= 2 else 'FAIL'}")
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
