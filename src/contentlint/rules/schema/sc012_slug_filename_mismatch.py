"""SC012 slug-filename-mismatch: ``slug`` differs from the file name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class SlugFilenameMismatch(FileRule):
    """A guide whose `slug` is not its file name.

    ## What it does
    Compares `slug` with the file name without `.md`.

    ## Why is this bad?
    Links between guides use file paths while the site publishes at the slug: when
    the two differ, a link that works in the repository is dead on the site.

    ## Example
    `content/en/pwn.md` with `slug: prior-written-notice`.

    ## Options
    None besides `severity`.
    """

    code = "SC012"
    name = "slug-filename-mismatch"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report a slug that is not the file's stem."""
        slug = target.front.get("slug")
        if target.kind != "guide" or not isinstance(slug, str) or target.model is None:
            return
        stem = target.path.stem
        if slug != stem:
            line, column = target.value_position(("slug",))
            yield self.finding(
                target, line, column,
                msg("slug {slug!r} does not match the file name {stem!r}", slug=slug, stem=stem),
                msg("Rename the file to {slug}.md, or set slug: {stem}.", slug=slug, stem=stem),
            )
