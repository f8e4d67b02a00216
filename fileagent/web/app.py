"""The Starlette app: the page, its files, and the JSON API over `WebService`.

Routes (docs/web-api.md has the documents):
    GET  /                       the page          GET /static/...         its script and style
    POST /api/plan               plan + preview    POST /api/select        what a choice would run
    POST /api/run                run a choice      GET  /api/runs          the journal's runs
    POST /api/runs/{run}/undo    preview / undo    POST /api/recover       finish interrupted runs
    GET  /api/status             root, interrupted runs
    GET  /api/log                audit entries (run, op, since, failed)    GET /api/log/verify

Errors are one JSON shape, {"error": {"class", "message", "exit_code"}}, with the status the
engine's error calls for (`STATUS`); the exit code is the one the command line would give.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from fileagent.errors import FileAgentError
from fileagent.web.models import PlanBody, SelectBody, UndoBody
from fileagent.web.security import Guarded
from fileagent.web.service import WebService, error_body

STATIC = Path(__file__).with_name("static")
MAX_BODY = 16 * 1024 * 1024
STATUS = {
    "usage": 400,
    "not_found": 404,
    "stale": 409,
    "undo": 409,
    "action": 409,
    "refused": 422,
    "no_plan": 422,
}


class BadBody(FileAgentError):
    """A body that is not the JSON the route takes."""


def _json(doc: Any, status: int = 200) -> Response:
    return Response(
        json.dumps(doc, ensure_ascii=False),
        status_code=status,
        media_type="application/json",
    )


def _error(e: BaseException) -> Response:
    body = error_body(e)
    if isinstance(e, BadBody):
        body["class"] = "usage"
    status = STATUS.get(body["class"], 500)
    return _json({"error": body}, status)


async def _body(request: Request, model: type[BaseModel]) -> Any:
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise BadBody(f"request body over {MAX_BODY} bytes")
    try:
        data = json.loads(raw or b"{}")
    except RecursionError:
        raise BadBody("the body is nested too deeply") from None
    except ValueError as e:
        raise BadBody(f"the body is not JSON: {e}") from None
    try:
        return model.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "body"
        raise BadBody(f"{where}: {first.get('msg')}") from None


def build_app(service: WebService, *, token: str, hosts: set[str]) -> Guarded:
    async def call(fn: Callable[[], Any]) -> Response:
        try:
            return _json(await run_in_threadpool(fn))
        except FileAgentError as e:
            return _error(e)
        except OSError as e:  # what the command line reports as exit 1, with the file named
            where = f": {e.filename}" if e.filename else ""
            return _json({"error": {"class": "action", "message": f"{e.strerror or e}{where}", "exit_code": 1}}, 500)

    async def page(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def plan(request: Request) -> Response:
        try:
            b = await _body(request, PlanBody)
        except FileAgentError as e:
            return _error(e)
        return await call(lambda: service.plan(request=b.request, plan=b.plan, on_conflict=b.on_conflict))

    async def select(request: Request) -> Response:
        try:
            b = await _body(request, SelectBody)
        except FileAgentError as e:
            return _error(e)
        return await call(lambda: service.select(b.preview_id, b.actions))

    async def run(request: Request) -> Response:
        try:
            b = await _body(request, SelectBody)
        except FileAgentError as e:
            return _error(e)
        return await call(lambda: service.run(b.preview_id, b.actions))

    async def runs(request: Request) -> Response:
        return await call(service.runs)

    async def undo(request: Request) -> Response:
        try:
            b = await _body(request, UndoBody)
        except FileAgentError as e:
            return _error(e)
        run_id = request.path_params["run"]
        return await call(lambda: service.undo(run_id, b.confirm))

    async def recover(request: Request) -> Response:
        return await call(service.recover)

    async def status(request: Request) -> Response:
        return await call(service.status)

    async def log(request: Request) -> Response:
        q = request.query_params
        failed = q.get("failed", "").lower() in ("1", "true", "yes", "on")
        return await call(
            lambda: service.log(
                run=q.get("run") or None,
                op=q.get("op") or None,
                since=q.get("since") or None,
                failed=failed,
            )
        )

    async def verify(request: Request) -> Response:
        return await call(service.verify)

    routes = [
        Route("/", page, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
        Route("/api/plan", plan, methods=["POST"]),
        Route("/api/select", select, methods=["POST"]),
        Route("/api/run", run, methods=["POST"]),
        Route("/api/runs", runs, methods=["GET"]),
        Route("/api/runs/{run}/undo", undo, methods=["POST"]),
        Route("/api/recover", recover, methods=["POST"]),
        Route("/api/status", status, methods=["GET"]),
        Route("/api/log", log, methods=["GET"]),
        Route("/api/log/verify", verify, methods=["GET"]),
    ]
    return Guarded(Starlette(routes=routes), token=token, hosts=hosts)
