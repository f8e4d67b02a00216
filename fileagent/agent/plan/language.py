"""The language a request is written in, for words said back to the user."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u9fff]")


def language_of(request: str | None) -> str:
    """ "zh" for a request that writes Chinese, else "en"."""
    return "zh" if request and _CJK.search(request) else "en"
