"""LK009 insecure-link: a plain ``http://`` link."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from pydantic import Field

from contentlint.findings import Finding, Fix, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions
from contentlint.rules.fixing import address_position, replace_at

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext
    from contentlint.links.extract import LinkSite


def _local(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class InsecureLink(FileRule):
    """An external link written with `http://` instead of `https://`.

    ## What it does
    Reports every `http://` URL of a guide (body, cards) or data file, except
    links to this machine (`localhost`, `127.0.0.1`) and to the hosts of the
    `allowed-hosts` option. Offline: it does not try whether the site answers
    over HTTPS (with `--links external`, a site that redirects to HTTPS is
    also reported by LK103 with the new address).

    ## Why is this bad?
    Over plain HTTP, anyone on the same public Wi-Fi can read or change the
    page a parent opens (a school district's forms, a Parent Center's phone
    number). Browsers also label such pages "Not secure", which erodes trust.

    ## Example
    ```markdown
    [Find your Parent Center](http://www.parentcenterhub.org/find-your-center/)   <- LK009
    [Find your Parent Center](https://www.parentcenterhub.org/find-your-center/)  <- fine
    ```

    ## Fix
    `contentlint fix` writes `https://` when the link cache (an earlier
    `--links external` run) saw the https address answer, or the http one move
    permanently to it; otherwise no fix is offered, since some sites have no HTTPS.

    ## Options
    - `allowed-hosts` (default none): host names that only serve plain HTTP,
      e.g. `["old-district.k12.example.us"]`; `*.example.org` covers subdomains.
    """

    code = "LK009"
    name = "insecure-link"
    default_severity = Severity.WARNING

    class Options(NoOptions):
        """Options of LK009."""

        allowed_hosts: list[str] = Field(default_factory=list)

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report http:// links."""
        for site, where in ctx.link_index().resolved(target):
            if where.kind != "external":
                continue
            href = site.href.strip()
            try:
                parts = urlsplit(href)
            except ValueError:
                continue
            host = (parts.hostname or "").lower().rstrip(".")
            if parts.scheme.lower() != "http" or not host or _local(host) or self._allowed(host):
                continue
            secure = "https" + href[len(parts.scheme):]
            yield self.finding(
                target, site.line, site.column,
                msg("link '{href}' uses plain http://", href=site.shown),
                msg("Use {secure} if the site supports it (most do).", secure=secure),
                fix=self._fix(target, site, ctx, href, secure),
            )

    @staticmethod
    def _fix(doc: Document, site: LinkSite, ctx: RunContext, href: str, secure: str) -> Fix | None:
        """https:// only when the link cache saw that address answer (or the http one
        redirect permanently to exactly it): a site without HTTPS is never guessed."""
        known = ctx.cached_link(secure)
        moved = ctx.cached_link(href)
        works = known is not None and known.get("outcome") == "ok"
        redirected = (moved is not None and moved.get("outcome") == "redirect" and moved.get("permanent")
                      and moved.get("final_url") == secure)
        if not (works or redirected):
            return None
        where = address_position(doc, site)
        if where is None or not where[2].startswith(("http:", "HTTP:", "Http:")):
            return None
        line, column, written = where
        return replace_at(doc, line, column, written[:4], "https", msg("Use {secure}", secure=secure))

    def _allowed(self, host: str) -> bool:
        for pattern in self.options.allowed_hosts:
            pattern = pattern.lower().rstrip(".")
            if host == pattern or (pattern.startswith("*.") and (host.endswith(pattern[1:]) or host == pattern[2:])):
                return True
        return False
