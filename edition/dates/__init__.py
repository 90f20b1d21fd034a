"""Dates: find calendar expressions in running text and normalise them to ISO 8601.

- :mod:`.patterns`  the tables: month names, seasons, qualifiers, feast days,
  ordinals, the expression patterns and the contexts that rule a number out;
- :mod:`.calendars` day arithmetic: month lengths, Julian -> Gregorian;
- :mod:`.normalise` the pure function ``normalise(text, context_year)`` -> value;
- :mod:`.find`      scanning a block's text for date spans (with the year context).

The markup pass itself is :mod:`edition.passes.dates`.
"""
