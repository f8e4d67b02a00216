"""Whatever paths a plan holds, no plan makes an entry whose name a shell reads as a home folder or a
variable ("~", "~bob", "$HOME", "${HOME}", "%TEMP%"), under the POSIX and the Windows rules, and
every place it names that the Guard accepts lies inside the root."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fileagent.agent.engine.compiler import compile_plan
from fileagent.agent.plan.io import validate_plan_dict
from fileagent.config.loader import Config
from fileagent.errors import PlanError, PolicyError
from fileagent.policies.guard import Guard
from fileagent.policies.places import is_place_name

HEADS = [
    "~",
    "~bob",
    "~root",
    "$HOME",
    "${HOME}",
    "%TEMP%",
    "%USERPROFILE%",
    "$IN",
    "${IN}",
    "%IN%",
    "$NOPE",
    "file://",
    "file:///",
    "file://localhost{root}",
    "file://{root}",
    "./~",
    "./$HOME",
    "docs",
    "",
    ".",
]
NAMES = [
    "new",
    "docs",
    "~",
    "~bob",
    "$HOME",
    "${IN}",
    "%TEMP%",
    "~$r.docx",
    "$RECYCLE.BIN",
    "notes~",
    "a$b",
    "100%",
    "x.txt",
    "..",
    "$",
    "%",
]


@st.composite
def plan_paths(draw):
    head = draw(st.sampled_from(HEADS))
    names = draw(st.lists(st.sampled_from(NAMES), max_size=3))
    sep = draw(st.sampled_from(["/", "\\"]))
    return sep.join([head, *names]) if head else sep.join(names) or "."


@st.composite
def steps(draw):
    p = draw(plan_paths())
    kind = draw(
        st.sampled_from(
            [
                "create_file",
                "create_dir",
                "copy_to",
                "move_to",
                "move_in",
                "rename",
                "classify_dest",
                "classify_folder",
                "copy_pattern",
            ]
        )
    )
    name = draw(st.sampled_from(NAMES))
    return {
        "create_file": {"op": "create", "path": p, "content": "x"},
        "create_dir": {"op": "create", "path": p, "kind": "dir"},
        "copy_to": {"op": "copy", "select": {"path": "a.txt"}, "to": p},
        "move_to": {"op": "move", "select": {"in": "docs"}, "to": p},
        "move_in": {"op": "move", "select": {"in": p}, "to": "moved"},
        "rename": {"op": "rename", "path": "a.txt", "new_name": name},
        "classify_dest": {"op": "classify", "select": {"in": "docs"}, "by": "extension", "dest": p},
        "classify_folder": {
            "op": "classify",
            "select": {"in": "docs"},
            "by": "keywords",
            "rules": [{"keywords": ["b"], "folder": p}],
            "default": name,
        },
        "copy_pattern": {"op": "copy", "select": {"in": ".", "pattern": p.replace("new", "*")}, "to": "copies"},
    }[kind]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan_steps=st.lists(steps(), min_size=1, max_size=3), windows=st.booleans())
def test_no_plan_makes_a_place_named_entry(tmp_path_factory, plan_steps, windows):
    base = tmp_path_factory.getbasetemp() / "places_prop"
    root = base / "root"
    if not root.exists():
        for rel, text in {"a.txt": "a", "docs/b.md": "b", "docs/c.txt": "c", "in/d.md": "d"}.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text)
        (base / "home").mkdir()
    real = os.path.realpath(root)
    env = {"HOME": str(base / "home"), "TEMP": str(base / "tmp"), "IN": str(root / "in")}
    for s in plan_steps:
        for key in ("path", "to", "dest"):
            if isinstance(s.get(key), str):
                s[key] = s[key].replace("{root}", root.as_posix())
        if "select" in s:
            s["select"] = {
                k: v.replace("{root}", root.as_posix()) if isinstance(v, str) else v for k, v in s["select"].items()
            }
        for r in s.get("rules", ()):
            r["folder"] = r["folder"].replace("{root}", root.as_posix())
    guard = Guard(root, [], windows=windows, env=env)
    try:
        plan = validate_plan_dict({"version": 1, "steps": plan_steps})
        cs = compile_plan(plan, root=root, config=Config.from_dict({}), guard=guard)
    except (PolicyError, PlanError):
        return
    for a in cs.actions:
        if a.dst is None or a.kind in ("delete", "emit", "set_tags"):
            continue
        parts = a.dst.split("/")
        assert not any(is_place_name(part) for part in parts), (plan_steps, a)
        assert not os.path.relpath(os.path.join(real, a.dst), real).startswith(".."), (plan_steps, a)
