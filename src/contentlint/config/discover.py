"""Project discovery: where the project is, and its raw ``[tool.contentlint]`` table.

Import-light on purpose (standard library only): the result cache answers a
run from this table without importing pydantic, and the validated settings
(:mod:`contentlint.config.settings`) read the same table, so both agree on which
project and which configuration a run uses.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from contentlint.errors import ConfigError

CONFIG_FILE = ".contentlint.toml"
# Without a configuration file, a folder holding both language folders of the
# default content folder is the project root (a content repository needs no
# pyproject.toml), else the git root.
DEFAULT_CONTENT = "content"


def find_project_root(start: Path) -> tuple[Path, Path | None]:
    """The project root and its configuration file (None: the defaults), like ruff.

    Walking up from ``start``: the nearest folder with a ``.contentlint.toml``
    (which wins over a pyproject.toml in the same folder) or a pyproject.toml
    with ``[tool.contentlint]``; else the nearest folder holding
    ``content/en`` and ``content/es`` or a git root; else ``start`` itself.
    A configuration file on the way that cannot be read or parsed is a
    ConfigError: it may hold the configuration, and dropping it silently would
    run with none.
    """
    current = start.resolve()
    folders = (current, *current.parents)
    for folder in folders:
        source = _configuration_in(folder)
        if source is not None:
            return folder, source
    for folder in folders:
        if _holds_library(folder) or (folder / ".git").exists():
            return folder, None
    return current, None


def _configuration_in(folder: Path) -> Path | None:
    """``folder``'s contentlint configuration file, if it has one."""
    dotfile = folder / CONFIG_FILE
    if dotfile.is_file():
        return dotfile
    candidate = folder / "pyproject.toml"
    if not candidate.is_file():
        return None
    data = _parse(candidate)
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{candidate}: tool: must be a table, not {_kind(tool)}")
    if "contentlint" not in tool:
        return None
    if not isinstance(tool["contentlint"], dict):
        raise ConfigError(f"{candidate}: tool.contentlint: must be a table, not {_kind(tool['contentlint'])}")
    return candidate


def _holds_library(folder: Path) -> bool:
    library = folder / DEFAULT_CONTENT
    return (library / "en").is_dir() and (library / "es").is_dir()


def read_table(
    start: Path, explicit: Path | None = None, paths: Sequence[Path] = ()
) -> tuple[Path, Path | None, dict[str, Any]]:
    """The project root, the configuration file (None: defaults) and its raw table.

    ``paths``: the files and folders a run was asked to check. When the project
    found from ``start`` does not hold them (a writer in another folder names a
    guide), the project is found from the paths instead, as ruff finds the
    configuration closest to each file: otherwise the guides would be checked
    without their library, as orphans.
    """
    if explicit is not None:
        chosen = explicit.resolve()
        return chosen.parent, chosen, _table_of(chosen)
    root, source = find_project_root(start)
    table = _table_of(source) if source is not None else {}
    if paths and not _holds_all(root, table, paths):
        alternative = find_project_root(_common_folder(paths))
        alt_table = _table_of(alternative[1]) if alternative[1] is not None else {}
        if _holds_all(alternative[0], alt_table, paths):
            return alternative[0], alternative[1], alt_table
    return root, source, table


def _holds_all(root: Path, table: dict[str, Any], paths: Sequence[Path]) -> bool:
    """Every path is inside the project's content folder."""
    content = table.get("content", DEFAULT_CONTENT)
    if not isinstance(content, str) or not content.strip() or "\x00" in content:
        return True  # the settings report the bad value; keep this project
    folder = (root / content).resolve()
    for path in paths:
        try:
            path.resolve().relative_to(folder)
        except (ValueError, OSError, RuntimeError):
            return False
    return True


def _common_folder(paths: Sequence[Path]) -> Path:
    folders = [p.resolve() if p.is_dir() else p.resolve().parent for p in paths]
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # different drives
        return folders[0]


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
