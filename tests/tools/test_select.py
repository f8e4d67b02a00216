"""Selection: patterns, recursion, kinds and every filter."""

from __future__ import annotations

import pytest

from fileagent.errors import PlanError


def listed(cs):
    return [a.src for a in cs.actions if a.kind == "emit"]


@pytest.fixture
def tree(tmp_path, make_tree):
    return make_tree(
        tmp_path,
        {
            "a.PDF": ("x" * 10, "2023-01-15"),
            "b.txt": ("hello World", "2024-03-01"),
            "c.md": ("---\ntags: [work]\n---\nbody", "2024-06-30"),
            "noext": ("", "2024-07-01"),
            "sub/d.pdf": ("y" * 2000, "2024-05-05"),
            "sub/deep/e.txt": ("needle here", "2022-12-31"),
            "sub/deep/bin.dat": (b"\x00\x01needle", "2024-01-01"),
            "café.txt": "accent",
            "emptydir/": None,
        },
    )


def sel(compile_steps, root, **select):
    return listed(compile_steps(root, [{"op": "list", "select": select}]))


def test_default_is_files_directly_in_the_root(tree, compile_steps):
    assert sel(compile_steps, tree) == ["a.PDF", "b.txt", "c.md", "café.txt", "noext"]


def test_recursive_kind_and_patterns(tree, compile_steps):
    assert sel(compile_steps, tree, pattern="*.pdf", recursive=True) == ["a.PDF", "sub/d.pdf"]
    assert sel(compile_steps, tree, pattern="**/*.txt") == ["b.txt", "café.txt", "sub/deep/e.txt"]
    assert sel(compile_steps, tree, pattern="sub/*/*.txt") == ["sub/deep/e.txt"]
    assert sel(compile_steps, tree, kind="dir") == ["emptydir/", "sub/"]
    assert sel(compile_steps, tree, kind="any", **{"in": "sub"}) == ["sub/d.pdf", "sub/deep/"]
    assert sel(compile_steps, tree, pattern="[ab].*") == ["a.PDF", "b.txt"]
    assert sel(compile_steps, tree, pattern="cafe\u0301.txt") == ["café.txt"]  # NFD pattern, NFC name


def test_path_of_a_folder_lists_its_children(tree, compile_steps):
    assert sel(compile_steps, tree, path="sub") == ["sub/d.pdf", "sub/deep/"]
    assert sel(compile_steps, tree, path="b.txt") == ["b.txt"]


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"ext": ["pdf"]}, ["a.PDF", "sub/d.pdf"]),
        ({"ext": ["txt", "md"]}, ["b.txt", "c.md", "café.txt", "sub/deep/e.txt"]),
        ({"name_regex": r"^[a-c]\."}, ["a.PDF", "b.txt", "c.md"]),
        ({"larger_than": 10}, ["b.txt", "c.md", "sub/d.pdf", "sub/deep/e.txt"]),
        ({"smaller_than": 10}, ["café.txt", "noext", "sub/deep/bin.dat"]),
        ({"modified_after": "2024-03-01"}, ["b.txt", "c.md", "café.txt", "noext", "sub/d.pdf"]),  # café.txt: made today
        ({"modified_before": "2024-01-01"}, ["a.PDF", "sub/deep/e.txt"]),
        (
            {"modified_after": "2024-01-01", "modified_before": "2024-06-01"},
            ["b.txt", "sub/d.pdf", "sub/deep/bin.dat"],
        ),  # after = on or after
        ({"contains": "NEEDLE"}, ["sub/deep/e.txt"]),  # case-insensitive, binary files never match
        ({"contains": "world", "ext": ["txt"]}, ["b.txt"]),
        ({"tag": "work"}, ["c.md"]),
        ({"ext": ["pdf"], "larger_than": 100}, ["sub/d.pdf"]),
    ],
)
def test_filters(tree, compile_steps, filters, expected):
    assert sel(compile_steps, tree, recursive=True, filters=filters) == expected


def test_tag_filter_uses_the_index_and_earlier_tag_steps(tree, compile_steps):
    (tree / ".fileagent").mkdir()
    (tree / ".fileagent" / "tags.json").write_text('{"b.txt": ["work"]}')
    cs = compile_steps(
        tree,
        [
            {"op": "tag", "select": {"path": "noext"}, "tags": ["Work"]},
            {"op": "list", "select": {"recursive": True, "filters": {"tag": "work"}}},
        ],
    )
    assert listed(cs) == ["b.txt", "c.md", "noext"]


def test_bad_name_regex(tree, compile_steps):
    with pytest.raises(PlanError, match="invalid name_regex"):
        sel(compile_steps, tree, filters={"name_regex": "(["})
