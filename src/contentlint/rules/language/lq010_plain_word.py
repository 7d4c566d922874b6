"""LQ010 plain-word: a word or phrase with a plainer choice."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule
from contentlint.rules.language.common import GUIDE_LANGUAGES, lexicon_hits

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class PlainWord(FileRule):
    """A word or phrase that plain-language practice replaces with a plainer one.

    ## What it does
    Finds, in a guide's prose, the words and phrases of the editable lists
    `language/data/plain-en.yaml` and `plain-es.yaml` (shipped with contentlint):
    jargon with a plainer word ("utilize" -> "use", "prior to" -> "before",
    "a efectos de" -> "para"), hidden verbs ("make a decision" -> "decide",
    "tomar una decisión" -> "decidir"), double negatives ("not uncommon",
    "no es imposible") and Latinisms ("i.e.", "a priori"). The hint gives the
    plainer choice and the reason from the list. Quoted text, citations, code and
    text marked as the other language are left alone.

    ## Why is this bad?
    The Federal Plain Language Guidelines and easy-to-read practice (lectura fácil)
    ask for the simplest word that says it; a parent reading in a second language or
    under stress understands "before" sooner than "prior to".

    ## Example
    ```markdown
    Ask for the records prior to the meeting.   <- 'before'
    Con el fin de preparar la reunión, ...        <- 'para'
    ```

    ## Options
    None besides `severity`: `info` by default, because plain-language advice is a
    writer's choice (on the translator-variation corpus, 3 of 64 professional pairs
    drew one); set it to `warning` to hold a library to the lists. To change the
    lists, edit the YAML files; each entry has `find`, `use` and `why`.
    """

    code = "LQ010"
    name = "plain-word"
    default_severity = Severity.INFO

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report each listed word or phrase of the guide."""
        if target.kind != "guide" or target.lang not in GUIDE_LANGUAGES:
            return
        for hit in lexicon_hits(target, ctx, "plain"):
            yield self.finding(
                target, hit.line, hit.column,
                msg("'{text}' has a plainer choice: '{use}'", text=hit.text, use=hit.entry.use),
                msg("Write '{use}'. {why}", use=hit.entry.use, why=hit.entry.why),
                end=(hit.line, hit.end),
                context={"text": hit.text, "use": hit.entry.use},
            )
