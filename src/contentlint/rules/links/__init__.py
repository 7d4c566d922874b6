"""LK rules: links between guides (offline, LK0) and to the web (network, LK1)."""

RULES: tuple[type, ...] = ()
