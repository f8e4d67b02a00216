"""Regressions for the hostile probe's findings (an unprivileged user, a canary folder outside the
root, plans run through `fileagent apply`). Each test reproduces one finding as it was reported.

F1/F2  names are the OS's exact entries: a backslash or a decomposed name is never read as another file.
"""
from __future__ import annotations

import os

import pytest

from sec_kit import Sandbox, run_cli

NFD, NFC = "cafe\u0301", "caf\u00e9"


@pytest.fixture
def sb(tmp_path):
    return Sandbox.create(tmp_path / "h", links=False)


def undo(sb):
    return run_cli(["undo", "--yes", "--root", str(sb.root), "--config", str(sb.config)])


@pytest.mark.skipif(os.name == "nt", reason="a backslash is a separator on Windows")
def test_f1_backslash_name_is_one_file(sb):
    (sb.root / "x").mkdir()
    (sb.root / "x" / "y.txt").write_bytes(b"victim\n")
    (sb.root / "x\\y.txt").write_bytes(b"bs\n")
    r = sb.apply({"version": 1, "steps": [{"op": "update", "select": {"in": ".", "pattern": "x?y.txt"},
                                           "mode": "append", "text": "more"}]})
    assert r.code == 0, r.err
    assert (sb.root / "x\\y.txt").read_bytes() == b"bs\nmore\n"
    assert (sb.root / "x" / "y.txt").read_bytes() == b"victim\n"
    r = sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"in": ".", "pattern": "x?y.txt"}}]})
    assert r.code == 0, r.err
    assert not (sb.root / "x\\y.txt").exists()
    assert (sb.root / "x" / "y.txt").read_bytes() == b"victim\n"
    for _ in range(2):
        u = undo(sb)
        assert u.code == 0, u.err
    assert (sb.root / "x\\y.txt").read_bytes() == b"bs\n"
    assert (sb.root / "x" / "y.txt").read_bytes() == b"victim\n"


@pytest.mark.skipif(os.name == "nt", reason="a backslash is a separator on Windows")
def test_f1_backslash_with_dotdot_is_still_refused(sb):
    r = sb.apply({"version": 1, "steps": [{"op": "create", "path": "..\\outside\\x.txt", "content": "x"}]})
    assert r.code == 3 and r.one_line_error()


def _nfd_tree(sb):
    try:
        (sb.root / NFD).mkdir()
        (sb.root / NFC).mkdir()
    except FileExistsError:
        pytest.skip("this filesystem normalises names")
    (sb.root / NFD / "a.txt").write_bytes(b"needle in NFD\n")
    (sb.root / NFC / "a.txt").write_bytes(b"keep me\n")


def test_f2_decomposed_name_is_acted_on_itself(sb):
    _nfd_tree(sb)
    r = sb.apply({"version": 1, "steps": [{"op": "delete", "select": {
        "in": ".", "pattern": "a.txt", "recursive": True, "filters": {"contains": "needle"}}}]})
    assert r.code == 0, r.err
    assert not (sb.root / NFD / "a.txt").exists()
    assert (sb.root / NFC / "a.txt").read_bytes() == b"keep me\n"
    assert undo(sb).code == 0
    assert (sb.root / NFD / "a.txt").read_bytes() == b"needle in NFD\n"


def test_f2_move_out_of_a_decomposed_folder(sb):
    try:
        (sb.root / NFD).mkdir()
    except FileExistsError:
        pytest.skip("this filesystem normalises names")
    (sb.root / NFD / "b.txt").write_bytes(b"b\n")
    # typed precomposed, stored decomposed: matched by NFC, acted on under the name on disk
    r = sb.apply({"version": 1, "steps": [{"op": "move", "select": {"path": f"{NFC}/b.txt"}, "to": "docs"}]})
    assert r.code == 0, r.err
    assert (sb.root / "docs" / "b.txt").read_bytes() == b"b\n"
    r = sb.apply({"version": 1, "steps": [{"op": "move", "select": {"path": "docs/b.txt"}, "to": NFD}]})
    assert r.code == 0, r.err
    assert (sb.root / NFD / "b.txt").exists() and not (sb.root / NFC).exists()
