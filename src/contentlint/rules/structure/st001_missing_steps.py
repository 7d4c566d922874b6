"""ST001 missing-steps: a how-to guide without ordered steps."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class MissingSteps(FileRule):
    """A how-to guide whose body has no ordered list of steps.

    ## What it does
    Requires at least one ordered list (`1.`, `2.`, ...) in a guide of `type: how-to`.

    ## Why is this bad?
    Parents use how-to guides under deadlines; the steps, in order, are the point
    of the page, and the site renders them as a numbered step list.

    ## Example
    A `type: how-to` guide written only as paragraphs is reported at its front matter.

    ## Options
    - `min-steps` (default 2): the fewest steps a how-to guide may have.
    """

    code = "ST001"
    name = "missing-steps"
    default_severity = Severity.ERROR

    class Options(NoOptions):
        """Options of ST001."""

        min_steps: int = 2

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Count top-level ordered items in a how-to guide."""
        if not target.usable or target.guide_type != "how-to":
            return
        steps = [b for b in target.blocks if b.is_step and b.level == 1]
        if len(steps) < self.options.min_steps:
            line, column = target.value_position(("type",))
            yield self.finding(
                target,
                line,
                column,
                msg("how-to guide has {count} ordered step(s); at least {minimum} expected", count=len(steps),
                    minimum=self.options.min_steps),
                msg("Write the steps as an ordered list (1. ..., 2. ...), or change type to topic."),
            )
