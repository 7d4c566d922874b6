"""SC006 missing-field: A required key that is missing is reported at the mapping that should hold it."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class MissingField(LoadProblemRule):
    """A required key that is missing is reported at the mapping that should hold it.

    ## What it does
    A required key that is missing is reported at the mapping that should hold it.

    ## Why is this bad?
    Every guide needs its id, language, type, title, description, slug and dates to be paired and published.

    ## Example
    A guide without `slug:`: `missing required key 'slug'` at line 1.

    ## Options
    None besides `severity`.
    """

    code = "SC006"
    name = "missing-field"
    default_severity = Severity.ERROR
