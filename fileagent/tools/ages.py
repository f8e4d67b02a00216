"""Relative ages in plans ("30d", "2w", "6m", "1y"), resolved against a moment at compile time.

Months and years count back on the calendar (from 31 March, one month back is the last day of
February); days and weeks are exact.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

AGE_RE = re.compile(r"^([1-9][0-9]{0,4})([dwmy])$")
_WORDS = {"d": "day", "w": "week", "m": "month", "y": "year"}


def parse_age(text: str) -> tuple[int, str]:
    """ "30d" -> (30, "d"); ValueError for anything else."""
    m = AGE_RE.match(text)
    if not m:
        raise ValueError(f"bad age {text!r}: a number and d, w, m or y (30d, 2w, 6m, 1y)")
    return int(m.group(1)), m.group(2)


def age_words(text: str) -> str:
    n, unit = parse_age(text)
    return f"{n} {_WORDS[unit]}" + ("" if n == 1 else "s")


def cutoff(now: datetime, text: str) -> datetime:
    """The moment `text` before `now`."""
    n, unit = parse_age(text)
    if unit == "d":
        return now - timedelta(days=n)
    if unit == "w":
        return now - timedelta(weeks=n)
    months = n if unit == "m" else 12 * n
    total = now.year * 12 + (now.month - 1) - months
    year, month = divmod(total, 12)
    if year < 1:
        return datetime(1, 1, 1)
    month += 1
    last = (
        (datetime(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day if year < 9999 or month < 12 else 31
    )
    return now.replace(year=year, month=month, day=min(now.day, last))
