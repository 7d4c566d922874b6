"""MP002 modality-mismatch: obligation against permission (must / puede) in a sentence pair."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.meaning.compare import Difference
from contentlint.rules.meaning.common import MeaningRule, meaning


class ModalityMismatch(MeaningRule):
    """An English sentence says what someone must, may or should do (or must not,
    or need not), and its Spanish sentence says something else.

    ## What it does
    Finds the modal phrases of each aligned sentence pair and what they mean:
    an obligation (must, have to, need to, required, shall; deber, tener que,
    estar obligado a, es obligatorio, hay que), a permission (may, can, is
    allowed to, has the right to; poder, tener derecho a, se permite), advice
    (should; debería, conviene), a prohibition (must not, may not, cannot; no
    debe, no puede) or an exemption (do not have to, need not, not required; no
    tiene que, no es necesario, no está obligado). "Should" and "debe" agree
    (Spanish uses deber for both), and advice is not set against permission
    ("should" / "puede" is a softer wording, not a reversal); "may" and "tiene
    derecho a" agree; "puede no firmar" is an exemption. It reports a sentence pair only when the two sides
    share no meaning at all, so a modal that one side leaves implicit ("the
    school will tell you" for "must tell you") is never reported.

    ## Why is this bad?
    "The school must evaluate your child" against "la escuela puede evaluar a su
    hijo" turns a legal duty into a favor the school may refuse.

    ## Example
    ```markdown
    English: The school must send you a notice.
    Spanish: La escuela puede enviarle un aviso.   <- MP002: must (an obligation) / puede (permission)
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

    code = "MP002"
    name = "modality-mismatch"
    kind = "modality"
    default_severity = Severity.WARNING

    def message(self, difference: Difference, en_words: str, es_words: str) -> str:
        """Both modal phrases and what each means."""
        return msg("the English says “{en}” ({en_meaning}); the Spanish says “{es}” ({es_meaning})", en=en_words,
                   en_meaning=meaning(difference.en_class), es=es_words, es_meaning=meaning(difference.es_class))
