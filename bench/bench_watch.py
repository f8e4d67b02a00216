"""Benchmark `fileagent watch`: a burst of files, the delay from a file's last write to its move,
and the watcher's CPU time while idle.

    python bench/bench_watch.py [--files 1000] [--settle 0.5] [--singles 20] [--idle 10]

One rule (move *.pdf in downloads to docs/papers) and a real watcher process (`fileagent watch
--yes`, the native observer) on a fresh temporary root:

1. burst: N files written at once; all must be moved. Printed: the time from the last write to the
   last move, minus the settle time, against the peer measured in the same run: `fileagent apply`
   of the same plan on a copy of the same N files (process start included in both).
2. latency: single files written one at a time, a few seconds apart; for each, the time from the
   end of its last write to its move (the move's audit entry time), minus the settle time.
   Floor: a median of at most 1 s.
3. idle: the watcher's user+system CPU time over IDLE seconds with nothing happening
   (/proc/PID/stat, Linux). Floor: at most 0.1 s over 10 s (1% of a core).

Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

RULE = {"version": 1, "steps": [{"op": "move", "select": {"in": "downloads", "pattern": "*.pdf"}, "to": "docs/papers"}]}


def fa(args, env, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "fileagent", *args], env=env, capture_output=True, text=True, input=stdin, check=False
    )


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def audit_times(path: Path) -> dict[str, float]:
    """src -> wall time of its move, from the audit log."""
    out = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        e = json.loads(line)
        if e.get("op") == "move" and e.get("result") == "ok":
            out[e["src"]] = datetime.fromisoformat(e["time"].replace("Z", "+00:00")).timestamp()
    return out


def wait_for(cond, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.02)
    return cond()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--settle", type=float, default=0.5)
    ap.add_argument("--singles", type=int, default=20)
    ap.add_argument("--idle", type=float, default=10.0)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_watch_"))
    ok = True
    try:
        env = {
            **os.environ,
            "XDG_STATE_HOME": str(tmp / "state"),
            "XDG_CONFIG_HOME": str(tmp / "cfg"),
            "HOME": str(tmp),
            "NO_COLOR": "1",
        }
        env.pop("FILEAGENT_CONFIG", None)
        audit = tmp / "state" / "fileagent" / "logs" / "audit.jsonl"

        # the peer: apply of the same plan on the same number of files
        peer = tmp / "peer"
        (peer / "downloads").mkdir(parents=True)
        for i in range(a.files):
            (peer / "downloads" / f"f{i:05}.pdf").write_bytes(b"%PDF-1.4 bench\n")
        t = time.monotonic()
        r = fa(["apply", "--root", str(peer), "--yes", "-"], env, json.dumps(RULE))
        apply_s = time.monotonic() - t
        if r.returncode != 0:
            print("apply failed:", r.stderr)
            return 1

        root = tmp / "root"
        (root / "downloads").mkdir(parents=True)
        (root / "docs").mkdir()
        r = fa(["rule", "add", "--root", str(root), "--name", "pdfs", "--from-plan", "-"], env, json.dumps(RULE))
        if r.returncode != 0:
            print("rule add failed:", r.stderr)
            return 1
        p = subprocess.Popen(
            [sys.executable, "-m", "fileagent", "watch", "--root", str(root), "--yes", "--settle", str(a.settle)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        out: list[str] = []
        err: list[str] = []
        for stream, sink in ((p.stdout, out), (p.stderr, err)):
            threading.Thread(target=lambda s=stream, k=sink: [k.append(x) for x in s], daemon=True).start()
        if not wait_for(lambda: any("watching" in x for x in err), 60):
            print("the watcher did not start:", err)
            return 1
        papers = root / "docs" / "papers"

        # 1. burst
        for i in range(a.files):
            (root / "downloads" / f"f{i:05}.pdf").write_bytes(b"%PDF-1.4 bench\n")
        last_write = time.time()
        done = wait_for(lambda: papers.is_dir() and len(os.listdir(papers)) == a.files, 120)
        moved = len(os.listdir(papers)) if papers.is_dir() else 0
        times = audit_times(audit)
        burst_s = max(times.values()) - last_write if times else float("nan")
        batches = sum("rule pdfs:" in x for x in out)
        print(
            f"burst: {moved}/{a.files} files moved in {batches} batch(es); last write -> last move "
            f"{burst_s:.2f} s, minus settle {burst_s - a.settle:.2f} s; peer `fileagent apply` of "
            f"{a.files} files {apply_s:.2f} s; ratio (watch - settle) / apply = "
            f"{(burst_s - a.settle) / apply_s:.2f}"
        )
        ok &= done and moved == a.files

        # 2. latency of single files
        lat = []
        for i in range(a.singles):
            name = f"s{i:03}.pdf"
            with open(root / "downloads" / name, "wb") as f:
                f.write(b"%PDF-1.4 single\n")
            wrote = time.time()
            wait_for(lambda n=name: f"downloads/{n}" in audit_times(audit), 30)
            moved_at = audit_times(audit).get(f"downloads/{name}")
            if moved_at is None:
                print(f"latency: {name} was not moved")
                ok = False
                continue
            lat.append(moved_at - wrote - a.settle)
            time.sleep(0.3)
        if lat:
            lat.sort()
            med = statistics.median(lat)
            p95 = lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))]
            print(
                f"latency (last write -> move, minus settle {a.settle:g} s) over {len(lat)} files: "
                f"median {med:.3f} s, p95 {p95:.3f} s; floor: median <= 1 s -> "
                f"{'ok' if med <= 1.0 else 'FAIL'} ({med / 1.0:.2f} of the floor)"
            )
            ok &= med <= 1.0

        # 3. idle CPU
        if sys.platform.startswith("linux"):
            time.sleep(max(1.0, 2 * a.settle))
            c0 = cpu_seconds(p.pid)
            time.sleep(a.idle)
            used = cpu_seconds(p.pid) - c0
            limit = 0.1 * a.idle / 10
            print(
                f"idle: watcher CPU over {a.idle:g} s: {used:.3f} s; floor: <= {limit:g} s -> "
                f"{'ok' if used <= limit else 'FAIL'} ({used / limit:.2f} of the floor)"
            )
            ok &= used <= limit
        else:
            print("idle: CPU time is read from /proc (Linux only); skipped")

        p.terminate()
        rc = p.wait(timeout=10)
        print(f"stop: SIGTERM -> exit {rc}")
        ok &= rc == 0
        errors = [x for x in err if "error" in x]
        if errors:
            print("errors:", "".join(errors[:5]))
            ok = False
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
