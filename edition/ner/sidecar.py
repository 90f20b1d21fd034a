"""The recogniser beside the conversion: a child process that finds the mentions of a text's blocks.

Started by :mod:`edition.ner.beside` (``python -m edition.ner.sidecar``) with
:mod:`edition.child`'s guarantees. It loads the model at once, then reads requests from stdin,
each a JSON line ``{"request": R, "cased": bool, "texts": [...]}``, and answers every text, from
the last to the first, with a JSON line ``{"request": R, "text": I, "mentions": [[start, end,
kind, score], ...]}`` (what :func:`edition.ner.recognise.mentions` returns for it; floats as
Python's ``repr``, so they read back exactly). A line ``{"stop": R}`` (the conversion has the
rest) ends the answers to request R. It ends when stdin ends.
"""

from __future__ import annotations

import json
import os
import queue
import sys
import threading


def _read(stream, into: queue.SimpleQueue) -> None:
    """The lines of *stream*, parsed, into *into*; None at its end (a thread: a stop is seen while
    the texts of a request are being read)."""
    try:
        for line in stream:
            into.put(json.loads(line))
    except (OSError, ValueError):
        pass
    finally:
        into.put(None)


def _answer(messages: queue.SimpleQueue, answers, mentions) -> None:
    """Answer the requests of *messages* until their end (see the module's docstring)."""
    stopped: set = set()
    backlog: list = []              # requests that came while another was answered
    while (message := backlog.pop(0) if backlog else messages.get()) is not None:
        if "stop" in message:
            stopped.add(message["stop"])
            continue
        request, texts, cased = message["request"], message["texts"], bool(message["cased"])
        for i in range(len(texts) - 1, -1, -1):
            while not messages.empty():          # a stop (or the next request) came meanwhile
                early = messages.get()
                if early is None:
                    return
                if "stop" in early:
                    stopped.add(early["stop"])
                else:
                    backlog.append(early)
            if request in stopped:
                break
            found = [[m.start, m.end, m.kind, m.score] for m in mentions(texts[i], cased)]
            answers.write(json.dumps({"request": request, "text": i, "mentions": found}) + "\n")
            answers.flush()


def main() -> int:
    from ..child import adopted

    adopted()
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)                   # whatever else is printed goes where the conversion's messages go
    from .recognise import mentions

    messages: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_read, args=(sys.stdin, messages), daemon=True).start()
    mentions("A word from Lima.")   # the model loads while the first request is on its way
    try:
        _answer(messages, answers, mentions)
        return 0
    except (OSError, ValueError, KeyError, TypeError):
        return 1                    # the conversion is gone, or spoke nonsense: nothing to answer


if __name__ == "__main__":
    sys.exit(main())
