"""PR036 citation-mismatch: legal citations differ between aligned blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contentlint.facts.extract import Fact
from contentlint.facts.grammar import may_cite, same_citation
from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.rules.kinds import FactParityRule

if TYPE_CHECKING:
    from contentlint.bilingual.blocks import BlockInfo
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class CitationMismatch(FactParityRule):
    """An aligned Spanish block that cites other regulations than the English block.

    ## What it does
    Compares legal citations by title, section and paragraph, in every style a
    translator or a lawyer writes: `34 CFR 300.503`, `34 C.F.R. § 300.503`,
    `34 C.F.R. Sec. 300.503` and `§ 300.503` are the same citation (one without a
    title matches any title); `300.503(b)` is not `300.503(c)`, and `64 CFR 300.11`
    is not `34 CFR 300.11`. Lists (`Secs. 300.322 & 300.328`, `300.503(b) & (c)`),
    ranges (`§§ 300.151-300.153`, `§§ 300.151 a 300.153`), the U.S. Code
    (`20 U.S.C. § 1415(b)`), state codes (`Cal. Ed. Code Sec. 56500.4`,
    `5 C.C.R. Sec. 3030(b)(9)`) and case law (`458 U.S. 176`, `86 F. Supp. 2d 168`,
    `18 IDELR 1038`) are compared too; their numbers are never compared as plain
    numbers by PR030.

    ## Why is this bad?
    Citations let parents and advocates check a claim; a wrong section in one
    language points them at another rule.

    ## Example
    ```markdown
    English: ... within 60 days (34 CFR 300.152(a)).
    Spanish: ... en un plazo de 60 días (34 CFR 300.153(a)).    <- PR036
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR036"
    name = "citation-mismatch"
    default_severity = Severity.ERROR

    facts = (("citations", ""),)

    def may_differ(self, ctx: RunContext, pair: Pair, en: BlockInfo, es: BlockInfo) -> bool:
        """Only blocks with digits and a code, section sign or reporter can cite a section."""
        return (en.has_digits and may_cite(en.text)) or (es.has_digits and may_cite(es.text))

    def same(self, en: Fact, es: Fact) -> bool:
        """The same section; a citation without a title ("§ 300.503") matches any title."""
        return same_citation(en.key, es.key)

    def message(self, label: str, english: str, spanish: str) -> str:
        """Name the citations only one side has."""
        return msg("citations differ from the English block: English has {english}; Spanish has {spanish}",
                   english=english, spanish=spanish)

    def hint(self) -> str:
        """How to fix it."""
        return msg("Cite the same sections as the English block.")
