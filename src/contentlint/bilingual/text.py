"""Text helpers shared by the sync checks: normalization, words, accents.

Everything here works on text that the Markdown parser already rendered
(``Block.plain``), never on raw Markdown, so emphasis markers, list markers,
link styles and line wrapping are gone before any comparison.
"""

from __future__ import annotations

import re
import unicodedata

_WS_RE = re.compile(r"\s+")
# Typographic variants an editor may swap in without changing the words.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200b": "",
    }
)
# Acute, grave and diaeresis are dropped for accent-insensitive matching; the
# tilde stays, because "año" and "ano" are different words.
_TYPOGRAPHY_RE = re.compile("[" + "".join(chr(c) for c in _TYPOGRAPHY) + "]")
_DROPPED_MARKS = frozenset({"\u0301", "\u0300", "\u0308"})


def normalize(text: str) -> str:
    """NFC, typographic quotes and spaces unified, whitespace collapsed."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if _TYPOGRAPHY_RE.search(text):
            text = text.translate(_TYPOGRAPHY)
    return " ".join(text.split())


def strip_accents(text: str) -> str:
    """``evaluación`` -> ``evaluacion``; ``ñ`` is kept."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _DROPPED_MARKS))


def snippet(text: str, max_words: int = 8) -> str:
    """The first words of ``text``, with an ellipsis when cut."""
    parts = text.split()
    if len(parts) <= max_words:
        return " ".join(parts)
    return " ".join(parts[:max_words]) + " …"
