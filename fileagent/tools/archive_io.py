"""Reading and writing archives for `archive` and `extract`: the checks an archive must pass
before anything is extracted, and the two acts the executor performs (write a zip, extract one
member), each into a temp file renamed into place.

An archive is refused whole (nothing extracted) when an entry would land outside the target
folder (an absolute name, a drive letter, a `..` part: "zip slip"), is a link or a device, is
encrypted, appears twice, or when the archive passes a limit: MAX_ENTRIES entries, MAX_TOTAL
bytes uncompressed, or a compression ratio above MAX_RATIO (of a member over 1 MB, or of the
whole archive over 1 MB uncompressed: zip bombs).
"""

from __future__ import annotations

import os
import re
import stat
import tarfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fileagent.tools.fs import dirfd, fsops

MAX_ENTRIES = 10_000
MAX_TOTAL = 4 * 1024**3
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # smaller members and archives are not judged by their ratio
CHUNK = 1 << 20
_DRIVE = re.compile(r"^[A-Za-z]:")


class ArchiveRefused(ValueError):
    """One line: why the archive is not extracted."""


@dataclass(frozen=True)
class Member:
    name: str  # as stored in the archive
    path: str  # the safe relative path it extracts to ("/"-separated)
    size: int
    is_dir: bool


def safe_path(name: str) -> str:
    """The relative path an entry name extracts to; ArchiveRefused for names that would leave the
    target folder."""
    n = name.replace("\\", "/")
    if "\x00" in n:
        raise ArchiveRefused(f"entry {name!r} has a NUL character in its name")
    if n.startswith("/") or _DRIVE.match(n):
        raise ArchiveRefused(f"entry {name!r} has an absolute name (it would land outside the target folder)")
    parts = [p for p in n.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise ArchiveRefused(f"entry {name!r} climbs out with '..' (it would land outside the target folder)")
    if not parts:
        raise ArchiveRefused(f"entry {name!r} has an empty name")
    return "/".join(parts)


def kind_of(fd_path: str) -> str | None:
    """'zip', 'tar' or None."""
    with _open(fd_path) as f:
        if zipfile.is_zipfile(f):
            return "zip"
    try:
        with _open(fd_path) as f, tarfile.open(fileobj=f, mode="r:*"):
            return "tar"
    except (tarfile.TarError, OSError, EOFError):
        return None


def _open(path: str):
    return os.fdopen(dirfd.open_file(path, os.O_RDONLY), "rb")


def read_members(path: str) -> list[Member]:
    """Every entry of the archive at `path`, checked (ArchiveRefused on the first problem)."""
    archive_size = os.stat(path).st_size
    out: list[Member] = []
    seen: set[str] = set()
    total = 0

    def add(name: str, size: int, is_dir: bool, packed: int | None) -> None:
        nonlocal total
        if len(out) >= MAX_ENTRIES:
            raise ArchiveRefused(f"it has more than {MAX_ENTRIES:,} entries (the limit)")
        rel = safe_path(name)
        if rel in seen and not is_dir:
            raise ArchiveRefused(f"entry {name!r} appears twice")
        seen.add(rel)
        total += size
        if total > MAX_TOTAL:
            raise ArchiveRefused(f"it unpacks to more than {MAX_TOTAL / 1024**3:.0f} GB (the limit)")
        if packed is not None and size > RATIO_FLOOR and size > MAX_RATIO * max(packed, 1):
            raise ArchiveRefused(f"entry {name!r} is compressed more than {MAX_RATIO}:1 (a zip bomb?)")
        if total > RATIO_FLOOR and total > MAX_RATIO * max(archive_size, 1):
            # checked as entries come: a tar is read through to list it, so a bomb stops early
            raise ArchiveRefused(f"it unpacks to more than {MAX_RATIO} times its size (a zip bomb?)")
        out.append(Member(name, rel, size, is_dir))

    try:
        if kind_of(path) == "zip":
            with _open(path) as f, zipfile.ZipFile(f) as zf:
                for info in zf.infolist():
                    mode = info.external_attr >> 16
                    if stat.S_ISLNK(mode):
                        raise ArchiveRefused(f"entry {info.filename!r} is a symbolic link")
                    if stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                        raise ArchiveRefused(f"entry {info.filename!r} is not a file or a folder")
                    if info.flag_bits & 0x1:
                        raise ArchiveRefused(f"entry {info.filename!r} is encrypted")
                    add(info.filename, info.file_size, info.is_dir(), info.compress_size)
        else:
            with _open(path) as f, tarfile.open(fileobj=f, mode="r:*") as tf:
                for m in tf:
                    if m.issym() or m.islnk():
                        raise ArchiveRefused(f"entry {m.name!r} is a link")
                    if not (m.isfile() or m.isdir()):
                        raise ArchiveRefused(f"entry {m.name!r} is not a file or a folder")
                    add(m.name, m.size, m.isdir(), None)
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as err:
        raise ArchiveRefused(f"it cannot be read: {err}") from None
    if total > RATIO_FLOOR and total > MAX_RATIO * max(archive_size, 1):
        raise ArchiveRefused(f"it unpacks to more than {MAX_RATIO} times its size (a zip bomb?)")
    return out


# ---------------------------------------------------------------- the acts (executor)


class _OpenArchive:
    """The archive the last extract action read, kept open for the next (members come in order)."""

    key: tuple | None = None
    obj: Any = None  # a ZipFile or a TarFile
    f: Any = None  # the file it reads


def release() -> None:
    if _OpenArchive.obj is not None:
        _OpenArchive.obj.close()
        _OpenArchive.f.close()
    _OpenArchive.key = _OpenArchive.obj = _OpenArchive.f = None


def _archive(path: str):
    st = os.stat(path)
    key = (path, st.st_ino, st.st_mtime_ns, st.st_size)
    if _OpenArchive.key != key:
        release()
        f = _open(path)
        try:
            is_zip = zipfile.is_zipfile(f)
            f.seek(0)
            obj = zipfile.ZipFile(f) if is_zip else tarfile.open(fileobj=f, mode="r:*")
        except BaseException:
            f.close()
            raise
        _OpenArchive.key, _OpenArchive.obj, _OpenArchive.f = key, obj, f
    return _OpenArchive.obj


def extract_member(archive: str, name: str, size: int, dst: str) -> None:
    """Write member `name` of `archive` to `dst` (which must not exist), at most `size` bytes."""
    obj = _archive(archive)
    try:
        src = obj.open(name) if isinstance(obj, zipfile.ZipFile) else obj.extractfile(obj.getmember(name))
    except KeyError:
        raise ValueError(f"{name!r} is no longer in the archive") from None
    if src is None:
        raise ValueError(f"{name!r} is not a file in the archive")
    tmp = fsops.temp_name(dst)
    fd = dirfd.open_file(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with src, os.fdopen(fd, "wb") as out:
            fd = -1
            written = 0
            while chunk := src.read(CHUNK):
                written += len(chunk)
                if written > size:
                    raise ValueError(f"{name!r} holds more than the {size} bytes its header says")
                out.write(chunk)
        fsops.rename_noreplace(tmp, dst)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_zip(dst: str, members: list[tuple[str, str]]) -> None:
    """A new zip at `dst` (which must not exist) of (absolute source, name inside) pairs; sources are
    opened without following a final link."""
    tmp = fsops.temp_name(dst)
    fd = dirfd.open_file(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with (
            os.fdopen(fd, "wb") as f,
            zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as zf,
        ):
            fd = -1
            for src, arcname in members:
                with os.fdopen(dirfd.open_file(src, os.O_RDONLY), "rb") as s:
                    st = os.fstat(s.fileno())
                    when = datetime.fromtimestamp(max(st.st_mtime, 315532800)).timetuple()[:6]
                    info = zipfile.ZipInfo(arcname, date_time=when)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = (stat.S_IFREG | (st.st_mode & 0o777)) << 16
                    with zf.open(info, "w", force_zip64=st.st_size > 2**31) as out:
                        while chunk := s.read(CHUNK):
                            out.write(chunk)
        fsops.rename_noreplace(tmp, dst)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
