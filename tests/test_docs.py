"""The user-facing documents hold to what the program does.

- README.md stays at most 12 KB and opens with the two set-up commands;
- every example in its gallery is planned exactly as the table says by the shipped model on the
  demo folder (the table claims the model gets these right);
- every relative link in README.md, CONTRIBUTING.md and docs/ leads to a file that exists.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from fileagent.cli.fast import main

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
SETUP = [
    "python3 -m venv .venv && . .venv/bin/activate && pip install -e . && fileagent run --root demo --config "
    'config.yaml "classify docs md files"; fileagent apply --root demo --config config.yaml demo/plans/tidy.json',
    "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && python -m pytest -q",
]


def gallery() -> list[tuple[str, str]]:
    section = README.split("\n## Examples", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "`" in line]
    out = []
    for row in rows:
        request, plan = (cell.strip() for cell in row.strip("|").split(" | ")[:2])
        out.append((request, plan.strip("`")))
    return out


def test_readme_is_short_and_opens_with_the_setup_commands():
    assert len(README.encode("utf-8")) <= 12 * 1024
    first = [line.strip() for line in README.splitlines()[:4] if line.strip()]
    assert first == SETUP


def test_the_gallery_has_about_twenty_examples_in_both_languages():
    requests = [r for r, _ in gallery()]
    assert len(requests) >= 20
    assert sum(bool(re.search(r"[\u4e00-\u9fff]", r)) for r in requests) >= 8


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("gallery") / "demo"
    shutil.copytree(REPO / "demo", root)
    return root


@pytest.mark.parametrize("request_text, plan", gallery())
def test_each_gallery_example_plans_as_the_readme_says(demo, tmp_path, request_text, plan):
    out, err = io.StringIO(), io.StringIO()
    env = {
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "XDG_STATE_HOME": str(tmp_path / "st"),
        "NO_COLOR": "1",
    }
    rc = main(["plan", "--root", str(demo), request_text], env=env, stdin=io.StringIO(), stdout=out, stderr=err)
    assert rc == 0, err.getvalue()
    assert out.getvalue().splitlines()[0] == plan


DOCS = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted((REPO / "docs").glob("*.md"))]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_relative_links_lead_to_files(doc):
    text = doc.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" in target:
            continue
        assert (doc.parent / target).exists(), f"{doc.name}: {target}"
