"""LK004 unknown-related-guide: a ``related`` id with no guide in this language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule
from contentlint.rules.links.common import closest_id, language_name

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class UnknownRelatedGuide(FileRule):
    """An id in `related` that names no guide of the same language.

    ## What it does
    Looks up every id of the front matter's `related` list among the guides
    of the library in the guide's own language, and reports, at the id, one
    that no guide declares, or that only the other language has (a Spanish
    guide listing an id whose Spanish guide does not exist yet). An id whose guide
    exists but cannot be read (its front matter is broken or contradicts its folder)
    is not reported: that guide's own finding is the root cause.

    ## Why is this bad?
    `related` becomes the "read next" links of the page. An unknown id is a
    dead link, or silently disappears from the page, depending on the site.

    ## Example
    ```yaml
    related: [prior-written-notice, dispute-option]   # <- LK004: no guide has id dispute-option
    related: [prior-written-notice, dispute-options]  # fine
    ```

    ## Options
    None besides `severity`. PR005 compares the English and Spanish lists.
    """

    code = "LK004"
    name = "unknown-related-guide"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report related ids that resolve to no guide."""
        for site, where in ctx.link_index().resolved(target):
            if site.origin != "related" or where.kind != "unknown-id":
                continue
            lang = language_name(target.lang)
            related: tuple[Location, ...] = ()
            if where.doc is not None:
                message = msg("related guide '{id}' has no {lang} version", id=where.detail, lang=lang)
                hint = msg("Remove '{id}' from related until the {lang} guide exists.", id=where.detail,
                           lang=lang)
                note = msg("the {lang} guide", lang=language_name(where.doc.lang))
                related = (Location(where.doc.display, 1, 1, note=note),)
            else:
                message = msg("no guide has the related id '{id}'", id=where.detail)
                guess = closest_id(ctx.library, target.lang, where.detail)
                hint = (msg("Did you mean '{id}'?", id=guess) if guess
                        else msg("Use the id: of an existing guide, or remove it."))
            unreadable = ctx.library.unsound_unclaimed(target.lang or "")
            if unreadable:  # never advise removing the id because another guide failed to load
                hint = msg("{path} cannot be read as a guide and may have this id: fix it first.",
                           path=unreadable[0].display)
            yield self.finding(target, site.line, site.column, message, hint, related=related)
