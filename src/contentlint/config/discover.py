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
    """The nearest folder up from ``start`` whose pyproject.toml has [tool.contentlint].

    A pyproject.toml on the way that cannot be read or parsed is a ConfigError:
    it may hold the configuration, and dropping it silently would run with none.
    """
    current = start.resolve()
    for folder in (current, *current.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            data = _parse(candidate)
            tool = data.get("tool", {})
            if not isinstance(tool, dict):
                raise ConfigError(f"{candidate}: tool: must be a table, not {_kind(tool)}")
            if "contentlint" in tool:
                table = tool["contentlint"]
                if not isinstance(table, dict):
                    raise ConfigError(f"{candidate}: tool.contentlint: must be a table, not {_kind(table)}")
                return folder, candidate
    return current, None


def read_table(start: Path, explicit: Path | None = None) -> tuple[Path, Path | None, dict[str, Any]]:
    """The project root, the configuration file (None: defaults) and its raw table."""
    if explicit is not None:
        chosen = explicit.resolve()
        return chosen.parent, chosen, _table_of(chosen)
    root, source = find_project_root(start)
    return root, source, (_table_of(source) if source is not None else {})


MAX_CONFIG_BYTES = 4_000_000


def _parse(path: Path) -> dict[str, Any]:
    """A TOML file's data; every way it can fail is a ConfigError naming the file."""
    try:
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found" if not path.exists()
                              else f"{path}: not a regular file")
        with path.open("rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: configuration file is larger than {MAX_CONFIG_BYTES:,} bytes")
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read configuration: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (RecursionError, ValueError) as exc:  # absurdly nested arrays or tables
        raise ConfigError(f"{path}: invalid TOML: {type(exc).__name__}") from None


def _kind(value: Any) -> str:
    return {str: "a string", bool: "a boolean", int: "an integer", float: "a number", list: "an array"}.get(
        type(value), type(value).__name__
    )


def _table_of(path: Path) -> dict[str, Any]:
    data = _parse(path)
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: tool: must be a table, not {_kind(tool)}")
    table = tool.get("contentlint", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.contentlint: must be a table, not {_kind(table)}")
    return table
