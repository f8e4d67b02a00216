"""Sort N files (default 20,000) into per-extension folders, three ways, on identical trees:

  floor      a bare os.scandir + os.rename loop (no journal, no audit, no checks)
  fileagent  `fileagent apply --yes` of a classify-by-extension plan (subprocess: startup,
             compile, preview, stale check, journal with grouped fsync, audit chain)
  organize   organize-tool 3.3.0 (`organize run`), installed into its own venv under
             ~/.cache/fileagent-bench (skipped, with a note, when it cannot be installed)

Targets: fileagent <= 3x floor, organize / fileagent >= 10.
    python bench/bench_sort.py [--n 20000] [--no-organize]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import bench_config, child_env, fileagent, make_flat_tree, verdict, write_plan  # noqa: E402

ORGANIZE_VERSION = "3.3.0"


def floor(root: Path) -> float:
    t0 = time.perf_counter()
    made: set[str] = set()
    with os.scandir(root) as it:
        entries = [e for e in it if e.is_file(follow_symlinks=False)]
    for e in entries:
        ext = e.name.rsplit(".", 1)[-1].lower() if "." in e.name else "noext"
        d = os.path.join(root, ext)
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        os.rename(e.path, os.path.join(d, e.name))
    return time.perf_counter() - t0


def organize_bin() -> Path | None:
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "fileagent-bench"
    venv = cache / f"organize-{ORGANIZE_VERSION}"
    exe = venv / "bin" / "organize"
    if exe.exists():
        return exe
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", f"organize-tool=={ORGANIZE_VERSION}"],
            check=True,
            capture_output=True,
            timeout=600,
        )
    except (subprocess.SubprocessError, OSError) as e:
        err = getattr(e, "stderr", b"") or b""
        print(f"organize-tool {ORGANIZE_VERSION} could not be installed: {e} {err.decode(errors='replace')[-300:]}")
        return None
    return exe if exe.exists() else None


def time_organize(exe: Path, verb: str, config_text: str, tmp: Path) -> float:
    """Wall seconds of `organize VERB CONFIG` (run or sim) with config_text as its YAML."""
    cfg = tmp / "organize.yaml"
    cfg.write_text(config_text, encoding="utf-8")
    t0 = time.perf_counter()
    p = subprocess.run(
        [str(exe), verb, str(cfg)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=child_env(NO_COLOR="1"),
    )
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"organize {verb} failed: {p.stderr[-500:]}")
    return dt


def organize(root: Path, exe: Path, tmp: Path) -> float:
    return time_organize(
        exe,
        "run",
        f"rules:\n  - locations: {root}\n    filters:\n      - extension\n"
        f"    actions:\n      - move: '{root}/{{extension}}/'\n",
        tmp,
    )


def sorted_ok(root: Path, n: int) -> bool:
    count = sum(len(files) for d, _, files in os.walk(root) if ".fileagent" not in d and d != str(root))
    return count == n


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--no-organize", action="store_true")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fa-bench-sort-"))
    try:
        trees = {k: tmp / k for k in ("floor", "fileagent", "organize")}
        for k, root in trees.items():
            if k != "organize" or not a.no_organize:
                make_flat_tree(root, a.n)
        cfg = bench_config(tmp)
        plan = write_plan(
            tmp / "plan.json",
            {"version": 1, "steps": [{"op": "classify", "select": {"in": ".", "pattern": "*"}, "by": "extension"}]},
        )
        t_floor = floor(trees["floor"])
        t_fa, _, _ = fileagent(
            ["apply", "--root", str(trees["fileagent"]), "--config", str(cfg), "--yes", "--json", str(plan)]
        )
        assert sorted_ok(trees["floor"], a.n) and sorted_ok(trees["fileagent"], a.n), "trees not sorted"
        print(f"files: {a.n}")
        print(f"floor (os.scandir + os.rename): {t_floor:.2f} s")
        print(f"fileagent apply (journaled, audited): {t_fa:.2f} s")
        r_floor = t_fa / t_floor
        print(f"fileagent / floor = {r_floor:.2f}x (target <= 3x): {verdict(r_floor <= 3)}")
        ok = r_floor <= 3
        exe = None if a.no_organize else organize_bin()
        if exe is not None:
            t_org = organize(trees["organize"], exe, tmp)
            assert sorted_ok(trees["organize"], a.n), "organize did not sort the tree"
            r_org = t_org / t_fa
            print(f"organize run ({ORGANIZE_VERSION}): {t_org:.2f} s")
            print(f"organize / fileagent = {r_org:.1f}x (target >= 10x): {verdict(r_org >= 10)}")
            ok = ok and r_org >= 10
        else:
            print("organize: not measured (only the floor ratio above)")
        return 0 if ok else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
