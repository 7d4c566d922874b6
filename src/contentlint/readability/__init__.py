"""contentlint's readability engine for English and US-Spanish prose.

Public API::

    ProseUnit(text, line, kind)            # one paragraph / list item / table cell / heading / quote
    strip_markdown_inline(text) -> str     # inline Markdown -> plain prose for counting
    score_units(units, lang, *, include_headings=False) -> DocumentScore
    DocumentScore, SentenceScore           # results (frozen dataclasses)

contentlint owns the counting and the formulas: textstat is never imported here
(since 0.7.10 it downloads NLTK data at first English use), nothing touches the
network, and importing this package loads no data: the English syllable table
(derived from CMUdict, BSD-style licence) is read on the first English score.

Counting choices (see the module docstrings for details):

* words: letter runs with internal apostrophes/hyphens, abbreviations, figures and
  the symbols ``&``/``§``, each one word (Flesch's rules);
* sentences: :mod:`.segment` (abbreviations, decimals, ellipses, ``¿…?``/``¡…!``);
  every unit ends a sentence; one- and two-word sentences count;
* syllables: Spanish by the rule-based syllabifier :mod:`.syllables_es`; English by
  the CMUdict table, then a tested rule-based fallback (:mod:`.syllables_en`);
  acronyms as spoken letter names with small exception tables (:mod:`.tokens`);
  **figures as spoken** (``504`` = five-oh-four = 3, :mod:`.numbers`);
* formulas and bands: :mod:`.metrics` (Fernández Huerta in its corrected form).
"""

from __future__ import annotations

from .model import DocumentScore, ProseUnit, SentenceScore
from .scoring import score_units
from .text import strip_markdown_inline

__all__ = [
    "DocumentScore",
    "ProseUnit",
    "SentenceScore",
    "score_units",
    "strip_markdown_inline",
]
