"""Sentence alignment inside an aligned block pair.

The blocks of a pair are aligned already (:mod:`contentlint.bilingual.align`);
inside a block pair, each side is split with the readability engine's segmenter
(:func:`contentlint.readability.segment.split_sentences`, which knows citations,
abbreviations and ``¿``/``¡``) and the sentences are paired by a small dynamic
program over their lengths (Gale and Church's idea): one English sentence to one
Spanish sentence, to two (a split), two to one (a merge), or to none. A group
with nothing on one side is left out: a missing sentence is not a meaning
difference the MP rules can name, and the block rules report missing text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from contentlint.readability.segment import split_sentences

# Spanish runs about 15 % longer than the English it translates.
_ES_RATIO = 1.15
# Costs of the moves besides one-to-one (in units of log length ratio).
_MERGE_COST = 0.45
_SKIP_COST = 2.5
_MOVES = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))
# Length ratios (Spanish over English, after the usual expansion) a translation
# stays within; outside them the pair is not compared (see ``plausible``).
_MIN_RATIO = 0.6
_MAX_RATIO = 1.7


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block: its offset in the block's text and its text."""

    offset: int
    text: str


@dataclass(frozen=True)
class SentencePair:
    """English sentences and the Spanish sentences that translate them."""

    en: tuple[Sentence, ...]
    es: tuple[Sentence, ...]

    @property
    def en_text(self) -> str:
        """The English side as one text."""
        return " ".join(s.text for s in self.en)

    @property
    def es_text(self) -> str:
        """The Spanish side as one text."""
        return " ".join(s.text for s in self.es)


def sentences(text: str, lang: str) -> list[Sentence]:
    """The sentences of one block's text (pieces without a letter are left out)."""
    return [Sentence(offset, piece) for offset, piece in split_sentences(text, lang) if _has_letter(piece)]


def _has_letter(text: str) -> bool:
    """Whether ``text`` has a letter (``str.isalpha``), found by a pattern in C: a piece
    can be a megabyte of digits. The pattern also takes numerals such as "½", which
    are checked again."""
    found = _LETTER_OR_NUMERAL.search(text)
    while found is not None and not found.group().isalpha():
        found = _LETTER_OR_NUMERAL.search(text, found.end())
    return found is not None


_LETTER_OR_NUMERAL = re.compile(r"[^\W\d_]")


def _cost(en: list[Sentence], es: list[Sentence]) -> float:
    if not en or not es:
        return _SKIP_COST
    en_len = sum(len(s.text) for s in en) * _ES_RATIO + 10
    es_len = sum(len(s.text) for s in es) + 10
    merge = _MERGE_COST if len(en) + len(es) > 2 else 0.0
    return abs(math.log(es_len / en_len)) + merge


def plausible(pair: SentencePair) -> bool:
    """A pair whose lengths could be a translation: a pair far outside the usual
    ratio is more likely a misalignment (or a rewrite) than a meaning difference."""
    en_len = len(pair.en_text) * _ES_RATIO + 10
    es_len = len(pair.es_text) + 10
    return _MIN_RATIO <= es_len / en_len <= _MAX_RATIO


def align_sentences(en_text: str, es_text: str) -> list[SentencePair]:
    """The sentence pairs of one block pair (groups with an empty side left out)."""
    en = sentences(en_text, "en")
    es = sentences(es_text, "es")
    if not en or not es:
        return []
    if len(en) == len(es) and all(_cost([a], [b]) < _MERGE_COST for a, b in zip(en, es, strict=True)):
        # The usual case: as many sentences on each side, each of a fitting length.
        return [SentencePair((a,), (b,)) for a, b in zip(en, es, strict=True)]
    n, m = len(en), len(es)
    best: list[list[float]] = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == math.inf:
                continue
            for di, dj in _MOVES:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                cost = here + _cost(en[i:ni], es[j:nj])
                if cost < best[ni][nj]:
                    best[ni][nj] = cost
                    back[ni][nj] = (di, dj)
    pairs: list[SentencePair] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        if di and dj:
            pairs.append(SentencePair(tuple(en[i - di : i]), tuple(es[j - dj : j])))
        i, j = i - di, j - dj
    pairs.reverse()
    return pairs
