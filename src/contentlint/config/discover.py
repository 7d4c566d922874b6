"""Project discovery: where the project is, and its raw ``[tool.contentlint]`` table.

Import-light on purpose (standard library only): the result cache answers a
run from this table without importing pydantic, and the validated settings
(:mod:`contentlint.config.settings`) read the same table, so both agree on which
project and which configuration a run uses.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from contentlint.errors import ConfigError


def find_project_root(start: Path) -> tuple[Path, Path | None]:
    """The nearest folder up from ``start`` whose pyproject.toml has [tool.contentlint]."""
    current = start.resolve()
    for folder in (current, *current.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "contentlint" in data.get("tool", {}):
                return folder, candidate
    return current, None


def read_table(start: Path, explicit: Path | None = None) -> tuple[Path, Path | None, dict[str, Any]]:
    """The project root, the configuration file (None: defaults) and its raw table."""
    if explicit is not None:
        chosen = explicit.resolve()
        return chosen.parent, chosen, _table_of(chosen)
    root, source = find_project_root(start)
    return root, source, (_table_of(source) if source is not None else {})


def _table_of(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("contentlint", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.contentlint] must be a table")
    return table
