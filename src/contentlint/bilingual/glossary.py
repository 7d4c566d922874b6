"""The glossary as phrase indexes, built once per run (``library.memo``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contentlint.bilingual.blocks import PROSE_KINDS, BlockInfo
from contentlint.bilingual.inflection import Hit, PhraseIndex, keys, phrase_keys

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.library import Library


@dataclass(frozen=True)
class Term:
    """One glossary entry as the terminology checks use it."""

    term_id: str
    en: str
    es: str
    accepted: tuple[tuple[str, ...], ...]  # keys of the preferred term and its variants
    accepted_text: tuple[str, ...]


@dataclass(frozen=True)
class Mistranslation:
    """A known wrong Spanish rendering of a term."""

    term: Term
    text: str


@dataclass(frozen=True)
class GlossaryIndex:
    """English terms and Spanish mistranslations, each findable in one pass."""

    english: PhraseIndex[Term]
    spanish: PhraseIndex[str]  # accepted Spanish renderings -> term id
    mistranslations: PhraseIndex[Mistranslation]
    display: str


def _alternatives(text: str) -> list[str]:
    """``a expensas públicas / sin costo`` lists two alternatives."""
    return [part.strip() for part in text.split(" / ") if part.strip()]


def build_index(model: Any, display: str) -> GlossaryIndex:
    """Phrase indexes of a validated glossary model (schema.models.Glossary)."""
    english: list[tuple[tuple[str, ...], Term]] = []
    spanish: list[tuple[tuple[str, ...], str]] = []
    wrong: list[tuple[tuple[str, ...], Mistranslation]] = []
    for entry in model.terms:
        accepted_text = (*_alternatives(entry.es.term), *entry.es.variants)
        term = Term(
            entry.id,
            entry.en.term,
            entry.es.term,
            tuple(phrase_keys(text, "es") for text in accepted_text),
            tuple(accepted_text),
        )
        for text in _alternatives(entry.en.term):
            english.append((phrase_keys(text, "en"), term))
        spanish.extend((accepted, entry.id) for accepted in term.accepted)
        for text in entry.es.mistranslations:
            wrong.append((phrase_keys(text, "es"), Mistranslation(term, text)))
    return GlossaryIndex(PhraseIndex.build(english), PhraseIndex.build(spanish), PhraseIndex.build(wrong), display)


def glossary_index(library: Library) -> GlossaryIndex | None:
    """The run's glossary index, or None when the library has no valid glossary."""
    key = "sync.glossary"
    if key not in library.memo:
        doc = library.data("glossary")
        library.memo[key] = build_index(doc.model, doc.display) if doc is not None else None
    return library.memo[key]  # type: ignore[no-any-return]


def block_keys(doc: Document, info: BlockInfo, library: Library) -> list[str]:
    """Inflection keys of a block's text (see :func:`contentlint.bilingual.inflection.keys`), once per run."""
    key = ("sync.keys", id(doc), info.index)
    found = library.memo.get(key)
    if found is None:
        found = library.memo[key] = keys(info.text, doc.lang or "en")
    return found


def term_hits(doc: Document, info: BlockInfo, library: Library) -> list[Hit[Any]]:
    """Glossary terms in a block, once per run: English terms (payload: Term) in an
    English guide, accepted Spanish renderings (payload: the term id) in a Spanish one."""
    key = ("sync.terms", id(doc), info.index)
    found = library.memo.get(key)
    if found is None:
        index = glossary_index(library)
        if index is None or info.kind not in PROSE_KINDS:
            found = []
        else:
            phrases: PhraseIndex[Any] = index.spanish if doc.lang == "es" else index.english
            found = phrases.find(block_keys(doc, info, library))
        library.memo[key] = found
    return found


def term_ids(doc: Document, info: BlockInfo, library: Library) -> frozenset[str]:
    """Ids of the glossary terms a block uses (English terms, or accepted Spanish ones)."""
    return frozenset(
        hit.payload if isinstance(hit.payload, str) else hit.payload.term_id
        for hit in term_hits(doc, info, library)
    )
