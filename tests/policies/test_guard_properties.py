"""Whatever string a plan holds, the Guard either refuses it or returns a path inside the root,
outside ROOT/.fileagent, that does not lead out through a symlink."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fileagent.errors import PolicyError
from fileagent.policies.guard import Guard

PIECES = [
    "a",
    "b",
    "..",
    ".",
    "",
    "~",
    "link_out",
    "link_in",
    ".fileagent",
    "C:",
    "\\",
    "x.sh",
    "é",
    "e\u0301",
    " ",
    "NUL",
    "/",
    "//",
    "\x00",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(st.sampled_from(PIECES), min_size=1, max_size=7),
    sep=st.sampled_from(["/", "\\"]),
    windows=st.booleans(),
)
def test_resolve_never_escapes(tmp_path_factory, parts, sep, windows):
    base = tmp_path_factory.getbasetemp() / "prop"
    root = base / "root"
    if not root.exists():
        (root / "a" / "b").mkdir(parents=True)
        (root / ".fileagent").mkdir()
        (base / "outside").mkdir()
        os.symlink(base / "outside", root / "link_out")
        os.symlink(root / "a", root / "a" / "link_in")
    guard = Guard(root, ["*.sh"], windows=windows)
    path = sep.join(parts)
    try:
        result = guard.resolve(path)
    except PolicyError as e:
        assert e.path == path
        return
    real_root = os.path.realpath(root)
    parent_real = os.path.realpath(os.path.dirname(result)) if str(result) != real_root else real_root
    assert parent_real == real_root or parent_real.startswith(real_root + os.sep)
    target = os.path.realpath(result)
    assert target == real_root or target.startswith(real_root + os.sep)
    assert not guard.is_hidden(target) and not guard.is_denied(str(result))
