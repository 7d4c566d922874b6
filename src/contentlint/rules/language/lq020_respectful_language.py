"""LQ020 respectful-language: an outdated or harmful way to speak of disability."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions
from contentlint.rules.language.common import GUIDE_LANGUAGES, lexicon_hits

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class RespectfulLanguage(FileRule):
    """An outdated or harmful term for disability, with the term the field uses now.

    ## What it does
    Finds, in a guide's prose, the terms of the editable lists
    `language/data/respectful-en.yaml` and `respectful-es.yaml`: "handicapped",
    "wheelchair-bound", "suffers from", "retarded"; "minusválido", "discapacitado" as
    a noun ("los discapacitados"), "sufre de", "padece", "retraso mental". With the
    `style` option it also holds the guide to one style: person-first ("child with
    autism") or identity-first ("autistic child"). Terms inside the names that laws
    and regulations use (the IDEA categories such as "emotional disturbance", a
    statute's title such as "Education for All Handicapped Children Act", listed
    under `exempt`), inside quotation marks (a quoted form or law) and inside
    citations are never reported.

    ## Why is this bad?
    Words that define a child by a disability, or assume suffering, hurt the
    families the library is for; federal law itself replaced "mental retardation"
    with "intellectual disability" (Rosa's Law, 2010).

    ## Example
    ```markdown
    Her son suffers from autism.          <- 'has'
    Los discapacitados tienen derechos.   <- 'personas con discapacidad'
    ```
    ```toml
    [tool.contentlint.rules.LQ020]
    style = "person-first"
    ```

    ## Options
    - `style`: `"any"` (default: both person-first and identity-first are accepted),
      `"person-first"` or `"identity-first"`.
    """

    code = "LQ020"
    name = "respectful-language"
    default_severity = Severity.WARNING
    extra_groups = ("accessibility",)

    class Options(NoOptions):
        """Options of LQ020."""

        style: Literal["any", "person-first", "identity-first"] = Field(default="any")

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report each listed term of the guide."""
        if target.kind != "guide" or target.lang not in GUIDE_LANGUAGES:
            return
        style = "" if self.options.style == "any" else self.options.style
        for hit in lexicon_hits(target, ctx, "respectful", style):
            yield self.finding(
                target, hit.line, hit.column,
                msg("'{text}' is outdated or hurtful; the field says '{use}'", text=hit.text, use=hit.entry.use),
                msg("Write '{use}'. {why}", use=hit.entry.use, why=hit.entry.why),
                end=(hit.line, hit.end),
                context={"text": hit.text, "use": hit.entry.use},
            )
