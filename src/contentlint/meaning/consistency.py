"""Translation consistency across the library: one English sentence, one Spanish sentence.

Each pair contributes a *sentence table* (:func:`sentence_table`): the one-to-one
sentence pairs of its aligned prose blocks (:mod:`.sentences`), each with a
comparison key for both sides and where the sentences are. The tables of every
pair are then grouped in two hash maps (:func:`inconsistencies`), by English key
and by Spanish key, so the work is linear in the number of sentences: no sentence
is ever compared with every other.

What makes two sentences "the same" (:func:`sentence_key`): NFC, typographic quotes
and spaces, case, white space, punctuation and accents are folded. Markup is gone
before (block text is the rendered text), so emphasis, link syntax and a
non-breaking space never make two renderings differ. Accents are folded because a
missing accent is a spelling matter the LQ rules report at its word; here it would
be the same finding twice, and a false "inconsistency" where the translators agree.
Numbers are *not* masked: two sentences with different numbers state different
facts, and grouping them would compare renderings of different things.

When one English sentence is grouped, a second fold of its Spanish renderings
(:func:`agreement_key`) treats gender and number agreement as the same rendering:
"Pídalo por escrito" (el informe) and "Pídala por escrito" (la evaluación) translate
"Ask for it in writing" correctly in different contexts, and only the context
decides. When one Spanish sentence is grouped (the other direction), it is grouped
by its own key, without that fold: "estas reuniones" and "las reuniones" are not one
Spanish sentence.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contentlint.meaning.sentences import SentencePair, plausible, sentences

if TYPE_CHECKING:
    from contentlint.bilingual.blocks import BlockInfo

# Sentences of fewer words are not compared: "Yes.", "Next steps", "Call the school."
# are phrases whose rendering the context decides.
MIN_WORDS = 4
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Articles, demonstratives and pronouns whose form is only agreement with a noun
# elsewhere, each mapped to one form of its own word ("estas" stays a demonstrative:
# "these meetings" and "the meetings" are different sentences).
_AGREEMENT_WORDS = {
    **dict.fromkeys(("el", "la", "los", "las", "lo"), "el"),
    **dict.fromkeys(("un", "una", "unos", "unas"), "un"),
    **dict.fromkeys(("este", "esta", "estos", "estas"), "este"),
    **dict.fromkeys(("ese", "esa", "esos", "esas"), "ese"),
    **dict.fromkeys(("aquel", "aquella", "aquellos", "aquellas"), "aquel"),
    **dict.fromkeys(("le", "les"), "le"),
    **dict.fromkeys(("su", "sus"), "su"),
}
_ENDING_RE = re.compile(r"(?<=\w\w)(?:os|as|o|a|es|s)$")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a sentence is: its guide (display path), its block's lines, and the first
    words to find it by (the sentence's line is found only when it is reported)."""

    path: str
    block_line: int
    block_end: int
    needle: str


@dataclass(frozen=True, slots=True)
class Rendering:
    """One English sentence and the Spanish sentence that translates it, in one pair."""

    en_key: str
    es_key: str
    es_agreement: str
    en_text: str
    es_text: str
    en_place: Place
    es_place: Place


# Combining marks (accents, tilde, diaeresis) once a text is decomposed.
_MARKS_RE = re.compile("[\u0300-\u036f]")


def _fold(text: str) -> str:
    folded = text.casefold()
    if folded.isascii():
        return folded
    return _MARKS_RE.sub("", unicodedata.normalize("NFKD", folded))


def sentence_words(text: str) -> list[str]:
    """The words of a sentence, folded (case and accents), punctuation left out."""
    return _WORD_RE.findall(_fold(text).replace("’", "'"))


def sentence_key(text: str) -> str:
    """What two renderings must share to be the same (see the module docstring)."""
    return " ".join(sentence_words(text))


def agreement_key(key: str) -> str:
    """A Spanish key with gender and number agreement folded (articles, pronouns,
    and the endings -o/-a/-os/-as/-es/-s of longer words)."""
    return " ".join(_AGREEMENT_WORDS.get(word) or _ENDING_RE.sub("", word) for word in key.split())


def _needle(text: str) -> str:
    return " ".join(text.split()[:4])


def sentence_table(prose: Iterable[tuple[BlockInfo, BlockInfo]], en_path: str, es_path: str) -> list[Rendering]:
    """The comparable sentence pairs of a pair's aligned prose blocks.

    Only blocks with as many sentences on each side, paired in order, each pair of a
    length a translation has (``plausible``): where the counts differ, a merge, a
    split or a shifted alignment could pair a sentence with its neighbour's
    translation, and a wrong pairing here would be a false "inconsistency" in
    someone else's text.
    """
    table: list[Rendering] = []
    for en, es in prose:
        en_sentences, es_sentences = sentences(en.text, "en"), sentences(es.text, "es")
        if len(en_sentences) != len(es_sentences):
            continue
        for en_sentence, es_sentence in zip(en_sentences, es_sentences, strict=True):
            en_text, es_text = en_sentence.text, es_sentence.text
            en_key, es_key = sentence_key(en_text), sentence_key(es_text)
            if len(en_key.split()) < MIN_WORDS or len(es_key.split()) < MIN_WORDS or en_key == es_key:
                continue  # too short to judge, or not translated (PR050's finding)
            if not plausible(SentencePair((en_sentence,), (es_sentence,))):
                continue
            table.append(Rendering(
                en_key, es_key, agreement_key(es_key), en_text, es_text,
                Place(en_path, en.block.line, en.block.end_line, _needle(en_text)),
                Place(es_path, es.block.line, es.block.end_line, _needle(es_text)),
            ))
    return table


# -- the compact form every run reads of every pair ------------------------------------------
# Per rendering, 64-bit digests of its English key, Spanish key and Spanish agreement key:
# what grouping needs. The texts and places (the full table) are read only for the pairs
# whose digests put them in a group with two variants (:func:`candidates`), so a run on one
# pair of a large library reads little of the others.
KeyRow = tuple[int, int, int]


def _digest(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def key_rows(table: Sequence[Rendering]) -> list[KeyRow]:
    """The digests of a table's keys (see :data:`KeyRow`)."""
    return [(_digest(r.en_key), _digest(r.es_key), _digest(r.es_agreement)) for r in table]


def key_rows_from_json(data: object) -> list[KeyRow] | None:
    """Stored key rows, or None when the row is not one (a miss, never an error)."""
    if not isinstance(data, list):
        return None
    rows: list[KeyRow] = []
    for row in data:
        if not (isinstance(row, list) and len(row) == 3
                and all(isinstance(v, int) and not isinstance(v, bool) for v in row)):
            return None
        rows.append((row[0], row[1], row[2]))
    return rows


def candidates(keys: Sequence[Sequence[KeyRow]]) -> list[int]:
    """Indexes of the pairs with a rendering in a group of two or more variants (by
    digest; the full tables confirm it with the keys themselves, so a digest collision
    costs a read, never a finding)."""
    by_en: dict[int, set[int]] = {}
    by_es: dict[int, set[int]] = {}
    for rows in keys:
        for en, es, agreement in rows:
            by_en.setdefault(en, set()).add(agreement)
            by_es.setdefault(es, set()).add(en)
    return [index for index, rows in enumerate(keys)
            if any(len(by_en[en]) > 1 or len(by_es[es]) > 1 for en, es, _agreement in rows)]


@dataclass(frozen=True)
class Inconsistency:
    """One reported place of a group of renderings that disagree.

    ``direction`` is "en" (one English sentence, several Spanish renderings) or "es"
    (one Spanish sentence for several English sentences); ``here`` the rendering at
    the reported place, ``usual`` the group's most common other variant, ``others``
    every other place of the group."""

    direction: str
    here: Rendering
    usual: Rendering
    variants: int
    others: tuple[Rendering, ...]


def inconsistencies(tables: Sequence[Sequence[Rendering]]) -> list[Inconsistency]:
    """Both directions over every pair's table (see the module docstring)."""
    by_en: dict[str, list[Rendering]] = {}
    by_es: dict[str, list[Rendering]] = {}
    for table in tables:
        for rendering in table:
            by_en.setdefault(rendering.en_key, []).append(rendering)
            by_es.setdefault(rendering.es_key, []).append(rendering)
    found: list[Inconsistency] = []
    for group in by_en.values():
        if len(group) > 1:
            found += _disagreements("en", group, lambda r: r.es_agreement)
    for group in by_es.values():
        if len(group) > 1:
            found += _disagreements("es", group, lambda r: r.en_key)
    return found


def _disagreements(direction: str, group: list[Rendering], variant_of: _Variant) -> list[Inconsistency]:
    """The places of a group that differ from its most common variant (every place on a tie)."""
    variants: dict[str, list[Rendering]] = {}
    for rendering in group:
        variants.setdefault(variant_of(rendering), []).append(rendering)
    if len(variants) < 2:
        return []
    ranked = sorted(variants.values(), key=lambda places: -len(places))
    tie = len(ranked[0]) == len(ranked[1])
    found = []
    for places in ranked if tie else ranked[1:]:
        usual = next(p for p in ranked if p is not places)[0]
        for here in places:
            others = tuple(r for r in group if r is not here)
            found.append(Inconsistency(direction, here, usual, len(variants), others))
    return found


if TYPE_CHECKING:
    from collections.abc import Callable

    _Variant = Callable[[Rendering], str]


# -- stored form ---------------------------------------------------------------------------
def table_to_json(table: Sequence[Rendering]) -> list[list[object]]:
    """A table as plain JSON lists (the keys too: folding is the larger part of building it)."""
    return [[r.en_key, r.es_key, r.es_agreement, r.en_text, r.es_text, *_place_json(r.en_place),
             *_place_json(r.es_place)] for r in table]


def _place_json(place: Place) -> list[object]:
    return [place.path, place.block_line, place.block_end]


_TEXTS = slice(0, 6)
_LINES = (6, 7, 9, 10)


def table_from_json(data: object) -> list[Rendering] | None:
    """A stored table, or None when the row is not one (a miss, never an error)."""
    if not isinstance(data, list):
        return None
    table = []
    for row in data:
        if not (isinstance(row, list) and len(row) == 11 and all(isinstance(v, str) for v in row[_TEXTS])
                and isinstance(row[8], str)
                and all(isinstance(row[i], int) and not isinstance(row[i], bool) for i in _LINES)):
            return None
        en_key, es_key, es_agreement, en_text, es_text, en_path, en_line, en_end, es_path, es_line, es_end = row
        table.append(Rendering(
            en_key, es_key, es_agreement, en_text, es_text,
            Place(en_path, en_line, en_end, _needle(en_text)), Place(es_path, es_line, es_end, _needle(es_text)),
        ))
    return table
