"""LK102 unverified-external-link: a URL the server would not let us verify (network; opt-in)."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.links.online import ExternalOutcomeRule


class UnverifiedExternalLink(ExternalOutcomeRule):
    """An external link that could not be verified: 401, 403, 429, or a timeout.

    ## What it does
    Part of the `--links external` check (see LK101): reports, at every place
    it is written, a URL whose server answered 401 Unauthorized, 403
    Forbidden or 429 Too Many Requests (after retries), or did not answer in
    time. These are warnings, not errors: they usually mean bot protection,
    a login wall or a slow server, not a dead page.

    ## Why is this bad?
    The link may well work for a parent in a browser, but nobody knows: it
    deserves a manual look before it is trusted, or an exception in the
    configuration once checked.

    ## Example
    ```markdown
    [Your state's rules](https://www.example.gov/special-education)   <- LK102 if the site answers 403 to robots
    ```

    ## Options
    None of its own: the network settings are LK101's (for a host that
    always turns checkers away, set its `accept-statuses = [403]` or
    `user-agent = "browser"` under `hosts`).
    """

    code = "LK102"
    name = "unverified-external-link"
    default_severity = Severity.WARNING

    outcomes = ("warning",)
