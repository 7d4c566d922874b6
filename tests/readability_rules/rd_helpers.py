"""Helpers for the RD rule tests: build a project from the readability fixtures, run the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clitools import FIXTURES, write_project

READABILITY = FIXTURES / "readability"

# The fixture guides (tests/fixtures/readability) and what they score:
#   en/plain.md      plain-guide     how-to  FK grade -0.0   122 words
#   en/middling.md   middling-guide  topic   FK grade  7.5   102 words (above the target)
#   en/dense.md      dense-guide     how-to  FK grade 23.9   110 words (above the limit)
#   es/sencilla.md   plain-guide     how-to  INFLESZ 92.4    109 words
#   es/intermedia.md middling-guide  topic   INFLESZ 61.7    104 words (below the target)
#   es/densa.md      dense-guide     how-to  INFLESZ  5.7    129 words (below the minimum)


def fixture(name: str, **replace: str) -> str:
    """A fixture guide's text, with front-matter lines replaced (``id="x"`` -> ``id: x``)."""
    text = (READABILITY / name).read_text(encoding="utf-8")
    for key, value in replace.items():
        head, sep, body = text.partition("\n---\n")
        lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in head.split("\n")]
        text = "\n".join(lines) + sep + body
    return text


def project(root: Path, guides: dict[str, str], config: str = "") -> Path:
    """A project whose content holds ``guides`` (content-relative path -> text)."""
    return write_project(root, {f"content/{name}": text for name, text in guides.items()}, config)


def fixtures(root: Path, *names: str, config: str = "") -> Path:
    """A project with these fixture guides, unchanged."""
    return project(root, {name: fixture(name) for name in names}, config)


@dataclass(frozen=True)
class Seen:
    """One finding as the JSON report gives it."""

    code: str
    file: str  # path inside content/: "en/dense.md"
    line: int
    column: int
    severity: str
    message: str
    hint: str
    detail: str
    related: tuple[str, ...]


def check(cli: Any, root: Path, select: str = "RD", *extra: str) -> tuple[int, list[Seen]]:
    """Run ``contentlint check --select SELECT --format json`` (no result cache)."""
    result = cli("check", "--no-cache", "--select", select, "--format", "json", *extra, cwd=root)
    assert result.code in (0, 1), result.err or result.out
    found = [
        Seen(
            f["code"],
            f["path"].removeprefix("content/"),
            f["line"],
            f["column"],
            f["severity"],
            f["message"],
            f["hint"],
            f.get("detail", ""),
            tuple(r["path"] for r in f["related"]),
        )
        for f in result.findings()
    ]
    return result.code, found
