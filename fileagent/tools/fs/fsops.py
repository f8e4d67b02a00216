"""Atomic disk primitives: the only code that changes files for the executor, undo and recover.

Every function takes absolute paths (str or Path) that the caller has already
checked with the Guard, and either completes or leaves the target as it was:

- writes go to a temp file in the destination's folder, are fsynced, then
  `os.replace`d over the target (readers see the old or the new file, never half);
- moves are one rename that never replaces; across filesystems (EXDEV) they copy to a temp name,
  verify size + sha256, rename into place, then delete the source;
- copies land under a temp name and are renamed into place;
- a backup is a rename into the run's backup folder (same filesystem: instant, atomic).

Temp files are named `.NAME.fa-tmp-<pid>-<rand>` so recover can sweep any a crash left.
Symlinks are never followed: where the platform has descriptor-relative calls, every operation
goes through `dirfd` (each folder of the path opened with O_NOFOLLOW from the sandbox root the
caller registered with `anchor`), so a folder swapped for a symlink after the Guard's check makes
the operation fail instead of escaping.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat as stat_mod
import sys
import uuid

from fileagent.tools.fs import dirfd, platform

TMP_MARK = ".fa-tmp-"
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CHUNK = 1 << 20


class NotRegularFile(OSError):
    """A FIFO, socket, device or folder where a regular file's content was wanted: never read."""


def kind_of(mode: int) -> str:
    """A file type in words, for messages ("FIFO", "socket", "device", ...)."""
    if stat_mod.S_ISFIFO(mode):
        return "FIFO"
    if stat_mod.S_ISSOCK(mode):
        return "socket"
    if stat_mod.S_ISCHR(mode) or stat_mod.S_ISBLK(mode):
        return "device"
    if stat_mod.S_ISDIR(mode):
        return "folder"
    if stat_mod.S_ISLNK(mode):
        return "symbolic link"
    return "regular file" if stat_mod.S_ISREG(mode) else "special file"


def open_regular(path: str) -> int:
    """A read descriptor of regular file `path` (no link followed). O_NONBLOCK makes opening a FIFO
    return at once instead of waiting for a writer, and fstat then refuses anything but a regular
    file, so no read of content ever blocks."""
    fd = dirfd.open_file(path, os.O_RDONLY | _O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if not stat_mod.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, f"not a regular file ({kind_of(mode)})", path)
    except BaseException:
        os.close(fd)
        raise
    return fd


def temp_name(path: str) -> str:
    head, name = os.path.split(path)
    return os.path.join(head, f".{name[:80]}{TMP_MARK}{os.getpid()}-{uuid.uuid4().hex[:8]}")


def is_temp_name(name: str) -> bool:
    return name.startswith(".") and TMP_MARK in name


def fsync_dir(path: str) -> None:
    """Make a rename/creation in `path` durable. A no-op where directories cannot be opened (Windows)."""
    dirfd.fsync_dir(path)


def anchor(root: str) -> None:
    """Trust `root` (the Guard's resolved root) as the start of every later path walk below it.

    dirfd caches one descriptor per root path for the whole process; a root deleted and made
    again since (long-lived callers, tests) would leave it pointing at the old folder, so a
    cached descriptor that is no longer that folder is dropped first."""
    real = os.path.realpath(root)
    cached = getattr(dirfd, "_anchors", {})
    fd = cached.get(real)
    if fd is not None:
        try:
            a, b = os.fstat(fd), os.stat(real, follow_symlinks=False)
            same = (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)
        except OSError:
            same = False
        if not same:
            cached.pop(real, None)
            os.close(fd)
    dirfd.anchor(real)


def _unlink_quiet(path: str) -> None:
    try:
        dirfd.unlink(path)
    except OSError:
        pass


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    fd = open_regular(path)
    try:
        while chunk := os.read(fd, _CHUNK):
            h.update(chunk)
    finally:
        os.close(fd)
    return h.hexdigest()


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """The content of regular file `path` (its first `limit` bytes when given); NotRegularFile for
    anything else."""
    fd = open_regular(path)
    try:
        parts, left = [], (1 << 62) if limit is None else limit
        while left > 0 and (chunk := os.read(fd, min(_CHUNK, left))):
            parts.append(chunk)
            left -= len(chunk)
        return b"".join(parts)
    finally:
        os.close(fd)


def digest(path: str) -> str:
    """sha256 of what `path` holds, for checking a backup later: a regular file's bytes; for a folder,
    every entry below it (relative name, kind, content hash, link target) in sorted order, walked
    with an explicit stack so depth costs no recursion."""
    st = dirfd.lstat(path)
    if stat_mod.S_ISREG(st.st_mode):
        return sha256_file(path)
    h = hashlib.sha256()
    stack = [("", st)]
    while stack:
        rel, st = stack.pop()
        full = os.path.join(path, rel) if rel else path
        mode = st.st_mode
        name = os.fsencode(rel)
        if stat_mod.S_ISREG(mode):
            h.update(b"f\0" + name + b"\0" + sha256_file(full).encode() + b"\n")
        elif stat_mod.S_ISLNK(mode):
            h.update(b"l\0" + name + b"\0" + os.fsencode(dirfd.readlink(full)) + b"\n")
        elif stat_mod.S_ISDIR(mode):
            h.update(b"d\0" + name + b"\n")
            for child in sorted(dirfd.listdir(full), reverse=True):
                sub_rel = os.path.join(rel, child) if rel else child
                stack.append((sub_rel, dirfd.lstat(os.path.join(path, sub_rel))))
        else:
            h.update(b"s\0" + name + b"\0" + kind_of(mode).encode() + b"\n")
    return h.hexdigest()


def check_text(path: str, encoding: str, sniff: int = 8192) -> tuple[int, bytes]:
    """Stream regular file `path` through an incremental decoder: (size, last byte). ValueError
    ("binary" or the decoder's message with the byte offset) when it is not text in `encoding`.
    Memory stays at one chunk, whatever the size."""
    import codecs

    dec = codecs.getincrementaldecoder(encoding)()
    fd = open_regular(path)
    size, last = 0, b""
    try:
        while chunk := os.read(fd, _CHUNK):
            if size < sniff and b"\x00" in chunk[: sniff - size]:
                raise ValueError("binary")
            try:
                dec.decode(chunk)
            except UnicodeDecodeError as e:
                raise ValueError(f"not valid {encoding} text (byte {size + e.start})") from None
            size += len(chunk)
            last = chunk[-1:]
        try:
            dec.decode(b"", final=True)
        except UnicodeDecodeError:
            raise ValueError(f"not valid {encoding} text (cut at the end)") from None
    finally:
        os.close(fd)
    return size, last


def append_into_place(path: str, base: str, tail: bytes, *, mode: int | None = None) -> str:
    """Write `path` atomically as the bytes of regular file `base` followed by `tail`, streamed in
    chunks (a 200 MB file never sits in memory); returns the sha256 of the whole new content."""
    h = hashlib.sha256()
    tmp = temp_name(path)
    fin = open_regular(base)
    try:
        fd = dirfd.open_file(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else mode)
        try:
            while chunk := os.read(fin, _CHUNK):
                h.update(chunk)
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
            h.update(tail)
            view = memoryview(tail)
            while view:
                view = view[os.write(fd, view) :]
            if mode is not None and os.name != "nt":
                os.chmod(fd, mode)
        finally:
            os.close(fd)
        dirfd.rename(tmp, path, replace=True)
    except BaseException:
        _unlink_quiet(tmp)
        raise
    finally:
        os.close(fin)
    return h.hexdigest()


def atomic_write(path: str, data: bytes, *, mode: int | None = None, durable: bool = True) -> None:
    """Replace (or create) `path` with `data` atomically."""
    path = os.fspath(path)
    tmp = temp_name(path)
    fd = dirfd.open_file(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        if durable:
            os.fsync(fd)
        os.close(fd)
        fd = -1
        if mode is not None and os.name != "nt":
            fd = dirfd.open_file(tmp, os.O_RDONLY)
            try:
                os.chmod(fd, mode)
            finally:
                os.close(fd)
                fd = -1
        dirfd.rename(tmp, path, replace=True)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        _unlink_quiet(tmp)
        raise
    if durable:
        fsync_dir(os.path.dirname(path) or ".")


def _copy_file_to(src: str, dst_tmp: str) -> None:
    if dirfd.supported():
        dirfd.copy_file(src, dst_tmp)
    else:
        shutil.copy2(dirfd.on_disk(src), dst_tmp, follow_symlinks=False)


def _copy_into_place(src: str, dst: str, *, verify: bool) -> None:
    """Copy file or folder `src` to a temp name beside `dst`, optionally verify, then rename it to
    `dst` (never replacing: an existing `dst` is an error)."""
    tmp = temp_name(dst)
    try:
        if stat_mod.S_ISDIR(dirfd.lstat(src).st_mode):
            dirfd.copy_tree(src, tmp) if dirfd.supported() else shutil.copytree(dirfd.on_disk(src), tmp, symlinks=True)
        else:
            _copy_file_to(src, tmp)
            if verify:
                if dirfd.lstat(src).st_size != dirfd.lstat(tmp).st_size or sha256_file(src) != sha256_file(tmp):
                    raise OSError(errno.EIO, "copy verification failed (size or sha256 differ)", src)
        rename_noreplace(tmp, dst)
    except BaseException:
        try:
            dirfd.rmtree(tmp)
        except OSError:
            pass
        raise


def _renameat2():
    """libc renameat2 with RENAME_NOREPLACE (Linux >= 3.15), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    fn.restype = ctypes.c_int
    return fn, ctypes


_RENAMEAT2 = _renameat2()
_AT_FDCWD = -100
_RENAME_NOREPLACE = 1


def _renameat2_in_use():
    """renameat2 where the capabilities in force include it (not in a portable mode), else None."""
    return _RENAMEAT2 if platform.CAPS.noreplace == "renameat2" else None


def rename_noreplace(src: str, dst: str) -> None:
    """Rename that fails with FileExistsError instead of replacing an existing `dst`.

    Atomic where the kernel offers it (Linux renameat2 RENAME_NOREPLACE, Windows MoveFileEx, which
    os.rename calls without its replace flag); elsewhere (macOS, the portable modes), or on
    filesystems without it, a check then a rename (a tiny window a later hardening can close)."""
    global _RENAMEAT2
    if dirfd.supported() or platform.CAPS.emulated or _renameat2_in_use() is None:
        dirfd.rename_noreplace(src, dst, _renameat2_in_use())
        return
    # renameat2 on whole paths: a Linux without the descriptor-relative calls
    fn, ctypes = _RENAMEAT2
    if fn(_AT_FDCWD, os.fsencode(src), _AT_FDCWD, os.fsencode(dst), _RENAME_NOREPLACE) == 0:
        return
    err = ctypes.get_errno()
    if err not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        raise (
            OSError(err, os.strerror(err), src, None, dst)
            if err != errno.EEXIST
            else FileExistsError(err, os.strerror(err), dst)
        )
    if err == errno.ENOSYS:
        _RENAMEAT2 = None
    if os.path.lexists(dst):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), dst)
    os.rename(src, dst)


def rename_noreplace_at(
    src_dir_fd: int, src_name: str, dst_dir_fd: int, dst_name: str, *, src: str | None = None, dst: str | None = None
) -> None:
    """rename_noreplace between two open folders (names are single components; `src`/`dst`: the
    paths named in errors). For callers that hold folder descriptors across many renames."""
    dirfd.rename_noreplace_at(src_dir_fd, src_name, dst_dir_fd, dst_name, _renameat2_in_use(), src=src, dst=dst)


def move(src: str, dst: str) -> bool:
    """Rename `src` to `dst` (which must not exist). Across devices: copy, verify, delete.
    Returns True when it had to copy (the result is a new inode)."""
    try:
        rename_noreplace(src, dst)
        return False
    except OSError as e:
        if e.errno != errno.EXDEV:
            raise
    if dirfd.lexists(dst):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), dst)
    _copy_into_place(src, dst, verify=True)
    remove_tree(src)
    return True


def copy(src: str, dst: str) -> None:
    """Copy file or folder `src` to `dst` (which must not exist); symlinks inside folders are copied as links."""
    _copy_into_place(src, dst, verify=False)


def remove_tree(path: str) -> None:
    """Delete a file, a link or a whole folder (used for cross-device moves and undo of copies)."""
    dirfd.rmtree(path)


def backup(path: str, backup_path: str) -> None:
    """Move `path` out of the way into `backup_path` (inside ROOT/.fileagent/backups, same filesystem)."""
    mkdirs(os.path.dirname(backup_path))
    move(path, backup_path)


def restore(backup_path: str, path: str) -> None:
    """Put a backup back at `path` (whose folder is re-created if it was removed)."""
    mkdirs(os.path.dirname(path))
    move(backup_path, path)


def missing_dirs(path: str) -> list[str]:
    """`path` and its parents that do not exist yet, outermost first."""
    made: list[str] = []
    p = path
    while p and not dirfd.lexists(p):
        made.append(p)
        parent = os.path.dirname(p)
        if parent == p:
            break
        p = parent
    made.reverse()
    return made


def mkdirs(path: str, made: list[str] | None = None) -> list[str]:
    """Create `path` and missing parents (`made`: as computed by missing_dirs); return those created."""
    made = missing_dirs(path) if made is None else made
    for d in made:
        try:
            dirfd.mkdir(d)
        except FileExistsError:
            if not stat_mod.S_ISDIR(dirfd.lstat(d).st_mode):
                raise
    return made


def fingerprint_of(path: str) -> dict | None:
    """{size, mtime_ns, ino, dir} of `path` without following a final symlink, or None if absent."""
    try:
        st = dirfd.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ino": st.st_ino, "dir": stat_mod.S_ISDIR(st.st_mode)}


def is_regular(path: str) -> bool:
    """`path` is a regular file itself (not a link, folder, FIFO or device)."""
    try:
        return stat_mod.S_ISREG(dirfd.lstat(path).st_mode)
    except OSError:
        return False


def lexists(path: str) -> bool:
    return dirfd.lexists(path)


def is_dir(path: str) -> bool:
    try:
        return stat_mod.S_ISDIR(dirfd.lstat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False


def rmdir(path: str) -> None:
    dirfd.rmdir(path)


def listdir(path: str) -> list[str]:
    return dirfd.listdir(path)


def sweep_temp_files(folder: str) -> None:
    """Remove the temp files a failed or interrupted write/copy left in `folder` (absent folder: nothing)."""
    try:
        names = dirfd.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in names:
        if is_temp_name(name):
            dirfd.rmtree(os.path.join(folder, name))
