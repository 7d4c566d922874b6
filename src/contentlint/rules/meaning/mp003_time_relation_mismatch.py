"""MP003 time-relation-mismatch: before/after, within/after, at least/at most, unless/only if."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.meaning.compare import Difference
from contentlint.rules.meaning.common import MeaningRule, meaning


class TimeRelationMismatch(MeaningRule):
    """An English sentence and its Spanish sentence put an event on opposite sides
    of a time or a condition: "within 10 days" against "después de 10 días".

    ## What it does
    Finds the time relations and conditions of each aligned sentence pair:
    before (before, prior to; antes de, previo a), after (after, later than;
    después de, luego de, tras), within a time limit (within, no later than, by
    the end of; dentro de, en un plazo de, a más tardar), until (until; hasta),
    at least / at most (at least, no more than, up to; por lo menos, al menos,
    como máximo, hasta) and conditions (unless; a menos que, salvo que / only
    if; solo si, siempre y cuando). It reports a conflicting pair (before
    against after, within against after, until against after, at least against
    at most, unless against only if) when each side has one of the two and not
    the other. "Hasta" reads as until or at most.

    A relation is attached to the number next to it ("within 10 days", "dentro
    de los 30 días", "10 days before", "los 30 días posteriores"), and the
    relations of a number both sentences name are compared number by number:
    "at least 10 days before the meeting, and within 30 days after" is silent
    when each number keeps its relation and reported when two are swapped. The
    relations attached to an event ("before the meeting") or to a number only
    one side names are compared as the sentence's sets. "10 days after the
    meeting" counts a deadline from the meeting, as "within 10 days of the
    meeting" does; only "after 10 days" (once they have passed) conflicts with
    "within".

    ## Why is this bad?
    A parent who reads "después de 10 días" waits for the deadline to pass
    instead of acting before it; "solo si" for "unless" reverses a condition.

    ## Example
    ```markdown
    English: You can ask for a hearing within 2 years.
    Spanish: Puede pedir una audiencia después de 2 años.   <- MP003

    English: Send it at least 10 days before the meeting and answer within 30 days after it.
    Spanish: Envíelo como máximo 10 días antes de la reunión y responda por lo menos 30 días después.   <- MP003
    ```

    ## Options
    None besides `severity`.
    """

    code = "MP003"
    name = "time-relation-mismatch"
    kind = "relations"
    default_severity = Severity.WARNING

    def message(self, difference: Difference, en_words: str, es_words: str) -> str:
        """Both relations and what each means."""
        return msg("the English says “{en}” ({en_meaning}); the Spanish says “{es}” ({es_meaning})", en=en_words,
                   en_meaning=meaning(difference.en_class), es=es_words, es_meaning=meaning(difference.es_class))
