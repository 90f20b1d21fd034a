"""Markup passes: each takes the TEI tree and a Context and adds markup.

A pass never removes or changes characters of the text; it only wraps spans
(see :mod:`edition.spans`). Machine-made markup carries ``@resp`` pointing to
a ``respStmt`` of the header and ``@cert`` saying how sure the pass is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import lexicon as lexicon_mod
from ..register import Register, empty


@dataclass
class Context:
    register: Register = field(default_factory=empty)
    language: str = "en"
    #: the edition's lexicon: words and names only its texts need (see edition.lexicon)
    lexicon: lexicon_mod.Lexicon = field(default_factory=lexicon_mod.empty)
    #: whether the names pass asks the trained recogniser too (False: the register and the rules only)
    model: bool = True
    #: the truecaser's results for the blocks, made beside the conversion (``get(text)``:
    #: :class:`edition.truecase.beside.Answers`); None: the reading pass recases them itself
    truecased: object | None = None
    #: the recogniser's process beside the names pass (:class:`edition.ner.beside.Recogniser`,
    #: started for a long text with capitals); None: the names pass asks the model itself
    recogniser: object | None = None
