"""Fixtures for the web page's tests: a tree, a config whose audit log sits outside it, and a
TestClient speaking to the app as the browser at 127.0.0.1:PORT would."""

from __future__ import annotations

import pytest
from web_kit import TREE


@pytest.fixture
def web_env(tmp_path, monkeypatch):
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"agent:\n  log_path: {tmp_path / 'logs' / 'audit.jsonl'}\n", encoding="utf-8")
    env = {
        "FILEAGENT_CONFIG": str(cfg),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "NO_COLOR": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "cfghome"),
        "HOME": str(tmp_path),
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return env


@pytest.fixture
def web_root(tmp_path, make_tree):
    return make_tree(tmp_path / "root", TREE)


@pytest.fixture
def service(web_env, web_root):
    from fileagent.web.service import WebService

    return WebService(str(web_root), None, web_env)


@pytest.fixture
def client(service):
    pytest.importorskip("starlette", reason="the ui extra (starlette, uvicorn) is not installed")
    pytest.importorskip("httpx", reason="httpx (the test extra) drives Starlette's TestClient")
    from web_kit import PORT, TOKEN

    from fileagent.web.app import build_app
    from fileagent.web.security import allowed_hosts

    app = build_app(service, token=TOKEN, hosts=allowed_hosts("127.0.0.1", PORT))
    from starlette.testclient import (
        TestClient,  # its note about httpx's successor: filtered in the tests
    )

    c = TestClient(app, base_url=f"http://127.0.0.1:{PORT}")
    c.headers["X-Fileagent-Token"] = TOKEN
    return c
