"""PR002 orphan-translation: a Spanish guide with no English guide."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import LibraryRule

if TYPE_CHECKING:
    from contentlint.content.library import Library
    from contentlint.context import RunContext


class OrphanTranslation(LibraryRule):
    """A Spanish guide whose `id` no English guide has.

    ## What it does
    Reports a guide in `content/es/` when no guide in `content/en/` declares the
    same `id`. When the English guide of this id exists but its front matter cannot be
    read (or contradicts its folder), PR024 reports a note instead; when an English guide's
    id cannot be read at all, the hint names it instead of advising to remove this guide.

    ## Why is this bad?
    The English guide was renamed or removed, or the Spanish `id` is mistyped.
    Either way the pair checks (alignment, staleness, parity) cannot run, and the
    Spanish page may keep advice the English no longer gives.

    ## Example
    ```yaml
    # content/es/notificacion-previa-por-escrito.md
    id: prior-writen-notice    # <- PR002: no English guide has this id (typo)
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR002"
    name = "orphan-translation"
    default_severity = Severity.WARNING

    def check(self, target: Library, ctx: RunContext) -> Iterator[Finding]:
        """Report Spanish guides whose id has no English guide."""
        unreadable = ctx.library.unsound_unclaimed("en")
        for doc in ctx.library.without_counterpart("es"):
            if ctx.library.unsound_slot(doc.doc_id, "en") is not None:
                continue  # the English guide exists but cannot be read: PR024 names it
            line, column = doc.value_position(("id",))
            # Never advise removing this guide because another file failed to load.
            hint = (msg("Use the id of the English guide this translates, or remove the guide if the English is gone.")
                    if not unreadable else
                    msg("{path} cannot be read as a guide and may be the English of this one: fix it first.",
                        path=unreadable[0].display))
            yield self.finding(
                doc,
                line,
                column,
                msg("no English guide has id {id!r}", id=doc.doc_id),
                hint,
                related=tuple(Location(d.display, 1, 1, note=msg("an English guide that cannot be read"))
                              for d in unreadable[:3]),
            )
