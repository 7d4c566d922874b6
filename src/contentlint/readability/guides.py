"""The prose of a guide, scored once per run and shared by every RD rule.

``score_guide(doc, caches=...)`` turns the parsed body (``doc.blocks``) into prose
units and scores them with :mod:`contentlint.readability`; the run context keeps
each guide's result (``ctx.score``), so RD001-RD005 (and the report's views) pay
for one extraction and one scoring per guide and run. Below that, units are cached by their text: a paragraph that
appears in many guides (a disclaimer, a near-copy of a guide, the same guide at
a git ref) is scored once per run.

What is scored (the same for every rule, and for the baseline script):

* prose only: paragraphs, list items (each one a sentence unit), table cells (each
  one a unit; the header row counts as headings), block quotes. Front matter
  (title, description, cards), code, HTML blocks and comments, images and URLs
  are left out; link *text* is kept.
* headings are left out of the score unless ``include_headings``.
* **legal citations are left out**, like URLs: ``34 CFR 300.503(b)``,
  ``§300.503``, ``20 U.S.C. 1415(b)(3)``, ``34 CFR Part 300``, ranges and lists
  (``300.500-300.536``, ``300.503 and 300.504``), with their brackets when the
  citation is all that is in them. Read aloud, "thirty-four C-F-R three hundred
  point five oh three b" is about 14 syllables: one citation can add a grade to a
  short guide, and the writer cannot simplify it (the reader does not need to read
  it to follow the sentence).

Matched scales (:func:`english_scale_grade`): Spanish scores are mapped onto the
English Flesch-Kincaid grade scale with the two points where the library's targets
agree, INFLESZ 65 = grade 6 (target) and INFLESZ 55 = grade 8 (limit), i.e.
``grade = 6 + (65 - INFLESZ) / 5``. On the bundled translations this lands within
about one grade of the English grade (mean difference -0.4), while the engine's
Spanish ``grade`` (Crawford) is compressed (4.1-5.3 for English grades 3.6-7.4)
and hardly sees sentence length, so it is not used to compare languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from contentlint.facts.grammar import strip_legal_citations
from contentlint.readability import (
    DocumentScore,
    ProseUnit,
    SentenceScore,
    score_units,
    strip_markdown_inline,
)
from contentlint.readability.scoring import aggregate

if TYPE_CHECKING:
    from contentlint.content.documents import Document

__all__ = [
    "ScoringCaches",
    "aggregate",
    "english_scale_grade",
    "inflesz_for_grade",
    "prose_units",
    "score_guide",
    "sentence_grade",
    "sentence_inflesz",
]

# INFLESZ <-> English grade anchors (readability.md §8.2: the targets correspond).
_ANCHOR_INFLESZ, _ANCHOR_GRADE, _INFLESZ_PER_GRADE = 65.0, 6.0, 5.0

_KINDS = {"paragraph": "paragraph", "list_item": "list_item", "quote": "quote", "heading": "heading"}
_DELIMITER_ROW = re.compile(r"^\s*(?:>\s*)*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")  # also in a quote

def _clean(source: str, cache: dict[str, str] | None = None) -> str:
    if cache is None:
        return strip_legal_citations(strip_markdown_inline(source))
    text = cache.get(source)
    if text is None:
        text = cache[source] = strip_legal_citations(strip_markdown_inline(source))
    return text


def prose_units(doc: Document, clean_cache: dict[str, str] | None = None) -> list[ProseUnit]:
    """The prose of a guide's body as scoring units, in file order."""
    units: list[ProseUnit] = []
    lines = doc.lines
    for block in doc.blocks:
        if block.kind == "table_row":
            units.extend(_cells(block.source, block.line, _is_header_row(lines, block.line), clean_cache))
            continue
        kind = _KINDS.get(block.kind)
        if kind is None or not block.source.strip():
            continue  # code, html, rule
        text = _clean(block.source, clean_cache)
        if text:
            units.append(ProseUnit(text, block.line, kind))
    return units


def _cells(source: str, line: int, header: bool, cache: dict[str, str] | None) -> Iterator[ProseUnit]:
    # The parser joins a row's cells with " | "; each cell is a sentence unit.
    for cell in source.split(" | "):
        text = _clean(cell, cache)
        if text:
            yield ProseUnit(text, line, "heading" if header else "table_cell")


def _is_header_row(lines: list[str], line: int) -> bool:
    """A table's header row is the one the delimiter row (``|---|``) follows."""
    return line < len(lines) and _DELIMITER_ROW.match(lines[line]) is not None


_STRIDE = 1 << 32  # line offset that keeps the units of one batch apart
_UnitKey = tuple[str, str, str]
_Cached = tuple[int, tuple[SentenceScore, ...]]


@dataclass
class ScoringCaches:
    """Per-run caches: cleaned text by block source, and sentences by (lang, kind, text).

    Units repeat across a library (disclaimers, shared list items, near-copies of a
    guide, the same guide at a git ref), and a unit scores the same wherever it is:
    only its line differs.
    """

    clean: dict[str, str] = field(default_factory=dict)
    sentences: dict[_UnitKey, _Cached] = field(default_factory=dict)


def score_guide(
    doc: Document, *, include_headings: bool = False, caches: ScoringCaches | None = None
) -> DocumentScore | None:
    """Score a guide (None for data files, unusable guides and other languages).

    Equal to ``score_units(prose_units(doc), lang)``; with the run's ``caches``, units
    already scored in this run are not scored again. Not memoized per document: the
    run context keeps each guide's score (``ctx.score``).
    """
    lang = doc.lang
    if doc.kind != "guide" or not doc.usable or lang not in ("en", "es"):
        return None
    caches = caches if caches is not None else ScoringCaches()
    cache = caches.sentences
    units = prose_units(doc, caches.clean)
    _score_missing(units, lang, cache)
    details: list[SentenceScore] = []
    for unit in units:
        if unit.kind == "heading" and not include_headings:
            continue
        base, sentences = cache[(lang, unit.kind, unit.text)]
        shift = unit.line - base
        if not shift:
            details.extend(sentences)  # the same unit at the same line: reuse the objects
            continue
        for s in sentences:
            details.append(
                SentenceScore(s.text, s.line + shift, s.words, s.syllables, s.grade, s.polysyllables, s.kind)
            )
    return aggregate(lang, tuple(details))


def _score_missing(units: list[ProseUnit], lang: str, cache: dict[_UnitKey, _Cached]) -> None:
    """Score the units not in ``cache`` with one engine call.

    Unit i of the batch goes at line ``i * _STRIDE + line`` so that its sentences
    can be told apart; they are stored at the unit's own line.
    """
    missing: dict[_UnitKey, int] = {}
    for unit in units:
        key = (lang, unit.kind, unit.text)
        if key not in cache and key not in missing:
            missing[key] = unit.line
    if not missing:
        return
    keys = list(missing)
    batch = [ProseUnit(key[2], index * _STRIDE + missing[key], key[1]) for index, key in enumerate(keys)]
    groups: list[list[SentenceScore]] = [[] for _ in keys]
    for s in score_units(batch, lang, include_headings=True).sentences_detail:
        index, line = divmod(s.line, _STRIDE)
        groups[index].append(SentenceScore(s.text, line, s.words, s.syllables, s.grade, s.polysyllables, s.kind))
    for index, key in enumerate(keys):
        cache[key] = (missing[key], tuple(groups[index]))


def english_scale_grade(score: DocumentScore) -> float | None:
    """The score as a grade on the English Flesch-Kincaid scale (Spanish: from INFLESZ)."""
    if score.lang == "en":
        return score.flesch_kincaid_grade
    if score.szigriszt_pazos is None:
        return None
    return _ANCHOR_GRADE + (_ANCHOR_INFLESZ - score.szigriszt_pazos) / _INFLESZ_PER_GRADE


def sentence_inflesz(sentence: SentenceScore) -> float:
    """Szigriszt-Pazos (INFLESZ scale) of one sentence: ``206.835 - 62.3*Y/W - W``."""
    return 206.835 - 62.3 * sentence.syllables / sentence.words - sentence.words


def sentence_grade(sentence: SentenceScore, lang: str) -> float:
    """A sentence's grade: Flesch-Kincaid (en), or its INFLESZ on the English scale (es)."""
    if lang == "en":
        return sentence.grade
    return _ANCHOR_GRADE + (_ANCHOR_INFLESZ - sentence_inflesz(sentence)) / _INFLESZ_PER_GRADE


def inflesz_for_grade(grade: float) -> float:
    """The INFLESZ value that :func:`english_scale_grade` maps to ``grade``."""
    return _ANCHOR_INFLESZ - (grade - _ANCHOR_GRADE) * _INFLESZ_PER_GRADE
