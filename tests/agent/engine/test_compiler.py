"""The compiler as a whole: steps see earlier steps, conflicts, the Guard on every path, limits."""

from __future__ import annotations

import os

import pytest

from fileagent.agent.engine.changeset import Action, ChangeSet, Fingerprint
from fileagent.errors import PlanError, PolicyError


def moves(cs: ChangeSet) -> list[tuple]:
    return [(a.kind, a.src, a.dst) for a in cs.actions if a.kind != "emit"]


def listed(cs: ChangeSet, step: int | None = None) -> list[str]:
    return [a.src for a in cs.actions if a.kind == "emit" and a.note == "list" and (step is None or a.step == step)]


def test_create_folder_then_move_into_it(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"todo.txt": "x"})
    cs = compile_steps(
        tmp_path,
        [{"op": "create", "path": "old", "kind": "dir"}, {"op": "move", "select": {"path": "todo.txt"}, "to": "old"}],
    )
    assert moves(cs) == [("mkdir", None, "old"), ("move", "todo.txt", "old/todo.txt")]
    assert [a.seq for a in cs.actions] == [1, 2] and [a.step for a in cs.actions] == [1, 2]


def test_copy_then_delete_original_and_list_sees_both_steps(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a.txt": "x", "b.txt": "y"})
    cs = compile_steps(
        tmp_path,
        [
            {"op": "copy", "select": {"path": "a.txt"}, "to": "backup"},
            {"op": "delete", "select": {"path": "a.txt"}},
            {"op": "list", "select": {"recursive": True}},
            {"op": "read", "select": {"path": "backup/a.txt"}},
        ],
    )
    assert moves(cs) == [("mkdir", None, "backup"), ("copy", "a.txt", "backup/a.txt"), ("delete", "a.txt", None)]
    assert listed(cs, 3) == ["b.txt", "backup/a.txt"]
    assert cs.outputs[-1] == (4, "read", "x")


def test_update_after_move_reads_the_moved_file(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a.txt": "one"})
    cs = compile_steps(
        tmp_path,
        [
            {"op": "move", "select": {"path": "a.txt"}, "to": "d"},
            {"op": "update", "select": {"path": "d/a.txt"}, "mode": "append", "text": "two"},
        ],
    )
    w = cs.actions[-1]
    assert (w.kind, w.src, w.content) == ("write", "d/a.txt", b"one\ntwo\n")
    assert w.expect == {}  # d/a.txt did not exist before the run: no fingerprint to check


def test_fingerprints_describe_the_tree_before_the_run(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a.txt": "abc", "dst/": None})
    st = os.lstat(tmp_path / "a.txt")
    cs = compile_steps(tmp_path, [{"op": "move", "select": {"path": "a.txt"}, "to": "dst"}])
    a = cs.actions[0]
    assert a.expect["a.txt"] == Fingerprint(True, False, 3, st.st_mtime_ns, st.st_ino)
    assert a.expect["dst/a.txt"] == Fingerprint(exists=False)
    assert Action.from_dict(a.to_dict()).expect == a.expect


def test_two_sources_one_destination_rename_new(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"x/r.txt": "1", "y/r.txt": "2", "out/r.txt": "0"})
    cs = compile_steps(
        tmp_path, [{"op": "move", "select": {"pattern": "r.txt", "recursive": True, "in": "."}, "to": "out"}]
    )
    # out/r.txt itself is already in out: left alone
    assert moves(cs) == [("move", "x/r.txt", "out/r (1).txt"), ("move", "y/r.txt", "out/r (2).txt")]
    assert [(c.path, c.resolution, c.result) for c in cs.conflicts] == [
        ("out/r.txt", "rename_new", "out/r (1).txt"),
        ("out/r.txt", "rename_new", "out/r (2).txt"),
    ]


def test_conflict_skip(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a.txt": "new", "b.txt": "b", "out/a.txt": "old"})
    cs = compile_steps(tmp_path, [{"op": "move", "select": {"pattern": "*.txt"}, "to": "out"}], on_conflict="skip")
    assert moves(cs) == [("move", "b.txt", "out/b.txt")]
    assert [(c.path, c.resolution, c.result) for c in cs.conflicts] == [("out/a.txt", "skip", None)]


def test_conflict_overwrite_from_config(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a.txt": "new", "out/a.txt": "old"})
    cs = compile_steps(
        tmp_path, [{"op": "move", "select": {"path": "a.txt"}, "to": "out"}], agent={"on_conflict": "overwrite"}
    )
    a = cs.actions[0]
    assert (a.kind, a.dst, a.overwrite) == ("move", "out/a.txt", True)
    assert a.expect["out/a.txt"].exists and a.expect["out/a.txt"].size == 3
    assert cs.conflicts[0].resolution == "overwrite"


def test_overwrite_folder_with_file_is_a_plan_error(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a": "file", "out/a/": None})
    with pytest.raises(PlanError, match="cannot overwrite the folder"):
        compile_steps(tmp_path, [{"op": "move", "select": {"path": "a"}, "to": "out"}], on_conflict="overwrite")


def test_conflict_with_a_file_created_by_an_earlier_step(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"notes.txt": "n"})
    cs = compile_steps(
        tmp_path,
        [
            {"op": "create", "path": "keep/notes.txt", "content": "mine"},
            {"op": "copy", "select": {"path": "notes.txt"}, "to": "keep"},
        ],
    )
    assert moves(cs)[-1] == ("copy", "notes.txt", "keep/notes (1).txt")


def test_move_folder_into_itself_and_file_onto_itself(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"d/x.txt": "x"})
    with pytest.raises(PlanError, match="into itself"):
        compile_steps(tmp_path, [{"op": "move", "select": {"path": "d"}, "to": "d/sub"}])
    with pytest.raises(PlanError, match="already in"):
        compile_steps(tmp_path, [{"op": "move", "select": {"path": "d/x.txt"}, "to": "d"}])
    with pytest.raises(PlanError, match="onto itself"):
        compile_steps(tmp_path, [{"op": "copy", "select": {"path": "d/x.txt"}, "to": "d"}], on_conflict="overwrite")


# ---------------------------------------------------------------- Guard on every path


@pytest.mark.parametrize(
    "step, path",
    [
        ({"op": "delete", "select": {"path": "../outside.txt"}}, "../outside.txt"),
        ({"op": "move", "select": {"path": "a.txt"}, "to": "/tmp"}, "/tmp"),
        ({"op": "list", "select": {"in": "../"}}, "../"),
        ({"op": "create", "path": "tools/x.exe", "content": "MZ"}, "tools/x.exe"),
        ({"op": "rename", "path": "a.txt", "new_name": "run.sh"}, "run.sh"),
        (
            {
                "op": "classify",
                "select": {"pattern": "*.txt"},
                "by": "keywords",
                "rules": [{"keywords": ["a"], "folder": "../escape"}],
            },
            "../escape",
        ),
        ({"op": "move", "select": {"path": "a.txt"}, "to": ".fileagent/x"}, ".fileagent/x"),
    ],
)
def test_every_path_goes_through_the_guard(tmp_path, make_tree, compile_steps, step, path):
    root = make_tree(tmp_path / "root", {"a.txt": "a"})
    (tmp_path / "outside.txt").write_text("o")
    with pytest.raises(PolicyError) as ei:
        compile_steps(root, [{"op": "list", "select": {}}, step])
    assert ei.value.step == 2
    assert path.rstrip("/").split("/")[-1] in str(ei.value) or path in str(ei.value), str(ei.value)


def test_bulk_selection_skips_denied_items_but_a_named_one_is_refused(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"dl/a.pdf": "a", "dl/setup.EXE": "MZ", "dl/tools/x.sh": "#!", "dl/tools/y.txt": "y"})
    cs = compile_steps(tmp_path, [{"op": "move", "select": {"in": "dl", "kind": "any"}, "to": "archive"}])
    assert {(a.src, a.dst) for a in cs.actions if a.kind == "move"} == {("dl/a.pdf", "archive/a.pdf")}
    assert {(p, why) for _, p, why in cs.skipped} == {
        ("dl/setup.EXE", "matches deny pattern '*.exe'"),
        ("dl/tools", "it contains 'dl/tools/x.sh', which matches deny pattern '*.sh'"),
    }
    with pytest.raises(PolicyError, match=r"dl/setup.EXE.*deny pattern"):
        compile_steps(tmp_path, [{"op": "delete", "select": {"path": "dl/setup.EXE"}}])
    with pytest.raises(PolicyError, match="deny pattern"):
        compile_steps(tmp_path, [{"op": "delete", "select": {"path": "dl/tools"}}])  # holds x.sh
    cs = compile_steps(tmp_path, [{"op": "delete", "select": {"in": "dl", "recursive": True}}])
    assert [a.src for a in cs.actions] == ["dl/a.pdf", "dl/tools/y.txt"]
    assert {p for _, p, _ in cs.skipped} == {"dl/setup.EXE", "dl/tools/x.sh"}
    cs = compile_steps(tmp_path, [{"op": "list", "select": {"in": "dl", "recursive": True}}])
    assert listed(cs) == ["dl/a.pdf", "dl/tools/y.txt"]
    assert {p for _, p, _ in cs.skipped} == {"dl/setup.EXE", "dl/tools/x.sh"}


def test_bulk_selection_of_only_denied_items_is_refused_naming_the_pattern(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"dl/setup.exe": "MZ"})
    with pytest.raises(PolicyError, match=r"nothing left to act on.*dl/setup.exe.*'\*.exe'"):
        compile_steps(tmp_path, [{"op": "delete", "select": {"in": "dl"}}])


def test_ops_not_allowed_refuse_the_plan_before_anything(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a.txt": "a"})
    with pytest.raises(PolicyError, match="'delete' is not allowed") as ei:
        compile_steps(
            tmp_path,
            [{"op": "list", "select": {}}, {"op": "delete", "select": {"path": "a.txt"}}],
            agent={"allow_ops": ["list", "read"]},
        )
    assert ei.value.step == 2


def test_max_batch(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {f"f{i}.txt": "x" for i in range(5)})
    cs = compile_steps(tmp_path, [{"op": "delete", "select": {}}], agent={"max_batch": 5})
    assert len(cs.mutating_actions) == 5
    with pytest.raises(PolicyError, match="max_batch"):
        compile_steps(tmp_path, [{"op": "move", "select": {}, "to": "d"}], agent={"max_batch": 5})  # +mkdir


def test_state_dir_and_hidden_paths_are_invisible(tmp_path, make_tree, compile_steps):
    make_tree(
        tmp_path,
        {"a.txt": "a", ".fileagent/journal/x.json": "{}", ".fileagent/tags.json": "{}", "logs/audit.jsonl": "{}"},
    )
    cs = compile_steps(
        tmp_path,
        [{"op": "list", "select": {"recursive": True, "kind": "any"}}],
        hidden=(tmp_path / "logs" / "audit.jsonl",),
    )
    assert listed(cs) == ["a.txt", "logs/"]
    with pytest.raises(PolicyError, match="hidden"):
        compile_steps(
            tmp_path, [{"op": "delete", "select": {"path": "logs"}}], hidden=(tmp_path / "logs" / "audit.jsonl",)
        )
    with pytest.raises(PolicyError, match="state folder"):
        compile_steps(tmp_path, [{"op": "read", "select": {"path": ".fileagent/tags.json"}}])


def test_symlink_out_skipped_in_patterns_refused_by_name(tmp_path, make_tree, compile_steps):
    root = make_tree(tmp_path / "root", {"a.txt": "a", "inner.txt": "i"})
    make_tree(tmp_path / "out", {"secret.txt": "s", "d/s2.txt": "s"})
    os.symlink(tmp_path / "out" / "secret.txt", root / "leak.txt")
    os.symlink(tmp_path / "out" / "d", root / "leakdir")
    os.symlink("inner.txt", root / "ok_link.txt")
    cs = compile_steps(root, [{"op": "delete", "select": {"pattern": "*.txt"}}])
    assert moves(cs) == [("delete", "a.txt", None), ("delete", "inner.txt", None), ("delete", "ok_link.txt", None)]
    assert [p for _, p, _ in cs.skipped] == ["leak.txt"]
    with pytest.raises(PolicyError, match="pointing outside"):
        compile_steps(root, [{"op": "read", "select": {"path": "leak.txt"}}])
    with pytest.raises(PolicyError, match="outside"):
        compile_steps(root, [{"op": "create", "path": "leakdir/new.txt", "content": "x"}])
    cs = compile_steps(root, [{"op": "list", "select": {"recursive": True, "kind": "any"}}])
    assert "leakdir/" not in listed(cs) and not any("s2" in p for p in listed(cs))


def test_empty_selection_of_a_changing_step_names_step_and_pattern(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a.txt": "a"})
    with pytest.raises(PlanError, match=r"nothing matches pattern '\*.pdf' in 'docs'") as ei:
        compile_steps(
            tmp_path,
            [
                {"op": "create", "path": "docs", "kind": "dir"},
                {"op": "delete", "select": {"in": "docs", "pattern": "*.pdf"}},
            ],
        )
    assert ei.value.step == 2
    cs = compile_steps(tmp_path, [{"op": "list", "select": {"pattern": "*.pdf"}}])
    assert cs.actions == [] and cs.outputs == []


def test_missing_path_and_folder(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a.txt": "a"})
    with pytest.raises(PlanError, match="'nope.txt' does not exist"):
        compile_steps(tmp_path, [{"op": "delete", "select": {"path": "nope.txt"}}])
    with pytest.raises(PlanError, match="folder 'nope' does not exist"):
        compile_steps(tmp_path, [{"op": "list", "select": {"in": "nope"}}])
    with pytest.raises(PlanError, match="not a folder"):
        compile_steps(tmp_path, [{"op": "list", "select": {"in": "a.txt"}}])


def test_a_missing_name_is_told_the_nearest_names_there(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"inv/invoice_0412.pdf": "a", "inv/invoice_0419.pdf": "b", "inv/photo.jpg": "c"})
    with pytest.raises(PlanError, match=r"'inv/invoice_0413.pdf' does not exist \(nearest there: inv/invoice_04"):
        compile_steps(tmp_path, [{"op": "delete", "select": {"path": "inv/invoice_0413.pdf"}}])
    with pytest.raises(PlanError, match=r"folder 'invs' does not exist \(nearest there: inv\)"):
        compile_steps(tmp_path, [{"op": "list", "select": {"in": "invs"}}])
    with pytest.raises(PlanError, match=r"'inv/zzz.txt' does not exist$"):  # nothing close: no hint
        compile_steps(tmp_path, [{"op": "delete", "select": {"path": "inv/zzz.txt"}}])


def test_a_name_missing_where_asked_is_told_where_it_is(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"downloads/Backup.zip": "z", "a/b/backup.zip": "y", ".hidden/backup.zip": "x", "c.txt": ""})
    with pytest.raises(
        PlanError, match=r"'backup.zip' does not exist \(there is downloads/Backup.zip, a/b/backup.zip\)$"
    ):
        compile_steps(tmp_path, [{"op": "extract", "path": "backup.zip"}], version=2)
    with pytest.raises(PlanError) as e:
        compile_steps(tmp_path, [{"op": "rename", "path": "backup.zip", "new_name": "old.zip"}])
    assert "there is downloads/Backup.zip" in str(e.value) and e.value.context == {"absent": True}


def test_the_elsewhere_hint_keeps_out_of_denied_hidden_linked_and_unreadable_folders(
    tmp_path, make_tree, compile_steps, monkeypatch
):
    import os

    from fileagent.tools import select

    make_tree(
        tmp_path,
        {"private/deep/backup.zip": "p", ".cache/backup.zip": "c", "locked/backup.zip": "l", "c.txt": ""},
    )
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "backup.zip").write_text("o")
    os.symlink(outside, tmp_path / "link")  # a folder link out of the root: never entered
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    deny = {"deny_patterns": ["private/**", "**/private/**"]}
    with pytest.raises(PlanError) as e:
        compile_steps(tmp_path, [{"op": "extract", "path": "backup.zip"}], version=2, agent=deny)
    assert str(e.value).endswith("'backup.zip' does not exist") and e.value.context == {"absent": True}
    # the same tree without the deny list: the hint is there, and still nothing hidden, linked or unreadable
    with pytest.raises(PlanError, match=r"'backup.zip' does not exist \(there is private/deep/backup.zip\)$"):
        compile_steps(tmp_path, [{"op": "extract", "path": "backup.zip"}], version=2)
    monkeypatch.setattr(select, "NEAREST_WALK", 4)  # a bounded walk: the deep copy is past it
    with pytest.raises(PlanError, match=r"'backup.zip' does not exist$"):
        compile_steps(tmp_path, [{"op": "extract", "path": "backup.zip"}], version=2)


def test_what_is_not_there_is_marked_absent_and_other_plan_errors_are_not(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"docs/a.txt": "a", "f.txt": "f"})
    absent = [
        [{"op": "delete", "select": {"path": "nope.txt"}}],
        [{"op": "list", "select": {"in": "nope"}}],
        [{"op": "delete", "select": {"in": "docs", "filters": {"ext": ["log"]}}}],
        [{"op": "rename", "path": "nope.txt", "new_name": "x.txt"}],
        [{"op": "extract", "path": "nope.zip"}],
    ]
    for steps in absent:
        with pytest.raises(PlanError) as e:
            compile_steps(tmp_path, steps, version=2)
        assert e.value.context.get("absent") is True and e.value.step == 1, steps
    with pytest.raises(PlanError) as e:
        compile_steps(tmp_path, [{"op": "list", "select": {"in": "f.txt"}}])  # there, but not a folder
    assert "absent" not in e.value.context


def test_move_to_the_root_and_through_a_folder_link(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"d/a.txt": "a", "real/": None})
    os.symlink(tmp_path / "real", tmp_path / "alias")
    assert moves(compile_steps(tmp_path, [{"op": "move", "select": {"path": "d/a.txt"}, "to": ""}])) == [
        ("move", "d/a.txt", "a.txt")
    ]
    assert moves(compile_steps(tmp_path, [{"op": "move", "select": {"path": "d/a.txt"}, "to": "alias"}])) == [
        ("move", "d/a.txt", "real/a.txt")
    ]


def test_case_insensitive_filesystems_see_case_clashes(tmp_path, make_tree, compile_steps, monkeypatch):
    from fileagent.agent.engine import treeview

    monkeypatch.setattr(treeview, "case_insensitive", lambda path: True)
    make_tree(tmp_path, {"in/A.txt": "1", "in/b.TXT": "2", "out/a.txt": "0", "d/x.txt": "x"})
    cs = compile_steps(tmp_path, [{"op": "move", "select": {"in": "in", "pattern": "*.txt"}, "to": "out"}])
    assert moves(cs) == [("move", "in/A.txt", "out/A (1).txt"), ("move", "in/b.TXT", "out/b.TXT")]
    assert cs.conflicts[0].path == "out/a.txt"
    cs = compile_steps(tmp_path, [{"op": "rename", "path": "d/x.txt", "new_name": "X.txt"}])
    # a case-only rename goes through a temporary name (the new name "exists" on such a file system)
    assert moves(cs) == [("move", "d/x.txt", "d/.fa-case-1-x.txt"), ("move", "d/.fa-case-1-x.txt", "d/X.txt")]
    assert cs.conflicts == []


def test_case_probe_on_this_filesystem(tmp_path, fs_mode):
    from fileagent.agent.engine.treeview import case_insensitive

    fs_mode(None)  # the probe itself: a portable mode answers from its rules instead
    (tmp_path / "Probe").mkdir()
    assert case_insensitive(str(tmp_path / "Probe")) == (tmp_path / "PROBE").exists()


def test_destination_that_is_a_link_out_is_refused(tmp_path, make_tree, compile_steps):
    root = make_tree(tmp_path / "root", {"a.txt": "a", "d/": None})
    make_tree(tmp_path / "out", {"t.txt": "t"})
    os.symlink(tmp_path / "out" / "t.txt", root / "d" / "a.txt")
    os.symlink(tmp_path / "out" / "t.txt", root / "b.txt")
    for policy in ("rename_new", "skip", "overwrite"):
        with pytest.raises(PolicyError, match="pointing outside"):
            compile_steps(root, [{"op": "move", "select": {"path": "a.txt"}, "to": "d"}], on_conflict=policy)
    with pytest.raises(PolicyError, match="pointing outside"):
        compile_steps(root, [{"op": "rename", "path": "a.txt", "new_name": "b.txt"}])


def test_nothing_matches_names_what_the_folder_holds_and_how_many_more(tmp_path, make_tree, compile_steps):
    exts = ["pdf", "pdf", "jpg", "png", "mp3", "zip", "dmg", "msi", "txt", "csv", "md"]
    make_tree(tmp_path, {f"dl/f{i}.{e}": "x" for i, e in enumerate(exts)})
    with pytest.raises(PlanError) as e:
        compile_steps(tmp_path, [{"op": "delete", "select": {"in": "dl", "filters": {"ext": ["log"]}}}])
    assert "(files there: .pdf, .csv, .dmg, .jpg, .md, .mp3, .msi, .png and 2 more)" in str(e.value)
