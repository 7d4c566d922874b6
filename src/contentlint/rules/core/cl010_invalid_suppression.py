"""CL010 invalid-suppression: a malformed suppression comment."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class InvalidSuppression(LoadProblemRule):
    """A suppression comment that cannot be understood, or gives no reason.

    ## What it does
    Checks every `contentlint-disable...` comment: the directive must be known,
    every code must be a rule code, name or prefix, and a reason must follow `--`.
    ```markdown
    <!-- contentlint-disable-next-line LK001 -- the site is down until June -->
    <!-- contentlint-disable-line RD003 -- legal text quoted verbatim -->
    <!-- contentlint-disable RD -- the sample letter is quoted as written -->
    <!-- contentlint-enable RD -->
    <!-- contentlint-disable-file PR005 -- names of programs kept in English -->
    ```
    In YAML files and front matter: `# contentlint-disable-line SC009 -- reason`.

    ## Why is this bad?
    A suppression that matches nothing hides nothing, and the writer believes it
    does; one without a reason leaves the next editor unable to judge it.

    ## Example
    `<!-- contentlint-disable-next-line LK001 -->` (no reason) is reported.

    ## Options
    None besides `severity`.
    """

    code = "CL010"
    name = "invalid-suppression"
    default_severity = Severity.ERROR
