"""The audit chain's key and its anchor: what makes tampering visible to `log verify`.

The hash chain alone proves order, not authorship: whoever can write the log can edit an entry and
recompute every later hash and the `.head` sidecar, cut entries off the end, or delete both files.
So each entry also carries an HMAC-SHA256 under a secret key, and the last seq and line hash are
kept, also under that key, in an anchor beside the key. The key lives in the user's state folder
(never in a sandbox root, and denied to every plan wherever it sits), created once with mode 0600.
See docs/audit.md for what this does and does not protect against.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from fileagent.errors import ConfigError

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class Keyring:
    key: bytes
    folder: Path

    def mac(self, data: bytes) -> str:
        return hmac.new(self.key, data, hashlib.sha256).hexdigest()

    def anchor_path(self, log_path: Path) -> Path:
        """One anchor per log (named by the log's absolute path), so runs on different logs never
        rewrite the same file."""
        tag = hashlib.sha256(os.fsencode(os.path.abspath(log_path))).hexdigest()[:16]
        return self.folder / f"audit-anchor-{tag}.json"

    def write_anchor(self, log_path: Path, seq: int, line_hash: str) -> None:
        p = self.anchor_path(log_path)
        body = {"log": os.fsdecode(os.path.abspath(log_path)), "seq": seq, "sha256": line_hash}
        body["mac"] = self.mac(_anchor_bytes(body))
        tmp = p.with_name(p.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _O_NOFOLLOW, 0o600)
        try:
            os.write(fd, (json.dumps(body) + "\n").encode("utf-8", "surrogateescape"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, p)

    def read_anchor(self, log_path: Path) -> tuple[int, str] | str | None:
        """(seq, line hash) the anchor vouches for; a message when it exists but fails its MAC; None
        when there is none (a log written before keys, or never written)."""
        try:
            body = json.loads(self.anchor_path(log_path).read_bytes().decode("utf-8", "surrogateescape"))
            want = body.pop("mac")
            if not hmac.compare_digest(want, self.mac(_anchor_bytes(body))):
                return "the anchor's MAC does not match"
            return int(body["seq"]), str(body["sha256"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return "the anchor is unreadable"


def _anchor_bytes(body: dict) -> bytes:
    return f"{body['log']}\n{body['seq']}\n{body['sha256']}".encode("utf-8", "surrogateescape")


def _refuse(path: Path, why: str) -> ConfigError:
    return ConfigError(f"{path}: {why}", path=str(path))


def load_keyring(path: Path, *, create: bool) -> Keyring | None:
    """The key at `path` (a regular file of 64 hex digits, owned by this user, mode 0600), created
    when missing and `create`; None when missing and not `create`."""
    try:
        fd = os.open(path, os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK)
    except FileNotFoundError:
        if not create:
            return None
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW, 0o600)
        except FileExistsError:  # another run made it first: use that one
            return load_keyring(path, create=False)
        try:
            os.write(fd, (secrets.token_hex(32) + "\n").encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
        return load_keyring(path, create=False)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise _refuse(path, "the audit key is a symbolic link; refusing to use it") from None
        raise _refuse(path, f"cannot read the audit key ({e.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _refuse(path, "the audit key is not a regular file")
        if os.name != "nt" and (st.st_mode & 0o077 or st.st_uid != os.getuid()):
            raise _refuse(path, "the audit key must belong to you and be readable by you only (chmod 600)")
        raw = os.read(fd, 256).decode("ascii", "replace").strip()
    finally:
        os.close(fd)
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise _refuse(path, "the audit key is malformed (64 hex digits expected)")
    return Keyring(key=key, folder=path.parent)
