"""A changing step takes no more than the request gives it (planner/breadth.py)."""

from __future__ import annotations

import pytest

from fileagent.agent.plan.text import from_text
from fileagent.agent.planner.breadth import overreaches


def why(text: str, prompt: str, root=None) -> str | None:
    return overreaches(from_text(text), root, prompt)


@pytest.mark.parametrize(
    "prompt, text",
    [
        ("delete debug.log but keep TODO.txt", 'delete path="debug.log" ; delete path="TODO.txt"'),
        ("delete debug.log but not build/out.log", 'delete path="debug.log" ; delete path="build/out.log"'),
        ("remove data.csv, leave README.md", 'delete path="data.csv" ; delete path="README.md"'),
        ("删除 notes.txt，保留 todo.txt", 'delete path="notes.txt" ; delete path="todo.txt"'),
        ("把 debug.log 删掉，README.md 别动", 'delete path="debug.log" ; delete path="README.md"'),
        ("把 notes.txt 移到 old，todo.txt 不动", 'move path="notes.txt" to="old" ; move path="todo.txt" to="old"'),
        ("copy notes.txt to old, do not delete anything", 'copy path="notes.txt" to="old" ; delete path="notes.txt"'),
        ("keep the 3 newest files and delete the rest", "delete recursive sort=mtime desc limit=3"),
        ("保留最大的文件，删除其他的", "delete recursive sort=size desc limit=1"),
        ("delete the resume in downloads", 'delete in="downloads" kind=any'),
        ("删除 downloads 里的简历", 'delete in="downloads" kind=any'),
        ("删除 downloads 里的简历", 'delete in="downloads" kind=any except="简历"'),
        ("把 downloads 里的发票移到 笔记", 'move in="downloads" kind=dir to="笔记"'),
        ("delete the large files in downloads", 'delete in="downloads" sort=size desc'),
        ("rename the jpgs to lowercase extensions", "rename recursive ext=jpg case=lower"),
        ("把 笔记 按主题分类", 'classify in="笔记"'),
        ("delete the files not changed in the last month", "delete recursive newer=1m"),
        ("删除最近一个月没改过的文件", "delete recursive newer=1m"),
    ],
)
def test_what_the_request_keeps_or_never_names_is_not_taken(prompt, text):
    assert why(text, prompt) is not None


@pytest.mark.parametrize(
    "prompt, text",
    [
        ("delete notes.txt and todo.txt", 'delete path="notes.txt" ; delete path="todo.txt"'),
        ("keep server.log where it is but rename it to a.log", 'rename path="server.log" new_name="a.log"'),
        ("don't move error.bak, just rename it to x.bak", 'rename path="error.bak" new_name="x.bak"'),
        ('"配置.json"跟"简历.txt"不要了，删了吧', 'delete path="配置.json" ; delete path="简历.txt"'),
        ("delete the 3 biggest files in downloads", 'delete in="downloads" sort=size desc limit=3'),
        ("delete everything in downloads", 'delete in="downloads" kind=any'),
        ("清空 drafts", 'delete in="drafts" kind=any'),
        ("clean out the cache folder completely", 'delete in="cache" kind=any'),
        ("move the files in inbox to old", 'move in="inbox" to="old"'),
        ("move the subfolders of inbox to old", 'move in="inbox" kind=dir to="old"'),
        (
            "move everything in downloads except the pdf files to misc",
            'move in="downloads" kind=any except="*.pdf" to="misc"',
        ),
        ("把 downloads 里除了 pdf 以外的文件移到 misc", 'move in="downloads" except="*.pdf" to="misc"'),
        ("rename the photos in pics by date", 'rename in="pics" ext=jpg sort=mtime template="{date}_{name}"'),
        ("delete the files changed in the last month", "delete recursive newer=1m"),
        ("2023-q4的这周改过的影片没用了，delete吧", 'delete in="2023-q4" ext=mp4 newer=1w'),
    ],
)
def test_what_the_request_gives_is_taken(prompt, text):
    assert why(text, prompt) is None


def test_a_folder_taken_whole_where_the_request_looks_inside_it(tmp_path):
    (tmp_path / "downloads").mkdir()
    (tmp_path / "project").mkdir()
    assert why('delete path="downloads"', "delete the old screenshots in downloads", tmp_path)
    assert why('delete path="project"', "把 project 里的测试删掉", tmp_path)
    assert why('move path="downloads" to="photos"', "move the screenshots from downloads to photos", tmp_path)
    assert why('delete path="downloads"', "delete the downloads folder", tmp_path) is None
    (tmp_path / "old").mkdir()
    assert why('delete path="old"', "delete the old screenshots", tmp_path)
    assert why('delete path="old"', "delete the old folder", tmp_path) is None
    assert why('delete path="old"', "delete old and its contents", tmp_path) is None
    assert why('move path="project" to="old"', "move project into old", tmp_path) is None
