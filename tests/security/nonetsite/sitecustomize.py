"""Test-only: abort the process on any socket activity (test_sec_no_network.py).

With this folder on PYTHONPATH and FILEAGENT_NO_NET_LOG=FILE set, an audit hook watches every
"socket.*" audit event (socket creation, connect, bind, getaddrinfo, gethostbyname, ...): the
first one is written to FILE and the process exits with status 97 at once.
"""

import os
import sys

_LOG = os.environ.get("FILEAGENT_NO_NET_LOG")

if _LOG:

    def _no_network(event, args):
        if event.startswith("socket."):
            with open(_LOG, "a", encoding="utf-8") as f:
                f.write(f"{event} {args!r}\n")
            os._exit(97)

    sys.addaudithook(_no_network)
