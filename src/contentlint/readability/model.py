"""Value types of the readability engine."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["UNIT_KINDS", "DocumentScore", "ProseUnit", "SentenceScore"]

UNIT_KINDS = frozenset({"paragraph", "list_item", "table_cell", "heading", "quote"})


@dataclass(frozen=True, slots=True)
class ProseUnit:
    """One block of prose to score.

    ``text`` is plain text already passed through ``strip_markdown_inline``; ``line``
    is the 1-based source line where the block starts; ``kind`` is one of
    ``"paragraph" | "list_item" | "table_cell" | "heading" | "quote"``. The end of a
    unit always ends a sentence, so a list item or table cell without a final period
    is still its own sentence.
    """

    text: str
    line: int
    kind: str


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """One sentence as counted.

    ``line`` is the source line where the sentence starts: the unit's line plus the
    newlines before the sentence inside the unit's text. ``grade`` is the sentence's
    own grade: Flesch-Kincaid for English, Crawford for Spanish (one sentence, so
    short sentences can score below zero).
    """

    text: str
    line: int
    words: int
    syllables: int
    grade: float
    polysyllables: int = 0
    kind: str = "paragraph"


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """Counts and scores of a sequence of units in one language.

    Metrics of the other language are ``None``; with no words at all every metric and
    ``grade`` is ``None`` (never a misleading 0 or 206.84). ``grade`` is comparable
    across languages: Flesch-Kincaid grade for English, Crawford grade for Spanish.
    """

    lang: str
    words: int
    sentences: int
    syllables: int
    polysyllables: int
    grade: float | None
    flesch_reading_ease: float | None = None
    flesch_kincaid_grade: float | None = None
    fernandez_huerta: float | None = None
    szigriszt_pazos: float | None = None
    inflesz_band: str | None = None
    crawford_grade: float | None = None
    sentences_detail: tuple[SentenceScore, ...] = ()
