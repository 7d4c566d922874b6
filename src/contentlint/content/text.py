"""Accent folding and word matching: the one place contentlint folds text.

Spanish matching must not depend on accents a writer may drop ("evaluacion",
"publico"), but "año" and "ano" are different words, so the tilde of ñ is kept
unless a caller asks otherwise (URL anchors, which many sites write without it).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def strip_accents(text: str, *, keep_tilde: bool = True) -> str:
    """``evaluación`` -> ``evaluacion``; ``ñ`` is kept unless ``keep_tilde=False``."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    if keep_tilde and "\u0303" in decomposed:
        decomposed = decomposed.replace("n\u0303", "\x00").replace("N\u0303", "\x01")
        stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
        stripped = stripped.replace("\x00", "ñ").replace("\x01", "Ñ")
    else:
        stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case without accents (ñ kept), spaces collapsed."""
    return re.sub(r"\s+", " ", strip_accents(text.lower())).strip()


@lru_cache(maxsize=1024)
def word_pattern(phrase: str) -> re.Pattern[str]:
    """A regex matching ``phrase`` as whole words in folded text."""
    return re.compile(r"(?<!\w)" + re.escape(fold(phrase)) + r"(?!\w)")
