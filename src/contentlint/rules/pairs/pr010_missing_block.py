"""PR010 missing-block: the Spanish lacks a block of the English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.bilingual.align import Alignment, unit_runs
from contentlint.bilingual.describe import describe, english_note
from contentlint.bilingual.locate import block_location, locate
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


def insertion_point(alignment: Alignment, pair: Pair, start: int, end: int) -> tuple[int, int, str]:
    """Where the Spanish should get the English blocks ``start:end``.

    A missing block goes after the counterpart of the English block before it
    (a step after the previous step); a missing section or FAQ entry goes before
    the counterpart of the English block after it, so that it does not land
    inside the previous section. Failing that, the other side, then the top.
    """
    before = _anchor(alignment, range(start - 1, -1, -1))
    after = _anchor(alignment, range(end, len(alignment.en)))
    if alignment.en[start].kind == "heading" and after is not None:
        before = None
    if before is not None:
        line, column = locate(pair.es, alignment.es[before].block)
        return line, column, msg("after this block")
    if after is not None:
        line, column = locate(pair.es, alignment.es[after].block)
        return line, column, msg("before this block")
    return pair.es.body_line, 1, msg("here")


def _anchor(alignment: Alignment, indexes: range) -> int | None:
    for index in indexes:
        target = alignment.matches.get(index)
        if target is not None:
            return target
    return None


class MissingBlock(PairRule):
    """The Spanish guide lacks a step, section, FAQ entry or paragraph of the English.

    ## What it does
    Aligns the two bodies block by block (see `contentlint.bilingual.align`: block
    kind, heading level, list shape, numbers, citations, links and length, never
    the translated words) and reports each English block that has no Spanish
    counterpart. A heading missing with everything under it (a section, an FAQ
    entry) is one finding. The finding is in the Spanish file where the edit
    goes: a missing block is reported at the Spanish block it should follow, a
    missing section or FAQ entry at the Spanish block it should precede (so it
    does not land inside the previous section). The English block is the
    related location.

    ## Why is this bad?
    A step or an answer that only English readers get is advice the Spanish
    readers never see, often a right or a deadline.

    ## Example
    ```markdown
    English                          Spanish
    1. Get the denial in writing.    1. Pida la negativa por escrito.   <- PR010: add step 2 after this
    2. Ask for an IEE.               2. Considere la mediación.
    3. Consider mediation.
    ```

    ## Options
    None besides `severity`. When too few blocks align to trust the alignment,
    PR013 reports that once instead.
    """

    code = "PR010"
    name = "missing-block"
    default_severity = Severity.ERROR

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report English blocks (or whole units) the Spanish lacks."""
        alignment = ctx.alignment(target)
        if not alignment.confident:
            return
        for start, end in unit_runs(alignment.en, set(alignment.missing)):
            yield self._finding(target, alignment, start, end)

    def _finding(self, pair: Pair, alignment: Alignment, start: int, end: int) -> Finding:
        en = alignment.en[start]
        line, column, where = insertion_point(alignment, pair, start, end)
        what = describe(en)
        if end - start > 1:
            what = msg("{what} and the {count} block(s) under it", what=what, count=end - start - 1)
        return self.finding(
            pair.es,
            line,
            column,
            msg("the Spanish lacks the {what}; add its translation {where}", what=what, where=where),
            msg("Translate the English block(s) at the related location into the Spanish guide."),
            related=(block_location(pair.en, en.block, english_note(en)),),
            context={"en_line": en.block.line, "blocks": end - start},
        )
