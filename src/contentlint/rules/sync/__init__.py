"""PR rules: an English guide and its Spanish translation stay in sync."""

RULES: tuple[type, ...] = ()
