"""Fixtures of the LK rule tests: a small bilingual library, loopback servers, no real DNS."""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
# The scenario server of the engine tests (tests/links/links_testserver.py), reused.
sys.path.insert(0, str(HERE.parent / "links"))

from links_testserver import LoopbackServer
from lk_support import library_files

from clitools import write_project


@pytest.fixture
def lint(cli: Any, tmp_path: Path) -> Callable[..., Any]:
    """Write the library (with overrides) and run ``check --select <codes> --format json``."""

    def run(select: str = "LK0", config: str = "", extra: dict[str, str | bytes] | None = None,
            args: tuple[str, ...] = (), **parts: Any) -> Any:
        write_project(tmp_path, {**library_files(**parts), **(extra or {})}, config)
        return cli("check", "--no-cache", "--select", select, "--format", "json", *args, cwd=tmp_path)

    return run


@pytest.fixture(autouse=True)
def no_real_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may resolve a real host name (loopback literals need no DNS)."""
    from contentlint.links import guard

    def lookup(host: str, port: int, family: int = 0) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, f"DNS disabled in tests ({host})")

    monkeypatch.setattr(guard, "_system_getaddrinfo", lookup)


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """A fresh scenario server on 127.0.0.1 (fresh counters for each test)."""
    with LoopbackServer(n_ports=1) as srv:
        yield srv
