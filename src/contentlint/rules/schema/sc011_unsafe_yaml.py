"""SC011 unsafe-yaml: YAML tags (`!!python/object`), anchors and aliases, and absurdly deep nesting are
refused and reported."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class UnsafeYaml(LoadProblemRule):
    """YAML tags (`!!python/object`), anchors and aliases, and absurdly deep nesting are refused and reported.

    ## What it does
    YAML tags (`!!python/object`), anchors and aliases, and absurdly deep nesting are refused and reported.

    ## Why is this bad?
    Content files hold plain values. Tags can construct objects, and aliases allow
    'billion laughs' expansion bombs; refusing them keeps the loader safe.

    ## Example
    `title: !!python/object:os.system x` or `a: &x [...]` / `b: *x`.

    ## Options
    None besides `severity`.
    """

    code = "SC011"
    name = "unsafe-yaml"
    default_severity = Severity.ERROR
