"""LQ001 misspelled-word: a word no dictionary and no project list knows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions
from contentlint.rules.language.common import GUIDE_LANGUAGES, unknown_words

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class MisspelledWord(FileRule):
    """A word of a guide's prose that the dictionary of its language does not know.

    ## What it does
    Checks every word of a guide's prose (headings, paragraphs, list items, quotes,
    tables) against a Hunspell dictionary with its affix rules, so every inflection
    is known: LibreOffice `en_US` (SCOWL) for English, `es_US` (RLA-ES) for Spanish,
    both shipped with contentlint (nothing is downloaded). Spanish verbs with
    attached pronouns ("escríbala", "pídaselo") are checked through their verb.
    Never checked: inline code, URLs, e-mail addresses, link targets, HTML, legal
    citations, words with digits, acronyms (two capitals or more), single letters,
    and capitalized words inside a sentence (names). Known words also come from the
    library itself: glossary terms and variants, the acronym decoder's expansions,
    the data files' titles and citations, and the capitalized words of guide titles.
    Text marked `<span lang="en">` in a Spanish guide is checked as English; an
    unmarked English word there is LQ003's, not a misspelling; so is a Spanish word
    without its accent that English also has ("areas", "decision"), which is
    reported here. The hint suggests up to three corrections, the word with its
    accent first ("evaluacion" -> "evaluación"), then the words one edit away (or
    an edit and an accent, or two slips of habit: "reccomend"), found in the shipped
    word set in milliseconds and ranked by how writers err (sound-alike letters,
    doubled letters, swapped letters, keyboard neighbours), the words the library
    already uses first.

    ## Why is this bad?
    A misspelled word, or a Spanish word without its accent, tells a parent the
    guide was not reviewed, and a screen reader may mispronounce it.

    ## Example
    ```markdown
    Puede pedir una evaluacion independiente.   <- did you mean 'evaluación'?
    ```
    Add a word the library needs to the project list or to the guide:
    ```toml
    [tool.contentlint.rules.LQ001]
    words = ["Wrightslaw", "reevaluación"]
    ```
    ```yaml
    spelling_ignore: [Wrightslaw]   # in one guide's front matter
    ```

    ## Options
    - `words` (list of words, default none): the project's own words, accepted in
      every guide of both languages.
    """

    code = "LQ001"
    name = "misspelled-word"
    default_severity = Severity.WARNING
    extra_groups = ("spelling",)

    class Options(NoOptions):
        """Options of LQ001."""

        words: list[str] = Field(default_factory=list)

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report each word of the guide that no dictionary and no list knows."""
        if target.kind != "guide" or target.lang not in GUIDE_LANGUAGES:
            return
        for word, other_language in unknown_words(target, ctx, self.options.words):
            if other_language:
                continue  # English inside Spanish: LQ003
            suggestions = ctx.speller(word.lang).suggest(word.text)
            if suggestions:
                hint = msg("Did you mean {suggestions}? If the word is right, add it to the project's words "
                           "(LQ001 option `words`) or to the guide's `spelling_ignore`.",
                           suggestions=", ".join(f"'{s}'" for s in suggestions))
            else:
                hint = msg("Check the spelling. If the word is right, add it to the project's words "
                           "(LQ001 option `words`) or to the guide's `spelling_ignore`.")
            yield self.finding(
                target, word.line, word.column,
                msg("'{word}' is not in the {language} dictionary", word=word.text,
                    language=msg("English") if word.lang == "en" else msg("Spanish")),
                hint,
                end=(word.line, word.column + len(word.text)),
                context={"word": word.text, "suggestions": suggestions},
            )
        for lang in GUIDE_LANGUAGES:
            ctx.speller(lang).save()
