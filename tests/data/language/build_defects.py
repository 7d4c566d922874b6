"""Builds the defect sets: defects-en.tsv, defects-es.tsv (misspellings and
missing accents that no dictionary accepts) and accents-es.tsv (accents that only
the sentence decides).

Each line: a sentence, the word as written in it, the correct word (tab-separated).

- Misspellings: misspellings-<lang>.txt (real misspellings, written by hand) placed
  into a real clean sentence that uses the correct word (the first, in file order,
  of clean-<lang>.txt), or into a plain frame sentence when none does.
- Spanish missing accents: every accented word of the real Spanish sentences whose
  unaccented spelling never occurs in the clean set, without its accent, in the
  first sentence that uses it: the typical error of a writer on an English
  keyboard. (Chosen without asking the dictionary, so the set does not favour it.)
- Context accents: accents-handwritten-es.txt, plus each real clean sentence with
  one of the context words (qué, cómo, dónde, cuándo, quién, cuál, más, está, él, sí,
  dé, sé, aún, tú, público ...) written without its accent.

Run: python tests/data/language/build_defects.py
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
FRAMES = {"en": "The team talked about the word {w} at the meeting.",
          "es": "El equipo habló de la palabra {w} en la reunión."}
CONTEXT = ["qué", "cómo", "dónde", "cuándo", "quién", "cuál", "cuánto", "cuántos", "más", "está", "él", "sí",
           "dé", "sé", "aún", "tú", "público", "pública", "públicas", "límite", "número", "diagnóstico", "último",
           "único", "médico", "trámite", "título", "artículo", "término"]


def strip(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c) or c == "\u0303")


def plain(word: str) -> str:
    """Without acute accents, keeping ñ."""
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", word) if c != "\u0301" and c != "\u0308"))


def clean(lang: str) -> list[str]:
    lines = (HERE / f"clean-{lang}.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def pairs(lang: str) -> list[tuple[str, str]]:
    out = []
    for line in (HERE / f"misspellings-{lang}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        wrong, right = line.split(maxsplit=1)
        out.append((wrong, right))
    return out


def place(wrong: str, right: str, sentences: list[str], lang: str) -> str:
    pattern = re.compile(rf"(?<!\w){re.escape(right)}(?!\w)")
    for sentence in sentences:
        if pattern.search(sentence):
            return pattern.sub(wrong, sentence, count=1)
    return FRAMES[lang].format(w=wrong)


def missing_accents(sentences: list[str]) -> list[tuple[str, str, str]]:
    vocabulary = {w.lower() for s in sentences for w in WORD.findall(s)}
    out: dict[str, tuple[str, str, str]] = {}
    for sentence in sentences:
        for word in WORD.findall(sentence):
            bare = plain(word)
            if bare == word or bare.lower() in vocabulary or word.lower() in {c for c in CONTEXT}:
                continue
            if word.lower() not in out and not word[0].isupper():
                out[word.lower()] = (re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", bare, sentence, count=1), bare, word)
    return list(out.values())


def context_accents(sentences: list[str]) -> list[tuple[str, str, str]]:
    out = []
    seen = set()
    for sentence in sentences:
        for word in CONTEXT:
            for form in (word, word[0].upper() + word[1:]):
                found = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", sentence)
                if found and (form, sentence) not in seen:
                    seen.add((form, sentence))
                    bare = plain(form)
                    out.append((sentence[: found.start()] + bare + sentence[found.end() :], bare, form))
    return out


def write(name: str, rows: list[tuple[str, str, str]], header: str) -> None:
    text = header + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows)
    (HERE / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(rows)}")


def main() -> int:
    sys.path.insert(0, str(HERE))
    from build_clean import real_sentences

    for lang in ("en", "es"):
        sentences = clean(lang)
        rows = [(place(w, r, sentences, lang), w, r) for w, r in pairs(lang)]
        if lang == "es":
            real = [s for s in sentences if s in real_sentences("es")]
            rows += missing_accents(real)
        write(f"defects-{lang}.tsv", rows, "# sentence\twritten\tcorrect (built by build_defects.py)\n")
    real = [s for s in clean("es") if s in real_sentences("es")]
    hand = []
    for line in (HERE / "accents-handwritten-es.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            a, b, c = line.split("\t")
            hand.append((a, b, c))
    write("accents-es.tsv", hand + context_accents(real), "# sentence\twritten\tcorrect (built by build_defects.py)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
