"""PL002 vague-link-text: link text that says nothing out of context."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from contentlint.content.text import fold
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext

VAGUE = {
    "en": ("click here", "here", "read more", "learn more", "more", "this link", "link", "this", "more info", "click"),
    "es": (
        "haga clic aquí", "haz clic aquí", "clic aquí", "aquí", "leer más", "más información", "más", "este enlace",
        "enlace", "ver más",
    ),
}


class VagueLinkText(FileRule):
    """Link text such as "click here", "read more", "aquí" or "más información".

    ## What it does
    Compares the text of every link in the body (accents and case ignored,
    punctuation trimmed) with a list of phrases that say nothing on their own.

    ## Why is this bad?
    Screen-reader users move from link to link; "here, here, read more" tells
    them nothing (WCAG 2.4.4, Link Purpose). Sighted parents scanning a page
    look for link text too.

    ## Example
    ```markdown
    To find your Parent Center, [click here](https://www.parentcenterhub.org/).   <- reported
    [Find your Parent Center](https://www.parentcenterhub.org/find-your-center/).  <- fine
    ```

    ## Options
    - `extra-phrases` (default none): more phrases to flag, in any language.
    """

    code = "PL002"
    name = "vague-link-text"
    default_severity = Severity.ERROR
    extra_groups = ("accessibility",)

    class Options(NoOptions):
        """Options of PL002."""

        extra_phrases: list[str] = Field(default_factory=list)

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report body links whose text is on the list."""
        lang = target.lang or "en"
        phrases = {fold(p) for p in (*VAGUE.get(lang, ()), *self.options.extra_phrases)}
        for block in target.blocks:
            for link in block.links:
                if link.image:
                    continue
                text = fold(link.text).strip(" .,:;!?¡¿→»«\"'")
                if text in phrases:
                    yield self.finding(
                        target, link.line, link.column,
                        msg("link text '{text}' does not say where the link goes", text=link.text),
                        msg("Use words that name the destination, e.g. 'Find your Parent Center'."),
                    )
