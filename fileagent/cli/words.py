"""Telling a typo'd command from a request: `fileagent undoo` means `undo`, not "delete 'undoo'"."""

from __future__ import annotations

SUBCOMMANDS = (
    "run",
    "plan",
    "apply",
    "log",
    "undo",
    "recover",
    "train",
    "ui",
    "info",
    "gc",
    "examples",
    "rule",
    "watch",
)
# Words a one-word request is checked against: a request that is (nearly) one of them is a typo'd command.
COMMAND_WORDS = SUBCOMMANDS + ("help", "verify", "path")


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) that turn a into b."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def near_command(request: str) -> str | None:
    """The command a one-word request names or nearly names: itself, or within two edits for names of
    four letters or more (one edit for three-letter names); None for anything else."""
    word = request.strip().lower()
    if not word or any(ch.isspace() for ch in word):
        return None
    best: tuple[int, str] | None = None
    for name in COMMAND_WORDS:
        limit = 2 if len(name) >= 4 else 1 if len(name) == 3 else 0
        d = edit_distance(word, name)
        if d <= limit and (best is None or d < best[0]):
            best = (d, name)
    return best[1] if best else None


VALUE_OPTIONS = ("--root", "--config", "--on-conflict", "--run", "--op", "--since", "--host", "--port")

# What each fast command declares: value options, and flags (every spelling -> its parameter).
_FAST_VALUES = {
    "plan": {"--root": "root", "--config": "config"},
    "run": {"--root": "root", "--config": "config", "--on-conflict": "on_conflict"},
}
_FAST_FLAGS = {"plan": {"--json": "as_json"}, "run": {"--json": "as_json", "--yes": "yes", "-y": "yes"}}
