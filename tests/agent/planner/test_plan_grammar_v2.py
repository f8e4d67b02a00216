"""Version-2 plan texts under the decoding constraint: the canonical texts the planner is trained to
write are accepted for requests that say them, in English and in Chinese, and every count, age,
exclusion and template comes from the request."""

from __future__ import annotations

import pytest
from test_plan_grammar import EOS, PIECES, accepts

from fileagent.agent.plan import text as plan_text
from fileagent.agent.planner.grammar import PlanGrammar
from fileagent.agent.planner.values_v2 import RequestValues, written_ages, written_numbers

# (request, canonical plan text): one row of the canonical table each, English then Chinese.
CANONICAL = [
    ("zip the site folder", 'archive path="site" to="site"'),
    ("把 site 目录压缩", 'archive path="site" to="site"'),
    ("zip the pdfs in docs into papers.zip", 'archive in="docs" ext=pdf to="papers.zip"'),
    ("把 docs 里的 pdf 打包成 papers.zip", 'archive in="docs" ext=pdf to="papers.zip"'),
    ("compress the pdfs in docs into papers", 'archive in="docs" ext=pdf to="papers"'),
    (
        "zip the pdfs in docs into papers.zip and delete the originals",
        'archive in="docs" ext=pdf to="papers.zip" remove_originals',
    ),
    (
        "把 docs 里的 pdf 压缩成 papers.zip，然后删掉原文件",
        'archive in="docs" ext=pdf to="papers.zip" remove_originals',
    ),
    ("extract inbox/fonts.zip", 'extract path="inbox/fonts.zip"'),
    ("解压 a.zip", 'extract path="a.zip"'),
    ("解压周报.zip", 'extract path="周报.zip"'),
    ("把周报压缩一下", 'archive path="周报" to="周报"'),
    ("extract inbox/fonts.zip to fonts", 'extract path="inbox/fonts.zip" to="fonts"'),
    ("把 inbox/fonts.zip 解压到 fonts", 'extract path="inbox/fonts.zip" to="fonts"'),
    ("find duplicate files in music", 'list in="music" recursive duplicates=oldest'),
    ("找出 music 里的重复文件", 'list in="music" recursive duplicates=oldest'),
    ("find duplicates", "list recursive duplicates=oldest"),
    ("找出所有重复的文件", "list recursive duplicates=oldest"),
    (
        "delete duplicate photos in pics, keep the newest",
        'delete in="pics" recursive ext=jpg ext=jpeg ext=png ext=gif duplicates=newest',
    ),
    (
        "删除 pics 里重复的照片，保留最新的",
        'delete in="pics" recursive ext=jpg ext=jpeg ext=png ext=gif duplicates=newest',
    ),
    (
        "delete duplicate photos in pics, keep the copy in music/best",
        'delete in="pics" recursive ext=jpg ext=jpeg ext=png ext=gif duplicates=in_folder keep_in="music/best"',
    ),
    (
        "删除 pics 里重复的照片，保留 music/best 里的那份",
        'delete in="pics" recursive ext=jpg ext=jpeg ext=png ext=gif duplicates=in_folder keep_in="music/best"',
    ),
    (
        "delete the duplicate files in pics, keep the one with the shortest path",
        'delete in="pics" recursive duplicates=shortest_path',
    ),
    ("删除 pics 里的重复文件，保留路径最短的那个", 'delete in="pics" recursive duplicates=shortest_path'),
    ("move duplicate files in a to dups", 'move in="a" recursive duplicates=oldest to="dups"'),
    ("把 a 里的重复文件移到 dups", 'move in="a" recursive duplicates=oldest to="dups"'),
    ("the 5 biggest files in downloads", 'list in="downloads" sort=size desc limit=5'),
    ("downloads 里最大的 5 个文件", 'list in="downloads" sort=size desc limit=5'),
    ("the five biggest files in downloads", 'list in="downloads" sort=size desc limit=5'),
    ("downloads 里最大的五个文件", 'list in="downloads" sort=size desc limit=5'),
    ("which 2 files are the largest", "list recursive sort=size desc limit=2"),
    ("哪两个文件最大", "list recursive sort=size desc limit=2"),
    ("show me the smallest file", "list recursive sort=size limit=1"),
    ("最小的文件是哪个", "list recursive sort=size limit=1"),
    ("the 3 oldest files", "list recursive sort=mtime limit=3"),
    ("最旧的三个文件", "list recursive sort=mtime limit=3"),
    ("what is the newest file", "list recursive sort=mtime desc limit=1"),
    ("最新的文件", "list recursive sort=mtime desc limit=1"),
    ("list the files in docs sorted by name", 'list in="docs" sort=name'),
    ("按名称列出 docs 里的文件", 'list in="docs" sort=name'),
    ("list the files in docs largest first", 'list in="docs" sort=size desc'),
    ("delete the empty folders in projects", 'delete in="projects" kind=dir empty'),
    ("删除 projects 里的空文件夹", 'delete in="projects" kind=dir empty'),
    ("delete the empty folders under projects", 'delete in="projects" recursive kind=dir empty'),
    ("list empty folders", "list recursive kind=dir empty"),
    ("列出空文件夹", "list recursive kind=dir empty"),
    ("delete empty files", "delete recursive empty"),
    ("删除空文件", "delete recursive empty"),
    ("list the files older than 2 years", "list recursive older=2y"),
    ("列出超过两年的文件", "list recursive older=2y"),
    ("files not touched for a year", "list recursive older=1y"),
    ("files changed in the last 30 days", "list recursive newer=30d"),
    ("最近 30 天改过的文件", "list recursive newer=30d"),
    ("最近一周的文件", "list recursive newer=1w"),
    ("what changed last month", "list recursive newer=1m"),
    ("三个月以前的文件", "list recursive older=3m"),
    (
        "move everything in downloads except the iso files to sorted",
        'move in="downloads" kind=any except="*.iso" to="sorted"',
    ),
    ("把 downloads 里除了 iso 文件以外的东西都移到 sorted", 'move in="downloads" kind=any except="*.iso" to="sorted"'),
    (
        "move everything in downloads except the ISO files to sorted",
        'move in="downloads" kind=any except="*.iso" to="sorted"',
    ),
    (
        "move everything in downloads but not the archive folder to sorted",
        'move in="downloads" kind=any except="archive" to="sorted"',
    ),
    (
        "把 downloads 里除了 archive 文件夹的东西都移到 sorted",
        'move in="downloads" kind=any except="archive" to="sorted"',
    ),
    (
        "move the pdfs under docs to backup, keeping the folders",
        'move in="docs" recursive ext=pdf to="backup" keep_structure',
    ),
    ("把 docs 下的 pdf 移到 backup，保留目录结构", 'move in="docs" recursive ext=pdf to="backup" keep_structure'),
    ("lowercase the names of the files in x", 'rename in="x" case=lower'),
    ("把 x 里的文件名改成小写", 'rename in="x" case=lower'),
    ("make the file names in x upper case", 'rename in="x" case=upper'),
    ("把 x 里的文件名改成大写", 'rename in="x" case=upper'),
    ("number the pngs in scans page_1, page_2", 'rename in="scans" ext=png template="page_{n}.{ext}"'),
    ("把 scans 里的 png 编号为 page_1、page_2", 'rename in="scans" ext=png template="page_{n}.{ext}"'),
    ("number the pngs in scans photo_001, photo_002", 'rename in="scans" ext=png template="photo_{n:03}.{ext}"'),
    (
        "number the pngs in scans page_5, page_6 and so on, starting at 5",
        'rename in="scans" ext=png template="page_{n}.{ext}" start=5',
    ),
    (
        "把 scans 里的 png 编号为 page_5、page_6，从 5 开始",
        'rename in="scans" ext=png template="page_{n}.{ext}" start=5',
    ),
    ("rename the photos in pics by date", 'rename in="pics" ext=jpg ext=jpeg ext=png ext=gif template="{date}_{name}"'),
    (
        "把 pics 里的照片按日期重命名",
        'rename in="pics" ext=jpg ext=jpeg ext=png ext=gif template="{date}_{name}"',
    ),
    (
        "put the date at the end of the names of the pdfs in docs",
        'rename in="docs" ext=pdf template="{stem}_{date}.{ext}"',
    ),
    ("在 docs 里 pdf 的文件名后面加上日期", 'rename in="docs" ext=pdf template="{stem}_{date}.{ext}"'),
    ("sort the notes in kb by topic", 'classify in="kb" by=topic'),
    ("把 kb 里的笔记按主题分类", 'classify in="kb" by=topic'),
    ("sort the notes in kb by topic into 3 groups", 'classify in="kb" by=topic max_groups=3'),
    ("把 kb 里的笔记按主题分成三组", 'classify in="kb" by=topic max_groups=3'),
]


@pytest.fixture(scope="module")
def grammar() -> PlanGrammar:
    return PlanGrammar(PIECES, EOS)


@pytest.mark.parametrize("request_text,text", CANONICAL)
def test_canonical_texts_are_accepted_for_requests_that_say_them(grammar, request_text, text):
    assert accepts(grammar, request_text, text)
    plan = plan_text.from_text(text)
    assert plan.version == 2 and plan_text.to_text(plan) == text


@pytest.mark.parametrize(
    "request_text,text",
    [
        ("the 5 biggest files in downloads", 'list in="downloads" sort=size desc limit=7'),
        ("the 5 biggest files in downloads", 'list in="downloads" sort=size desc limit=1'),  # 5 is the count
        ("最大的5个文件", "list recursive sort=size desc limit=1"),
        ("list the 2 files in docs", 'list in="docs" sort=size desc limit=1'),  # 2 written, no superlative
        ("files older than 2 months", "list recursive older=2y"),
        ("files older than 2 months", "list recursive older=2m older=2y"),
        ("older than 2 years, newer than 6 months", "list recursive older=6y"),  # numbers of another age
        ("files from 2024年", "list recursive older=2024y"),  # a year, not an age
        ("files from 3月", "list recursive newer=3m"),  # March, not three months
        (
            "move everything in downloads except the pdf files to sorted",
            'move in="downloads" except="*.iso" to="sorted"',
        ),
        ("sort the notes in kb by topic", 'classify in="kb" by=topic max_groups=3'),
        ("number the pngs in scans page_1, page_2", 'rename in="scans" ext=png template="page_{n}.{ext}" start=3'),
        ("rename the photos in pics", 'rename in="pics" ext=jpg template="{date}_{name}"'),  # no date spoken of
    ],
)
def test_values_the_request_does_not_write_are_refused(grammar, request_text, text):
    assert not accepts(grammar, request_text, text)


@pytest.mark.parametrize(
    "text",
    [
        'list in="a" desc',  # desc orders a sort
        'list in="a" sort=size desc desc',
        'list in="a" duplicates=in_folder',  # in_folder names its folder
        'list in="a" keep_in="a"',  # keep_in only with in_folder
        'delete in="a" recursive duplicates=in_folder to="a"',
        'rename in="a" case=lower start=1',  # start only after a template
        'rename in="a" template="a{n}" case=lower',  # one batch field
        'rename in="a" start=1',
        'classify in="a" max_groups=1',  # max_groups only with by=topic
        'classify in="a" by=type max_groups=1',
        'archive in="a"',  # archive needs to
        'archive in="a" remove_originals',
        'move in="a" keep_structure',
        "extract",  # extract needs path
        'extract to="a"',
        "list older=0d",
        "list older=01d",
        "list limit=0",
        "list limit=01",
        "list sort=date",
        "list duplicates=all",
        'rename in="a" case=title',
    ],
)
def test_cross_field_rules_and_shapes(grammar, text):
    assert not accepts(grammar, "a 1 0 01 0d 01d older than 1 day, date title all the largest", text)


def test_start_may_be_zero_when_written(grammar):
    request = "number the pngs in a page_0, page_1"
    assert accepts(grammar, request, 'rename in="a" ext=png template="page_{n}.{ext}" start=0')


def test_numbers_and_ages_a_request_writes():
    assert written_numbers("the 12 biggest, or twelve, 十二 个, 两个, 二十") >= {12, 2, 20}
    assert written_ages("older than 2 years") == {"2y"}
    assert written_ages("in the last ten days or a week") == {"10d", "1w"}
    assert written_ages("超过两年，最近3个月，最近一周，十五天内") == {"2y", "3m", "1w", "15d"}
    assert written_ages("上个月改过的, last year") == {"1m", "1y"}
    assert written_ages("2024年3月5日以后") == {"5d"}  # a day count at most, never 2024y or 3m
    assert written_ages("changed less than 30 das ago, older than 2 yaers") == {"30d", "2y"}  # typos
    assert RequestValues("the biggest file").counts["limit"] == {"1"}
    assert RequestValues("the 3 biggest files").counts["limit"] == {"3"}
    assert RequestValues("最大的文件").counts["limit"] == {"1"}
