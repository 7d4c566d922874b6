"""Helpers for the readability tests."""

from __future__ import annotations

import socket
from typing import Any

import pytest


class NetworkTouched(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to open a connection or resolve a name fail loudly."""

    def refuse(*_args: object, **_kwargs: object) -> Any:
        raise NetworkTouched("the network was touched")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
