"""A tiny HTTP server on 127.0.0.1 that records every request, for tests that must prove
no request is made.

It runs in a child process, not a thread: Saxon and libxml2 hold the GIL
while they fetch a URL, so a server thread in the test's own process could
never answer and the test would hang. The child answers every GET with a
small body holding :data:`REPLY`, stops when the test ends, and stops by
itself after ``lifetime`` seconds in any case.

    with LoopbackServer() as server:
        ... f"http://127.0.0.1:{server.port}/x" ...
    assert server.requests == []
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPLY = "HOSTILE-HTTP-REPLY"

_CHILD = r"""
import http.server, sys, threading
log = open(sys.argv[1], "a", buffering=1)
reply = sys.argv[2].encode()
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        log.write(self.path + "\n")
        body = b'<!ENTITY pw "' + reply + b'">' if self.path.endswith(".dtd") else reply
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
threading.Timer(float(sys.argv[3]), httpd.shutdown).start()
print(httpd.server_address[1], flush=True)
httpd.serve_forever(poll_interval=0.05)
"""


class LoopbackServer:
    def __init__(self, log: Path | None = None, lifetime: float = 300):
        import tempfile
        self._tmp = None
        if log is None:
            self._tmp = tempfile.TemporaryDirectory()
            log = Path(self._tmp.name) / "requests.log"
        self.log = Path(log)
        self.log.write_text("")
        self.lifetime = lifetime
        self.proc: subprocess.Popen | None = None
        self.port = 0

    @property
    def requests(self) -> list[str]:
        return [line for line in self.log.read_text().splitlines() if line]

    def __enter__(self) -> "LoopbackServer":
        self.proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(self.log), REPLY, str(self.lifetime)],
                                     stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        self.port = int(self.proc.stdout.readline())
        return self

    def __exit__(self, *exc) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc.stdout.close()
        # the log (and its temporary folder) stays until the object goes: requests is read after
