"""The plan-text grammar as a decoding constraint: the model can only write text that parses.

Everything works on bytes, because tokens straddle grammar elements (`" ; `,
`="inbox`) and byte-fallback tokens split UTF-8 characters. A token is allowed
when the byte automaton below reads all of its bytes from the current state.
Masks come from walking a byte trie of the vocabulary along the automaton's
possible next bytes, so only tokens that can fit are ever visited.

Two layers:
- `PlanGrammar` (request-independent, one per tokenizer): ops, keys in
  KEY_ORDER order (every version-2 key and op too), the Plan's cross-field rules,
  bare values of fixed shape (enums, sizes, dates, ages, counts). Its masks are
  cached per state and shared by every request.
- `PlanConstraint` (one per request): quoted values must be spans of the
  request joined by a few structural characters ("/" for paths, wildcards for
  patterns, placeholders for templates), or paths that exist under the root;
  `ext` values are alphanumeric spans of the request or known extensions. So
  the model can copy names but never invent one.

States are plain tuples (hashable, never mutated):
    ("op", typed[, later])        an op name being written (later: see ctx; absent in the first step)
    ("af", ctx, typed)            after an op or a field: a key, " ; " or the end
    ("b", ctx, key, typed)        a bare value
    ("q", ctx, key, vstate)       a quoted value (vstate: see PlanConstraint)
    ("eos",)                      finished
ctx = (op, seen keys, last key, mode, by, kind, later): what the cross-field rules need (seen
also holds IN_FOLDER after duplicates=in_folder, whose keep_in must follow);
later: an int, > 0 when the step is not the plan's first (PlanConstraint lets only later steps
name an item by the file name of a path the request writes: "move a/b.md to c, then tag it" ->
tag path="c/b.md"). Its size is an id the constraint gives the paths that earlier steps renamed,
moved or deleted (later steps may not name them): k + 1 in a later step, -k in the first; the
grammar only carries it from step to step (True and False read as 1 and 0: nothing gone).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache, lru_cache
from typing import get_args

import numpy as np

from fileagent.agent.plan.model import ClassifyBy, CreateKind, KeepRule, SelectionKind, SortKey, UpdateMode
from fileagent.agent.plan.text import FLAGS, QUOTED, REPEATABLE, _parse_size, size_text
from fileagent.agent.plan.text import KEY_ORDER as TEXT_KEY_ORDER
from fileagent.agent.planner.refusal import REFUSAL_CLASSES, REFUSAL_OP

# Every op and key of plan text, version 2 included.
PLAN_KEY_ORDER = dict(TEXT_KEY_ORDER)

# Enum values the renderer can write (defaults are left out of plan text, so never written).
ENUMS: dict[str, tuple[str, ...]] = {
    "kind": tuple(v for v in get_args(SelectionKind) if v != "file"),
    "create_kind": tuple(v for v in get_args(CreateKind) if v != "file"),
    "mode": get_args(UpdateMode),
    "by": tuple(v for v in get_args(ClassifyBy) if v != "rule_set"),
    "why": REFUSAL_CLASSES,
    "sort": get_args(SortKey),
    "duplicates": get_args(KeepRule),
    "case": ("lower", "upper"),
}
SIZE_KEYS, DATE_KEYS, EXT_KEYS = ("larger", "smaller"), ("after", "before"), ("ext", "set_ext")
AGE_KEYS = ("older", "newer")  # 30d, 2w, 6m, 1y
COUNT_KEYS = ("limit", "start", "max_groups")  # whole numbers
# Bare values that must come from the request (the constraint decides which it writes).
REQUEST_BARE = SIZE_KEYS + DATE_KEYS + EXT_KEYS + AGE_KEYS + COUNT_KEYS
SELECTION_ONLY_WITHOUT_PATH = ("in", "pattern", "recursive")
BATCH_RENAME = ("set_ext", "add_prefix", "add_suffix", "template", "case")
IN_FOLDER = "duplicates=in_folder"  # in ctx's seen keys: keep_in must follow
FIND_MODES = ("replace", "replace_regex")
SEP = " ; "
# The refusal reading ("none why=chat") is a whole plan text of its own: only a first step, never
# followed by another.
KEY_ORDER: dict[str, tuple[str, ...]] = {**PLAN_KEY_ORDER, REFUSAL_OP: ("why",)}
KEY_ORDER_OPS = tuple(KEY_ORDER)
LATER_OPS = tuple(PLAN_KEY_ORDER)

START = ("op", "")
NEXT_STEP = ("op", "", True)
EOS_STATE = ("eos",)


# ------------------------------------------------------------- step structure


def new_ctx(op: str, later: int = False) -> tuple:
    return (op, frozenset(), None, None, None, None, later)


def ctx_add(ctx: tuple, key: str, value: str | None = None) -> tuple:
    op, seen, _, mode, by, kind, later = ctx
    if key == "mode":
        mode = value
    elif key == "by":
        by = value
    elif key == "kind":
        kind = value
    elif key == "duplicates" and value == "in_folder":
        seen = seen | {IN_FOLDER}
    return (op, seen | {key}, key, mode, by, kind, later)


@cache
def next_keys(ctx: tuple) -> tuple[tuple[str, ...], bool]:
    """(keys that may come next, whether the step may end here)."""
    op, seen, last, mode, by, kind, _ = ctx
    order = KEY_ORDER[op]
    at = order.index(last) if last is not None else -1
    keys = [
        k for k in order if order.index(k) > at or (k == last and k in REPEATABLE) or (k == "if" and last == "then")
    ]
    if "path" in seen:
        keys = [k for k in keys if k not in SELECTION_ONLY_WITHOUT_PATH]
    # The Plan's cross-field rules: desc orders a sort, keep_in names in_folder's folder, the
    # flags of a destination come after it.
    keys = [
        k
        for k in keys
        if not (k == "desc" and "sort" not in seen)
        and not (k == "keep_in" and IN_FOLDER not in seen)
        and not (k in ("keep_structure", "remove_originals") and "to" not in seen)
    ]
    can_end = True
    if op == REFUSAL_OP:
        keys, can_end = ([], True) if "why" in seen else (["why"], False)
    elif op in ("create", "extract"):
        if "path" not in seen:
            keys, can_end = ["path"], False
        elif kind == "dir":
            keys = [k for k in keys if k != "content"]
    elif op == "update":
        if "mode" not in seen:
            keys, can_end = [k for k in keys if k not in ("find", "text")], False
        elif mode in FIND_MODES and "find" not in seen:
            keys, can_end = ["find"], False
        elif "text" not in seen:
            keys, can_end = ["text"], False
        else:
            keys = []
        keys = [k for k in keys if k != "find" or mode in FIND_MODES]
    elif op in ("move", "copy", "archive"):
        can_end = "to" in seen
    elif op == "rename":
        if "new_name" in seen:
            keys = []
        elif "template" in seen:
            keys = [k for k in keys if k == "start"]  # a template's first number, then nothing
        elif any(k in seen for k in BATCH_RENAME):
            keys = []
        else:
            can_end = False
            keys = [k for k in keys if k != "start" and (k != "new_name" or (last == "path" and seen == {"path"}))]
    elif op == "classify":
        if last == "if":
            keys, can_end = ["if", "then"], False
        elif by == "keywords" and "then" not in seen:
            keys, can_end = ["if"], False
        keys = [
            k
            for k in keys
            if not (k == "rule_set" and by is not None)
            and not (k in ("if", "then", "else") and by != "keywords")
            and not (k == "then" and last != "if")
            and not (k == "max_groups" and by != "topic")
        ]
    elif op == "tag":
        can_end = "tag" in seen
        keys = [k for k in keys if k != "remove" or can_end]
    if IN_FOLDER in seen and "keep_in" not in seen:
        keys, can_end = ["keep_in"], False
    return tuple(keys), can_end


@cache
def field_options(ctx: tuple) -> tuple[dict[str, tuple], bool]:
    """Texts that may follow an op or a field, each mapped to the state it leads to."""
    keys, can_end = next_keys(ctx)
    options: dict[str, tuple] = {}
    for k in keys:
        if k in FLAGS:
            options[" " + k] = ("af", ctx_add(ctx, k), "")
        elif k in QUOTED:
            options[f' {k}="'] = ("q", ctx_add(ctx, k), k, None)
        else:
            options[f" {k}="] = ("b", ctx, k, "")
    if can_end and ctx[0] != REFUSAL_OP:
        later = ctx[6]
        options[SEP] = NEXT_STEP if later in (0, 1) else ("op", "", later if later > 0 else 1 - later)
    return options, can_end


@cache
def prefixes_of(options: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Every proper prefix of the options -> the characters that may follow it."""
    table: dict[str, set[str]] = {}
    for o in options:
        for i in range(len(o)):
            table.setdefault(o[:i], set()).add(o[i])
    return {p: frozenset(cs) for p, cs in table.items()}


# ------------------------------------------------------------------ bare values


def _size_ok(text: str, complete: bool) -> bool:
    """Sizes as the renderer spells them: 1MB, never 1024KB, 0KB or 007."""
    digits = len(text) - len(text.lstrip("0123456789"))
    num, unit = text[:digits], text[digits:]
    if not num or len(num) > 12 or (len(num) > 1 and num[0] == "0"):
        return False
    if unit in ("", "KB", "MB", "GB"):
        canonical = size_text(_parse_size(text)) == text
        return canonical or (not complete and unit == "" and len(num) < 12)
    return not complete and unit in ("K", "M", "G") and _size_ok(text + "B", True)


@lru_cache(maxsize=4096)
def _date_ok(text: str, complete: bool) -> bool:
    """A valid YYYY-MM-DD date, or (not complete) the start of one."""
    shape = "dddd-dd-dd"
    if len(text) > 10 or any(
        (s == "d") != c.isdigit() or (s == "-" and c != "-") for s, c in zip(shape, text, strict=False)
    ):
        return False
    if len(text) == 10 or complete:
        try:
            return len(text) == 10 and date.fromisoformat(text) is not None
        except ValueError:
            return False
    if text[:4] == "0000":
        return False
    year = int(text[:4].ljust(4, "1"))
    months = [m for m in range(1, 13) if f"{m:02d}".startswith(text[5:7])]
    if len(text) <= 8:
        return bool(months)  # the 1st of such a month exists
    for m in months:
        for d in range(1, 32):
            if f"{d:02d}".startswith(text[8:]):
                try:
                    date(year, m, d)
                    return True
                except ValueError:
                    pass
    return False


AGE_UNITS = "dwmy"  # days, weeks, months, years


def _age_ok(text: str, complete: bool) -> bool:
    """An age as the Plan takes it: 1 to 5 digits, no leading zero, then one unit letter."""
    digits = len(text) - len(text.lstrip("0123456789"))
    num, unit = text[:digits], text[digits:]
    if not num or num[0] == "0" or len(num) > 5 or len(unit) > 1 or (unit and unit not in AGE_UNITS):
        return False
    return bool(unit) or not complete


def _count_ok(key: str, text: str, complete: bool) -> bool:
    """A whole number, no leading zero: at least 1 (a template's `start` may be 0)."""
    if not text.isdigit() or len(text) > 9:
        return False
    if text == "0":
        return key == "start"
    return text[0] != "0"


def bare_value_ok(key: str, ctx: tuple, text: str, complete: bool) -> bool:
    """Whether `text` is a (complete, or else viable partial) value for a bare key, by its shape
    alone (the constraint holds the request-dependent ones to the request too)."""
    if key in SIZE_KEYS:
        return _size_ok(text, complete)
    if key in DATE_KEYS:
        return _date_ok(text, complete)
    if key in AGE_KEYS:
        return _age_ok(text, complete)
    if key in COUNT_KEYS:
        return _count_ok(key, text, complete)
    enum = ENUMS["create_kind" if key == "kind" and ctx[0] == "create" else key]
    return text in enum if complete else any(v.startswith(text) for v in enum)


_BARE_CHARS = list("0123456789-KMGB" + AGE_UNITS)


class PlanGrammar:
    """The request-independent part: vocabulary trie, structural steps, cached masks."""

    def __init__(self, token_bytes: Sequence[bytes], eos_id: int, op_tokens: dict[str, Sequence[int]] | None = None):
        """`op_tokens`: each op name's tokenization as the tokenizer writes it (ops are
        then written only that way); None allows any split."""
        self.vocab_size = len(token_bytes)
        self.token_bytes = list(token_bytes)
        self.eos_id = eos_id
        self.children: list[dict[int, int]] = [{}]
        self.tokens: list[list[int]] = [[]]
        for tid, bs in enumerate(token_bytes):
            if not bs:
                continue  # control ids: only eos, handled apart
            node = 0
            for b in bs:
                nxt = self.children[node].get(b)
                if nxt is None:
                    nxt = len(self.children)
                    self.children[node][b] = nxt
                    self.children.append({})
                    self.tokens.append([])
                node = nxt
            # Same bytes twice (a piece and its byte-fallback twin): keep the piece, the
            # later id, which is the one the tokenizer writes.
            self.tokens[node] = [tid]
        self.op_ends: set[str] | None = None
        if op_tokens is not None:
            self.op_ends = {""}
            for ids in op_tokens.values():
                text = b""
                for t in ids:
                    text += self.token_bytes[t]
                    self.op_ends.add(text.decode("utf-8", "replace"))
        self._masks: dict[tuple, tuple[np.ndarray, list[tuple[int, tuple]]]] = {}
        self._forced: dict[tuple, list[int]] = {}

    def token_may_end(self, state: tuple) -> bool:
        """Tokens end only where the tokenizer would end one: structure comes in whole
        symbols (` path="`, `" ; `, an op's own pieces), so the model never meets a
        spelling of a plan it was not trained on. Values may be split anywhere."""
        if state[0] == "af":
            return state[2] == ""
        if state[0] == "op":
            return self.op_ends is None or state[1] in self.op_ends
        return True

    # -- the automaton on request-independent states
    def is_dynamic(self, state: tuple) -> bool:
        return state[0] == "q" or (state[0] == "b" and state[2] in REQUEST_BARE)

    def can_end(self, state: tuple) -> bool:
        if state[0] == "af":
            return state[2] == "" and field_options(state[1])[1]
        if state[0] == "b" and state[2] not in REQUEST_BARE:
            return (
                bare_value_ok(state[2], state[1], state[3], True)
                and field_options(ctx_add(state[1], state[2], state[3]))[1]
            )
        return False

    def next_chars(self, state: tuple) -> Iterable[str]:
        kind = state[0]
        if kind == "op":
            return prefixes_of(KEY_ORDER_OPS if len(state) == 2 else LATER_OPS).get(state[1], ())
        if kind == "af":
            return prefixes_of(tuple(field_options(state[1])[0])).get(state[2], ())
        if kind == "b":
            _, ctx, key, typed = state
            if key in SIZE_KEYS or key in DATE_KEYS or key in AGE_KEYS or key in COUNT_KEYS:
                return _BARE_CHARS + [" "]
            enum = ENUMS["create_kind" if key == "kind" and ctx[0] == "create" else key]
            nxt = set(prefixes_of(enum).get(typed, ()))
            return nxt | {" "} if typed in enum else nxt
        return ()

    def step(self, state: tuple, ch: str) -> tuple | None:
        kind = state[0]
        if kind == "op":
            typed = state[1] + ch
            ops = KEY_ORDER_OPS if len(state) == 2 else LATER_OPS
            if typed in ops:
                return ("af", new_ctx(typed, state[2] if len(state) > 2 else False), "")
            return ("op", typed) + state[2:] if typed in prefixes_of(ops) else None
        if kind == "af":
            options = field_options(state[1])[0]
            typed = state[2] + ch
            if typed in options:
                return options[typed]
            return ("af", state[1], typed) if typed in prefixes_of(tuple(options)) else None
        if kind == "b":
            _, ctx, key, typed = state
            if ch == " ":
                return self.end_bare(ctx, key, typed, bare_value_ok(key, ctx, typed, True))
            return ("b", ctx, key, typed + ch) if bare_value_ok(key, ctx, typed + ch, False) else None
        return None

    def end_bare(self, ctx: tuple, key: str, value: str, complete: bool) -> tuple | None:
        """The state after a bare value and the space that ends it."""
        if not complete:
            return None
        after = ("af", ctx_add(ctx, key, value), "")
        return self.step(after, " ")

    # -- masks
    def walk(self, node: int, state: tuple, mask: np.ndarray, auto, frontier: list | None) -> None:
        """Allow every token below trie `node` whose remaining bytes `auto` reads from `state`.

        `auto` has next_bytes, byte_step and token_may_end. With `frontier`, stop
        where a token enters a request-dependent value and note (node, state)
        there: the request decides about that token and the ones below it."""
        kids = self.children[node]
        for b in auto.next_bytes(state):
            child = kids.get(b)
            if child is None:
                continue
            nxt = auto.byte_step(state, b)
            if nxt is None:
                continue
            if frontier is not None and self.is_dynamic(nxt):
                frontier.append((child, nxt))
                continue
            if auto.token_may_end(nxt):
                for tid in self.tokens[child]:
                    mask[tid] = True
            if self.children[child]:
                self.walk(child, nxt, mask, auto, frontier)

    def next_bytes(self, state: tuple) -> Iterable[int]:
        return [ord(ch) for ch in self.next_chars(state)]

    def byte_step(self, state: tuple, b: int) -> tuple | None:
        return self.step(state, chr(b)) if b < 128 else None

    def structural_mask(self, state: tuple) -> tuple[np.ndarray, list[tuple[int, tuple]]]:
        got = self._masks.get(state)
        if got is None:
            mask = np.zeros(self.vocab_size, dtype=bool)
            frontier: list[tuple[int, tuple]] = []
            self.walk(0, state, mask, self, frontier)
            if self.can_end(state):
                mask[self.eos_id] = True
            got = self._masks[state] = (mask, frontier)
        return got


def tokenizer_symbols() -> list[str]:
    """Structural pieces to make single tokens: keys with their "=" and quote, the step separator.

    Written with SentencePiece's visible space "\u2581": a user symbol with a plain
    space never matches, since spaces become "\u2581" before pieces are matched."""
    keys = sorted({k for ks in KEY_ORDER.values() for k in ks})
    texts = [f' {k}="' if k in QUOTED else f" {k}" if k in FLAGS else f" {k}=" for k in keys]
    return [t.replace(" ", "\u2581") for t in texts + ['" ; ', SEP]]
