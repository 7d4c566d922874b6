"""RD rules: readability of each guide, in English and in Spanish."""

RULES: tuple[type, ...] = ()
