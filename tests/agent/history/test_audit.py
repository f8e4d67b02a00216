"""The audit log's hash chain: intact logs verify; edits, deletions, reorders and truncation name the first bad seq."""

from __future__ import annotations

import json
import os
import threading

import pytest

from fileagent.agent.history.audit import AuditWriter, head_path, read_entries, verify


def write_log(path, n, run="r1"):
    w = AuditWriter(path, run=run, user="u", flush_every=7)
    for i in range(n):
        w.add(
            time=f"2026-11-23T09:00:{i % 60:02d}.000Z",
            op="move",
            src=f"f{i}.txt",
            dst=f"d/f{i}.txt",
            size_before=i,
            size_after=i,
        )
    w.flush()


def lines(path):
    return path.read_bytes().split(b"\n")[:-1]


def put(path, ls):
    path.write_bytes(b"\n".join(ls) + b"\n")


@pytest.fixture
def log(tmp_path):
    p = tmp_path / "audit.jsonl"
    write_log(p, 20)
    return p


def test_intact_chain(log):
    assert verify(log) == (True, None, "20 entries, chain intact")
    entries = read_entries(log)
    assert [e["seq"] for e in entries] == list(range(1, 21)) and entries[0]["prev"] == "0" * 64
    assert log.read_bytes().startswith(b'{"seq":1,"prev":"' + b"0" * 64 + b'",')


def test_appends_continue_the_chain_across_runs(log):
    write_log(log, 5, run="r2")
    assert verify(log)[0] and read_entries(log)[-1]["seq"] == 25


@pytest.mark.parametrize("k", [1, 7, 20])
def test_edit_detected(log, k):
    ls = lines(log)
    e = json.loads(ls[k - 1])
    e["src"] = "other.txt"
    ls[k - 1] = json.dumps(e, separators=(",", ":")).encode()
    put(log, ls)
    ok, bad, msg = verify(log)
    assert (ok, bad) == (False, k), msg


def test_edit_of_prev_field_detected(log):
    ls = lines(log)
    ls[9] = ls[9].replace(ls[9][17:27], b"0" * 10)
    put(log, ls)
    assert verify(log)[:2] == (False, 10)


@pytest.mark.parametrize("k", [1, 5, 19])
def test_deletion_detected(log, k):
    ls = lines(log)
    del ls[k - 1]
    put(log, ls)
    assert verify(log)[:2] == (False, k)


def test_reorder_detected(log):
    ls = lines(log)
    ls[4], ls[5] = ls[5], ls[4]
    put(log, ls)
    assert verify(log)[:2] == (False, 5)


@pytest.mark.parametrize("cut", [1, 3])
def test_truncated_tail_detected(log, cut):
    put(log, lines(log)[:-cut])
    ok, bad, msg = verify(log)
    assert (ok, bad) == (False, 21 - cut) and "truncated" in msg


def test_torn_last_line_detected(log):
    data = log.read_bytes()
    log.write_bytes(data[:-30])
    assert verify(log)[:2] == (False, 20)


def test_missing_head_file_fails(log):
    os.unlink(head_path(log))
    assert verify(log)[0] is False


def test_concurrent_writers_do_not_interleave(tmp_path):
    p = tmp_path / "audit.jsonl"
    threads = [threading.Thread(target=write_log, args=(p, 200, f"r{i}")) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert verify(p) == (True, None, "800 entries, chain intact")


def test_missing_log_is_ok(tmp_path):
    assert verify(tmp_path / "none.jsonl")[0]
