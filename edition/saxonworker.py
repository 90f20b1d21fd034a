"""The Saxon worker: a child process that compiles the edition's stylesheets once and runs them.

Started by :mod:`edition.saxonclient` (argument: JSON with ``xslt_dir`` and the formats to
compile first) with :mod:`edition.child`'s guarantees. It compiles while the build converts its
first text, then reads requests from stdin, each a JSON line ``{"calls": [["fo", {…kwargs}],
["html", {…}]], "size": N}`` followed by N bytes of XML (one text, sent once for all its calls),
and answers each call in order with a JSON line ``{"ok": true, "size": M}`` and M bytes of
output, or ``{"ok": false, "error": [message, path, line, column]}``. A thread reads the
requests as they come, so that the client never waits to write one while this process writes
an answer. Saxon runs here exactly as in the build's own
process (:class:`edition.transform.Transformer`: no URL, no file outside the stylesheets' folder).
"""

from __future__ import annotations

import json
import os
import queue
import sys
import threading

CALLS = ("html", "fo")


def _requests(stream, into: queue.SimpleQueue) -> None:
    try:
        for line in iter(stream.readline, b""):
            head = json.loads(line)
            head["data"] = stream.read(int(head["size"]))
            into.put(head)
    finally:
        into.put(None)


def _answer(transformer, call: str, kwargs: dict, text: bytes) -> tuple[dict, bytes]:
    from .errors import EditionError

    try:
        if call not in CALLS:
            raise EditionError(f"the Saxon worker knows no call {call!r}")
        data = getattr(transformer, call)(text, **kwargs)
        return {"ok": True, "size": len(data)}, data
    except EditionError as exc:
        return {"ok": False, "error": [exc.message, str(exc.path) if exc.path else None,
                                       exc.line, exc.column]}, b""
    except Exception as exc:        # a fault of the toolkit: one line for the client, not a traceback
        return {"ok": False, "error": [f"XSLT: {type(exc).__name__}: {exc}", None, None, None]}, b""


def main(argv: list[str]) -> int:
    from .child import adopted

    adopted()
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)                   # whatever Saxon prints goes where the build's messages go
    settings = json.loads(argv[0])
    from .errors import EditionError
    from .transform import Transformer

    transformer = Transformer(settings["xslt_dir"])
    requests: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_requests, args=(sys.stdin.buffer, requests), daemon=True).start()
    for fmt in settings.get("compile", ()):
        try:
            transformer.executable(fmt)
        except EditionError:
            pass                    # the first request for it gets the error
    while (request := requests.get()) is not None:
        for call, kwargs in request["calls"]:
            head, data = _answer(transformer, call, kwargs, request["data"])
            answers.write(json.dumps(head).encode() + b"\n" + data)
            answers.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
