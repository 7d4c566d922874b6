"""What the MP rules share: reading the run context's sentence differences and
turning one into a finding at the Spanish sentence that names the English one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from contentlint.bilingual.locate import locate
from contentlint.findings import Finding, Location
from contentlint.i18n import Message, msg
from contentlint.meaning.lexicon import normalize
from contentlint.rules.base import PairRule

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext
    from contentlint.meaning.compare import Difference
    from contentlint.meaning.pairs import SentenceDifference

# What a marker's class means, in the UI language (the classes of data/lexicon.toml).
MEANINGS: dict[str, Message] = {
    "negated": msg("negated"),
    "affirmative": msg("affirmative"),
    "obligation": msg("an obligation"),
    "permission": msg("permission"),
    "advice": msg("advice"),
    "prohibition": msg("a prohibition"),
    "exemption": msg("no obligation"),
    "possible": msg("a possibility"),
    "before": msg("before"),
    "after": msg("after"),
    "within": msg("within a time limit"),
    "until": msg("until"),
    "at-least": msg("at least"),
    "at-most": msg("at most"),
    "unless": msg("unless"),
    "only-if": msg("only if"),
    "all": msg("all"),
    "some": msg("some"),
    "most": msg("most"),
    "only": msg("only"),
    "both": msg("both"),
    "always": msg("always"),
    "usually": msg("usually"),
    "sometimes": msg("sometimes"),
    "rarely": msg("rarely"),
}
_QUOTE_LIMIT = 140


def meaning(cls: str) -> str:
    """What a class means in words (a party id is shown as it is)."""
    parts: list[str] = [MEANINGS.get(part, part.replace("-", " ")) for part in cls.split("/") if part]
    if not parts:
        return ""
    # Kept as messages (not joined strings) so that they are translated with the finding.
    found = parts[0]
    for other in parts[1:]:
        found = msg("{one} or {other}", one=found, other=other)
    return found


def original(sentence: str, lang: str, marker: str) -> str:
    """The marker as the sentence writes it (case and accents kept) when it can be found."""
    if not marker:
        return ""
    folded = normalize(sentence, lang)
    at = folded.find(marker)
    if at >= 0 and len(folded) == len(sentence):
        return sentence[at : at + len(marker)]
    return marker


def quote(sentence: str) -> str:
    """A sentence short enough to quote in a hint."""
    return sentence if len(sentence) <= _QUOTE_LIMIT else sentence[: _QUOTE_LIMIT - 1].rstrip() + "…"


def _needle(sentence: str) -> str:
    return " ".join(sentence.split()[:4])


class MeaningRule(PairRule):
    """Base of the MP rules: one kind of :class:`contentlint.meaning.compare.Difference`."""

    kind: ClassVar[str]

    def message(self, difference: Difference, en_words: str, es_words: str) -> str:
        """What is wrong, quoting the markers (each rule words its kind)."""
        raise NotImplementedError

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report each difference of this rule's kind at its Spanish sentence."""
        for found in ctx.meaning(target):
            if found.difference.kind == self.kind:
                yield self._finding(target, found)

    def _finding(self, target: Pair, found: SentenceDifference) -> Finding:
        en_text = found.sentences.en_text
        es_text = found.sentences.es_text
        difference = found.difference
        en_words = original(en_text, "en", difference.en_marker)
        es_words = original(es_text, "es", difference.es_marker)
        line, column = locate(target.es, found.es_block.block, _needle(found.sentences.es[0].text))
        en_line, en_column = locate(target.en, found.en_block.block, _needle(found.sentences.en[0].text))
        return self.finding(
            target.es,
            line,
            column,
            self.message(difference, en_words, es_words),
            msg("Read the Spanish sentence “{es}” against the English “{en}” and make it say the same thing "
                "(or suppress this finding with a reason if it does).", es=quote(es_text), en=quote(en_text)),
            related=(Location(target.en.display, en_line, en_column,
                              note=msg("English sentence “{en}”", en=quote(en_text))),),
            context={"kind": difference.kind, "en_marker": en_words, "es_marker": es_words,
                     "en_class": difference.en_class, "es_class": difference.es_class},
        )
