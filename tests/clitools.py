"""Shared test helpers: run the real CLI and read what a user would see.

A module with a unique name (not conftest) so that test folders with their own
conftest.py cannot shadow it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


@dataclass
class Result:
    """What a run of the CLI left behind."""

    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        """The JSON report printed on stdout."""
        return json.loads(self.out)

    def findings(self) -> list[dict[str, Any]]:
        """Findings of a ``--format json`` run."""
        return self.json()["findings"]

    def codes(self) -> set[str]:
        """Rule codes of a ``--format json`` run."""
        return {f["code"] for f in self.findings()}


class CliRunner:
    """Runs ``contentlint.cli.app.main`` in-process from a chosen folder."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def __call__(self, *args: str, cwd: Path | None = None) -> Result:
        from contentlint.cli import main

        if cwd is not None:
            self.monkeypatch.chdir(cwd)
        self.capsys.readouterr()
        code = main(list(args))
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)


def run_process(args: Sequence[str], cwd: Path, timeout: float = 120, **env: str) -> Result:
    """Run the installed console script in a real subprocess."""
    exe = Path(sys.executable).with_name("contentlint")
    command = [str(exe), *args] if exe.exists() else [sys.executable, "-m", "contentlint", *args]
    environment = {**os.environ, "NO_COLOR": "1", **env}
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=environment, check=False
    )
    return Result(done.returncode, done.stdout, done.stderr)


def write_project(root: Path, files: dict[str, str | bytes], config: str = "") -> Path:
    """Create a small project: pyproject.toml with [tool.contentlint] plus files."""
    (root / "pyproject.toml").write_text(f'[tool.contentlint]\ncontent = "content"\n{config}', encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def guide_text(doc_id: str = "sample-guide", lang: str = "en", slug: str = "sample-guide", **fields: str) -> str:
    """A valid how-to guide, with front-matter fields overridden or added."""
    front = {
        "id": doc_id,
        "lang": lang,
        "type": "how-to",
        "title": "A sample guide",
        "description": "A short description of the sample guide.",
        "slug": slug,
        "updated": "2026-11-20",
        "last_reviewed": "2026-11-20",
        **fields,
    }
    head = "\n".join(f"{key}: {value}" for key, value in front.items())
    return f"---\n{head}\n---\n\nAn intro paragraph.\n\n## Steps\n\n1. Do the first thing.\n2. Do the second thing.\n"
