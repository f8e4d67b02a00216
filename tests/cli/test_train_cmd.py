"""`fileagent train` hands its arguments to the trainer's argparse; argparse's own exits (--help,
a usage error) come out as exit codes, not as an unexpected error."""

from __future__ import annotations

import io

from fileagent.cli.fast import main


def run(args: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    return main(
        ["train", *args], env={"NO_COLOR": "1"}, stdin=io.StringIO(), stdout=io.StringIO(), stderr=err
    ), err.getvalue()


def test_help_exits_0(capsys):
    rc, err = run(["--help"])
    assert rc == 0 and err == ""
    assert "@FILE reads options from a recipe file" in capsys.readouterr().out


def test_a_usage_error_exits_2_with_argparse_message(capsys):
    rc, err = run(["--subword-sampling", "2"])
    assert rc == 2 and "unexpected" not in err
    assert "--subword-sampling: 2 is not in [0, 1]" in capsys.readouterr().err
