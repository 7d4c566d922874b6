"""A glossary term a translator shortens when the English repeats it (not a rule module).

The English repeats "the IEP meeting" in every paragraph; a professional translator
writes "la reunión del IEP" once, then "la reunión". PR040 (the glossary term) and
PR037 (the acronym inside it) accept the short form when the Spanish block holds the
head of the Spanish term ("reunión") and an earlier Spanish block of the guide holds
the whole term: the reader already knows which meeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from contentlint.bilingual.inflection import contains

if TYPE_CHECKING:
    from contentlint.bilingual.blocks import BlockInfo
    from contentlint.bilingual.glossary import Term
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


def shortened(ctx: RunContext, pair: Pair, term: Term, es: BlockInfo) -> bool:
    """``term`` is rendered by its head alone in ``es``, after the whole term earlier in the guide."""
    heads = {accepted[0] for accepted in term.accepted if len(accepted) > 1}
    es_keys = ctx.block_keys(pair.es, es)
    if not heads or not any(contains(es_keys, (head,)) for head in heads):
        return False
    for info in ctx.blocks(pair.es):
        if info.block.line >= es.block.line:
            break
        keys = ctx.block_keys(pair.es, info)
        if any(contains(keys, accepted) for accepted in term.accepted):
            return True
    return False
