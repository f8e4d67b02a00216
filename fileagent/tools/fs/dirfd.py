"""Path operations that never follow a symbolic link in any folder of the path.

The Guard checks a path, then the executor uses it: in between, a folder on the path can be
swapped for a symlink pointing outside the sandbox (check-then-use race). Everything here
therefore opens the folder holding the target one component at a time with
O_NOFOLLOW | O_DIRECTORY, starting from a trusted anchor (a sandbox root registered with
`anchor`, else "/"), and acts on the final name relative to that folder's descriptor
(renameat, unlinkat, mkdirat, openat, fstatat). A folder that became a symlink makes the open
fail (ELOOP/ENOTDIR: "refused: a folder on the path is a symbolic link") instead of being followed.

The final name itself is never followed either: rename/unlink act on a link, opens use O_NOFOLLOW.
Residual risk, by design: a folder *renamed* out of the root by someone who can write both inside
and outside (not a symlink swap) keeps receiving what is addressed to it while we hold its descriptor;
that attacker could write outside directly anyway.

Where the platform lacks descriptor-relative calls (Windows, and the windows portable mode:
see platform.py), `supported()` is False and every function falls back to the plain path call;
the Guard's re-check right before each action is what remains there. In a portable mode the
functions also act as that OS's filesystem would (emulate.py): a name is found in any case (and
normalisation, for macOS), a new name that only differs in case from an existing one collides,
and under windows rules an open file cannot be renamed or deleted.
"""

from __future__ import annotations

import errno
import os
import stat as stat_mod

from fileagent.policies import links
from fileagent.tools.fs import emulate, platform

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
_DIR_FLAGS = os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC


def supported() -> bool:
    """Whether descriptor-relative calls are in use (the OS has them and the mode allows them)."""
    return platform.CAPS.dir_fd


def on_disk(path: str) -> str:
    """`path` as the filesystem of the OS in use would find it (portable modes: any case)."""
    return emulate.on_disk(path) if platform.CAPS.emulated else path


_lp = platform.long_path  # for path calls: the extended form of a long Windows path

_anchors: dict[str, int] = {}  # real path of a sandbox root -> an open descriptor of it


class LinkInPathError(OSError):
    """A folder on the path is a symbolic link (or not a folder) now: refused, nothing done."""


def anchor(root: str | os.PathLike) -> None:
    """Trust `root` (a real path the Guard resolved) as the start of later walks below it."""
    if not supported():
        return
    real = os.path.realpath(root)
    if real not in _anchors:
        fd = _walk_from_slash(real)
        _anchors[real] = fd


def _walk_from_slash(path: str) -> int:
    fd = os.open("/", _DIR_FLAGS)
    for comp in [c for c in path.split("/") if c]:
        fd = _step(fd, comp, path)
    return fd


def _step(fd: int, comp: str, whole: str) -> int:
    try:
        nfd = os.open(comp, _DIR_FLAGS, dir_fd=fd)
    except OSError as e:
        if e.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
            os.close(fd)
            raise LinkInPathError(
                e.errno, f"refused: a folder on the path is a symbolic link or not a folder ({comp!r})", whole
            ) from None
        os.close(fd)
        raise OSError(e.errno, e.strerror, whole) from None
    os.close(fd)
    return nfd


def _components(path: str) -> tuple[int | None, list[str]]:
    """(anchor descriptor or None for "/", the components below it) of an absolute path."""
    path = os.fspath(path)
    if not os.path.isabs(path):
        path = os.path.abspath(path)
    parts = path.split("/")
    if ".." in parts:
        raise ValueError(f"path with '..' given to a descriptor-relative operation: {path}")
    best = None
    for a in _anchors:
        if (path == a or path.startswith(a + "/")) and (best is None or len(a) > len(best)):
            best = a
    if best is not None and os.fstat(_anchors[best]).st_nlink == 0:  # that root was deleted since
        fd = _anchors.pop(best)
        if fd not in _anchors.values():
            os.close(fd)
        return _components(path)
    if best is None:
        return None, [c for c in parts if c and c != "."]
    return _anchors[best], [c for c in path[len(best) :].split("/") if c and c != "."]


def open_dir(path: str) -> int:
    """A descriptor of folder `path`, no link followed on the way (the caller closes it)."""
    path = on_disk(path)
    start, comps = _components(path)
    fd = os.dup(start) if start is not None else os.open("/", _DIR_FLAGS)
    for comp in comps:
        fd = _step(fd, comp, path)
    return fd


class Parent:
    """`with Parent(path) as (dfd, name):` the open folder holding `path`, and its final name."""

    def __init__(self, path: str) -> None:
        path = os.fspath(path)
        head, name = os.path.split(path.rstrip("/") or "/")
        if not name or name in (".", ".."):
            raise ValueError(f"no final name in {path!r}")
        self.head, self.name, self.fd = head, name, -1

    def __enter__(self) -> tuple[int, str]:
        self.fd = open_dir(self.head)
        return self.fd, self.name

    def existing(self) -> Parent:
        """Name the entry as the OS finds it (portable modes: another case of it); for calls that
        act on something that exists."""
        if platform.CAPS.emulated:
            self.head = on_disk(self.head)
            self.name = emulate.variant(self.head, self.name) or self.name
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


# ------------------------------------------------------------------ single calls


def lstat(path: str) -> os.stat_result:
    if not supported():
        return os.lstat(_lp(on_disk(path)))
    with Parent(path).existing() as (d, n):
        return os.stat(n, dir_fd=d, follow_symlinks=False)


def readlink(path: str) -> str:
    """The target of link `path` (the link itself is not followed)."""
    if not supported():
        return os.readlink(_lp(on_disk(path)))
    with Parent(path).existing() as (d, n):
        return os.readlink(n, dir_fd=d)


def lexists(path: str) -> bool:
    """Whether `path` exists (a final link counts). A link in a folder of the path raises
    LinkInPathError rather than answering: neither answer would be about the sandbox, and undo and
    recover decide what to put back from these answers."""
    try:
        lstat(path)
    except LinkInPathError:
        raise
    except (FileNotFoundError, NotADirectoryError):
        return False
    return True


def isdir(path: str) -> bool:
    """A real folder (not a link to one) at `path`; LinkInPathError as for lexists."""
    try:
        return stat_mod.S_ISDIR(lstat(path).st_mode)
    except LinkInPathError:
        raise
    except (FileNotFoundError, NotADirectoryError):
        return False


def rename(src: str, dst: str, *, replace: bool = True) -> None:
    """Rename `src` to `dst` (replacing a file there when replace=True)."""
    if platform.CAPS.emulated:
        src, dst = on_disk(src), on_disk(dst)
        emulate.check_not_open(src)
        emulate.check_not_open(dst)
        if not replace:
            rename_noreplace(src, dst)
            return
    if not supported():
        (os.replace if replace else os.rename)(_lp(src), _lp(dst))
        return
    with Parent(src) as (sd, sn), Parent(dst) as (dd, dn):
        os.replace(sn, dn, src_dir_fd=sd, dst_dir_fd=dd)


def rename_noreplace(src: str, dst: str, renameat2=None) -> None:
    """Rename that fails with FileExistsError when `dst` exists. `renameat2`: (fn, ctypes) or None.
    In a portable mode `dst` exists when an entry of its folder has the same name under the rules
    (another case of it), unless that entry is `src` itself (a case-only rename)."""
    if platform.CAPS.emulated:
        src = on_disk(src)
        emulate.check_not_open(src)
        head, name = os.path.split(dst)
        head = on_disk(head)
        dst = os.path.join(head, name)
        other = emulate.variant(head, name)
        if other is not None and not (other != name and os.path.join(head, other) == src):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), dst)
        renameat2 = None
    if not supported():
        if os.path.lexists(_lp(dst)):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), dst)
        os.rename(_lp(src), _lp(dst))
        return
    with Parent(src) as (sd, sn), Parent(dst) as (dd, dn):
        rename_noreplace_at(sd, sn, dd, dn, renameat2, src=src, dst=dst)


def rename_noreplace_at(
    sd: int, sn: str, dd: int, dn: str, renameat2=None, *, src: str | None = None, dst: str | None = None
) -> None:
    """rename_noreplace of name `sn` in open folder `sd` to name `dn` in open folder `dd` (single
    components: a final link is moved as itself). `src`/`dst`: the paths named in errors."""
    if platform.CAPS.emulated:
        key = platform.CAPS.names.key(dn)
        same_folder = os.path.samestat(os.fstat(sd), os.fstat(dd))
        for other in os.listdir(dd):
            if platform.CAPS.names.key(other) == key and not (same_folder and other == sn != dn):
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), dst or dn)
        renameat2 = None
    if renameat2 is not None:
        fn, ctypes = renameat2
        if fn(sd, os.fsencode(sn), dd, os.fsencode(dn), 1) == 0:  # RENAME_NOREPLACE
            return
        err = ctypes.get_errno()
        if err == errno.EEXIST:
            raise FileExistsError(err, os.strerror(err), dst or dn)
        if err not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise OSError(err, os.strerror(err), src or sn, None, dst or dn)
    try:
        os.stat(dn, dir_fd=dd, follow_symlinks=False)
    except FileNotFoundError:
        os.rename(sn, dn, src_dir_fd=sd, dst_dir_fd=dd)
        return
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), dst or dn)


def unlink(path: str) -> None:
    if platform.CAPS.emulated:
        path = on_disk(path)
        emulate.check_not_open(path)
    if not supported():
        os.unlink(_lp(path))
        return
    with Parent(path) as (d, n):
        os.unlink(n, dir_fd=d)


def rmdir(path: str) -> None:
    if platform.CAPS.emulated:
        path = on_disk(path)
        emulate.check_not_open(path)
    if not supported():
        os.rmdir(_lp(path))
        return
    with Parent(path) as (d, n):
        os.rmdir(n, dir_fd=d)


def mkdir(path: str, mode: int = 0o777) -> None:
    if platform.CAPS.emulated:
        head, name = os.path.split(path)
        head = on_disk(head)
        path = os.path.join(head, name)
        if emulate.variant(head, name) is not None:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), path)
    if not supported():
        os.mkdir(_lp(path), mode)
        return
    with Parent(path) as (d, n):
        os.mkdir(n, mode, dir_fd=d)


def open_file(path: str, flags: int, mode: int = 0o666) -> int:
    """os.open of `path` with O_NOFOLLOW, relative to its folder's descriptor."""
    flags |= _O_NOFOLLOW | _O_CLOEXEC | _O_BINARY
    if platform.CAPS.emulated:
        if flags & os.O_TRUNC:
            emulate.check_not_open(on_disk(path))
        path = on_disk(path)
    if not supported():
        return os.open(_lp(path), flags, mode)
    with Parent(path) as (d, n):
        return os.open(n, flags, mode, dir_fd=d)


def listdir(path: str) -> list[str]:
    if not supported():
        return os.listdir(_lp(on_disk(path)))
    fd = open_dir(path)
    try:
        return os.listdir(fd)
    finally:
        os.close(fd)


def fsync_dir(path: str) -> None:
    if os.name == "nt":
        return
    fd = open_dir(path) if supported() else os.open(on_disk(path), os.O_RDONLY | _O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ------------------------------------------------------------------ trees


def rmtree(path: str) -> None:
    """Remove a file, a link or a whole folder; links inside are removed, never followed."""
    if platform.CAPS.emulated:
        path = on_disk(path)
        emulate.check_not_open(path)
    if not supported():
        import shutil

        path = _lp(path)
        st = os.lstat(path)
        if stat_mod.S_ISDIR(st.st_mode) and not links.is_link_stat(st):
            shutil.rmtree(path)
        elif stat_mod.S_ISDIR(st.st_mode):
            os.rmdir(path)  # a junction or a folder link: the link goes, what it points to stays
        else:
            os.unlink(path)
        return
    with Parent(path) as (d, n):
        _rmtree_at(d, n)


def _rmtree_at(dfd: int, name: str) -> None:
    st = os.stat(name, dir_fd=dfd, follow_symlinks=False)
    if not stat_mod.S_ISDIR(st.st_mode):
        os.unlink(name, dir_fd=dfd)
        return
    fd = os.open(name, _DIR_FLAGS, dir_fd=dfd)
    try:
        for entry in os.listdir(fd):
            _rmtree_at(fd, entry)
    finally:
        os.close(fd)
    os.rmdir(name, dir_fd=dfd)


def copy_file(src: str, dst: str) -> None:
    """Copy a regular file's bytes, mode and times to a new `dst` (O_EXCL); a link is copied as a link."""
    with Parent(src).existing() as (sd, sn), Parent(dst) as (dd, dn):
        _copy_at(sd, sn, dd, dn)


def _copy_at(sd: int, sn: str, dd: int, dn: str) -> None:
    st = os.stat(sn, dir_fd=sd, follow_symlinks=False)
    if stat_mod.S_ISLNK(st.st_mode):
        os.symlink(os.readlink(sn, dir_fd=sd), dn, dir_fd=dd)
        return
    if stat_mod.S_ISDIR(st.st_mode):
        os.mkdir(dn, 0o700, dir_fd=dd)
        sfd = os.open(sn, _DIR_FLAGS, dir_fd=sd)
        try:
            dfd = os.open(dn, _DIR_FLAGS, dir_fd=dd)
            try:
                for entry in sorted(os.listdir(sfd)):
                    _copy_at(sfd, entry, dfd, entry)
                os.chmod(dfd, stat_mod.S_IMODE(st.st_mode))
                os.utime(dfd, ns=(st.st_atime_ns, st.st_mtime_ns))
            finally:
                os.close(dfd)
        finally:
            os.close(sfd)
        return
    if not stat_mod.S_ISREG(st.st_mode):
        raise OSError(errno.EINVAL, "not a regular file, folder or link", sn)
    fin = os.open(sn, os.O_RDONLY | _O_NOFOLLOW | _O_CLOEXEC, dir_fd=sd)
    try:
        fout = os.open(dn, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_CLOEXEC, 0o600, dir_fd=dd)
        try:
            while chunk := os.read(fin, 1 << 20):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fout, view) :]
            os.chmod(fout, stat_mod.S_IMODE(st.st_mode))
            os.utime(fout, ns=(st.st_atime_ns, st.st_mtime_ns))
        finally:
            os.close(fout)
    finally:
        os.close(fin)


def copy_tree(src: str, dst: str) -> None:
    """Copy a file, link or folder (recursively; links inside copied as links) to a new `dst`."""
    with Parent(src).existing() as (sd, sn), Parent(dst) as (dd, dn):
        _copy_at(sd, sn, dd, dn)
