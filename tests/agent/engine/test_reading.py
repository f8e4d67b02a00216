"""The plan said back in words, in English and Chinese, with counts from the ChangeSet."""

from __future__ import annotations

from fileagent.agent.engine.changeset import Action, ChangeSet
from fileagent.agent.engine.reading import read_back
from fileagent.agent.plan.language import language_of
from fileagent.agent.plan.text import from_text


def _cs(step_kinds):
    return ChangeSet(actions=[Action(seq=i, step=s, kind=k, src="x") for i, (s, k) in enumerate(step_kinds, 1)])


def test_language_follows_the_request():
    assert language_of("把 a.txt 删除") == "zh" and language_of("delete a.txt") == "en" and language_of(None) == "en"


def test_english_reading_one_line_per_step_with_counts():
    plan = from_text('delete in="downloads" ext=csv ; move path="a.txt" to="old" ; create path="n.md" content="hi"')
    lines = read_back(plan, _cs([(1, "delete"), (1, "delete"), (1, "delete"), (2, "mkdir"), (2, "move"), (3, "write")]))
    assert lines == [
        "Delete 3 items: every .csv file in 'downloads' (backed up)",
        "Move 1 item into 'old': 'a.txt'",
        "Create the file 'n.md' containing 'hi'",
    ]


def test_chinese_reading():
    plan = from_text('delete in="downloads" ext=csv')
    assert read_back(plan, _cs([(1, "delete")] * 3), "zh") == ["删除“downloads”中所有.csv 文件（3 个，已备份）"]
    plan = from_text('move in="下载" ext=pdf to="docs/papers"')
    assert read_back(plan, _cs([(1, "move")] * 2), "zh") == ["把“下载”中所有.pdf 文件移动到“docs/papers”（2 个）"]


def test_every_op_reads_in_both_languages_without_counts():
    texts = [
        'list in="a" recursive ext=md',
        'read path="a.txt"',
        'create path="d" kind=dir',
        'update path="a.txt" mode=replace find="x" text="y"',
        'rename in="s" ext=htm set_ext=html',
        'rename path="a" new_name="b"',
        'classify in="d" by=type',
        'tag path="a.md" tag="x" remove',
        'copy in="a" larger=10MB to="b"',
    ]
    for text in texts:
        plan = from_text(text)
        for lang in ("en", "zh"):
            (line,) = read_back(plan, None, lang)
            assert line and "None" not in line, (text, lang, line)
    assert (
        read_back(from_text('copy in="a" larger=10MB to="b"'), None)[0]
        == "Copy items into 'b': every file in 'a', larger than 10 MB"
    )


def test_a_second_step_into_one_zip_reads_as_adding_to_it():
    plan = from_text('archive path="a.txt" to="x.zip" ; archive path="docs/b.pdf" to="x.zip"')
    assert read_back(plan, None) == ["Make the zip 'x.zip': 'a.txt'", "Add to the zip 'x.zip': 'docs/b.pdf'"]
    assert read_back(plan, None, "zh")[1] == "把“docs/b.pdf”加进“x.zip”"
