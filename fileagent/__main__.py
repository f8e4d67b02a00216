"""`python -m fileagent` and the `fileagent` console script.

Goes through cli.fast.main: the simple forms of `plan` and `run` then run without importing typer
(nor click, nor typer's per-parameter pydantic TypeAdapters) at all; everything else is handed on
to typer in cli/app.py. FILEAGENT_NO_FAST_CLI=1 always takes the typer path.
"""

from __future__ import annotations

import sys


def main() -> None:
    from fileagent.cli.fast import main as cli_main

    code = cli_main()
    import signal

    # The command has finished (and reported): a Ctrl-C now would only print a traceback from the
    # interpreter's shutdown, so it is ignored.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)


if __name__ == "__main__":
    main()
