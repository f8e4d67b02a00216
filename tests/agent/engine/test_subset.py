"""engine.subset: dependencies between actions, and a ticked choice closed under them."""

from __future__ import annotations

from fileagent.agent.engine.subset import dependencies, select, subset

TREE = {
    "downloads/a.pdf": "A",
    "downloads/c.pdf": "C",
    "todo.txt": "milk",
    "old/x.txt": "x",
}
STEPS = [
    {
        "op": "move",
        "select": {"in": "downloads", "pattern": "*.pdf"},
        "to": "docs/papers",
    },
    {"op": "rename", "path": "docs/papers/a.pdf", "new_name": "paper-a.pdf"},
    {"op": "copy", "select": {"path": "todo.txt"}, "to": "docs"},
]


def _cs(tmp_path, make_tree, compile_steps, steps=STEPS):
    root = make_tree(tmp_path / "root", TREE)
    return compile_steps(root, steps)


def _by(cs):
    return {(a.kind, a.src, a.dst): a.seq for a in cs.actions}


def test_dependencies_follow_paths_not_order(tmp_path, make_tree, compile_steps):
    cs = _cs(tmp_path, make_tree, compile_steps)
    s = _by(cs)
    docs, papers = s[("mkdir", None, "docs")], s[("mkdir", None, "docs/papers")]
    move_a = s[("move", "downloads/a.pdf", "docs/papers/a.pdf")]
    move_c = s[("move", "downloads/c.pdf", "docs/papers/c.pdf")]
    rename = s[("move", "docs/papers/a.pdf", "docs/papers/paper-a.pdf")]
    copy = s[("copy", "todo.txt", "docs/todo.txt")]
    deps = dependencies(cs.actions)
    assert deps[docs] == [] and deps[papers] == [docs]
    assert deps[move_c] == [docs, papers]  # not on move_a: other file
    assert deps[rename] == [docs, papers, move_a]
    assert deps[copy] == [docs]


def test_untick_a_move_drops_what_acts_on_its_result(tmp_path, make_tree, compile_steps):
    cs = _cs(tmp_path, make_tree, compile_steps)
    s = _by(cs)
    move_a = s[("move", "downloads/a.pdf", "docs/papers/a.pdf")]
    rename = s[("move", "docs/papers/a.pdf", "docs/papers/paper-a.pdf")]
    everything = [a.seq for a in cs.actions]
    sel = select(cs, [x for x in everything if x != move_a])
    assert sel.dropped == {rename: move_a}
    assert sel.run == [x for x in everything if x not in (move_a, rename)]
    assert sel.kept == {} and sel.unknown == []


def test_untick_a_needed_folder_keeps_it(tmp_path, make_tree, compile_steps):
    cs = _cs(tmp_path, make_tree, compile_steps)
    s = _by(cs)
    docs, papers = s[("mkdir", None, "docs")], s[("mkdir", None, "docs/papers")]
    move_c = s[("move", "downloads/c.pdf", "docs/papers/c.pdf")]
    sel = select(cs, [move_c])
    assert sel.run == [docs, papers, move_c]
    assert sel.kept == {docs: papers, papers: move_c}
    assert sel.dropped == {}


def test_unticked_folders_nobody_needs_are_left_out(tmp_path, make_tree, compile_steps):
    cs = _cs(tmp_path, make_tree, compile_steps)
    s = _by(cs)
    copy = s[("copy", "todo.txt", "docs/todo.txt")]
    sel = select(cs, [copy])
    assert sel.run == [s[("mkdir", None, "docs")], copy]  # docs/papers is not needed


def test_unknown_seqs_are_named(tmp_path, make_tree, compile_steps):
    cs = _cs(tmp_path, make_tree, compile_steps)
    assert select(cs, [1, 99, 0]).unknown == [0, 99]


def test_deleting_a_folder_needs_the_moves_out_of_it(tmp_path, make_tree, compile_steps):
    steps = [
        {"op": "move", "select": {"path": "old/x.txt"}, "to": "."},
        {"op": "delete", "select": {"path": "old", "kind": "dir"}},
    ]
    cs = _cs(tmp_path, make_tree, compile_steps, steps)
    move, delete = cs.actions[0].seq, cs.actions[1].seq
    assert cs.actions[1].kind == "delete" and dependencies(cs.actions)[delete] == [move]
    assert select(cs, [delete]).dropped == {delete: move}  # else x.txt would go with the folder


def test_subset_keeps_numbers_and_fingerprints(tmp_path, make_tree, compile_steps):
    cs = _cs(tmp_path, make_tree, compile_steps)
    part = subset(cs, [1, 3])
    assert [a.seq for a in part.actions] == [1, 3]
    assert part.actions[1] is cs.actions[2]
