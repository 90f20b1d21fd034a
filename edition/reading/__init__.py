"""The reading text: what a regularised view of a damaged text changes, and the views.

A source that lost its capitals and its non-ASCII letters ("ramn mercader in
coyoacn (18791895)") keeps its diplomatic text exactly; the regularisation pass
(:mod:`edition.passes.regularise`) records beside it what the reading text reads:

    <persName ref="#ramon-mercader"><choice><orig>ramn mercader</orig>
      <reg type="letters" resp="#edition-reading" cert="high">Ramón Mercader</reg></choice></persName>

Modules:

* :mod:`.damage` -- what a damaged text lost, and whether a document is one;
* :mod:`.forms` -- the display form of a name (register, general resources, rules);
* :mod:`.rules` -- lost dashes, lost text (gaps), glued sentences, accented words;
* :mod:`.edits` -- the changes of one block, from the rules, the names and the truecaser;
* :mod:`.encode` -- the changes as TEI (``choice``/``orig``/``reg``, ``gap``);
* :mod:`.views` -- the plain text of the reading or the diplomatic view.
"""
