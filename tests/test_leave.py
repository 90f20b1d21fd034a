"""How an edition process ends (edition.leave): everything but the interpreter's teardown."""

from __future__ import annotations

import subprocess
import sys

from edition.leave import exit_status


def run_python(code: str, *args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL, cwd=cwd)


CONSOLE = "import sys\nfrom edition.cli import main\nsys.argv[0] = 'edition'\n"


def test_the_handlers_run_and_the_threads_are_waited_for(tmp_path):
    done, joined = tmp_path / "handler", tmp_path / "thread"
    code = (f"import atexit, threading, time\n"
            f"atexit.register(lambda: open({str(done)!r}, 'w').write('ran'))\n"
            f"threading.Thread(target=lambda: (time.sleep(0.3), open({str(joined)!r}, 'w').write('ran'))).start()\n"
            + CONSOLE + "main()\n")
    finished = run_python(code, "--help")
    assert finished.returncode == 0, finished.stderr
    assert done.read_text() == "ran" and joined.read_text() == "ran"


def test_what_a_command_prints_all_comes_out_and_its_status_is_kept(tmp_path):
    helped = run_python(CONSOLE + "main()\n", "--help")
    assert helped.returncode == 0
    # the same as click's own way out (standalone, through the interpreter's teardown)
    assert helped.stdout == run_python("from edition.cli import cli\ncli(prog_name='edition')\n", "--help").stdout
    missing = run_python(CONSOLE + "main()\n", "convert", str(tmp_path / "none.txt"), "-o",
                         str(tmp_path / "none.xml"))
    assert missing.returncode == 2
    assert missing.stderr.strip().endswith("none.txt: error: no such file"), missing.stderr
    unknown = run_python(CONSOLE + "main()\n", "no-such-command")
    assert unknown.returncode == 2 and "No such command" in unknown.stderr


def test_a_converted_text_is_written_whole(tmp_path):
    source = tmp_path / "letter.txt"
    source.write_text("Dear Anna, we reached Lima on 4 March 1822 with Captain Hall.\n" * 200)
    out = tmp_path / "letter.xml"
    done = run_python(CONSOLE + "main()\n", "convert", str(source), "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.rstrip().endswith("</TEI>") and text.count("Lima") >= 200


def test_a_pool_worker_finishes_then_skips_the_handlers_registered_before():
    code = ("import atexit\nfrom edition.leave import on_exit\n"
            "atexit.register(lambda: print('registered before'))\n"
            "on_exit(lambda: print('finish'))\n"
            "atexit.register(lambda: print('registered after'))\n")
    done = run_python(code)
    assert done.returncode == 0
    assert done.stdout.split("\n")[:2] == ["registered after", "finish"]
    assert "registered before" not in done.stdout


def test_exit_status_is_that_of_sys_exit(capsys):
    assert exit_status(None) == 0 and exit_status(3) == 3
    assert exit_status("stopped: no room") == 1
    assert capsys.readouterr().err.strip() == "stopped: no room"
