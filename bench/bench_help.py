"""`fileagent --help` wall time (best of 5, console script and python -m), and proof that startup
imports neither torch nor numpy. Target: <= 0.3 s.
    python bench/bench_help.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time


def best(cmd: list[str], n: int = 5) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    exe = shutil.which("fileagent") or os.path.join(os.path.dirname(sys.executable), "fileagent")
    t_script = best([exe, "--help"]) if os.path.exists(exe) else float("nan")
    t_module = best([sys.executable, "-m", "fileagent", "--help"])
    probe = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "fileagent", "--help"], capture_output=True, text=True
    )
    mods = {line.split("|")[-1].strip() for line in probe.stderr.splitlines() if line.startswith("import time:")}
    heavy = sorted(m for m in mods if m.split(".")[0] in ("torch", "numpy", "rich", "pydantic", "jsonschema"))
    ok = t_module <= 0.3 and (t_script != t_script or t_script <= 0.3) and not heavy
    print(f"fileagent --help (console script): {t_script:.3f} s")
    print(f"python -m fileagent --help: {t_module:.3f} s (target <= 0.3 s)")
    print(f"heavy modules imported at startup: {heavy or 'none (no torch, numpy, rich, pydantic, jsonschema)'}")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
