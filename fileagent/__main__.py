"""`python -m fileagent` and the `fileagent` console script.

Goes through cli.fast.main: the simple forms of `plan` and `run` then run without importing typer
(nor click, nor typer's per-parameter pydantic TypeAdapters) at all; everything else is handed on
to typer in cli/app.py. FILEAGENT_NO_FAST_CLI=1 always takes the typer path.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    # Every matrix product here is small: OpenBLAS's worker threads only spin, which cost about as
    # much CPU time again as a whole `fileagent plan`. The setting is read once, when numpy loads.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import gc

    # cli.fast runs every command with the cycle collector off and turns it back on after; off from
    # the start, it never rescans at the end everything the command allocated (~20 ms after a plan).
    gc.disable()
    from fileagent.cli.fast import main as cli_main

    code = cli_main()
    import signal

    # The command has finished (and reported): a Ctrl-C now would only print a traceback from the
    # interpreter's shutdown, so it is ignored.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_now(code)
    sys.exit(code)


def _exit_now(code: int) -> None:
    """Exit without the interpreter's shutdown when it has nothing to do but free memory object by
    object (~30 ms after a plan: the models, the grammar's tables, every module): no other thread,
    no exit handler, no profiler or tracer that reports at the end. Returns when that is not so, or
    when the output cannot be flushed."""
    import atexit
    import threading

    handlers = getattr(atexit, "_ncallbacks", None)
    if handlers is None or handlers() or threading.active_count() != 1:
        return
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # the usual shutdown reports it as before
    os._exit(code)


if __name__ == "__main__":
    main()
