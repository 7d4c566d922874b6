"""MP004 party-mismatch: a party of "who" dropped from or added to a sentence's translation."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.meaning.compare import Difference
from contentlint.rules.meaning.common import MeaningRule


class PartyMismatch(MeaningRule):
    """A sentence names two or more parties (who must agree, who may attend) and
    its translation drops one of them or adds another.

    ## What it does
    Finds the parties each aligned sentence names: the parent (and "you" where it
    is one of a list: "you and the school"), a guardian, a surrogate parent, the
    child or student, the school, the district, a teacher, the IEP team, a social
    worker, an advocate, an attorney, the state, a hearing officer, a mediator, an
    interpreter, the principal, a doctor, a therapist, a psychologist, a counselor,
    a nurse, an evaluator, with their Spanish forms and the accepted renderings of
    the linked glossary entries (`content/data/glossary.yaml`). The parties are
    compared as sets, so their order and "y"/"o"/"y/o" do not matter. A sentence
    that names only one party on both sides is not compared (Spanish often
    names a party by a pronoun or leaves it out).

    ## Why is this bad?
    "You and the school must agree" against "la escuela debe estar de acuerdo"
    removes the parent's consent; "el maestro y el abogado pueden asistir" adds
    someone the law does not name.

    ## Example
    ```markdown
    English: The parent and the district must agree in writing.
    Spanish: El distrito debe estar de acuerdo por escrito.   <- MP004: “parent” dropped
    ```

    ## Options
    None besides `severity`.
    """

    code = "MP004"
    name = "party-mismatch"
    kind = "parties"
    default_severity = Severity.WARNING

    def message(self, difference: Difference, en_words: str, es_words: str) -> str:
        """Which party is dropped or added."""
        if en_words and es_words:
            return msg("the English names “{en}” and the Spanish names “{es}” instead", en=en_words, es=es_words)
        if en_words:
            return msg("the English names “{en}”; the Spanish sentence does not", en=en_words)
        return msg("the Spanish names “{es}”; the English sentence does not", es=es_words)
