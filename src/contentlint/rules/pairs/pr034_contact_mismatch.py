"""PR034 contact-mismatch: phone numbers or e-mail addresses differ between aligned blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.rules.kinds import FactParityRule

if TYPE_CHECKING:
    pass


class ContactMismatch(FactParityRule):
    """An aligned Spanish block whose phone numbers or e-mail addresses differ from the English block's.

    ## What it does
    Compares US phone numbers by their ten digits (`(800) 555-1234`,
    `800-555-1234`, `1-800-555-1234` and `tel:` links are the same number) and
    e-mail addresses case-insensitively (text and `mailto:` links).

    ## Why is this bad?
    A Spanish-speaking parent who calls the wrong line or writes to a dead
    address gets no help; these must be identical in both languages.

    ## Example
    ```markdown
    English: Call the help line at (800) 555-1234.
    Spanish: Llame a la línea de ayuda al (800) 555-1243.    <- PR034
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR034"
    name = "contact-mismatch"
    default_severity = Severity.ERROR

    facts = (("phones", msg("phone numbers")), ("emails", msg("e-mail addresses")))
    token_prefix = ("p:", "e:")

    def message(self, label: str, english: str, spanish: str) -> str:
        """Name the phone numbers or addresses only one side has."""
        return msg("{what} differ from the English block: English has {english}; Spanish has {spanish}",
                   what=label, english=english, spanish=spanish)

    def hint(self) -> str:
        """How to fix it."""
        return msg("Copy the phone number or address exactly from the English block.")
