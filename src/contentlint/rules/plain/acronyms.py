"""What PL001 and PL006 share: the first use of each decoder acronym in a guide,
and whether that use is spelled out (not a rule module).

A professional translator spells an acronym out in many legitimate ways: with
punctuation ("a free, appropriate public education (FAPE)"), in another word
order or with an accepted glossary variant ("una educación pública, adecuada y
gratuita (FAPE)", "aviso previo por escrito (PWN)"), or in the heading just
above. An acronym inside a legal citation ("18 IDELR 1038 (OSEP 1992)") is part
of the citation, not a use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from contentlint.content.text import fold
from contentlint.facts.grammar import any_digit, find_citations
from contentlint.findings import Finding
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.markdown.blocks import Block
    from contentlint.context import RunContext

SPANISH_NOTE = "por sus siglas en ingles"
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
# Words an expansion may gain or lose in translation or punctuation.
_FILLER = frozenset({"a", "an", "the", "of", "and", "for", "in", "on", "to", "de", "del", "la", "el", "los",
                     "las", "y", "e", "para", "en", "por", "un", "una"})


@dataclass(frozen=True)
class FirstUse:
    """Where an acronym is first used, and how: its block, the heading above it,
    the decoder entry, the acronym's pattern, and the accepted expansions."""

    block: Block
    heading: Block | None
    entry: Any = None
    pattern: re.Pattern[str] | None = None
    phrases: tuple[str, ...] = ()

    @property
    def texts(self) -> list[str]:
        """The block's text, then the heading's."""
        return [self.block.plain, *([self.heading.plain] if self.heading is not None else [])]

    @property
    def spelled_out(self) -> bool:
        """The block or the heading above it spells the acronym out."""
        assert self.pattern is not None
        return any(spelled_out(text, self.entry.acronym, self.pattern, list(self.phrases)) for text in self.texts)

    def position(self, doc: Document) -> tuple[int, int]:
        """Line and column of the acronym in the file (the block start if not found)."""
        assert self.pattern is not None
        for number in range(self.block.line, min(self.block.end_line, len(doc.lines)) + 1):
            found = self.pattern.search(doc.lines[number - 1])
            if found:
                return number, found.start() + 1
        return self.block.line, 1


class AcronymFirstUseRule(FileRule):
    """A rule that judges the first use of each decoder acronym in a guide (PL001, PL006)."""

    languages: ClassVar[tuple[str, ...]] = ("en", "es")

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Judge every acronym's first use."""
        if target.kind != "guide" or target.lang not in self.languages:
            return
        by_name = {entry.acronym: (entry, pattern) for entry, pattern in ctx.acronyms().words}
        for name, use in sorted(first_uses(target, ctx).items()):
            entry, pattern = by_name[name]
            judged = FirstUse(use.block, use.heading, entry, pattern, tuple(expansions(entry, target.lang, ctx)))
            yield from self.judge(target, judged)

    def judge(self, doc: Document, use: FirstUse) -> Iterator[Finding]:
        """The findings on one first use."""
        raise NotImplementedError


def first_uses(doc: Document, ctx: RunContext) -> dict[str, FirstUse]:
    """Each decoder acronym's first use in the guide's body (headings and citations skipped)."""
    combined = ctx.acronyms().combined
    found: dict[str, FirstUse] = {}
    if combined is None:
        return found
    heading: Block | None = None
    for block in doc.blocks:
        if block.kind == "heading":
            heading = block
            continue
        if block.kind in ("code", "html") or not block.plain:
            continue
        text = _without_citations(block.plain)
        for match in combined.finditer(text):
            found.setdefault(match.group(1), FirstUse(block, heading))
    return found


def _without_citations(text: str) -> str:
    if not any_digit(text):
        return text
    for _, _, start, end in find_citations(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def expansions(entry: Any, lang: str, ctx: RunContext) -> list[str]:
    """The ways to spell an acronym out: the decoder's, and the glossary term's accepted variants."""
    # A Spanish guide may keep the English name: "(Office of Special Education Programs, OSEP)".
    out = [entry.en] if lang == "en" else [entry.es, entry.en]
    glossary = ctx.library.data("glossary")
    if glossary is not None and glossary.model is not None and getattr(entry, "term", None):
        for term in glossary.model.terms:
            if term.id == entry.term:
                out += [term.en.term] if lang == "en" else [term.es.term, *term.es.variants]
    return out


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD_RE.findall(fold(text)) if w not in _FILLER]


def spelled_out(text: str, acronym: str, pattern: re.Pattern[str], phrases: list[str]) -> bool:
    """One of ``phrases`` stands before the acronym (its content words in the few words
    before, in any order) or in brackets right after it; in a text without the
    acronym (the heading above its first use), anywhere near the end."""
    first = pattern.search(text)
    at = first.start() if first else len(text)  # a heading above: its whole text counts
    before = _content_words(text[:at])
    after = fold(text[at + len(acronym) :]).lstrip()
    for phrase in phrases:
        words = _content_words(phrase)
        if not words:
            continue
        window = set(before[-(len(words) * 2 + 3) :])
        if all(word in window for word in words):
            return True
        if after.startswith("(") and all(word in _content_words(after[: after.find(")") + 1]) for word in words):
            return True
    return False


def has_spanish_note(text: str, entry: Any) -> bool:
    """The English acronym is explained ("PWN, por sus siglas en inglés"), or the
    guide uses the decoder's Spanish acronym instead."""
    if entry.es_acronym and re.search(r"(?<!\w)" + re.escape(entry.es_acronym) + r"(?!\w)", text):
        return True
    return SPANISH_NOTE in fold(text)
