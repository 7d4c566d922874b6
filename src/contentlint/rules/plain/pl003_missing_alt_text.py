"""PL003 missing-alt-text: an image without a text alternative."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class MissingAltText(FileRule):
    """An image whose alt text is empty or just its file name.

    ## What it does
    Checks every Markdown image `![alt](src)` in the body.

    ## Why is this bad?
    Screen readers read the alt text; without it, a blind parent gets nothing, or
    a file name (WCAG 1.1.1, Non-text Content).

    ## Example
    ```markdown
    ![](timeline.png)                                   <- reported
    ![timeline.png](timeline.png)                       <- reported
    ![The five steps after a denial, in order](timeline.png)   <- fine
    ```

    ## Options
    None besides `severity`.
    """

    code = "PL003"
    name = "missing-alt-text"
    default_severity = Severity.ERROR
    extra_groups = ("accessibility",)

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report images with no useful alt text."""
        for block in target.blocks:
            for link in block.links:
                if not link.image:
                    continue
                alt = link.text.strip()
                file_name = link.href.rsplit("/", 1)[-1]
                if not alt or alt == file_name or alt.lower() in ("image", "imagen", "photo", "foto"):
                    yield self.finding(
                        target, link.line, link.column,
                        msg("image {href!r} has no useful alt text", href=link.href),
                        msg("Describe what the image shows for someone who cannot see it."),
                    )
