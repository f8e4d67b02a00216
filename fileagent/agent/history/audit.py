"""The audit log: hash-chained JSONL, one entry per action and per undo action.

Every line starts with a fixed prefix so `verify` can slice instead of parsing JSON:

    {"seq":17,"prev":"<sha256 hex of line 16, exactly as stored>","run":...,"op":...}

`seq` is global (1-based, consecutive across runs); the first entry's prev is "0"*64.
A small sidecar `<log>.head` holds the last seq and its line hash, so cutting
entries off the end is detected too. Appends take an exclusive file lock, read
the chain's tail from the file itself, and update the sidecar while still locked,
so two runs never interleave or fork the chain.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import json.encoder
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fileagent.errors import UsageError

if TYPE_CHECKING:
    from fileagent.agent.history.auditkey import Keyring

ZERO = "0" * 64
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_str = json.encoder.encode_basestring  # C-accelerated JSON string quoting, non-ASCII kept
_PREFIX = b'{"seq":'
_PREV = b',"prev":"'
FIELDS = ("run", "time", "user", "op", "src", "dst", "size_before", "size_after", "sha256", "backup", "result", "error")
FORMAT_VERSION = 2  # the run header entry carries it; docs/audit.md describes each version


def head_path(log_path: Path) -> Path:
    return log_path.with_name(log_path.name + ".head")


def _line_hash(line: bytes) -> str:
    return hashlib.sha256(line).hexdigest()


def _tail(fd: int) -> tuple[int, str]:
    """(last seq, hash of the last line) read from the end of the open log."""
    size = os.fstat(fd).st_size
    if size == 0:
        return 0, ZERO
    back = 4096
    while True:
        start = max(0, size - back)
        os.lseek(fd, start, os.SEEK_SET)
        buf = os.read(fd, size - start)
        body = buf.rstrip(b"\n")
        nl = body.rfind(b"\n")
        if nl >= 0 or start == 0:
            last = body[nl + 1 :]
            break
        back *= 4
    comma = last.find(b",", len(_PREFIX))
    try:
        seq = int(last[len(_PREFIX) : comma])
    except ValueError:
        from fileagent.errors import ActionError

        raise ActionError("the audit log's last entry is malformed; run 'fileagent log verify'") from None
    return seq, _line_hash(last)


_MAC = b',"mac":"'
_MAC_TAIL = len(_MAC) + 64 + 2  # ,"mac":"<64 hex>"}


def open_log(path: Path, flags: int) -> int:
    """The log opened for `flags`, regular files only: a FIFO, device or folder (log_path at /dev/null,
    /dev/full or /tmp) is refused instead of read without end or written into nothing."""
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0), 0o644)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            from fileagent.errors import ActionError

            raise ActionError(f"the audit log {path} is not a regular file; nothing is logged there")
        if os.name != "nt":
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


class AuditWriter:
    """Buffers entries of one run; `flush` appends them to the chain under the file lock. With a
    keyring every entry ends with `"mac"`: HMAC-SHA256 of the line without it (see auditkey.py), and
    the head and the anchor are keyed too."""

    def __init__(
        self, path: Path, *, run: str, user: str, flush_every: int = 100_000, keyring: Keyring | None = None
    ) -> None:
        self.path = Path(path)
        self.run = run
        self.user = user
        self.flush_every = flush_every
        self.keyring = keyring
        self._pending: list[tuple] = []

    def add(
        self,
        *,
        time: str,
        op: str,
        src: str | None = None,
        dst: str | None = None,
        size_before: int | None = None,
        size_after: int | None = None,
        sha256: str | None = None,
        backup: str | None = None,
        result: str = "ok",
        error: str | None = None,
        extra: dict | None = None,
    ) -> None:
        """One entry; `extra` fields (the run header's request, root, ...) follow the fixed ones."""
        self._pending.append((time, op, src, dst, size_before, size_after, sha256, backup, result, error, extra))
        if len(self._pending) >= self.flush_every:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        from fileagent.tools.fs import locking

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = open_log(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND)
        try:
            locking.lock(fd, self.path, blocking=True)
            try:
                seq, prev = _tail(fd)
                out = []
                head = f',"run":{_str(self.run)},"time":'
                user = f',"user":{_str(self.user)},"op":'
                sha256 = hashlib.sha256
                keyring = self.keyring
                texts: dict[object, str] = {}  # time stamps, ops, results: few distinct values per run
                for time, op, src, dst, sb, sa, sha, bk, result, error, extra in self._pending:
                    seq += 1
                    t = texts.get(time)
                    if t is None:
                        t = texts[time] = _j(time)
                    o = texts.get(op)
                    if o is None:
                        o = texts[op] = _j(op)
                    r = texts.get(result)
                    if r is None:
                        r = texts[result] = _j(result)
                    line = (
                        f'{{"seq":{seq},"prev":"{prev}"{head}{t}{user}{o},"src":{_j(src)},"dst":{_j(dst)},'
                        f'"size_before":{_j(sb)},"size_after":{_j(sa)},"sha256":{_j(sha)},"backup":{_j(bk)},'
                        f'"result":{r},"error":{_j(error)}'
                        f"{',' + _encode(extra)[1:-1] if extra else ''}}}"
                    ).encode("utf-8", "surrogateescape")
                    if keyring is not None:
                        line = line[:-1] + _MAC + keyring.mac(line).encode("ascii") + b'"}'
                    prev = sha256(line).hexdigest()
                    out.append(line)
                data = b"\n".join(out) + b"\n"
                if os.write(fd, data) != len(data):
                    raise OSError(errno.EIO, "short write to the audit log", str(self.path))
                os.fsync(fd)
                _write_head(self.path, seq, prev, keyring)
                if keyring is not None:
                    keyring.write_anchor(self.path, seq, prev)
            finally:
                locking.unlock(fd, self.path)
        finally:
            os.close(fd)
        self._pending.clear()

    close = flush

    def header(self, *, time: str, request: str | None, root: str, config: str | None, rule: str | None = None) -> None:
        """The run's first entry (op "run"): what was asked, where, under which config, by whom."""
        self.add(
            time=time,
            op="run",
            extra={"version": FORMAT_VERSION, "request": request, "root": root, "config": config, "rule": rule},
        )


def os_user() -> str:
    """The account this process runs as, asked of the OS (not $USER, which anyone can set)."""
    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError, OSError):  # Windows, or a uid with no passwd entry (containers)
        pass
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getpass raises whatever its lookups raise
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


def _j(v: Any) -> str:
    if v is None:
        return "null"
    t = type(v)
    if t is str:
        return _str(v)
    if t is int:
        return str(v)
    if isinstance(v, str):
        return _str(v)
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return _encode(v)


def _write_head(log_path: Path, seq: int, line_hash: str, keyring: Keyring | None = None) -> None:
    hp = head_path(log_path)
    tmp = hp.with_name(hp.name + ".tmp")
    body: dict = {"seq": seq, "sha256": line_hash}
    if keyring is not None:
        body["mac"] = keyring.mac(f"{seq}:{line_hash}".encode("ascii"))
    tmp.write_text(json.dumps(body) + "\n", encoding="utf-8")
    os.replace(tmp, hp)


def verify(path: Path | str, keyring: Keyring | None = None) -> tuple[bool, int | None, str]:
    """Check the whole chain. Returns (ok, first bad seq or None, message). With the keyring, every
    entry from the first keyed one on must carry a matching MAC, the head must be keyed, and the
    anchor (kept beside the key) must not record more entries than the log holds, or another hash."""
    path = Path(path)
    anchor = keyring.read_anchor(path) if keyring is not None else None
    if isinstance(anchor, str):
        return False, None, f"{anchor} (it vouches for {path}): the anchor was tampered with"
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if anchor is not None and anchor[0] > 0:
            return False, 1, f"{path} is missing but its anchor records {anchor[0]} entries: the log was deleted"
        return True, None, f"{path}: no audit log yet (0 entries)"
    if not stat.S_ISREG(st.st_mode):
        return False, None, f"{path} is not a regular file: refused"
    fd = open_log(path, os.O_RDONLY)
    try:
        parts = []
        while chunk := os.read(fd, 1 << 24):
            parts.append(chunk)
        data = b"".join(parts)
    finally:
        os.close(fd)
    head = _read_head(path)
    if not data:
        if head and head[0] > 0:
            return False, 1, f"log is empty but {head_path(path).name} records {head[0]} entries: truncated"
        if anchor is not None and anchor[0] > 0:
            return False, 1, f"log is empty but its anchor records {anchor[0]} entries: truncated"
        return True, None, "0 entries"
    lines = data.split(b"\n")
    torn = lines[-1] != b""
    if not torn:
        lines.pop()
    n = len(lines)
    head_hash_at = None
    anchor_hash_at = None
    keyed = False
    prev = ZERO.encode("ascii")
    sha = hashlib.sha256
    for i, line in enumerate(lines):
        want = i + 1
        pre = b'{"seq":%d,"prev":"' % want
        if not line.startswith(pre):
            return _diagnose(line, want)
        p = len(pre)
        h = sha(line).hexdigest().encode("ascii")
        if line[p : p + 64] != prev:
            # Either the previous line was edited, or this line's own prev field was.
            # If this line's hash still chains into the next one, this line is intact.
            nxt_ok = (
                _links(lines, i + 1, h.decode()) if i + 1 < n else (head is not None and head[:2] == (want, h.decode()))
            )
            bad = want - 1 if (nxt_ok and want > 1) else want
            return False, bad, f"entry {bad}: content changed (hash chain broken at seq {want})"
        if keyring is not None:
            if line[-_MAC_TAIL : -_MAC_TAIL + len(_MAC)] == _MAC and line.endswith(b'"}'):
                keyed = True
                mac = keyring.mac(line[:-_MAC_TAIL] + b"}").encode("ascii")
                if not hmac.compare_digest(line[-66:-2], mac):
                    return False, want, f"entry {want}: content changed (its MAC does not match the key)"
            elif keyed:
                return False, want, f"entry {want}: no MAC after keyed entries (written without the key)"
        if head is not None and want == head[0]:
            head_hash_at = h.decode()
        if anchor is not None and want == anchor[0]:
            anchor_hash_at = h.decode()
        prev = h
    if torn:
        return False, n, f"entry {n}: truncated line at the end of the log"
    if anchor is not None:
        if anchor[0] > n:
            return False, n + 1, f"entries {n + 1}..{anchor[0]} are missing: the anchor records {anchor[0]}"
        if anchor[0] >= 1 and anchor_hash_at != anchor[1]:
            return False, anchor[0], f"entry {anchor[0]}: content changed (does not match the anchor)"
    if head is None:
        return False, n + 1, f"{head_path(path).name} is missing: cannot check the tail (last seq {n})"
    head_seq, head_hash, head_mac = head
    if (
        keyed
        and keyring is not None
        and (
            head_mac is None
            or not hmac.compare_digest(head_mac, keyring.mac(f"{head_seq}:{head_hash}".encode("ascii")))
        )
    ):
        return False, head_seq, f"{head_path(path).name} was rewritten (its MAC does not match the key)"
    if head_seq > n:
        return False, n + 1, f"entries {n + 1}..{head_seq} are missing: the log was truncated"
    if head_seq >= 1 and head_hash_at != head_hash:
        return False, head_seq, f"entry {head_seq}: content changed (does not match {head_path(path).name})"
    return True, None, f"{n} entries, chain intact" + (", keyed" if keyed else "")


def _diagnose(line: bytes, want: int) -> tuple[bool, int, str]:
    comma = line.find(b",", len(_PREFIX))
    if not line.startswith(_PREFIX) or comma < 0 or line[comma : comma + len(_PREV)] != _PREV:
        return False, want, f"entry {want}: malformed line"
    try:
        seq = int(line[len(_PREFIX) : comma])
    except ValueError:
        return False, want, f"entry {want}: malformed seq"
    return False, want, f"entry {want}: found seq {seq} in its place (entry deleted or reordered)"


def _links(lines: list[bytes], j: int, prev_hash: str) -> bool:
    line = lines[j]
    comma = line.find(b",", len(_PREFIX))
    start = comma + len(_PREV)
    return comma > 0 and line[start : start + 64].decode("ascii", "replace") == prev_hash


def _read_head(path: Path) -> tuple[int, str, str | None] | None:
    try:
        d = json.loads(head_path(path).read_text(encoding="utf-8"))
        return int(d["seq"]), str(d["sha256"]), (str(d["mac"]) if "mac" in d else None)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_entries(path: Path | str) -> list[dict]:
    """All entries, parsed; lines that are not JSON are skipped (verify reports them)."""
    path = Path(path)
    if not path.exists():
        return []
    out = []
    with open(path, "rb") as f:
        for line in f:
            try:  # names that are not UTF-8 were logged as their own bytes (surrogateescape)
                out.append(json.loads(line.decode("utf-8", "surrogateescape")))
            except ValueError:
                continue
    return out


def _since_key(since: str) -> str:
    """'2026-11-23' or '2026-11-23T09:30' (UTC) -> a prefix comparable with entry times."""
    s = since.strip().replace(" ", "T")
    if len(s) < 10 or s[4] != "-" or s[7] != "-":
        raise UsageError(f"--since wants a UTC date or date-time like 2026-11-23 or 2026-11-23T09:30, not {since!r}")
    return s


def filter_entries(
    entries: list[dict],
    *,
    run: str | None = None,
    op: str | None = None,
    since: str | None = None,
    failed: bool = False,
) -> list[dict]:
    """The entries that pass every filter given; `op` in the preview's words (move, mkdir, tag, ...),
    old words (set_tags, "create folder") accepted, matching old logs' entries too."""
    from fileagent.agent.engine.changeset import op_word

    key = _since_key(since) if since else None
    out = []
    for e in entries:
        if run and e.get("run") != run:
            continue
        if op and op_word(str(e.get("op", ""))) not in (op_word(op), "undo-" + op_word(op)):
            continue
        if key and str(e.get("time", "")) < key:
            continue
        if failed and e.get("result") != "failed":
            continue
        out.append(e)
    return out
