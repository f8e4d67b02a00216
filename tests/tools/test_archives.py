"""Archives: zip a selection (relative names, originals kept unless asked, undo removes the zip);
extract zip and tar with crafted archives: zip slip (absolute, .., drive letters, links), bombs
(entry count, total size, ratio), conflicts, a preview of every file, undo removes what came out."""

from __future__ import annotations

import shutil
import tarfile
import zipfile
from collections import namedtuple

import pytest

from fileagent.agent.plan.text import from_text, to_text
from fileagent.errors import PlanError, PolicyError
from fileagent.tools import archive_io
from tests.tools.capkit import Kit, cli, fa, plan_file

TREE = {
    "photos/a.jpg": "A",
    "photos/trip/b.jpg": "B",
    "photos/.cache/t.db": "t",
    "notes.txt": "n",
}


@pytest.fixture
def kit(tmp_path, make_tree):
    return Kit(make_tree(tmp_path / "r", TREE), tmp_path / "audit.jsonl")


def _zip(path, entries: dict):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _names(path):
    with zipfile.ZipFile(path) as zf:
        return sorted(zf.namelist())


# ------------------------------------------------------------------ archive


def test_zip_a_folder_keeps_originals_and_undo_removes_it(kit, read_tree):
    before = read_tree(kit.root)
    cs, report = kit.run([{"op": "archive", "select": {"path": "photos"}, "to": "backup/photos"}])
    (zip_action,) = [a for a in cs.actions if a.kind == "zip"]
    assert zip_action.dst == "backup/photos.zip" and "2 files" in zip_action.note
    assert _names(kit.root / "backup/photos.zip") == [
        "photos/a.jpg",
        "photos/trip/b.jpg",
    ]
    with zipfile.ZipFile(kit.root / "backup/photos.zip") as zf:
        assert zf.read("photos/trip/b.jpg") == b"B"
    assert read_tree(kit.root)["photos/a.jpg"] == "A"
    kit.undo()
    assert read_tree(kit.root) == before


def test_zip_a_folder_except_a_subfolder_leaves_it_out(kit):
    kit.run([{"op": "archive", "select": {"path": "photos", "exclude": ["trip"]}, "to": "p.zip"}])
    assert _names(kit.root / "p.zip") == ["photos/a.jpg"]


def test_zip_a_pattern_selection_with_names_relative_to_in(kit):
    kit.run(
        [
            {
                "op": "archive",
                "select": {"in": "photos", "recursive": True, "pattern": "*.jpg"},
                "to": "p.zip",
            }
        ]
    )
    assert _names(kit.root / "p.zip") == ["a.jpg", "trip/b.jpg"]


def test_zip_and_remove_originals_then_undo(kit, read_tree):
    before = read_tree(kit.root)
    cs, _ = kit.run(
        [
            {
                "op": "archive",
                "select": {"in": "photos", "recursive": True},
                "to": "p.zip",
                "remove_originals": True,
            }
        ]
    )
    after = read_tree(kit.root)
    assert "photos/a.jpg" not in after and "photos/.cache/t.db" in after and "p.zip" in after
    kit.undo()
    assert read_tree(kit.root) == before


def test_zip_conflict_follows_the_policy(kit):
    (kit.root / "p.zip").write_bytes(b"old")
    cs = kit.compile([{"op": "archive", "select": {"path": "notes.txt"}, "to": "p.zip"}])
    assert [a.dst for a in cs.actions if a.kind == "zip"] == ["p (1).zip"]
    cs = kit.compile(
        [{"op": "archive", "select": {"path": "notes.txt"}, "to": "p.zip"}],
        on_conflict="skip",
    )
    assert not [a for a in cs.actions if a.kind == "zip"]


def test_steps_into_one_zip_make_one_archive_and_undo_removes_it(kit, read_tree):
    before = read_tree(kit.root)
    steps = [
        {"op": "archive", "select": {"path": "notes.txt"}, "to": "both.zip", "remove_originals": True},
        {"op": "archive", "select": {"path": "photos/a.jpg"}, "to": "both.zip"},
    ]
    cs, _ = kit.run(steps)
    (zip_action,) = [a for a in cs.actions if a.kind == "zip"]
    assert "2 files" in zip_action.note and cs.notes == [(2, "adds to both.zip, which step 1 makes")]
    assert _names(kit.root / "both.zip") == ["a.jpg", "notes.txt"]
    after = read_tree(kit.root)
    assert "notes.txt" not in after and after["photos/a.jpg"] == "A"
    kit.undo()
    assert read_tree(kit.root) == before


def test_a_later_step_into_a_zip_follows_the_name_the_conflict_gave_it(kit):
    (kit.root / "p.zip").write_bytes(b"old")
    cs = kit.compile(
        [
            {"op": "archive", "select": {"path": "notes.txt"}, "to": "p.zip"},
            {"op": "archive", "select": {"path": "photos/a.jpg"}, "to": "p.zip"},
        ]
    )
    assert [(a.dst, len(a.members)) for a in cs.actions if a.kind == "zip"] == [("p (1).zip", 2)]


def test_adding_to_a_zip_refuses_a_file_made_after_the_zip(kit):
    # the zip is written at step 1's place, before step 2 makes the file
    steps = [
        {"op": "archive", "select": {"path": "notes.txt"}, "to": "z.zip"},
        {"op": "create", "path": "photos/new.txt", "content": "x"},
        {"op": "archive", "select": {"path": "photos/new.txt"}, "to": "z.zip"},
    ]
    with pytest.raises(PlanError, match="changes after step 1 makes 'z.zip'"):
        kit.compile(steps)


def test_adding_to_a_zip_refuses_a_name_already_inside(kit):
    kit.root.joinpath("photos/notes.txt").write_text("other")
    steps = [
        {"op": "archive", "select": {"path": "notes.txt"}, "to": "z.zip"},
        {"op": "archive", "select": {"path": "photos/notes.txt"}, "to": "z.zip"},
    ]
    with pytest.raises(PlanError, match="already holds a file named 'notes.txt'"):
        kit.compile(steps)


def test_free_space_is_checked_first(kit, monkeypatch):
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda p: Usage(10**12, 10**12, 1))
    for steps in (
        [{"op": "archive", "select": {"path": "photos"}, "to": "p.zip"}],
        [{"op": "copy", "select": {"path": "notes.txt"}, "to": "c"}],
    ):
        with pytest.raises(PlanError, match="not enough free space") as ei:
            kit.compile(steps)
        assert "\n" not in str(ei.value)


# ------------------------------------------------------------------ extract


def test_extract_zip_previews_every_file_and_undo_removes_them(kit, read_tree):
    _zip(kit.root / "in.zip", {"docs/": "", "docs/a.txt": "a", "b.txt": "b"})
    before = read_tree(kit.root)
    cs = kit.compile([{"op": "extract", "path": "in.zip"}])
    assert sorted(a.dst for a in cs.actions if a.kind == "unpack") == [
        "in/b.txt",
        "in/docs/a.txt",
    ]
    cs, report = kit.run([{"op": "extract", "path": "in.zip"}])
    after = read_tree(kit.root)
    assert after["in/docs/a.txt"] == "a" and after["in/b.txt"] == "b"
    kit.undo()
    assert read_tree(kit.root) == before


def test_extract_tar_gz_into_a_named_folder(kit, read_tree, tmp_path):
    src = tmp_path / "src"
    (src / "d").mkdir(parents=True)
    (src / "d" / "x.md").write_text("x")
    with tarfile.open(kit.root / "t.tar.gz", "w:gz") as tf:
        tf.add(src / "d", arcname="d")
    kit.run([{"op": "extract", "path": "t.tar.gz", "to": "out"}])
    assert read_tree(kit.root)["out/d/x.md"] == "x"


@pytest.mark.parametrize(
    "name",
    [
        "/etc/evil",
        "../evil.txt",
        "a/../../evil.txt",
        "C:/evil.txt",
        "C:evil.txt",
        "..\\evil.txt",
    ],
)
def test_zip_slip_is_refused(kit, read_tree, name):
    _zip(kit.root / "bad.zip", {"ok.txt": "fine", name: "evil"})
    before = read_tree(kit.root)
    with pytest.raises(PolicyError, match="outside the target folder"):
        kit.compile([{"op": "extract", "path": "bad.zip"}])
    assert read_tree(kit.root) == before


def test_links_in_archives_are_refused(kit, tmp_path):
    info = zipfile.ZipInfo("link")
    info.external_attr = (0o120777) << 16
    with zipfile.ZipFile(kit.root / "l.zip", "w") as zf:
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(PolicyError, match="symbolic link"):
        kit.compile([{"op": "extract", "path": "l.zip"}])
    for kind in (tarfile.SYMTYPE, tarfile.LNKTYPE):
        t = tarfile.TarInfo("l")
        t.type, t.linkname = kind, "../../etc/passwd"
        with tarfile.open(kit.root / "l.tar", "w") as tf:
            tf.addfile(t)
        with pytest.raises(PolicyError, match="is a link"):
            kit.compile([{"op": "extract", "path": "l.tar"}])


def test_bomb_limits(kit, monkeypatch):
    _zip(kit.root / "ratio.zip", {"z.bin": b"\0" * (4 * 1024 * 1024)})
    with pytest.raises(PolicyError, match="compressed more than"):
        kit.compile([{"op": "extract", "path": "ratio.zip"}])
    monkeypatch.setattr(archive_io, "MAX_ENTRIES", 3)
    _zip(kit.root / "many.zip", {f"f{i}": "x" for i in range(4)})
    with pytest.raises(PolicyError, match="more than 3 entries"):
        kit.compile([{"op": "extract", "path": "many.zip"}])
    monkeypatch.setattr(archive_io, "MAX_TOTAL", 100)
    _zip(kit.root / "big.zip", {"a": "x" * 60, "b": "y" * 60})
    with pytest.raises(PolicyError, match="unpacks to more than"):
        kit.compile([{"op": "extract", "path": "big.zip"}])


def test_conflicts_follow_the_policy(kit, read_tree):
    _zip(kit.root / "c.zip", {"notes.txt": "from zip"})
    cs = kit.compile([{"op": "extract", "path": "c.zip", "to": "."}])
    assert [a.dst for a in cs.actions if a.kind == "unpack"] == ["notes (1).txt"]
    before = read_tree(kit.root)
    _, report = kit.run([{"op": "extract", "path": "c.zip", "to": "."}], on_conflict="overwrite")
    assert read_tree(kit.root)["notes.txt"] == "from zip"
    kit.undo()
    assert read_tree(kit.root) == before


def test_not_an_archive_and_missing(kit):
    with pytest.raises(PlanError, match="not a zip or tar archive"):
        kit.compile([{"op": "extract", "path": "notes.txt"}])
    with pytest.raises(PlanError, match="does not exist"):
        kit.compile([{"op": "extract", "path": "nope.zip"}])


def test_a_changed_archive_stops_the_run(kit, read_tree):
    _zip(kit.root / "in.zip", {"a.txt": "a"})
    cs = kit.compile([{"op": "extract", "path": "in.zip"}])
    _zip(kit.root / "in.zip", {"a.txt": "changed!"})
    from fileagent.agent.engine.executor import execute
    from fileagent.errors import StaleError

    with pytest.raises(StaleError):
        execute(
            cs,
            root=kit.root,
            guard=kit.guard,
            config=kit.cfg,
            progress=False,
            audit_path=kit.audit,
        )
    assert "in/a.txt" not in read_tree(kit.root)


def test_text_form_round_trip():
    for text in (
        'archive path="photos" to="backup/photos.zip" remove_originals',
        'extract path="a.zip" to="out"',
        'extract path="a.tar.gz"',
    ):
        assert to_text(from_text(text)) == text


def test_cli(kit, tmp_path, read_tree):
    _zip(kit.root / "slip.zip", {"../x": "evil"})
    code, out, err = cli(
        [
            "apply",
            "--root",
            str(kit.root),
            "--yes",
            plan_file(tmp_path, [{"op": "extract", "path": "slip.zip"}]),
        ],
        tmp_path,
    )
    assert code == 3 and err.count("\n") == 1 and "outside the target folder" in err
    code, out, err = cli(
        ["apply", "--root", str(kit.root), "-"],
        tmp_path,
        stdin_text='{"version": 1, "steps": [{"op": "extract", "path": "slip.zip"}]}',
    )
    assert code == 4 and 'needs "version": 2' in err
    r = fa(
        [
            "apply",
            "--root",
            str(kit.root),
            "--yes",
            plan_file(
                tmp_path,
                [{"op": "archive", "select": {"path": "photos"}, "to": "p.zip"}],
                "z.json",
            ),
        ],
        tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert _names(kit.root / "p.zip") == ["photos/a.jpg", "photos/trip/b.jpg"]
    r = fa(["undo", "--root", str(kit.root), "--yes"], tmp_path)
    assert r.returncode == 0 and not (kit.root / "p.zip").exists()


def test_a_tar_bomb_stops_at_the_ratio(kit, tmp_path):
    payload = tmp_path / "zeros"
    with tarfile.open(kit.root / "bomb.tar.gz", "w:gz") as tf:
        for i in range(3):
            payload.write_bytes(b"\0" * (2 * 1024 * 1024))
            tf.add(payload, arcname=f"z{i}.bin")
    assert (kit.root / "bomb.tar.gz").stat().st_size < 60_000
    with pytest.raises(PolicyError, match="times its size"):
        kit.compile([{"op": "extract", "path": "bomb.tar.gz"}])
