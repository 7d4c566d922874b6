"""LK008 invalid-tel-link: a ``tel:`` link that phones cannot dial."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class InvalidTelLink(FileRule):
    """A `tel:` link that is not a valid phone number (`tel:1-800-FLOWERS`, `tel:12`).

    ## What it does
    Checks every `tel:` link (RFC 3966): digits with optional `+`, `-`, `.`
    and parentheses, 3 to 15 digits (short codes such as `tel:211` are fine),
    well-formed `;ext=` parameters. Letters or too few or too many digits are
    errors. A number written with spaces works on most phones but is not a
    valid URL: that one is reported as a warning.

    ## Why is this bad?
    On a phone, the parent taps the number to call for help. A link the
    dialer cannot read fails exactly when it is needed.

    ## Example
    ```markdown
    [Call 211](tel:211)                      <- fine
    [Call us](tel:+1-800-555-0199)           <- fine
    [Call us](tel:1-800-PARENTS)             <- LK008: letters
    ```

    ## Options
    None besides `severity` (which, when set, applies to both kinds).
    """

    code = "LK008"
    name = "invalid-tel-link"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report phone links that cannot be dialled as written."""
        for site, where in ctx.link_index().resolved(target):
            if where.kind != "tel":
                continue
            # Imported only when needed: the engine module pulls in asyncio and yarl (~0.1 s).
            from contentlint.links.syntax import validate_tel

            outcome, problem = validate_tel(site.href.strip())
            if outcome == "ok":
                continue
            finding = self.finding(
                target, site.line, site.column,
                msg("invalid phone link '{href}': {problem}", href=site.shown, problem=problem),
                msg("Write it as tel:+1-800-555-0199 (digits, '+', '-', '.', parentheses)."),
            )
            if outcome == "warning":
                finding = dataclasses.replace(finding, severity=Severity.WARNING)
            yield finding
