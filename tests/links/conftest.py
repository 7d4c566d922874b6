"""Fixtures for the link-checker tests: loopback servers only, no real DNS."""

from __future__ import annotations

import socket
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
try:
    import contentlint.links  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(SRC))

from links_testserver import ConnectionCanary, LoopbackServer  # noqa: E402

from contentlint.links import guard as guard_module  # noqa: E402
from contentlint.links.http.settings import ExternalLinkSettings  # noqa: E402

#: Names the fake resolver knows; everything else fails like NXDOMAIN.
FAKE_DNS: dict[str, list[str]] = {
    "localhost": ["127.0.0.1"],
}


@pytest.fixture(autouse=True)
def no_real_dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Every lookup goes to FAKE_DNS: no test can send a DNS query off the machine."""
    table = dict(FAKE_DNS)

    def lookup(host: str, port: int, family: int = 0) -> list[Any]:
        addresses = table.get(host.lower().rstrip("."))
        if addresses is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return _answer(addresses, port)

    monkeypatch.setattr(guard_module, "_system_getaddrinfo", lookup)
    return table


def _answer(addresses: list[str], port: int) -> list[Any]:
    out = []
    for address in addresses:
        if ":" in address:
            out.append((socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0)))
        else:
            out.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)))
    return out


@pytest.fixture(scope="session")
def server() -> Iterator[LoopbackServer]:
    """The scenario server on two 127.0.0.1 ports (second port = a second "host")."""
    with LoopbackServer(n_ports=2) as srv:
        yield srv


@pytest.fixture
def canary() -> Iterator[ConnectionCanary]:
    """A listener that counts connections (to prove none was made)."""
    with ConnectionCanary() as can:
        yield can


@pytest.fixture
def fast() -> ExternalLinkSettings:
    """Loopback allowed, short timeouts and backoff: keeps the suite quick."""
    return ExternalLinkSettings(
        allow_loopback=True,
        timeout_connect=2.0,
        timeout_read=2.0,
        retry_backoff=0.02,
        max_retry_wait=2.0,
    )


@pytest.fixture
def unique() -> Callable[[str], str]:
    """A path segment unique to the call, so server counters do not mix between tests."""

    def make(tag: str) -> str:
        return f"{tag}-{uuid.uuid4().hex[:12]}"

    return make
