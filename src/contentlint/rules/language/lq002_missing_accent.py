"""LQ002 missing-accent: a Spanish word that the sentence shows needs its accent."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class MissingAccent(FileRule):
    """A Spanish word that is spelled right alone but needs its accent in this sentence.

    ## What it does
    Finds the accents a dictionary cannot settle, because both spellings are words,
    and reports only where the sentence decides it:

    - interrogatives at the start of a question ("¿Que puede hacer?" -> "¿Qué"),
      before an infinitive in a heading ("Como pedir una evaluación" -> "Cómo") or
      after a verb of asking or knowing ("no sabe donde ir" -> "dónde"; "averiguar
      cuantas personas" -> "cuántas");
    - "él" after a preposition before a pause ("hable con el." -> "con él");
    - "sí" as "yes" ("Si, puede pedirla." , "dijo que si.") and in "sí mismo";
    - "más" (more) anywhere but after a comma, where "mas" may mean "but";
    - "está" before "de acuerdo", "bien", a place or a gerund ("esta en la lista");
    - "dé" in "que le de" (the verb dar), "sé" in "no se si" (the verb saber);
    - "aún" (still) before "no", "tiene", "hay" ("aun así", even so, is left alone);
    - "tú" before a verb of tú ("tu puedes");
    - a past tense after a subject that cannot be "yo" ("la escuela uso" -> "usó",
      "usted presento" -> "presentó", "el distrito le oculto" -> "ocultó"), when the
      accented form is a word of the dictionary (a masculine subject only with "no"
      or a pronoun between: "el equipo completo" is an adjective);
    - nouns whose unaccented spelling is a verb form, after an article or a
      determiner ("el publico" -> "el público", "un limite" -> "un límite", "un
      interprete" -> "un intérprete"), "pública" after a noun ("educación
      publica"), and "pérdida" before "auditiva" or "de servicios".

    A word that is never right without its accent in a guide ("ultimo", "numero":
    the accent-prior list) is LQ001's, and not reported here a second time.

    Words that are never right without their accent ("evaluacion", "pidio") are
    LQ001's. Each pattern was measured on the clean and defect sets of
    tests/data/language (benchmarks/language_eval.py): precision comes first.

    ## Why is this bad?
    A missing accent changes the word ("publico" is "I publish", "el" is "the")
    and reads as careless to a Spanish-speaking parent.

    ## Example
    ```markdown
    ¿Que pasa si la escuela dice que no?   <- '¿Qué'
    La audiencia es a expensas publicas.   <- 'públicas'
    ```

    ## Options
    None besides `severity`.
    """

    code = "LQ002"
    name = "missing-accent"
    default_severity = Severity.WARNING
    extra_groups = ("spanish", "spelling")

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report each context accent missing in a Spanish guide."""
        if target.kind != "guide" or target.lang != "es":
            return
        from contentlint.language.accents import accent_hits
        from contentlint.language.speller import accent_prior

        known = ctx.speller("es").known
        prior = accent_prior()
        for line in ctx.prose_lines(target):
            for hit in accent_hits(line.text, heading=line.kind == "heading", known=known):
                if any(start <= hit.start < end for start, end in line.foreign):
                    continue
                if hit.written.lower() in prior:
                    continue  # never right without its accent: LQ001 reports it, once
                yield self.finding(
                    target, line.number, hit.start + 1,
                    msg("'{written}' needs its accent here: '{correct}'", written=hit.written, correct=hit.correct),
                    msg("Write '{correct}': {reason}.", correct=hit.correct, reason=msg(hit.reason, **hit.params)),
                    end=(line.number, hit.start + 1 + len(hit.written)),
                    context={"word": hit.written, "correct": hit.correct},
                )
