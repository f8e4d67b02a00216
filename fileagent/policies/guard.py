"""The Guard: every path the agent touches is checked here first.

A path is refused (PolicyError, nothing changed) when it is empty or holds a
NUL byte, has a Windows-unsafe shape (see winpath.py), escapes the sandbox root
lexically or through a symbolic link, lies in ROOT/.fileagent or another hidden
path, or matches a deny pattern.

`resolve` returns the *lexical* path inside the root: its parent folders have
symlinks resolved, but a final symlink is returned as itself (so deleting or
moving a link acts on the link, never on its target). Such a link is only
allowed when its target also lies inside the root and passes the same checks;
a dangling link resolves to where it points, so a link to a not-yet-existing
file outside the root is refused too.

Names are the OS's own: the returned path keeps the plan's characters exactly
(no NFC, and outside Windows a backslash is part of a name, so `x\\y.txt` is one
file). Normalised forms are only compared against, never acted on.

Deny patterns (globs, "**" for any depth) are matched case-insensitively after
NFC normalisation with trailing dots/spaces of names stripped, like Windows
does: "TOOL.EXE." and "tool.exe" are the same name. A pattern without "/"
matches any component name ("*.sh" denies "scripts/x.sh"); a pattern starting
with "/" or a drive ("C:/") matches the resolved absolute path, and so does one
starting with "~/" (below the user's home folder); other patterns match the
root-relative path.

A first component that names a place elsewhere (`~`, `~name`, `$NAME`, `${NAME}`,
`%NAME%`, a `file://` URL: see places.py) is resolved to that place and judged there: outside the
root it is refused with what it means, inside it is that real path; an unset variable is a
PlanError. A root-relative path the engine built itself is resolved with `literal=True` (its "~"
is the entry of that name). No plan makes a new entry of such a name (`new_name_problem`).

Scanning code (the compiler's selection) uses the cheap per-entry checks
(`invisible`, `entry_denied`, `link_problem`) instead of `resolve`, so only
symlinks ever cost a realpath.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from fileagent.errors import PlanError, PolicyError
from fileagent.policies import links
from fileagent.policies import names as name_rules
from fileagent.policies.paths import STATE_DIR, fold, glob_to_regex, nfc
from fileagent.policies.places import Place, home_folder, is_place_name, place_of, place_target, variable
from fileagent.policies.winpath import name_problem, prefix_problem

if TYPE_CHECKING:
    from fileagent.config.loader import Config

MAX_PARTS = 256  # components in one plan path (PATH_MAX allows ~2,000; nothing real is that deep)
ALL_OPS = ("list", "read", "create", "update", "delete", "move", "copy", "rename", "classify", "tag")
_DRIVE_ABS = re.compile(r"^[a-z]:/", re.IGNORECASE)


def _union(patterns: Sequence[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{glob_to_regex(p)})" for p in patterns))


class Guard:
    def __init__(
        self,
        root: Path | str,
        deny_patterns: Iterable[str] = (),
        allow_ops: Iterable[str] = ALL_OPS,
        hidden: Sequence[Path | str] = (),
        *,
        state_dir_name: str = STATE_DIR,
        windows: bool | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        real = os.path.realpath(root)
        self.env = os.environ if env is None else env  # for $NAME, %NAME% and ~
        self.root = Path(real)
        self.root_str = real
        self._prefix = real if real.endswith(os.sep) else real + os.sep
        self.state_dir_name = state_dir_name
        self._state_fold = fold(state_dir_name)
        self.allow_ops = frozenset(allow_ops)
        self.windows = name_rules.current().windows if windows is None else windows
        self.hidden = tuple(os.path.realpath(h) for h in hidden)
        self._hidden_set = frozenset(self.hidden)
        # the hidden paths inside the root, root-relative (usually none: the audit log lives elsewhere)
        self.hidden_rels = frozenset(self.rel(h) for h in self.hidden if h != real and h.startswith(self._prefix))
        self.deny_patterns = tuple(deny_patterns)
        self._root_fold = fold(real.replace(os.sep, "/")).rstrip("/")
        names, rels, absolutes = [], [], []
        for pat in self.deny_patterns:
            f = fold(_home(pat.strip()))
            if f.startswith("/") or _DRIVE_ABS.match(f):
                absolutes.append(f)
            elif f.startswith("**/") and "/" not in f[3:] and "**" not in f[3:]:
                names.append(f[3:])  # "**/*.sys": a name at any depth (names are checked at every level)
            elif "/" in f:
                rels.append(f[2:] if f.startswith("./") else f)
            else:
                names.append(f)
        self._name_pats, self._rel_pats = names, rels
        self._abs_pats = absolutes
        # Absolute patterns that can match something inside this root (most system paths cannot).
        root_slash = self._root_fold + "/"
        self._abs_near = [p for p in absolutes if _may_overlap(_literal_prefix(p), root_slash)]
        self._name_re = _union(names)
        self._rel_re = _union(rels)
        self._abs_re = _union(absolutes)
        self._abs_near_re = _union(self._abs_near)

    @classmethod
    def from_config(
        cls,
        cfg: Config,
        root: Path | str,
        extra_hidden: Sequence[Path | str] = (),
        env: Mapping[str, str] | None = None,
    ) -> Guard:
        return cls(root, cfg.agent.deny_patterns, cfg.agent.allow_ops, hidden=tuple(extra_hidden), env=env)

    # ------------------------------------------------------------ ops

    def check_op(self, op: str, step: int | None = None) -> None:
        if op not in self.allow_ops:
            allowed = ", ".join(o for o in ALL_OPS if o in self.allow_ops) or "none"
            raise PolicyError(f"operation {op!r} is not allowed (agent.allow_ops: {allowed})", step=step)

    # ------------------------------------------------------------ paths

    def inside(self, real: str) -> bool:
        return real == self.root_str or real.startswith(self._prefix)

    def rel(self, abs_path: Path | str) -> str:
        s = str(abs_path)
        if s == self.root_str:
            return "."
        if not s.startswith(self._prefix):
            raise ValueError(f"{s} is not inside {self.root_str}")
        r = s[len(self._prefix) :]
        return r.replace(os.sep, "/") if os.sep != "/" else r

    def is_hidden(self, abs_path: Path | str) -> bool:
        """True for ROOT/.fileagent, the hidden paths, and anything below them."""
        s = str(abs_path)
        if self.inside(s) and s != self.root_str:
            first = self.rel(s).split("/", 1)[0]
            if fold(first) == self._state_fold:
                return True
        return any(s == h or s.startswith(h.rstrip(os.sep) + os.sep) for h in self.hidden)

    def denied_by(self, rel_or_abs: str) -> str | None:
        """The deny pattern matching a root-relative or absolute path, or None."""
        f = fold(rel_or_abs)
        if f.startswith("/") or _DRIVE_ABS.match(f):
            if self._abs_re and self._abs_re.fullmatch(f):
                return self._which(self._abs_pats, f)
            absolute = os.path.normpath(rel_or_abs)
            if not self.inside(absolute):
                return None
            f = fold(self.rel(absolute))
        elif f.startswith("./"):
            f = f[2:]
        return self._rel_denied(f)

    def is_denied(self, rel_or_abs: str) -> bool:
        return self.denied_by(rel_or_abs) is not None

    def _rel_denied(self, rel_folded: str) -> str | None:
        if rel_folded in (".", ""):
            parts: list[str] = []
        else:
            parts = rel_folded.split("/")
        if self._name_re:
            for part in parts:
                if self._name_re.fullmatch(part):
                    return self._which(self._name_pats, part)
        if self._rel_re and self._rel_re.fullmatch(rel_folded):
            return self._which(self._rel_pats, rel_folded)
        if self._abs_near_re:
            absolute = self._root_fold + ("/" + rel_folded if parts else "")
            if self._abs_near_re.fullmatch(absolute):
                return self._which(self._abs_near, absolute)
        return None

    def _which(self, patterns: Sequence[str], s: str) -> str:
        for p in patterns:
            if re.fullmatch(glob_to_regex(p), s):
                for original in self.deny_patterns:
                    if fold(_home(original.strip())).removeprefix("./").removeprefix("**/") == p.removeprefix("**/"):
                        return original
                return p
        return "?"

    def resolve(self, path: str, *, step: int | None = None, op: str = "", literal: bool = False) -> Path:
        """Check a plan path and return its absolute path inside the root (see the module doc).
        `literal`: a root-relative path the engine made, whose first component is only a name."""

        def refuse(why: str) -> PolicyError:
            return PolicyError(f"{op + ' of ' if op else ''}{path!r} refused: {why}", step=step, path=path)

        if not isinstance(path, str) or path.strip() == "":
            raise refuse("empty path")
        if "\x00" in path:
            raise refuse("the path contains a NUL byte")
        if path.count("/") + path.count("\\") >= MAX_PARTS:
            raise PlanError(
                f"{path[:60]!r}...: more than {MAX_PARTS} folder levels, deeper than any real tree",
                step=step,
                path=path[:200],
            )
        place = None if literal else place_of(path)
        if place is not None:
            return self._resolve_place(place, path, refuse, step, op)
        # The checks read the NFC form; the path returned keeps the plan's own characters, so what is
        # acted on is the entry that was named, never another one with the same normalised spelling.
        p = path
        checked = nfc(path)
        problem = prefix_problem(checked)
        absolute = p.startswith("/") and not problem
        if problem and self.windows and _DRIVE_ABS.match(checked):
            absolute, problem = True, None
        if problem:
            raise refuse(f"the path {problem}")
        if self.windows:
            for part in re.split(r"[\\/]", checked):
                why = name_problem(part) if part else None
                if why:
                    raise refuse(why)
            p = p.replace("\\", "/")
        elif "\\" in p and ".." in re.split(r"[\\/]", p):
            # "\\" is an ordinary character of a name here, but the same plan would climb out on Windows
            raise refuse("it climbs with '..' between backslashes (a folder separator on Windows)")
        if absolute:
            norm = os.path.normpath(p)
            if os.path.realpath(norm) == self.root_str:
                return self.root
            base_real = os.path.realpath(os.path.dirname(norm))
            name = os.path.basename(norm)
            if not self.inside(base_real):
                raise refuse(f"it is outside the sandbox root {self.root_str}")
        else:
            norm = posixpath.normpath(p)
            if norm == ".":
                return self.root
            if norm == ".." or norm.startswith("../"):
                raise refuse(f"it escapes the sandbox root {self.root_str}")
            head, name = posixpath.split(norm)
            base_real = os.path.realpath(os.path.join(self.root_str, head)) if head else self.root_str
            if not self.inside(base_real):
                raise refuse(f"it leads outside the sandbox root through a symbolic link (to {base_real})")
        return self._checked(base_real, name, refuse)

    def _checked(self, base_real: str, name: str, refuse) -> Path:
        result = os.path.join(base_real, name)
        why = self.entry_problem(result)
        if why:
            raise refuse(why)
        return Path(result)

    def _resolve_place(self, place: Place, path: str, refuse, step: int | None, op: str) -> Path:
        """A path starting with a home folder, a variable or a file URL: where it leads, when that
        is inside the root; else refused, saying what it means."""
        if self.windows:
            rest = nfc(place.rest if place.kind != "url" else re.sub(r"^/?[A-Za-z]:", "", place.rest))
            for part in re.split(r"[\\/]", rest):
                why = name_problem(part) if part else None
                if why:
                    raise refuse(why)
            place = replace(place, rest=place.rest.replace("\\", "/"))
        elif "\\" in place.rest and ".." in re.split(r"[\\/]", place.rest):
            raise refuse("it climbs with '..' between backslashes (a folder separator on Windows)")
        hint = (
            f" (an entry called {place.head!r} in the root is written './{place.head}')" if place.kind != "url" else ""
        )
        outside = f"outside the sandbox root {self.root_str}{hint}"
        if place.kind == "url":
            if place.name.lower() not in ("", "localhost"):
                raise refuse(f"it is a file URL on another machine ({place.name}), {outside}")
            base = ""
        elif place.kind == "home":
            found = home_folder(place.name, self.env, windows=self.windows)
            if found is None:
                who = f"user {place.name}, who has none here" if place.name else "you, which is not known here"
                raise refuse(f"{place.head!r} means the home folder of {who}; it is {outside}")
            base = found
        else:
            found = variable(place.name, self.env, windows=self.windows)
            if found is None:
                raise PlanError(
                    f"{op + ' of ' if op else ''}{path!r}: the environment variable {place.name} is not set{hint}",
                    step=step,
                    path=path,
                )
            base = found
        target = place_target(place, base)
        shown = (
            f"{place.head!r} is {place.describe()} ({base})"
            if place.kind != "url"
            else f"it is a file URL for {target}"
        )
        if "\x00" in target or prefix_problem(target) and (os.name != "nt" or not _DRIVE_ABS.match(target)):
            raise refuse(f"{shown}, {outside}")  # a drive or network path: never inside a POSIX root
        if not os.path.isabs(target):
            target = os.path.join(os.getcwd(), target)  # a relative value means what it means in a shell
        norm = os.path.normpath(target)
        if os.path.realpath(norm) == self.root_str:
            return self.root
        base_real = os.path.realpath(os.path.dirname(norm))
        if not self.inside(base_real):
            raise refuse(f"{shown}, {outside}")
        return self._checked(base_real, os.path.basename(norm), refuse)

    def new_name_problem(self, name: str) -> str | None:
        """Why the plan may not make a new entry called `name`, beyond the deny patterns: a name that
        a shell reads as a home folder or a variable ("~", "$HOME") is a trap ("rm -rf ~")."""
        if is_place_name(name):
            return (
                f"a shell reads {name!r} as a home folder or an environment variable, so the agent "
                "never makes an entry of that name"
            )
        return None

    def entry_problem(self, abs_path: str) -> str | None:
        """Why an absolute path whose parent is already known to be a real folder inside the root
        may not be touched (hidden, denied, a symlink out), or None."""
        if self.is_hidden(abs_path):
            return "it is inside the agent's state folder or a hidden path"
        pat = self._rel_denied(fold(self.rel(abs_path)))
        if pat:
            return f"it matches deny pattern {pat!r}"
        if links.islink(abs_path):
            return self.link_problem(abs_path)
        return None

    # ------------------------------------------------------------ scanning fast path

    def invisible(self, dir_rel: str, name: str, abs_path: str) -> bool:
        """Entries a scan never shows: ROOT/.fileagent and hidden paths."""
        if dir_rel == "" and (name == self.state_dir_name or fold(name) == self._state_fold):
            return True
        return bool(self._hidden_set) and abs_path in self._hidden_set

    def entry_denied(self, dir_rel_folded: str, name: str, *, name_checked: bool = False) -> str | None:
        """Deny check for an entry of an already-checked folder (its folded root-relative path given,
        "" for the root): only the new name and the full-path patterns are tested (`name_checked`:
        the name alone is known to pass, e.g. an item keeping its name in another folder)."""
        if name_checked and not (self._rel_re or self._abs_near_re):
            return None
        name_f = fold(name)
        if not name_checked and self._name_re and self._name_re.fullmatch(name_f):
            return self._which(self._name_pats, name_f)
        if self._rel_re or self._abs_near_re:
            rel_f = dir_rel_folded + "/" + name_f if dir_rel_folded else name_f
            if self._rel_re and self._rel_re.fullmatch(rel_f):
                return self._which(self._rel_pats, rel_f)
            if self._abs_near_re and self._abs_near_re.fullmatch(self._root_fold + "/" + rel_f):
                return self._which(self._abs_near, self._root_fold + "/" + rel_f)
        return None

    def link_problem(self, abs_path: str) -> str | None:
        """For a symlink: None when its target (followed fully, dangling included) stays inside the
        root and is itself allowed; else why not."""
        target = os.path.realpath(abs_path)
        if not self.inside(target):
            return f"it is a symbolic link pointing outside the sandbox root (to {target})"
        if target == self.root_str:
            return None
        if self.is_hidden(target):
            return "it is a symbolic link into the agent's state folder or a hidden path"
        pat = self._rel_denied(fold(self.rel(target)))
        if pat:
            return f"it is a symbolic link to {self.rel(target)!r}, which matches deny pattern {pat!r}"
        return None


def _home(pattern: str) -> str:
    """ "~/Library/**" -> the same pattern below the user's home folder (an absolute pattern)."""
    if pattern == "~" or pattern.startswith(("~/", "~\\")):
        home = os.path.expanduser("~")
        if home != "~":
            return home.replace(os.sep, "/").rstrip("/") + "/" + pattern[2:]
    return pattern


def _literal_prefix(pattern: str) -> str:
    for i, c in enumerate(pattern):
        if c in "*?[":
            return pattern[:i]
    return pattern


def _may_overlap(prefix: str, root_slash: str) -> bool:
    return root_slash.startswith(prefix) or prefix.startswith(root_slash)
