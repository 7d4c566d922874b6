"""PR060 language-switch-mismatch: the language switch does not lead to the translation."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


def relative_href(source: Document, target: Document) -> str:
    """The relative path from one guide to another, as a link writes it."""
    return os.path.relpath(target.path.absolute(), source.path.absolute().parent).replace(os.sep, "/")


class LanguageSwitchMismatch(FileRule):
    """A `language_switch.href` that does not resolve to the guide's translation.

    ## What it does
    Resolves `language_switch.href` (the "¿Prefieres español?" link of an
    English guide, the "Prefer English?" link of a Spanish one) and reports it,
    at the value, when it leads nowhere, to another guide, or to a guide in the
    same language. The expected path is in the hint.

    ## Why is this bad?
    The language switch is how a parent who landed on the wrong language gets
    to the right one; a broken or wrong switch strands them.

    ## Example
    ```yaml
    # content/en/prior-written-notice.md
    language_switch:
      label: ¿Prefieres español? Lee esta guía
      href: ../es/aviso-previo.md      # <- PR060: the translation is ../es/notificacion-previa-por-escrito.md
    ```

    ## Options
    None besides `severity`. A paired guide without a language switch is PR061.
    """

    code = "PR060"
    name = "language-switch-mismatch"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Resolve the switch and compare it with the counterpart."""
        switch = target.front.get("language_switch")
        if target.kind != "guide" or not isinstance(switch, dict) or not isinstance(switch.get("href"), str):
            return
        href = switch["href"]
        found = ctx.library.resolve_href(target, href)
        expected = ctx.library.counterpart(target)
        other_lang = "es" if target.lang == "en" else "en"
        if expected is None and (
            (found is not None and not found.sound) or ctx.library.unsound_slot(target.doc_id, other_lang)
        ):
            return  # the translation cannot be read: its root cause is reported there (PR024 here)
        if expected is not None and found is expected:
            return
        if expected is None and found is not None and found.lang not in (None, target.lang) and (
            found.doc_id == target.doc_id
        ):
            return
        line, column = target.value_position(("language_switch", "href"))
        other = msg("Spanish") if target.lang == "en" else msg("English")
        problem: str
        if found is None:
            problem = msg("language switch {href!r} leads to no guide", href=href)
        elif found is target:
            problem = msg("language switch leads back to this guide")
        else:
            problem = msg("language switch leads to {path}, not to the {other} translation", path=found.display,
                          other=other)
        related: tuple[Location, ...] = ()
        if expected is not None:
            hint = msg("Set language_switch.href to {href}.", href=relative_href(target, expected))
            related = (Location(expected.display, 1, 1, note=msg("the {other} translation", other=other)),)
        else:
            hint = msg("There is no {other} guide with id {id!r} yet; remove the switch until there is.", other=other,
                       id=target.doc_id)
        yield self.finding(target, line, column, problem, hint, related=related)
