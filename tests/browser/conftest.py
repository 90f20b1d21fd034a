"""The HTML edition in a real browser: Debian's headless Chromium driven by Playwright.

The bundled edition is built once per session by a whole ``edition build``
process (with its search index) into a temporary folder, served by a loopback
HTTP server in a thread (port 0), and opened in /usr/bin/chromium (Playwright's
own browsers are never downloaded). Every page records its console errors,
uncaught exceptions and each request to another origin (no other host resolves:
the page must need nothing but its own folder). A screenshot of each test's page is kept in
tests/browser/artifacts/ (gitignored).

Without /usr/bin/chromium or the Playwright package every test here skips, saying
why (``bash scripts/setup.sh test`` installs both).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("EDITION_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
BUNDLED = "leon-trotsky"


def _edition_command() -> list[str]:
    script = Path(sys.executable).parent / "edition"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from edition.cli import main; main()"]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the build folder; records every path asked for; an empty icon (the pages name none)."""

    def do_GET(self):
        self.server.paths.append(self.path)
        if self.path == "/favicon.ico":         # browsers ask for it; a static host may have none
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@dataclass
class Site:
    folder: Path
    origin: str
    paths: list[str]
    build_seconds: float
    build_log: str

    def url(self, name: str = BUNDLED) -> str:
        return f"{self.origin}/{name}.html"


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (bash scripts/setup.sh test does)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("the playwright package is absent: pip install -e '.[test]' (scripts/setup.sh does)")
    return CHROMIUM


@pytest.fixture(scope="session")
def site(chromium, tmp_path_factory) -> Site:
    import time
    out = tmp_path_factory.mktemp("browser-build")
    started = time.monotonic()
    done = subprocess.run([*_edition_command(), "build", "-o", str(out), "--no-pdf"], cwd=REPO,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=900)
    seconds = time.monotonic() - started
    errors = [line for line in done.stderr.splitlines() if ": error:" in line or "Traceback" in line]
    assert (out / f"{BUNDLED}.html").is_file(), "edition build wrote no HTML:\n" + "\n".join(errors[:10])
    handler = functools.partial(_Handler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.paths = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield Site(out, f"http://127.0.0.1:{server.server_address[1]}", server.paths, seconds, done.stderr)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import expect, sync_playwright
    expect.set_options(timeout=15_000)      # two cores shared with a build: the first search loads WebAssembly
    with sync_playwright() as pw:
        # --no-sandbox: CI and these sessions run as root, where Chromium's sandbox cannot start;
        # no host but the loopback one resolves
        launched = pw.chromium.launch(executable_path=str(chromium), headless=True,
                                      args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"])
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Watch:
    """What a page did that it should not: console errors, exceptions, requests elsewhere."""
    origin: str
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def watched(browser, site, request):
    """A fresh page of the browser, watched (see :class:`Watch`); screenshot kept at the end."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    watch = Watch(site.origin)
    own = (site.origin + "/", "data:", "blob:")

    def record(r):
        watch.requests.append(r.url)
        if not r.url.startswith(own):
            watch.foreign.append(r.url)

    # every request is recorded (the page's and its workers'); other hosts are not reached
    # anyway (see the browser's --host-resolver-rules). No route handler: one runs in this
    # process and would hold the page's requests while a test waits in expect().
    context.on("request", record)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and watch.errors.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: watch.errors.append(f"exception: {e}"))
    page.set_default_timeout(10_000)
    try:
        yield page, watch
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / f"{request.node.name}.png"
        try:
            page.screenshot(path=str(shot))
        except Exception:           # a page that failed to load still lets the test report why
            pass
        context.close()


@pytest.fixture
def artifacts() -> Path:
    """The folder of the screenshots (tests/browser/artifacts/, gitignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def pytest_terminal_summary(terminalreporter):
    shots = sorted(ARTIFACTS.glob("*.png")) if ARTIFACTS.is_dir() else []
    if shots:
        terminalreporter.write_line(f"browser screenshots: {ARTIFACTS}/ ({len(shots)} files)")


@pytest.fixture(scope="session", autouse=True)
def _fresh_artifacts():
    if ARTIFACTS.is_dir():
        shutil.rmtree(ARTIFACTS, ignore_errors=True)
    yield
