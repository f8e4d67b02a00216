"""The per-request half of the plan grammar: what values the model may write.

A quoted value is read UNESCAPED (`\\"` is a `"` of the value) and must be one of:
- spans (substrings) of the request, separated by the key's joiners (one "/" in
  a `path`: FOLDER/NAME from two mentions, as the corpus writes "NAME in FOLDER";
  wildcards for patterns; placeholders for rename templates), never two spans
  back to back; a folder value (in, to, dest...) is one span, as the request writes it;
- a path that exists under the root (handed in by the planner), or ".." when the request
  names the parent folder. (The root is a selection without `in`, never ".".)
Bare `ext` / `set_ext` values are lower-case alphanumeric spans of the request
or extensions of the shared file-type table. Sizes use a number written in the
request (any unit); dates a year written in the request (or the one after it:
"modified in 2023" ends before 2024-01-01) and a day written in it, or the 1st.

Value states (the 4th element of a ("q", ...) grammar state):
    (esc, started, spans, gap, joiner_prefixes, paths)
esc: a backslash was read; started: the value is not empty; spans: request
positions where the current span may end; gap: a joiner just ended (or the
value is empty), so a span or another joiner may start; joiner_prefixes:
partly written joiners; paths: (lo, hi, depth) range of the sorted existing
paths that start with the value, or None.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import overload

import numpy as np

from fileagent.agent.plan.text import FREE_TEXT_KEYS
from fileagent.agent.planner.existing_tree import ExistingTree
from fileagent.agent.planner.grammar import (
    AGE_KEYS,
    COUNT_KEYS,
    DATE_KEYS,
    EOS_STATE,
    EXT_KEYS,
    REQUEST_BARE,
    START,
    PlanGrammar,
    _date_ok,
    _size_ok,
    ctx_add,
    field_options,
)
from fileagent.agent.planner.spans import _APOSTROPHES, _QUOTE_PAIRS, RequestSpans, find_all, without_places
from fileagent.agent.planner.values_v2 import RequestValues, except_ext, number_edges, speaks_of_dates
from fileagent.tools.filetypes import TYPE_EXTS

_PATH_JOINERS = (b"/",)
PATH_KEYS = ("path", "in", "to", "dest", "then", "else", "keep_in")
# Where a value may begin or end with a joiner ("*.pdf", "report*", "_v2", "2024_"); elsewhere
# joiners only go between spans.
NAME_KEYS = PATH_KEYS + ("new_name", "pattern", "tag", "tagged", "rule_set", "if", "except")  # no space at their edges
# The closing quote marks a value may not run over without its opening one: the non-ASCII pairs,
# less the apostrophe-like one ("don’t"): ” 」 』.
_CJK_CLOSERS = tuple(
    (c.encode(), o.encode()) for o, c in _QUOTE_PAIRS.items() if not o.isascii() and c not in _APOSTROPHES
)
MULTI_JOINER_OK = ("pattern", "name~", "template", "except")  # joiners side by side: "**/", "\\d+$"
START_JOINER_OK = ("pattern", "name~", "template", "add_suffix", "except")
END_JOINER_OK = ("pattern", "name~", "template", "add_prefix", "except")
JOINERS: dict[str, tuple[bytes, ...]] = {
    "path": _PATH_JOINERS,
    "pattern": (b"*", b"?", b"/", b"."),
    "except": (b"*", b"?", b"/", b"."),
    "name~": (b"^", b"$", b".", b"*", b"+", b"?", b"|", b"(", b")", b"[", b"]", b"\\d", b"\\s", b"\\."),
    "template": (b"{stem}", b"{ext}", b"{name}", b"{n}", b"{n:03}", b"{date}", b"_", b"-", b".", b" "),
    "add_prefix": (b"_", b"-", b" "),
    "add_suffix": (b"_", b"-", b" "),
}
_ESCAPED = {0x22: 0x22, 0x5C: 0x5C, 0x0A: ord("n")}  # value byte -> the byte after "\"
_UNESCAPE = {v: k for k, v in _ESCAPED.items()}
# The shared file-type table, plus common extensions it has no family for ("log files", "日志").
_KNOWN_EXTS = sorted(
    {e for exts in TYPE_EXTS.values() for e in exts}
    | {"log", "tmp", "bak", "ini", "cfg", "conf", "lock", "old", "out", "dat"}
)
PARENT_WORDS = (
    "parent",
    "above",
    "level up",
    "up a level",
    "up one level",
    "上一级",
    "上级",
    "上一层",
    "上层",
    "父目录",
    "父文件夹",
)
EMPTY_OK = ("text",)  # update ... text="" (replace by nothing)
MAX_EXT_LEN = 10
_BARE_CHARS = "0123456789-KMGB"
_NUMBER_CHARS = "0123456789dwmy"  # counts and ages


# Words of a request that are no file or folder name it gives (one in the tree is still reachable).
_NOT_A_NAME = frozenset(
    w.encode()
    for w in (
        "to",
        "in",
        "into",
        "from",
        "the",
        "and",
        "then",
        "it",
        "them",
        "of",
        "on",
        "with",
        "for",
        "at",
        "by",
        "all",
        "this",
        "that",
        "there",
        "here",
        "my",
        "your",
        "our",
        "their",
        "its",
        "me",
        "us",
        "先",
        "再",
        "然后",
        "接着",
        "之后",
        "把",
        "将",
        "它",
        "它们",
        "这",
        "那",
        "里",
        "中",
        "的",
        "到",
        "和",
        "并",
        # words for a folder or a file, and for "here": "copy the photos folder to usb" names no
        # folder "folder", "当前目录" no folder "当前"
        "folder",
        "folders",
        "directory",
        "directories",
        "dir",
        "subfolder",
        "subfolders",
        "file",
        "files",
        "当前",
        "当前目录",
        "当前文件夹",
        "当前路径",
        "这里",
        "此处",
        "本目录",
        "根目录",
        "文件夹",
        "目录",
        "文件",
    )
)


class PlanConstraint:
    """Constraint (fileagent.llm.decode) for one request: plan grammar + value restrictions."""

    def __init__(self, grammar: PlanGrammar, request: str, paths: Iterable[str] = (), *, whole_tree: bool = False):
        """`paths`: paths under the root; `whole_tree`: they are all of them, so what the first
        step selects must be one (see existing_tree)."""
        self.g = grammar
        paths = list(paths)
        self.tree = ExistingTree(paths) if whole_tree else None
        sp = RequestSpans(request)
        self.req, self.span_end, self.text_end, self.quoted = sp.req, sp.span_end, sp.text_end, sp.quoted
        self.name_end = sp.name_end
        self.pos_of, self.starts, self.path_starts, self.first_starts = (
            sp.pos_of,
            sp.starts,
            sp.path_starts,
            sp.first_starts,
        )
        self.quote_marks, self.path_reach = sp.quote_marks, sp.path_reach
        # Existing paths the request names (by file name, or stem: "the report" -> docs/report.pdf),
        # so the model can complete a name but not pick some other file of the tree.
        # (Not by the names of a place outside it: "backup" of "~/backup".)
        lowered = without_places(request).lower()
        words = set(re.findall(r"\w+", lowered))
        # "notes.txt" names notes.txt, never notes.md: a stem counts only where the request does not
        # write it with another extension
        with_ext = set(re.findall(r"(\w+)\.\w+", lowered))

        def names(p: str) -> bool:
            base = p.rsplit("/", 1)[-1].lower()
            stem = base.split(".")[0]
            return base in words or base in lowered or (stem in words and stem not in with_ext)

        named = [p for p in paths if p and names(p)]
        # ".." only for a request that names the parent folder, in words or as "..".
        parent = ".." in request or any(w in request.lower() for w in PARENT_WORDS)
        self.paths = sorted({p.encode("utf-8") for p in named} | ({b".."} if parent else set()))
        exts = set(_KNOWN_EXTS)
        for run in re.findall(r"[a-z0-9]+", request.lower()):
            exts.update(run[i:j] for i in range(len(run)) for j in range(i + 1, min(len(run), i + MAX_EXT_LEN) + 1))
        self.exts = exts
        self.ext_next: dict[str, set[str]] = {}
        for e in exts:
            for i in range(len(e)):
                self.ext_next.setdefault(e[:i], set()).add(e[i])
        numbers = re.findall(r"[0-9]+", request)
        self.numbers = set(numbers)
        self.number_prefixes = {n[:i] for n in numbers for i in range(len(n) + 1)}
        years = {n for n in numbers if len(n) == 4}
        self.years = years | {str(int(y) + 1) for y in years}
        self.days = {f"{int(n):02d}" for n in numbers if 1 <= int(n) <= 31} | {"01"}
        self.v2 = RequestValues(request)
        # A template's text may end where a number of the request starts inside a word: "page_"
        # or "page" of "page_1, page_2" makes "page_{n}.{ext}".
        self.number_edges = frozenset(number_edges(self.req))
        # A rename template puts in the date only for a request that speaks of one.
        dated = speaks_of_dates(request)
        self.joiners = {
            k: tuple(j for j in js if dated or j != b"{date}") if k == "template" else js for k, js in JOINERS.items()
        }
        self.value_start: tuple = (
            False,
            False,
            frozenset(),
            True,
            frozenset(),
            (0, len(self.paths), 0) if self.paths else None,
            b"",
        )
        self._masks: dict[tuple, np.ndarray] = {}
        self._gone_sets: list[frozenset[bytes]] = [frozenset()]  # see grammar.py: ctx's later
        self._gone_ids: dict[frozenset[bytes], int] = {frozenset(): 0}
        self._forced: dict[tuple, list[int]] = {}

    # ---------------------------------------------------------------- Constraint protocol
    def start(self) -> tuple:
        return START

    def allowed(self, state: tuple) -> np.ndarray:
        mask = self._masks.get(state)
        if mask is not None:
            return mask
        g = self.g
        if state == EOS_STATE:
            mask = np.zeros(g.vocab_size, dtype=bool)
        elif g.is_dynamic(state):
            mask = np.zeros(g.vocab_size, dtype=bool)
            g.walk(0, state, mask, self, None)
            if self.can_end(state):
                mask[g.eos_id] = True
        else:
            base, frontier = g.structural_mask(state)
            mask = base
            if frontier:
                mask = base.copy()
                for node, s in frontier:
                    s = self._norm(s)
                    if self.token_may_end(s):
                        mask[g.tokens[node]] = True
                    g.walk(node, s, mask, self, None)
        self._masks[state] = mask
        return mask

    def forced(self, state: tuple) -> list[int]:
        """The one token allowed here, if only one is (` path="` after `create`)."""
        if state == EOS_STATE or self.g.is_dynamic(state):
            return []
        got = self._forced.get(state)
        if got is None:
            ids = np.flatnonzero(self.allowed(state))
            got = self._forced[state] = [int(ids[0])] if len(ids) == 1 and ids[0] != self.g.eos_id else []
        return got

    def token_may_end(self, state: tuple) -> bool:
        """As the grammar's rule, and a request-dependent value entered must have a way on."""
        if not self.g.token_may_end(state):
            return False
        if state[0] == "b" and state[2] in REQUEST_BARE:
            return bool(self.next_bytes(state))
        return True

    def advance(self, state: tuple, token: int) -> tuple:
        if token == self.g.eos_id:
            if not self.can_end(state):
                raise ValueError("end of plan not allowed here")
            return EOS_STATE
        for b in self.g.token_bytes[token]:
            nxt = self.byte_step(state, b)
            if nxt is None:
                raise ValueError(f"token {token} not allowed in state {state[:2]}")
            state = nxt
        return state

    def done(self, state: tuple) -> bool:
        return state == EOS_STATE

    # ---------------------------------------------------------------- the automaton
    def can_end(self, state: tuple) -> bool:
        if state[0] == "b" and state[2] in REQUEST_BARE:
            return self._bare_ok(state[2], state[3], True) and field_options(ctx_add(state[1], state[2], state[3]))[1]
        return self.g.can_end(state)

    def _bare_ok(self, key: str, text: str, complete: bool) -> bool:
        if key in COUNT_KEYS:
            return self.v2.count_ok(key, text, complete)
        if key in AGE_KEYS:
            return self.v2.age_ok(text, complete)
        if key in EXT_KEYS:
            return text in self.exts or (not complete and text in self.ext_next)
        if key in DATE_KEYS:
            if not _date_ok(text, complete) or not any(y.startswith(text[:4]) for y in self.years):
                return False
            if len(text) <= 8:
                return True  # the 1st of any month is always there
            return any(d.startswith(text[8:]) and _date_ok(text[:8] + d, True) for d in self.days)
        digits = len(text) - len(text.lstrip("0123456789"))
        if not _size_ok(text, complete):
            return False
        return text[:digits] in (self.numbers if complete or digits < len(text) else self.number_prefixes)

    @overload
    def _norm(self, state: tuple) -> tuple: ...
    @overload
    def _norm(self, state: None) -> None: ...

    def _norm(self, state: tuple | None) -> tuple | None:
        if state is not None and state[0] == "q" and state[3] is None:
            return state[:3] + (self.value_start,)
        return state

    def next_bytes(self, state: tuple) -> Iterable[int]:
        if state[0] == "q":
            vs, ctx = state[3], state[1]
            if vs[0]:
                return [_ESCAPED[v] for v in self._value_next(state[2], vs, ctx) if v in _ESCAPED]
            out = {0x5C if v in _ESCAPED else v for v in self._value_next(state[2], vs, ctx)}
            if self._may_close(state[1], state[2], vs):
                out.add(0x22)
            return out
        if state[0] == "b" and state[2] in REQUEST_BARE:
            key, typed = state[2], state[3]
            chars = (
                self.ext_next.get(typed, ())
                if key in EXT_KEYS
                else _NUMBER_CHARS
                if key in COUNT_KEYS or key in AGE_KEYS
                else _BARE_CHARS
            )
            bare = [ord(c) for c in chars if self._bare_ok(key, typed + c, False)]
            return bare + [0x20] if self._bare_ok(key, typed, True) else bare
        return self.g.next_bytes(state)

    def byte_step(self, state: tuple, b: int) -> tuple | None:
        if state[0] == "q":
            _, ctx, key, vs = state
            if vs[0]:
                v = _UNESCAPE.get(b)
                nxt = None if v is None else self._value_step(key, vs, v, ctx)
            elif b == 0x22:
                if not self._may_close(ctx, key, vs):
                    return None
                return ("af", self._after_value(ctx, key, vs[6]), "")
            elif b == 0x5C:
                ok = any(v in _ESCAPED for v in self._value_next(key, vs, ctx))
                nxt = (True,) + vs[1:] if ok else None
            elif b in _ESCAPED:
                return None  # a raw newline (or quote handled above)
            else:
                nxt = self._value_step(key, vs, b, ctx)
            return None if nxt is None else ("q", ctx, key, nxt)
        if state[0] == "b" and state[2] in REQUEST_BARE:
            _, ctx, key, typed = state
            if b == 0x20:
                return self.g.end_bare(ctx, key, typed, self._bare_ok(key, typed, True))
            c = chr(b)
            return ("b", ctx, key, typed + c) if b < 128 and self._bare_ok(key, typed + c, False) else None
        return self._norm(self.g.byte_step(state, b))

    # ---------------------------------------------------------------- values
    def _joiner_starts(self, key: str, vs: tuple) -> set[bytes]:
        _, started, spans, gap, partial, _, text = vs
        starts = set(partial)
        if key == "path" and started and text not in self.req:
            return starts  # joined once already: FOLDER/NAME, no third piece
        if gap and (key in MULTI_JOINER_OK if started else key in START_JOINER_OK):
            starts.add(b"")
        elif any(self.span_end[p] for p in spans) or (key == "template" and spans & self.number_edges):
            starts.add(b"")
        return starts

    def _starts(self, key: str, ctx: tuple, text: bytes) -> dict[int, frozenset[int]]:
        """Where a new span may start (as positions after its first byte), by first byte."""
        if key not in PATH_KEYS:
            return self.starts
        starts = self.path_starts if ctx[6] > 0 else self.first_starts
        if not text:
            # Not where the request writes a path an earlier step took away: refused where it
            # would begin, so the value does not run on into the words after it.
            gone = self._gone_set(ctx, key)
            gone_at = {i + 1 for g in gone for i in find_all(self.req, g) if self.span_end[i + len(g)]}
            return {b: ps - gone_at for b, ps in starts.items()} if gone_at else starts
        if not text.endswith(b"/"):
            return starts
        req, n, folder = self.req, len(self.req), text[:-1]
        prev = folder.rsplit(b"/", 1)[-1]
        banned: set[int] = set()
        # Not the folder just written, again ("inbox/inbox"): refused here, where it would begin,
        # and not only once complete, so no value runs into a dead end.
        if prev and prev + b"/" + prev not in req:
            banned |= {i + 1 for i in find_all(req, prev) if self.span_end[i + len(prev)]}
        # Nor what the request writes right after the folder: two mentions side by side are no
        # folder and a file in it ("create journal/day1.md" is no create/journal/day1.md).
        for i in find_all(req, folder):
            j = i + len(folder)
            while j < n and req[j] in b" \t":
                j += 1
            banned.add(j + 1)
        return {b: ps - banned for b, ps in starts.items()} if banned else starts

    def _value_next(self, key: str, vs: tuple, ctx: tuple) -> set[int]:
        _, _, spans, gap, _, paths, text = vs
        req, n = self.req, len(self.req)
        if key in PATH_KEYS:
            spans = spans - self.quote_marks
        out = {req[p] for p in spans if p < n}
        if gap:
            out.update(b for b, ps in self._starts(key, ctx, text).items() if ps)
        for pre in self._joiner_starts(key, vs):
            out.update(j[len(pre)] for j in self.joiners.get(key, ()) if len(j) > len(pre) and j.startswith(pre))
        if key == "except":
            out |= except_ext(text, self.ext_next, self.exts)[0]
        if paths is not None:
            lo, hi, d = paths
            i = lo
            while i < hi:
                entry = self.paths[i]
                if len(entry) > d:
                    out.add(entry[d])
                    i = bisect_left(self.paths, entry[: d + 1] + b"\xff", i, hi)
                else:
                    i += 1
        return out

    def _value_step(self, key: str, vs: tuple, v: int, ctx: tuple) -> tuple | None:
        _, _, spans, gap, partial, paths, text = vs
        hits = spans & self.pos_of.get(v, frozenset())
        if key in PATH_KEYS:
            hits -= self.quote_marks
        new_spans = frozenset(p + 1 for p in hits)
        if gap:
            new_spans |= self._starts(key, ctx, text).get(v, frozenset())
        if key in PATH_KEYS:
            new_spans = frozenset(q for q in new_spans if self.path_reach[q])
        text += bytes([v])
        new_gap, new_partial = False, set()
        for pre in self._joiner_starts(key, vs):
            cand = pre + bytes([v])
            for j in self.joiners.get(key, ()):
                if j == cand:
                    new_gap = True
                elif j.startswith(cand):
                    new_partial.add(cand)
        if paths is not None:
            lo, hi, d = paths
            prefix = self.paths[lo][:d] + bytes([v])
            lo = bisect_left(self.paths, prefix, lo, hi)
            hi = bisect_left(self.paths, prefix + b"\xff", lo, hi)
            paths = (lo, hi, d + 1) if lo < hi else None
        if not new_spans and not new_gap and not new_partial and paths is None:
            if key != "except" or not except_ext(text, self.ext_next, self.exts)[1]:
                return None
        if paths is None and not self._text_ok(key, text, False):
            return None
        if self.tree is not None and self._selects_now(ctx, key) and not self.tree.may_become(text):
            return None
        new = (False, True, new_spans, new_gap, frozenset(new_partial), paths, text)
        if paths is None and key in PATH_KEYS and self._stutter(text):
            if v == 0x2F or not self._value_next(key, new, ctx) - {0x2F}:
                return None  # "src/src/", or a "src/src" that cannot grow past it
        return new

    def _gone_set(self, ctx: tuple, key: str) -> frozenset[bytes]:
        """Paths an earlier step renamed, moved or deleted: no longer there to name ("rename
        a.md to b.md, then move it" moves b.md). Creating one anew is fine."""
        later = ctx[6]
        if key != "path" or ctx[0] == "create" or later in (0, 1):
            return frozenset()
        return self._gone_sets[later - 1 if later > 0 else -later]

    def _gone(self, ctx: tuple, key: str, text: bytes) -> bool:
        return text in self._gone_set(ctx, key)

    def _selects_now(self, ctx: tuple, key: str) -> bool:
        """The value names what the plan's first step selects, and the whole tree is known."""
        return self.tree is not None and key in ("path", "in") and ctx[0] != "create" and ctx[6] <= 0

    def _may_close(self, ctx: tuple, key: str, vs: tuple) -> bool:
        """The value may end here: complete, not a path an earlier step took away, and, for a
        first step's selection, a path that exists."""
        if not self._value_accepts(key, vs) or self._gone(ctx, key, vs[6]):
            return False
        return not self._selects_now(ctx, key) or (self.tree is not None and self.tree.holds(vs[6]))

    def _after_value(self, ctx: tuple, key: str, text: bytes) -> tuple:
        """ctx after a value: the path of a rename, move or delete joins the step's gone paths."""
        if key != "path" or ctx[0] not in ("rename", "move", "delete"):
            return ctx
        later = ctx[6]
        gone = self._gone_sets[later - 1 if later > 0 else -later] | {text}
        k = self._gone_ids.setdefault(gone, len(self._gone_sets))
        if k == len(self._gone_sets):
            self._gone_sets.append(gone)
        return ctx[:6] + (k + 1 if later > 0 else -k,)

    def _value_accepts(self, key: str, vs: tuple) -> bool:
        esc, started, spans, gap, _, paths, text = vs
        if esc or not started:
            return not esc and key in EMPTY_OK
        if paths is not None and len(self.paths[paths[0]]) == paths[2]:
            return True
        if not self._text_ok(key, text, True):
            return False
        if key == "except" and except_ext(text, self.ext_next, self.exts)[2]:
            return True
        ends = self.text_end if key in FREE_TEXT_KEYS else self.name_end
        return (gap and key in END_JOINER_OK) or any(ends[p] for p in spans)

    def _text_ok(self, key: str, text: bytes, final: bool) -> bool:
        """Shapes no request asks for, unless it writes them so: values with space around
        them, and paths starting or ending with "/", with "//", or the same folder twice."""
        if key in NAME_KEYS and (
            text[:1].isspace()
            or (final and text[-1:].isspace())
            or ((b"/ " in text or b" /" in text) and text not in self.req)
        ):
            return False
        if key in FREE_TEXT_KEYS and (text[:1].isspace() or (final and text[-1:].isspace())):
            # a text with space at an edge only where the user quoted it so ("^#+ ")
            if not any(q == text or (not final and q.startswith(text)) for q in self.quoted):
                return False
        for close, opener in _CJK_CLOSERS:
            at = text.find(close)
            if at >= 0 and opener not in text[:at]:
                return False  # runs over the end of a quote: "明天放假”，" of "“明天放假”，"
        if key == "new_name" and (b"/" in text or b"\\" in text):
            return False  # a new name is a plain name: the compiler refuses any other
        if key in PATH_KEYS:
            if text.startswith(b"/ ") or text.startswith(b"/") and not self._written_from_its_start(text):
                return False  # "/legacy.js" out of "lib/legacy.js"
            body = text[5:].lstrip(b"/") if text[:5].lower() == b"file:" else text  # "file:///C:/x"
            drive = body[:1].isalpha() and body[1:2] == b":" and body[2:3] in (b"", b"/", b"\\")
            if b":" in (body[2:] if drive else body):
                return False  # no file name holds a ":" (Windows); "C:/" is a drive
            parts = text.lower().split(b"/")
            if any(part in _NOT_A_NAME for part in (parts if final else parts[:-1])):
                return False  # path="to" out of "append 'x' to help.md", nor "then/a.md"
            odd = b"//" in text or (final and text.endswith(b"/"))
            return (not odd or text in self.req) and not (final and self._stutter(text))
        return True

    def _written_from_its_start(self, text: bytes) -> bool:
        """The request writes `text` where a path can begin (not after a letter, digit or path
        character): "/etc" in "read /etc/hosts" is, "/b.py" in "src/b.py" is not."""
        i = self.req.find(text)
        while i >= 0:
            before = self.req[i - 1] if i else 0x20
            if not (before < 0x80 and (chr(before).isalnum() or before in b"._-~/:\\")):
                return True
            i = self.req.find(text, i + 1)
        return False

    def _stutter(self, text: bytes) -> bool:
        """ "src/src" where the request never writes it: the model repeating itself."""
        parts = [p for p in text.split(b"/") if p]
        return any(a == b and a + b"/" + a not in self.req for a, b in zip(parts, parts[1:], strict=False))
