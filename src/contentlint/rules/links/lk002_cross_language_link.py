"""LK002 cross-language-link: a guide links to a guide in the other language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions
from contentlint.rules.links.common import language_name, relative_href

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class CrossLanguageLink(FileRule):
    """A link from a guide to a guide in the other language (the language switch aside).

    ## What it does
    Resolves the guide links of the body and the cards and reports those that
    land on a guide whose language differs from the linking guide's, for
    example a Spanish guide linking to `../en/dispute-options.md`. The
    `language_switch` link, whose whole point is to change language, is
    never reported. The hint names the translation to link to instead.

    ## Why is this bad?
    A Spanish-speaking parent who follows a link in a Spanish guide expects a
    Spanish page. Landing in English, with no warning, often ends the visit.

    ## Example
    ```markdown
    <!-- content/es/guia.md -->
    Vea [sus opciones](../en/dispute-options.md).            <- LK002
    Vea [sus opciones](opciones-para-resolver-desacuerdos.md).  <- fine
    ```

    ## Options
    - `allow-untranslated` (default false): allow the link when the target has
      no translation in the linking guide's language yet (the only page there is).
    """

    code = "LK002"
    name = "cross-language-link"
    default_severity = Severity.ERROR

    class Options(NoOptions):
        """Options of LK002."""

        allow_untranslated: bool = False

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report links into the other language."""
        if target.kind != "guide" or target.lang is None:
            return
        for site, where in ctx.link_index().resolved(target):
            other = where.doc
            if (
                where.kind != "guide"
                or other is None
                or site.origin in ("language_switch", "related")
                or other.lang in (None, target.lang)
            ):
                continue
            translation = ctx.library.by_id.get((other.doc_id or "", target.lang), [])
            if not translation and self.options.allow_untranslated:
                continue
            message = msg(
                "this {lang} guide links to the {other} guide {path}",
                lang=language_name(target.lang), other=language_name(other.lang), path=other.display,
            )
            if translation:
                hint = msg("Link to the {lang} translation instead: {href}",
                           lang=language_name(target.lang), href=relative_href(target, translation[0]))
            else:
                hint = msg("There is no {lang} translation of {path} yet; drop the link, or say the page is "
                           "in {other}.", lang=language_name(target.lang), path=other.display,
                           other=language_name(other.lang))
            related = (Location(other.display, 1, 1, note=msg("the linked guide")),)
            yield self.finding(target, site.line, site.column, message, hint, related=related)
