"""PR001 missing-translation: an English guide with no Spanish guide."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import LibraryRule

if TYPE_CHECKING:
    from contentlint.content.library import Library
    from contentlint.context import RunContext


class MissingTranslation(LibraryRule):
    """An English guide with no Spanish guide of the same `id`, and not marked as awaiting one.

    ## What it does
    Looks for a guide in `content/es/` with the English guide's `id`. A guide
    whose front matter says `awaiting_translation: true` is skipped: the missing
    translation is known and planned. When the Spanish guide of this id exists but its
    front matter cannot be read (or says `lang: en` in `content/es/`), PR024 reports a
    note instead: the root cause is on the Spanish file.

    ## Why is this bad?
    A Spanish-speaking parent who follows a link or the language switch lands on
    nothing. Either the translation was forgotten or its `id` was mistyped.

    ## Example
    ```yaml
    # content/en/prior-written-notice.md, with no content/es/ guide of this id
    id: prior-written-notice
    awaiting_translation: false   # <- PR001 here: translate it, or set this to true
    ```

    ## Options
    None. How strict it is comes from the usual settings: `severity = "warning"` in
    `[tool.contentlint.rules.missing-translation]` only warns, and
    `ignore = ["PR001"]` (or per-file-ignores) turns it off.
    """

    code = "PR001"
    name = "missing-translation"
    default_severity = Severity.ERROR

    def check(self, target: Library, ctx: RunContext) -> Iterator[Finding]:
        """Report English guides whose id has no Spanish guide."""
        for doc in ctx.library.without_counterpart("en"):
            if doc.front.get("awaiting_translation") is True:
                continue
            if ctx.library.unsound_slot(doc.doc_id, "es") is not None:
                continue  # the Spanish guide exists but cannot be read: PR024 names it
            unreadable = ctx.library.unsound_unclaimed("es")
            line, column = doc.value_position(("id",))
            yield self.finding(
                doc,
                line,
                column,
                msg("no Spanish guide has id {id!r}", id=doc.doc_id),
                msg("Add the translation under content/es/ with the same id, or set "
                    "`awaiting_translation: true` in this front matter while it is pending.") if not unreadable
                else msg("{path} cannot be read as a guide and may be this translation: fix it first.",
                         path=unreadable[0].display),
                related=tuple(Location(d.display, 1, 1, note=msg("a Spanish guide that cannot be read"))
                              for d in unreadable[:3]),
            )
