from __future__ import annotations

import re

import pytest

from fileagent.agent.history import journal as jr
from fileagent.errors import ActionError


def test_run_ids_sort_by_time():
    rid = jr.new_run_id()
    assert re.fullmatch(r"\d{8}T\d{9}-[0-9a-f]{6}", rid)
    import time

    time.sleep(0.002)
    assert jr.new_run_id() > rid


def test_write_read_roundtrip_and_torn_tail(tmp_path):
    p = jr.journal_path(tmp_path, "20260101T000000-000001")
    with jr.JournalWriter(p) as jw:
        jw.write({"t": "header", "run": "20260101T000000-000001", "changeset": []})
        jw.write_many([{"t": "intent", "seq": 1, "backup": None}, {"t": "intent", "seq": 2, "backup": "x"}])
        jw.write({"t": "made", "seq": 1, "dirs": ["a", "a/b"]})
        jw.write({"t": "done", "seq": 1})
        jw.write({"t": "undo-intent", "seq": 1})
    with open(p, "ab") as f:
        f.write(b'{"t":"undo-do')  # torn by a crash mid-write
    j = jr.read_journal(p)
    assert sorted(j.intents) == [1, 2] and list(j.done) == [1] and j.made == {1: [["a", "a/b"]]}
    assert j.undo_intents == {1} and not j.finished and j.undo_started()
    assert jr.list_runs(tmp_path) == ["20260101T000000-000001"]


def test_corrupt_journal_is_an_error(tmp_path):
    p = jr.journal_path(tmp_path, "r")
    p.parent.mkdir(parents=True)
    p.write_text('{"t":"header","run":"r","changeset":[]}\nnot json\n{"t":"end"}\n')
    with pytest.raises(ActionError, match="corrupt"):
        jr.read_journal(p)


def test_root_lock_is_exclusive(tmp_path):
    with jr.RootLock(tmp_path):
        with pytest.raises(ActionError, match="another fileagent process"):
            with jr.RootLock(tmp_path):
                pass
    with jr.RootLock(tmp_path):
        pass
