"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from clitools import CliRunner

# The suite judges ages (ST010: a guide's review date; the report's "reviewed ...
# ago") on a fixed day, so a passing suite still passes a year from now, when the
# bundled guides are due for review (then the real runs rightly warn). Subprocesses
# inherit it; tests about ages set their own date.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1796169600")  # 2026-12-02

try:
    from hypothesis import settings as _hypothesis_settings

    # Under CI, every property test replays the same examples: a new failure is
    # found by a developer searching locally, never by chance in a merge gate.
    _hypothesis_settings.register_profile("ci", derandomize=True, database=None, deadline=None)
    if os.environ.get("CI"):
        _hypothesis_settings.load_profile("ci")
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """Call the CLI in-process: ``cli("check", path, cwd=folder)``."""
    monkeypatch.setenv("NO_COLOR", "1")
    return CliRunner(capsys, monkeypatch)
