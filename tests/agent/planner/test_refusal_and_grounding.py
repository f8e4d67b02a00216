"""The refusal reading, the acceptance rule, grounding of values, example requests."""

from __future__ import annotations

import io
import json

import pytest

import fileagent.agent.planner.planner as planner
from fileagent.agent.plan.text import from_text
from fileagent.agent.planner.examples import GALLERY, closest
from fileagent.agent.planner.grounding import ungrounded, written_sizes
from fileagent.agent.planner.refusal import Refusal, RequestRefused, parse_refusal
from fileagent.errors import NoPlannerError, PlanError


def test_refusal_texts_parse_and_plans_do_not():
    for why in ("chat", "other", "unclear"):
        assert parse_refusal(f"none why={why}") == Refusal(why)
        assert Refusal(why).text() == f"none why={why}"
    for text in ('delete path="none"', "none why=absentminded", "none", "none why=chat ; list"):
        assert parse_refusal(text) is None


def test_a_refusal_reading_first_refuses_with_its_class():
    cands = [("none why=other", True), ('delete path="song.mp3"', True)]
    with pytest.raises(RequestRefused) as e:
        planner.choose(cands, lambda p: None, prompt="play song.mp3")
    assert e.value.why == "other" and e.value.exit_status == 4
    doc = e.value.document()
    assert doc["class"] == "other" and 2 <= len(doc["examples"]) <= 3 and doc["message"]


def _absent(plan):
    raise PlanError("rename: 'IMG_2043.jpg' does not exist (nearest there: IMG_2042.jpg)", step=1, absent=True)


class _Believes:
    """A planner whose belief in any plan against its best refusal is a set number."""

    def __init__(self, margin, threshold=2.0):
        self.margin, self.min_margin = margin, threshold

    def refusal_margin(self, prompt, text):
        return self.margin, "other"


ASKED = "rename IMG_2043.jpg to cat.jpg"
READING = 'rename path="IMG_2043.jpg" new_name="cat.jpg"'


def _refused(cands, compile, prompt=ASKED):
    with pytest.raises(NoPlannerError) as e:
        planner.choose(cands, compile, prompt=prompt)
    return e.value


def test_a_believed_reading_that_names_nothing_there_refuses_as_absent():
    first = _refused([(READING, True), ("none why=other", True)], _absent)
    assert isinstance(first, RequestRefused) and first.why == "other" and first.after[0] == READING
    final = planner._or_absent(_Believes(5.0), ASKED, first)
    doc = final.document()
    assert final.why == doc["class"] == "absent" and final.exit_status == 4
    assert doc["message"].startswith("the request names nothing that exists here: step 1: rename: 'IMG_2043.jpg'")
    assert "nearest there: IMG_2042.jpg" in doc["message"] and doc["examples"]
    # no reading compiles at all: the same refusal
    none = _refused([(READING, True)], _absent)
    assert not isinstance(none, RequestRefused)
    assert planner._or_absent(_Believes(5.0), ASKED, none).why == "absent"


def test_a_reading_the_model_barely_believes_keeps_the_models_class():
    first = _refused([(READING, True), ("none why=other", True)], _absent)
    assert planner._or_absent(_Believes(0.5), ASKED, first) is first
    none = _refused([(READING, True)], _absent)
    assert planner._or_absent(_Believes(0.5), ASKED, none) is none
    # small talk stays small talk, however the reading before it was believed
    chat = _refused([('delete path="thanks"', True), ("none why=chat", True)], _absent, "thanks")
    assert planner._or_absent(_Believes(9.0), "thanks", chat).why == "chat"


def test_only_a_first_step_that_names_nothing_there_is_absent():
    def later_step(plan):
        raise PlanError("move: 'log' does not exist", step=2, absent=True)

    def other(plan):
        raise PlanError("rename: new name 'a/b' must be a plain file name", step=1)

    for compile in (later_step, other):
        first = _refused([('rename path="a.txt" new_name="b.txt"', True), ("none why=other", True)], compile)
        assert planner._or_absent(_Believes(9.0), ASKED, first).why == "other"


def test_an_unfinished_refusal_reading_is_no_refusal():
    with pytest.raises(NoPlannerError, match="did not finish") as e:
        planner.choose([("none why=ch", False)], lambda p: ("compiled", p))
    assert not isinstance(e.value, RequestRefused)


def test_extensions_must_be_written_or_come_from_a_type_word():
    assert ungrounded(from_text("delete recursive ext=log"), "delete all .log files") is None
    assert ungrounded(from_text("delete ext=pdf"), "remove the PDFs") is None
    assert ungrounded(from_text("delete ext=pdf"), "删除所有pdf文件") is None
    assert ungrounded(from_text("delete ext=jpg ext=jpeg ext=png ext=gif"), "delete the photos") is None
    assert ungrounded(from_text("delete ext=jpg ext=jpeg ext=png ext=gif"), "删除所有图片") is None
    assert "iso" in ungrounded(from_text("delete ext=mp3 ext=wav ext=flac"), "get rid of the .iso files")
    assert "mp3" in ungrounded(from_text("delete ext=mp3 ext=wav ext=flac"), "get rid of the disk images")
    assert "log" in ungrounded(from_text("delete recursive ext=csv"), "delete all .log files")
    assert "csv" in ungrounded(from_text("delete recursive ext=csv"), "delete all the logs")
    assert (
        ungrounded(from_text('rename in="site" ext=htm set_ext=html'), "change the .htm files in site to .html") is None
    )
    assert "md" in ungrounded(from_text('rename in="a" ext=txt set_ext=md'), "rename the txt files in a")


def test_sizes_need_their_number_and_unit_written():
    assert written_sizes("larger than 10 MB or 500kb, 3 gigabytes, 2 兆") == {
        10 * 1024**2,
        500 * 1024,
        3 * 1024**3,
        2 * 1024**2,
    }
    assert written_sizes("older than 1 year, 30 days") == set()
    assert ungrounded(from_text('delete in="data" larger=10MB'), "delete files in data larger than 10MB") is None
    assert ungrounded(from_text('delete in="data" larger=1MB'), "delete files in data older than 1 year")
    assert ungrounded(from_text('delete in="data" larger=365KB'), "not changed in the last 365 days")


def test_corpus_plans_are_grounded_in_their_requests():
    from fileagent.agent.planner.training.corpus import generate

    for e in generate(4000, seed=13):
        if not e.tgt.startswith("none "):
            assert ungrounded(from_text(e.tgt), e.src) is None, (e.src, e.tgt)


def test_examples_close_to_the_users_words_in_their_language():
    en = closest("please play the pdf files in downloads", "en")
    assert en[0] == "list the pdf files in downloads" and len(en) == 3 and len(set(en)) == 3
    zh = closest("把 song.mp3 发给老王", "zh")
    assert all(any(r == z for r, _ in GALLERY["zh"]) for z in zh)


class _Margin:
    """A planner whose belief in the plan against its best refusal is a set number."""

    def __init__(self, margin, threshold):
        self.margin, self.min_margin = margin, threshold

    def refusal_margin(self, prompt, text):
        return self.margin, "chat"


def test_the_acceptance_rule_refuses_a_plan_the_model_barely_prefers():
    plan = from_text('delete path="report.docx"')
    assert planner.accept(_Margin(5.0, 2.0), "delete report.docx", plan, "cs") == (plan, "cs")
    with pytest.raises(RequestRefused) as e:
        planner.accept(_Margin(0.5, 2.0), "thanks, that's all", plan, "cs")
    assert e.value.why == "chat"
    assert planner.accept(_Margin(-9.0, None), "x", plan, "cs") == (plan, "cs")  # no calibration: no rule


def test_refusal_json_and_exit_code_through_the_cli(tmp_path, monkeypatch):
    from fileagent.cli.fast import main

    def refuse(prompt, **kw):
        raise RequestRefused("chat", prompt)

    monkeypatch.setattr(planner, "plan_request", refuse)
    (tmp_path / "a.txt").write_text("x")
    for cmd in ("run", "plan"):
        out, err = io.StringIO(), io.StringIO()
        assert (
            main([cmd, "--root", str(tmp_path), "--json", "thanks"], stdout=out, stderr=err, stdin=io.StringIO()) == 4
        )
        doc = json.loads(out.getvalue())["refused"]
        assert doc["class"] == "chat" and doc["examples"] and "not a file job" in doc["message"]
        assert err.getvalue().startswith("fileagent: error: this is not a file job") and err.getvalue().count("\n") == 1
    assert (tmp_path / "a.txt").read_text() == "x"


def test_examples_command_prints_both_languages():
    from fileagent.cli.fast import main

    out = io.StringIO()
    assert main(["examples"], stdout=out, stderr=io.StringIO()) == 0
    text = out.getvalue()
    assert "English:" in text and "中文:" in text and GALLERY["zh"][0][0] in text
    out = io.StringIO()
    assert main(["examples", "--json"], stdout=out, stderr=io.StringIO()) == 0
    assert set(json.loads(out.getvalue())) == {"en", "zh"}


def test_no_plan_without_a_model_stays_no_plan(monkeypatch, tmp_path):
    monkeypatch.setenv("FILEAGENT_MODEL_DIR", str(tmp_path / "nowhere"))
    planner.load_planner.cache_clear()
    with pytest.raises(NoPlannerError, match="no planner model"):
        planner.plan_request("thanks", root=tmp_path, compile=lambda p: None)


def test_an_extension_the_request_names_is_carried_by_the_plan():
    from fileagent.agent.planner.grounding import named_exts

    assert named_exts("删除 downloads 里的 iso 文件") == {"iso"} and named_exts("remove every .dmg installer") == {
        "dmg"
    }
    assert named_exts("move report.pdf to x") == set() and named_exts("copy a to the tmp 文件夹") == set()
    assert named_exts("so file 'old stuff' by type") == set()
    assert "iso" in ungrounded(from_text('delete path="downloads"'), "delete the iso files in downloads")
    assert "iso" in ungrounded(from_text('delete in="downloads"'), "删除 downloads 里的 iso 文件")
    assert ungrounded(from_text('delete in="downloads" ext=iso'), "delete the iso files in downloads") is None
    assert ungrounded(from_text('delete in="d" pattern="*.iso"'), "delete the .iso files in d") is None


def test_a_plan_does_not_act_on_more_than_the_request_names():
    # a path the request writes only as the start of a longer one
    assert "longer path" in ungrounded(
        from_text('copy path="projects/website/" to="backup"'), "copy projects/website/about.html to backup"
    )
    assert ungrounded(from_text('move path="docs" to="docs/archive"'), "move docs to docs/archive") is None
    # also where the step names its item itself (a single rename): never the folder of a missing file
    assert "longer path" in ungrounded(
        from_text('rename path="notes" new_name="journal.txt"'), "把 notes/diary.txt 重命名为 notes/journal.txt"
    )
    assert ungrounded(from_text('rename path="notes" new_name="journal"'), "rename notes to journal") is None
    # a one-step request that spells an extension out means it alone, not the type word's list
    assert "zip" in ungrounded(from_text("delete recursive ext=rar ext=zip"), "删除所有 .rar 压缩文件")
    assert ungrounded(from_text("delete recursive ext=zip ext=rar ext=7z"), "删除所有压缩文件") is None


def test_a_lower_candidate_never_widens_the_selection_to_the_root():
    from fileagent.agent.planner.order import other_job

    assert other_job('delete in="temp" kind=any', "delete recursive kind=any")
    assert other_job('delete path="temp/a.txt"', 'delete path="tmp/a.txt"') is None


def test_a_file_name_with_its_extension_names_no_other_file(tmp_path):
    from fileagent.agent.planner.constraint import PlanConstraint
    from fileagent.agent.planner.planner import SHIPPED_DIR, Planner

    p = Planner(SHIPPED_DIR)
    c = PlanConstraint(p.grammar, "rename notes.txt to notes_old.txt", ["notes.md", "docs/report.pdf"])
    assert b"notes.md" not in c.paths
    c = PlanConstraint(p.grammar, "rename the notes to old_notes", ["notes.md"])
    assert b"notes.md" in c.paths


def test_deleting_or_moving_the_whole_tree_needs_a_word_for_all():
    assert "does not say all" in ungrounded(from_text("delete recursive"), "where are the deleted files backed up?")
    assert "does not say all" in ungrounded(from_text("delete recursive"), "删掉的文件备份在哪里")
    assert "does not say all" in ungrounded(from_text('move recursive to="misc"'), "move the files to misc")
    assert ungrounded(from_text("delete recursive"), "delete all files") is None
    assert ungrounded(from_text('move recursive to="misc"'), "把所有文件移到 misc") is None
    assert ungrounded(from_text("delete recursive kind=any"), "delete everything") is None
    # a narrowed selection, or a job that keeps what is there, needs no such word
    assert ungrounded(from_text('delete in="tmp"'), "delete the files in tmp") is None
    assert ungrounded(from_text("classify recursive by=extension"), "classify the files by extension") is None


@pytest.mark.parametrize(
    "request_text,text,ok",
    [
        ("把所有音频文件都删掉", "delete recursive kind=dir", False),
        ("delete all audio files", "delete recursive kind=dir", False),
        ("move the photos in camera to albums", 'move in="camera" to="albums"', False),
        ("把所有音频文件都删掉", "delete recursive ext=mp3 ext=wav ext=flac", True),
        ("move everything in photos to old", 'move in="photos" kind=any to="old"', True),  # a folder's name
        ("number the files in x photo_1, photo_2", 'rename in="x" template="photo_{n}.{ext}"', True),
        ("sort the files in inbox into images, documents and music", 'classify in="inbox" by=type', True),
        ("copy the files in work except the log files to old", 'copy in="work" except="*.log" to="old"', True),
    ],
)
def test_a_type_word_of_the_request_is_carried_by_a_step(request_text, text, ok):
    why = ungrounded(from_text(text), request_text)
    assert (why is None) == ok, why


def test_a_missing_file_is_refused_as_absent_in_process_with_the_nearest_names(tmp_path):
    from fileagent.cli.fast import main

    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "IMG_2042.jpg").write_text("j")
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_STATE_HOME": str(tmp_path / "s")}
    out, err = io.StringIO(), io.StringIO()
    request = "rename photos/IMG_2043.jpg to cat.jpg"
    rc = main(["run", "--root", str(tmp_path), "--json", request], env=env, stdout=out, stderr=err, stdin=io.StringIO())
    assert rc == 4
    doc = json.loads(out.getvalue())["refused"]
    assert doc["class"] == "absent" and "(nearest there: photos/IMG_2042.jpg)" in doc["message"]
    assert (tmp_path / "photos" / "IMG_2042.jpg").read_text() == "j"
