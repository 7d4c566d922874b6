"""External link checking: an asyncio engine on aiohttp.

``check_urls(urls, settings)`` checks every unique ``http``/``https`` URL and
returns a :class:`LinkResult` per input string.  How it checks:

* **Concurrency**: a global semaphore (``max_concurrency``) and one semaphore
  per ``host:port`` (``per_host_concurrency``, or ``HostSettings.concurrency``).
  The host slot is taken before the global one, so URLs queued behind a busy
  host do not hold global slots.
* **Method**: ``HEAD`` first, then ``GET`` when ``HEAD`` fails in a way typical
  of servers that mishandle it (any 4xx but 429, any 5xx, a dropped
  connection).  A host that answers ``HEAD`` with 405/501 gets ``GET`` directly
  from then on.  ``GET`` reads at most ``max_bytes`` of the body, then drops the
  connection; a body that stalls after the status line does not turn a known
  status into a timeout.
* **Redirects** are followed by hand (``allow_redirects=False``), so every hop
  passes the address guard; loops and chains longer than ``max_redirects`` are
  errors.  A chain whose *first* hop is 301/308 is reported as outcome
  ``"redirect"`` (a warning), with ``final_url`` and a hint naming the address
  the link permanently moved to; a chain of temporary redirects (302/303/307)
  that ends well is ``"ok"`` with ``final_url`` set.
* **Retries**: at most ``max_retries`` more attempts on 408, 429, 5xx (except
  501/505), timeouts and connection failures, waiting ``Retry-After`` (seconds
  or an HTTP date) or an exponential backoff from ``retry_backoff``, both
  capped at ``max_retry_wait``.  Waits happen outside the concurrency slots; a
  429 or 503 with ``Retry-After`` pauses the whole host for that long.
* **Timeouts**: ``timeout_connect`` for the TCP/TLS connect, ``timeout_read``
  for each read, and ``timeout_connect + timeout_read`` for the whole exchange
  up to the status line (DNS included).
* **Classification**: 2xx (and per-host ``accept_statuses``) are ok;
  ``warn_statuses`` (401, 403, 429 by default) and timeouts are warnings, since
  bot protection and slow servers are not broken links; every other status,
  DNS failures, refused connections, TLS errors, redirect loops and blocked
  addresses are errors.
* **Address guard**: see :mod:`contentlint.links.guard`.  The session never
  reads proxy settings from the environment (``trust_env=False``): a proxy
  would connect on our behalf to addresses the guard never saw.
* **Cache**: see :mod:`contentlint.links.cache`; hits send no request.
* ``mailto:`` and ``tel:`` links are checked for syntax only; other schemes are
  ``"excluded"``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import email.utils
import hashlib
import random
import re
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from yarl import URL

from contentlint.i18n import msg
from contentlint.links.cache import LinkCache
from contentlint.links.guard import (
    AddressGuard,
    BlockedAddressError,
    GuardedResolver,
    register_with_aiohttp,
)
from contentlint.links.http.results import LinkResult, RunStats
from contentlint.links.http.settings import (
    ExternalLinkSettings,
    HostSettings,
)
from contentlint.links.syntax import validate_mailto, validate_tel

if TYPE_CHECKING:
    # Imported lazily at run time (inside the engine): a run served entirely
    # from the cache does not pay for importing aiohttp (~0.2 s).
    import aiohttp
    from aiohttp.abc import AbstractResolver

_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
_ACCEPT_LANGUAGE = "en-US,en;q=0.9,es;q=0.8"

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_PERMANENT_STATUSES = frozenset({301, 308})
_NO_RETRY_5XX = frozenset({501, 505})



# ---------------------------------------------------------------------------
# Engine internals
# ---------------------------------------------------------------------------
@dataclass(slots=True)
class _HostCfg:
    concurrency: int
    timeout_connect: float
    timeout_read: float
    headers: dict[str, str]
    accept_statuses: frozenset[int]
    head_first: bool


@dataclass(slots=True)
class _Reply:
    status: int
    location: str | None
    retry_after: float | None
    set_cookie: bool
    method: str
    truncated: bool
    attempts: int = 1


class _Failure(Exception):
    """A network-level failure, already classified."""

    def __init__(
        self,
        reason: str,
        message: str,
        hint: str,
        *,
        retryable: bool = False,
        outcome: str = "error",
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.hint = hint
        self.retryable = retryable
        self.outcome = outcome
        self.attempts = 1


def _chain(exc: BaseException) -> Iterable[BaseException]:
    import aiohttp

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        nxt = current.__cause__ or current.__context__
        if nxt is None and isinstance(current, aiohttp.ClientConnectorError):
            nxt = current.os_error
        current = nxt


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = datetime.now(UTC).timestamp() if now is None else now
    return max(0.0, when.timestamp() - current)


_STATUS_TEXT = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    410: "Gone",
    429: "Too Many Requests",
    451: "Unavailable For Legal Reasons",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def _status_label(status: int) -> str:
    text = _STATUS_TEXT.get(status)
    return f"HTTP {status} {text}" if text else f"HTTP {status}"  # protocol text: not translated


def _strip_period(text: str) -> str:
    """``text`` without its final period (a Message keeps its template: the period is part of it)."""
    from contentlint.i18n import Message

    if isinstance(text, Message) and text.template.endswith("."):
        return Message(text.template[:-1], **text.params)
    return text.rstrip(".")


def _status_hint(status: int, settings: ExternalLinkSettings) -> str:
    if status in (404, 410):
        return msg("The page is gone: find its new address (search the site, or a web archive) or remove the link.")
    if status in (401, 403):
        if "Mozilla" in settings.user_agent:
            return msg(
                "The server turned the checker away (often bot protection, not a dead page). Open the link in a "
                "browser; if it works, add the status to this host's accept_statuses."
            )
        return msg(
            "The server turned the checker away (often bot protection, not a dead page). Open the link in a "
            "browser; if it works, add the status to this host's accept_statuses or set "
            "user_agent=BROWSER_USER_AGENT."
        )
    if status == 429:
        return msg("The server is rate limiting the checker; re-run later or lower this host's concurrency.")
    if status >= 500:
        return msg("The server failed on every attempt; check again later, and replace the link if it persists.")
    return msg("Open the link in a browser; fix or remove it if it does not work.")


class _Engine:
    def __init__(
        self,
        settings: ExternalLinkSettings,
        stats: RunStats,
        getaddrinfo: Callable[[str, int, int], list[Any]] | None = None,
    ) -> None:
        self.s = settings
        self.stats = stats
        self.guard = AddressGuard.create(
            allow_loopback=settings.allow_loopback,
            allow_private=settings.allow_private,
            allow_hosts=settings.allow_hosts,
        )
        self._getaddrinfo = getaddrinfo
        self.global_sem = asyncio.Semaphore(settings.max_concurrency)
        self.host_sems: dict[str, asyncio.Semaphore] = {}
        self.host_cfgs: dict[str, _HostCfg] = {}
        self.no_head: set[str] = set()
        self.paused_until: dict[str, float] = {}
        self.host_timeouts: dict[str, int] = {}
        self.given_up: set[str] = set()
        self.session: aiohttp.ClientSession | None = None
        self.executor: concurrent.futures.ThreadPoolExecutor | None = None
        self.base_headers = {
            "User-Agent": settings.user_agent,
            "Accept": _ACCEPT,
            "Accept-Language": _ACCEPT_LANGUAGE,
            **settings.headers,
        }
        wildcard = [(k[1:], v) for k, v in settings.hosts.items() if k.startswith("*.")]
        self._wildcards = sorted(wildcard, key=lambda kv: -len(kv[0]))

    # -- session -----------------------------------------------------------
    async def open(self) -> None:
        import aiohttp

        register_with_aiohttp()
        # getaddrinfo runs on a pool of our own: the loop's default pool has few
        # workers, and a hanging lookup must not stall every other host.
        self.executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=min(32, self.s.max_concurrency), thread_name_prefix="contentlint-dns"
        )
        resolver = GuardedResolver(self.guard, getaddrinfo=self._getaddrinfo, executor=self.executor)
        connector = aiohttp.TCPConnector(
            limit=self.s.max_concurrency,
            limit_per_host=0,
            resolver=cast("AbstractResolver", resolver),
            ttl_dns_cache=300,
        )
        self.session = aiohttp.ClientSession(
            connector=connector,
            trust_env=False,
            auto_decompress=True,
            timeout=aiohttp.ClientTimeout(total=None),
        )

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()
            self.session = None
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None

    # -- per-host configuration -------------------------------------------
    @staticmethod
    def host_key(url: URL) -> str:
        host = (url.host or "").lower().rstrip(".")
        return f"{host}:{url.port}"

    def host_cfg(self, url: URL) -> tuple[str, _HostCfg]:
        key = self.host_key(url)
        cfg = self.host_cfgs.get(key)
        if cfg is not None:
            return key, cfg
        host = (url.host or "").lower().rstrip(".")
        hs = self.s.hosts.get(key) or self.s.hosts.get(host)
        if hs is None:
            for suffix, value in self._wildcards:
                if host.endswith(suffix) or host == suffix[1:]:
                    hs = value
                    break
        hs = hs or HostSettings()
        headers = dict(self.base_headers)
        if hs.user_agent:
            headers["User-Agent"] = hs.user_agent
        headers.update(hs.headers)
        cfg = _HostCfg(
            concurrency=hs.concurrency or self.s.per_host_concurrency,
            timeout_connect=hs.timeout_connect or self.s.timeout_connect,
            timeout_read=hs.timeout_read or self.s.timeout_read,
            headers=headers,
            accept_statuses=self.s.accept_statuses | hs.accept_statuses,
            head_first=self.s.head_first if hs.head_first is None else hs.head_first,
        )
        self.host_cfgs[key] = cfg
        return key, cfg

    def host_sem(self, key: str, cfg: _HostCfg) -> asyncio.Semaphore:
        sem = self.host_sems.get(key)
        if sem is None:
            sem = self.host_sems[key] = asyncio.Semaphore(cfg.concurrency)
        return sem

    # -- classification of exceptions --------------------------------------
    def classify(self, exc: BaseException, url: URL, cfg: _HostCfg) -> _Failure:
        import aiohttp

        where = f"{url.host}:{url.port}"
        for item in _chain(exc):
            if isinstance(item, BlockedAddressError):
                return _Failure("blocked-address", msg("Not checked: {reason}.", reason=item.text), item.hint)
        if isinstance(exc, (asyncio.TimeoutError, TimeoutError)):
            connecting = isinstance(exc, aiohttp.ConnectionTimeoutError)
            limit = cfg.timeout_connect if connecting else cfg.timeout_read
            return _Failure(
                "timeout",
                msg("No connect to {where} within {limit:g} s.", where=where, limit=limit) if connecting
                else msg("No answer from {where} within {limit:g} s.", where=where, limit=limit),
                msg("The server was too slow; re-run later, or raise this host's timeout."),
                retryable=True,
                outcome="warning" if self.s.timeouts_are_warnings else "error",
            )
        if isinstance(exc, aiohttp.ClientConnectorDNSError):
            return _Failure(
                "dns",
                msg("The host name {host} does not resolve.", host=url.host),
                msg("Check the address for typos; the domain may have expired."),
            )
        is_tls = isinstance(
            exc, (aiohttp.ClientConnectorCertificateError, aiohttp.ClientConnectorSSLError, aiohttp.ClientSSLError)
        ) or any(isinstance(item, ssl.SSLError) for item in _chain(exc))
        if is_tls:
            detail = str(exc).split("[", 1)[-1].rstrip("]") if "[" in str(exc) else str(exc)
            return _Failure(
                "tls",
                msg("TLS handshake with {where} failed: {detail}", where=where, detail=detail),
                msg("The site's certificate or TLS setup is broken (expired, wrong name, or no TLS); "
                    "try it in a browser, and link to a working address."),
            )
        if any(isinstance(item, ConnectionRefusedError) for item in _chain(exc)):
            return _Failure(
                "refused",
                msg("Connection to {where} refused.", where=where),
                msg("Nothing is listening there: the site is down or the address is wrong."),
                retryable=True,
            )
        if isinstance(exc, aiohttp.ClientConnectorError):
            return _Failure(
                "connection",
                msg(
                    "Cannot connect to {where}: {error}.",
                    where=where,
                    error=str(exc.os_error.strerror or exc.os_error),
                ),
                msg("The host is unreachable; check the address and try again later."),
                retryable=True,
            )
        if isinstance(exc, aiohttp.InvalidURL):
            return _Failure("invalid-url", msg("Invalid URL: {error}.", error=str(exc)), msg("Fix the address."))
        if isinstance(exc, aiohttp.ClientResponseError):
            text = str(exc.message)
            if "Got more than" in text or "too long" in text.lower() or "too large" in text.lower():
                return _Failure(
                    "too-large",
                    msg("The response from {where} has oversized headers ({text}).", where=where, text=text),
                    msg("The server sends a malformed response; check the link in a browser."),
                    outcome="warning",
                )
            return _Failure(
                "bad-response",
                msg("Malformed HTTP response from {where}: {text}.", where=where, text=text),
                msg("The server sends a malformed response; check the link in a browser."),
                retryable=True,
            )
        if isinstance(exc, (aiohttp.ClientError, OSError)):
            name = type(exc).__name__
            return _Failure(
                "connection",
                msg("Connection to {where} failed ({name}: {error}).", where=where, name=name, error=str(exc)),
                msg("The server dropped the connection; check again later."),
                retryable=True,
            )
        raise exc

    # -- one HTTP exchange ----------------------------------------------------
    async def request(self, method: str, url: URL, cfg: _HostCfg) -> _Reply:
        import aiohttp

        assert self.session is not None
        self.stats.requests += 1
        timeout = aiohttp.ClientTimeout(
            total=None, connect=None, sock_connect=cfg.timeout_connect, sock_read=cfg.timeout_read
        )
        try:
            async with asyncio.timeout(cfg.timeout_connect + cfg.timeout_read):
                resp = await self.session.request(
                    method,
                    url,
                    headers=cfg.headers,
                    allow_redirects=False,
                    timeout=timeout,
                )
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            raise self.classify(exc, url, cfg) from exc
        truncated = False
        try:
            status = resp.status
            location = resp.headers.get("Location")
            retry_after = parse_retry_after(resp.headers.get("Retry-After"))
            set_cookie = "Set-Cookie" in resp.headers
            if method == "GET":
                truncated = await self.read_some(resp, cfg)
        finally:
            if truncated:
                resp.close()
            else:
                resp.release()
        return _Reply(status, location, retry_after, set_cookie, method, truncated)

    async def read_some(self, resp: aiohttp.ClientResponse, cfg: _HostCfg) -> bool:
        """Read at most ``max_bytes``; returns True if the body was not read to the end."""
        remaining = self.s.max_bytes
        try:
            async with asyncio.timeout(cfg.timeout_read):
                while remaining > 0:
                    chunk = await resp.content.read(min(65536, remaining))
                    if not chunk:
                        return False
                    remaining -= len(chunk)
        except asyncio.CancelledError:
            raise
        except Exception:
            return True  # the status is known; a stalled or broken body does not change it
        return not resp.content.at_eof()

    async def exchange(self, url: URL, key: str, cfg: _HostCfg, use_get: bool) -> tuple[_Reply, bool]:
        """HEAD (with GET fallback) or GET, inside the host and global slots."""
        async with self.host_sem(key, cfg), self.global_sem:
            self.check_given_up(url, key)  # it may have been given up while this URL waited
            if not use_get and key not in self.no_head:
                try:
                    reply = await self.request("HEAD", url, cfg)
                except _Failure as failure:
                    if failure.reason not in ("connection", "bad-response"):
                        raise
                else:
                    if reply.status < 400 or reply.status == 429 or reply.status in cfg.accept_statuses:
                        return reply, False
                    if reply.status in (405, 501):
                        self.no_head.add(key)
            return await self.request("GET", url, cfg), True

    def check_given_up(self, url: URL, key: str) -> None:
        """Raise the "given up" failure when ``key``'s host timed out too often in this run."""
        if key in self.given_up:
            limit = self.s.max_host_timeouts
            where = f"{url.host}:{url.port}"
            raise _Failure(
                "host-given-up",
                msg("Not checked: {where} timed out {count} times in this run, so its other links were skipped.",
                    where=where, count=limit),
                msg("The server was too slow during this run; re-run later, or raise this host's timeout."),
                outcome="warning",
            )

    def count_timeout(self, key: str) -> None:
        """One more timeout from ``key``'s host; at ``max_host_timeouts`` the host is given up."""
        count = self.host_timeouts[key] = self.host_timeouts.get(key, 0) + 1
        if self.s.max_host_timeouts and count >= self.s.max_host_timeouts:
            self.given_up.add(key)

    async def wait_host(self, key: str) -> None:
        while True:
            until = self.paused_until.get(key, 0.0)
            delay = until - time.monotonic()
            if delay <= 0:
                return
            await asyncio.sleep(delay)

    def backoff(self, attempt: int) -> float:
        base = self.s.retry_backoff * (2.0**attempt)
        return min(self.s.max_retry_wait, base * (1.0 + random.uniform(0.0, 0.1)))

    @staticmethod
    def retryable_status(status: int) -> bool:
        return status in (408, 429) or (status >= 500 and status not in _NO_RETRY_5XX)

    async def fetch(self, url: URL) -> _Reply:
        """One hop, with retries."""
        host = url.host or ""
        if self.guard.is_ip_literal(host):
            try:
                self.guard.check_literal(host, url.port)
            except BlockedAddressError as exc:
                raise _Failure("blocked-address", msg("Not checked: {reason}.", reason=exc.text), exc.hint) from None
        key, cfg = self.host_cfg(url)
        use_get = not cfg.head_first
        attempt = 0
        while True:
            await self.wait_host(key)
            try:
                reply, use_get = await self.exchange(url, key, cfg, use_get)
            except _Failure as failure:
                if failure.reason == "host-given-up":
                    raise
                if failure.reason == "timeout":
                    self.count_timeout(key)
                    if key in self.given_up:  # no retry: this URL reports its own timeout
                        failure.attempts = attempt + 1
                        raise
                if failure.retryable and attempt < self.s.max_retries:
                    await asyncio.sleep(self.backoff(attempt))
                    attempt += 1
                    continue
                failure.attempts = attempt + 1
                raise
            if (
                self.retryable_status(reply.status)
                and reply.status not in cfg.accept_statuses
                and attempt < self.s.max_retries
            ):
                if reply.retry_after is not None:
                    delay = min(reply.retry_after, self.s.max_retry_wait)
                    if reply.status in (429, 503):
                        until = time.monotonic() + delay
                        self.paused_until[key] = max(self.paused_until.get(key, 0.0), until)
                else:
                    delay = self.backoff(attempt)
                await asyncio.sleep(delay)
                attempt += 1
                continue
            reply.attempts = attempt + 1
            return reply

    # -- one URL -----------------------------------------------------------
    async def check(self, url: URL) -> LinkResult:
        original = str(url)
        current = url
        chain: list[tuple[int, str]] = []
        visits: dict[str, int] = {original: 1}
        while True:
            try:
                reply = await self.fetch(current)
            except _Failure as failure:
                return self.failure_result(original, failure, chain, current)
            if reply.status in _REDIRECT_STATUSES and reply.location:
                try:
                    nxt = current.join(URL(reply.location.strip())).with_fragment(None)
                except (ValueError, TypeError):
                    return self.result(
                        original, "error", reply.status, str(current) if chain else None, chain, "bad-redirect",
                        f"HTTP {reply.status} with an invalid Location header {reply.location!r}.",
                        "The server's redirect is broken; link to the target page directly.",
                    )
                chain.append((reply.status, str(current)))
                if nxt.scheme not in ("http", "https"):
                    return self.result(
                        original, "warning", reply.status, str(nxt), chain, "redirect-unsupported-scheme",
                        f"Redirects to {nxt}, which is not an http(s) URL and was not checked.",
                        f"Link to {nxt} directly if that is intended.",
                    )
                if len(chain) > self.s.max_redirects:
                    return self.result(
                        original, "error", reply.status, str(nxt), chain, "too-many-redirects",
                        f"More than {self.s.max_redirects} redirects (last to {nxt}).",
                        "The redirect chain does not end; link to the final page, or remove the link.",
                    )
                nxt_key = str(nxt)
                seen = visits.get(nxt_key, 0)
                if seen and not (reply.set_cookie and seen < 2):
                    hops = " -> ".join([u for _, u in chain] + [nxt_key])
                    return self.result(
                        original, "error", reply.status, nxt_key, chain, "redirect-loop",
                        f"Redirect loop: {hops}.",
                        "The site redirects in a circle; the link cannot work as written.",
                    )
                visits[nxt_key] = seen + 1
                current = nxt
                continue
            return self.final_result(original, reply, chain, current)

    def result(
        self,
        url: str,
        outcome: str,
        status: int | None,
        final_url: str | None,
        chain: list[tuple[int, str]],
        reason: str,
        message: str,
        hint: str,
        permanent: bool | None = None,
    ) -> LinkResult:
        if permanent is None:
            permanent = bool(chain) and chain[0][0] in _PERMANENT_STATUSES
        return LinkResult(url, outcome, status, final_url, permanent, reason, message, hint)

    def failure_result(self, url: str, failure: _Failure, chain: list[tuple[int, str]], current: URL) -> LinkResult:
        message = failure.message
        if failure.attempts > 1:
            message = msg("{message} ({attempts} attempts).", message=_strip_period(message),
                          attempts=failure.attempts)
        if chain:
            message = msg("After {count} redirect(s) to {url}: {message}", count=len(chain), url=str(current),
                          message=message)
        return self.result(
            url, failure.outcome, None, str(current) if chain else None, chain, failure.reason, message, failure.hint
        )

    def final_result(self, url: str, reply: _Reply, chain: list[tuple[int, str]], current: URL) -> LinkResult:
        status = reply.status
        final = str(current) if chain else None
        _key, cfg = self.host_cfg(current)
        attempts: str = msg(" after {count} attempts", count=reply.attempts) if reply.attempts > 1 else ""
        codes = ", ".join(str(code) for code, _ in chain)
        if 200 <= status < 300 or status in cfg.accept_statuses:
            label: str = msg("{status}{attempts}", status=_status_label(status), attempts=attempts)
            if not chain:
                return self.result(url, "ok", status, None, chain, "ok", label, "")
            if chain[0][0] in _PERMANENT_STATUSES:
                # The address the link permanently moved to: the end of the leading permanent run.
                target = str(current)
                for index, (code, _src) in enumerate(chain):
                    if code not in _PERMANENT_STATUSES:
                        target = chain[index][1]
                        break
                return self.result(
                    url, "redirect", status, final, chain, "redirect-permanent",
                    msg("Permanently redirected ({codes}) to {url} ({label}).", codes=codes, url=final, label=label),
                    msg("Update the link to {url}", url=target),
                )
            return self.result(
                url, "ok", status, final, chain, "redirect-temporary",
                msg("Temporarily redirected ({codes}) to {url} ({label}).", codes=codes, url=final, label=label), "",
            )
        if 300 <= status < 400:
            return self.result(
                url, "warning", status, final, chain, f"http-{status}",
                msg("HTTP {status} without a usable Location header.", status=status),
                msg("Open the link in a browser and link to the page it shows."),
            )
        where: str = msg(" (redirected via {codes} to {url})", codes=codes, url=final) if chain else ""
        message = msg("{status}{attempts}{where}.", status=_status_label(status), attempts=attempts, where=where)
        outcome = "warning" if status in self.s.warn_statuses else "error"
        return self.result(url, outcome, status, final, chain, f"http-{status}", message, _status_hint(status, self.s))


# ---------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------
# The authority of an http(s) URL whose IPv6-literal brackets were
# percent-encoded (Markdown parsers encode "[" and "]" in a link destination).
_ENCODED_IP_LITERAL_RE = re.compile(
    r"^(https?://(?:[^/?#@]*@)?)%5B([0-9A-Fa-f:.]+(?:%25[^/?#\]%]+)?)%5D", re.IGNORECASE
)


def _unbracket(text: str) -> str:
    """``http://%5B::1%5D:8000/x`` as ``http://[::1]:8000/x``; any other text unchanged."""
    return _ENCODED_IP_LITERAL_RE.sub(lambda m: f"{m.group(1)}[{m.group(2)}]", text, count=1)


def _precheck(raw: str, settings: ExternalLinkSettings, patterns: list[re.Pattern[str]]) -> LinkResult | URL:
    """Decide without the network where possible; else return the URL to fetch."""
    text = _unbracket(raw.strip())
    message: str
    for pattern in patterns:
        if pattern.search(text):
            message = msg("Excluded by pattern {pattern!r}.", pattern=pattern.pattern)
            return LinkResult(raw, "excluded", None, None, False, "excluded", message, "")
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme == "mailto":
        ok, message = validate_mailto(text)
        if ok:
            return LinkResult(raw, "ok", None, None, False, "mailto", message, "")
        hint = msg("Write it as mailto:name@example.org.")
        return LinkResult(raw, "error", None, None, False, "invalid-mailto", message, hint)
    if scheme == "tel":
        outcome, message = validate_tel(text)
        if outcome == "ok":
            return LinkResult(raw, "ok", None, None, False, "tel", message, "")
        return LinkResult(
            raw, outcome, None, None, False, "invalid-tel", message,
            msg("Write it as tel:+1-800-555-0199 (digits, '+', '-', '.', parentheses)."),
        )
    if scheme not in ("http", "https"):
        if not scheme or not re.fullmatch(r"[a-z][a-z0-9+.\-]*", scheme):
            return LinkResult(
                raw, "error", None, None, False, "invalid-url", msg("{url!r} is not an absolute URL.", url=raw),
                msg("External links need a scheme: https://..."),
            )
        return LinkResult(
            raw, "excluded", None, None, False, "unsupported-scheme",
            msg("{scheme}: links are not checked (only http and https).", scheme=scheme), "",
        )
    try:
        url = URL(text)
    except (ValueError, TypeError) as exc:
        return LinkResult(raw, "error", None, None, False, "invalid-url", msg("Invalid URL: {error}.", error=str(exc)),
                          msg("Fix the address."))
    if not url.host:
        return LinkResult(raw, "error", None, None, False, "invalid-url", msg("{url!r} has no host.", url=raw),
                          msg("Fix the address."))
    try:
        url.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        return LinkResult(raw, "error", None, None, False, "invalid-url", msg("Invalid port: {error}.", error=str(exc)),
                          msg("Fix the address."))
    return url.with_fragment(None)


# Results about this run rather than the link: never cached.
_NOT_CACHED = frozenset({"internal-error", "host-given-up", "deadline"})


def _past_deadline(url: str, settings: ExternalLinkSettings) -> LinkResult:
    """The result of a URL the run's deadline cut off."""
    return LinkResult(
        url, "warning", None, None, False, "deadline",
        msg("Not checked: the external check ran out of its {deadline:g} s deadline before this link.",
            deadline=settings.deadline or 0),
        msg("Re-run later, or raise the deadline option of broken-external-link."),
    )


def _cache_key(url_key: str, settings: ExternalLinkSettings) -> str:
    """The cache key: the URL, tagged when the address guard is relaxed.

    A result obtained with ``allow_private``/``allow_loopback``/``allow_hosts``
    must not be served to a stricter run (it would pass an internal link
    without the guard ever seeing it), so such runs use their own keys.
    """
    if not (settings.allow_loopback or settings.allow_private or settings.allow_hosts):
        return url_key
    policy = f"{int(settings.allow_loopback)}{int(settings.allow_private)}:{','.join(sorted(settings.allow_hosts))}"
    return f"{url_key} #guard={hashlib.sha256(policy.encode()).hexdigest()[:12]}"


async def check_urls_async(
    urls: Iterable[str],
    settings: ExternalLinkSettings,
    progress: Callable[[int, int], None] | None = None,
    *,
    stats: RunStats | None = None,
    _getaddrinfo: Callable[[str, int, int], list[Any]] | None = None,
) -> dict[str, LinkResult]:
    """Async form of :func:`check_urls` (for callers already in an event loop)."""
    started = time.perf_counter()
    stats = stats if stats is not None else RunStats()
    ordered = list(dict.fromkeys(urls))
    total = len(ordered)
    stats.urls = total
    results: dict[str, LinkResult] = {}
    done = 0

    def tick(count: int = 1) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)

    cache: LinkCache | None = None
    if settings.cache_path is not None:
        cache = LinkCache(settings.cache_path, ttl_ok=settings.cache_ttl_ok, ttl_error=settings.cache_ttl_error)
        cache.load()
        stats.cache_error = cache.load_error

    patterns = [re.compile(p) for p in settings.exclude]
    to_fetch: dict[str, tuple[URL, list[str]]] = {}
    for raw in ordered:
        pre = _precheck(raw, settings, patterns)
        if isinstance(pre, LinkResult):
            results[raw] = pre
            tick()
            continue
        key = str(pre)
        if cache is not None:
            hit = cache.get(_cache_key(key, settings))
            if hit is not None:
                results[raw] = LinkResult(url=raw, from_cache=True, **hit)
                stats.from_cache += 1
                tick()
                continue
        entry = to_fetch.get(key)
        if entry is None:
            to_fetch[key] = (pre, [raw])
        else:
            entry[1].append(raw)

    if to_fetch:
        engine = _Engine(settings, stats, getaddrinfo=_getaddrinfo)
        await engine.open()
        try:

            async def run_one(key: str, url: URL, raws: list[str]) -> None:
                try:
                    result = await engine.check(url)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # a bug must cost one URL, not the whole run
                    result = LinkResult(
                        key, "error", None, None, False, "internal-error",
                        f"The link checker failed on this URL ({type(exc).__name__}: {exc}).",
                        "Please report this; re-run to retry.",
                    )
                if cache is not None and result.reason not in _NOT_CACHED:
                    cache.put(_cache_key(key, settings), result.to_dict())
                for raw in raws:
                    results[raw] = replace(result, url=raw)
                stats.checked += len(raws)
                tick(len(raws))

            tasks = {asyncio.ensure_future(run_one(k, u, r)): k for k, (u, r) in to_fetch.items()}
            _done, pending = await asyncio.wait(tasks, timeout=settings.deadline)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending)
                for task in pending:
                    key = tasks[task]
                    _url, raws = to_fetch[key]
                    result = _past_deadline(key, settings)
                    for raw in raws:
                        results[raw] = replace(result, url=raw)
                    stats.checked += len(raws)
                    tick(len(raws))
            for task in _done:
                task.result()  # run_one turns every failure into a result: only a bug raises here
        finally:
            await engine.close()

    if cache is not None and cache.dirty:
        cache.save()
        if cache.save_error:
            stats.cache_error = cache.save_error
    stats.elapsed = time.perf_counter() - started
    return {raw: results[raw] for raw in ordered}


def check_urls(
    urls: Iterable[str],
    settings: ExternalLinkSettings,
    progress: Callable[[int, int], None] | None = None,
    *,
    stats: RunStats | None = None,
) -> dict[str, LinkResult]:
    """Check external URLs; returns one :class:`LinkResult` per unique input string.

    Runs its own event loop (``asyncio.run``); inside a running loop, await
    :func:`check_urls_async` instead.  ``progress(done, total)`` is called once
    with ``done=0`` and then after each URL.  Nothing is printed.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        raise RuntimeError("check_urls() cannot run inside an event loop; await check_urls_async() instead")
    return asyncio.run(check_urls_async(urls, settings, progress, stats=stats))


