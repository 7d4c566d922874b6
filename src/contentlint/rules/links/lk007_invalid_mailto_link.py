"""LK007 invalid-mailto-link: a ``mailto:`` link that is not a valid e-mail address."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class InvalidMailtoLink(FileRule):
    """A `mailto:` link whose address is not valid (`mailto:help@`, `mailto:help at x.org`).

    ## What it does
    Checks the syntax of every `mailto:` link (RFC 6068, pragmatically): at
    least one address, a valid part before `@`, a domain with a dot, and a
    well-formed `?subject=...&body=...` query. Nothing is sent and no DNS
    lookup is made.

    ## Why is this bad?
    A parent who taps "email the Parent Center" gets an error, or a draft to
    nobody, and may never write.

    ## Example
    ```markdown
    [Email us](mailto:help@parentcenter.org)    <- fine
    [Email us](mailto:help@parentcenter)        <- LK007: invalid domain
    [Email us](mailto:help.parentcenter.org)    <- LK007: no '@'
    ```

    ## Options
    None besides `severity`.
    """

    code = "LK007"
    name = "invalid-mailto-link"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report invalid e-mail links."""
        for site, where in ctx.link_index().resolved(target):
            if where.kind != "mailto":
                continue
            # Imported only when needed: the engine module pulls in asyncio and yarl (~0.1 s).
            from contentlint.links.syntax import validate_mailto

            ok, problem = validate_mailto(site.href.strip())
            if not ok:
                yield self.finding(
                    target, site.line, site.column,
                    msg("invalid e-mail link '{href}': {problem}", href=site.shown, problem=problem),
                    msg("Write it as mailto:name@example.org."),
                )
