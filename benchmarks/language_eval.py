#!/usr/bin/env python3
"""Recall and false alarms of the spelling and accent checks (LQ001-LQ003), per language.

Usage::

    PYTHONPATH=src .venv/bin/python benchmarks/language_eval.py [--suggest] [--show N] [--json OUT]

Reads the sets in tests/data/language/ (see their build scripts):

- ``clean-<lang>.txt``: correctly spelled guide-like sentences (the bundled library,
  the translator-variation corpus, real federal text, handwritten sentences, and
  variants of them). Every finding there is a false alarm; the rate is per 5,000
  words. The real sentences alone (no variant) are scored too.
- ``defects-<lang>.tsv``: real misspellings and (Spanish) missing accents, each in a
  sentence: recall is the share whose word is reported, by LQ001/LQ003 or by LQ002
  with the right correction (some of the accents left out make another word,
  "ultimo", which only the sentence settles); each count is shown.
- ``accents-es.tsv``: missing accents that only the sentence decides (LQ002): recall,
  and wrong findings (a finding on another word, or with another correction).

The words are checked exactly as the rules check them: the same masking and
tokenizer, the bundled library's vocabulary (glossary, acronyms, titles), the same
dictionaries. ``--suggest`` also scores the suggestions: the right word among the
first three and first, and the CPU time per word.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "tests" / "data" / "language"
sys.path.insert(0, str(DATA))


def _library_vocabulary() -> Any:
    from contentlint.config.settings import load_config
    from contentlint.pipeline.run import load_context

    config = load_config(ROOT)
    ctx = load_context(config)
    return {lang: ctx.vocabulary(lang) for lang in ("en", "es")}


def _lines(name: str) -> list[str]:
    return [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]


class Checker:
    """The rules' word checks on one sentence."""

    def __init__(self, vocabulary: Any) -> None:
        from contentlint.language.speller import Speller

        self.vocabulary = vocabulary
        self.spellers = {lang: Speller(lang) for lang in ("en", "es")}
        self._suggesters: dict[tuple[str, bool], Any] = {}

    def suggester(self, lang: str, fresh: bool = False) -> Any:
        """A speller for suggestions that has met the words of the bundled library's
        guides in ``lang`` (as a run has when it suggests: the project's own words rank
        first), or none (``fresh``). Not the checking spellers: those met the clean set,
        which holds the defect sentences' words."""
        from contentlint.language.speller import Speller
        from contentlint.language.tokens import WORD_RE

        key = (lang, fresh)
        if key not in self._suggesters:
            speller = self._suggesters[key] = Speller(lang)
            if not fresh:
                for path in sorted((ROOT / "content" / lang).glob("*.md")):
                    for match in WORD_RE.finditer(path.read_text(encoding="utf-8")):
                        speller.known(match.group(0))
        return self._suggesters[key]

    def line(self, sentence: str, lang: str) -> Any:
        from contentlint.language.tokens import ProseLine, mask

        masked, english = mask(sentence, lang)
        return ProseLine(1, masked, tuple(english), True, "paragraph")

    def words(self, sentence: str, lang: str) -> list[tuple[str, bool]]:
        from contentlint.language.spelling import unknown
        from contentlint.language.tokens import line_words

        found = unknown(line_words(self.line(sentence, lang), lang), lang, self.vocabulary[lang],
                        self.spellers.__getitem__)
        return [(word.text, english) for word, english in found]

    def accents(self, sentence: str) -> list[tuple[str, str]]:
        from contentlint.language.accents import accent_hits

        # A line without end punctuation is a heading (the sets keep headings as lines).
        heading = not sentence.rstrip().endswith((".", "?", "!", ":", ";", ")"))
        known = self.spellers["es"].known
        return [(hit.written, hit.correct) for hit in accent_hits(self.line(sentence, "es").text, heading, known)]


def score_clean(checker: Checker, lang: str, real: set[str]) -> dict[str, Any]:
    sentences = _lines(f"clean-{lang}.txt")
    alarms: list[tuple[str, str, str]] = []
    words = real_words = real_alarms = 0
    for sentence in sentences:
        count = len(sentence.split())
        words += count
        found = [(w, "LQ003" if english else "LQ001") for w, english in checker.words(sentence, lang)]
        if lang == "es":
            found += [(w, "LQ002") for w, _ in checker.accents(sentence)]
        alarms += [(code, w, sentence) for w, code in found]
        if sentence in real:
            real_words += count
            real_alarms += len(found)
    return {
        "sentences": len(sentences), "words": words, "false_alarms": len(alarms),
        "per_5000_words": round(len(alarms) * 5000 / max(words, 1), 3),
        "real_sentences": len(real & set(sentences)), "real_words": real_words, "real_false_alarms": real_alarms,
        "context_accent_false_alarms": sum(1 for code, _, _ in alarms if code == "LQ002"),
        "alarms": alarms,
    }


def score_defects(checker: Checker, lang: str, suggest: bool) -> dict[str, Any]:
    rows = [line.split("\t") for line in _lines(f"defects-{lang}.tsv")]
    found = by_word_rules = as_english = 0
    suggested = suggested_first = fresh_top3 = 0
    seconds: list[float] = []
    missed: list[tuple[str, str]] = []
    for sentence, written, correct in rows:
        words = checker.words(sentence, lang)
        reported = [w for w, _ in words]
        # LQ002 reports the same word with its correction when the sentence decides it
        # ("el ultimo día" -> "último"): a finding the writer sees all the same.
        accents = {w: c for w, c in checker.accents(sentence)} if lang == "es" else {}
        if written in reported or any(part in reported for part in written.split()):
            found += 1
            by_word_rules += 1
            as_english += any(english for w, english in words if w == written)
            if suggest:
                started = time.process_time()
                offered = checker.suggester(lang).suggest(written)
                seconds.append(time.process_time() - started)
                suggested += correct in offered[:3]
                suggested_first += offered[:1] == [correct]
                fresh_top3 += correct in checker.suggester(lang, fresh=True).suggest(written)[:3]
        elif accents.get(written) == correct:
            found += 1
        else:
            missed.append((written, correct))
    out: dict[str, Any] = {"items": len(rows), "found": found, "recall": round(found / max(len(rows), 1), 4),
                           "found_by_lq001_lq003": by_word_rules, "reported_as_english": as_english,
                           "missed": missed}
    if suggest:
        out["right_suggestion_in_top3"] = round(suggested / max(by_word_rules, 1), 4)
        out["right_suggestion_first"] = round(suggested_first / max(by_word_rules, 1), 4)
        out["suggest_cpu_ms_mean"] = round(1000 * sum(seconds) / max(len(seconds), 1), 2)
        out["suggest_cpu_ms_max"] = round(1000 * max(seconds, default=0.0), 2)
        out["right_suggestion_in_top3_fresh"] = round(fresh_top3 / max(by_word_rules, 1), 4)
    return out


def score_accents(checker: Checker) -> dict[str, Any]:
    rows = [line.split("\t") for line in _lines("accents-es.tsv")]
    found = wrong = 0
    missed: list[str] = []
    wrongs: list[str] = []
    for sentence, written, correct in rows:
        hits = checker.accents(sentence)
        if (written, correct) in hits:
            found += 1
        else:
            missed.append(sentence)
        bad = [h for h in hits if h != (written, correct)]
        if bad:
            wrong += len(bad)
            wrongs.append(f"{sentence} -> {bad}")
    return {"items": len(rows), "found": found, "recall": round(found / max(len(rows), 1), 4),
            "wrong_findings": wrong, "wrong": wrongs, "missed": missed}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--suggest", action="store_true", help="score the suggestions too (slow)")
    parser.add_argument("--show", type=int, default=10, help="list up to N false alarms and misses")
    parser.add_argument("--json", type=Path, help="write the whole result here")
    args = parser.parse_args()
    from build_clean import real_sentences

    started = time.perf_counter()
    checker = Checker(_library_vocabulary())
    result: dict[str, Any] = {}
    for lang in ("en", "es"):
        clean = score_clean(checker, lang, real_sentences(lang))
        defects = score_defects(checker, lang, args.suggest)
        result[lang] = {"clean": clean, "misspellings": defects}
        print(f"{lang}: misspellings recall {defects['recall']:.1%} ({defects['found']}/{defects['items']}; "
              f"by LQ001/LQ003 alone {defects['found_by_lq001_lq003']}, the rest by LQ002 with the right word; "
              f"{defects['reported_as_english']} wrongly called English)")
        if args.suggest:
            print(f"{lang}: right suggestion in top 3: {defects['right_suggestion_in_top3']:.1%}, first: "
                  f"{defects['right_suggestion_first']:.1%}; CPU per word {defects['suggest_cpu_ms_mean']} ms "
                  f"mean, {defects['suggest_cpu_ms_max']} ms max (a speller that has met the bundled "
                  f"library's words, as in a run); in top 3 with no word met: "
                  f"{defects['right_suggestion_in_top3_fresh']:.1%}")
        print(f"{lang}: clean set {clean['sentences']} sentences, {clean['words']} words: "
              f"{clean['false_alarms']} false alarms = {clean['per_5000_words']} per 5,000 words "
              f"(real sentences only: {clean['real_false_alarms']} in {clean['real_words']} words)")
        for code, word, sentence in clean["alarms"][: args.show]:
            print(f"    false alarm {code} {word!r}: {sentence}")
        for written, correct in defects["missed"][: args.show]:
            print(f"    missed {written!r} (-> {correct!r})")
    accents = score_accents(checker)
    result["es"]["context_accents"] = accents
    print(f"es: context accents recall {accents['recall']:.1%} ({accents['found']}/{accents['items']}), "
          f"wrong findings on the defect set {accents['wrong_findings']}, "
          f"on the clean set {result['es']['clean']['context_accent_false_alarms']}")
    for sentence in accents["missed"][: args.show]:
        print(f"    missed: {sentence}")
    for line in accents["wrong"][: args.show]:
        print(f"    wrong: {line}")
    print(f"({time.perf_counter() - started:.1f} s)")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
