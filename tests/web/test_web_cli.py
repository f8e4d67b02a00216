"""`fileagent ui`: the missing extra, the address rules, and a real server in a subprocess."""

from __future__ import annotations

import http.client
import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fileagent.cli.fast import main, rewrite_argv

REPO = Path(__file__).resolve().parents[2]


def test_ui_is_a_subcommand_not_a_prompt():
    assert rewrite_argv(["ui", "--no-browser"]) == ["ui", "--no-browser"]
    assert rewrite_argv(["--root", "r", "ui"]) == ["ui", "--root", "r"]


def test_without_the_extra_one_line_and_exit_2(web_env, web_root, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "uvicorn" else real(name, *a),
    )
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(
            ["ui", "--root", str(web_root), "--no-browser"],
            stdout=out,
            stderr=err,
            env=web_env,
        )
        == 2
    )
    assert out.getvalue() == ""
    assert err.getvalue() == (
        "fileagent: error: the web page needs the ui extra: pip install 'fileagent[ui]' (Starlette and uvicorn)\n"
    )


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "example.com"])
def test_hosts_that_name_no_one_address_are_refused(web_env, web_root, host):
    pytest.importorskip("uvicorn")
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(
            ["ui", "--root", str(web_root), "--no-browser", "--host", host],
            stdout=out,
            stderr=err,
            env=web_env,
        )
        == 2
    )
    assert err.getvalue().startswith("fileagent: error: --host") and err.getvalue().count("\n") == 1
    assert out.getvalue() == ""


def test_loopback_rule():
    from fileagent.web.server import _is_loopback

    assert _is_loopback("127.0.0.1") and _is_loopback("localhost") and _is_loopback("::1")
    assert _is_loopback("127.0.0.2") and not _is_loopback("192.168.1.10") and not _is_loopback("10.0.0.1")


def test_allowed_hosts():
    from fileagent.web.security import allowed_hosts

    assert allowed_hosts("127.0.0.1", 8000) == {"127.0.0.1:8000", "localhost:8000"}
    assert allowed_hosts("::1", 8000) == {"[::1]:8000"}
    assert allowed_hosts("192.168.1.10", 8000) == {"192.168.1.10:8000"}


def start_server(root: Path, env: dict, *extra: str) -> tuple[subprocess.Popen, str, int, str]:
    """`python -m fileagent ui --no-browser` on a free port; returns (process, url, port, token)."""
    env = {**os.environ, **env, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fileagent",
            "ui",
            "--root",
            str(root),
            "--no-browser",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    line = proc.stdout.readline()
    m = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]{20,})\n", line)
    if not m:
        proc.kill()
        raise AssertionError(f"first line {line!r}; stderr {proc.stderr.read()!r}")
    port, token = int(m.group(1)), m.group(2)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # the socket listens already; wait for uvicorn to answer
        try:
            get(port, "/api/status", token)
            break
        except OSError:
            time.sleep(0.1)
    return proc, line.strip(), port, token


def get(port: int, path: str, token: str | None, host: str | None = None) -> tuple[int, bytes]:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": host or f"127.0.0.1:{port}"}
    if token is not None:
        headers["X-Fileagent-Token"] = token
    c.request("GET", path, headers=headers)
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, body


def stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGINT)
    try:
        return proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_real_server_first_line_token_and_host(web_env, web_root):
    pytest.importorskip("uvicorn")
    proc, _url, port, token = start_server(web_root, web_env)
    try:
        assert get(port, "/api/status", token)[0] == 200
        assert get(port, "/api/status", None)[0] == 403
        assert get(port, "/api/status", token, host=f"localhost:{port}")[0] == 200
        assert get(port, "/api/status", token, host=f"rebound.example:{port}")[0] == 403
        status, page = get(port, "/", None)
        assert status == 200 and b"<title>fileagent</title>" in page
    finally:
        code = stop(proc)
    assert code == 0
    err = proc.stderr.read()
    assert "warning" not in err
    # A fresh token per start.
    proc2, _url2, _, token2 = start_server(web_root, web_env)
    proc2.terminate()
    assert proc2.wait(timeout=20) == 0
    assert token2 != token


def test_another_host_is_served_with_a_warning(web_env, web_root, monkeypatch):
    """--host naming a non-loopback address: the address it prints, and a warning on stderr. The
    socket is bound on loopback and uvicorn does not start: nothing listens outside this machine."""
    uvicorn = pytest.importorskip("uvicorn")
    import socket

    from fileagent.web import server

    def bind_loopback(host, port):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        return s

    seen = {}
    monkeypatch.setattr(server, "_bind", bind_loopback)
    monkeypatch.setattr(
        uvicorn.Server,
        "run",
        lambda self, sockets=None: seen.setdefault("app", self.config.app),
    )
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["ui", "--root", str(web_root), "--no-browser", "--host", "192.0.2.1"],
        stdout=out,
        stderr=err,
        env=web_env,
    )
    assert code == 0
    line = out.getvalue().splitlines()[0]
    port = int(re.fullmatch(r"http://192\.0\.2\.1:(\d+)/\?token=[A-Za-z0-9_-]{20,}", line).group(1))
    assert err.getvalue().startswith("fileagent: warning: serving on 192.0.2.1")
    assert seen["app"].hosts == {f"192.0.2.1:{port}"}  # and not 127.0.0.1 / localhost
