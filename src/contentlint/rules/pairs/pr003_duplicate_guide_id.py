"""PR003 duplicate-guide-id: two guides of one language share an id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import LibraryRule

if TYPE_CHECKING:
    from contentlint.content.library import Library
    from contentlint.context import RunContext


class DuplicateGuideId(LibraryRule):
    """Two guides in the same language declare the same `id`.

    ## What it does
    Groups guides by `id` and language; every guide after the first (in path
    order) is reported at its `id`, with the first one as the related location.

    ## Why is this bad?
    The `id` pairs a guide with its translation. With two English (or two
    Spanish) guides of one id, nothing can tell which pair is meant, so the pair
    checks skip the id entirely.

    ## Example
    ```yaml
    # content/en/iee.md and content/en/independent-educational-evaluation.md
    id: independent-educational-evaluation   # <- PR003 on the second file
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR003"
    name = "duplicate-guide-id"
    default_severity = Severity.ERROR

    def check(self, target: Library, ctx: RunContext) -> Iterator[Finding]:
        """Report every duplicate after the first."""
        for (doc_id, lang), docs in sorted(ctx.library.by_id.items()):
            if len(docs) < 2:
                continue
            first, *others = sorted(docs, key=lambda d: d.display)
            first_line, first_column = first.value_position(("id",))
            related = (Location(first.display, first_line, first_column, note=msg("first guide with this id")),)
            for doc in others:
                line, column = doc.value_position(("id",))
                yield self.finding(
                    doc,
                    line,
                    column,
                    msg("id {id!r} is also used by {path} ({lang})", id=doc_id, path=first.display, lang=lang),
                    msg("Give each guide its own id; a translation shares the id of its English guide only."),
                    related=related,
                )
