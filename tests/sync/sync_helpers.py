"""Helpers for the sync tests: copy a fixture library, run the real CLI in it."""

from __future__ import annotations

import io
import json
import os
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contentlint.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sync"


@dataclass
class Run:
    """One CLI run: exit code and output."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@dataclass
class Lib:
    """A fixture library copied to a temporary folder."""

    root: Path

    def path(self, relative: str) -> Path:
        return self.root / relative

    def read(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        path = self.path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def edit(self, relative: str, old: str, new: str, count: int = 1) -> None:
        text = self.read(relative)
        assert text.count(old) >= 1, f"{old!r} not in {relative}"
        self.write(relative, text.replace(old, new, count))

    def cli(self, *args: str) -> Run:
        out, err = io.StringIO(), io.StringIO()
        previous = os.getcwd()
        os.chdir(self.root)
        try:
            with redirect_stdout(out), redirect_stderr(err):
                code = main(list(args))
        finally:
            os.chdir(previous)
        return Run(code, out.getvalue(), err.getvalue())

    def findings(self, *select: str) -> list[dict[str, Any]]:
        """PR findings of `contentlint check --format json` (only ``select`` codes if given)."""
        run = self.cli("check", "--format", "json", "--select", ",".join(select) if select else "PR")
        assert run.code in (0, 1), run.err
        return run.json()["findings"]

    def mark(self, *guides: str) -> Run:
        run = self.cli("sync", "mark", *(guides or ("--all",)))
        assert run.code == 0, run.err
        return run

    def line_of(self, relative: str, needle: str) -> int:
        """1-based number of the first line containing ``needle``."""
        for number, line in enumerate(self.read(relative).split("\n"), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {relative}")


def brief(findings: list[dict[str, Any]]) -> set[tuple[str, str, int]]:
    """(code, path, line) of each finding."""
    return {(f["code"], f["path"], f["line"]) for f in findings}


def related_lines(finding: dict[str, Any]) -> list[tuple[str, int]]:
    return [(r["path"], r["line"]) for r in finding["related"]]
