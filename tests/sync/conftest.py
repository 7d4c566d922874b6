"""Fixtures of the sync tests (helpers live in sync_helpers.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sync_helpers import FIXTURES, Lib


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], Lib]]:
    """``library("clean")`` copies tests/fixtures/sync/clean to tmp_path and returns it.

    The result cache is off: every check really runs the rules.
    """
    monkeypatch.setenv("CONTENTLINT_NO_CACHE", "1")

    def make(case: str) -> Lib:
        dest = tmp_path / case
        shutil.copytree(FIXTURES / case, dest)
        if not (dest / "pyproject.toml").exists():
            (dest / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n', encoding="utf-8")
        return Lib(dest)

    yield make
