"""SC004 duplicate-key: A key defined twice in the same mapping is reported at its second definition."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class DuplicateKey(LoadProblemRule):
    """A key defined twice in the same mapping is reported at its second definition.

    ## What it does
    A key defined twice in the same mapping is reported at its second definition.

    ## Why is this bad?
    YAML keeps only the last value, silently: an edit to the first one does nothing.

    ## Example
    ```yaml
    title: Old title
    title: New title
    ```

    ## Options
    None besides `severity`.
    """

    code = "SC004"
    name = "duplicate-key"
    default_severity = Severity.ERROR
