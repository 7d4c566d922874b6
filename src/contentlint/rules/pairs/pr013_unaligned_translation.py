"""PR013 unaligned-translation: the two bodies are too different to align."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.bilingual.align import CONFIDENT_SHARE
from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class UnalignedTranslation(PairRule):
    """The Spanish body corresponds to too little of the English body to be compared block by block.

    ## What it does
    When fewer than half of the blocks of the longer body align (see PR010), the
    pair is reported once, and the block-level checks do not trust the alignment
    as a whole: missing, extra and reordered blocks are not reported (that would
    be a cascade against a wrong alignment), and the parity, terminology and
    language checks run only on the block pairs that stand on their own (the same
    kind of block sharing a citation, a URL, an e-mail address or a phone number,
    or most of their facts). The message says how many that is: a changed number
    next to a kept citation is still found, and nothing is skipped in silence.

    ## Why is this bad?
    Usually the translation is of an older, differently structured English
    version, or one of the files holds the wrong guide.

    ## Example
    An English how-to with 5 steps and 6 FAQ entries, and a Spanish guide of three
    paragraphs: PR013 at the first Spanish block.

    ## Options
    None besides `severity`.
    """

    code = "PR013"
    name = "unaligned-translation"
    default_severity = Severity.WARNING

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report a pair whose alignment is not usable."""
        alignment = ctx.alignment(target)
        if alignment.confident:
            return
        aligned = len(alignment.matches) + len(alignment.moved)
        line = alignment.es[0].block.line if alignment.es else target.es.body_line
        checked = len(ctx.aligned_prose(target))
        yield self.finding(
            target.es,
            line,
            1,
            msg("the Spanish body cannot be aligned with the English: only {aligned} of "
                "{total} English blocks have a Spanish counterpart "
                "(at least {share:.0%} needed); block-level checks ran only on the {checked} block pair(s) "
                "that share a citation, link or contact", aligned=aligned,
                total=len(alignment.en), share=CONFIDENT_SHARE, checked=checked),
            msg("Re-translate from the current English guide, or check that both files hold the same guide."),
            related=(Location(target.en.display, target.en.body_line, 1, note=msg("English body")),),
        )
