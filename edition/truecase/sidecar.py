"""The truecaser beside the conversion: a child process that recases the blocks of a text.

Started by :mod:`edition.truecase.beside` (``python -m edition.truecase.sidecar``) with
:mod:`edition.child`'s guarantees. It loads the model at once, then reads requests from stdin,
each a JSON line ``{"size": N}`` followed by N bytes: a JSON list of block texts (UTF-8). It
answers each with a JSON line ``{"ok": true, "size": M}`` followed by M bytes: a JSON list
holding, per text, what :func:`edition.truecase.recase` returns for it (each tuple a list; floats
written as Python's ``repr``, so they read back exactly), or with ``{"ok": false, "error":
message}``. It ends when stdin ends.
"""

from __future__ import annotations

import json
import os
import sys


def _answer(data: bytes) -> tuple[dict, bytes]:
    from . import recase

    try:
        texts = json.loads(data.decode("utf-8"))
        if not isinstance(texts, list):
            raise ValueError("the request is not a list of texts")
        out = json.dumps([recase(t) for t in texts], ensure_ascii=False).encode("utf-8")
        return {"ok": True, "size": len(out)}, out
    except Exception as exc:        # a fault of the toolkit: one answer for the client, not a traceback
        return {"ok": False, "error": f"truecaser: {type(exc).__name__}: {exc}"}, b""


def main() -> int:
    from ..child import adopted

    adopted()
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)                   # whatever else is printed goes where the conversion's messages go
    from . import recase

    recase("a word.")               # the model loads while the first request is on its way
    requests = sys.stdin.buffer
    try:
        for line in iter(requests.readline, b""):
            size = int(json.loads(line)["size"])
            head, data = _answer(requests.read(size))
            answers.write(json.dumps(head).encode() + b"\n" + data)
            answers.flush()
    except (OSError, ValueError, KeyError, TypeError):
        return 1                    # the conversion is gone, or spoke nonsense: nothing to answer
    return 0


if __name__ == "__main__":
    sys.exit(main())
