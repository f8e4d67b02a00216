"""The msvcrt-style lock of the windows mode (tools/fs/locking.py): one holder per process and
descriptor, whether the contenders are threads or processes; msvcrt's errors for a lock refused,
given up on, or unlocked without being held; dead holders' markers taken over by exactly one
locker. Each test picks the windows mode with `fs_mode`, so they run under every suite's mode."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from fileagent.agent.history.audit import AuditWriter, verify
from fileagent.tools.fs import locking

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def win(fs_mode, monkeypatch):
    """Windows rules, without fcntl, and short pauses so that waiting tests run in a moment."""
    fs_mode("windows")
    monkeypatch.setitem(sys.modules, "fcntl", None)
    monkeypatch.setattr(locking, "PAUSE", 0.01)


def opened(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT)


def leftovers(folder: Path) -> list[str]:
    """Marker, reap and temp files still in `folder`."""
    return sorted(n for n in os.listdir(folder) if locking.SUFFIX in n)


def python(script: str, *args: str, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO), FILEAGENT_PORTABLE="windows")
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


# A child that locks PATH, says "held", waits for a line on stdin, unlocks and says "free".
HOLDER = """
    import os, sys
    from fileagent.tools.fs import locking
    fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
    locking.lock(fd, sys.argv[1], blocking=False)
    print("held", flush=True)
    sys.stdin.readline()
    locking.unlock(fd, sys.argv[1])
    print("free", flush=True)
"""

# A child that, N times, takes the lock, checks that nobody else is inside (an O_EXCL file), and
# adds one to the counter file; exits 0 when all went well.
COUNTER = """
    import os, sys, time
    from fileagent.tools.fs import locking
    locking.PAUSE, locking.TRIES = 0.005, 100_000
    path, n = sys.argv[1], int(sys.argv[2])
    inside, counter = path + ".inside", path + ".count"
    for _ in range(n):
        fd = os.open(path, os.O_RDWR | os.O_CREAT)
        try:
            locking.lock(fd, path, blocking=True)
            os.close(os.open(inside, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            with open(counter) as f:
                k = int(f.read())
            time.sleep(0.001)
            with open(counter, "w") as f:
                f.write(str(k + 1))
            os.unlink(inside)
            locking.unlock(fd, path)
        finally:
            os.close(fd)
"""


def test_threads_take_turns(tmp_path, win, monkeypatch):
    monkeypatch.setattr(locking, "PAUSE", 0.001)
    monkeypatch.setattr(locking, "TRIES", 100_000)  # this test is about turns, not giving up
    path = tmp_path / "lock"
    state = {"inside": 0, "count": 0}
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(40):
                fd = opened(path)
                try:
                    locking.lock(fd, path, blocking=True)
                    state["inside"] += 1
                    assert state["inside"] == 1, "two threads hold the lock at once"
                    k = state["count"]
                    time.sleep(0.0005)
                    state["count"] = k + 1
                    state["inside"] -= 1
                    locking.unlock(fd, path)
                finally:
                    os.close(fd)
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and state["count"] == 160
    assert leftovers(tmp_path) == []


def test_processes_take_turns(tmp_path):
    path = tmp_path / "lock"
    (tmp_path / "lock.count").write_text("0")
    procs = [python(COUNTER, str(path), "30") for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    assert (tmp_path / "lock.count").read_text() == "90"
    assert leftovers(tmp_path) == []


def test_another_process_holds_it_until_it_lets_go(tmp_path, win, monkeypatch):
    path = tmp_path / "lock"
    child = python(HOLDER, str(path))
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline() == "held\n"
    fd = opened(path)
    try:
        with pytest.raises(PermissionError) as ei:  # LK_NBLCK: refused at once
            locking.lock(fd, path, blocking=False)
        assert ei.value.errno == errno.EACCES
        with pytest.raises(OSError) as ei:  # LK_LOCK: 10 tries, then EDEADLOCK
            locking.lock(fd, path, blocking=True)
        assert ei.value.errno == errno.EDEADLK
        with pytest.raises(PermissionError) as ei:  # its lock is not ours to unlock
            locking.unlock(fd, path)
        assert ei.value.errno == errno.EACCES

        monkeypatch.setattr(locking, "PAUSE", 0.05)
        got: list[float] = []
        waiter = threading.Thread(target=lambda: (locking.lock(fd, path, blocking=True), got.append(time.monotonic())))
        waiter.start()
        time.sleep(0.12)  # the waiter has tried and is pausing between tries
        assert got == []
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline() == "free\n"
        waiter.join(timeout=10)
        assert got, "the waiting locker did not get the lock once it was free"
        locking.unlock(fd, path)
    finally:
        os.close(fd)
        child.kill()
        child.communicate()
    assert leftovers(tmp_path) == []


def test_unlocking_what_this_descriptor_does_not_hold_is_eacces(tmp_path, win):
    path = tmp_path / "lock"
    a, b = opened(path), os.open(path, os.O_RDWR)
    try:
        with pytest.raises(PermissionError) as ei:  # never locked
            locking.unlock(a, path)
        assert ei.value.errno == errno.EACCES
        locking.lock(a, path, blocking=False)
        with pytest.raises(PermissionError):  # same process, another descriptor
            locking.unlock(b, path)
        with pytest.raises(PermissionError):  # and a's lock is still held
            locking.lock(b, path, blocking=False)
        with pytest.raises(PermissionError):  # msvcrt locks do not nest on one descriptor
            locking.lock(a, path, blocking=False)
        done: list[bool] = []
        t = threading.Thread(target=lambda: (locking.unlock(a, path), done.append(True)))
        t.start()  # another thread may unlock through the holding descriptor: locks are per handle
        t.join()
        assert done == [True]
        with pytest.raises(PermissionError) as ei:  # already unlocked
            locking.unlock(a, path)
        assert ei.value.errno == errno.EACCES
        locking.lock(b, path, blocking=False)
        locking.unlock(b, path)
    finally:
        os.close(a)
        os.close(b)
    assert leftovers(tmp_path) == []


def test_closing_the_descriptor_lets_the_lock_go(tmp_path, win):
    path = tmp_path / "lock"
    a = opened(path)
    locking.lock(a, path, blocking=False)
    os.close(a)
    other = os.open(os.devnull, os.O_RDONLY)  # takes a's number, so that b is a new one
    b = opened(path)
    try:
        assert b != a
        locking.lock(b, path, blocking=False)
        with pytest.raises(PermissionError):  # the closed descriptor's lock is gone, so is its unlock
            locking.unlock(a, path)
        locking.unlock(b, path)
    finally:
        os.close(b)
        os.close(other)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_holds_none_of_its_parents_locks(tmp_path, win):
    path = tmp_path / "lock"
    fd = opened(path)
    try:
        locking.lock(fd, path, blocking=False)
        pid = os.fork()
        if pid == 0:  # the child: same descriptor number, another process
            code = 0
            try:
                locking.unlock(fd, path)
                code = 1
            except PermissionError:
                try:
                    locking.lock(fd, path, blocking=False)
                    code = 2
                except PermissionError:
                    pass
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        locking.unlock(fd, path)
    finally:
        os.close(fd)


def dead_pid() -> int:
    p = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(p.stdout)


def test_a_dead_holder_is_taken_over_by_exactly_one_process(tmp_path):
    path = tmp_path / "lock"
    (tmp_path / ("lock" + locking.SUFFIX)).write_text(f"{dead_pid()} 0123abcd")
    go = tmp_path / "go"
    script = """
        import os, sys, time
        from fileagent.tools.fs import locking
        path, go = sys.argv[1], sys.argv[2]
        fd = os.open(path, os.O_RDWR | os.O_CREAT)
        while not os.path.exists(go):
            time.sleep(0.001)
        try:
            locking.lock(fd, path, blocking=False)
        except PermissionError:
            print("refused", flush=True)
        else:
            print("got", flush=True)
            time.sleep(1.5)
            locking.unlock(fd, path)
    """
    procs = [python(script, str(path), str(go)) for _ in range(4)]
    time.sleep(0.5)
    go.touch()
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, outs
    assert sorted(o for o, _ in outs) == ["got\n"] + ["refused\n"] * 3
    assert leftovers(tmp_path) == []


def test_a_reaper_killed_midway_does_not_wedge_the_lock(tmp_path, win):
    path = tmp_path / "lock"
    marker = str(tmp_path / ("lock" + locking.SUFFIX))
    Path(marker).write_text(f"{dead_pid()} 0123abcd")
    seen = locking._read(marker)
    assert seen is not None
    Path(locking._reap_name(marker, seen)).write_text(f"{dead_pid()} 4567ef01")  # it died holding the reap
    fd = opened(path)
    try:
        locking.lock(fd, path, blocking=False)
        locking.unlock(fd, path)
    finally:
        os.close(fd)
    assert leftovers(tmp_path) == []


def write_log(path: Path, n: int, run: str) -> None:
    w = AuditWriter(path, run=run, user="u", flush_every=7)
    for i in range(n):
        w.add(time=f"2026-11-23T09:00:{i % 60:02d}.000Z", op="move", src=f"f{i}.txt", dst=f"d/f{i}.txt")
    w.flush()


def test_concurrent_audit_writers_under_windows_rules(tmp_path, win, monkeypatch):
    monkeypatch.setattr(locking, "TRIES", 10_000)  # the pauses are short here; the turns are the point
    p = tmp_path / "audit.jsonl"
    threads = [threading.Thread(target=write_log, args=(p, 100, f"t{i}")) for i in range(4)]
    for t in threads:
        t.start()
    script = """
        import sys
        from pathlib import Path
        from fileagent.agent.history.audit import AuditWriter
        from fileagent.tools.fs import locking
        locking.PAUSE, locking.TRIES = 0.01, 10_000
        w = AuditWriter(Path(sys.argv[1]), run=sys.argv[2], user="u", flush_every=7)
        for i in range(100):
            w.add(time="2026-11-23T09:00:00.000Z", op="move", src=f"f{i}.txt", dst=f"d/f{i}.txt")
        w.flush()
    """
    procs = [python(script, str(p), f"p{i}") for i in range(2)]
    outs = [q.communicate(timeout=120) for q in procs]
    for t in threads:
        t.join()
    assert [q.returncode for q in procs] == [0, 0], outs
    assert verify(p) == (True, None, "600 entries, chain intact")
    assert leftovers(tmp_path) == []
