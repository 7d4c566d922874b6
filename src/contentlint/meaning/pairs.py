"""The meaning differences of a whole guide pair, sentence by sentence."""

from __future__ import annotations

from collections.abc import Iterator
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
        found.extend(SentenceDifference(en, es, pair, d) for pair, d in block_differences(en.text, es.text, lexicon))
    return found


def block_differences(en_text: str, es_text: str, lexicon: Lexicon) -> list[tuple[SentencePair, Difference]]:
    """The differences of one aligned block pair, memoized for the run by the two
    texts: guides repeat whole blocks (notes, warnings, steps), and the sentence
    alignment and comparison depend on nothing else."""
    key = (en_text, es_text)
    known: list[tuple[SentencePair, Difference]] | None = lexicon.blocks.get(key)
    if known is None:
        known = lexicon.blocks[key] = list(_compare_block(en_text, es_text, lexicon))
    return known


def _compare_block(en_text: str, es_text: str, lexicon: Lexicon) -> Iterator[tuple[SentencePair, Difference]]:
    for pair in align_sentences(en_text, es_text):
        if not plausible(pair):
            continue
        en_marks = marks(pair.en_text, "en", lexicon)
        es_marks = marks(pair.es_text, "es", lexicon)
        one_to_one = len(pair.en) == 1 and len(pair.es) == 1
        for difference in differences(en_marks, es_marks, lexicon, one_to_one):
            yield pair, difference
