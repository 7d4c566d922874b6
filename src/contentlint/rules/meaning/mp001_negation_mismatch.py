"""MP001 negation-mismatch: one sentence of a pair is negated and its translation is not."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.meaning.compare import Difference
from contentlint.rules.meaning.common import MeaningRule


class NegationMismatch(MeaningRule):
    """An English sentence and the Spanish sentence aligned with it disagree on
    negation: one says "not", "never", "no one", "without" and the other does not.

    ## What it does
    Aligns the sentences of each aligned block pair (one English sentence to one,
    two or no Spanish sentences), then looks for negation in each: not, no, never,
    none, nobody, nothing, neither/nor, without, unable; no, nunca, jamás, nadie,
    ninguno, nada, ni, sin, tampoco. Spanish double negation ("no ... nunca",
    "no ... nada") is one negation. Phrases that hold a negation word without
    negating the sentence ("no later than", "at no cost", "sin costo", "sin
    embargo") are left out, and a word a translator may render with a negation
    ("unless" -> "si no", "refuse" -> "no aceptar", "free" -> "sin costo") excuses
    a negation on the other side. The lexicons are in
    `src/contentlint/meaning/data/lexicon.toml`.

    ## Why is this bad?
    A guide about legal rights that says "you do not have to sign" in English and
    "tiene que firmar" in Spanish tells a family the opposite of the law, and no
    number, date or term gives it away.

    ## Example
    ```markdown
    English: The school cannot change the placement.
    Spanish: La escuela puede cambiar la ubicación.   <- MP001 (and MP002)
    ```

    ## Options
    None besides `severity`. The default severity is warning. On the corpus in
    tests/meaning/ its precision is 100 % (benchmarks/meaning_eval.py), but that
    corpus was written with the lexicon; on text it had never seen (the generated
    Glossary and Acronym Decoder pages, about 170 sentence pairs) the family raised
    3 errors of which 2 were false ("puede ser abogado o no" read as not negated;
    "no se puede encontrar" read as a prohibition). A false error blocks a merge,
    so it stays a warning until held-out precision reaches 95 %; a project can
    raise it with `severity = "error"`.
    """

    code = "MP001"
    name = "negation-mismatch"
    kind = "polarity"
    default_severity = Severity.WARNING

    def message(self, difference: Difference, en_words: str, es_words: str) -> str:
        """Which side is negated, quoting the negation."""
        if difference.en_class == "negated":
            return msg("the English sentence is negated (“{en}”); the Spanish sentence is not", en=en_words)
        return msg("the Spanish sentence is negated (“{es}”); the English sentence is not", es=es_words)
