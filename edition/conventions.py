"""Conventions of the plain-text source and of machine markup that several modules share.

* :data:`HEADING` -- a wiki heading line (``== x ==`` .. ``====== x ======``);
  the reader makes it a ``div`` with a ``head``, and :func:`edition.spans.same_text`
  drops its ``=`` marks when it compares a source with its TEI.
* :data:`DEFAULT_LIST_SECTIONS` -- the headings (lowercase) of sections whose lines
  are list items, unless ``edition.toml`` names others (``[structure] list_sections``).
* The ``@resp`` pointers of machine markup live in :mod:`edition.resp`.

This module imports nothing of the package, so every other module may import it
(config, reader and spans do; before it existed they imported one another).
"""

from __future__ import annotations

import re

HEADING = re.compile(r"^\s*(={2,6})\s*(.*?)\s*\1\s*$")
#: sections whose lines are list items, by heading (lower case)
DEFAULT_LIST_SECTIONS = ("see also", "external links", "works", "further reading", "bibliography",
                         "selected works", "publications", "sources")
