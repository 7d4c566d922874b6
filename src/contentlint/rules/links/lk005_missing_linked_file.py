"""LK005 missing-linked-file: a linked image or file that does not exist."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.links.extract import GUIDE_LIKE_SUFFIXES
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext

_ORIGINS = frozenset({"body", "image", "html", "card"})


class MissingLinkedFile(FileRule):
    """An image or file (PDF, data file, ...) linked from a guide that does not exist.

    ## What it does
    Looks up, relative to the guide's folder, every image (`![alt](path)`,
    `<img src>`) and every linked file that is not a guide (any suffix other
    than `.md`, `.html` or none), and reports those missing. Linking to the
    library's data files (`../data/glossary.yaml`) is fine when they exist.
    Only files inside the content folder are ever looked at (see LK006).

    ## Why is this bad?
    A missing image leaves a broken-image icon where a step was explained; a
    missing PDF (a sample letter, a form) is a dead end for a parent who
    needs it.

    ## Example
    ```markdown
    ![The five steps](images/steps.png)        <- LK005 when images/steps.png is missing
    [Sample letter](files/pwn-request.pdf)     <- LK005 when the PDF is missing
    [Glossary](../data/glossary.yaml)          <- fine
    ```

    ## Options
    None besides `severity`.
    """

    code = "LK005"
    name = "missing-linked-file"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report images and files that are not there."""
        for site, where in ctx.link_index().resolved(target):
            if site.origin not in _ORIGINS or where.kind != "missing":
                continue
            suffix = PurePosixPath(site.shown.split("#", 1)[0]).suffix.lower()
            if site.origin != "image" and suffix in GUIDE_LIKE_SUFFIXES:
                continue  # a guide link: LK001
            what = msg("image") if site.origin == "image" else msg("file")
            yield self.finding(
                target, site.line, site.column,
                msg("linked {what} '{href}' does not exist", what=what, href=site.shown),
                msg("Add the file next to the guide (paths are relative to the guide's folder), or fix the path."),
            )
