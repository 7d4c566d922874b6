"""PR004 guide-type-mismatch: a translation of another type than its English guide."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class GuideTypeMismatch(PairRule):
    """A Spanish guide whose `type` differs from its English guide's.

    ## What it does
    Compares the `type` (how-to, topic, faq, checklist, index) of the two guides
    of a pair and reports the Spanish value.

    ## Why is this bad?
    The type decides how the site renders the page (numbered steps, FAQ
    entries) and which structure checks apply; a translation is the same page.

    ## Example
    ```yaml
    # content/en/x.md: type: how-to
    # content/es/x.md:
    type: topic        # <- PR004
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR004"
    name = "guide-type-mismatch"
    default_severity = Severity.ERROR

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare the two types."""
        en_type, es_type = target.en.guide_type, target.es.guide_type
        if en_type is None or es_type is None or en_type == es_type:
            return
        line, column = target.es.value_position(("type",))
        en_line, en_column = target.en.value_position(("type",))
        yield self.finding(
            target.es,
            line,
            column,
            msg("type is {es_type!r} but the English guide's is {en_type!r}", es_type=es_type, en_type=en_type),
            msg("Set `type: {type}` (or change both guides).", type=en_type),
            related=(Location(target.en.display, en_line, en_column, note=msg("English type")),),
        )
