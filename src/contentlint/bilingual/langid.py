"""An offline English/Spanish detector for short blocks, from stop-word profiles.

No model, no download: function words that exist in only one of the two
languages are counted, and Spanish letters (á, é, ñ, ¿ ...) add weight.
Before counting, the words a translation keeps in English are removed:
names (capitalized words not starting a sentence, with the "of"/"and"/"de"
between them), acronyms, URLs, e-mail addresses, citations, code and text
in double quotes. Fewer than ``min_words`` words left means "not judged".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contentlint.facts.grammar import CITATION_RE, EMAIL_RE, URL_RE

EN_STOPWORDS = frozenset(
    [
        "the", "and", "of", "to", "is", "are", "was", "were", "be", "been", "being", "you", "your", "yours", "it",
        "its", "this", "that", "these", "those", "with", "for", "from", "by", "on", "at", "as", "an", "or", "if", "not",
        "do", "does", "did", "can", "could", "will", "would", "should", "must", "have", "has", "had", "they", "them",
        "their", "we", "our", "us", "she", "his", "her", "him", "what", "which", "who", "whom", "when", "where", "why",
        "how", "there", "here", "all", "any", "each", "about", "into", "than", "then", "so", "but", "also", "only",
        "just", "more", "most", "some", "such", "may", "might", "out", "up", "after", "before", "because", "while",
        "over", "under", "between", "both", "every", "other", "own", "very", "yes", "get", "got", "ask", "asked", "i'm",
        "don't", "can't", "won't", "isn't", "it's", "you're", "they're", "we're",
    ]
)
ES_STOPWORDS = frozenset(
    [
        "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "y", "o", "en", "que", "qué", "es",
        "son", "está", "están", "estar", "por", "para", "con", "sin", "sobre", "su", "sus", "usted", "ustedes", "le",
        "les", "lo", "se", "mi", "mis", "tu", "nos", "como", "cómo", "cuando", "cuándo", "donde", "dónde", "pero",
        "más", "muy", "ya", "también", "este", "esta", "estos", "estas", "ese", "esa", "esos", "esas", "eso", "esto",
        "hay", "ser", "puede", "pueden", "debe", "deben", "tiene", "tienen", "cada", "todo", "todos", "toda", "todas",
        "otro", "otra", "otros", "otras", "entre", "hasta", "desde", "porque", "si", "sí", "ni", "ante", "según",
        "cual", "cuál", "quien", "quién", "aunque", "mismo", "misma", "solo", "sólo", "fue", "han", "ha", "hace",
        "hacer", "pide", "pida",
    ]
)
_CONNECTORS = frozenset({"and", "of", "for", "the", "on", "in", "with", "de", "del", "la", "y", "para", "e"})
_SPANISH_LETTERS = frozenset("áéíóúñü¿¡")
_SENTENCE_START = frozenset(".!?¿¡:;(\"'—–-")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_QUOTED_RE = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»")
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
_CODE_SPAN_RE = re.compile(r"(`+)(.+?)\1", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Guess:
    """The detector's verdict: ``en``, ``es`` or None (unsure or too short)."""

    lang: str | None
    english: float
    spanish: float
    words: int


def countable_words(text: str, source: str = "") -> list[str]:
    """The words that are judged: lower case, without names, acronyms, codes and quotes."""
    if "`" in source:
        for code in _CODE_SPAN_RE.findall(source):
            text = text.replace(code[1].strip(), " ")
    if '"' in text or "“" in text or "«" in text:
        text = _QUOTED_RE.sub(" ", text)
    if "://" in text:
        text = URL_RE.sub(" ", text)
    if "@" in text:
        text = EMAIL_RE.sub(" ", text)
    if "§" in text or "C" in text:
        text = CITATION_RE.sub(" ", text)
    out: list[str] = []
    pending: list[str] = []  # lower-case connectors after a name, kept only if no name follows
    previous_name = False
    previous_end = 0
    initial = True  # a sentence starts at the beginning of the text
    for match in _WORD_RE.finditer(text):
        word = match.group()
        gap = text[previous_end : match.start()].strip()
        if gap:
            initial = gap[-1] in _SENTENCE_START
        previous_end = match.end()
        was_initial, initial = initial, False
        if word.isupper() and len(word) > 1:
            previous_name, pending = False, []
            continue  # acronym
        if word[0].isupper() and not was_initial:
            previous_name, pending = True, []  # a name: connectors before it were part of it
            continue
        if previous_name and word.lower() in _CONNECTORS:
            pending.append(word.lower())
            continue
        out.extend(pending)
        pending = []
        previous_name = False
        out.append(word.lower())
    out.extend(pending)
    return out


def guess(words: list[str], min_words: int = 4) -> Guess:
    """Which language these words are in."""
    if len(words) < min_words:
        return Guess(None, 0.0, 0.0, len(words))
    english = float(sum(1 for w in words if w in EN_STOPWORDS))
    spanish = float(sum(1 for w in words if w in ES_STOPWORDS))
    spanish += 0.5 * sum(1 for w in words if not w.isascii() and any(c in _SPANISH_LETTERS for c in w))
    lang = None
    if english >= 2 and english > 2 * spanish:
        lang = "en"
    elif spanish >= 2 and spanish > 2 * english:
        lang = "es"
    return Guess(lang, english, spanish, len(words))


def detect(text: str, source: str = "", min_words: int = 4) -> Guess:
    """The language of a block's rendered text (``source`` supplies its code spans)."""
    return guess(countable_words(text, source), min_words)


def foreign_sentence(text: str, source: str, expected: str, min_words: int = 6) -> str | None:
    """The first sentence of ``text`` written in the other language, if any."""
    for sentence in _SENTENCE_RE.split(text):
        found = detect(sentence, source, min_words)
        if found.lang is not None and found.lang != expected:
            return sentence
    return None
