"""How the operating system in use compares and spells file names, as plain data.

Each OS has its own rules: Linux compares names byte for byte, and "\\" is an ordinary character
in a name; Windows ignores case, treats "\\" as a separator and refuses reserved names (CON, NUL,
COM1...), trailing dots and spaces and ":" (streams); macOS ignores case and Unicode
normalisation ("e" + combining acute is the same name as the precomposed one).

`current()` picks the rules of the real OS at start-up. `FILEAGENT_PORTABLE=windows` (or
`macos`) in the environment makes a run on another OS use that OS's rules instead, so the rules
of all three are exercised where only one OS is at hand; the file-system layer
(fileagent/tools/fs/platform.py) reads the same setting to drop the calls that OS lacks.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

MODE_ENV = "FILEAGENT_PORTABLE"
MODES = ("windows", "macos")


@dataclass(frozen=True)
class NameRules:
    system: str  # "linux", "windows", "macos" or "posix"
    case_insensitive: bool | None  # None: depends on the filesystem (probed where it matters)
    normalisation_insensitive: bool  # NFC and NFD spellings name the same entry
    windows: bool  # reserved names, trailing dots/spaces, ":" and "\\" as a separator

    @property
    def separators(self) -> str:
        return "/\\" if self.windows else "/"

    def key(self, name: str, *, fold_case: bool | None = None) -> str:
        """The form under which two names are the same entry on this system. `fold_case`
        overrides case handling where the filesystem was probed (case_insensitive is None)."""
        fold = self.case_insensitive if fold_case is None else fold_case
        if self.normalisation_insensitive and not name.isascii():
            name = unicodedata.normalize("NFC", name)
        if fold:
            name = name.lower() if name.isascii() else name.casefold()
        return name


LINUX = NameRules("linux", None, False, False)
POSIX = NameRules("posix", None, False, False)
WINDOWS = NameRules("windows", True, False, True)
MACOS = NameRules("macos", True, True, False)
_BY_MODE = {"windows": WINDOWS, "macos": MACOS}


def mode_problem(env: Mapping[str, str] | None = None) -> str | None:
    """A one-line complaint about the FILEAGENT_PORTABLE value, or None when it is usable."""
    value = (os.environ if env is None else env).get(MODE_ENV, "")
    if value in ("",) + MODES:
        return None
    return f"{MODE_ENV} must be 'windows' or 'macos' (or unset), not {value!r}"


def portable_mode(env: Mapping[str, str] | None = None) -> str | None:
    """'windows' or 'macos' when the environment asks for that OS's rules, else None (an unusable
    value counts as unset here; the command line refuses it through mode_problem)."""
    value = (os.environ if env is None else env).get(MODE_ENV, "")
    return value if value in MODES else None


def native() -> NameRules:
    if os.name == "nt":
        return WINDOWS
    if sys.platform == "darwin":
        return MACOS
    return LINUX if sys.platform.startswith("linux") else POSIX


def rules_for(mode: str | None) -> NameRules:
    return _BY_MODE[mode] if mode else native()


_CURRENT = rules_for(portable_mode())


def current() -> NameRules:
    """The name rules this process runs under (chosen once, at import)."""
    return _CURRENT


def use(rules: NameRules) -> None:
    """Make `rules` current (the file-system layer's `activate` calls this, keeping both in step)."""
    global _CURRENT
    _CURRENT = rules
