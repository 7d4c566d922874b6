"""ST002 missing-questions: an FAQ guide without questions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class MissingQuestions(FileRule):
    """An FAQ guide with no question headings.

    ## What it does
    Requires at least one heading that ends with `?` in a guide of `type: faq`.
    A question heading and the blocks under it are one FAQ entry; the sync
    checks compare entries across the pair.

    ## Why is this bad?
    Without question headings the FAQ cannot be rendered as questions and answers,
    and its entries cannot be matched with the translation's.

    ## Example
    ```markdown
    ### Is the decision final?      <- a question (ends with ?)
    No. You can ask for ...
    ```

    ## Options
    None besides `severity`.
    """

    code = "ST002"
    name = "missing-questions"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report an faq guide whose body asks nothing."""
        if not target.usable or target.guide_type != "faq":
            return
        if not any(block.is_question for block in target.blocks):
            line, column = target.value_position(("type",))
            yield self.finding(
                target,
                line,
                column,
                msg("FAQ guide has no question headings"),
                msg("Write each question as a heading ending in '?' (### Is the decision final?)."),
            )
