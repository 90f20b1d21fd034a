"""What the FOP worker tests share: whether this machine has the worker, and a fresh worker."""

from __future__ import annotations

import pytest

from edition import fopclient
from edition.errors import EditionError


def fop_engine() -> str:
    """"worker", "command", or "none" (no fop at all)."""
    try:
        return fopclient.engine()[0]
    except EditionError:
        return "none"


#: for a module whose tests need Debian's fop and JPype
needs_worker = pytest.mark.skipif(fop_engine() != "worker",
                                  reason="needs Debian's fop and JPype (the FOP worker)")


@pytest.fixture
def fresh():
    """A new worker for the test (and none left behind by it)."""
    fopclient.close()
    yield
    fopclient.close()
