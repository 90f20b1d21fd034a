"""The catalogue of hostile inputs: every case in tests/hostile/ through the real command line.

A case is a file ``tests/hostile/CASE.txt``, ``CASE.xml`` or ``CASE.toml`` (and
any helper files it needs) with a sidecar ``CASE.expect.json``::

    {
      "command": "convert" | "validate" | "build",
      "exit": 2,                          # the exit code the command must give
      "message": "regex",                 # the one error line must match it (re.search)
      "input": "CASE.xml",                # the case's file (default: the CASE.* beside the json)
      "files": ["helper.dtd"],            # optional: helper files copied beside the input
      "args": ["--no-pdf"],               # optional: arguments after the input
      "argv": ["build", "-o", "source"],  # optional: the whole command line instead
      "forbidden": ["MARKER"],            # optional: strings no file written by the run may hold
      "http": true                        # optional: a loopback HTTP server that must get no request
    }

The runner copies the case into a fresh edition (the bundled edition.toml,
schema, stylesheets and register, and a short text ``source/short.txt``): a
.txt or .xml input goes to ``source/``; a .toml input *is* the edition.toml
(a configuration case) and the command then runs on the short text. In every
copied text file ``@@DIR@@`` becomes the folder the case was copied to
(``source/``, for ``file:///`` URLs), ``@@ROOT@@`` the edition folder and
``@@PORT@@`` the port of the loopback server. The command runs from the
edition folder as ``edition COMMAND source/INPUT ARGS``; for a .toml case as
``edition build ARGS`` or ``edition convert source/short.txt ARGS``.

Asserted: the exit code; exactly one line holding ``: error: `` (or starting
with ``error:``), matching the regex; no "Traceback" in the output and no
uncaught exception; no file created or changed by the run holds a forbidden
string (the case's own, plus the lines of /etc/passwd's first entry when the
case names /etc/passwd); with ``http``, the server got no request.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.cli import cli

from loopback import REPLY, LoopbackServer

HOSTILE = Path(__file__).resolve().parent / "hostile"
REPO = Path(__file__).resolve().parents[1]
SHORT_TEXT = ("ada lovelace wrote to charles babbage from london in 1843.\n\n== notes ==\n\n"
              "the analytical engine was never built.\n")
TEXT_SUFFIXES = {".txt", ".xml", ".toml", ".dtd", ".ent", ".xsl", ".json", ".rng", ".sch"}
ERROR_LINE = re.compile(r"(^|: )error: ")


def cases() -> list[Path]:
    return sorted(HOSTILE.glob("*.expect.json"))


def load_case(path: Path) -> dict:
    spec = json.loads(path.read_text(encoding="utf-8"))
    name = path.name[: -len(".expect.json")]
    if "input" not in spec:
        found = [p for p in HOSTILE.glob(f"{name}.*") if not p.name.endswith(".expect.json")]
        assert len(found) == 1, f"{path}: name the input file ('input'), found {found}"
        spec["input"] = found[0].name
    for key in ("command", "exit", "message"):
        assert key in spec, f"{path}: '{key}' missing"
    assert spec["command"] in {"convert", "validate", "build"}, path
    return spec


def make_edition(root: Path, toml: Path | None = None) -> None:
    """A fresh edition in *root*: bundled configuration (or *toml*), schema, stylesheets, register."""
    shutil.copy(toml or REPO / "edition.toml", root / "edition.toml")
    for folder in ("schema", "xslt"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "source").mkdir()
    shutil.copy(REPO / "source" / "register.xml", root / "source")
    (root / "source" / "short.txt").write_text(SHORT_TEXT, encoding="utf-8")


def copy_case_file(src: Path, dst: Path, subst: dict[str, str]) -> None:
    data = src.read_bytes()
    if src.suffix in TEXT_SUFFIXES:
        for key, value in subst.items():
            for codec in ("utf-8", "utf-16-le", "utf-16-be"):
                data = data.replace(key.encode(codec), value.encode(codec))
    dst.write_bytes(data)


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def written_by_run(before: dict[Path, bytes], root: Path) -> dict[Path, bytes]:
    after = snapshot(root)
    return {p: data for p, data in after.items() if before.get(p) != data}


def forbidden_strings(spec: dict, case_text: bytes) -> list[str]:
    markers = list(spec.get("forbidden", []))
    if b"/etc/passwd" in case_text or "/etc/passwd".encode("utf-16-le") in case_text:
        passwd = Path("/etc/passwd")
        if passwd.is_file():
            first = passwd.read_text(errors="replace").splitlines()[:1]
            markers += [line for line in first if line.strip()]
    if spec.get("http"):
        markers.append(REPLY)
    return markers


def command_line(spec: dict, is_config: bool) -> list[str]:
    if "argv" in spec:
        return list(spec["argv"])
    argv = [spec["command"]]
    if not is_config:
        argv.append(f"source/{spec['input']}")
    elif spec["command"] != "build":
        argv.append("source/short.txt")
    return argv + list(spec.get("args", []))


def run_case(spec: dict, root: Path, monkeypatch, port: int | None) -> tuple[object, dict[Path, bytes]]:
    source_file = HOSTILE / spec["input"]
    is_config = source_file.suffix == ".toml"
    subst = {"@@DIR@@": str(root / "source"), "@@ROOT@@": str(root), "@@PORT@@": str(port or 9)}
    if is_config:
        tmp_toml = root.parent / "case.toml"
        copy_case_file(source_file, tmp_toml, subst)
        make_edition(root, tmp_toml)
    else:
        make_edition(root)
        copy_case_file(source_file, root / "source" / spec["input"], subst)
    for helper in spec.get("files", []):
        copy_case_file(HOSTILE / helper, root / "source" / helper, subst)
    before = snapshot(root)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, command_line(spec, is_config), catch_exceptions=True)
    return result, written_by_run(before, root)


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.name[: -len(".expect.json")])
def test_hostile_case(case, tmp_path, monkeypatch):
    spec = load_case(case)
    root = tmp_path / "edition"
    root.mkdir()
    server = LoopbackServer() if spec.get("http") else None
    if server:
        with server:
            result, written = run_case(spec, root, monkeypatch, server.port)
        assert server.requests == [], f"the loopback server was asked for {server.requests}"
    else:
        result, written = run_case(spec, root, monkeypatch, None)
    output = result.output
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == spec["exit"], output
    errors = [line for line in output.splitlines() if ERROR_LINE.search(line)]
    assert len(errors) == 1, f"expected one error line, got:\n{output}"
    assert re.search(spec["message"], errors[0]), f"{errors[0]!r} does not match {spec['message']!r}"
    case_text = (HOSTILE / spec["input"]).read_bytes()
    for marker in forbidden_strings(spec, case_text):
        for path, data in written.items():
            for codec in ("utf-8", "utf-16-le", "utf-16-be"):
                assert marker.encode(codec) not in data, f"{path} holds {marker!r}"


def test_catalogue_is_not_empty():
    assert cases(), f"no cases in {HOSTILE}"


def test_every_case_file_has_its_sidecar():
    """A hostile input without a .expect.json would silently never run."""
    named = {load_case(c)["input"] for c in cases()}
    helpers = {h for c in cases() for h in load_case(c).get("files", [])}
    inputs = {p.name for p in HOSTILE.iterdir()
              if p.is_file() and not p.name.endswith(".expect.json") and p.name != "README.md"}
    assert inputs <= named | helpers, f"files without a case: {sorted(inputs - named - helpers)}"
