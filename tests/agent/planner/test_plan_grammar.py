"""The plan grammar as a decoding constraint: what it accepts parses, values come from the request."""

from __future__ import annotations

import random

import numpy as np
import pytest

from fileagent.agent.plan import text as plan_text
from fileagent.agent.planner.constraint import PlanConstraint
from fileagent.agent.planner.grammar import EOS_STATE, PlanGrammar, tokenizer_symbols
from fileagent.agent.planner.training.corpus import generate


def plan_examples(*args, **kw):
    """The corpus's examples whose target is a plan (not a refusal reading)."""
    return [e for e in generate(*args, **kw) if not e.tgt.startswith("none ")]


EOS = 3
# A vocabulary like a trained one: control ids, every byte, the structural symbols, and pieces
# that straddle grammar elements (`="`, `" to`, `f ;`) or split a UTF-8 character.
PIECES = (
    [b"", b"", b"", b""]
    + [bytes([i]) for i in range(256)]
    + [s.replace("\u2581", " ").encode() for s in tokenizer_symbols()]
    + [
        b'="',
        b'" to',
        b"f ;",
        b"pdf",
        b"ar",
        b"chive",
        b"move",
        b"delete",
        b"20",
        b"-0",
        b"MB",
        "文".encode(),
        "文档".encode()[:4],
        b"re",
        b"place",
        b"_regex",
        b"*.",
        b'\\"',
        b" ; c",
    ]
)


@pytest.fixture(scope="module")
def grammar() -> PlanGrammar:
    return PlanGrammar(PIECES, EOS)


STRADDLING = {b'="', b'" to', b"f ;", b" ; c"}  # in the vocabulary, never written by the tokenizer


def longest_match(text: str) -> list[int]:
    """Tokenize like SentencePiece would here: symbols whole, no piece across one."""
    data, i, ids = text.encode(), 0, []
    while i < len(data):
        best = max(
            (t for t, b in enumerate(PIECES) if b and b not in STRADDLING and data.startswith(b, i)),
            key=lambda t: len(PIECES[t]),
        )
        ids.append(best)
        i += len(PIECES[best])
    return ids


def feed(c: PlanConstraint, ids: list[int]):
    """Run ids through the constraint, checking each is in the mask; the state, or None if refused."""
    s = c.start()
    for t in ids:
        if not c.allowed(s)[t]:
            return None
        s = c.advance(s, t)
    return s


def accepts(grammar, request: str, text: str, paths=(), whole_tree: bool = False) -> bool:
    c = PlanConstraint(grammar, request, paths, whole_tree=whole_tree)
    s = feed(c, longest_match(text))
    return s is not None and bool(c.allowed(s)[EOS])


OWN_CASES = [
    ("put every pdf of the inbox into archive/scans", 'move in="inbox" ext=pdf to="archive/scans"'),
    ("erase a.txt, then make a folder named old", 'delete path="a.txt" ; create path="old" kind=dir'),
    ('in notes.md swap "colour" for color', 'update path="notes.md" mode=replace find="\\"colour\\"" text="color"'),
    ("show files above 10MB changed after 2024-02-29", "list larger=10MB after=2024-02-29"),
    ("sort the notes folder: kubernetes goes to ops", 'classify in="notes" by=keywords if="kubernetes" then="ops"'),
    ("把 下载 里的所有 pdf 移动到 文档/论文", 'move in="下载" ext=pdf to="文档/论文"'),
    ("files in logs whose name starts with err, everywhere", 'list in="logs" pattern="err*" recursive'),
    ("number the jpg photos as trip", 'rename ext=jpg template="trip_{n:03}.{ext}"'),
    ("move the report one level up", 'move path="report" to=".."'),
    (
        "tag x.md with draft and todo, then untag y.md draft",
        'tag path="x.md" tag="draft" tag="todo" ; tag path="y.md" tag="draft" remove',
    ),
]


@pytest.mark.parametrize("request_text,text", OWN_CASES)
def test_accepts_plans_whose_values_come_from_the_request(grammar, request_text, text):
    assert accepts(grammar, request_text, text)
    plan_text.from_text(text)


def test_paths_not_in_the_request_need_to_exist(grammar):
    text = 'move path="docs/report.pdf" to="archive"'
    assert not accepts(grammar, "move the report to archive", text)
    assert accepts(grammar, "move the report to archive", text, paths=["docs", "docs/report.pdf"])
    assert not accepts(grammar, "move the report to archive", 'move path="report" to="archives"')
    # an existing path the request does not name stays out of reach
    assert not accepts(
        grammar,
        "move the report to archive",
        'move path="docs/menu.md" to="archive"',
        paths=["docs", "docs/report.pdf", "docs/menu.md"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "list after=2023-02-29",  # no such day
        "list larger=1024KB",  # the renderer writes 1MB
        "list larger=0KB",
        'update path="a" mode=replace text="b"',  # replace needs find
        'update path="a" mode=append find="x" text="b"',
        'rename in="a" new_name="b"',  # one-item rename needs path
        'rename path="a" new_name="b" set_ext=md',
        'move to="a" path="b"',  # key order
        "tag remove",
        'classify in="a" if="b" then="a"',  # rules only with by=keywords
        "list kind=file",  # the default is never written
        'list path="a" in="b"',
    ],
)
def test_refuses_what_does_not_parse_or_is_not_canonical(grammar, text):
    assert not accepts(grammar, "a b list 2023-02-29 1024KB move md", text)


def test_random_walks_always_parse_and_round_trip(grammar):
    from fileagent.agent.planner.refusal import parse_refusal

    rng = random.Random(7)
    requests = ['move "my file" from inbox/old to archive, 10MB, 2024 report*', "把 下载 里的 pdf 移到 文档\\笔记"]
    finished = 0
    for i in range(80):
        c = PlanConstraint(grammar, requests[i % 2], ["docs", "docs/a b.txt"])
        s, ids = c.start(), []
        for n in range(80):
            for t in c.forced(s):
                s = c.advance(s, t)
                ids.append(t)
            options = np.flatnonzero(c.allowed(s))
            assert len(options), f"dead end after {b''.join(PIECES[t] for t in ids)!r}"
            if c.allowed(s)[EOS] and (n > 25 or rng.random() < 0.2):
                s = c.advance(s, EOS)
                break
            t = int(rng.choice(options))
            s = c.advance(s, t)
            if t == EOS:
                break
            ids.append(t)
        if s == EOS_STATE:
            finished += 1
            text = b"".join(PIECES[t] for t in ids).decode("utf-8")
            if text.startswith("none "):  # the refusal reading: a whole text of its own
                assert parse_refusal(text) is not None and parse_refusal(text).text() == text
                continue
            assert plan_text.to_text(plan_text.from_text(text)) == text
    assert finished > 50


def test_masks_are_computed_once_per_state(grammar):
    c = PlanConstraint(grammar, "move pdf files to archive")
    s = c.advance(c.start(), PIECES.index(b"move"))
    first = grammar.structural_mask(s)
    mask = c.allowed(s)
    calls = []
    original = grammar.walk
    grammar.walk = lambda *a: calls.append(a) or original(*a)
    try:
        assert grammar.structural_mask(s) is first  # shared by every request
        assert c.allowed(s) is mask  # and per request, once
        PlanConstraint(grammar, "another request entirely").allowed(s)
        assert all(a[0] != 0 for a in calls), "the structural part was walked again"
    finally:
        del grammar.walk


def run_forced(c: PlanConstraint, s) -> bytes:
    out = b""
    while c.forced(s):
        for t in c.forced(s):
            s = c.advance(s, t)
            out += PIECES[t]
    return out


def test_forced_text_is_filled_in(grammar):
    c = PlanConstraint(grammar, "in a replace x by y")
    assert run_forced(c, feed(c, longest_match("create"))) == b' path="'
    assert run_forced(c, feed(c, longest_match('update path="a" mode=replace_regex'))) == b' find="'
    assert run_forced(c, feed(c, longest_match('update path="a" mode=append'))) == b' text="'
    assert run_forced(c, feed(c, longest_match('create path="a" kind='))) == b"dir"
    assert run_forced(c, c.start()) == b""
    assert run_forced(c, feed(c, longest_match("move"))) == b""


def test_structure_is_written_only_in_whole_symbols(grammar):
    """`move` + " " + "path" + ... spells the structure in pieces the model never saw: refused,
    or the beam search could wander through it."""
    c = PlanConstraint(grammar, "move a to b")
    s = feed(c, longest_match("move"))
    assert c.allowed(s)[PIECES.index(b' path="')]
    assert not c.allowed(s)[PIECES.index(b" ")]
    s = feed(c, longest_match('move path="a"'))
    assert not c.allowed(s)[PIECES.index(b'" to')]
    ops = {
        op: [PIECES.index(op.encode())] if op.encode() in PIECES else [4 + b for b in op.encode()]
        for op in ("list", "read", "create", "update", "delete", "move", "copy", "rename", "classify", "tag")
    }
    strict = PlanGrammar(PIECES, EOS, op_tokens=ops)
    c = PlanConstraint(strict, "move a to b")
    assert c.allowed(c.start())[PIECES.index(b"move")] and not c.allowed(c.start())[PIECES.index(b"m")]
    assert c.allowed(c.start())[PIECES.index(b"c")]  # "copy" is written byte by byte here


def test_quotes_in_the_request_are_escaped_values(grammar):
    request = 'create a file "q.txt" saying he said "hi"'
    assert accepts(grammar, request, 'create path="q.txt" content="he said \\"hi\\""')
    assert not accepts(grammar, request, 'create path="q.txt" content="he said "hi""')


def test_ext_is_a_lowercase_span_or_a_known_extension(grammar):
    assert accepts(grammar, "move the .XYZ files to a", 'move ext=xyz to="a"')
    assert accepts(grammar, "move the images to a", 'move ext=png to="a"')
    assert not accepts(grammar, "move the images to a", 'move ext=qqq to="a"')


def test_spans_are_whole_words_and_paths_do_not_stutter(grammar):
    request = "move the shots in log.md and src/b.py to docs."
    assert accepts(grammar, request, 'move path="log.md" to="docs"')
    assert accepts(grammar, request, 'move path="src/b.py" to="docs"')
    assert not accepts(grammar, request, 'move path="src/b.py" to="docs/shots"')  # a folder: one span
    assert not accepts(grammar, request, 'move path="log" to="docs"')  # part of a word
    assert not accepts(grammar, request, 'move in="shot" to="docs"')
    assert not accepts(grammar, request, 'move in="src/src" to="docs"')  # repeated, not written so
    assert not accepts(grammar, request, 'move in="/src" to="docs"')  # a joiner makes no path alone
    assert not accepts(grammar, request, 'move in="src" to="docs/"')
    assert accepts(grammar, "list old/old", 'list in="old/old"')  # written so: fine
    # a path that starts with "/" is one the request writes from that "/"
    assert not accepts(grammar, "move lib/legacy.js into old", 'move path="/legacy.js" to="old"')
    assert accepts(grammar, "move lib/legacy.js into old", 'move path="lib/legacy.js" to="old"')
    assert accepts(grammar, "read /etc/hosts", 'read path="/etc/hosts"')
    assert accepts(grammar, "读取/etc/hosts", 'read path="/etc/hosts"')
    assert accepts(grammar, 'read "/etc/hosts"', 'read path="/etc/hosts"')


def test_the_file_name_of_a_written_path_moves_only_in_a_later_step(grammar):
    request = "make notes/todo.md with buy milk"
    assert accepts(grammar, request, 'create path="notes/todo.md" content="buy milk"')
    assert not accepts(grammar, request, 'create path="make/todo.md" content="buy milk"')
    assert not accepts(grammar, request, 'create path="todo.md" content="buy milk"')
    request = "move notes/todo.md to old, then tag it done"
    assert accepts(grammar, request, 'move path="notes/todo.md" to="old" ; tag path="old/todo.md" tag="done"')
    assert not accepts(grammar, request, 'tag path="old/todo.md" tag="done"')
    assert accepts(
        grammar,
        "把 'a/b/报告.md' 移到 旧, 然后打上 完成 标签",
        'move path="a/b/报告.md" to="旧" ; tag path="旧/报告.md" tag="完成"',
    )


def test_sizes_and_dates_use_numbers_written_in_the_request(grammar):
    assert accepts(grammar, "list files over 10 megs", "list larger=10MB")
    assert accepts(grammar, "list files over 10 megs", "list larger=10KB")  # the unit is the model's call
    assert not accepts(grammar, "list files over 10 megs", "list larger=100MB")
    assert not accepts(grammar, "list files over 10 megs", "list larger=1MB")
    assert accepts(grammar, "files changed after 5 May 2021", "list after=2021-05-05")
    assert accepts(grammar, "files changed in 2021", "list after=2021-01-01 before=2022-01-01")
    assert not accepts(grammar, "files changed after 5 May 2021", "list after=2020-05-05")
    assert not accepts(grammar, "files changed after 5 May 2021", "list after=2021-05-06")
    assert not accepts(grammar, "files changed lately", "list after=2021-01-01")


def test_eos_only_at_the_end_of_a_complete_plan(grammar):
    c = PlanConstraint(grammar, "move x to y")
    for partial in ('move path="x"', 'move path="x" to="y', "move", 'move path="x" to="y" ; '):
        s = feed(c, longest_match(partial))
        assert s is not None and not c.allowed(s)[EOS], partial
    with pytest.raises(ValueError):
        c.advance(feed(c, longest_match("move")), EOS)


def test_corpus_targets_are_accepted_given_their_request(grammar):
    for e in plan_examples(250, seed=3):
        assert accepts(grammar, e.src, e.tgt), (e.template, e.src, e.tgt)


def test_a_quoted_text_is_a_value_whole_or_not_cut_inside(grammar):
    from fileagent.agent.planner.spans import quoted_regions

    request = 'append "meeting moved to 3pm" to notes.md'
    assert accepts(grammar, request, 'update path="notes.md" mode=append text="meeting moved to 3pm"')
    assert not accepts(grammar, request, 'update path="notes.md" mode=append text="meeting moved"')
    # unquoted, a shorter span is the model's call
    assert accepts(
        grammar, "append meeting moved to 3pm to notes.md", 'update path="notes.md" mode=append text="meeting moved"'
    )
    # nor a value taken from the middle of a quoted text, but a quoted path's file name is fine
    assert not accepts(grammar, "append 'see also: faq.md' to help.md", 'create path="faq.md"')
    assert accepts(grammar, "rename 'docs/a.txt' to 'docs/b.txt'", 'rename path="docs/a.txt" new_name="b.txt"')
    # nor begin at a closing quote mark ("”替" out of "“旧地址”替换成")
    swap = "把 readme.md 里的“旧地址”替换成“新地址”"
    assert accepts(grammar, swap, 'update path="readme.md" mode=replace find="旧地址" text="新地址"')
    assert not accepts(grammar, swap, 'update path="readme.md" mode=replace find="”替" text="新地址"')
    # nor run on over the mark that closes it
    notice = "新建 通知.md，内容是“明天放假”，然后给它打上“公告”标签"
    assert accepts(grammar, notice, 'create path="通知.md" content="明天放假" ; tag path="通知.md" tag="公告"')
    assert not accepts(grammar, notice, 'create path="通知.md" content="明天放假”，" ; tag path="通知.md" tag="公告"')
    assert accepts(grammar, "把 a.md 内容改成 他说“好”", 'update path="a.md" mode=set text="他说“好”"')
    zh = "在“周报/a.md”末尾追加“下午三点开会”"
    assert accepts(grammar, zh, 'update path="周报/a.md" mode=append text="下午三点开会"')
    assert not accepts(grammar, zh, 'update path="周报/a.md" mode=append text="下午三点"')

    def texts(r):
        return [r.encode()[a:b].decode() for a, b in quoted_regions(r)]

    assert texts("don't touch 'x y', Sam's") == ["x y"]
    assert texts("用'bar'替换'foo'") == ["bar", "foo"]
    assert texts("把「会议纪要」和‘草稿’删掉") == ["会议纪要", "草稿"]
    assert texts('an "unclosed quote') == []


def test_parent_folder_only_when_the_request_names_it(grammar):
    assert not accepts(grammar, "move tune.wav to music", 'move path=".." to="music"')
    assert accepts(grammar, "move tune.wav to the parent folder", 'move path="tune.wav" to=".."')
    assert accepts(grammar, "把 tune.wav 移到上一级目录", 'move path="tune.wav" to=".."')
    assert accepts(grammar, "mv tune.wav ..", 'move path="tune.wav" to=".."')
    assert not accepts(grammar, "list everything here", 'list path="."')  # the root is no "in"
    assert accepts(grammar, "move x.md to .", 'move path="x.md" to="."')  # unless written


def test_paths_join_two_mentions_at_most_and_folders_none(grammar):
    request = "remove the draft tag from essay.docx in school"
    assert accepts(grammar, request, 'tag path="school/essay.docx" tag="draft" remove')
    assert not accepts(grammar, request, 'tag path="remove/tag/draft" tag="draft" remove')
    assert accepts(grammar, "delete work/2024/a.md in archive", 'delete path="archive/work/2024/a.md"')
    assert not accepts(grammar, "sort recordings into a folder per month", 'classify in="recordings/month" by=month')
    assert not accepts(
        grammar,
        "sort the notes folder: kubernetes goes to ops",
        'classify in="notes" by=keywords if="kubernetes" then="notes/ops"',
    )
    assert accepts(grammar, "sort recordings/2024 by month", 'classify in="recordings/2024" by=month')
    # nor does a path start at the "." of a written name
    assert not accepts(grammar, "先看 旧笔记.txt，再删掉", 'read path="旧笔记.txt" ; delete path=".txt"')
    assert accepts(grammar, "先看 旧笔记.txt，再删掉", 'read path="旧笔记.txt" ; delete path="旧笔记.txt"')
    assert accepts(grammar, "read .bashrc", 'read path=".bashrc"')
    # nor over a quote mark, nor does it join two mentions written side by side
    request = "make notes/plan.md holding '# Plan'"
    assert accepts(grammar, request, 'create path="notes/plan.md" content="# Plan"')
    assert not accepts(grammar, request, 'create path="holding \'# Plan" content="# Plan"')
    assert not accepts(grammar, request, 'create path="make/notes/plan.md" content="# Plan"')
    assert accepts(grammar, "put a.md from notes in old", 'move path="notes/a.md" to="old"')
    # nor at a quote mark
    for quoted in ("'USB backup'", "\u201cUSB backup\u201d"):
        request = f"back up the pdfs in work to {quoted}"
        assert accepts(grammar, request, 'copy in="work" ext=pdf to="USB backup"')
        assert not accepts(grammar, request, 'copy in="work" ext=pdf to="\'USB backup"')
        assert not accepts(grammar, request, 'copy in="work" ext=pdf to="\u201cUSB backup"')


def test_a_new_name_is_a_plain_name(grammar):
    # the compiler refuses a new name with a folder in it; the constraint never lets the model write one
    request = 'give the "shared/jan" folder the name "shared/misc"'
    assert accepts(grammar, request, 'rename path="shared/jan" new_name="misc"')
    assert not accepts(grammar, request, 'rename path="shared/jan" new_name="shared/misc"')
    assert not accepts(grammar, "rename a.txt to dir\\b.txt", 'rename path="a.txt" new_name="dir\\\\b.txt"')


def test_free_texts_have_no_space_at_their_edges_unless_quoted_so(grammar):
    request = "create todo.txt with the text water the plants"
    assert accepts(grammar, request, 'create path="todo.txt" content="water the plants"')
    assert not accepts(grammar, request, 'create path="todo.txt" content=" water the plants"')
    assert not accepts(grammar, "新建 备忘.txt，内容是 周五 开会", 'create path="备忘.txt" content=" "')
    assert accepts(
        grammar, 'regex replace "^#+ " with "" in a.md', 'update path="a.md" mode=replace_regex find="^#+ " text=""'
    )


def test_a_quote_mark_right_after_a_closing_one_opens_nothing(grammar):
    from fileagent.agent.planner.spans import quoted_regions

    request = "change 'IMG_2041.png''s name to 'banner.png'"
    assert [request.encode()[a:b] for a, b in quoted_regions(request)] == [b"IMG_2041.png", b"banner.png"]
    assert accepts(grammar, request, 'rename path="IMG_2041.png" new_name="banner.png"')


def test_a_bare_chinese_text_ends_only_where_a_word_can_follow_it(grammar):
    request = "创建文件 plans/q3.md，内容为 # 第三季度计划"
    assert accepts(grammar, request, 'create path="plans/q3.md" content="# 第三季度计划"')
    assert not accepts(grammar, request, 'create path="plans/q3.md" content="# 第三"')
    # before a verb that takes the text, or a connective, it may end inside the run
    assert accepts(grammar, "把完成部署追加到log.md末尾", 'update path="log.md" mode=append text="完成部署"')
    assert accepts(
        grammar,
        "在log.md末尾追加一行完成部署然后列出docs",
        'update path="log.md" mode=append text="完成部署" ; list path="docs"',
    )


def test_paths_hold_no_colon_but_a_drives_and_no_bare_function_word(grammar):
    request = "append 'see also: faq.md' to help.md"
    assert accepts(grammar, request, 'update path="help.md" mode=append text="see also: faq.md"')
    assert not accepts(grammar, request, 'update path="to" mode=append text="see also: faq.md"')
    assert not accepts(grammar, "append done to x: y.md", 'update path="x: y.md" mode=append text="done"')
    assert accepts(grammar, "read C:/x/y.txt", 'read path="C:/x/y.txt"')  # the Guard refuses it, not the model
    assert accepts(grammar, "move a.txt to", 'move path="a.txt" to="to"', paths=["to"])  # one in the tree
    # a name does not start with a word that only leads to it
    assert not accepts(grammar, "copy the photos folder to usb", 'copy path="photos" to="to usb"')
    assert accepts(grammar, "copy the photos folder to usb", 'copy path="photos" to="usb"')
    assert accepts(grammar, "move a.txt into 'to do'", 'move path="a.txt" to="to do"')
    # nor at a word for a folder or a file, or for "here"
    request = "copy the photos folder to usb"
    for to in ("folder", "folder to", "folder to usb"):
        assert not accepts(grammar, request, f'copy path="photos" to="{to}"'), to
    assert not accepts(grammar, "当前目录下的文件按后缀名分类", 'classify in="当前目录" by=extension')
    assert not accepts(grammar, "当前目录下的文件按后缀名分类", 'classify in="当前" by=extension')
    # a slash and a space begin no path: "(small / medium / large)" names no folder "/ large)"
    request = "put the files in scans into folders by size (small / medium / large)"
    assert accepts(grammar, request, 'classify in="scans" by=size dest="large"')
    assert not accepts(grammar, request, 'classify in="scans" by=size dest="/ large)"')
    # a drive path is one value (the Guard refuses it), never a folder "D" or "backup" in the root
    for request in ("move budget.xlsx to D:\\backup", "move budget.xlsx to d:/backup"):
        assert not accepts(grammar, request, 'move path="budget.xlsx" to="D"'), request
        assert not accepts(grammar, request, 'move path="budget.xlsx" to="d"'), request
        assert not accepts(grammar, request, 'move path="budget.xlsx" to="backup"'), request
    assert accepts(grammar, "move budget.xlsx to d:/backup", 'move path="budget.xlsx" to="d:/backup"')
    assert not accepts(grammar, "what's in my Downloads folder?", 'list path="my"')
    assert accepts(grammar, "what's in my Downloads folder?", 'list path="Downloads"')
    # a name ends inside a run of Chinese characters only before a word that can follow one
    assert not accepts(grammar, "日记 里的 md 文件统一加上标签 私人", 'tag in="日记" ext=md tag="私"')
    assert accepts(grammar, "日记 里的 md 文件统一加上标签 私人", 'tag in="日记" ext=md tag="私人"')
    assert not accepts(grammar, "把旅行照片移到相册", 'move in="旅行" to="相册"')
    assert accepts(grammar, "把旅行照片移到相册", 'move in="旅行照片" to="相册"')
    assert accepts(grammar, "把 旅行照片文件夹 删了", 'delete path="旅行照片"')
    assert not accepts(
        grammar, "先建一个 表格汇总 文件夹，然后把 报表 里的 xlsx 文件都放进去", 'create path="表" kind=dir'
    )
    assert accepts(grammar, "先建一个表格汇总文件夹", 'create path="表格汇总" kind=dir')
    request = "草稿.md 先改名成 定稿.md，再放到 完成 文件夹里"
    assert not accepts(grammar, request, 'rename path="草稿.md" new_name="定稿.md" ; move path="先" to="完成"')
    assert not accepts(grammar, request, 'rename path="草稿.md" new_name="定稿.md" ; move path="完成/先" to="完成"')
    assert accepts(grammar, request, 'rename path="草稿.md" new_name="定稿.md" ; move path="定稿.md" to="完成"')


def test_later_steps_do_not_name_what_an_earlier_step_took_away(grammar):
    request = "rename draft.md to final.md, then move it to papers"
    assert accepts(grammar, request, 'rename path="draft.md" new_name="final.md" ; move path="final.md" to="papers"')
    assert not accepts(
        grammar, request, 'rename path="draft.md" new_name="final.md" ; move path="draft.md" to="papers"'
    )
    # nor run on past it into the words after ("draft.md to final.md")
    assert not accepts(
        grammar, request, 'rename path="draft.md" new_name="final.md" ; move path="draft.md to final.md" to="papers"'
    )
    request = "move notes/day1.md to old, then delete notes/day1.md and tag old/day1.md x"
    assert not accepts(grammar, request, 'move path="notes/day1.md" to="old" ; delete path="notes/day1.md"')
    assert accepts(grammar, request, 'move path="notes/day1.md" to="old" ; tag path="old/day1.md" tag="x"')
    assert accepts(grammar, "delete a.txt, then create a.txt", 'delete path="a.txt" ; create path="a.txt"')
    # a copy leaves its source where it was
    assert accepts(grammar, "copy a.txt to b, then delete a.txt", 'copy path="a.txt" to="b" ; delete path="a.txt"')
    assert not accepts(grammar, "delete a.txt, then delete a.txt", 'delete path="a.txt" ; delete path="a.txt"')
    assert not accepts(
        grammar, "move x.md to old then tag it", 'move path="x.md" to="old" ; tag path="then/x.md" tag="it"'
    )
    assert accepts(grammar, "move x.md to old then tag it", 'move path="x.md" to="old" ; tag path="old/x.md" tag="it"')


def test_a_path_starts_after_a_slash_only_at_a_written_paths_last_part(grammar):
    request = "copy a.txt to b, then tag temp as todo, then read “family/api/README.txt”"
    first = 'copy path="a.txt" to="b" ; tag path="temp" tag="todo" ; '
    assert accepts(grammar, request, first + 'read path="family/api/README.txt"')
    assert accepts(grammar, request, first + 'read path="b/README.txt"')  # the name, under b
    assert not accepts(grammar, request, first + 'read path="b/api/README.txt"')  # "api/..." is no path written
    assert not accepts(
        grammar, "move x to old, then read docs/api/a.md", 'move path="x" to="old" ; read path="old/api/a.md"'
    )
    # an absolute path starts at its first "/"
    assert accepts(grammar, "copy /etc/hosts to backup", 'copy path="/etc/hosts" to="backup"')


def test_with_the_whole_tree_the_first_step_selects_what_exists(grammar):
    tree = ["临时笔记.txt", "notes", "notes/Plan.md", "drop", "drop/a.pdf"]

    def ok(request, text):
        return accepts(grammar, request, text, paths=tree, whole_tree=True)

    assert ok("先看看 临时笔记.txt 的内容，然后把它删掉", 'read path="临时笔记.txt" ; delete path="临时笔记.txt"')
    assert not ok("先看看 临时笔记.txt 的内容，然后把它删掉", 'read path="临时/先"')
    assert not ok("先看看 临时笔记.txt 的内容，然后把它删掉", 'read path="临时"')
    # without the whole tree (held-out evaluation, a tree over the cap) nothing changes
    assert accepts(grammar, "read todo.txt", 'read path="todo.txt"', paths=tree)
    assert not ok("read todo.txt", 'read path="todo.txt"')
    assert ok("move plan.md in notes to drop", 'move path="notes/plan.md" to="drop"')  # case is the OS's call
    assert not ok("move plan.md in docs to drop", 'move path="docs/plan.md" to="drop"')
    assert ok("sort drop by extension", 'classify in="drop" by=extension')
    assert not ok("sort the stuff with the extension", 'classify in="stuff" by=extension')
    # what the step makes, where it puts things, and later steps are free
    assert ok("create ideas.md, then tag it someday", 'create path="ideas.md" ; tag path="ideas.md" tag="someday"')
    assert ok("move drop/a.pdf to papers", 'move path="drop/a.pdf" to="papers"')
    # the Guard, not the model, answers for paths outside the root or in the agent's state
    assert ok("read /etc/passwd", 'read path="/etc/passwd"')
    assert ok("delete ../secret.txt", 'delete path="../secret.txt"')
    assert ok("read ~/x.txt", 'read path="~/x.txt"')
    assert ok("read C:/x/y.txt", 'read path="C:/x/y.txt"')
    assert ok("delete .fileagent/journal", 'delete path=".fileagent/journal"')
