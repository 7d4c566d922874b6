"""Builds clean-en.txt and clean-es.txt: correctly spelled guide-like sentences.

Sources (all real prose, none written for this test): the bundled library
(content/en, content/es, the glossary and acronym notes), the translator-variation
corpus's correct pairs (tests/corpus/authoring/pairs*.txt), the real federal pairs
(tests/corpus/real), and handwritten.txt (sentences written by hand in the
library's style, both languages). Variants: each sentence with "your child" /
"su hijo" changed to another family member is added, and each statement is added
once more after a discourse opener the guides use ("Remember:", "In most cases,",
"Tenga en cuenta que", "Por lo general,"). The words of a variant are the words of a
real sentence, so variants test the same vocabulary in new contexts (sentence starts,
lower-case first words); benchmarks/language_eval.py reports the real sentences
alone as well.

Run: python tests/data/language/build_clean.py (rewrites the two files).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"(\*\*|__|\*|`)")
_MARKER = re.compile(r"^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)")
# A sentence ends at . ! ? before a capital, except after an abbreviation ("U.S.",
# "Dist.", "Supp.", "EE. UU.", "v.").
_SPLIT = re.compile(r"(?<![A-Z]\.)(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z][a-z]{2}\.)(?<!\b[A-Z][a-z]{3}\.)(?<!\bv\.)"
                    r"(?<=[.!?])\s+"
                    r"(?=[¿¡\"“«(]?[A-ZÁÉÍÓÚÑ])")
_VARIANTS = {
    "en": [("your child", "your son"), ("your child", "your daughter"), ("Your child", "Your teen")],
    "es": [("su hijo", "su nieto"), ("a su hijo", "a su sobrino")],
}


_OPENERS = {
    "en": [("Remember: ", False), ("In most cases, ", True), ("Keep in mind that ", True)],
    "es": [("Recuerde: ", False), ("Por lo general, ", True), ("Tenga en cuenta que ", True)],
}
# First words after which a sentence is a statement that an opener can precede.
_STATEMENT = {
    "en": {"The", "Your", "You", "A", "An", "This", "Most", "Many", "Some", "Every", "Each", "Children", "Parents",
           "Schools", "Federal", "Services", "It", "There", "These", "That", "Students"},
    "es": {"La", "El", "Los", "Las", "Su", "Sus", "Usted", "Un", "Una", "Este", "Esta", "Cada", "Muchos", "Algunos",
           "Estos", "Estas", "Hay", "Ese", "Esa"},
}


def opener_variants(sentence: str, lang: str) -> list[str]:
    """The sentence after each opener, when it is a statement."""
    first = sentence.split(" ", 1)[0]
    if sentence.endswith("?") or not sentence.endswith("."):
        return []
    out = []
    for opener, lower in _OPENERS[lang]:
        if lower and first not in _STATEMENT[lang]:
            continue  # "Remember:" goes before any sentence, the others before statements
        out.append(opener + (sentence[0].lower() + sentence[1:] if lower else sentence))
    return out


def _sentences(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("<!--", "|", "```", "---", "title", "desc", "variation", "type:", "id:",
                                         "lang:", "slug:", "updated", "last_", "related", "###", "href", "label",
                                         "language_switch", "cards", "- icon", "icon", "text:")):
            continue
        line = _MARKUP.sub("", _LINK.sub(r"\1", _MARKER.sub("", line)))
        for sentence in _SPLIT.split(line):
            sentence = sentence.strip()
            if len(sentence.split()) >= 4 and not sentence.startswith(("http", "<")):
                out.append(sentence)
    return out


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        parts = text.split("\n---", 2)
        text = parts[2] if len(parts) > 2 else parts[-1]
        text = text.split("\n", 1)[-1]
    return text


def _authoring(lang: str) -> str:
    chunks = []
    for path in sorted((REPO / "tests" / "corpus" / "authoring").glob("pairs*.txt")):
        current = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("--- "):
                current = line[4:].strip()
                continue
            if line.startswith("### case:"):
                current = None
                continue
            if current == lang:
                chunks.append(line)
    return "\n".join(chunks)


def collect(lang: str, openers: bool = True) -> list[str]:
    texts = [_body(p) for p in sorted((REPO / "content" / lang).glob("*.md"))]
    texts += [_body(p) for p in sorted((REPO / "tests" / "corpus" / "real").glob(f"*/{lang}.md"))]
    texts.append(_authoring(lang))
    hand = (HERE / f"handwritten-{lang}.txt")
    if hand.exists():
        texts.append("\n".join(line for line in hand.read_text(encoding="utf-8").splitlines()
                               if not line.startswith("#")))
    seen: dict[str, None] = {}
    for text in texts:
        for sentence in _sentences(text):
            seen.setdefault(sentence, None)
            for old, new in _VARIANTS[lang]:
                pattern = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)")
                if pattern.search(sentence):
                    seen.setdefault(pattern.sub(new, sentence, count=1), None)
    base = list(seen)
    for sentence in base if openers else []:
        for variant in opener_variants(sentence, lang):
            seen.setdefault(variant, None)
    return list(seen)


def real_sentences(lang: str) -> set[str]:
    """The sentences as their sources write them (no variant)."""
    saved = dict(_VARIANTS)
    _VARIANTS[lang] = []
    try:
        texts = collect(lang, openers=False)
    finally:
        _VARIANTS.update(saved)
    return set(texts)


def main() -> int:
    for lang in ("en", "es"):
        sentences = collect(lang)
        header = f"# Clean {lang} sentences, one a line (built by build_clean.py; see its docstring).\n"
        (HERE / f"clean-{lang}.txt").write_text(header + "\n".join(sentences) + "\n", encoding="utf-8")
        words = sum(len(s.split()) for s in sentences)
        print(f"{lang}: {len(sentences)} sentences, {words} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
