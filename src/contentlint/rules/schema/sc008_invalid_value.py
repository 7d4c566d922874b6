"""SC008 invalid-value: A value of the right type but not allowed is reported: a `lang` other than en/es,
an impossible date such as 2026-02-30, a malformed id or slug, an unknown type."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class InvalidValue(LoadProblemRule):
    """A value of the right type but not allowed is reported: a `lang` other than en/es,
    an impossible date such as 2026-02-30, a malformed id or slug, an unknown type.

    ## What it does
    A value of the right type but not allowed is reported: a `lang` other than en/es,
    an impossible date such as 2026-02-30, a malformed id or slug, an unknown type.

    ## Why is this bad?
    Such values break pairing, sorting by date and URLs.

    ## Example
    `updated: 2026-02-30` gives
    `updated: Input should be a valid date or datetime, day value is outside expected range`.

    ## Options
    None besides `severity`.
    """

    code = "SC008"
    name = "invalid-value"
    default_severity = Severity.ERROR
