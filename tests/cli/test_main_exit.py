"""The program's exit (fileagent/__main__.py): at once when the interpreter's shutdown has nothing to
do, with every byte of output written; through the usual shutdown when an exit handler, another
thread or a profiler still needs it."""

from __future__ import annotations

import subprocess
import sys


def python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_exits_at_once_with_the_code_and_all_output():
    done = python(
        "import sys; from fileagent.__main__ import _exit_now\n"
        "sys.stdout.write('x' * 300000); sys.stderr.write('last words')\n"
        "_exit_now(4)\n"
        "print('not reached')"
    )
    assert done.returncode == 4
    assert done.stdout == "x" * 300000 and done.stderr == "last words"


def test_an_exit_handler_gets_the_usual_shutdown():
    done = python(
        "import atexit; from fileagent.__main__ import _exit_now\n"
        "atexit.register(print, 'handler ran')\n"
        "_exit_now(4)\n"
        "print('returned')"
    )
    assert done.returncode == 0 and done.stdout == "returned\nhandler ran\n"


def test_a_running_thread_or_a_profiler_gets_the_usual_shutdown():
    thread = python(
        "import threading, time; from fileagent.__main__ import _exit_now\n"
        "t = threading.Thread(target=lambda: (time.sleep(0.3), print('thread done'))); t.start()\n"
        "_exit_now(4)\n"
        "print('returned')"
    )
    assert thread.returncode == 0 and thread.stdout == "returned\nthread done\n"
    profiled = python(
        "import sys; from fileagent.__main__ import _exit_now\nsys.setprofile(lambda *a: None)\n_exit_now(4)"
    )
    assert profiled.returncode == 0


def test_the_command_line_exit_code_and_output_come_through(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "fileagent", "--version"], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 0 and done.stdout.startswith("fileagent ")
    bad = subprocess.run(
        [sys.executable, "-m", "fileagent", "plan", "--root", str(tmp_path / "absent"), "list the files"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert bad.returncode == 2 and bad.stderr.startswith("fileagent: error: ") and bad.stderr.count("\n") == 1
