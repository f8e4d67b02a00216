"""The GitHub Actions workflow runs the README's test command on every OS and Python the project
supports, the suite under the windows and macOS rules on Linux, and a lint job."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "ci.yml"


def readme_test_commands() -> dict[str, str]:
    """{"posix": ..., "windows": ...}: the README's indented commands that run the tests."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    cmds = [m.group(1) for m in re.finditer(r"^    (.*pip install -e '\.\[test\]'.*pytest -q)$", text, re.MULTILINE)]
    out = {"windows" if "Activate.ps1" in c else "posix": c for c in cmds}
    assert set(out) == {"posix", "windows"}, cmds
    return out


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_matrix_covers_three_oses_and_four_pythons(workflow):
    test = workflow["jobs"]["test"]
    matrix = test["strategy"]["matrix"]
    assert sorted(matrix["os"]) == ["macos-latest", "ubuntu-latest", "windows-latest"]
    assert matrix["python"] == ["3.10", "3.11", "3.12", "3.13"]
    assert test["runs-on"] == "${{ matrix.os }}"
    setup = [s for s in test["steps"] if str(s.get("uses", "")).startswith("actions/setup-python")]
    assert setup and setup[0]["with"]["python-version"] == "${{ matrix.python }}"
    assert test["strategy"].get("fail-fast") is False  # one OS failing still shows the others


def test_every_os_runs_the_readme_command(workflow):
    cmds = readme_test_commands()
    steps = workflow["jobs"]["test"]["steps"]
    runs = {s["run"].strip(): s.get("if", "") for s in steps if "run" in s}
    assert runs.get(cmds["posix"]) == "runner.os != 'Windows'"
    assert runs.get(cmds["windows"]) == "runner.os == 'Windows'"
    windows_step = next(s for s in steps if s.get("run", "").strip() == cmds["windows"])
    assert windows_step["shell"] == "pwsh"


def test_linux_also_runs_both_portable_modes(workflow):
    step = next(s for s in workflow["jobs"]["test"]["steps"] if "FILEAGENT_PORTABLE" in s.get("run", ""))
    assert step["if"] == "runner.os == 'Linux'"
    lines = [ln.strip() for ln in step["run"].splitlines()]
    assert "FILEAGENT_PORTABLE=windows python -m pytest -q" in lines
    assert "FILEAGENT_PORTABLE=macos python -m pytest -q" in lines


def test_lint_job(workflow):
    lint = workflow["jobs"]["lint"]
    assert any("ruff check" in s.get("run", "") for s in lint["steps"])


def test_ci_run_script_runs_the_modes_after_the_readme_command():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    readme = readme_test_commands()["posix"]
    assert readme in script
    after = script[script.index(readme) + len(readme) :]
    assert after.index("FILEAGENT_PORTABLE=windows python -m pytest -q") < after.index(
        "FILEAGENT_PORTABLE=macos python -m pytest -q"
    )
