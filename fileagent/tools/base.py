"""What every tool module declares, and small name helpers the tools share.

Each module under fileagent/tools/ compiles one family of plan steps against
the compile context (fileagent/agent/engine/simulation.py: the tree view, the Guard,
the ChangeSet being built). It exposes CAPABILITY and `compile_step(ctx, step)`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Capability:
    op: str
    mutates: bool  # produces disk-changing actions
    needs_confirm_default: bool  # in the default require_confirm_for
    summary: str


def ext_of(name: str) -> str:
    """Lower-case extension without the dot; "" for none (".bashrc" has none)."""
    i = name.rfind(".")
    return name[i + 1 :].lower() if i > 0 else ""


def split_name(name: str) -> tuple[str, str]:
    """("report", ".pdf") for "report.pdf"; (".bashrc", "") for ".bashrc"."""
    i = name.rfind(".")
    return (name[:i], name[i:]) if i > 0 else (name, "")


def join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def parent_of(rel: str) -> str:
    return rel.rpartition("/")[0]


def name_of(rel: str) -> str:
    return rel.rpartition("/")[2]


def looks_binary(head: bytes) -> bool:
    return b"\x00" in head


def human_size(n: float) -> str:
    """'512 bytes', '3.4 MB'."""
    if n < 1024:
        return f"{n} byte" + ("" if n == 1 else "s")
    for unit in ("KB", "MB", "GB", "TB"):
        n /= 1024
        if n < 1024 or unit == "TB":
            return f"{n:.1f} {unit}"
    return ""  # pragma: no cover - the loop always returns
