"""The rules every request passes before any route sees it (pure ASGI, so nothing can skip them).

- Host: the request must name the address the server is bound to, with its port
  (`127.0.0.1:PORT` or `localhost:PORT` for the default). A page on another site that gets the
  browser to resolve its own name to 127.0.0.1 (DNS rebinding) sends its own name: 403.
- Token: every /api/ call carries `X-Fileagent-Token` with the token printed at start (compared in
  constant time). A custom header cannot be sent cross-origin without a CORS preflight, and this
  server answers none, so another site's page cannot call the API even with the token.
- Origin: a request whose Origin (or Sec-Fetch-Site) says it comes from another site is refused
  outright (403), whatever it carries.
- Every answer carries a Content-Security-Policy that allows only this server's own script and
  style, no framing, and no referrer (the page's address holds the token).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable
from typing import Any

Scope = dict[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]
TOKEN_HEADER = "x-fileagent-token"
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def allowed_hosts(host: str, port: int) -> set[str]:
    """The Host header values that name this server ("HOST:PORT"; IPv6 in brackets)."""
    names = {host} | ({"127.0.0.1", "localhost"} if host in ("127.0.0.1", "localhost") else set())
    return {(f"[{n}]" if ":" in n else n) + f":{port}" for n in names}


class Guarded:
    """Wraps the app: Host and Origin checks on every request, the token on /api/, safe headers."""

    def __init__(self, app: ASGIApp, *, token: str, hosts: set[str]) -> None:
        self.app, self.token, self.hosts = (
            app,
            token.encode(),
            {h.lower() for h in hosts},
        )

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return  # no websockets
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        why = self.refusal(scope, headers)
        if why:
            await _forbidden(send, why)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {
                    **message,
                    "headers": list(message.get("headers", [])) + HEADERS,
                }
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def refusal(self, scope: Scope, headers: dict[str, str]) -> str | None:
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            return f"Host {host!r} is not this server's address ({', '.join(sorted(self.hosts))})"
        origin = headers.get("origin")
        if origin is not None and origin.lower() not in {f"http://{h}" for h in self.hosts}:
            return f"cross-origin request from {origin!r} refused"
        if headers.get("sec-fetch-site") == "cross-site":
            return "cross-site request refused"
        if scope.get("path", "").startswith("/api/"):
            given = headers.get(TOKEN_HEADER, "").encode("latin-1")
            if not hmac.compare_digest(given, self.token):
                return "missing or wrong X-Fileagent-Token header (use the address printed at start)"
        return None


async def _forbidden(send: Callable, why: str) -> None:
    body = json.dumps({"error": {"class": "forbidden", "message": why}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ]
            + HEADERS,
        }
    )
    await send({"type": "http.response.body", "body": body})
