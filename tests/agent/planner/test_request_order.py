"""The order candidates are tried in: the beam's, but leaving out less of the request goes first."""

from __future__ import annotations

from fileagent.agent.planner.order import misses, request_dates, request_order


def test_the_dates_a_request_gives():
    assert request_dates("files changed after Jul 27 2023") >= {"2023-07-27"}
    assert "2023-06-27" not in request_dates("files changed after Jul 27 2023")
    assert "2018-07-20" in request_dates("older than July 20, 2018")
    assert "2019-03-24" in request_dates("updated after 24 March 2019")
    assert "2022-09-03" in request_dates("older than 2022-09-03 or 2022/9/3")
    assert "2025-04-24" in request_dates("在 2025年4月24日 之后改过的")
    # a year or a month is its first day and the first day of the next
    assert {"2025-01-01", "2026-01-01"} <= request_dates("last modified in 2025")
    assert {"2024-12-01", "2025-01-01"} <= request_dates("from December 2024")
    assert {"2023-05-01", "2023-06-01"} <= request_dates("2023年5月修改的")
    assert request_dates("move a.txt to old") == set()
    assert request_dates("summary 2024 and junk 2023") == {"2023-01-01", "2024-01-01", "2025-01-01"}  # no month


def test_misses_count_what_the_request_writes_and_the_plan_leaves_out():
    prompt = "touch 'a.md' and write 'Hi there' in it"
    assert misses('create path="a.md" content="hi there"', prompt) == (0, 0)
    assert misses('create path="a.md"', prompt) == (1, 0)
    assert misses('create path="b.md"', prompt) == (2, 0)
    # written paths, whole or by their last part; a Chinese name is not looked for
    prompt = "tag temp as todo then print out family/api/README.txt"
    assert misses('tag path="temp" tag="todo" ; read path="family/api/README.txt"', prompt) == (0, 0)
    assert misses('tag path="temp" tag="todo"', prompt) == (0, 1)
    assert misses(
        'rename path="recipes/settings.yaml" new_name="intro.tar"',
        "give settings.yaml inside recipes the name recipes/intro.tar",
    ) == (0, 0)
    assert misses('read path="学习资料/笔记.txt"', "读一下 学习资料/笔记.txt") == (0, 0)
    # a regex the plan escapes is the request's
    assert misses(
        'update path="a.log" mode=replace_regex find="\\\\d+" text="N"', 'in a.log replace regex "\\d+" with N'
    ) == (0, 0)
    # dates the request does not give
    prompt = "list the txt files changed after Jun 6 2023"
    assert misses("list ext=txt after=2023-06-06", prompt) == (0, 0)
    assert misses("list ext=txt after=2023-07-06", prompt) == (0, 1)
    # a numeric date read day or month first is not known: no date is a miss then
    assert misses("list after=2023-01-01", "list files newer than 27.07.2023") == (0, 0)
    # a request's word is looked for in the plan's values, not its ops and keys
    assert misses('read path="x"', "read 'path'") == (1, 0)
    assert misses('list path="x" kind=dir', "list 'dir'") == (0, 0)


def test_candidates_leaving_out_less_come_first_in_beam_order_among_equals():
    cands = [
        ('create path="a.md"', True),
        ('create path="a.md" content="hi there"', True),
        ('create path="b.md" content="hi there"', True),
    ]
    ranked = request_order(cands, "touch 'a.md' and write 'Hi there' in it")
    assert [c[0] for c in ranked] == [cands[1][0], cands[0][0], cands[2][0]]
    assert request_order(cands, "touch a.md") == cands
    dated = [("list after=2018-06-20", True), ("list after=2018-07-20", True)]
    assert request_order(dated, "list files newer than Jul 20 2018")[0][0] == "list after=2018-07-20"
    assert request_order([], "x") == []


def test_a_deletion_never_moves_ahead_and_a_change_only_by_quoted_text():
    # the best reading only looks; a lower one that carries more of the request but deletes stays behind
    cands = [('list path="notes"', True), ('delete path="notes/a.md"', True)]
    assert request_order(cands, "show me 'notes/a.md'") == cands
    # a change moves ahead of a look by a quoted text it carries ...
    cands = [('read path="a.txt"', True), ('update path="a.txt" mode=set text="buy milk"', True)]
    assert request_order(cands, "erase what's in a.txt and write 'buy milk'") == cands[::-1]
    # ... never by a path or a date
    cands = [('list path="notes"', True), ('update path="notes/a.md" mode=append text="x"', True)]
    assert request_order(cands, "show me notes/a.md x") == cands
    cands = [("list after=2018-06-20", True), ('tag after=2018-07-20 tag="x"', True)]
    assert request_order(cands, "list files newer than Jul 20 2018 x") == cands


def test_a_retry_on_existing_paths_keeps_to_what_the_request_names():
    from fileagent.agent.planner.existing_tree import named_by
    from fileagent.agent.planner.planner import _names_its_target

    assert not named_by("delete everything in the temp folder", "old")  # "old" inside "folder" is no name
    assert named_by("show me OLD/README.TXT", "old/readme.txt")  # case
    assert named_by("delete meeting-notes.txt", "meeting_notes.txt")  # "-" for "_"
    assert named_by("delete everything in the photso folder", "photos")  # one typo in a name of four letters or more
    assert not named_by("delete the bold files", "old")  # shorter names only as written
    assert not named_by("append 'x' to requirements-dev.txt", "requirements.txt")  # another name with that head
    assert not named_by("delete report.docx", "report.pdf") and named_by("delete the report file", "report.pdf")
    assert named_by("把照片删掉", "照片/a.jpg") and not named_by("把照片删掉", "文档")
    assert not _names_its_target('delete in="old" kind=any', "delete everything in the temp folder")
    assert _names_its_target('delete in="old" kind=any', "delete everything in the Old folder")


def test_a_retry_spells_the_first_steps_paths_as_on_disk():
    from fileagent.agent.planner.existing_tree import spelled_as_on_disk

    def spelled(text, paths):
        (out,) = spelled_as_on_disk([text], paths)
        return out

    paths = ["Downloads", "Downloads/Zoom.dmg", "Downloads/a.pdf", "Photos", "photos", "notes.txt"]
    assert spelled('list in="downloads" ext=pdf', paths) == 'list in="Downloads" ext=pdf'
    assert spelled('delete path="downloads/zoom.DMG"', paths) == 'delete path="Downloads/Zoom.dmg"'
    assert (
        spelled('rename path="DOWNLOADS/A.PDF" new_name="b.pdf"', paths)
        == 'rename path="Downloads/a.pdf" new_name="b.pdf"'
    )
    # as written where it is there, or where two paths differ only in case, or where none matches
    assert spelled('list in="photos"', paths) == 'list in="photos"'
    assert spelled('list in="PHOTOS"', paths) == 'list in="PHOTOS"'
    assert spelled('list in="music"', paths) == 'list in="music"'
    # only the first step, which selects what is there now; a create names what is not
    assert (
        spelled('move path="notes.txt" to="downloads" ; list in="downloads"', paths)
        == 'move path="notes.txt" to="downloads" ; list in="downloads"'
    )
    assert spelled('create path="downloads/x.txt" content="x"', paths) == 'create path="downloads/x.txt" content="x"'


def test_a_folder_written_in_another_case_is_found_on_a_case_sensitive_disk(tmp_path):
    import io

    from fileagent.cli.fast import main

    (tmp_path / "Downloads").mkdir()
    (tmp_path / "Downloads" / "paper.pdf").write_text("%PDF")
    (tmp_path / "Downloads" / "song.mp3").write_text("mp3")
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_STATE_HOME": str(tmp_path / "s")}
    out, err = io.StringIO(), io.StringIO()
    rc = main(["run", "--root", str(tmp_path), "list the pdf files in downloads"], env=env, stdout=out, stderr=err)
    assert rc == 0, err.getvalue()
    assert out.getvalue().splitlines()[0] == "Downloads/paper.pdf"
