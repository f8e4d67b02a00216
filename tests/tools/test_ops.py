"""Each op: the actions it compiles to, and its bad-input errors."""

from __future__ import annotations

import pytest

from fileagent.errors import PlanError, PolicyError


def acts(cs):
    return [(a.kind, a.src, a.dst) for a in cs.actions]


def written(cs, rel):
    return next(a.content for a in cs.actions if a.kind == "write" and a.dst == rel).decode("utf-8")


# ---------------------------------------------------------------- create


def test_create_file_with_parents_and_folder(tmp_path, compile_steps):
    cs = compile_steps(
        tmp_path,
        [
            {"op": "create", "path": "a/b/n.txt", "content": "hi"},
            {"op": "create", "path": "a/c", "kind": "dir"},
            {"op": "create", "path": "a/b", "kind": "dir"},
        ],
    )  # exists by now: nothing
    assert acts(cs) == [
        ("mkdir", None, "a"),
        ("mkdir", None, "a/b"),
        ("write", None, "a/b/n.txt"),
        ("mkdir", None, "a/c"),
    ]
    assert written(cs, "a/b/n.txt") == "hi" and cs.actions[2].expect["a/b/n.txt"].exists is False


def test_create_existing_file_follows_conflict_policy(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"n.txt": "old", "d": "file"})
    assert acts(compile_steps(tmp_path, [{"op": "create", "path": "n.txt", "content": "x"}])) == [
        ("write", None, "n (1).txt")
    ]
    cs = compile_steps(tmp_path, [{"op": "create", "path": "n.txt", "content": "x"}], on_conflict="overwrite")
    assert cs.actions[0].overwrite and cs.actions[0].expect["n.txt"].size == 3
    with pytest.raises(PlanError, match="exists and is a file"):
        compile_steps(tmp_path, [{"op": "create", "path": "d", "kind": "dir"}])
    with pytest.raises(PlanError, match="not a folder"):
        compile_steps(tmp_path, [{"op": "create", "path": "d/x.txt"}])


# ---------------------------------------------------------------- update


@pytest.mark.parametrize(
    "old, mode, text, find, new",
    [
        ("a", "append", "b", None, "a\nb\n"),
        ("a\n", "append", "b", None, "a\nb\n"),
        ("", "append", "b\n", None, "b\n"),
        ("body\n", "prepend", "title", None, "title\nbody\n"),
        ("one two one", "replace", "1", "one", "1 two 1"),
        ("v1.2 v3.4", "replace_regex", r"<\1>", r"v(\d)\.\d", "<1> <3>"),
        ("line\n", "set", "whole new", None, "whole new"),
    ],
)
def test_update_modes(tmp_path, make_tree, compile_steps, old, mode, text, find, new):
    make_tree(tmp_path, {"f.txt": old})
    step = {"op": "update", "select": {"path": "f.txt"}, "mode": mode, "text": text}
    if find is not None:
        step["find"] = find
    cs = compile_steps(tmp_path, [step])
    a = cs.actions[0]
    assert (a.kind, a.src, a.dst, a.overwrite, a.note) == ("write", "f.txt", "f.txt", True, mode)
    assert a.content.decode() == new and a.expect["f.txt"].size == len(old)


def test_update_replace_leaves_files_without_the_text(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a.txt": "foo", "b.txt": "bar"})
    cs = compile_steps(
        tmp_path, [{"op": "update", "select": {"pattern": "*.txt"}, "mode": "replace", "find": "foo", "text": "baz"}]
    )
    assert acts(cs) == [("write", "a.txt", "a.txt")]
    with pytest.raises(PlanError, match="nothing to change: 'qux' does not occur"):
        compile_steps(
            tmp_path,
            [{"op": "update", "select": {"pattern": "*.txt"}, "mode": "replace", "find": "qux", "text": "baz"}],
        )


def test_update_bad_inputs(tmp_path, make_tree, compile_steps):
    make_tree(
        tmp_path, {"img.png": b"\x89PNG\x00\x00", "latin.txt": "caf\xe9".encode("latin-1"), "t.txt": "x", "d/": None}
    )
    with pytest.raises(PlanError, match="cannot update binary file 'img.png'"):
        compile_steps(tmp_path, [{"op": "update", "select": {"path": "img.png"}, "mode": "append", "text": "x"}])
    with pytest.raises(PlanError, match="not valid utf-8 text"):
        compile_steps(tmp_path, [{"op": "update", "select": {"path": "latin.txt"}, "mode": "append", "text": "x"}])
    with pytest.raises(PlanError, match="invalid regex"):
        compile_steps(
            tmp_path, [{"op": "update", "select": {"path": "t.txt"}, "mode": "replace_regex", "find": "(", "text": "x"}]
        )
    with pytest.raises(PlanError, match="it is a folder"):
        compile_steps(tmp_path, [{"op": "update", "select": {"path": "d"}, "mode": "set", "text": "x"}])


# ---------------------------------------------------------------- delete


def test_delete_files_and_folders_once(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"d/x.txt": "x", "d/y/z.txt": "z", "k.txt": "k"})
    cs = compile_steps(tmp_path, [{"op": "delete", "select": {"recursive": True, "kind": "any"}}])
    assert acts(cs) == [("delete", "d", None), ("delete", "k.txt", None)]
    assert cs.actions[0].note == "folder: 2 files, 2 bytes" and cs.actions[0].expect["d"].is_dir
    with pytest.raises(PlanError, match="sandbox root"):
        compile_steps(tmp_path, [{"op": "delete", "select": {"path": "."}}])


# ---------------------------------------------------------------- rename


def test_rename_single(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"d/a.txt": "a", "d/b.txt": "b"})
    cs = compile_steps(tmp_path, [{"op": "rename", "path": "d/a.txt", "new_name": "c.txt"}])
    assert acts(cs) == [("move", "d/a.txt", "d/c.txt")] and cs.actions[0].note == "rename"
    assert acts(compile_steps(tmp_path, [{"op": "rename", "path": "d/a.txt", "new_name": "a.txt"}])) == []
    assert acts(compile_steps(tmp_path, [{"op": "rename", "path": "d/a.txt", "new_name": "b.txt"}])) == [
        ("move", "d/a.txt", "d/b (1).txt")
    ]
    for bad in ("x/y.txt", "..", ".", "a\\b"):
        with pytest.raises(PlanError, match="plain file name"):
            compile_steps(tmp_path, [{"op": "rename", "path": "d/a.txt", "new_name": bad}])
    with pytest.raises(PlanError, match="does not exist"):
        compile_steps(tmp_path, [{"op": "rename", "path": "d/zz.txt", "new_name": "q"}])


@pytest.mark.parametrize(
    "field, value, expected",
    [
        ("set_ext", "md", ["notes/a.md", "notes/b.md"]),
        ("set_ext", ".MD", ["notes/a.MD", "notes/b.MD"]),
        ("add_prefix", "2024_", ["notes/2024_a.txt", "notes/2024_b.txt"]),
        ("add_suffix", "_old", ["notes/a_old.txt", "notes/b_old.txt"]),
        ("template", "{n:03}-{stem}.{ext}", ["notes/001-a.txt", "notes/002-b.txt"]),
        ("template", "{date}_{name}", ["notes/2024-05-01_a.txt", "notes/2023-02-03_b.txt"]),
    ],
)
def test_rename_batch(tmp_path, make_tree, compile_steps, field, value, expected):
    make_tree(tmp_path, {"notes/a.txt": ("a", "2024-05-01"), "notes/b.txt": ("b", "2023-02-03")})
    cs = compile_steps(tmp_path, [{"op": "rename", "select": {"in": "notes"}, field: value}])
    assert [a.dst for a in cs.actions] == expected
    assert all(a.kind == "move" for a in cs.actions)


def test_rename_batch_bad_template_and_denied_name(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a.txt": "a"})
    with pytest.raises(PlanError, match="bad template"):
        compile_steps(tmp_path, [{"op": "rename", "select": {}, "template": "{nope}"}])
    with pytest.raises(PolicyError, match="deny pattern"):
        compile_steps(tmp_path, [{"op": "rename", "select": {}, "set_ext": "exe"}])


# ---------------------------------------------------------------- classify


@pytest.mark.parametrize(
    "by, expected",
    [
        ("extension", {"in/a.pdf": "in/pdf/a.pdf", "in/b.JPG": "in/jpg/b.JPG", "in/README": "in/noext/README"}),
        ("type", {"in/a.pdf": "in/documents/a.pdf", "in/b.JPG": "in/images/b.JPG", "in/README": "in/other/README"}),
        ("year", {"in/a.pdf": "in/2023/a.pdf", "in/b.JPG": "in/2024/b.JPG", "in/README": "in/2024/README"}),
        ("month", {"in/a.pdf": "in/2023-11/a.pdf", "in/b.JPG": "in/2024-02/b.JPG", "in/README": "in/2024-02/README"}),
        ("size", {"in/a.pdf": "in/small/a.pdf", "in/b.JPG": "in/small/b.JPG", "in/README": "in/small/README"}),
    ],
)
def test_classify_by_attribute(tmp_path, make_tree, compile_steps, by, expected):
    make_tree(
        tmp_path,
        {
            "in/a.pdf": ("a", "2023-11-20"),
            "in/b.JPG": ("b", "2024-02-10"),
            "in/README": ("n", "2024-02-11"),
            "in/sub/x.txt": "skipped: not selected",
        },
    )
    cs = compile_steps(tmp_path, [{"op": "classify", "select": {"in": "in"}, "by": by}])
    assert {a.src: a.dst for a in cs.actions if a.kind == "move"} == expected
    mkdirs = [a.dst for a in cs.actions if a.kind == "mkdir"]
    assert len(mkdirs) == len(set(mkdirs)) == len(set(p.rpartition("/")[0] for p in expected.values()))


def test_classify_keywords_relative_and_root_relative_folders(tmp_path, make_tree, compile_steps):
    make_tree(
        tmp_path,
        {
            "notes/k8s.md": "kubernetes pods",
            "notes/Kubernetes-2.md": "x",
            "notes/cook.md": "recipes",
            "notes/ops/already.md": "kubernetes",
        },
    )
    cs = compile_steps(
        tmp_path,
        [
            {
                "op": "classify",
                "select": {"in": "notes", "recursive": True},
                "by": "keywords",
                "rules": [{"keywords": ["kubernetes"], "folder": "notes/ops"}],
                "default": "other",
            }
        ],
    )
    assert {a.src: a.dst for a in cs.actions if a.kind == "move"} == {
        "notes/Kubernetes-2.md": "notes/ops/Kubernetes-2.md",
        "notes/cook.md": "notes/other/cook.md",
        "notes/k8s.md": "notes/ops/k8s.md",
    }


def test_classify_default_rule_set_topics(tmp_path, make_tree, compile_steps):
    make_tree(
        tmp_path,
        {
            "docs/system-design.md": "x",
            "docs/b.md": "接口 说明",
            "docs/c.md": "shopping",
            "docs/d.txt": "API",
            "docs/sub/": None,
        },
    )
    cs = compile_steps(tmp_path, [{"op": "classify", "select": {"in": "docs", "pattern": "*.md"}}])
    assert {a.src: a.dst for a in cs.actions if a.kind == "move"} == {
        "docs/system-design.md": "docs/architecture/system-design.md",
        "docs/b.md": "docs/api/b.md",
        "docs/c.md": "docs/documents/c.md",
    }
    with pytest.raises(PlanError, match="unknown rule set 'nope'"):
        compile_steps(tmp_path, [{"op": "classify", "select": {"in": "docs"}, "rule_set": "nope"}])


def test_classify_named_rule_set_and_dest(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"in/bill.pdf": "invoice 42", "in/cat.png": b"\x89PNG\x00"})
    cls = {
        "default_rule_set": "money",
        "rule_sets": {"money": {"rules": [{"keywords": ["invoice"], "folder": "bills"}], "default": "rest"}},
    }
    cs = compile_steps(tmp_path, [{"op": "classify", "select": {"in": "in"}, "dest": "sorted"}], classify=cls)
    assert {a.src: a.dst for a in cs.actions if a.kind == "move"} == {
        "in/bill.pdf": "sorted/bills/bill.pdf",
        "in/cat.png": "sorted/rest/cat.png",
    }


def test_classify_rule_set_sorts_the_rest_by_extension_or_leaves_it(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"in/bill.pdf": "invoice 42", "in/cat.png": b"\x89PNG\x00", "in/x.png": "x", "in/r": "r"})
    rules = [{"keywords": ["invoice"], "folder": "bills"}]
    cls = {"default_rule_set": "money", "rule_sets": {"money": {"rules": rules, "rest_by": "extension"}}}
    cs = compile_steps(tmp_path, [{"op": "classify", "select": {"in": "in"}}], classify=cls)
    assert {a.src: a.dst for a in cs.actions if a.kind == "move"} == {
        "in/bill.pdf": "in/bills/bill.pdf",
        "in/cat.png": "in/png/cat.png",
        "in/x.png": "in/png/x.png",
        "in/r": "in/noext/r",
    }
    # a plan's own default folder wins over the set's rest_by
    cs = compile_steps(tmp_path, [{"op": "classify", "select": {"in": "in"}, "default": "other"}], classify=cls)
    assert {a.dst for a in cs.actions if a.kind == "move"} == {
        "in/bills/bill.pdf",
        *(f"in/other/{n}" for n in ("cat.png", "x.png", "r")),
    }
    cls["rule_sets"]["money"] = {"rules": rules}  # neither: the rest stays
    cs = compile_steps(tmp_path, [{"op": "classify", "select": {"in": "in"}}], classify=cls)
    assert {a.src: a.dst for a in cs.actions if a.kind == "move"} == {"in/bill.pdf": "in/bills/bill.pdf"}


def test_classify_leaves_files_already_in_place(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"pdf/a.pdf": "a"})
    cs = compile_steps(tmp_path, [{"op": "classify", "select": {"in": "pdf"}, "by": "extension", "dest": "."}])
    assert cs.actions == []


# ---------------------------------------------------------------- tag


def test_tag_markdown_front_matter_merged_and_preserved(tmp_path, make_tree, compile_steps):
    make_tree(
        tmp_path,
        {
            "a.md": "---\ntitle: A  # keep me\ntags:\n  - old\nauthor: me\n---\nbody\n",
            "b.md": "no front matter\n",
            "c.markdown": "---\ntags: x, y\n---\n",
        },
    )
    cs = compile_steps(tmp_path, [{"op": "tag", "select": {"pattern": "*.m*"}, "tags": ["new", "old"]}])
    assert written(cs, "a.md") == "---\ntitle: A  # keep me\ntags: [old, new]\nauthor: me\n---\nbody\n"
    assert written(cs, "b.md") == "---\ntags: [new, old]\n---\nno front matter\n"
    assert written(cs, "c.markdown") == "---\ntags: [x, y, new, old]\n---\n"
    assert all(a.note == "tag" and a.overwrite for a in cs.actions)
    cs = compile_steps(tmp_path, [{"op": "tag", "select": {"path": "a.md"}, "tags": ["OLD"], "remove": True}])
    assert written(cs, "a.md") == "---\ntitle: A  # keep me\nauthor: me\n---\nbody\n"


def test_tag_other_files_use_the_index_and_follow_moves(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"p.pdf": "x", "q.pdf": "y", ".fileagent/tags.json": '{"q.pdf": ["keep"]}'})
    cs = compile_steps(
        tmp_path,
        [
            {"op": "tag", "select": {"pattern": "*.pdf"}, "tags": ["keep", "tax"]},
            {"op": "move", "select": {"path": "q.pdf"}, "to": "done"},
        ],
    )
    assert [(a.kind, a.src, a.tags) for a in cs.actions if a.kind == "set_tags"] == [
        ("set_tags", "p.pdf", ["keep", "tax"]),
        ("set_tags", "q.pdf", ["keep", "tax"]),
        ("set_tags", "q.pdf", []),
        ("set_tags", "done/q.pdf", ["keep", "tax"]),
    ]


def test_tag_bad_front_matter(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"bad.md": "---\n- a list\n---\n"})
    with pytest.raises(PlanError, match="not a valid YAML mapping"):
        compile_steps(tmp_path, [{"op": "tag", "select": {"path": "bad.md"}, "tags": ["x"]}])


# ---------------------------------------------------------------- list / read


def test_list_and_read_outputs(tmp_path, make_tree, compile_steps):
    make_tree(tmp_path, {"a.txt": "A", "d/b.txt": "B", "bin.dat": b"\x00\xff"})
    cs = compile_steps(
        tmp_path,
        [{"op": "list", "select": {"kind": "any"}}, {"op": "read", "select": {"pattern": "*.txt", "recursive": True}}],
    )
    assert cs.outputs == [(1, "list", "a.txt\nbin.dat\nd/"), (2, "read", "A"), (2, "read", "B")]
    assert all(a.kind == "emit" and not a.mutating for a in cs.actions)
    with pytest.raises(PlanError, match="cannot read binary file"):
        compile_steps(tmp_path, [{"op": "read", "select": {"path": "bin.dat"}}])


def test_update_through_a_link_inside_the_root_writes_the_target(tmp_path, make_tree, compile_steps):
    import os

    make_tree(tmp_path, {"real.txt": "a"})
    os.symlink("real.txt", tmp_path / "alias.txt")
    cs = compile_steps(tmp_path, [{"op": "update", "select": {"path": "alias.txt"}, "mode": "append", "text": "b"}])
    assert acts(cs) == [("write", "real.txt", "real.txt")] and written(cs, "real.txt") == "a\nb\n"
