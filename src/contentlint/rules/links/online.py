"""The one network check of a run, shared by the LK1 rules (not a rule module).

LK101, LK102 and LK103 report the broken, unverified and moved outcomes of the
same check: the first of them to run asks the run context for the results
(``ctx.external_results``), which checks every distinct URL of the library once;
the others read them. The network settings are the options of LK101
(``[tool.contentlint.rules.broken-external-link]``): LK102 and LK103 receive
them at construction (``options_of = "LK101"``). :class:`ExternalOutcomeRule` is
their rule kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field, field_validator

from contentlint.findings import Finding, Fix
from contentlint.i18n import msg
from contentlint.rules.base import LibraryRule, NoOptions, Rule
from contentlint.rules.fixing import link_fix

if TYPE_CHECKING:
    from contentlint.content.library import Library
    from contentlint.context import RunContext
    from contentlint.links.extract import LinkSite
    from contentlint.links.http.results import LinkResult
    from contentlint.links.http.settings import ExternalLinkSettings



class HostOptions(NoOptions):
    """Overrides for one host (``[...broken-external-link.hosts."www.example.org"]``)."""

    concurrency: int | None = Field(default=None, ge=1)
    timeout_connect: float | None = Field(default=None, gt=0)
    timeout_read: float | None = Field(default=None, gt=0)
    headers: dict[str, str] = Field(default_factory=dict)
    accept_statuses: list[int] = Field(default_factory=list)
    user_agent: str | None = None
    head_first: bool | None = None


class ExternalOptions(NoOptions):
    """Options of LK101, which set up the network check of LK101-LK103."""

    timeout_connect: float = Field(default=5.0, gt=0)
    timeout_read: float = Field(default=10.0, gt=0)
    max_concurrency: int = Field(default=64, ge=1)
    per_host_concurrency: int = Field(default=8, ge=1)
    max_retries: int = Field(default=2, ge=0)
    max_retry_wait: float = Field(default=10.0, ge=0)
    retry_backoff: float = Field(default=0.5, ge=0)
    max_redirects: int = Field(default=10, ge=0)
    exclude_urls: list[str] = Field(default_factory=list)
    accept_statuses: list[int] = Field(default_factory=list)
    user_agent: str | None = None
    head_first: bool = True
    hosts: dict[str, HostOptions] = Field(default_factory=dict)
    allow_loopback: bool = False
    allow_private: bool = False
    allow_hosts: list[str] = Field(default_factory=list)
    cache: bool = True
    cache_ttl: float = Field(default=86400.0, ge=0)
    cache_ttl_error: float = Field(default=0.0, ge=0)
    deadline: float = Field(default=300.0, gt=0)
    max_host_timeouts: int = Field(default=2, ge=0)

    @field_validator("exclude_urls")
    @classmethod
    def _regexes(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
        return value

    @field_validator("allow_hosts")
    @classmethod
    def _host_ports(cls, value: list[str]) -> list[str]:
        for entry in value:
            host, sep, port = entry.strip().rpartition(":")
            if not sep or not host or not port.isdigit() or " " in host:
                raise ValueError(f"{entry!r} must be host:port, e.g. \"127.0.0.1:8000\"")
        return value


def _user_agent(value: str | None) -> str | None:
    if value is None:
        return None
    from contentlint.links.http.settings import BROWSER_USER_AGENT

    return BROWSER_USER_AGENT if value.strip().lower() == "browser" else value


def build_settings(options: ExternalOptions, root: Any) -> ExternalLinkSettings:
    """The engine's settings from the options; the cache under ``root`` (None: no cache)."""
    from contentlint.links.cache import default_cache_path
    from contentlint.links.http.settings import ExternalLinkSettings, HostSettings

    hosts = {
        name: HostSettings(
            concurrency=host.concurrency,
            timeout_connect=host.timeout_connect,
            timeout_read=host.timeout_read,
            headers=host.headers,
            accept_statuses=frozenset(host.accept_statuses),
            user_agent=_user_agent(host.user_agent),
            head_first=host.head_first,
        )
        for name, host in options.hosts.items()
    }
    extra: dict[str, Any] = {}
    agent = _user_agent(options.user_agent)
    if agent:
        extra["user_agent"] = agent
    return ExternalLinkSettings(
        timeout_connect=options.timeout_connect,
        timeout_read=options.timeout_read,
        max_concurrency=options.max_concurrency,
        per_host_concurrency=options.per_host_concurrency,
        max_redirects=options.max_redirects,
        max_retries=options.max_retries,
        max_retry_wait=options.max_retry_wait,
        retry_backoff=options.retry_backoff,
        exclude=tuple(options.exclude_urls),
        hosts=hosts,
        allow_loopback=options.allow_loopback,
        allow_private=options.allow_private,
        allow_hosts=frozenset(options.allow_hosts),
        accept_statuses=frozenset(options.accept_statuses),
        head_first=options.head_first,
        cache_path=default_cache_path(root) if (options.cache and root is not None) else None,
        cache_ttl_ok=options.cache_ttl,
        cache_ttl_error=options.cache_ttl_error,
        deadline=options.deadline,
        max_host_timeouts=options.max_host_timeouts,
        **extra,
    )


def findings_for(rule: Rule, ctx: RunContext, outcomes: tuple[str, ...]) -> Iterator[Finding]:
    """``rule``'s findings: one per site of every URL whose outcome is in ``outcomes``.

    Nothing unless the run asked for the network (``--links external`` or
    ``links = "external"``): selecting an LK1 rule (``--select LK``) is not asking,
    so a plain check never sends a request.
    """
    if not ctx.project.online and not ctx.project.cached_links:
        return
    options = rule.options if isinstance(rule.options, ExternalOptions) else ExternalOptions()
    if ctx.project.online:
        results = ctx.external_results(build_settings(options, ctx.project.root))
    else:
        results = _cached_results(ctx)
    for url, sites in ctx.link_index().external().items():
        result = results.get(url)
        if result is None or result.outcome not in outcomes:
            continue
        for site in sites:
            yield rule.finding(
                site.doc, site.line, site.column,
                msg("{href}: {problem}", href=site.shown, problem=result.message),
                result.hint,
                context={"url": url, "status": result.status, "reason": result.reason,
                         "final_url": result.final_url, "from_cache": result.from_cache},
                fix=_redirect_fix(site, result),
            )


def _cached_results(ctx: RunContext) -> dict[str, LinkResult]:
    """The link cache's fresh verdicts on the library's URLs (``contentlint fix``: offline)."""
    from contentlint.links.http.results import LinkResult

    out: dict[str, LinkResult] = {}
    for url in ctx.link_index().external():
        known = ctx.cached_link(url)
        if known is None:
            continue
        try:
            out[url] = LinkResult(url, str(known["outcome"]), known.get("status"), known.get("final_url"),
                                  bool(known.get("permanent")), str(known.get("reason") or ""),
                                  known.get("message") or "", known.get("hint") or "", from_cache=True)
        except (KeyError, TypeError):
            continue
    return out


def _redirect_fix(site: LinkSite, result: LinkResult) -> Fix | None:
    """A permanent redirect that ends on a working page: its target replaces the address."""
    if result.outcome != "redirect" or not result.permanent or not result.final_url:
        return None
    if not result.final_url.startswith(("https://", "http://")) or any(c.isspace() for c in result.final_url):
        return None
    return link_fix(site.doc, site, result.final_url, msg("Use {url}", url=result.final_url))


class ExternalOutcomeRule(LibraryRule):
    """A library rule reporting every site of every URL whose external check ended in ``outcomes``.

    The rule kind of LK101-LK103. They share one check per run and LK101's
    network settings: ``options_of`` names LK101 (LK101 itself resets it).
    """

    outcomes: ClassVar[tuple[str, ...]]
    # The network is used only when asked (``--links external``): off by default.
    enabled_by_default = False
    extra_groups = ("online",)
    Options = ExternalOptions
    options_of: ClassVar[str | None] = "LK101"

    def check(self, target: Library, ctx: RunContext) -> Iterator[Finding]:
        """One finding per site of each URL with one of this rule's outcomes."""
        yield from findings_for(self, ctx, self.outcomes)
