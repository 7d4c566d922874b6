"""LK103 redirected-external-link: a URL that permanently moved (network; opt-in)."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.links.online import ExternalOutcomeRule


class RedirectedExternalLink(ExternalOutcomeRule):
    """An external link that permanently redirects (301/308) to a new address.

    ## What it does
    Part of the `--links external` check (see LK101): reports, at every place
    it is written, a URL whose first answer is a permanent redirect and whose
    chain ends on a working page. The hint gives the new address. Temporary
    redirects (302/303/307) are not reported; a redirect that ends on an
    error is LK101.

    ## Why is this bad?
    The link works today, but old addresses are often dropped in the next
    site redesign; updating it now is cheap and saves a broken link later.

    ## Example
    ```markdown
    [IDEA](http://idea.ed.gov/)    <- LK103; hint: Update the link to https://sites.ed.gov/idea/
    ```

    ## Fix
    `contentlint fix` writes the new address in place of the old one. It reads the
    link cache only (what an earlier `--links external` run saw), never the network.

    ## Options
    None of its own: the network settings are LK101's.
    """

    code = "LK103"
    name = "redirected-external-link"
    default_severity = Severity.WARNING

    outcomes = ("redirect",)
