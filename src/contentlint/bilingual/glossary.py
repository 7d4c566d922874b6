"""The glossary as phrase indexes (built once per run by the run context)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contentlint.bilingual.blocks import PROSE_KINDS, BlockInfo
from contentlint.bilingual.inflection import Hit, PhraseIndex, phrase_keys

if TYPE_CHECKING:
    pass


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

    english: PhraseIndex[Term | None]  # None: a phrase in which a term means something else
    spanish: PhraseIndex[str]  # accepted Spanish renderings -> term id
    mistranslations: PhraseIndex[Mistranslation]
    display: str


def _alternatives(text: str) -> list[str]:
    """``a expensas públicas / sin costo`` lists two alternatives."""
    return [part.strip() for part in text.split(" / ") if part.strip()]


def build_index(model: Any, display: str) -> GlossaryIndex:
    """Phrase indexes of a validated glossary model (schema.models.Glossary)."""
    english: list[tuple[tuple[str, ...], Term | None]] = []
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
        # "hearing loss" is not a "hearing": longest match first, so the phrase wins.
        english.extend((phrase_keys(text, "en"), None) for text in entry.en.not_in)
        spanish.extend((accepted, entry.id) for accepted in term.accepted)
        for text in entry.es.mistranslations:
            wrong.append((phrase_keys(text, "es"), Mistranslation(term, text)))
    return GlossaryIndex(PhraseIndex.build(english), PhraseIndex.build(spanish), PhraseIndex.build(wrong), display)


def find_terms(index: GlossaryIndex | None, lang: str | None, info: BlockInfo, block_keys: list[str]) -> list[Hit[Any]]:
    """Glossary terms in a block: English terms (payload: Term) in an English guide,
    accepted Spanish renderings (payload: the term id) in a Spanish one."""
    if index is None or info.kind not in PROSE_KINDS:
        return []
    phrases: PhraseIndex[Any] = index.spanish if lang == "es" else index.english
    return [hit for hit in phrases.find(block_keys) if hit.payload is not None]


def hit_ids(hits: list[Hit[Any]]) -> frozenset[str]:
    """Ids of the glossary terms found (English terms, or accepted Spanish ones)."""
    return frozenset(hit.payload if isinstance(hit.payload, str) else hit.payload.term_id for hit in hits)


def title_terms(
    index: GlossaryIndex | None, title: str, title_es: str | None = None
) -> tuple[list[Term], list[Mistranslation]]:
    """The glossary terms an English title uses (first use order, once each), and the
    known mistranslations a Spanish title uses: what a writer starting a guide
    should know about its titles (``contentlint new``)."""
    from contentlint.bilingual.inflection import keys

    if index is None:
        return [], []
    terms: list[Term] = []
    for hit in index.english.find(keys(title, "en")):
        if isinstance(hit.payload, Term) and hit.payload not in terms:
            terms.append(hit.payload)
    wrong: list[Mistranslation] = []
    if title_es:
        for found in index.mistranslations.find(keys(title_es, "es")):
            if found.payload not in wrong:
                wrong.append(found.payload)
    return terms, wrong
