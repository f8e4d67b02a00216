"""Test-only crash injection for `python -m fileagent ...` subprocesses (test_sec_crash.py).

Put this folder on PYTHONPATH and set one of:

    FILEAGENT_CRASH_AT=N    SIGKILL this process right after its Nth journal write
                            (JournalWriter.write / write_many: one record or one group of intents)
    FILEAGENT_CRASH_OPS=N   SIGKILL it right before its Nth disk change (rename, replace, unlink,
                            mkdir, rmdir, symlink, a renameat2 call, or a write to a file other than the journal),
                            counted from the journal's first record

    FILEAGENT_CRASH_COUNT=FILE  count only: at exit write {"journal": n, "ops": m} to FILE
                            (how many kill points a run has)

Nothing here is imported by fileagent itself; without the variables this file does nothing.
"""

import os
import signal

_AT = int(os.environ.get("FILEAGENT_CRASH_AT", "0") or 0)
_OPS = int(os.environ.get("FILEAGENT_CRASH_OPS", "0") or 0)
_COUNT = os.environ.get("FILEAGENT_CRASH_COUNT", "")
if _COUNT and not _OPS:
    _OPS = 10**12  # count everything, never reach it


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


if _AT or _OPS:
    from fileagent.agent.history import journal as _jr

    _state = {"journal": 0, "ops": 0, "armed": False, "journal_fds": set()}
    if _COUNT:
        import atexit
        import json

        @atexit.register
        def _report() -> None:
            with open(_COUNT, "w") as f:
                json.dump({"journal": _state["journal"], "ops": _state["ops"]}, f)

    _orig_write, _orig_many = _jr.JournalWriter.write, _jr.JournalWriter.write_many

    def _after_journal_write(self) -> None:
        _state["armed"] = True
        _state["journal_fds"].add(self._fd)
        _state["journal"] += 1
        if _AT and _state["journal"] >= _AT:
            _die()

    def write(self, record):
        _orig_write(self, record)
        _after_journal_write(self)

    def write_many(self, records):
        _orig_many(self, records)
        if records:
            _after_journal_write(self)

    _jr.JournalWriter.write, _jr.JournalWriter.write_many = write, write_many

    if _OPS:

        def _counted(fn, is_write=False):
            def wrapper(*args, **kwargs):
                if _state["armed"] and not (is_write and args and args[0] in _state["journal_fds"]):
                    _state["ops"] += 1
                    if _state["ops"] >= _OPS:
                        _die()
                return fn(*args, **kwargs)

            return wrapper

        for _name in ("rename", "replace", "unlink", "mkdir", "rmdir", "symlink"):
            setattr(os, _name, _counted(getattr(os, _name)))
        os.write = _counted(os.write, is_write=True)
        from fileagent.tools.fs import fsops as _fsops

        try:
            from fileagent.tools.fs import dirfd as _dirfd
        except ImportError:
            _dirfd = None
        # renameat2 through ctypes is not an os.* call: count it at its one entry point
        if _dirfd is not None and hasattr(_dirfd, "rename_noreplace_at"):
            _dirfd.rename_noreplace_at = _counted(_dirfd.rename_noreplace_at)
        elif hasattr(_fsops, "rename_noreplace"):
            _fsops.rename_noreplace = _counted(_fsops.rename_noreplace)
