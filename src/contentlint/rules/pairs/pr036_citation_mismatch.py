"""PR036 citation-mismatch: legal citations differ between aligned blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.rules.kinds import FactParityRule

if TYPE_CHECKING:
    pass


class CitationMismatch(FactParityRule):
    """An aligned Spanish block that cites other regulations than the English block.

    ## What it does
    Compares legal citations by section and paragraph: `34 CFR 300.503`,
    `34 C.F.R. § 300.503`, `§300.503` and `§ 300.503` are the same citation;
    `300.503(b)` is not `300.503(c)`. Ranges (`§§300.151–300.153`) and U.S. Code
    citations (`20 U.S.C. 1415(b)`) are compared too.

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
    token_prefix = "c:"

    def message(self, label: str, english: str, spanish: str) -> str:
        """Name the citations only one side has."""
        return msg("citations differ from the English block: English has {english}; Spanish has {spanish}",
                   english=english, spanish=spanish)

    def hint(self) -> str:
        """How to fix it."""
        return msg("Cite the same sections as the English block.")
