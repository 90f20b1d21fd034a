"""Finding quotations in running text: cue tables, quotation-mark pairing, decisions.

The modules here are plain functions over strings; the reader (block quotations
after a colon line, paragraphs in the first person) and the quotes pass (inline
quotations, quotations after a colon inside a paragraph, attribution) use them.
"""
