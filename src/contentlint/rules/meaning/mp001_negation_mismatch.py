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
    None besides `severity`. The default severity is warning. Precision is 100 % on
    tests/meaning/corpus.yaml, but that corpus was written with the lexicon; on text
    the rules had never seen it was lower (the generated Glossary pages: "puede ser
    abogado o no" and "no se puede encontrar" were misread, both since fixed; the
    third batch of tests/meaning/heldout.yaml: MP001 2 of 2, MP002 2 of 3). A false
    error blocks a merge, so it stays a warning until held-out precision reaches
    95 % on at least 20 defects of its kind (benchmarks/meaning_eval.py --corpus
    tests/meaning/heldout.yaml); a project can raise it with `severity = "error"`.
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
