"""Small text helpers shared by rules: accent folding and word matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case without accents (but ñ kept apart from n), spaces collapsed."""
    text = text.lower().replace("ñ", "\x00")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", stripped.replace("\x00", "ñ")).strip()


@lru_cache(maxsize=1024)
def word_pattern(phrase: str) -> re.Pattern[str]:
    """A regex matching ``phrase`` as whole words in folded text."""
    return re.compile(r"(?<!\w)" + re.escape(fold(phrase)) + r"(?!\w)")
