"""Finding quotations in running text: cue tables, quotation-mark pairing, decisions.

The modules here are plain functions over strings; the quotes pass (block
quotations after a colon line, paragraphs in the first person, inline quotations,
quotations after a colon inside a paragraph, attribution) uses them, and the
reader asks :func:`.voice.colon_line` whether a colon line introduces a list.
"""
