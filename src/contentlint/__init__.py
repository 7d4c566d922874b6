"""contentlint: a linter for a bilingual (English/Spanish) library of parent guides."""

__version__ = "0.1.0"
