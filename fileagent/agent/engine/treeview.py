"""The compiler's in-memory view of the sandbox tree.

Folders are read lazily (one os.scandir the first time a step looks inside)
and then updated by every simulated action, so a later step sees what earlier
steps did. Keys are root-relative "/"-separated paths ("" is the root).

An Entry remembers where its data lies on disk (`disk`, None for something the
plan creates) and, once written by the simulation, its new `content`. An entry
is *untouched* when it still sits where it lies on disk with its disk content:
only untouched paths get `expect` fingerprints (they describe the tree before
the run, which is what the executor checks before its first change).

ROOT/.fileagent and the Guard's hidden paths are never loaded into the view.
"""

from __future__ import annotations

import os
import stat as stat_mod
import sys

from fileagent.agent.engine.changeset import Fingerprint
from fileagent.errors import PolicyError
from fileagent.policies import links
from fileagent.policies.paths import nfc
from fileagent.tools.fs import dirfd, fsops, platform

MISSING = Fingerprint(exists=False)


class Entry:
    __slots__ = ("is_dir", "is_link", "disk", "content", "_fp", "mtime", "special")

    def __init__(
        self,
        is_dir: bool,
        is_link: bool = False,
        disk: str | None = None,
        content: bytes | None = None,
        fp: Fingerprint | None = None,
        mtime: int | None = None,
        special: str = "",
    ) -> None:
        self.is_dir = is_dir
        self.is_link = is_link
        self.disk = disk
        self.content = content
        self._fp = fp
        self.mtime = mtime  # lstat mtime_ns taken when the folder was read (None: look it up)
        self.special = special  # "FIFO", "socket", "device": never opened for content

    def fingerprint(self) -> Fingerprint:
        """Fingerprint of the disk object (lstat, taken when its folder was read). For new entries: a
        synthetic one."""
        if self._fp is None:
            if self.disk is None:
                size = len(self.content) if self.content is not None else 0
                self._fp = Fingerprint(exists=True, is_dir=self.is_dir, size=size)
            else:
                st = dirfd.lstat(self.disk)
                self.mtime = st.st_mtime_ns
                self._fp = _fingerprint(self.is_dir, st)
        return self._fp

    def size(self) -> int:
        if self.content is not None:
            return len(self.content)
        return self.fingerprint().size

    def mtime_ns(self) -> int:
        fp = self.fingerprint()
        if self.is_dir and self.disk is not None:
            return self.mtime if self.mtime is not None else dirfd.lstat(self.disk).st_mtime_ns
        return fp.mtime_ns

    def _source(self) -> str:
        # a link here was checked by the Guard to stay inside the root; its target is read, through
        # the same no-follow descriptor walk as everything else
        assert self.disk is not None  # only entries read from the disk have a source
        return os.path.realpath(self.disk) if self.is_link else self.disk

    def read(self) -> bytes:
        """The content; only a regular file is ever opened (NotRegularFile, an OSError, otherwise)."""
        if self.content is not None:
            return self.content
        if self.disk is None:
            return b""
        return fsops.read_bytes(self._source())

    def read_head(self, n: int) -> bytes:
        if self.content is not None:
            return self.content[:n]
        if self.disk is None:
            return b""
        return fsops.read_bytes(self._source(), n)

    def clone(self) -> Entry:
        """A copy of this entry at another place (a simulated copy): same data, no disk identity."""
        return Entry(self.is_dir, self.is_link, self.disk, self.content, self._fp, self.mtime, self.special)


class _Appended(Entry):
    """A file on disk with bytes appended by the plan: not untouched (content is set lazily)."""

    __slots__ = ("tail", "_size")

    def __init__(self, disk: str, tail: bytes, size: int) -> None:
        super().__init__(False, False, disk, None, Fingerprint(exists=True, is_dir=False, size=size))
        self.tail, self._size = tail, size
        self.content = b""  # marks it changed for `untouched`; read() gives the real bytes

    def size(self) -> int:
        return self._size

    def read(self) -> bytes:
        return fsops.read_bytes(self.disk) + self.tail  # type: ignore[arg-type]

    def read_head(self, n: int) -> bytes:
        return self.read()[:n] if n > self._size - len(self.tail) else fsops.read_bytes(self.disk, n)  # type: ignore[arg-type]

    def clone(self) -> Entry:
        return _Appended(self.disk, self.tail, self._size)  # type: ignore[arg-type]


def _fingerprint(is_dir: bool, st: os.stat_result) -> Fingerprint:
    if is_dir:
        return Fingerprint(True, True, 0, 0, st.st_ino)
    return Fingerprint(True, False, st.st_size, st.st_mtime_ns, st.st_ino)


def case_insensitive(path: str) -> bool:
    """Whether the filesystem holding `path` ignores case (probed on the path itself; in a portable
    mode, what that OS's rules say)."""
    if platform.CAPS.emulated:
        return bool(platform.CAPS.names.case_insensitive)
    if os.name == "nt":
        return True
    head, tail = os.path.split(path.rstrip(os.sep))
    while tail and tail.swapcase() == tail:
        head, tail = os.path.split(head)
    if not tail:
        return sys.platform == "darwin"
    try:
        return os.path.samefile(os.path.join(head, tail), os.path.join(head, tail.swapcase()))
    except OSError:
        return False


class TreeView:
    def __init__(self, guard) -> None:
        self.guard = guard
        self.root = guard.root_str
        fsops.anchor(self.root)
        self._prefix = self.root.rstrip(os.sep) + os.sep
        self._root_entry = Entry(True, False, self.root)
        self._dirs: dict[str, dict[str, Entry]] = {}
        self._vacated: set[str] = set()  # paths something was moved or deleted away from
        self._vacated_dirs: set[str] = set()  # ... of which folders (their whole subtree was vacated)
        # On case-insensitive filesystems (Windows, macOS by default) "A.txt" and "a.txt" clash.
        self.case_insensitive = case_insensitive(self.root)
        # macOS also takes the NFC and NFD spellings of a name as one.
        rules = platform.CAPS.names
        self._folds = self.case_insensitive or rules.normalisation_insensitive
        self._key = lambda name: rules.key(name, fold_case=self.case_insensitive)
        self._fold_idx: dict[str, dict[str, str]] = {}

    # ---------------------------------------------------------- reading

    def abs(self, rel: str) -> str:
        if not rel:
            return self.root
        return self._prefix + (rel.replace("/", os.sep) if os.sep != "/" else rel)

    def get(self, rel: str) -> Entry | None:
        if not rel or rel == ".":
            return self._root_entry
        parent, _, name = rel.rpartition("/")
        listing = self._dirs.get(parent)
        if listing is None:
            listing = self.listing(parent)
            if listing is None:
                return None
        return listing.get(name)

    def listing(self, rel: str) -> dict[str, Entry] | None:
        """{name: Entry} of a folder (loaded on first use), or None if rel is not a real folder here.
        Symlinked folders are not entered."""
        d = self._dirs.get(rel)
        if d is not None:
            return d
        e = self.get(rel)
        if e is None or not e.is_dir or e.is_link:
            return None
        d = self._load(rel, e.disk) if e.disk is not None else {}
        self._dirs[rel] = d
        return d

    def _load(self, rel: str, disk: str) -> dict[str, Entry]:
        """Read one folder through a descriptor opened without following links (the same walk the
        executor's writes take), so a folder swapped for a link mid-compile is refused, not read."""
        guard = self.guard
        check_names = rel == "" or bool(guard.hidden_rels)
        reparse = os.name == "nt" or platform.CAPS.names.windows  # junctions are links there
        # Under windows rules on another OS, a name holding a backslash cannot be named (it would read
        # as two): such entries exist only on that other OS; Windows itself never shows one.
        no_backslash = platform.CAPS.emulated and platform.CAPS.names.windows
        out: dict[str, Entry] = {}
        prefix = disk.rstrip(os.sep) + os.sep
        try:
            fd = dirfd.open_dir(disk) if dirfd.supported() else None
        except dirfd.LinkInPathError:
            raise PolicyError(
                f"{rel or '.'!r} refused: a folder on its path is a symbolic link now "
                "(changed while the plan was compiled)",
                path=rel,
            ) from None
        except (FileNotFoundError, NotADirectoryError):
            return out
        try:
            try:
                it = os.scandir(fd if fd is not None else disk)
            except (FileNotFoundError, NotADirectoryError):
                return out
            with it:
                for de in it:
                    name = de.name
                    path = prefix + name
                    if check_names and guard.invisible(rel, name, path):
                        continue
                    if no_backslash and "\\" in name:
                        continue
                    try:
                        st = de.stat(follow_symlinks=False)
                    except OSError:
                        continue  # gone since the listing
                    mode = st.st_mode
                    # junctions too, on Windows and under its rules
                    link = stat_mod.S_ISLNK(mode) or (reparse and links.entry_is_link(de))
                    if link:
                        try:
                            is_dir = de.is_dir()  # a link to a folder counts as a folder, never entered
                        except OSError:
                            is_dir = False
                    else:
                        is_dir = stat_mod.S_ISDIR(mode)
                    special = "" if link or is_dir or stat_mod.S_ISREG(mode) else fsops.kind_of(mode)
                    out[name] = Entry(is_dir, link, path, None, _fingerprint(is_dir, st), st.st_mtime_ns, special)
        finally:
            if fd is not None:
                os.close(fd)
        return out

    def spelled_on_disk(self, rel: str) -> str:
        """`rel` with each component that is not in the view replaced by the one entry whose NFC form
        equals it (a name typed precomposed, stored decomposed); components with no such single entry
        stay as given. Matching is normalised, the result is the entries' own names."""
        out: list[str] = []
        for comp in rel.split("/"):
            folder = "/".join(out)
            listing = self.listing(folder)
            if listing is not None and comp not in listing:
                want = nfc(comp)
                same = [n for n in listing if nfc(n) == want]
                if len(same) == 1:
                    comp = same[0]
            out.append(comp)
        return "/".join(out)

    def clash(self, folder: str, name: str) -> str | None:
        """The name already in `folder` that `name` would collide with (itself, or another case of it
        on a case-insensitive filesystem), or None."""
        listing = self.listing(folder) or {}
        if name in listing:
            return name
        if not self._folds:
            return None
        idx = self._fold_idx.get(folder)
        if idx is None:
            idx = self._fold_idx[folder] = {self._key(n): n for n in listing}
        return idx.get(self._key(name))

    def spelled(self, rel: str) -> str:
        """`rel` with each component that exists under another spelling the filesystem takes as the
        same name (another case; for macOS, another normalisation) written as it is on disk, so
        every later step acts on that exact entry. Unchanged where names compare exactly."""
        if not self._folds or not rel:
            return rel
        out: list[str] = []
        for name in rel.split("/"):
            folder = "/".join(out)
            out.append(self.clash(folder, name) or name if self.listing(folder) is not None else name)
        return "/".join(out)

    def untouched(self, rel: str, e: Entry) -> bool:
        return e.content is None and e.disk is not None and e.disk == self.abs(rel)

    def expect_existing(self, rel: str, e: Entry) -> Fingerprint | None:
        return e.fingerprint() if self.untouched(rel, e) else None

    def expect_absent(self, rel: str) -> Fingerprint | None:
        """exists=False when nothing stood at rel before the run either."""
        if rel in self._vacated:
            return None
        if self._vacated_dirs:
            while "/" in rel:
                rel = rel.rpartition("/")[0]
                if rel in self._vacated_dirs:
                    return None
        return MISSING

    # ---------------------------------------------------------- simulated changes

    def put(self, rel: str, e: Entry) -> None:
        parent, _, name = rel.rpartition("/")
        listing = self._dirs.get(parent)
        if listing is None:
            listing = self.listing(parent)
            if listing is None:
                raise KeyError(f"no folder {parent!r} in the view")
        listing[name] = e
        idx = self._fold_idx.get(parent)
        if idx is not None:
            idx[self._key(name)] = name

    def remove(self, rel: str) -> Entry:
        parent, _, name = rel.rpartition("/")
        listing = self.listing(parent)
        e = listing.pop(name)  # type: ignore[union-attr]
        self._forget_case(parent, name, e)
        self._vacated.add(rel)
        if e.is_dir and not e.is_link:
            self._vacated_dirs.add(rel)
            prefix = rel + "/"
            for key in [k for k in self._dirs if k == rel or k.startswith(prefix)]:
                del self._dirs[key]
        return e

    def _forget_case(self, parent: str, name: str, e: Entry) -> None:
        if not self._fold_idx:
            return
        if e.is_dir:
            self._fold_idx.clear()  # folders below moved or vanished: rebuild on demand
        else:
            idx = self._fold_idx.get(parent)
            if idx is not None and idx.get(self._key(name)) == name:
                del idx[self._key(name)]

    def mkdir(self, rel: str) -> None:
        self.put(rel, Entry(True))
        self._dirs[rel] = {}

    def move(self, src: str, dst: str) -> None:
        parent, _, name = src.rpartition("/")
        listing = self._dirs.get(parent)
        e = (listing if listing is not None else self.listing(parent)).pop(name)  # type: ignore[union-attr]
        self._forget_case(parent, name, e)
        self._vacated.add(src)
        self.put(dst, e)
        if e.is_dir and not e.is_link:
            self._vacated_dirs.add(src)
            self._rekey(src, dst, keep_old=False)

    def copy(self, src: str, dst: str) -> None:
        e = self.get(src)
        assert e is not None
        self.put(dst, e.clone())
        if e.is_dir and not e.is_link:
            self._rekey(src, dst, keep_old=True)

    def _rekey(self, src: str, dst: str, *, keep_old: bool) -> None:
        """Loaded listings under src now live under dst (copied when keep_old)."""
        prefix = src + "/"
        keys = [k for k in self._dirs if k == src or k.startswith(prefix)]
        for k in keys:
            new_key = dst + k[len(src) :]
            listing = self._dirs[k] if not keep_old else {n: e.clone() for n, e in self._dirs[k].items()}
            if not keep_old:
                del self._dirs[k]
            self._dirs[new_key] = listing

    def write(self, rel: str, content: bytes) -> None:
        old = self.get(rel)
        e = Entry(False, False, old.disk if old is not None else None, content)
        self.put(rel, e)

    def appended(self, rel: str, tail: bytes) -> None:
        """A large file the plan appends to (streamed): later steps see its disk bytes plus `tail`,
        read only if a later step asks for its content."""
        old = self.get(rel)
        assert old is not None and old.disk is not None
        self.put(rel, _Appended(old.disk, tail, old.size() + len(tail)))

    def walk_files(self, rel: str):
        """(rel, Entry) of everything below folder rel, depth first (symlinked folders not entered); an
        explicit stack, so depth costs no recursion."""
        listing = self.listing(rel)
        if listing is None:
            return
        stack = [(rel, iter(sorted(listing)), listing)]
        while stack:
            folder, names, listing = stack[-1]
            name = next(names, None)
            if name is None:
                stack.pop()
                continue
            child = f"{folder}/{name}" if folder else name
            e = listing[name]
            yield child, e
            if e.is_dir and not e.is_link:
                sub_listing = self.listing(child)
                if sub_listing:
                    stack.append((child, iter(sorted(sub_listing)), sub_listing))
