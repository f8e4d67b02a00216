"""Training recipes: `fileagent train @recipe` reads a recipe file, and the shipped recipe is the
command the shipped model was trained with (its metrics.json records the arguments)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fileagent.agent.planner.training import train_planner

RECIPES = Path(train_planner.__file__).with_name("recipes")
SHIPPED_METRICS = Path(train_planner.__file__).parents[3] / "llm" / "shipped" / "metrics.json"
# Where a run writes, and whether it installs itself: not part of a recipe.
NOT_RECIPE = {"out", "ship", "resume"}


def test_the_shipped_recipe_is_the_shipped_models_command():
    args = vars(train_planner.parser().parse_args([f"@{RECIPES / 'shipped.args'}"]))
    recorded = json.loads(SHIPPED_METRICS.read_text(encoding="utf-8"))["args"]
    args = {k: (str(v) if isinstance(v, Path) else v) for k, v in args.items() if k not in NOT_RECIPE}
    recorded = {k: v for k, v in recorded.items() if k not in NOT_RECIPE}
    assert args == recorded


def test_options_after_a_recipe_override_it_and_comments_are_ignored(tmp_path):
    recipe = tmp_path / "r.args"
    recipe.write_text("# a comment line\n--n 1000 --seed 5   # the corpus\n\n--lr 1e-3\n", encoding="utf-8")
    a = train_planner.parser().parse_args([f"@{recipe}", "--seed", "6"])
    assert (a.n, a.seed, a.lr) == (1000, 6, 1e-3)


def test_a_recipe_with_an_unknown_option_is_refused(tmp_path, capsys):
    recipe = tmp_path / "r.args"
    recipe.write_text("--n 1000 --colour red\n", encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        train_planner.parser().parse_args([f"@{recipe}"])
    assert e.value.code == 2 and "--colour" in capsys.readouterr().err
