"""PR025 unconfirmed-update: both sides of a block changed since the last sync; confirm the Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.bilingual.describe import describe, english_note
from contentlint.bilingual.locate import block_location, locate
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule
from contentlint.rules.pairs.confirm import confirmations

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class UnconfirmedUpdate(PairRule):
    """A Spanish block updated together with its English block since the last sync, not yet confirmed.

    ## What it does
    `contentlint sync mark <id>` records, for each English block, the fingerprint of the
    Spanish block aligned with it (`es_fp` in `content/sync/<id>.yaml`). When an English
    block changed since the mark and its Spanish block changed too, and no fact-parity
    rule (PR030-PR038) finds a difference between them, the editor most likely updated
    both sides together: this rule reports a warning asking to confirm it, instead of
    the stale-block finding (PR020, PR021) that asks to update the Spanish. Running
    `contentlint sync mark <id>` (or `--block LINE` for this block only) records the
    confirmation. A mark written before `es_fp` existed has no Spanish fingerprint:
    its changed blocks stay PR020/PR021 until the next mark.

    ## Why is this bad?
    The Spanish was edited, but nobody has said yet that it now says what the English
    says: the words may match while the meaning drifted. It is a warning, not an error:
    the facts agree, and a pull request that updates both languages should not fail
    because the mark was not refreshed in the same commit.

    ## Example
    ```text
    content/es/guia.md:31:1: PR025 the English step 4 of “Step by step” changed since the last sync, and the
        Spanish changed too: confirm with `contentlint sync mark school-denies-iep`
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR025"
    name = "unconfirmed-update"
    default_severity = Severity.WARNING

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report each block pair that changed on both sides and agrees."""
        alignment = ctx.alignment(target)
        for change, es_index in confirmations(target, ctx).values():
            assert change.info is not None
            es = alignment.es[es_index].block
            line, column = locate(target.es, es)
            yield self.finding(
                target.es,
                line,
                column,
                msg("the English {block} changed since the last sync, and the Spanish changed too: confirm with "
                    "`contentlint sync mark {id}`", block=describe(change.info, with_text=False), id=target.doc_id),
                msg("Check that this Spanish block says what the English says now, then run "
                    "`contentlint sync mark {id} --block {line}` (this block) or `contentlint sync mark {id}`.",
                    id=target.doc_id, line=line),
                related=(block_location(target.en, change.info.block,
                                        msg("{note} (now)", note=english_note(change.info))),),
                detail=msg("English since the sync: {diff}", diff=change.diff()),
                context={"change": change.kind},
            )
