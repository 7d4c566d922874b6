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
_TYPOGRAPHY_RE = re.compile("[" + "".join(chr(c) for c in _TYPOGRAPHY) + "]")


def normalize(text: str) -> str:
    """NFC, typographic quotes and spaces unified, whitespace collapsed."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if _TYPOGRAPHY_RE.search(text):
            text = text.translate(_TYPOGRAPHY)
    return " ".join(text.split())


def snippet(text: str, max_words: int = 8) -> str:
    """The first words of ``text``, with an ellipsis when cut."""
    parts = text.split()
    if len(parts) <= max_words:
        return " ".join(parts)
    return " ".join(parts[:max_words]) + " …"
