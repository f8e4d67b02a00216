"""Free texts in the corpus: quoted, or bare when they end the request (as people type them)."""

from __future__ import annotations

import random
import re

from fileagent.agent.planner.training.corpus import generate
from fileagent.agent.planner.training.corpus.names import Ctx


def plan_examples(*args, **kw):
    """The corpus's examples whose target is a plan (not a refusal reading)."""
    return [e for e in generate(*args, **kw) if not e.tgt.startswith("none ")]


def _bare_multiword_texts(examples):
    out = []
    for e in examples:
        for m in re.finditer(r'(?:content|text)="([^"\\]*)"', e.tgt):
            v = m.group(1)
            if " " in v and e.src.count(v) == 1 and not re.search(r"[\"'`\u201c\u201d\u300c]" + re.escape(v), e.src):
                out.append((e, v))
    return out


def test_some_requests_end_with_a_bare_text_of_several_words():
    found = _bare_multiword_texts(plan_examples(6000, seed=21))
    assert len(found) >= 20
    for e, v in found:
        # the bare text runs to the end of the request (a full stop may follow)
        assert re.sub(r"[.。!！]$", "", e.src).endswith(v), (e.src, v)


def test_a_bare_text_only_ends_a_request():
    ctx = Ctx(random.Random(0), "en")
    ctx.quote = (None, None)
    seen_bare = seen_quoted = False
    for _ in range(200):
        ctx.values.clear()
        ctx.free.clear()
        mid = ctx.text("call the bank")
        src = ctx.finish(f"write {mid} into a.txt")  # the text is not at the end: always quoted
        assert '"call the bank"' in src
        ctx.values.clear()
        ctx.free.clear()
        end = ctx.text("call the bank")
        src = ctx.finish(f"set a.txt to {end}.")
        seen_bare |= src == "set a.txt to call the bank."
        seen_quoted |= src == 'set a.txt to "call the bank".'
    assert seen_bare and seen_quoted


def test_quoted_requests_keep_their_quotes():
    ctx = Ctx(random.Random(1), "zh")
    ctx.quote = ("\u201c", "\u201d")
    for _ in range(50):
        ctx.values.clear()
        ctx.free.clear()
        end = ctx.text("下午 三点")
        assert ctx.finish(f"新建 a.txt，内容是 {end}").endswith("\u201c下午 三点\u201d")
