"""The acceptance threshold chosen from the dev curve."""

from __future__ import annotations

import math

from fileagent.agent.planner.training.calibrate import choose


def row(t: float, right: int, leaks: int, refused: float = 0.9) -> dict:
    return {
        "min_margin": t,
        "plans_right": right / 100,
        "n_plans": 100,
        "would_change_files": leaks,
        "refused": refused,
    }


def test_the_safer_end_of_a_flat_stretch_of_the_curve():
    table = [
        row(-math.inf, 95, 3),
        row(-1.0, 95, 1),
        row(0.0, 94, 0),
        row(1.0, 94, 0),
        row(2.0, 94, 0),
        row(3.0, 93, 0),
    ]
    assert choose(table, 0.9)["min_margin"] == 2.0


def test_never_below_the_decision_point_and_stops_at_the_first_lost_plan():
    table = [row(-math.inf, 95, 0), row(-1.0, 95, 0), row(0.0, 94, 0), row(1.0, 93, 0), row(2.0, 93, 0)]
    assert choose(table, 0.9)["min_margin"] == 0.0


def test_without_a_leak_free_point_the_most_refusing_one_above_the_floor():
    table = [row(-math.inf, 95, 3), row(0.0, 94, 2, 0.9), row(1.0, 90, 1, 0.95), row(2.0, 50, 0, 1.0)]
    assert choose(table, 0.9)["min_margin"] == 1.0
