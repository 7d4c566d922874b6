"""PR041 known-mistranslation: a Spanish guide uses a known wrong translation of a term."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from contentlint.bilingual.blocks import PROSE_KINDS
from contentlint.bilingual.glossary import GlossaryIndex, Mistranslation
from contentlint.bilingual.inflection import key_spans, keys
from contentlint.bilingual.locate import locate
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule
from contentlint.rules.fixing import glossary_replacement, replace_at

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.yamlload import Loc
    from contentlint.context import RunContext

FRONT_MATTER_TEXT = (("title",), ("description",))
CARD_TEXT = ("title", "text", "label")


class KnownMistranslation(FileRule):
    """A Spanish guide that uses a known mistranslation of a glossary term, anywhere in its text.

    ## What it does
    Looks for each `es.mistranslations` entry of `data/glossary.yaml` in every
    Spanish body block and in the front matter's `title`, `description` and card
    texts, with the same inflection-tolerant, accent-insensitive matching as
    PR040 ("audiciones" matches "audición"), and reports it where it is.

    ## Why is this bad?
    Some renderings are plainly wrong: "audición" is the sense of hearing or an
    audition, not a due process hearing. Glossary maintainers list them so they
    never come back.

    ## Example
    ```markdown
    Puede pedir una audición de debido proceso.    <- PR041: use "audiencia de debido proceso"
    ```

    ## Fix
    `contentlint fix` writes the glossary's term in its place, keeping the capital
    letter and the plural of the text ("Audiciones de debido proceso" becomes
    "Audiencias de debido proceso"). The fix is applied by `--apply` only when the
    words around it still agree: the two nouns have the same gender, and a plural
    changes only the words before the first preposition; otherwise it is offered
    as an unsafe fix (`--unsafe-fixes`, or the editor's code action).

    ## Options
    None besides `severity`. Add entries to `es.mistranslations` in the glossary.
    """

    code = "PR041"
    name = "known-mistranslation"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Scan the Spanish guide's body and front matter text."""
        if target.kind != "guide" or target.lang != "es":
            return
        index = ctx.glossary()
        if index is None or index.mistranslations.empty:
            return
        for info in ctx.blocks(target):
            if info.kind not in PROSE_KINDS:
                continue
            for found, wrong in _find(index, info.text, ctx.block_keys(target, info)):
                line, column = locate(target, info.block, found)
                yield self._finding(target, line, column, found, wrong)
        for loc, text in _front_matter_texts(target.front):
            for found, wrong in _find(index, text):
                line, column = target.value_position(loc)
                yield self._finding(target, line, column, found, wrong)

    def _finding(self, doc: Document, line: int, column: int, found: str, wrong: Mistranslation) -> Finding:
        replacement = glossary_replacement(found, wrong.text, wrong.term.es)
        fix = None
        if replacement is not None and 1 <= line <= len(doc.lines):
            new, applicability = replacement
            # In the body the finding is at the words; in front matter at the value,
            # which holds the words once, further on the same line.
            at = column if doc.lines[line - 1][column - 1 :].startswith(found) else None
            if at is None and doc.lines[line - 1].count(found) == 1:
                at = doc.lines[line - 1].index(found) + 1
            if at is not None and at >= column:
                fix = replace_at(doc, line, at, found, new, msg("Write “{new}”", new=new), applicability)
        return self.finding(
            doc,
            line,
            column,
            msg("“{found}” is a known mistranslation of “{english}”; use “{spanish}”", found=found,
                english=wrong.term.en, spanish=wrong.term.es),
            msg("Use the glossary's Spanish term or one of its variants."),
            context={"term": wrong.term.term_id},
            fix=fix,
        )


# Characters that hide a word from matching without changing how it reads: invisible
# ones inside a word (a soft hyphen, zero-width spaces and joiners, a word joiner,
# a byte-order mark) and Cyrillic or Greek letters drawn like Latin ones.
_INVISIBLE = "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
_LOOK_ALIKES = str.maketrans(
    "аеорсухіјѕԁӏһԛԝАВЕКМНОРСТХУІЈЅԌοανιΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdlhqwABEKMHOPCTXYIJSGoaviABEZHIKMNOPTYX",
)
_DISGUISE_RE = re.compile(f"[{_INVISIBLE}аеорсухіјѕԁӏһԛԝАВЕКМНОРСТХУІЈЅԌοανιΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]")


def _undisguised(text: str) -> tuple[str, list[int]] | None:
    """``text`` without invisible characters and with look-alike letters made Latin, and
    where each of its characters was in ``text`` (None when there is nothing to undo)."""
    if not _DISGUISE_RE.search(text):
        return None
    out: list[str] = []
    where: list[int] = []
    for offset, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        out.append(char.translate(_LOOK_ALIKES))
        where.append(offset)
    return "".join(out), where


def _find(index: GlossaryIndex, text: str, text_keys: list[str] | None = None) -> list[tuple[str, Mistranslation]]:
    plain = _undisguised(text)
    if plain is not None:  # a soft hyphen or a Cyrillic "а" must not hide the word
        clean, where = plain
        hits = index.mistranslations.find(keys(clean, "es"))
        if not hits:
            return []
        spans = key_spans(clean, "es")
        return [(text[where[spans[hit.start][1]] : where[spans[hit.end - 1][2] - 1] + 1], hit.payload)
                for hit in hits]
    hits = index.mistranslations.find(text_keys if text_keys is not None else keys(text, "es"))
    if not hits:
        return []
    spans = key_spans(text, "es")  # offsets only for what is reported
    return [(text[spans[hit.start][1] : spans[hit.end - 1][2]], hit.payload) for hit in hits]


def _front_matter_texts(front: dict[str, Any]) -> list[tuple[Loc, str]]:
    out: list[tuple[Loc, str]] = [
        (loc, front[loc[0]]) for loc in FRONT_MATTER_TEXT if isinstance(front.get(loc[0]), str)
    ]
    cards = front.get("cards")
    if isinstance(cards, list):
        for number, card in enumerate(cards):
            if isinstance(card, dict):
                out.extend(
                    (("cards", number, key), card[key]) for key in CARD_TEXT if isinstance(card.get(key), str)
                )
    return out
