"""The local web page (`fileagent ui`): a thin front end over the same engine the command line uses.

    service.py   the engine calls behind each API route (plan, select, run, runs, undo, log)
    models.py    the JSON request bodies (pydantic)
    security.py  the token, Host and no-CORS rules every request passes first
    app.py       the Starlette routes and the error -> HTTP status mapping
    server.py    `fileagent ui`: token, address, first line, browser, uvicorn
    static/      the page itself: plain HTML, JS and CSS, no build step, nothing from the network

Starlette and uvicorn are the optional extra `fileagent[ui]`; nothing else in the package imports
this subpackage except the `ui` command, which checks for them first.
"""
