"""Markdown: one block type (:mod:`.blocks`), two parsers (:mod:`.rust`, :mod:`.python`),
one entry point (:func:`.parse.parse_blocks`)."""
