"""Helpers shared by the RD rules: where to report, and how to show a sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from contentlint.i18n import msg

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.readability import DocumentScore, SentenceScore

GUIDE_TYPES = ("how-to", "topic", "faq", "checklist", "index")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_QUOTE_WORDS = 8
_PATTERN_WORD = 64  # letters of a word that enter a search pattern


def document_position(doc: Document) -> tuple[int, int]:
    """Where a finding about the whole guide goes: its ``title`` in the front matter."""
    if doc.yaml is not None and ("title",) in doc.yaml.value_positions:
        return doc.value_position(("title",))
    return (1, 1)


def sentence_column(doc: Document, sentence: SentenceScore) -> int:
    """1-based column of a sentence on its line (1 when markup hides it)."""
    if not 0 < sentence.line <= len(doc.lines):
        return 1
    line = doc.lines[sentence.line - 1]
    words = _WORD.findall(sentence.text)[:4]
    # A pattern is built from the text, so a word is cut at _PATTERN_WORD letters: a
    # fuzzed guide's one-megabyte "word" took seconds to compile. The prefixes stop at
    # a cut word, which has no end to look for.
    cut = False
    for index, word in enumerate(words):
        if len(word) > _PATTERN_WORD:
            words, cut = [*words[:index], word[:_PATTERN_WORD]], True
            break
    # Markup, link brackets or line breaks may sit between the words: allow any
    # non-word run there, and try shorter prefixes when the line breaks early.
    while words:
        end = "" if cut else r"(?![\w])"
        pattern = r"(?<![\w])" + r"[\W_]+".join(re.escape(w) for w in words) + end
        found = re.search(pattern, line)
        if found:
            return found.start() + 1
        words, cut = words[:-1], False
    return 1


def quote(sentence: SentenceScore) -> str:
    """The first words of a sentence, to name it in a message."""
    words = sentence.text.split()
    head = " ".join(words[:_QUOTE_WORDS])
    return head + ("…" if len(words) > _QUOTE_WORDS else "")


def words_per_sentence(score: DocumentScore) -> float:
    """Average sentence length (0 when there is no sentence)."""
    return score.words / score.sentences if score.sentences else 0.0


def hardest(score: DocumentScore, lang: str, count: int, min_words: int) -> list[tuple[float, SentenceScore]]:
    """The ``count`` hardest sentences of at least ``min_words`` words, hardest first."""
    from contentlint.readability.guides import sentence_grade

    graded = [(sentence_grade(s, lang), s) for s in score.sentences_detail if s.words >= min_words]
    graded.sort(key=lambda item: (-item[0], item[1].line))
    return graded[:count]


def hardest_detail(score: DocumentScore, lang: str, count: int = 3, min_words: int = 14) -> str:
    """Lines naming the hardest sentences (of ``min_words`` or more), for a finding's detail."""
    text: str = msg("hardest sentences:") if lang == "en" else msg("hardest sentences (grades on the English scale):")
    rows = 0
    for grade, sentence in hardest(score, lang, count, min_words):
        row = msg("line {line}: grade {grade:.1f}, {words} words: {text}", line=sentence.line, grade=grade,
                  words=sentence.words, text=quote(sentence))
        text = msg("{before}\n{line}", before=text, line=row)
        rows += 1
    return text if rows else ""


def one_decimal(value: float) -> float:
    """``value`` rounded as shown (one decimal), never ``-0.0``."""
    return round(value, 1) + 0.0
