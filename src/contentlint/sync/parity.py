"""What the per-block parity rules share: aligned block pairs and their facts."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, TypeVar

from contentlint.sync.align import pair_alignment
from contentlint.sync.blocks import PROSE_KINDS, BlockInfo
from contentlint.sync.facts import DEFAULT_LOCALES, Facts, extract_facts, may_have_dates

if TYPE_CHECKING:
    from contentlint.documents import Document
    from contentlint.library import Library, Pair

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
    """:func:`contentlint.sync.facts.may_have_dates` of one block, once per run."""
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
