"""The machine agents whose markup carries ``@resp``, and the pointers to them.

One table, :data:`MACHINE_RESP`: the header (:mod:`edition.header`) writes a
``respStmt`` and an ``application`` for every row, and each markup pass points
its ``@resp`` to its row through :func:`resp`. This module imports nothing of
the package, so every other module may import it.
"""

from __future__ import annotations

#: machine agents whose markup carries @resp: (xml:id, what it did)
MACHINE_RESP = (
    ("edition-structure", "conversion of the plain text into TEI structure"),
    ("edition-names", "automatic markup of persons, places and organizations, linked to the register"),
    ("edition-model", "statistical recognition of persons, places and organizations "
                      "(suggestions of a trained model, for review)"),
    ("edition-dates", "automatic markup and ISO 8601 normalisation of dates"),
    ("edition-quotes", "automatic markup of quotations"),
    ("edition-reading", "regularisation of the reading text (capitals, letters, dashes and spaces the "
                        "source lost; text it lost marked as gaps)"),
)


def resp(agent: str) -> str:
    """The @resp pointer of a machine agent of MACHINE_RESP: 'names' -> '#edition-names'."""
    rid = f"edition-{agent}"
    if rid not in dict(MACHINE_RESP):
        raise KeyError(f"no machine respStmt {rid!r} in the header")
    return "#" + rid
