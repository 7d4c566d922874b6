"""Settings of the external link check (global and per host)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from contentlint.links.guard import AddressGuard

try:  # pragma: no cover - trivial
    from contentlint import __version__ as _VERSION
except ImportError:  # pragma: no cover
    _VERSION = "0"

DEFAULT_USER_AGENT = f"contentlint-linkcheck/{_VERSION} (external link checker)"
#: A current desktop browser's User-Agent, for sites that turn away non-browsers.
BROWSER_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)

@dataclass(frozen=True, slots=True)
class HostSettings:
    """Overrides for one host (key ``"host"``, ``"host:port"`` or ``"*.domain"``).

    ``None`` means "use the global setting".  ``headers`` are added to (and
    override) the default headers; ``accept_statuses`` are treated as ok.
    """

    concurrency: int | None = None
    timeout_connect: float | None = None
    timeout_read: float | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    accept_statuses: frozenset[int] = frozenset()
    user_agent: str | None = None
    head_first: bool | None = None

    def __post_init__(self) -> None:
        if self.concurrency is not None and self.concurrency < 1:
            raise ValueError("HostSettings.concurrency must be at least 1")
        for name in ("timeout_connect", "timeout_read"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ValueError(f"HostSettings.{name} must be positive")
        object.__setattr__(self, "accept_statuses", frozenset(self.accept_statuses))
        object.__setattr__(self, "headers", dict(self.headers))


@dataclass(frozen=True, slots=True)
class ExternalLinkSettings:
    """Everything the external-link engine can be told.

    Beyond the core fields: ``retry_backoff`` (first backoff in seconds,
    doubled per retry), ``head_first`` (try HEAD before GET), ``headers`` (extra
    request headers), ``accept_statuses`` (statuses treated as ok everywhere),
    ``allow_hosts`` (``host:port`` pairs the address guard lets through, e.g. a
    local test server), ``timeouts_are_warnings`` (False makes a timeout an
    error), ``deadline`` (seconds for the whole check) and ``max_host_timeouts``
    (timeouts after which a host is given up for the run).  ``cache_path=None``
    disables the persistent cache; the CLI passes :func:`contentlint.links.cache.default_cache_path`.
    """

    timeout_connect: float = 5.0
    timeout_read: float = 10.0
    max_concurrency: int = 64
    per_host_concurrency: int = 8
    max_redirects: int = 10
    max_retries: int = 2
    max_retry_wait: float = 10.0
    max_bytes: int = 1_000_000
    user_agent: str = DEFAULT_USER_AGENT
    exclude: tuple[str, ...] = ()
    hosts: Mapping[str, HostSettings] = field(default_factory=dict)
    allow_loopback: bool = False
    allow_private: bool = False
    cache_path: Path | None = None
    cache_ttl_ok: float = 86400.0
    cache_ttl_error: float = 0.0
    warn_statuses: frozenset[int] = frozenset({401, 403, 429})
    accept_statuses: frozenset[int] = frozenset()
    retry_backoff: float = 0.5
    head_first: bool = True
    headers: Mapping[str, str] = field(default_factory=dict)
    allow_hosts: frozenset[str] = frozenset()
    timeouts_are_warnings: bool = True
    # The whole check's budget in seconds (None: no limit); what is not checked
    # by then is reported as not verified. A host whose requests time out
    # ``max_host_timeouts`` times is given up for the run (0: never).
    deadline: float | None = 300.0
    max_host_timeouts: int = 2

    def __post_init__(self) -> None:
        positive = ("timeout_connect", "timeout_read", "max_concurrency", "per_host_concurrency", "max_bytes")
        for name in positive:
            if getattr(self, name) <= 0:
                raise ValueError(f"ExternalLinkSettings.{name} must be positive")
        non_negative = ("max_redirects", "max_retries", "max_retry_wait", "retry_backoff", "cache_ttl_ok",
                        "cache_ttl_error", "max_host_timeouts")
        if self.deadline is not None and not self.deadline > 0:
            raise ValueError("ExternalLinkSettings.deadline must be positive")
        for name in non_negative:
            if getattr(self, name) < 0:
                raise ValueError(f"ExternalLinkSettings.{name} must not be negative")
        for pattern in self.exclude:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad exclude pattern {pattern!r}: {exc}") from None
        object.__setattr__(self, "exclude", tuple(self.exclude))
        object.__setattr__(self, "warn_statuses", frozenset(self.warn_statuses))
        object.__setattr__(self, "accept_statuses", frozenset(self.accept_statuses))
        object.__setattr__(self, "allow_hosts", frozenset(self.allow_hosts))
        object.__setattr__(self, "headers", dict(self.headers))
        hosts = {}
        for key, value in dict(self.hosts).items():
            if not isinstance(value, HostSettings):
                raise TypeError(f"hosts[{key!r}] must be a HostSettings")
            hosts[key.strip().lower().rstrip(".")] = value
        object.__setattr__(self, "hosts", hosts)
        if self.cache_path is not None:
            object.__setattr__(self, "cache_path", Path(self.cache_path))
        # Fail early on a malformed allow_hosts entry.
        AddressGuard.create(allow_hosts=self.allow_hosts)

