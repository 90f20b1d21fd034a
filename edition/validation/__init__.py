"""The parts of `edition validate`: the grammar (RELAX NG), the rules (Schematron),
positions in the source, hints, and the diagnostics they produce.

The entry point is :class:`edition.validate.Validator`.
"""
