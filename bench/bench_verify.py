"""`fileagent log verify` over an audit log of 100,000 entries (written through AuditWriter, the
same code path as real runs). Target: <= 1 s wall for the command.
    python bench/bench_verify.py [--n 100000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import bench_config, fileagent, verdict  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    a = ap.parse_args()
    from fileagent.agent.history.audit import AuditWriter, verify

    tmp = Path(tempfile.mkdtemp(prefix="fa-bench-verify-"))
    try:
        cfg = bench_config(tmp)
        log = tmp / "audit.jsonl"
        w = AuditWriter(log, run="20261123T093000000-abcdef", user="bench", flush_every=20_000)
        for i in range(a.n):
            w.add(
                time="2026-11-23T09:30:00.000Z",
                op="move",
                src=f"inbox/file{i:06d}.pdf",
                dst=f"pdf/file{i:06d}.pdf",
                size_before=i,
                size_after=i,
            )
        w.flush()
        t0 = time.perf_counter()
        ok, bad, msg = verify(log)
        t_fn = time.perf_counter() - t0
        wall, _, out = fileagent(["log", "verify", "--config", str(cfg)])
        print(f"entries: {a.n} ({log.stat().st_size / 1e6:.1f} MB); {out.strip()}")
        print(f"verify() in-process: {t_fn:.3f} s")
        print(f"fileagent log verify (whole command): {wall:.3f} s (target <= 1 s): {verdict(ok and wall <= 1)}")
        return 0 if ok and wall <= 1 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
