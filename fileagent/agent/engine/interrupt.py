"""Ctrl-C and SIGTERM while a run executes: stop between two actions, never inside one.

The first signal only sets `requested`; the executor looks at it after each action and, when set,
rolls the run back like a failing action under `on_error: rollback`. A second signal gets the
default behaviour back (KeyboardInterrupt at once), for a user who does not want to wait for a long
copy: the journal then stays open and `fileagent recover` puts the tree back.

Handlers can only be installed from the main thread; elsewhere (a worker thread of a server)
signals are not ours to take, and the run simply is not interruptible this way.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType


class Interrupts:
    """Context manager: while active, SIGINT/SIGTERM set `requested` (the signal's name)."""

    def __init__(self) -> None:
        self.requested: str | None = None
        self._old: dict[int, object] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested is not None:  # a second signal: stop now, recover repairs
            self._restore()
            raise KeyboardInterrupt
        self.requested = signal.Signals(signum).name

    def __enter__(self) -> Interrupts:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                try:
                    self._old[sig] = signal.signal(sig, self._handle)
                except (ValueError, OSError):  # pragma: no cover - embedded interpreters
                    pass
        return self

    def _restore(self) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)  # type: ignore[arg-type]
        self._old.clear()

    def __exit__(self, *exc: object) -> None:
        self._restore()
