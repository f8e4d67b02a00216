"""`fileagent ui`: open the session, bind the address, print the page's address with a fresh token as
the first line on stdout, open the browser, serve until interrupted.

Starlette and uvicorn are the optional extra `fileagent[ui]`: this module checks for them before
importing anything of theirs, so without them `fileagent ui` is one line saying what to install
(exit 2). The socket is bound here, before uvicorn starts, so the printed port is the real one
(also with --port 0, the default: any free port).
"""

from __future__ import annotations

import importlib.util
import ipaddress
import secrets
import signal
import socket
import sys
import threading
from collections.abc import Mapping
from typing import TextIO

from fileagent.errors import UsageError

INSTALL = "the web page needs the ui extra: pip install 'fileagent[ui]' (Starlette and uvicorn)"


def check_extra() -> None:
    missing = [m for m in ("starlette", "uvicorn") if importlib.util.find_spec(m) is None]
    if missing:
        raise UsageError(INSTALL)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        if host != "localhost":
            raise UsageError(f"--host wants an IP address (or localhost), not {host!r}") from None
        addr = ipaddress.ip_address("127.0.0.1")
    if addr.is_unspecified:
        raise UsageError(f"--host {host} would answer on every address; name the one address to serve on")
    if not 0 <= port <= 65535:
        raise UsageError(f"--port must be 0..65535, not {port}")
    sock = socket.socket(socket.AF_INET6 if addr.version == 6 else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((str(addr), port))
    except OSError as e:
        sock.close()
        raise UsageError(f"cannot serve on {host}:{port}: {e.strerror}") from None
    sock.listen(64)
    return sock


def serve(
    *,
    root: str | None,
    config: str | None,
    host: str,
    port: int,
    no_browser: bool,
    env: Mapping[str, str],
    out: TextIO,
    err: TextIO,
) -> int:
    check_extra()
    import uvicorn

    from fileagent.web.app import build_app
    from fileagent.web.security import allowed_hosts
    from fileagent.web.service import WebService

    service = WebService(root, config, env)
    sock = _bind(host, port)
    port = sock.getsockname()[1]
    name = "127.0.0.1" if host == "localhost" else host
    url_host = f"[{name}]" if ":" in name else name
    token = secrets.token_urlsafe(24)
    url = f"http://{url_host}:{port}/?token={token}"
    out.write(url + "\n")
    out.flush()
    if not _is_loopback(host):
        err.write(
            f"fileagent: warning: serving on {host}, not this machine's loopback: anyone who can reach "
            f"{host}:{port} and has the token can change files under {service.session.root}\n"
        )
    err.write(f"serving {service.session.root}; Ctrl-C stops\n")
    err.flush()
    app = build_app(service, token=token, hosts=allowed_hosts(name, port))
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            proxy_headers=False,
            server_header=False,
            lifespan="off",
        )
    )
    if not no_browser:
        threading.Timer(0.5, _open_browser, args=(url,)).start()
    # uvicorn shuts down on SIGINT/SIGTERM and then raises the signal again with the handlers it
    # found: a stop is the normal end of a server, so both end here with exit 0.
    previous = (
        signal.signal(signal.SIGTERM, _interrupt) if threading.current_thread() is threading.main_thread() else None
    )
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    err.write("stopped\n")
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _open_browser(url: str) -> None:
    import webbrowser

    try:
        webbrowser.open(url)
    except Exception:  # noqa: BLE001 - no browser is fine: the address is printed
        print(
            "fileagent: could not open a browser; open the address above",
            file=sys.stderr,
        )
