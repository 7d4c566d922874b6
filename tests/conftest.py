"""Fixtures shared by every test folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from clitools import CliRunner  # noqa: E402


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """Call the CLI in-process: ``cli("check", path, cwd=folder)``."""
    monkeypatch.setenv("NO_COLOR", "1")
    return CliRunner(capsys, monkeypatch)
