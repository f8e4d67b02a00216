"""The order in which the planner tries its beam candidates: the model's, except that a candidate
which leaves out less of what the request writes goes first.

What a request writes and a plan should carry:
- its quoted texts: what a user quotes is an argument ("touch 'a.md' and write 'hi'" dropping 'hi');
- the paths and file names it writes ("then print out family/api/README.txt" dropped);
- its dates: a date value no date of the request gives ("after Jul 27 2023" -> after=2023-06-27).

Only the order changes: a candidate still has to pass everything else. One that deletes where the
model's own best reading does not never moves ahead of it; one that changes files where that reading
only looks moves ahead of it only by carrying more of the request's quoted texts, never by a path
or a date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fileagent.agent.planner.plausibility import deletes, lower_refusal
from fileagent.agent.planner.spans import quoted_regions

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MON = (
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_YMD = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_MDY = re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)", re.I)
_DMY = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+(\d{4})(?!\d)", re.I)
_YM = re.compile(r"(?<!\d)(\d{4})\s*(?:[-/]|年)\s*(\d{1,2})(?:月|(?![\d/.-]))")
_MY = re.compile(_MON + r",?\s+(\d{4})(?!\d)", re.I)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# A numeric date whose order (day or month first) no pattern above reads: the request's dates are
# then unknown, and no date counts as a miss.
_UNREAD_DATE = re.compile(r"(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{4}(?!\d)")
_DATE_VALUE = re.compile(r"\b(?:after|before)=(\d{4}-\d{2}-\d{2})\b")
# A path or file name as a request writes it, in ASCII ("notes/day1.md", "budget_2024.json"; a
# Chinese name is not looked for): a dated "2023/3/16" is none.
_PATH_WORD = re.compile(
    r"(?!\d+/\d+/\d+\b)[A-Za-z0-9_][\w.-]*(?:/[\w.-]+)+|[A-Za-z0-9_][\w-]*\.[A-Za-z][A-Za-z0-9]{0,5}\b", re.ASCII
)


def _month(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def request_dates(prompt: str) -> set[str]:
    """The date values a request gives: its days, and the first days of its months and years and
    of the months and years after them ("in 2025" is after=2025-01-01 before=2026-01-01)."""
    days: set[tuple[int, int, int]] = set()
    for y, m, d in _YMD.findall(prompt):
        days.add((int(y), int(m), int(d)))
    for mon, d, y in _MDY.findall(prompt):
        days.add((int(y), _month(mon), int(d)))
    for d, mon, y in _DMY.findall(prompt):
        days.add((int(y), _month(mon), int(d)))
    months = {(int(y), int(m)) for y, m in _YM.findall(prompt)}
    months |= {(int(y), _month(mon)) for mon, y in _MY.findall(prompt)}
    for y, m in list(months):
        months.add((y + 1, 1) if m == 12 else (y, m + 1))
    years = {int(y) for y in _YEAR.findall(prompt)}
    days |= {(y, m, 1) for y, m in months} | {(y + k, 1, 1) for y in years for k in (0, 1)}
    return {f"{y:04d}-{m:02d}-{d:02d}" for y, m, d in days}


def _unquoted(prompt: str) -> tuple[list[str], str]:
    """The request's quoted texts, and the request with them blanked out."""
    data = prompt.encode("utf-8")
    regions = quoted_regions(prompt)
    quoted = [data[lo:hi].decode("utf-8", "replace") for lo, hi in regions]
    for lo, hi in reversed(regions):
        data = data[:lo] + b" " * (hi - lo) + data[hi:]
    return quoted, data.decode("utf-8", "replace")


_VALUE = re.compile(r'=("(?:[^"\\]|\\.)*"|[^\s"]+)')


def _values(text: str) -> list[str]:
    """The values of plan text (`kind=dir` -> "dir"), lowercased, quotes and escapes taken off: what a
    request's words are looked for in (not the ops and keys: a quoted 'path' is no value of
    `read path="x"`)."""
    out = []
    for v in _VALUE.findall(text):
        if v.startswith('"'):
            v = re.sub(r"\\(.)", r"\1", v[1:-1] if v.endswith('"') and len(v) > 1 else v[1:])
        out.append(v.lower())
    return out


def _carried(word: str, values: list[str]) -> bool:
    """A quoted text or written path is carried by a plan value that holds it or, a path, its last
    part ("name it recipes/intro.tar" is new_name="intro.tar")."""
    word = word.lower().rstrip(".")
    last = word.rstrip("/").rsplit("/", 1)[-1] if "/" in word else ""
    return any(word in v or (last and last in v) for v in values)


@lru_cache(maxsize=8)
def _written(prompt: str) -> tuple[list[str], list[str], frozenset[str] | None]:
    """What a request writes, once per request: its quoted texts, its paths and file names, its
    dates (None where a numeric date no pattern reads makes them unknown)."""
    quoted, rest = _unquoted(prompt)
    dates = None if _UNREAD_DATE.search(prompt) else frozenset(request_dates(prompt))
    return quoted, _PATH_WORD.findall(rest), dates


@lru_cache(maxsize=64)
def misses(text: str, prompt: str) -> tuple[int, int]:
    """How much of what `prompt` writes candidate plan `text` leaves out: (quoted texts it does not
    carry, written paths it does not carry + dates it has that the request gives none of)."""
    quoted, words, dates = _written(prompt)
    values = _values(text)
    n_quoted = sum(not _carried(q, values) for q in quoted)
    n_other = sum(not _carried(w, values) for w in words)
    if dates is None:
        return n_quoted, n_other
    return n_quoted, n_other + sum(d not in dates for d in _DATE_VALUE.findall(text))


def _ops(text: str) -> list[str]:
    return [step.strip().split(" ", 1)[0] for step in text.split(" ; ")]


def other_job(best: str, text: str) -> str | None:
    """A lower candidate is there to mend the best reading's values (a path, a pattern), not to do
    another job: "delete the .log files" whose files are absent must not become a listing."""
    if _ops(text) != _ops(best):
        return f"does another job ({' ; '.join(_ops(text))}) than the model's best reading ({' ; '.join(_ops(best))})"
    for i, (mine, theirs) in enumerate(zip(text.split(" ; "), best.split(" ; "), strict=True), 1):
        if _scoped(theirs) and not _scoped(mine):
            return f"selects from the whole root in step {i}, where the model's best reading names a folder or file"
    return None


def _scoped(step: str) -> bool:
    """The step's selection names a path or a folder (not the whole root)."""
    return ' path="' in step or ' in="' in step


def refusal(best: str, text: str, prompt: str) -> str | None:
    """Why candidate `text` may not stand in for the model's best reading `best`
    (plausibility.lower_refusal: it deletes, or changes files, where `best` does not), except that
    a change may stand in for a look that leaves out more of the request's quoted texts ("erase
    what's in a.txt and write 'buy milk'" read as `read path="a.txt"` gives way to the update)."""
    why = lower_refusal(best, text) or other_job(best, text)
    if why and not deletes(text) and misses(text, prompt)[0] < misses(best, prompt)[0]:
        return None
    return why


def request_order(candidates: list[tuple[str, bool]], prompt: str) -> list[tuple[str, bool]]:
    """Candidates that leave out fewer quoted texts first, then (among equals) those that leave out
    fewer written paths and dates, in beam order among equals. One that may not stand in for the
    model's best reading (`refusal`) goes behind those that may: a deletion the best reading lacks
    behind all, a change where it only looks behind the looks (it moves ahead only by carrying more
    quoted text, never by a path or a date)."""
    if not candidates:
        return candidates
    top = candidates[0][0]

    def key(cand: tuple[str, bool]) -> tuple:
        quoted, other = misses(cand[0], prompt)
        return (deletes(cand[0]) and not deletes(top), quoted, refusal(top, cand[0], prompt) is not None, other)

    return sorted(candidates, key=key)
