"""SC001 missing-front-matter: A guide that does not start with a `---` front-matter block is reported."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class MissingFrontMatter(LoadProblemRule):
    """A guide that does not start with a `---` front-matter block is reported.

    ## What it does
    A guide that does not start with a `---` front-matter block is reported.

    ## Why is this bad?
    Without front matter the guide has no id, language or type, so it cannot be paired, published or checked.

    ## Example
    A file starting with `# Title` instead of `---`.

    ## Options
    None besides `severity`.
    """

    code = "SC001"
    name = "missing-front-matter"
    default_severity = Severity.ERROR
