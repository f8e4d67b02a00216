"""Planner: candidates tried best first, errors mapped to exit codes, model files looked up."""

from __future__ import annotations

from pathlib import Path

import pytest

from fileagent.agent.plan.model import Plan
from fileagent.agent.planner import planner, plausibility
from fileagent.agent.planner.training.corpus import generate
from fileagent.errors import NoPlannerError, PlanError, PolicyError


def plan_examples(*args, **kw):
    """The corpus's examples whose target is a plan (not a refusal reading)."""
    return [e for e in generate(*args, **kw) if not e.tgt.startswith("none ")]


def implausible(text: str, root: Path | None = None, prompt: str = "") -> str | None:
    return plausibility.implausible(planner.parse_candidate(text), root, prompt)


def compile_against(root: Path):
    """A stand-in compiler: the selected path must exist, and nothing may leave the root."""

    def compile(plan: Plan):
        for step in plan.to_dict()["steps"]:
            path = step.get("path") or step.get("select", {}).get("path")
            for named in (path, step.get("select", {}).get("in")):
                if named and (named.startswith("/") or ".." in named.split("/")):
                    raise PolicyError(f"{named} is outside the root")
            if path and not (root / path).exists():
                raise PlanError(f"step 1: {path} does not exist")
        return ("compiled", plan)

    return compile


def test_first_candidate_that_compiles_wins(tmp_path):
    (tmp_path / "b.txt").write_text("x")
    cands = [('delete path="a.txt"', True), ('delete path="b.txt"', True), ('delete path="c.txt"', True)]
    plan, cs = planner.choose(cands, compile_against(tmp_path))
    assert plan.to_dict()["steps"][0]["select"]["path"] == "b.txt"
    assert cs == ("compiled", plan)


def test_a_change_that_changes_nothing_gives_way_to_the_next_candidate(tmp_path):
    from fileagent.agent.engine.changeset import ChangeSet

    cands = [('delete in="empty"', True), ('delete path="a.txt"', True)]
    compiled = iter([ChangeSet(), ("compiled", "b")])
    plan, cs = planner.choose(cands, lambda p: next(compiled))
    assert plan.to_dict()["steps"][0]["select"]["path"] == "a.txt" and cs == ("compiled", "b")
    # a lower candidate mends values, it never does another job than the best reading
    cands = [('delete in="empty"', True), ('rename path="a.txt" new_name="b.txt"', True)]
    with pytest.raises(NoPlannerError, match="could not plan"):
        planner.choose(cands, lambda p: ChangeSet())
    only_list = planner.choose([('list in="nothing"', True)], lambda p: ChangeSet())
    assert only_list[0].to_dict()["steps"][0]["op"] == "list"  # listing nothing is fine


def test_implausible_plans_give_way_to_the_next_candidate(tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.js").write_text("x")
    ok = ('move path="lib/a.js" to="old"', True)
    for odd, fine in (
        ('move path="lib/a.js" to="old/a.js"', ok[0]),  # into a new folder of its own name
        ('copy path="lib/a.js" to="a.js"', 'copy path="lib/a.js" to="old"'),
        (
            'move path="lib/a.js" to="old" ; move path="lib/a.js" to="old"',  # the same step twice
            'move path="lib/a.js" to="old" ; move path="lib" to="attic"',
        ),
    ):
        plan, _ = planner.choose([(odd, True), (fine, True)], compile_against(tmp_path), tmp_path)
        assert plan.to_dict() == planner.parse_candidate(fine).to_dict(), odd
    with pytest.raises(NoPlannerError, match="could not plan"):  # one path created twice
        planner.choose(
            [('create path="n.md" content="x" ; create path="n.md"', True)], compile_against(tmp_path), tmp_path
        )
    # an existing folder of that name is a fine destination
    (tmp_path / "old" / "a.js").mkdir(parents=True)
    plan, _ = planner.choose([('move path="lib/a.js" to="old/a.js"', True), ok], compile_against(tmp_path), tmp_path)
    assert plan.to_dict()["steps"][0]["to"] == "old/a.js"
    assert not plausibility._is_folder_inside(tmp_path, "../" + tmp_path.name + "/old/a.js")  # never looks outside


def test_steps_that_change_nothing_give_way_to_the_next_candidate(tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.js").write_text("x")
    ok = ('move path="lib/a.js" to="old"', True)
    update_ok, rename_ok = 'update path="lib/a.js" mode=append text="y"', 'rename path="lib/a.js" new_name="b.js"'
    for odd, fine in (
        ('move path="lib/a.js" to="lib"', ok[0]),  # into the folder it is in
        ('move path="lib/a.js" to="lib/a.js"', ok[0]),  # into itself
        ('move in="lib" ext=js to="lib"', ok[0]),  # a group into its own folder
        ('move ext=js to="."', ok[0]),
        ('update path="lib/a.js" mode=replace find="x" text="x"', update_ok),  # replaced by itself
        ('update path="lib/a.js" mode=prepend text=""', update_ok),  # nothing added
        ('rename path="lib/a.js" new_name="a.js"', rename_ok),
    ):  # its own name
        plan, _ = planner.choose([(odd, True), (fine, True)], compile_against(tmp_path), tmp_path)
        assert plan.to_dict() == planner.parse_candidate(fine).to_dict(), odd
    # gathering a tree's files into its top folder, or a copy next to the original, is a change
    for fine in (
        'move in="lib" recursive ext=js to="lib"',
        'copy path="lib/a.js" to="lib"',  # "a (1).js"
        'copy ext=js to="."',
        'update path="lib/a.js" mode=set text=""',
        'update path="lib/a.js" mode=replace find="x" text="y"',
    ):
        assert plausibility.implausible(planner.parse_candidate(fine), tmp_path) is None, fine


def test_a_refused_no_op_candidate_is_still_a_refusal(tmp_path):
    # the Guard's verdict comes before the plausibility checks: no lower candidate runs instead
    (tmp_path / "secret.txt").write_text("x")
    cands = [('move path="../secret.txt" to=".."', True), ('move path="secret.txt" to="old"', True)]
    with pytest.raises(PolicyError):
        planner.choose(cands, compile_against(tmp_path), tmp_path)


def test_corpus_plans_are_never_implausible():
    for e in plan_examples(3000, seed=5):
        assert implausible(e.tgt, prompt=e.src) is None, (e.src, e.tgt)


def test_unfinished_and_unparsable_candidates_are_skipped(tmp_path):
    (tmp_path / "b.txt").write_text("x")
    cands = [
        ('delete path="b.txt', False),
        ("delete path=b.txt", True),
        ('rename path="b.txt"', True),
        ('delete path="b.txt"', True),
    ]
    plan, _ = planner.choose(cands, compile_against(tmp_path))
    assert plan.to_dict()["steps"][0] == {
        "op": "delete",
        "select": {"path": "b.txt", "recursive": False, "kind": "file"},
    }


def test_best_candidate_refused_by_policy_is_exit_3(tmp_path):
    cands = [('read path="/etc/passwd"', True), ('read path="passwd"', True)]
    with pytest.raises(PolicyError):
        planner.choose(cands, compile_against(tmp_path))


def test_a_refused_candidate_is_never_replaced_by_a_lower_one(tmp_path):
    (tmp_path / "docs").mkdir()
    cands = [('delete path="nothing"', True), ('delete in=".."', True), ('delete path="docs"', True)]
    with pytest.raises(PolicyError):
        planner.choose(cands, compile_against(tmp_path))
    assert (tmp_path / "docs").exists()


def test_no_candidate_compiles_is_exit_4_with_the_reason(tmp_path):
    cands = [('delete path="a.txt"', True), ('read path="b.txt"', True)]
    with pytest.raises(NoPlannerError, match="could not plan this request: step 1: a.txt does not exist"):
        planner.choose(cands, compile_against(tmp_path))
    with pytest.raises(NoPlannerError, match="could not plan this request"):
        planner.choose([], compile_against(tmp_path))


def test_no_model_files_is_exit_4(tmp_path, monkeypatch):
    monkeypatch.setenv("FILEAGENT_MODEL_DIR", str(tmp_path / "nothing"))
    with pytest.raises(NoPlannerError, match="no planner model installed"):
        planner.plan_request("list files", root=tmp_path, compile=compile_against(tmp_path))


def test_existing_paths_skip_agent_state_and_are_capped(make_tree, tmp_path):
    make_tree(
        tmp_path, {"a.txt": "", "docs/b.md": "", "docs/deep/c.md": "", ".fileagent/journal/x": "", "empty/": None}
    )
    paths = planner.existing_paths(tmp_path)
    assert sorted(paths) == ["a.txt", "docs", "docs/b.md", "docs/deep", "docs/deep/c.md", "empty"]
    assert len(planner.existing_paths(tmp_path, cap=3)) == 3


def test_a_lower_candidate_never_brings_in_a_deletion(tmp_path):
    (tmp_path / "drop").mkdir()
    (tmp_path / "drop" / "a.txt").write_text("x")
    # the best reading fails (no such folder); the next one compiles but deletes: nothing is chosen
    cands = [('read path="dorp/a.txt"', True), ('delete in="drop"', True), ("delete recursive", True)]
    with pytest.raises(NoPlannerError, match="could not plan"):
        planner.choose(cands, compile_against(tmp_path), tmp_path)
    # a deletion the best reading already asks for may still be replaced by one that compiles
    cands = [('delete path="drop/b.txt"', True), ('delete path="drop/a.txt"', True)]
    assert planner.choose(cands, compile_against(tmp_path))[0].steps[0].select.path == "drop/a.txt"
    # nor does a candidate of another job stand in ("delete the .log files", none there, is no listing);
    # "delete" inside a quoted text is no step
    cands = [('delete path="nothing"', True), ('read path="drop/a.txt"', True)]
    with pytest.raises(NoPlannerError, match="nothing does not exist"):
        planner.choose(cands, compile_against(tmp_path))
    assert plausibility.deletes('list path="x" ; delete in="y"') and plausibility.deletes('delete path="a')
    assert not plausibility.deletes('create path="n.md" content="x ; delete y"')
    assert not plausibility.deletes('tag path="a" tag="delete"')


def test_a_lower_candidate_never_turns_a_look_into_a_change(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    # the best reading only lists a folder that is not there; creating it is another request
    cands = [('list path="qqq"', True), ('create path="qqq"', True), ('list path="a.txt"', True)]
    assert planner.choose(cands, compile_against(tmp_path))[0].steps[0].op == "list"
    with pytest.raises(NoPlannerError, match="qqq does not exist"):
        planner.choose(cands[:2], compile_against(tmp_path), tmp_path)
    # a change standing in for a failed change is fine
    cands = [('update path="b.txt" mode=append text="y"', True), ('update path="a.txt" mode=append text="y"', True)]
    assert planner.choose(cands, compile_against(tmp_path))[0].steps[0].select.path == "a.txt"


def test_a_change_stands_in_for_a_look_only_by_carrying_more_quoted_text(tmp_path):
    prompt = "erase what's in a.txt and write 'buy milk'"
    (tmp_path / "a.txt").write_text("x")
    look, change = ('read path="a.txt"', True), ('update path="a.txt" mode=set text="buy milk"', True)
    plan, _ = planner.choose([look, change], compile_against(tmp_path), tmp_path, prompt)
    assert plan.steps[0].op == "update"

    # when the look and that change both fail, a change that carries no more of the quote than the
    # look does may not stand in for it: the model's best reading, not the reordered first, decides
    def only_creates(plan):
        if plan.steps[0].op != "create":
            raise PlanError("step 1: a.txt does not exist")
        return ("compiled", plan)

    cands = [look, change, ('create path="b.txt"', True), ('create path="a.txt" content="buy"', True)]
    with pytest.raises(NoPlannerError):
        planner.choose(cands, only_creates, tmp_path, prompt)


class _ScriptedPlanner:
    """Candidates by the whole_tree flag, to see which decode plan_request takes."""

    min_margin = None  # no calibrated acceptance rule: the scripted candidates decide

    def __init__(self, free, with_tree):
        self.calls, self.lists = [], {False: free, True: with_tree}

    def candidates(self, prompt, paths, *, whole_tree=False, **_):
        self.calls.append(whole_tree)
        return self.lists[whole_tree]


def _plan(fake, monkeypatch, root, prompt):
    monkeypatch.setattr(planner, "load_planner", lambda d: fake)
    plan, _ = planner.plan_request(prompt, root=root, compile=compile_against(root))
    return plan.to_dict()["steps"][0]


def test_a_plan_that_compiles_needs_no_second_decode(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("x")
    fake = _ScriptedPlanner([('read path="a.txt"', True)], [('read path="b.txt"', True)])
    assert _plan(fake, monkeypatch, tmp_path, "read a.txt")["select"]["path"] == "a.txt" and fake.calls == [False]


def test_when_nothing_compiles_a_decode_kept_to_existing_paths_is_tried(tmp_path, monkeypatch):
    (tmp_path / "临时笔记.txt").write_text("x")
    fake = _ScriptedPlanner([('read path="临时/先"', True)], [('read path="临时笔记.txt"', True)])
    step = _plan(fake, monkeypatch, tmp_path, "先看看 临时笔记.txt 的内容")
    assert step["select"]["path"] == "临时笔记.txt" and fake.calls == [False, True]


def test_the_retry_may_not_change_files_where_the_first_reading_only_looked(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("x")
    for retry in ('create path="qqq"', 'delete path="a.txt"'):
        fake = _ScriptedPlanner([('list path="qqq"', True)], [(retry, True)])
        with pytest.raises(NoPlannerError, match="qqq does not exist"):
            _plan(fake, monkeypatch, tmp_path, "zzz qqq")


def test_when_the_retry_fails_too_the_error_names_what_was_asked(tmp_path, monkeypatch):
    fake = _ScriptedPlanner([('read path="missing.txt"', True)], [])
    with pytest.raises(NoPlannerError, match="missing.txt does not exist"):
        _plan(fake, monkeypatch, tmp_path, "read missing.txt")
    assert fake.calls == [False, True]


def test_over_the_path_cap_the_tree_is_not_taken_as_whole(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("x")
    fake = _ScriptedPlanner([('read path="b.txt"', True)], [('read path="a.txt"', True)])
    monkeypatch.setattr(planner, "MAX_PATHS", 1)
    with pytest.raises(NoPlannerError):
        _plan(fake, monkeypatch, tmp_path, "read a.txt")
    assert fake.calls == [False]


def test_a_step_again_on_part_of_the_same_items_or_a_text_reused_is_implausible():
    assert implausible('copy recursive ext=jpeg ext=csv to="web" ; copy recursive ext=jpeg to="web"')
    assert not implausible('move in="inbox" ext=pdf to="papers" ; move in="inbox" ext=png to="pics"')
    assert implausible('classify in="sent" ; classify in="sent" by=month')
    assert not implausible('classify in="sent" ; classify in="other" by=month')
    prompt = "append 'done' to a.md, then sort notes by the work rules"
    assert implausible(
        'update path="a.md" mode=append text="done" ; update in="notes" mode=append text="done"', prompt=prompt
    )
    prompt = "append 'done' to a.md and 'done' to b.md"
    assert not implausible(
        'update path="a.md" mode=append text="done" ; update path="b.md" mode=append text="done"', prompt=prompt
    )


def test_moving_a_file_into_a_new_folder_named_like_a_file_of_its_type_is_implausible(tmp_path):
    (tmp_path / "intro.m4a").write_text("x")
    (tmp_path / "old.m4a").mkdir()  # a folder that is there may be named so
    assert implausible('move path="intro.m4a" to="budget.m4a"', tmp_path)
    assert implausible('copy path="intro.m4a" to="x/budget.M4A"', tmp_path)
    assert not implausible('move path="intro.m4a" to="old.m4a"', tmp_path)
    assert not implausible('move path="intro.m4a" to="audio"', tmp_path)
    assert not implausible('move path="intro.m4a" to="notes.txt"', tmp_path)  # another type: not this rule's call


def test_a_keyword_rule_that_sends_files_where_the_rest_go_is_implausible():
    assert implausible('classify in="notes" by=keywords if="kubernetes" then="notes/other" else="notes/other"')
    assert not implausible('classify in="notes" by=keywords if="kubernetes" then="notes/ops" else="notes/other"')
    assert not implausible('classify in="notes" by=keywords if="a" then="x" if="b" then="x"')


def test_a_path_taken_for_a_file_and_for_a_folder_is_implausible():
    assert implausible('read path="2023-q4" ; delete in="2023-q4" ext=txt')  # "contents of X, then ... inside"
    assert implausible(
        'update in="backup/export.csv" ext=csv mode=set text="x" ; update path="backup/export.csv" mode=set text="y"'
    )
    assert implausible('read path="old" ; move path="a.txt" to="old"')
    assert implausible('update path="notes" mode=append text="x" ; tag path="notes/a.md" tag="t"')
    assert not implausible('list path="2023-q4" ; delete in="2023-q4" ext=txt')
    assert not implausible('read path="old/a.txt" ; move path="b.txt" to="old"')
    assert not implausible('read path="a.txt" ; move path="a.txt" to="old"')


def test_copying_into_itself_or_reading_folders_is_implausible():
    assert implausible('copy path="taxes/server.py" to="taxes/server.py"')
    assert not implausible('copy path="taxes/server.py" to="taxes"')  # a duplicate beside it
    assert implausible('read in="2023-q4" kind=any')
    assert implausible('update in="docs" kind=dir mode=append text="x"')
    assert not implausible('read in="2023-q4"')


def test_a_value_written_twice_or_a_text_that_is_its_own_path_is_implausible():
    assert implausible('tag path="../.env" tag="2024" tag="2024"')
    assert implausible('copy in="x" ext=pdf ext=pdf to="y"')
    assert implausible('create path="receipts/setup.log" content="receipts/setup.log"')
    assert implausible('update path="a.md" mode=set text="a.md"')
    assert not implausible('tag path="../.env" tag="2024" tag="2025"')
    assert not implausible('create path="receipts/setup.log" content="setup"')
    assert not implausible('classify in="notes" by=keywords if="a" then="x" if="b" then="x"')


def test_a_copy_of_a_folders_items_into_that_folder_needs_the_folder_named_twice():
    from fileagent.agent.plan.text import from_text
    from fileagent.agent.planner.plausibility import implausible

    # the request's source folder is absent and the model fell back on the destination
    assert implausible(
        from_text('copy in="personal" to="personal"'), None, "把 medical 目录里的文件全部复制到 personal"
    )
    assert implausible(from_text('copy in="docs" to="docs"'), None, "copy the files in docs into docs again") is None
    assert implausible(from_text('copy path="a.md" to="."'), None, "duplicate a.md here") is None


def test_a_folder_taken_whole_and_items_in_it_need_the_folder_named_twice():
    plan = 'delete in="project" ext=tmp ; delete path="project"'
    assert implausible(plan, prompt="删除 project 及其所有子文件夹中的 .tmp 文件")
    assert not implausible(plan, prompt="delete the tmp files in project, then delete project itself")
    assert implausible(
        'move path="inbox" to="old" ; move in="inbox" ext=pdf to="papers"', prompt="move inbox pdfs to papers"
    )
    assert not implausible(
        'delete in="project" ext=tmp ; delete path="other"', prompt="delete tmp in project and other"
    )
