"""MP005 quantity-mismatch: all/some, only or both dropped, a frequency word changed."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.meaning.compare import Difference
from contentlint.rules.meaning.common import MeaningRule, meaning


class QuantityMismatch(MeaningRule):
    """An English sentence and its Spanish sentence disagree on how many or how
    often: "all" against "algunos", "only" dropped, "usually" dropped.

    ## What it does
    Finds quantity words (all, every, each; todos, cada / some; algunos / most;
    la mayoría / only; solo, únicamente / both; ambos) and frequency words
    (always; siempre / usually, often; por lo general, a menudo / sometimes; a
    veces / rarely; rara vez) in each aligned sentence pair. It reports all
    against some or most, most against some and only against all; "only" or
    "both" with no Spanish word of the same kind; and a frequency word that one
    side has and the other has not ("never" is a negation: see MP001).

    ## Why is this bad?
    "The team usually meets once a year" is not "el equipo se reúne una vez al
    año"; "only the parent can" is not "el padre puede".

    ## Example
    ```markdown
    English: All students may take part.
    Spanish: Algunos estudiantes pueden participar.   <- MP005
    ```

    ## Options
    None besides `severity`.
    """

    code = "MP005"
    name = "quantity-mismatch"
    kind = "quantity"
    default_severity = Severity.WARNING

    def message(self, difference: Difference, en_words: str, es_words: str) -> str:
        """Both words and what each means, or which one is missing."""
        if en_words and es_words:
            return msg("the English says “{en}” ({en_meaning}); the Spanish says “{es}” ({es_meaning})", en=en_words,
                       en_meaning=meaning(difference.en_class), es=es_words, es_meaning=meaning(difference.es_class))
        if en_words:
            return msg("the English says “{en}” ({en_meaning}); the Spanish sentence has no such word", en=en_words,
                       en_meaning=meaning(difference.en_class))
        return msg("the Spanish says “{es}” ({es_meaning}); the English sentence has no such word", es=es_words,
                   es_meaning=meaning(difference.es_class))
