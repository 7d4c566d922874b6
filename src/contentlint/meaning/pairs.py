"""The meaning differences of a whole guide pair, sentence by sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from contentlint.meaning.compare import Difference, differences
from contentlint.meaning.markers import marks
from contentlint.meaning.sentences import SentencePair, align_sentences, plausible

if TYPE_CHECKING:
    from contentlint.bilingual.blocks import BlockInfo
    from contentlint.meaning.lexicon import Lexicon


@dataclass(frozen=True)
class SentenceDifference:
    """A difference found in one aligned sentence pair of an aligned block pair."""

    en_block: BlockInfo
    es_block: BlockInfo
    sentences: SentencePair
    difference: Difference


def pair_differences(prose: list[tuple[BlockInfo, BlockInfo]], lexicon: Lexicon) -> list[SentenceDifference]:
    """Every meaning difference of a pair's aligned prose blocks, in block order."""
    found: list[SentenceDifference] = []
    for en, es in prose:
        for pair in align_sentences(en.text, es.text):
            if not plausible(pair):
                continue
            en_marks = marks(pair.en_text, "en", lexicon)
            es_marks = marks(pair.es_text, "es", lexicon)
            one_to_one = len(pair.en) == 1 and len(pair.es) == 1
            found.extend(SentenceDifference(en, es, pair, d)
                         for d in differences(en_marks, es_marks, lexicon, one_to_one))
    return found
