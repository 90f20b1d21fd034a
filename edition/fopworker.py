"""The FOP worker: a child process hosting one JVM (through JPype) that renders many FO files.

Started by :mod:`edition.fopclient` as ``python -m edition.fopworker SETTINGS`` (SETTINGS: JSON
with the ``classpath`` and the JVM's ``flags``). It reads jobs as JSON lines on stdin and
answers each with one JSON line on stdout; its stderr is a log file of the client's.

- first it starts the JVM and answers ``{"ready": true, "pid": …}`` (or ``{"ready": false,
  "error": "…"}`` and ends);
- a job ``{"conf": FILE, "fo": FILE, "out": FILE, "mime": MIME, "allow": [PATH, …]}`` renders
  the FO to *out* (``application/pdf``, or ``application/X-fop-areatree`` for a layout alone);
  ``mimic``: the renderer whose fonts an area tree
  is laid out with, as ``fop -at MIME``; ``ids``: instead of writing the area tree, answer
  ``"pages": {ID: [NUMBER, LABEL]}``, the first page of each); ``index_after``: the book laid out
  once, the index's page lists filled when FOP has laid out that page sequence (the text), the
  answer's ``pages`` those the index cites and ``passes`` the layouts made (1; 2 should the pages
  have moved), or ``unsupported`` (why not: nothing was rendered); the answer
  ``{"ok": bool, "output": TEXT, "seconds": S}``: TEXT is what FOP logged during the
  job, in the form the ``fop`` command prints it (commons-logging's SimpleLog, its warnings as
  ``[WARN] FOUserAgent - …``; a failure as the command's ``[ERROR] FOP - Exception <…>``);
- ``{"warm": [JOB, …], "eager": K}`` runs the jobs one after another in a thread, all but the
  first K at the lowest priority, their output dropped (:class:`Warmer`), until the next request
  comes (it waits only for the job in progress); the answer, before that request's,
  ``{"ok": true, "warmed": N}``;
- stdin at its end: the worker ends.

One FopFactory per configuration file (by path and content) serves every job. Its resource
resolver refuses everything but ``data:`` URIs and files under the job's *allow* paths (its
folder, the configuration's folder, the font files): no URL is fetched, no other file read. The
FO itself is parsed with DOCTYPEs refused. Java's own stdout goes to the log, never into the
answers.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import time
from pathlib import Path

#: system properties of Debian's /usr/bin/fop (the same logging as the command)
PROPERTIES = ["-Djava.awt.headless=true",
              "-Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.SimpleLog",
              "-Dorg.apache.commons.logging.simplelog.defaultlog=INFO"]


def _allowed(path: str, allow: list[str]) -> bool:
    real = os.path.realpath(path)
    for root in allow:
        root = os.path.realpath(root)
        if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
            return True
    return False


class Worker:
    def __init__(self, jpype):
        self.jpype = jpype
        self.J = jpype.JClass
        self.allow: list[str] = []
        self.factories: dict[tuple[str, str], object] = {}
        self.guard = self._guard()
        spf = self.J("javax.xml.parsers.SAXParserFactory").newInstance()
        spf.setNamespaceAware(True)
        spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", True)
        self.parsers = spf
        self.parts = self._parts()

    def _parts(self):
        """The class of the java.util.Enumeration of :meth:`_source` (made once: a class made for
        each job would be kept by JPype, and with it what its job's functions hold)."""
        jpype, Bytes = self.jpype, self.J("java.io.ByteArrayInputStream")

        @jpype.JImplements("java.util.Enumeration")
        class Parts:
            def __init__(self, parts: list):
                self.left = list(parts)

            @jpype.JOverride
            def hasMoreElements(self):
                return bool(self.left)

            @jpype.JOverride
            def nextElement(self):
                return Bytes(jpype.JArray(jpype.JByte)(self.left.pop(0)()))
        return Parts

    def _guard(self):
        jpype, worker = self.jpype, self
        IOException = self.J("java.io.IOException")
        default = self.J("org.apache.fop.apps.io.ResourceResolverFactory").createDefaultResourceResolver()

        def check(uri) -> None:
            scheme = str(uri.getScheme() or "").lower()
            if scheme == "data":
                return
            if scheme == "file" and _allowed(str(self.J("java.nio.file.Paths").get(uri)), worker.allow):
                return
            raise IOException(f"edition: FOP may not read {uri} (only the job's own files)")

        @jpype.JImplements("org.apache.xmlgraphics.io.ResourceResolver")
        class Guard:
            @jpype.JOverride
            def getResource(self, uri):
                check(uri)
                return default.getResource(uri)

            @jpype.JOverride
            def getOutputStream(self, uri):
                check(uri)
                return default.getOutputStream(uri)
        return Guard()

    def factory(self, conf: str):
        key = (conf, hashlib.sha256(Path(conf).read_bytes()).hexdigest())
        if key not in self.factories:
            parser = self.J("org.apache.fop.apps.FopConfParser")(self.J("java.io.File")(conf).getAbsoluteFile(),
                                                                 self.guard)
            self.factories[key] = parser.getFopFactoryBuilder().build()
        return self.factories[key]

    def render(self, job: dict) -> dict:
        """Render one job: the fields it adds to the answer (``pages``, ``passes``)."""
        if job.get("index_after"):
            return self.render_indexed(job)
        J = self.J
        fop, out = self._fop(job)
        ids = job.get("ids")
        try:
            self._parse(fop, J("org.xml.sax.InputSource")(J("java.io.File")(job["fo"]).toURI().toString()))
        finally:
            out.close()
        return {} if ids is None else {"pages": self.pages(fop, ids)}

    def _fop(self, job: dict):
        """A Fop for *job* (configuration, renderer) and the stream it writes to."""
        J = self.J
        self.allow = list(job.get("allow") or [])
        factory = self.factory(job["conf"])
        agent = factory.newFOUserAgent()
        if job.get("mimic"):       # an area tree laid out as for that renderer (fop -at MIME)
            xml = J("org.apache.fop.render.xml.XMLRenderer")(agent)
            xml.mimicRenderer(agent.getRendererFactory().createRenderer(agent, job["mimic"]))
            agent.setRendererOverride(xml)
        if job.get("ids") is not None:   # the pages of these ids are the answer: the area tree goes nowhere
            out = J("java.io.OutputStream").nullOutputStream()
        else:
            out = J("java.io.BufferedOutputStream")(J("java.io.FileOutputStream")(J("java.io.File")(job["out"])))
        try:
            return factory.newFop(job["mime"], agent, out), out
        except Exception:
            out.close()
            raise

    def _parse(self, fop, source) -> None:
        """Parse the FO *source* (an InputSource) into *fop*: FOP lays it out and renders it."""
        J = self.J
        sax = J("javax.xml.transform.sax.SAXSource")(self.parsers.newSAXParser().getXMLReader(), source)
        identity = J("javax.xml.transform.TransformerFactory").newInstance().newTransformer()
        identity.transform(sax, J("javax.xml.transform.sax.SAXResult")(fop.getDefaultHandler()))

    def render_indexed(self, job: dict) -> dict:
        """The book laid out once: FOP reads the FO up to the end of the page sequence
        ``index_after`` (the text) and lays it out; then the rest comes, the index's page lists
        filled from where FOP put the text's names (:mod:`edition.pdf_index`). The pages are
        checked against where the names finally are; should they differ (a parser that asked for
        the rest before the text was laid out), the book is rendered again with those.
        ``{"unsupported": …}`` where this cannot be done (the client makes two passes)."""
        from copy import deepcopy

        from .pdf_index import index_rest, split_after, wanted_ids
        cut = split_after(Path(job["fo"]).read_bytes(), job["index_after"])
        if cut is None:
            return {"unsupported": "no page lists after the page sequence " + job["index_after"]}
        head, rest, end = cut
        wanted, known = wanted_ids(rest), None
        for passes in (1, 2):
            fop, out = self._fop(job)
            tracker = self.tracker(fop)
            if tracker is None:
                out.close()
                return {"unsupported": "FOP's record of ids is out of reach"}
            used: dict = {}

            def more(tracker=tracker, used=used, known=known):
                used.update(known or self.found(tracker, wanted))
                return index_rest(deepcopy(rest), {k: tuple(v) for k, v in used.items()}, end)
            try:
                self._parse(fop, self._source([lambda: head, more], job["fo"]))
            finally:
                out.close()
            final = self.found(tracker, wanted)
            if used == final:
                break
            known = final
        return {"pages": used, "passes": passes}

    def _source(self, parts: list, system_id: str):
        """An InputSource whose bytes are those *parts* (callables) give, each called only when
        the parser has read all before it."""
        source = self.J("org.xml.sax.InputSource")(self.J("java.io.SequenceInputStream")(self.parts(parts)))
        source.setSystemId(Path(system_id).resolve().as_uri())
        return source

    def tracker(self, fop):
        """FOP's record of where ids are laid out (the area tree handler's IDTracker, behind the
        handler that makes a tagged PDF's structure tree), or None."""
        J = self.J
        handler = fop.getDefaultHandler().getEventHandler()
        delegating = J("org.apache.fop.fo.DelegatingFOEventHandler")
        try:
            while isinstance(handler, delegating):
                field = delegating.class_.getDeclaredField("delegate")
                field.setAccessible(True)
                handler = field.get(handler)
            return handler.getIDTracker()
        except Exception:                        # another FOP: no such field or method
            return None

    def found(self, tracker, ids: list[str]) -> dict[str, list]:
        """id -> [page number, page label] of the first page each of *ids* is laid out on."""
        found = {}
        for ident in ids:
            viewports = tracker.getPageViewportsContainingID(ident)
            if viewports is not None and not viewports.isEmpty():
                page = viewports.get(0)
                found[ident] = [int(page.getPageNumber()), str(page.getPageNumberString())]
        return found

    def pages(self, fop, ids: list[str]) -> dict[str, list]:
        """id -> [page number, page label] of the first page the layout put each of *ids* on
        (FOP's own record of where ids are: the area tree's pageViewport nr and formatted-nr)."""
        return self.found(self.tracker(fop), ids)

    def job(self, job: dict) -> dict:
        """Run one job with System.err captured: FOP's log as the command would print it."""
        J = self.J
        buffer = J("java.io.ByteArrayOutputStream")()
        system = J("java.lang.System")
        saved = system.err
        system.setErr(J("java.io.PrintStream")(buffer, True, "UTF-8"))
        started, ok, fields = time.monotonic(), True, {}
        try:
            fields = self.render(job)
        except Exception as exc:                      # a Java exception: logged as fop does
            ok = False
            cause = exc if isinstance(exc, J("java.lang.Exception")) else J("java.lang.Exception")(str(exc))
            J("org.apache.commons.logging.LogFactory").getLog("FOP").error(
                "Exception", J("org.apache.fop.apps.FOPException")(cause))
        finally:
            system.err.flush()
            system.setErr(saved)
        answer = {"ok": ok, "output": str(buffer.toString("UTF-8")),
                  "seconds": round(time.monotonic() - started, 3)}
        answer.update(fields)
        return answer


def main(argv: list[str]) -> int:
    from .child import adopted

    adopted()
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)                  # whatever Java or a library prints goes to the log
    started = time.monotonic()
    try:
        settings = json.loads(argv[0])
        import jpype

        jpype.startJVM(*settings.get("flags", []), *PROPERTIES, classpath=settings["classpath"],
                       convertStrings=False)
        worker = Worker(jpype)
    except Exception as exc:      # no JPype, no JVM, FOP's jars missing: one line for the client
        answers.write(json.dumps({"ready": False, "error": f"{type(exc).__name__}: {exc}".strip()}) + "\n")
        return 1
    answers.write(json.dumps({"ready": True, "pid": os.getpid(),
                              "seconds": round(time.monotonic() - started, 3)}) + "\n")
    warming: Warmer | None = None
    for line in sys.stdin:
        if line.strip():
            request = json.loads(line)
            if warming is not None:             # a request came: the warm-up ends
                answers.write(json.dumps(warming.stop()) + "\n")
                warming = None
            if "warm" in request:
                warming = Warmer(worker, request["warm"], request.get("eager", 0))
            else:
                answers.write(json.dumps(worker.job(request)) + "\n")
    if warming is not None:
        answers.write(json.dumps(warming.stop()) + "\n")
    return 0


class Warmer(threading.Thread):
    """Warm-up jobs run one after another until the next request comes; that request waits for
    the job in progress only. The first *eager* jobs (a small document: FOP's classes loaded) run
    at the thread's priority, the rest at the lowest (SCHED_IDLE: a core only when nothing else
    wants it, so the build's conversion is not slowed; a real job never waits long for them)."""

    def __init__(self, worker: Worker, jobs: list[dict], eager: int = 0):
        super().__init__(daemon=True)
        self.worker, self.jobs, self.eager, self.done = worker, jobs, eager, 0
        self.stopping = threading.Event()
        self.start()

    def run(self) -> None:
        J = self.worker.J
        J("java.lang.Thread").currentThread().setContextClassLoader(
            J("java.lang.ClassLoader").getSystemClassLoader())
        for n, job in enumerate(self.jobs):
            if self.stopping.is_set():
                break
            if n == self.eager:
                try:
                    os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
                except (AttributeError, OSError):
                    pass                        # not Linux: a thread like the others
            try:
                self.worker.render(job)
            except Exception:                   # a warm-up that fails warms nothing more
                break
            self.done += 1

    def stop(self) -> dict:
        self.stopping.set()
        self.join()
        return {"ok": True, "warmed": self.done}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
