"""Tampering with the audit log is detected and the first bad seq is named.

One edit (any byte of one entry), one deleted entry, one entry moved elsewhere,
or the tail cut off (whole entries or mid-line): `verify` fails and names the
first seq whose entry is no longer the one written, in 100% of trials; the CLI
(`fileagent log verify`) exits 1 with that seq in its one-line error.

Out of scope (documented limit of an unkeyed hash chain): someone who rewrites
every later entry *and* the `.head` sidecar consistently is not detected; that
needs a key or an anchor kept outside the attacker's reach.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sec_kit import long_count, record_figures, run_cli

from fileagent.agent.history.audit import AuditWriter, verify


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch):
    """Logs are built thousands of times here; durability is not what these trials test."""
    monkeypatch.setattr("os.fsync", lambda fd: None)


KINDS = ("edit", "delete", "move", "truncate_entries", "truncate_midline")


def write_log(path: Path, n: int, seed: int = 0) -> list[bytes]:
    rnd = random.Random(seed)
    w = AuditWriter(path, run="20261123T000000-abcdef", user="tester", flush_every=10**9)
    for i in range(n):
        op = rnd.choice(["move", "delete", "write", "copy", "mkdir"])
        w.add(
            time=f"2026-11-23T00:00:{i % 60:02d}.000Z",
            op=op,
            src=f"dir{i % 7}/file{i}.txt",
            dst=f"dest/file{i}.txt" if op in ("move", "copy") else None,
            size_before=rnd.randint(0, 10**6),
            sha256=f"{rnd.getrandbits(256):064x}",
            backup=f"run/{i + 1}/file{i}.txt",
        )
    w.flush()
    return path.read_bytes().split(b"\n")[:-1]


def tamper(lines: list[bytes], kind: str, rnd: random.Random) -> tuple[bytes, int]:
    """The tampered file content and the first seq (1-based) that no longer holds its original entry."""
    n = len(lines)
    lines = list(lines)
    if kind == "edit":
        k = rnd.randrange(n)
        line = bytearray(lines[k])
        pos = rnd.randrange(len(line))
        old = line[pos]
        line[pos] = rnd.choice([c for c in range(0x20, 0x7F) if c != old])
        lines[k] = bytes(line)
        return b"\n".join(lines) + b"\n", k + 1
    if kind == "delete":
        k = rnd.randrange(n)
        del lines[k]
        return b"\n".join(lines) + (b"\n" if lines else b""), k + 1
    if kind == "move":  # one entry taken out and put back at another position
        i = rnd.randrange(n)
        j = rnd.choice([x for x in range(n) if x != i])
        entry = lines.pop(i)
        lines.insert(j, entry)
        return b"\n".join(lines) + b"\n", min(i, j) + 1
    if kind == "truncate_entries":
        keep = rnd.randrange(n)
        return b"".join(ln + b"\n" for ln in lines[:keep]), keep + 1
    # truncate_midline: cut inside entry k (keeping at least one byte of it, never its whole line)
    k = rnd.randrange(n)
    cut = rnd.randrange(1, len(lines[k]))
    return b"".join(ln + b"\n" for ln in lines[:k]) + lines[k][:cut], k + 1


def one_trial(tmp: Path, n: int, kind: str, seed: int, *, via_cli: bool = False) -> tuple[bool, int, int | None]:
    """Write a log, tamper once, verify. Returns (detected with the right seq, expected, reported)."""
    log = tmp / f"audit-{seed}.jsonl"
    for p in (log, log.with_name(log.name + ".head")):
        p.unlink(missing_ok=True)
    lines = write_log(log, n, seed)
    assert verify(log)[0]
    data, expected = tamper(lines, kind, random.Random(seed))
    log.write_bytes(data)
    ok, bad, msg = verify(log)
    good = (not ok) and bad == expected
    if via_cli:
        cfg = tmp / f"cfg-{seed}.yaml"
        cfg.write_text(f"agent:\n  log_path: {log.name}\n", encoding="utf-8")
        r = run_cli(["log", "verify", "--config", str(cfg)])
        good = good and r.code == 1 and r.one_line_error() and f"seq {expected}" in r.err and not r.traceback
    return good, expected, bad


def test_intact_log_verifies(tmp_path):
    log = tmp_path / "audit.jsonl"
    write_log(log, 25)
    assert verify(log) == (True, None, "25 entries, chain intact")
    cfg = tmp_path / "c.yaml"
    cfg.write_text("agent:\n  log_path: audit.jsonl\n", encoding="utf-8")
    r = run_cli(["log", "verify", "--config", str(cfg)])
    assert r.code == 0 and "chain intact" in r.out


@pytest.mark.parametrize("kind", KINDS)
def test_each_tamper_kind_named_through_cli(tmp_path, kind):
    for seed in range(4):
        good, expected, bad = one_trial(tmp_path, 12, kind, seed * 31 + KINDS.index(kind), via_cli=True)
        assert good, (kind, seed, expected, bad)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(1, 40), kind=st.sampled_from(KINDS), seed=st.integers(0, 2**32 - 1))
def test_tamper_property(tmp_path, n, kind, seed):
    if kind == "move" and n < 2:
        kind = "edit"
    good, expected, bad = one_trial(tmp_path, n, kind, seed)
    assert good, (n, kind, seed, expected, bad)


@pytest.mark.long
def test_tamper_long_and_verify_speed(tmp_path):
    trials = long_count(5000)
    rnd = random.Random(4)
    caught = 0
    misses = []
    for t in range(trials):
        kind = KINDS[t % len(KINDS)]
        n = rnd.randint(2, 200)
        good, expected, bad = one_trial(tmp_path, n, kind, rnd.getrandbits(32), via_cli=(t % 100 == 0))
        caught += good
        if not good:
            misses.append((kind, n, expected, bad))
    big = tmp_path / "big.jsonl"
    write_log(big, 100_000)
    t0 = time.perf_counter()
    ok, bad, msg = verify(big)
    secs = time.perf_counter() - t0
    record_figures(
        "audit_tamper",
        trials=trials,
        detected=caught,
        detection_pct=round(100 * caught / trials, 3),
        verify_100k_entries_s=round(secs, 3),
        misses=misses[:5],
    )
    assert ok and msg.startswith("100000 entries")
    assert caught == trials, misses[:5]
    assert secs <= 1.0
