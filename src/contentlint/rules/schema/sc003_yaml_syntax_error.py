"""SC003 yaml-syntax-error: A YAML syntax error in front matter or a data file is reported at the exact
line and column."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class YamlSyntaxError(LoadProblemRule):
    """A YAML syntax error in front matter or a data file is reported at the exact line and column.

    ## What it does
    A YAML syntax error in front matter or a data file is reported at the exact line and column.

    ## Why is this bad?
    The file cannot be read at all until it is fixed.

    ## Example
    `title: What to do: a guide` (an unquoted `: `) or `related: [a, b` (unclosed list).

    ## Options
    None besides `severity`.
    """

    code = "SC003"
    name = "yaml-syntax-error"
    default_severity = Severity.ERROR
