"""PR006 awaiting-translation-mismatch: the awaiting_translation flag says the wrong thing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import LibraryRule

if TYPE_CHECKING:
    from contentlint.content.library import Library
    from contentlint.context import RunContext


class AwaitingTranslationMismatch(LibraryRule):
    """`awaiting_translation: true` on a guide that has its translation, or on a Spanish guide.

    ## What it does
    Reports an English guide marked `awaiting_translation: true` when a Spanish
    guide with its id exists, and any Spanish guide that sets the flag (it is
    English-only).

    ## Why is this bad?
    The flag turns off the missing-translation check (PR001). Left behind after
    the translation lands, it hides the day the translation goes missing again.

    ## Example
    ```yaml
    # content/en/prior-written-notice.md, and content/es/... with the same id exists
    awaiting_translation: true    # <- PR006: remove it (or set it to false)
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR006"
    name = "awaiting-translation-mismatch"
    default_severity = Severity.WARNING

    def check(self, target: Library, ctx: RunContext) -> Iterator[Finding]:
        """Check the flag on every guide."""
        for doc in ctx.library.guides:
            flag = doc.front.get("awaiting_translation")
            if doc.lang == "es" and "awaiting_translation" in doc.front:
                line, column = doc.position(("awaiting_translation",))
                yield self.finding(
                    doc,
                    line,
                    column,
                    msg("awaiting_translation is an English-only field"),
                    msg("Remove it from the Spanish guide."),
                )
            elif doc.lang == "en" and flag is True and doc.doc_id:
                translations = ctx.library.by_id.get((doc.doc_id, "es"), [])
                if not translations:
                    continue
                line, column = doc.value_position(("awaiting_translation",))
                yield self.finding(
                    doc,
                    line,
                    column,
                    msg("marked awaiting_translation, but {path} translates it", path=translations[0].display),
                    msg("Remove `awaiting_translation: true` now that the translation exists."),
                    related=(Location(translations[0].display, 1, 1, note=msg("the Spanish guide")),),
                )
