"""What the per-block parity rules share: aligned block pairs and their facts."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, TypeVar

from contentlint.bilingual.align import pair_alignment
from contentlint.bilingual.blocks import PROSE_KINDS, BlockInfo
from contentlint.facts.extract import DEFAULT_LOCALES, Facts, extract_facts, may_have_dates

if TYPE_CHECKING:
    from contentlint.findings import Finding
    from contentlint.rules.base import Rule
    from contentlint.facts.extract import Fact
    from contentlint.content.documents import Document
    from contentlint.content.library import Library, Pair

T = TypeVar("T")


def aligned_prose(pair: Pair, library: Library) -> list[tuple[BlockInfo, BlockInfo]]:
    """Aligned (English, Spanish) prose blocks; none when the alignment is unusable."""
    alignment = pair_alignment(pair, library)
    if not alignment.confident:
        return []
    return [(en, es) for en, es in alignment.pairs() if en.kind in PROSE_KINDS and es.kind in PROSE_KINDS]


def block_facts(doc: Document, info: BlockInfo, library: Library, locale: str | None = None) -> Facts:
    """The facts of one block, extracted once per run and locale."""
    lang = doc.lang or "en"
    locale = locale or DEFAULT_LOCALES[lang]
    key = ("sync.facts", id(doc), info.index, locale)
    found = library.memo.get(key)
    if found is None:
        found = library.memo[key] = extract_facts(info.text, info.links, lang, locale)
    return found


def block_may_have_dates(doc: Document, info: BlockInfo, library: Library, locale: str | None = None) -> bool:
    """:func:`contentlint.facts.extract.may_have_dates` of one block, once per run."""
    key = ("sync.dates?", id(doc), info.index)
    found = library.memo.get(key)
    if found is None:
        found = library.memo[key] = may_have_dates(info.text, doc.lang or "en", locale)
    return found


def unmatched(
    left: Sequence[T], right: Sequence[T], same: Callable[[T, T], bool]
) -> tuple[list[T], list[T]]:
    """Items of each side with no partner on the other (greedy, in order)."""
    used = [False] * len(right)
    left_only: list[T] = []
    for item in left:
        for index, other in enumerate(right):
            if not used[index] and same(item, other):
                used[index] = True
                break
        else:
            left_only.append(item)
    return left_only, [item for index, item in enumerate(right) if not used[index]]


def unmatched_keys(left: Sequence[T], right: Sequence[T], key: Callable[[T], Hashable]) -> tuple[list[T], list[T]]:
    """Like :func:`unmatched`, comparing by a key."""
    return unmatched(left, right, lambda a, b: key(a) == key(b))


def mismatch_finding(
    rule: Rule,
    pair: Pair,
    en: BlockInfo,
    es: BlockInfo,
    en_only: Sequence[Fact],
    es_only: Sequence[Fact],
    message: Callable[[str, str], str],
    hint: str,
) -> Finding:
    """The finding of a parity rule: on the Spanish block, naming what each side has.

    ``message(english, spanish)`` renders the rule's own (translatable) text.
    """
    from contentlint.i18n import msg
    from contentlint.bilingual.describe import english_note
    from contentlint.bilingual.locate import block_location, locate

    shown_en = ", ".join(f.text for f in en_only) or msg("nothing more")
    shown_es = ", ".join(f.text for f in es_only) or msg("nothing in their place")
    line, column = locate(pair.es, es.block, es_only[0].text if es_only else "")
    related = block_location(pair.en, en.block, english_note(en), en_only[0].text if en_only else "")
    return rule.finding(pair.es, line, column, message(shown_en, shown_es), hint, related=(related,))
