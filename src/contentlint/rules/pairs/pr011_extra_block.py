"""PR011 extra-block: the Spanish has a block the English does not."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.bilingual.align import Alignment, unit_runs
from contentlint.bilingual.describe import describe
from contentlint.bilingual.locate import block_location, locate
from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


def nearest_english(alignment: Alignment, pair: Pair, es_index: int) -> Location:
    """The English block the Spanish block at ``es_index`` sits after (or before)."""
    for index in range(es_index - 1, -1, -1):
        en_index = alignment.en_counterpart(index)
        if en_index is not None:
            info = alignment.en[en_index]
            note = "the English block it follows: " + describe(info, with_text=False)
            return block_location(pair.en, info.block, note)
    for index in range(es_index + 1, len(alignment.es)):
        en_index = alignment.en_counterpart(index)
        if en_index is not None:
            info = alignment.en[en_index]
            note = "the English block it precedes: " + describe(info, with_text=False)
            return block_location(pair.en, info.block, note)
    return Location(pair.en.display, pair.en.body_line, 1, note=msg("English body"))


class ExtraBlock(PairRule):
    """The Spanish guide has a step, section, FAQ entry or paragraph the English does not.

    ## What it does
    Reports each Spanish block that the alignment (see PR010) pairs with no
    English block and that is not simply in another place (PR012). A Spanish
    heading extra with everything under it is one finding.

    ## Why is this bad?
    Content only the Spanish readers get is unreviewed against the English: an
    old step the English removed, or advice added without the English editors.

    ## Example
    ```markdown
    English                          Spanish
    1. Get the denial in writing.    1. Pida la negativa por escrito.
                                     2. Llame a la escuela.   <- PR011
    2. Ask for an IEE.               3. Pida una IEE.
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR011"
    name = "extra-block"
    default_severity = Severity.WARNING

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report Spanish blocks (or whole units) with no English counterpart."""
        alignment = ctx.alignment(target)
        if not alignment.confident:
            return
        for index, end in unit_runs(alignment.es, set(alignment.extra)):
            info = alignment.es[index]
            what = describe(info)
            if end - index > 1:
                what = msg("{what} and the {count} block(s) under it", what=what, count=end - index - 1)
            line, column = locate(target.es, info.block)
            yield self.finding(
                target.es,
                line,
                column,
                msg("the {what} has no English counterpart", what=what),
                msg("Remove it, or add the same content to the English guide."),
                related=(nearest_english(alignment, target, index),),
            )
