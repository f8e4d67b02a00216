"""Regexes from plans, limited to shapes that match in time linear-ish in the text.

Python's backtracking engine can take exponential time on patterns such as `^(a+)+$`, `(a|ab)*`
or `(.*a){20}` against a short non-matching name, and a plan (or a request the model planned)
chooses the pattern. `compile_plan_regex` refuses, before anything runs, the shapes that cause
it: a repeat inside a repeat, a repeated alternation whose branches can begin with the same
character (or match nothing), more than three open-ended repeats in a row of tries (a*a*a*a*b is
polynomial of degree 4), and backreferences; and caps the pattern's length. Everything else
(anchors, classes, single repeats, alternations of distinct words) compiles as usual.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MAX_PATTERN = 500
MAX_UNBOUNDED = 3
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_ANY = object()


class UnsafeRegex(ValueError):
    """A pattern refused before it runs (its message says why)."""


def compile_plan_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    if len(pattern) > MAX_PATTERN:
        raise UnsafeRegex(f"longer than {MAX_PATTERN} characters")
    try:
        tree = _p.parse(pattern, flags)  # a syntax error is re.error, as from re.compile
    except (RecursionError, OverflowError):
        raise UnsafeRegex("nested too deeply") from None
    why = _danger(list(tree), in_repeat=False)
    if why:
        raise UnsafeRegex(why)
    if _unbounded(list(tree)) > MAX_UNBOUNDED:
        # a*a*a*a*b: each further open repeat multiplies the tries by the text's length
        raise UnsafeRegex(f"more than {MAX_UNBOUNDED} open-ended repeats (*, +, {{n,}})")
    return re.compile(pattern, flags)


def _unbounded(items: list) -> int:
    n = 0
    for op, av in items:
        if op in _REPEATS:
            n += (av[1] == _c.MAXREPEAT) + _unbounded(list(av[2]))
        elif op is _c.SUBPATTERN:
            n += _unbounded(list(av[-1]))
        elif op is _c.BRANCH:
            n += sum(_unbounded(list(b)) for b in av[1])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            n += _unbounded(list(av[1]))
    return n


def _danger(items: list, in_repeat: bool) -> str | None:
    for op, av in items:
        why = None
        if op in _REPEATS:
            lo, hi, sub = av
            if hi > 1:
                if in_repeat:
                    return (
                        "nested quantifiers (a repeat inside a repeat, as in (a+)+ or (.*a){20}) can take "
                        "exponential time; write it with one repeat"
                    )
                if _ambiguous_branch(list(sub)):
                    return (
                        "a repeated alternation whose branches can begin alike (as in (a|ab)*) can take "
                        "exponential time"
                    )
                why = _danger(list(sub), True)
            else:
                why = _danger(list(sub), in_repeat)
        elif op is _c.SUBPATTERN:
            why = _danger(list(av[-1]), in_repeat)
        elif op is _c.BRANCH:
            for branch in av[1]:
                why = why or _danger(list(branch), in_repeat)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            why = _danger(list(av[1]), in_repeat)
        elif op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
            return "backreferences are not supported in plan regexes"
        if why:
            return why
    return None


def _ambiguous_branch(items: list) -> bool:
    """Whether a repeat's body holds an alternation with two branches that can start with the same
    character, or one that can match nothing."""
    for op, av in items:
        if op is _c.SUBPATTERN and _ambiguous_branch(list(av[-1])):
            return True
        if op is _c.BRANCH:
            firsts = [_first(list(b)) for b in av[1]]
            seen: set = set()
            for f in firsts:
                if f is None or f is _ANY or f & seen:
                    return True
                seen |= f
    return False


def _first(items: list):
    """The characters a sequence can start with: a set, _ANY when too broad to tell, None if it can be
    empty."""
    if not items:
        return None
    op, av = items[0]
    if op is _c.LITERAL:
        return {av}
    if op is _c.SUBPATTERN:
        return _first(list(av[-1]) + items[1:]) if av[-1] else _first(items[1:])
    if op is _c.IN:
        out: set = set()
        for kind, val in av:
            if kind is _c.LITERAL:
                out.add(val)
            elif kind is _c.RANGE and val[1] - val[0] < 256:
                out.update(range(val[0], val[1] + 1))
            else:
                return _ANY
        return out
    if op in _REPEATS:
        return None if av[0] == 0 else _first(list(av[2]))
    if op in (_c.AT,):
        return _first(items[1:])
    return _ANY
