"""PL004 heading-level-skip: a heading that skips a level."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext

# The page title (from the front matter) is the h1; the body starts at h2.
TITLE_LEVEL = 1


class HeadingLevelSkip(FileRule):
    """A heading more than one level below the one before it, or an h1 in the body.

    ## What it does
    Walks the body's headings: each may go at most one level deeper than the
    previous one (the title from the front matter is level 1, so the body starts
    at `##`). A `#` heading in the body is reported too: the page already has its title.

    ## Why is this bad?
    Screen-reader users navigate by heading level; a jump from h2 to h4 hides
    structure, and a second h1 makes two page titles (WCAG 1.3.1, 2.4.6).

    ## Example
    ```markdown
    ## Common questions
    #### Is the decision final?      <- reported: use ###
    ```

    ## Options
    None besides `severity`.
    """

    code = "PL004"
    name = "heading-level-skip"
    default_severity = Severity.ERROR
    extra_groups = ("accessibility",)

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report jumps in heading level."""
        previous = TITLE_LEVEL
        for block in target.blocks:
            if block.kind != "heading":
                continue
            if block.level == TITLE_LEVEL:
                yield self.finding(
                    target, block.line, 1, msg("a level-1 heading in the body; the title is already the page's h1"),
                    msg("Start body headings at ## (the front matter's title is the h1)."),
                )
            elif block.level > previous + 1:
                yield self.finding(
                    target,
                    block.line,
                    1,
                    msg("heading jumps from level {previous} to level {level}", previous=previous, level=block.level),
                    msg("Use {marks} here, or add the missing level above it.", marks="#" * (previous + 1)),
                )
            previous = block.level
