"""What the LQ rules share: the unknown words of a guide (not a rule module)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext
    from contentlint.language.lexicon import Entry
    from contentlint.language.tokens import Word

GUIDE_LANGUAGES = ("en", "es")


def guide_words(doc: Document) -> list[str]:
    """The guide's own ``spelling_ignore`` words (front matter)."""
    value = doc.front.get("spelling_ignore")
    return [str(word) for word in value if isinstance(word, str)] if isinstance(value, list) else []


def unknown_words(doc: Document, ctx: RunContext, project_words: list[str]) -> Iterator[tuple[Word, bool]]:
    """Each word of the guide's prose that neither the library's vocabulary (with the
    project's and the guide's own words) nor the dictionary of its language knows,
    with True when it is an English word inside a Spanish guide."""
    yield from ctx.unknown_words(doc, (*project_words, *guide_words(doc)))


class LexiconHit:
    """A phrase of an editable list found in a guide: where, what, and its entry."""

    __slots__ = ("column", "end", "entry", "line", "text")

    def __init__(self, line: int, column: int, end: int, text: str, entry: Entry) -> None:
        self.line = line
        self.column = column
        self.end = end
        self.text = text
        self.entry = entry


def lexicon_hits(doc: Document, ctx: RunContext, kind: str, style: str = "") -> Iterator[LexiconHit]:
    """Each phrase of the list ``kind`` ("plain", "respectful") in the guide's prose,
    outside quotation marks, exempt names and text marked as the other language."""
    from contentlint.language.lexicon import lexicon

    lang = doc.lang or "en"
    table = lexicon(kind, lang, style)
    if table.empty:
        return
    for line in ctx.prose_lines(doc):
        for start, end, entry in table.hits(line.text):
            if any(a <= start < b for a, b in line.foreign):
                continue
            yield LexiconHit(line.number, start + 1, end + 1, line.text[start:end], entry)
