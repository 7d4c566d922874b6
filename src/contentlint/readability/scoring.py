"""``score_units``: segment, count and score a sequence of prose units."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from . import metrics
from .model import UNIT_KINDS, DocumentScore, ProseUnit, SentenceScore
from .segment import split_sentences
from .tokens import token_counter, tokenizer

__all__ = ["normalize_lang", "score_units"]

_LANG_TAG = re.compile(r"^(en|es)(?:-[A-Za-z0-9]{1,8})*$", re.IGNORECASE)


def normalize_lang(lang: str) -> str:
    """``"en"``/``"es"`` from a BCP 47 tag (``es-US``, ``es-MX``, ``en-US``, ``EN``).

    Anything else (``fr``, ``spanish``, ``en_US``, ``""``) raises ValueError: the
    engine never falls back to English coefficients for an unknown language.
    """
    if not isinstance(lang, str):
        # the API promises ValueError for any unsupported lang, whatever its type
        raise ValueError(f"unsupported language {lang!r}: expected 'en' or 'es'")
    m = _LANG_TAG.match(lang)
    if m is None:
        raise ValueError(
            f"unsupported language {lang!r}: expected 'en' or 'es' (or a tag such as "
            "'en-US', 'es-US', 'es-MX')"
        )
    return m.group(1).lower()


def _prepare(text: str) -> str:
    if not text.isascii():
        if "\u00a0" in text or "\u202f" in text:
            text = text.replace("\u00a0", " ").replace("\u202f", " ")
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return text


def score_units(
    units: Sequence[ProseUnit], lang: str, *, include_headings: bool = False
) -> DocumentScore:
    """Count words, sentences and syllables of ``units`` and compute the scores.

    * ``lang``: ``"en"`` or ``"es"`` (or a BCP 47 tag with that primary subtag);
      anything else raises ValueError.
    * Headings are left out unless ``include_headings``; every other kind is scored.
      Each unit ends a sentence (list items and table cells need no final period).
    * Sentences of any length count; pieces with no word (``"—"``) are skipped.
    * English: Flesch Reading Ease and Flesch-Kincaid grade; Spanish: Fernández Huerta
      (corrected), Szigriszt-Pazos with its INFLESZ band, Crawford grade. ``grade`` is
      FK (en) or Crawford (es). With no words, every metric is None.

    Pure: no I/O, no printing; the English syllable table is read on first use.
    """
    code = normalize_lang(lang)
    findall = tokenizer(code)
    count_tok = token_counter(code)
    count_caps = token_counter(code, all_caps=True)
    english = code == "en"

    details: list[SentenceScore] = []
    for unit in units:
        kind = unit.kind
        if kind not in UNIT_KINDS:
            raise ValueError(
                f"unknown prose unit kind {kind!r} (line {unit.line}); expected one of "
                + ", ".join(sorted(UNIT_KINDS))
            )
        if kind == "heading" and not include_headings:
            continue
        text = _prepare(unit.text)
        if not text or text.isspace():
            continue
        multiline = "\n" in text
        seen_at, seen_line = 0, unit.line  # incremental line count: linear in the unit
        for offset, sentence in split_sentences(text, code):
            toks = findall(sentence)
            if not toks:
                continue
            w = len(toks)
            counter = count_caps if (w >= 3 and sentence.isupper()) else count_tok
            syl = list(map(counter, toks))
            y = sum(syl)
            p = sum(1 for s in syl if s >= 3)
            if english:
                grade = 0.39 * w + 11.8 * (y / w) - 15.59
            else:
                grade = -0.205 * (100.0 / w) + 0.049 * (100.0 * y / w) - 3.407
            if multiline:
                seen_line += text.count("\n", seen_at, offset)
                seen_at = offset
            line = seen_line
            if "\n" in sentence or "  " in sentence or "\t" in sentence:
                sentence = " ".join(sentence.split())
            details.append(SentenceScore(sentence, line, w, y, grade, p, kind))

    return aggregate(code, tuple(details))


def aggregate(lang: str, details: tuple[SentenceScore, ...]) -> DocumentScore:
    """The document score of scored sentences: sums, then the formulas of the language."""
    words = syllables = poly = 0
    for s in details:
        words += s.words
        syllables += s.syllables
        poly += s.polysyllables
    count = len(details)
    if words == 0:
        return DocumentScore(lang=lang, words=0, sentences=0, syllables=0, polysyllables=0, grade=None,
                             sentences_detail=details)
    if lang == "en":
        fk = metrics.flesch_kincaid_grade(words, count, syllables)
        return DocumentScore(
            lang=lang, words=words, sentences=count, syllables=syllables, polysyllables=poly, grade=fk,
            flesch_reading_ease=metrics.flesch_reading_ease(words, count, syllables),
            flesch_kincaid_grade=fk, sentences_detail=details,
        )
    sp = metrics.szigriszt_pazos(words, count, syllables)
    crawford = metrics.crawford_grade(words, count, syllables)
    return DocumentScore(
        lang=lang, words=words, sentences=count, syllables=syllables, polysyllables=poly, grade=crawford,
        fernandez_huerta=metrics.fernandez_huerta(words, count, syllables), szigriszt_pazos=sp,
        inflesz_band=metrics.inflesz_band(sp), crawford_grade=crawford, sentences_detail=details,
    )
