"""Shared harness for the hardening proofs: a sandbox with hostile surroundings,
byte-exact snapshots, and `fileagent` run in-process or as a real subprocess.

Layout built by `Sandbox.create(base)`:

    base/sb/         the root (files, folders, hostile links)
    base/sb_evil/    a sibling whose name has the root as a prefix
    base/outside/    canary files a sandbox escape would touch
    base/cfg/        config.yaml + the audit log (outside the root, never snapshotted)

`snapshot(base)` maps every path under sb/ (minus sb/.fileagent), sb_evil/ and
outside/ to its type, content hash, mode and link target, so "byte-identical"
is a dict comparison. Long proofs record their figures with `record_figures`
(bench/bench_proofs.py collects them through $FA_PROOF_FIGURES).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CANARY = b"CANARY-7f3a: outside content that must never be read, written, moved or removed\n"
SECRET = b"SECRET-sibling: the sibling folder with the root as a prefix\n"
# an outside file that also has a name inside the root (a hard link): readable through that name by design
SHARED = b"SHARED-inode: hard-linked into the root, so reading it there is reading a file of the root\n"

CONFIG_YAML = """\
agent:
  log_path: audit.jsonl
  dry_run_default: true
  max_batch: 100000
"""

ROOT_FILES = {
    "a.txt": b"alpha\n",
    "notes.md": b"# notes\nsome text\n",
    "docs/b.md": b"# b\nbody\n",
    "docs/deep/c.txt": b"c content\n",
    "inbox/x.pdf": b"%PDF-1.4 x\n",
    "inbox/y.pdf": b"%PDF-1.4 y\n",
    "data.bin": b"\x00\x01\x02binary",
}
OUTSIDE_FILES = {"canary.txt": CANARY, "dir/p.txt": CANARY, "hard_target.txt": SHARED}


@dataclass
class Sandbox:
    base: Path

    @property
    def root(self) -> Path:
        return self.base / "sb"

    @property
    def outside(self) -> Path:
        return self.base / "outside"

    @property
    def config(self) -> Path:
        return self.base / "cfg" / "config.yaml"

    @property
    def audit(self) -> Path:
        return self.base / "cfg" / "audit.jsonl"

    @classmethod
    def create(cls, base: Path, *, links: bool = True) -> Sandbox:
        base.mkdir(parents=True, exist_ok=True)
        sb = cls(base)
        for d in ("sb", "sb_evil", "outside", "cfg"):
            p = base / d
            if p.exists():
                shutil.rmtree(p)
        write_files(sb.root, ROOT_FILES)
        write_files(sb.outside, OUTSIDE_FILES)
        write_files(base / "sb_evil", {"secret.txt": SECRET})
        (base / "cfg").mkdir()
        sb.config.write_text(CONFIG_YAML, encoding="utf-8")
        if links:
            sb.add_hostile_links()
        return sb

    def reset_root(self) -> None:
        """Rebuild only the root (the outside parts are checked unchanged, so they need no rebuild)."""
        shutil.rmtree(self.root)
        write_files(self.root, ROOT_FILES)
        self.add_hostile_links()

    def add_hostile_links(self) -> None:
        r, o = self.root, self.outside
        os.symlink(o, r / "link_out_dir")  # folder link out (absolute target)
        os.symlink("../outside/canary.txt", r / "link_out_file")  # file link out (relative target)
        os.symlink("../outside/new_file.txt", r / "dangling")  # dangling link to a new outside file
        os.symlink("chain2", r / "chain1")  # chain: chain1 -> chain2 -> link_out_dir
        os.symlink("link_out_dir", r / "chain2")
        os.symlink("cycle_b", r / "cycle_a")  # cycle
        os.symlink("cycle_a", r / "cycle_b")
        os.symlink("../sb_evil", r / "link_sibling")
        os.symlink("docs", r / "inner_link")  # stays inside: allowed
        os.symlink(".", r / "self")  # the root itself
        os.symlink("../../outside/dir", r / "inbox" / "out_in_inbox")  # a pattern match pointing out
        os.link(o / "hard_target.txt", r / "hard_out.txt")  # a hard link to an outside inode

    def apply(self, plan: dict | str, *, extra: tuple[str, ...] = ()) -> CliResult:
        text = plan if isinstance(plan, str) else json.dumps(plan)
        return run_cli(
            ["apply", "--root", str(self.root), "--config", str(self.config), "--yes", *extra, "-"], stdin=text
        )

    def snapshot(self) -> dict:
        return snapshot(self.base)


def write_files(root: Path, files: dict[str, bytes]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


def snapshot(base: Path, parts: tuple[str, ...] = ("sb", "sb_evil", "outside")) -> dict:
    """{path: (kind, detail)} for everything under the given parts; sb/.fileagent left out."""
    out: dict[str, tuple] = {}
    for part in parts:
        top = base / part
        if not os.path.lexists(top):
            out[part] = ("absent",)
            continue
        for dirpath, dirnames, filenames in os.walk(top):
            rel_dir = os.path.relpath(dirpath, base)
            if rel_dir == "sb":
                dirnames[:] = [d for d in dirnames if d != ".fileagent"]
            for name in list(dirnames) + filenames:
                p = os.path.join(dirpath, name)
                out[os.path.relpath(p, base)] = _describe(p)
            out[rel_dir] = _describe(dirpath)
    return out


def _describe(p: str) -> tuple:
    st = os.lstat(p)
    if stat.S_ISLNK(st.st_mode):
        return ("link", os.readlink(p))
    if stat.S_ISDIR(st.st_mode):
        return ("dir", stat.S_IMODE(st.st_mode))
    with open(p, "rb") as f:
        return ("file", hashlib.sha256(f.read()).hexdigest(), stat.S_IMODE(st.st_mode))


def outside_part(snap: dict) -> dict:
    return {k: v for k, v in snap.items() if not (k == "sb" or k.startswith("sb" + os.sep))}


def diff(before: dict, after: dict) -> list[str]:
    keys = sorted(set(before) | set(after))
    return [f"{k}: {before.get(k)} -> {after.get(k)}" for k in keys if before.get(k) != after.get(k)]


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.out + self.err

    def one_line_error(self) -> bool:
        lines = [ln for ln in self.err.splitlines() if ln.startswith("fileagent: error:")]
        return len(lines) == 1


def run_cli(args: list[str], *, stdin: str | None = None, env: dict | None = None) -> CliResult:
    """`fileagent ARGS` in this process (cli.main with injected streams): fast, same code path."""
    from fileagent.cli.fast import main

    out, err = io.StringIO(), io.StringIO()
    e = dict(os.environ)
    e.pop("FILEAGENT_DEBUG", None)
    e["NO_COLOR"] = "1"
    if env:
        e.update(env)
    code = main(args, env=e, stdin=io.StringIO(stdin or ""), stdout=out, stderr=err)
    return CliResult(code, out.getvalue(), err.getvalue())


def subprocess_env(**extra: str) -> dict:
    env = dict(os.environ)
    env.pop("FILEAGENT_DEBUG", None)
    env["NO_COLOR"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


def run_subprocess(
    args: list[str], *, stdin: str | None = None, env: dict | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fileagent", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env or subprocess_env(),
        timeout=timeout,
        cwd=str(REPO),
    )


def no_fsync(monkeypatch) -> None:
    """For proofs that run thousands of applies: durability (fsync) is not what they test, and it is
    most of their time on a shared disk. Crash proofs do not need it either: a killed process's
    writes are already in the kernel."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


def record_figures(name: str, **figures: object) -> None:
    """Append one proof's figures to $FA_PROOF_FIGURES (JSONL) when the bench runner asks for them."""
    path = os.environ.get("FA_PROOF_FIGURES")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"proof": name, **figures}) + "\n")


def long_count(n: int) -> int:
    """A long proof's count: `n` (each proof's default meets the proofs' agreed minimum) times $FA_PROOF_SCALE."""
    return max(1, int(n * float(os.environ.get("FA_PROOF_SCALE", "1"))))
