"""SC005 unknown-field: A key the schema does not know is reported, with the closest known key as a suggestion."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class UnknownField(LoadProblemRule):
    """A key the schema does not know is reported, with the closest known key as a suggestion.

    ## What it does
    A key the schema does not know is reported, with the closest known key as a suggestion.

    ## Why is this bad?
    A misspelt key (`descripton`) is ignored by the site: the guide silently loses its description.

    ## Example
    `descripton: ...` gives `unknown key 'descripton'` with the hint `Did you mean 'description'?`

    ## Options
    None besides `severity`.
    """

    code = "SC005"
    name = "unknown-field"
    default_severity = Severity.ERROR
