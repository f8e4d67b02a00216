"""The adversarial path corpus, through the Guard and through `apply` for every op and slot.

Every case is checked two ways:
- Guard.resolve: a "refuse" case raises PolicyError; any path it accepts really lies inside the
  root (parent folders are real folders inside, a final link points inside, not in .fileagent).
- `fileagent apply --yes` with the path in each slot of each op (source, destination, `in`,
  pattern, rename fields, classify folders): never a traceback, exit code in {0..4}, one error line,
  the outside canaries and the sibling folder byte-identical, no outside byte in the output, and
  for a non-zero exit the root is byte-identical too. A "refuse" case in a path slot never succeeds.

Hard links: a hard link inside the root *is* a file inside the root (same inode as an outside
name). The engine never writes through it: writes are temp file + os.replace (a new inode lands
under the inside name), deletes and moves rename the name only; so the outside inode keeps its bytes.
"""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sec_kit import CANARY, SECRET, SHARED, Sandbox, diff, long_count, no_fsync, outside_part, record_figures

from fileagent.config.loader import DEFAULT_DENY
from fileagent.errors import PolicyError
from fileagent.policies.guard import Guard

# (id, path, kind): "refuse" must be refused; "inside" must stay inside (accepted or refused, never out).
CASES: list[tuple[str, str, str]] = [
    ("dotdot", "..", "refuse"),
    ("dotdot_outside", "../outside/canary.txt", "refuse"),
    ("dotdot_deep", "../../../../../../../../etc/passwd", "refuse"),
    ("dotdot_after_folder", "docs/../../outside/canary.txt", "refuse"),
    ("dotdot_many_folders", "a/b/c/../../../../outside", "refuse"),
    ("dotdot_dot_mix", "./docs/./../.././outside/canary.txt", "refuse"),
    ("dotdot_trailing_slash", "../", "refuse"),
    ("dotdot_sibling", "../sb_evil/secret.txt", "refuse"),
    ("abs_etc", "/etc/passwd", "refuse"),
    ("abs_slash", "/", "refuse"),
    ("abs_outside", "{outside}/canary.txt", "refuse"),
    ("abs_sibling_prefix", "{root}_evil/secret.txt", "refuse"),
    ("abs_root_dotdot", "{root}/../outside/canary.txt", "refuse"),
    ("double_slash_etc", "//etc/passwd", "refuse"),
    ("backslash_dotdot", "..\\outside\\canary.txt", "refuse"),
    ("backslash_mixed", "docs\\..\\..\\outside/canary.txt", "refuse"),
    ("unc", "\\\\server\\share\\x.txt", "refuse"),
    ("device_prefix", "\\\\?\\C:\\Windows\\x.txt", "refuse"),
    ("dot_device", "\\\\.\\PhysicalDrive0", "refuse"),
    ("drive_abs", "C:\\Windows\\System32\\drivers", "refuse"),
    ("drive_relative", "C:canary.txt", "refuse"),
    ("link_dir_out", "link_out_dir/canary.txt", "refuse"),
    ("link_dir_out_new", "link_out_dir/new.txt", "refuse"),
    ("link_dir_itself", "link_out_dir", "refuse"),
    ("link_file_out", "link_out_file", "refuse"),
    ("dangling_out", "dangling", "refuse"),
    ("chain_out", "chain1/canary.txt", "refuse"),
    ("chain_itself", "chain1", "refuse"),
    ("link_sibling", "link_sibling/secret.txt", "refuse"),
    ("self_then_dotdot", "self/../outside/canary.txt", "inside"),  # lexical: root/outside/canary.txt
    ("link_then_dotdot", "inner_link/../../outside/canary.txt", "refuse"),
    ("nul_middle", "docs/\x00../../outside", "refuse"),
    ("nul_end", "a.txt\x00.png", "refuse"),
    ("state_dir", ".fileagent/journal", "refuse"),
    ("state_dir_case", ".FileAgent/lock", "refuse"),
    ("state_dir_trailing_dot", ".fileagent./x", "refuse"),
    ("state_dir_via_dotdot", "docs/../.fileagent", "refuse"),
    ("deny_exe", "tools/TOOL.EXE", "refuse"),
    ("deny_trailing_dot", "tool.exe.", "refuse"),
    ("deny_sh_folder", "x.sh/inner.txt", "refuse"),
    ("nfd_dotdot", "cafe\u0301/../../outside/canary.txt", "refuse"),
    ("long_dotdot", "../" * 200 + "etc/passwd", "refuse"),
    ("empty", "", "refuse"),
    ("blank", "   ", "refuse"),
    # literal, never decoded or reinterpreted: these stay names inside the root
    ("url_dotdot", "%2e%2e%2foutside%2fcanary.txt", "inside"),
    ("url_dotdot_dirs", "%2e%2e/%2e%2e/outside", "inside"),
    ("url_mixed", "..%2f..%2foutside", "inside"),
    ("url_double", "%252e%252e%252f", "inside"),
    ("zero_width_dotdot", "..\u200b/outside/canary.txt", "inside"),
    ("zero_width_joiner", "\u200d../x", "inside"),
    ("bom_dotdot", "\ufeff../x", "inside"),
    ("fullwidth_dots", "\uff0e\uff0e/outside", "inside"),
    ("one_dot_leader", "\u2024\u2024/outside", "inside"),
    ("nfd_name", "cafe\u0301.txt", "inside"),
    ("tilde", "~/x.txt", "refuse"),
    ("env_var", "$HOME/.ssh", "refuse"),
    ("tilde_literal", "./~/x.txt", "inside"),
    ("three_dots", ".../x", "inside"),
    ("long_name", "n" * 300 + ".txt", "inside"),
    ("long_path", "/".join(["d" * 200] * 30) + "/x.txt", "inside"),
    ("link_inside", "inner_link/b.md", "inside"),
    ("self_loop_inside", "self/self/a.txt", "inside"),
    ("cycle", "cycle_a", "inside"),
    ("cycle_below", "cycle_a/x.txt", "inside"),
    ("hard_link", "hard_out.txt", "inside"),
    ("sibling_name_relative", "sb_evil/secret.txt", "inside"),
]

SLOTS: dict[str, callable] = {
    "list.path": lambda p: {"op": "list", "select": {"path": p}},
    "list.in": lambda p: {"op": "list", "select": {"in": p}},
    "list.pattern": lambda p: {"op": "list", "select": {"in": ".", "pattern": p, "recursive": True, "kind": "any"}},
    "read.path": lambda p: {"op": "read", "select": {"path": p}},
    "read.in": lambda p: {"op": "read", "select": {"in": p}},
    "create.file": lambda p: {"op": "create", "path": p, "content": "pwned"},
    "create.dir": lambda p: {"op": "create", "path": p, "kind": "dir"},
    "update.path": lambda p: {"op": "update", "select": {"path": p}, "mode": "set", "text": "pwned"},
    "update.in": lambda p: {"op": "update", "select": {"in": p}, "mode": "append", "text": "pwned"},
    "delete.path": lambda p: {"op": "delete", "select": {"path": p}},
    "delete.in": lambda p: {"op": "delete", "select": {"in": p, "kind": "any"}},
    "delete.pattern": lambda p: {"op": "delete", "select": {"in": ".", "pattern": p, "recursive": True, "kind": "any"}},
    "move.src": lambda p: {"op": "move", "select": {"path": p}, "to": "docs"},
    "move.to": lambda p: {"op": "move", "select": {"path": "a.txt"}, "to": p},
    "move.in": lambda p: {"op": "move", "select": {"in": p, "kind": "any"}, "to": "docs"},
    "copy.src": lambda p: {"op": "copy", "select": {"path": p}, "to": "docs"},
    "copy.to": lambda p: {"op": "copy", "select": {"path": "docs"}, "to": p},
    "rename.path": lambda p: {"op": "rename", "path": p, "new_name": "renamed.txt"},
    "rename.new_name": lambda p: {"op": "rename", "path": "a.txt", "new_name": p},
    "rename.in": lambda p: {"op": "rename", "select": {"in": p}, "add_prefix": "x-"},
    "rename.prefix": lambda p: {"op": "rename", "select": {"in": "inbox"}, "add_prefix": p},
    "rename.template": lambda p: {"op": "rename", "select": {"in": "inbox"}, "template": p + "{n}{ext}"},
    "rename.set_ext": lambda p: {"op": "rename", "select": {"path": "a.txt"} | {}, "set_ext": p},
    "classify.in": lambda p: {"op": "classify", "select": {"in": p}, "by": "extension"},
    "classify.dest": lambda p: {"op": "classify", "select": {"in": "inbox"}, "by": "extension", "dest": p},
    "classify.rule": lambda p: {
        "op": "classify",
        "select": {"in": "inbox"},
        "by": "keywords",
        "rules": [{"keywords": ["pdf", "x"], "folder": p}],
        "default": "misc",
    },
    "classify.default": lambda p: {
        "op": "classify",
        "select": {"in": "inbox"},
        "by": "keywords",
        "rules": [{"keywords": ["zzz"], "folder": "z"}],
        "default": p,
    },
    "tag.path": lambda p: {"op": "tag", "select": {"path": p}, "tags": ["t"]},
    "tag.in": lambda p: {"op": "tag", "select": {"in": p}, "tags": ["t"]},
}
# Slots where the path names the thing acted on or the destination: a "refuse" case never succeeds there.
# Not strict: patterns and rename fields (they only ever match or name entries inside a checked folder),
# and classify rule/default folders, which are folder names *relative to the classified folder* (a
# leading "/" is stripped, "inbox" + "../x" is "x"): they may land anywhere inside, never outside.
STRICT = {s for s in SLOTS if not s.endswith((".pattern", ".prefix", ".template", ".set_ext", ".rule", ".default"))}


def expand(path: str, sb: Sandbox) -> str:
    return path.replace("{root}", str(sb.root)).replace("{outside}", str(sb.outside))


@contextmanager
def deadline(seconds: int):
    """Cycles must be an error, never a hang: fail the test instead of waiting forever."""

    def boom(*_):
        raise TimeoutError(f"no answer within {seconds}s (a hang?)")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# ------------------------------------------------------------------ Guard level


def guard_escape(g: Guard, sb: Sandbox, path: str) -> str | None:
    """None when the Guard refuses `path` or returns a location really inside the root; else why not."""
    try:
        with deadline(10):
            r = g.resolve(path, step=1, op="move")
    except PolicyError:
        return None
    root = str(sb.root)
    s = str(r)
    if s == root:
        return None
    if not s.startswith(root + os.sep):
        return f"{path!r} -> {s}: not under the root"
    if os.path.normpath(s) != s:
        return f"{path!r} -> {s}: not normalised"
    parent = os.path.dirname(s)
    if os.path.realpath(parent) != parent:
        return f"{path!r} -> {s}: its folder is reached through a link"
    if os.path.islink(s) and not (os.path.realpath(s) + os.sep).startswith(root + os.sep):
        return f"{path!r} -> {s}: a link leading out"
    first = s[len(root) + 1 :].split(os.sep, 1)[0]
    if first.lower().rstrip(". ") == ".fileagent":
        return f"{path!r} -> {s}: the state folder"
    return None


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    return Sandbox.create(tmp_path_factory.mktemp("paths"))


@pytest.fixture(scope="module")
def guard(sandbox):
    return Guard(sandbox.root, DEFAULT_DENY)


def test_corpus_size():
    assert len(CASES) >= 36 and len({c[0] for c in CASES}) == len(CASES)
    assert len(SLOTS) >= 25


@pytest.mark.parametrize("case_id, path, kind", CASES, ids=[c[0] for c in CASES])
def test_guard_corpus(guard, sandbox, case_id, path, kind):
    p = expand(path, sandbox)
    assert guard_escape(guard, sandbox, p) is None
    if kind == "refuse":
        with pytest.raises(PolicyError) as ei:
            guard.resolve(p, step=2, op="delete")
        assert ei.value.exit_status == 3 and ei.value.step == 2


def test_url_encoding_is_literal(guard, sandbox):
    assert guard.resolve("%2e%2e%2foutside%2fcanary.txt") == sandbox.root / "%2e%2e%2foutside%2fcanary.txt"
    assert guard.resolve("%2e%2e/x") == sandbox.root / "%2e%2e" / "x"


# ------------------------------------------------------------------ generated hostile paths

COMPONENTS = [
    "..",
    ".",
    "",
    "docs",
    "a.txt",
    "deep",
    "link_out_dir",
    "link_out_file",
    "dangling",
    "chain1",
    "chain2",
    "cycle_a",
    "cycle_b",
    "link_sibling",
    "inner_link",
    "self",
    "hard_out.txt",
    "inbox",
    "out_in_inbox",
    ".fileagent",
    ".FileAgent.",
    "%2e%2e",
    "%2e%2e%2f",
    "..%2f",
    "%252e",
    "..\\..",
    "\\",
    "C:",
    "c:x",
    "\\\\?\\",
    "\\\\.\\",
    "\x00",
    "\u200b",
    "..\u200b",
    "\ufeff",
    "cafe\u0301",
    "caf\u00e9",
    "\uff0e\uff0e",
    "...",
    ". ",
    "CON",
    "nul.txt",
    "a:b",
    "~",
    "tool.exe",
    "TOOL.EXE.",
    "sb_evil",
    "outside",
    "canary.txt",
    "x" * 255,
    "y" * 300,
    "...",
]
PREFIXES = ["", "", "", "/", "./", "../", "{root}/", "{root}_evil/", "{outside}/", "\\\\srv\\share\\", "C:\\", "//"]
SEPS = ["/", "/", "/", "\\", "//", "/./"]


@st.composite
def hostile_paths(draw):
    parts = draw(st.lists(st.sampled_from(COMPONENTS), min_size=1, max_size=8))
    sep = draw(st.sampled_from(SEPS))
    path = draw(st.sampled_from(PREFIXES)) + sep.join(parts)
    if draw(st.booleans()):
        path += draw(st.sampled_from(["", "/", "\\", "/..", "/.", "\x00", " ", "."]))
    return path


def _guard_property(guard, sandbox, count: list[int]):
    @given(path=hostile_paths())
    def check(path):
        count[0] += 1
        why = guard_escape(guard, sandbox, expand(path, sandbox))
        assert why is None, why

    return check


def test_generated_paths_through_guard(guard, sandbox):
    n = [0]
    settings(max_examples=400, deadline=None, database=None)(_guard_property(guard, sandbox, n))()
    assert n[0] >= 300


@pytest.mark.long
def test_generated_paths_through_guard_long(guard, sandbox):
    n = [0]
    settings(max_examples=long_count(50_000), deadline=None, database=None)(_guard_property(guard, sandbox, n))()
    record_figures("paths_guard", generated_paths=n[0], escapes=0)
    assert n[0] >= long_count(50_000) * 0.99


# ------------------------------------------------------------------ through apply


class ApplyChecker:
    """Runs a plan through `fileagent apply --yes` and checks the universal invariants."""

    def __init__(self, base: Path) -> None:
        self.sb = Sandbox.create(base)
        self.before = self.sb.snapshot()
        self.runs = 0
        self.escapes: list[str] = []

    def reset(self) -> None:
        if outside_part(self.sb.snapshot()) != outside_part(self.before):
            self.sb = Sandbox.create(self.sb.base)
        else:
            self.sb.reset_root()
        self.before = self.sb.snapshot()

    def check(self, slot: str, path: str, kind: str) -> tuple[int, str]:
        p = expand(path, self.sb)
        step = SLOTS[slot](p)
        with deadline(30):
            r = self.sb.apply({"version": 1, "steps": [step]})
        self.runs += 1
        after = self.sb.snapshot()
        where = f"{slot} {path!r}: exit {r.code} {r.err.strip()[:300]}"
        problems = []
        if r.traceback or r.code not in (0, 1, 2, 3, 4):
            problems.append("traceback or undocumented exit code")
        if r.code != 0 and not r.one_line_error():
            problems.append("not one error line")
        out_diff = diff(outside_part(self.before), outside_part(after))
        if out_diff:
            self.escapes.append(f"{where}: {out_diff[:3]}")
            problems.append(f"ESCAPE, outside changed: {out_diff[:3]}")
        if CANARY.decode().strip() in r.out or SECRET.decode().strip() in r.out:
            self.escapes.append(f"{where}: outside content printed")
            problems.append("ESCAPE, outside content printed")
        if r.code != 0 and after != self.before:
            problems.append(f"exit {r.code} but the root changed: {diff(self.before, after)[:3]}")
        # an empty `in`, `to` or `dest` names the root ("in" defaults to ".", to="" is the root): not an escape
        empty_in = slot.endswith((".in", ".to", ".dest")) and not p.strip()
        if kind == "refuse" and slot in STRICT and r.code == 0 and not empty_in:
            problems.append("a refused path succeeded")
        if after != self.before or r.code == 0:
            self.reset()
        assert not problems, f"{where}: {problems}"
        return r.code, r.err


@pytest.fixture(autouse=True)
def _fast(monkeypatch):
    no_fsync(monkeypatch)


@pytest.fixture
def checker(tmp_path):
    return ApplyChecker(tmp_path / "apply")


@pytest.mark.parametrize("case_id, path, kind", CASES, ids=[c[0] for c in CASES])
def test_apply_corpus_sample(checker, case_id, path, kind):
    """Fast run: each case through 2 slots (rotating over all slots); the long run takes every slot."""
    names = sorted(SLOTS)
    i = [c[0] for c in CASES].index(case_id)
    for slot in (names[(i * 2 + k) % len(names)] for k in range(2)):
        checker.check(slot, path, kind)


@pytest.mark.long
def test_apply_corpus_every_slot(tmp_path):
    checker = ApplyChecker(tmp_path / "apply")
    codes: dict[int, int] = {}
    for _, path, kind in CASES:
        for slot in SLOTS:
            code, _ = checker.check(slot, path, kind)
            codes[code] = codes.get(code, 0) + 1
    record_figures(
        "paths_apply_corpus",
        cases=len(CASES),
        slots=len(SLOTS),
        apply_runs=checker.runs,
        escapes=len(checker.escapes),
        exit_codes=codes,
    )
    assert not checker.escapes


def _apply_property(checker):
    @given(path=hostile_paths(), slot=st.sampled_from(sorted(SLOTS)))
    def check(path, slot):
        checker.check(slot, path, "inside")

    return check


def test_generated_paths_through_apply(tmp_path):
    checker = ApplyChecker(tmp_path / "apply")
    settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))(
        _apply_property(checker)
    )()
    assert checker.runs >= 30 and not checker.escapes


@pytest.mark.long
def test_generated_paths_through_apply_long(tmp_path):
    checker = ApplyChecker(tmp_path / "apply")
    settings(max_examples=long_count(500), deadline=None, database=None, suppress_health_check=list(HealthCheck))(
        _apply_property(checker)
    )()
    record_figures("paths_apply_generated", apply_runs=checker.runs, escapes=len(checker.escapes))
    assert not checker.escapes


# ------------------------------------------------------------------ hard links, cycles, long names


def test_hard_link_write_never_touches_the_outside_inode(tmp_path):
    sb = Sandbox.create(tmp_path / "h")
    target = sb.outside / "hard_target.txt"
    ino = os.stat(target).st_ino
    assert os.stat(sb.root / "hard_out.txt").st_ino == ino
    for step in (
        {"op": "update", "select": {"path": "hard_out.txt"}, "mode": "append", "text": "more"},
        {"op": "update", "select": {"path": "hard_out.txt"}, "mode": "set", "text": "new"},
    ):
        r = sb.apply({"version": 1, "steps": [step]})
        assert r.code == 0, r.err
        assert target.read_bytes() == SHARED and os.stat(target).st_ino == ino
        assert os.stat(sb.root / "hard_out.txt").st_ino != ino  # a new inode under the inside name
    assert (sb.root / "hard_out.txt").read_text() == "new"


def test_hard_link_delete_unlinks_the_name_only_and_undo_restores_it(tmp_path):
    sb = Sandbox.create(tmp_path / "h")
    target = sb.outside / "hard_target.txt"
    r = sb.apply({"version": 1, "steps": [{"op": "delete", "select": {"path": "hard_out.txt"}}]})
    assert r.code == 0, r.err
    assert target.read_bytes() == SHARED and not (sb.root / "hard_out.txt").exists()
    from sec_kit import run_cli

    u = run_cli(["undo", "--yes", "--root", str(sb.root), "--config", str(sb.config)])
    assert u.code == 0, u.err
    assert os.stat(sb.root / "hard_out.txt").st_ino == os.stat(target).st_ino
    assert target.read_bytes() == SHARED


@pytest.mark.parametrize(
    "slot", ["read.path", "update.path", "delete.path", "move.src", "copy.src", "tag.path", "list.in", "create.file"]
)
def test_link_cycles_are_an_error_never_a_hang(checker, slot):
    for p in ("cycle_a", "cycle_a/x.txt", "cycle_b/../a.txt"):
        checker.check(slot, p, "inside")


def test_too_long_names_are_one_clear_error(checker):
    code, err = checker.check("create.file", "n" * 300 + ".txt", "inside")
    assert code != 0 and "traceback" not in err.lower()
    code, err = checker.check("create.file", "/".join(["d" * 200] * 30) + "/x.txt", "inside")
    assert code != 0
