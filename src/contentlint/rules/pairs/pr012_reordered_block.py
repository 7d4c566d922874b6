"""PR012 reordered-block: a Spanish block in another place than its English block."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.bilingual.align import Alignment, unit_end
from contentlint.bilingual.describe import describe, english_note
from contentlint.bilingual.locate import block_location, locate
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class ReorderedBlock(PairRule):
    """A Spanish block (or section, or FAQ entry) in a different position than in the English.

    ## What it does
    After aligning the bodies in order (see PR010), blocks left over on both
    sides that still look alike are a move. Each move is reported once, at the
    Spanish block, with where it belongs and the English block as the related
    location. A moved heading with everything under it is one finding, and a
    move is never also reported as missing plus extra.

    ## Why is this bad?
    Steps are an order: "get the denial in writing" has to come before "file a
    complaint". A swapped FAQ entry or section also breaks side-by-side review.

    ## Example
    ```markdown
    English                          Spanish
    1. Get the denial in writing.    1. Considere la mediación.     <- PR012
    2. Consider mediation.           2. Pida la negativa por escrito.
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR012"
    name = "reordered-block"
    default_severity = Severity.WARNING

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report each moved block or unit once."""
        alignment = ctx.alignment(target)
        if not alignment.confident or not alignment.moved:
            return
        done: set[int] = set()
        for en_index in sorted(alignment.moved):
            if en_index in done:
                continue
            end = unit_end(alignment.en, en_index)
            unit = range(en_index, end)
            if end - en_index > 1 and all(k in alignment.moved for k in unit):
                done.update(unit)
            else:
                end = en_index + 1
            yield self._finding(target, alignment, en_index, end)

    def _finding(self, pair: Pair, alignment: Alignment, start: int, end: int) -> Finding:
        en = alignment.en[start]
        es = alignment.es[alignment.moved[start]]
        line, column = locate(pair.es, es.block)
        what = describe(en, with_text=en.kind != "heading")
        if end - start > 1:
            what = msg("{what} with the {count} block(s) under it", what=what, count=end - start - 1)
        where = self._belongs(pair, alignment, start)
        return self.finding(
            pair.es,
            line,
            column,
            msg("this block is out of order: it translates the English {what}, {where}", what=what, where=where),
            msg("Move the Spanish block to the same position as in the English guide."),
            related=(block_location(pair.en, en.block, english_note(en)),),
        )

    @staticmethod
    def _belongs(pair: Pair, alignment: Alignment, en_index: int) -> str:
        for index in range(en_index - 1, -1, -1):
            target = alignment.matches.get(index)
            if target is not None:
                return msg("which belongs after line {line}", line=alignment.es[target].block.end_line)
        for index in range(en_index + 1, len(alignment.en)):
            target = alignment.matches.get(index)
            if target is not None:
                return msg("which belongs before line {line}", line=alignment.es[target].block.line)
        return msg("which is elsewhere in the English")
