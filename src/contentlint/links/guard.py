"""Address guard: keep the link checker away from internal networks (SSRF).

A link in a published guide is checked by making an HTTP request from the
machine that runs contentlint (a laptop, a CI runner, a cloud VM).  A hostile or
careless link such as ``http://169.254.169.254/latest/meta-data/`` or
``http://10.0.0.5/admin`` would make that machine talk to its own network.  The
guard refuses such addresses:

* **when** - after DNS resolution, for *every* address a name resolves to (one
  bad address blocks the whole name: DNS answers can be mixed on purpose), and
  again for every redirect hop;
* **how** - :class:`GuardedResolver` is an aiohttp resolver: aiohttp connects to
  the addresses the resolver returns, so the checked address is the one that is
  connected to (no second lookup, no DNS-rebinding window).  aiohttp skips the
  resolver for IP literals, so the engine checks literals itself with
  :meth:`AddressGuard.check_literal` before each request;
* **what** - see :func:`classify_ip`.  ``allow_loopback`` unlocks loopback,
  ``allow_private`` unlocks private (RFC 1918, ULA, CGNAT) and link-local
  ranges; cloud-metadata, multicast, reserved and unspecified addresses are
  never unlocked.  ``allow_hosts`` exempts exact ``host:port`` pairs (an IP
  literal or a host name as written in the URL, or a resolved IP), for a test
  server or a known intranet service.

The guard never connects anywhere itself.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contentlint.i18n import msg

if TYPE_CHECKING:  # aiohttp is imported lazily: a run served from the cache never loads it
    from aiohttp.abc import ResolveResult

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

__all__ = [
    "METADATA_ADDRESSES",
    "AddressGuard",
    "BlockedAddressError",
    "GuardedResolver",
    "classify_ip",
    "register_with_aiohttp",
]

#: Cloud instance-metadata endpoints: never reachable, whatever the settings.
METADATA_ADDRESSES: frozenset[IPAddress] = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean, ...
        "169.254.170.2",  # AWS ECS task metadata
        "169.254.169.253",  # AWS VPC DNS (link-local)
        "100.100.100.200",  # Alibaba Cloud
        "fd00:ec2::254",  # AWS IMDS over IPv6
        "fd00:ec2::23",  # AWS VPC DNS over IPv6
    )
)

# Ordered: the first match gives the category.  Anything not listed here that
# Python does not consider globally routable falls back to "reserved".
_V4_TABLE: tuple[tuple[ipaddress.IPv4Network, str], ...] = (
    (ipaddress.IPv4Network("0.0.0.0/8"), "unspecified"),  # "this network"; 0.0.0.0 reaches localhost on Linux
    (ipaddress.IPv4Network("127.0.0.0/8"), "loopback"),
    (ipaddress.IPv4Network("10.0.0.0/8"), "private"),
    (ipaddress.IPv4Network("172.16.0.0/12"), "private"),
    (ipaddress.IPv4Network("192.168.0.0/16"), "private"),
    (ipaddress.IPv4Network("100.64.0.0/10"), "private"),  # shared address space (CGNAT)
    (ipaddress.IPv4Network("169.254.0.0/16"), "link-local"),
    (ipaddress.IPv4Network("224.0.0.0/4"), "multicast"),
    (ipaddress.IPv4Network("255.255.255.255/32"), "reserved"),  # limited broadcast
    (ipaddress.IPv4Network("240.0.0.0/4"), "reserved"),
    (ipaddress.IPv4Network("192.0.0.0/24"), "reserved"),  # IETF protocol assignments
    (ipaddress.IPv4Network("192.0.2.0/24"), "reserved"),  # TEST-NET-1
    (ipaddress.IPv4Network("198.51.100.0/24"), "reserved"),  # TEST-NET-2
    (ipaddress.IPv4Network("203.0.113.0/24"), "reserved"),  # TEST-NET-3
    (ipaddress.IPv4Network("198.18.0.0/15"), "reserved"),  # benchmarking
    (ipaddress.IPv4Network("192.88.99.0/24"), "reserved"),  # 6to4 relay anycast (deprecated)
)

_V6_TABLE: tuple[tuple[ipaddress.IPv6Network, str], ...] = (
    (ipaddress.IPv6Network("::/128"), "unspecified"),
    (ipaddress.IPv6Network("::1/128"), "loopback"),
    (ipaddress.IPv6Network("fe80::/10"), "link-local"),
    (ipaddress.IPv6Network("fec0::/10"), "private"),  # deprecated site-local
    (ipaddress.IPv6Network("fc00::/7"), "private"),  # unique local addresses
    (ipaddress.IPv6Network("ff00::/8"), "multicast"),
    (ipaddress.IPv6Network("::/96"), "reserved"),  # IPv4-compatible (deprecated)
    (ipaddress.IPv6Network("100::/64"), "reserved"),  # discard-only
    (ipaddress.IPv6Network("2001:db8::/32"), "reserved"),  # documentation
    (ipaddress.IPv6Network("2001:10::/28"), "reserved"),  # ORCHID
    (ipaddress.IPv6Network("2001:20::/28"), "reserved"),  # ORCHIDv2
    (ipaddress.IPv6Network("3fff::/20"), "reserved"),  # documentation (RFC 9637)
    (ipaddress.IPv6Network("5f00::/16"), "reserved"),  # SRv6 SIDs
)

_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))
_SIX_TO_FOUR = ipaddress.IPv6Network("2002::/16")

#: Human wording for each category, used in messages.
CATEGORY_TEXT: dict[str, str] = {
    "loopback": msg("a loopback address"),
    "private": msg("a private-network address"),
    "link-local": msg("a link-local address"),
    "metadata": msg("a cloud-metadata address"),
    "multicast": msg("a multicast address"),
    "reserved": msg("a reserved or special-purpose address"),
    "unspecified": msg("an unspecified address"),
}


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64, Teredo)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _SIX_TO_FOUR:
        return ip.sixtofour
    for net in _NAT64:
        if ip in net:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.teredo is not None:
        # (server, client): the client is where traffic ends up.
        return ip.teredo[1]
    return None


def classify_ip(address: str | IPAddress) -> str | None:
    """Category of an address the guard cares about, or ``None`` for a public one.

    Categories: ``loopback``, ``private``, ``link-local``, ``metadata``,
    ``multicast``, ``reserved``, ``unspecified``.  IPv6 addresses that embed an
    IPv4 address (``::ffff:10.0.0.1``, 6to4, NAT64, Teredo) are judged by the
    embedded address when that is not public.  A zone index (``fe80::1%eth0``)
    is ignored.
    """
    if isinstance(address, str):
        text = address.strip().strip("[]")
        if "%" in text:
            text = text.split("%", 1)[0]
        ip: IPAddress = ipaddress.ip_address(text)
    else:
        ip = address
    if ip in METADATA_ADDRESSES:
        return "metadata"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            inner = classify_ip(embedded)
            if inner is not None:
                return inner
            if ip.ipv4_mapped is not None:
                return None  # ::ffff:<public v4> is that public address
        for net6, category in _V6_TABLE:
            if ip in net6:
                return category
    else:
        for net4, category in _V4_TABLE:
            if ip in net4:
                return category
    if not ip.is_global:
        return "reserved"
    return None


def _parse_ip(text: str) -> IPAddress | None:
    text = text.strip().strip("[]")
    if "%" in text:
        text = text.split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _norm_hostport(host: str, port: int | None) -> str:
    host = host.strip().lower().rstrip(".")
    ip = _parse_ip(host)
    if ip is not None:
        host = f"[{ip.compressed}]" if ip.version == 6 else ip.compressed
    return f"{host}:{port}" if port is not None else host


class BlockedAddressError(OSError):
    """A connection was refused by the guard before any packet was sent."""

    def __init__(self, host: str, address: str, category: str, hint: str) -> None:
        self.host = host
        self.address = address
        self.category = category
        self.hint = hint
        what = CATEGORY_TEXT.get(category, category)
        if _parse_ip(host) is not None:
            self.text: str = msg("blocked by the address guard: {address} is {what}", address=address, what=what)
        else:
            self.text = msg("blocked by the address guard: {host} resolves to {address}, {what}", host=host,
                            address=address, what=what)
        super().__init__(str(self.text))


@dataclass(frozen=True, slots=True)
class AddressGuard:
    """Decides whether a (host, address, port) may be connected to."""

    allow_loopback: bool = False
    allow_private: bool = False
    allow_hosts: frozenset[str] = frozenset()

    @classmethod
    def create(
        cls,
        *,
        allow_loopback: bool = False,
        allow_private: bool = False,
        allow_hosts: Iterable[str] = (),
    ) -> AddressGuard:
        """Build a guard, normalising ``allow_hosts`` entries (``host:port``)."""
        normalised = set()
        for entry in allow_hosts:
            host, sep, port = entry.strip().rpartition(":")
            if not sep or not port.isdigit() or not host:
                raise ValueError(f"allow_hosts entry {entry!r} must be host:port")
            normalised.add(_norm_hostport(host, int(port)))
        return cls(allow_loopback, allow_private, frozenset(normalised))

    def _allowed_pair(self, host: str, port: int | None) -> bool:
        return port is not None and _norm_hostport(host, port) in self.allow_hosts

    def category_blocked(self, category: str | None) -> bool:
        """Whether an address of this category is refused under these settings."""
        if category is None:
            return False
        if category == "loopback":
            return not self.allow_loopback
        if category in ("private", "link-local"):
            return not self.allow_private
        return True  # metadata, multicast, reserved, unspecified: never

    def hint_for(self, category: str) -> str:
        """How to allow it, when it can be allowed at all."""
        if category == "loopback":
            return msg(
                "Links to this machine cannot be checked; remove the link, or set "
                "allow_loopback=True (or list the host:port in allow_hosts) for a local test server."
            )
        if category in ("private", "link-local"):
            return msg(
                "Links to internal networks should not be published and are not checked; "
                "remove the link, or set allow_private=True when checking an intranet."
            )
        return msg("This address is never checked; the link should not be published.")

    def check_address(self, host: str, address: str | IPAddress, port: int | None) -> None:
        """Raise :class:`BlockedAddressError` if connecting to ``address`` is refused.

        ``host`` is the name in the URL (for the message and ``allow_hosts``).
        """
        ip = address if not isinstance(address, str) else _parse_ip(address)
        if ip is None:
            raise BlockedAddressError(host, str(address), "reserved", msg("Not an IP address."))
        if self._allowed_pair(host, port) or self._allowed_pair(ip.compressed, port):
            return
        category = classify_ip(ip)
        if self.category_blocked(category):
            assert category is not None
            raise BlockedAddressError(host, ip.compressed, category, self.hint_for(category))

    def check_literal(self, host: str, port: int | None) -> None:
        """Check a URL host that is an IP literal; host names are left to the resolver."""
        ip = _parse_ip(host)
        if ip is not None:
            self.check_address(host, ip, port)

    def is_ip_literal(self, host: str) -> bool:
        """Whether a URL host is an IP literal (and so bypasses the resolver)."""
        return _parse_ip(host) is not None


def _system_getaddrinfo(host: str, port: int, family: int) -> list[Any]:
    """The system resolver (patched in tests so that no DNS query leaves the machine)."""
    return socket.getaddrinfo(host, port, family=family, type=socket.SOCK_STREAM)


class GuardedResolver:
    """An aiohttp resolver that refuses a name if any of its addresses is refused.

    aiohttp connects only to the addresses returned here, so the address that
    was checked is the address that is connected to.  ``getaddrinfo`` runs on
    ``executor`` (the loop's default pool when ``None``).

    It implements ``aiohttp.abc.AbstractResolver`` (``resolve``/``close``) and
    is registered as its virtual subclass by :func:`register_with_aiohttp`, so
    that importing this module does not import aiohttp.
    """

    def __init__(
        self,
        guard: AddressGuard,
        getaddrinfo: Callable[[str, int, int], list[Any]] | None = None,
        executor: concurrent.futures.Executor | None = None,
    ) -> None:
        self._guard = guard
        self._getaddrinfo = getaddrinfo
        self._executor = executor

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        loop = asyncio.get_running_loop()
        lookup = self._getaddrinfo or _system_getaddrinfo
        infos = await loop.run_in_executor(self._executor, lookup, host, port, family)
        return self.check_infos(host, port, infos)

    def check_infos(self, host: str, port: int, infos: Iterable[Any]) -> list[ResolveResult]:
        """Check every address of a ``getaddrinfo`` answer; all must pass."""
        results: list[ResolveResult] = []
        seen: set[tuple[str, int]] = set()
        for fam, _type, proto, _canon, sockaddr in infos:
            if fam not in (socket.AF_INET, socket.AF_INET6):
                continue
            address = str(sockaddr[0])
            rport = int(sockaddr[1])
            self._guard.check_address(host, address, port)
            if (address, rport) in seen:
                continue
            seen.add((address, rport))
            entry: ResolveResult = {
                "hostname": host,
                "host": address,
                "port": rport,
                "family": fam,
                "proto": proto,
                "flags": socket.AI_NUMERICHOST | socket.AI_NUMERICSERV,
            }
            results.append(entry)
        if not results:
            raise OSError(f"no IPv4/IPv6 address for {host}")
        return results

    async def close(self) -> None:
        return None


def register_with_aiohttp() -> None:
    """Make :class:`GuardedResolver` an ``aiohttp.abc.AbstractResolver`` (idempotent)."""
    from aiohttp.abc import AbstractResolver

    if not issubclass(GuardedResolver, AbstractResolver):
        AbstractResolver.register(GuardedResolver)
