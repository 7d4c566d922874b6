"""MP004 party-mismatch: a party of "who" dropped from or added to a sentence's translation."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.meaning.compare import Difference
from contentlint.rules.meaning.common import MeaningRule


class PartyMismatch(MeaningRule):
    """A sentence names two or more parties (who must agree, who may attend) and
    its translation drops one of them or adds another; or its translation names
    another party in place of one ("the teacher" / "el director").

    ## What it does
    Finds the parties each aligned sentence names: the parent (and "you" where it
    is one of a list: "you and the school"), a guardian, a surrogate parent, the
    child or student, the school, the district, a teacher, the IEP team, a social
    worker, an advocate, an attorney, the state, a hearing officer, a mediator, an
    interpreter, the principal, a doctor, a therapist, a psychologist, a counselor,
    a nurse, an evaluator, with their Spanish forms and the accepted renderings of
    the linked glossary entries (`content/data/glossary.yaml`). The parties are
    compared as sets, so their order and "y"/"o"/"y/o" do not matter. A party
    dropped or added counts only when it is part of a list on its side and the
    English names two or more (Spanish often names a party by a pronoun or
    leaves it out); one party named in place of another ("the teacher" / "el
    director"), in a pair of one sentence each, is reported with both names.

    Who does what to whom is not compared: "the school must tell the parent"
    against "el padre debe informar a la escuela" names the same two parties.
    Word order cannot tell the roles apart ("el médico de su hijo" for "your
    child's doctor"; "se le debe informar al padre"): on 1,149 correct sentence
    pairs (benchmarks/meaning_roles.py), the first-named party differs in 15 of
    the 109 that name the same two or more parties, so a check by word order
    would be wrong about one pair in seven: far from the precision a finding needs.

    ## Why is this bad?
    "You and the school must agree" against "la escuela debe estar de acuerdo"
    removes the parent's consent; "el maestro y el abogado pueden asistir" adds
    someone the law does not name.

    ## Example
    ```markdown
    English: The parent and the district must agree in writing.
    Spanish: El distrito debe estar de acuerdo por escrito.   <- MP004: “parent” dropped

    English: The teacher will send you the report.
    Spanish: El director le enviará el informe.   <- MP004: “teacher” replaced by “director”
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
