"""A helper process dies with the process that started it (edition.child), however it was started."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")

SLEEPER = "from edition.child import adopted; adopted(); import time; time.sleep(120)"
PARENT = """
import subprocess, sys, time
from edition import child
proc = child.start([sys.executable, "-c", {sleeper!r}], ours={ours}, stdin=subprocess.DEVNULL)
print(proc.pid, flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("ours", [True, False], ids=["the child asks the kernel", "asked between fork and exec"])
def test_a_helper_dies_with_a_killed_parent(ours):
    parent = subprocess.Popen([sys.executable, "-c", PARENT.format(sleeper=SLEEPER, ours=ours)],
                              stdout=subprocess.PIPE, text=True)
    try:
        pid = int(parent.stdout.readline())
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not os.path.exists(f"/proc/{pid}"):
            time.sleep(0.05)
        time.sleep(0.5)             # the child has had time to run adopted()
        assert _alive(pid)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(pid), "the helper outlived the process that started it"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


def test_a_child_whose_parent_is_already_gone_ends_at_once():
    env = {**os.environ, "EDITION_PARENT_PID": str(os.getpid() + 1_000_000)}   # not its parent
    done = subprocess.run([sys.executable, "-c", SLEEPER], env=env, timeout=60)
    assert done.returncode == 1


def test_a_child_started_otherwise_is_left_alone():
    env = {k: v for k, v in os.environ.items() if k != "EDITION_PARENT_PID"}
    done = subprocess.run([sys.executable, "-c", "from edition.child import adopted; adopted(); print('on')"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "on"


def test_helpers_are_killed_together_with_their_groups_then_reaped():
    """signal_groups kills every helper's group (a grandchild too) without waiting for one to be
    gone before the next; kill_group then reaps each."""
    from edition import child

    grand = "import subprocess, sys, time; p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)']); print(p.pid, flush=True); time.sleep(120)"
    procs = [child.start([sys.executable, "-c", grand], stdout=subprocess.PIPE, text=True) for _ in range(2)]
    grandchildren = [int(p.stdout.readline()) for p in procs]
    child.signal_groups(procs)
    child.signal_groups(procs)                  # again: a group already gone is no error
    for proc in procs:
        child.kill_group(proc)
        assert proc.returncode == -signal.SIGKILL
        proc.stdout.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(map(_alive, grandchildren)):
        time.sleep(0.05)
    assert not any(map(_alive, grandchildren))
