"""What the per-block parity rules share: unmatched facts and the finding that names them."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, TypeVar

from contentlint.bilingual.blocks import BlockInfo

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.facts.extract import Fact
    from contentlint.findings import Finding
    from contentlint.rules.base import Rule

T = TypeVar("T")


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
    from contentlint.bilingual.describe import english_note
    from contentlint.bilingual.locate import block_location, locate
    from contentlint.i18n import msg

    shown_en = ", ".join(f.text for f in en_only) or msg("nothing more")
    shown_es = ", ".join(f.text for f in es_only) or msg("nothing in their place")
    line, column = locate(pair.es, es.block, es_only[0].text if es_only else "")
    related = block_location(pair.en, en.block, english_note(en), en_only[0].text if en_only else "")
    return rule.finding(pair.es, line, column, message(shown_en, shown_es), hint, related=(related,))
