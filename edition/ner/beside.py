"""The recogniser in a process beside the conversion (:mod:`.sidecar`), for a long text that keeps
its capitals.

What :func:`edition.ner.recognise.mentions` returns for a block depends only on the block's text
and on whether the document keeps its capitals, and the names pass asks it of every block: in a
text with capitals it is nearly half of the conversion. So, for such a text of :data:`LEAST`
characters at least, the conversion starts a child process as soon as the text is read (it loads
the model meanwhile), sends it every block's text when the names pass begins (:meth:`Recogniser.
submit`), and the child answers them from the last block backwards while this process goes
through them from the first: each block's mentions are taken from the child when they have come
(:class:`Answers`), else found here, and once the pass is done the child is told to stop. The
output is the same bytes either way; when the child cannot start or dies, everything is found
here. A text that lost its capitals has the truecaser's process beside it instead
(:mod:`edition.truecase.beside`), which takes the other core.
"""

from __future__ import annotations

import json
import subprocess
import threading

from ..truecase.beside import Beside, usable  # noqa: F401 (usable: as this module's)

#: characters of text from which the recogniser runs beside (the child's start and its model
#: cost ~0.15 s of CPU; as for the truecaser's process)
LEAST = 30_000


class Answers:
    """The child's mentions for the blocks of one request, as they come."""

    def __init__(self, recogniser: "Recogniser", request: int, texts: list[str]):
        self._recogniser, self.request, self._texts = recogniser, request, texts
        self._found: dict[int, list] = {}     # block -> its Mentions

    def _give(self, index: int, mentions: list) -> None:
        from .recognise import Mention      # (loaded by the names pass that asked already)
        self._found[index] = [Mention(int(s), int(e), str(k), float(p)) for s, e, k, p in mentions]

    def get(self, index: int, text: str) -> list | None:
        """The mentions of block *index* (whose text is *text*) if the child has found them."""
        found = self._found.get(index)
        if found is None or self._texts[index] != text:
            return None
        return list(found)

    def stop(self) -> None:
        """The conversion has the rest: the child stops answering this request (and its
        answers, with the texts, are let go)."""
        self._recogniser._forget(self.request)
        self._recogniser._send({"stop": self.request})


class Recogniser(Beside):
    """The recogniser's child process, started by the first long text worth it."""

    def __init__(self, least: int = LEAST, argv: list[str] | None = None):
        super().__init__("edition.ner.sidecar", least, argv)
        self._answers: dict[int, Answers] = {}
        self._requests = 0
        self._lock = threading.Lock()

    def start(self, size: int) -> bool:
        """Start the child for a text of *size* characters, if it is worth it; whether it runs."""
        if self.failed or size < self.least:
            return False
        return self._launch(text=True, encoding="utf-8")

    def submit(self, texts: list[str], cased: bool) -> Answers | None:
        """Send *texts* (a document's blocks) to the child: their coming mentions, or None."""
        if self.proc is None or self.failed:
            return None
        with self._lock:
            self._requests += 1
            answers = self._answers[self._requests] = Answers(self, self._requests, texts)
        if not self._send({"request": answers.request, "cased": bool(cased), "texts": texts}):
            return None
        return answers

    def _forget(self, request: int) -> None:
        with self._lock:
            self._answers.pop(request, None)

    def _send(self, message: dict) -> bool:
        try:
            self.proc.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
            self.proc.stdin.flush()
            return True
        except (OSError, ValueError, AttributeError):
            self.failed = True
            return False

    def _serve(self, proc: subprocess.Popen) -> None:
        """The child's answers, into the Answers of their request (a thread)."""
        try:
            for line in proc.stdout:
                answer = json.loads(line)
                with self._lock:
                    answers = self._answers.get(answer["request"])
                if answers is not None:
                    answers._give(int(answer["text"]), answer["mentions"])
        except (OSError, ValueError, TypeError, KeyError):
            pass
        self.failed = True
