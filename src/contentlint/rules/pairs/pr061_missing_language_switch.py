"""PR061 missing-language-switch: a paired guide without a language switch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule
from contentlint.rules.pairs.pr060_language_switch_mismatch import relative_href

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class MissingLanguageSwitch(PairRule):
    """A guide that has a translation but no `language_switch` to reach it.

    ## What it does
    Checks both guides of every pair for a `language_switch` mapping in the
    front matter and reports the one that lacks it, with the path to use.

    ## Why is this bad?
    Without the switch, a parent who arrived on the English page never learns
    that a Spanish one exists (and the other way round).

    ## Example
    ```yaml
    # content/es/notificacion-previa-por-escrito.md, no language_switch:  <- PR061
    language_switch:
      label: Prefer English? Read this guide
      href: ../en/prior-written-notice.md
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR061"
    name = "missing-language-switch"
    default_severity = Severity.WARNING

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report each side of the pair without a switch."""
        for doc, other in ((target.en, target.es), (target.es, target.en)):
            if "language_switch" in doc.front:
                continue
            line, column = doc.position(("language_switch",))
            label = "¿Prefieres español? Lee esta guía" if doc.lang == "en" else "Prefer English? Read this guide"
            yield self.finding(
                doc,
                line,
                column,
                msg("no language_switch, although {path} translates this guide", path=other.display),
                msg("Add `language_switch: {{label: {label}, href: {href}}}` to the front matter.", label=label,
                    href=relative_href(doc, other)),
                related=(Location(other.display, 1, 1, note=msg("the translation")),),
            )
