"""Settings: ``[tool.contentlint]`` in pyproject.toml, validated by pydantic.

Unknown keys, unknown rules and bad rule options are configuration errors
(exit 2) with the path of the bad key, never silently ignored.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from contentlint.errors import ConfigError
from contentlint.findings import Severity

__all__ = ["Config", "ConfigError", "Settings", "load_config", "toml_key"]

from contentlint.config.discover import read_table


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Settings(BaseModel):
    """The ``[tool.contentlint]`` table."""

    # Strict: a bool is not a number (``jobs = true``), a number is not text.
    model_config = ConfigDict(
        extra="forbid", alias_generator=_kebab, populate_by_name=True, strict=True, allow_inf_nan=False
    )

    content: str = "content"
    fail_on: Literal["error", "warning", "info"] = "error"
    select: list[str] = Field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    # Named sets of files checked more leniently: "reference" (third-party or legal text
    # the library hosts) turns readability and house-style errors into warnings.
    profiles: dict[Literal["reference"], list[str]] = Field(default_factory=dict)
    max_file_bytes: int = Field(default=2_000_000, gt=0)
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    ui_lang: Literal["en", "es"] | None = None
    # "external" also checks external URLs (the LK1 rules; network).
    links: Literal["internal", "external"] = "internal"
    # Processes for file and pair rules: 0 = automatic (parallel from 400 files), 1 = never.
    jobs: int = Field(default=0, ge=0, le=64)

    @field_validator("content", "select", "extend_select", "ignore", "exclude", "per_file_ignores", "profiles")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        """A NUL cannot be in a path or a pattern (the OS refuses it)."""
        if _has_nul(value):
            raise ValueError("must not contain a NUL character")
        return value

    @field_validator("content")
    @classmethod
    def _content_folder(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must name a folder")
        return value


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(key) or _has_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


@dataclass
class Config:
    """The validated settings of a project; the selection fields are filled in by
    :func:`contentlint.pipeline.selection.resolve` (which knows the rules)."""

    root: Path
    settings: Settings
    source: Path | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, BaseModel] = field(default_factory=dict)
    enabled: frozenset[str] = frozenset()
    fail_on: Severity = Severity.ERROR

    @property
    def content_root(self) -> Path:
        """Absolute path of the content folder."""
        return (self.root / self.settings.content).resolve()

    def ignored_for(self, display_path: str) -> list[str]:
        """Codes and prefixes that ``per-file-ignores`` turns off for a file."""
        out: list[str] = []
        for pattern, codes in self.settings.per_file_ignores.items():
            if fnmatch.fnmatch(display_path, pattern):
                out.extend(codes)
        return out

    def profile_for(self, display_path: str) -> str | None:
        """The profile (``reference``) whose patterns match a file, if any."""
        for name, patterns in self.settings.profiles.items():
            if any(fnmatch.fnmatch(display_path, pattern) for pattern in patterns):
                return name
        return None

    def excluded(self, display_path: str) -> bool:
        """True when ``exclude`` removes the file from the run."""
        return any(fnmatch.fnmatch(display_path, pattern) for pattern in self.settings.exclude)


def load_config(
    start: Path, explicit: Path | None = None, overrides: dict[str, Any] | None = None, paths: Sequence[Path] = ()
) -> Config:
    """Find, read and validate the configuration (rule selection is resolved by
    :func:`contentlint.pipeline.selection.resolve`); ``paths``: what the run checks."""
    root, source, table = read_table(start, explicit, paths)
    table = {**table, **(overrides or {})}
    try:
        settings = Settings.model_validate(table)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, source)) from None
    return Config(root=root, settings=settings, source=source, fail_on=Severity.parse(settings.fail_on))


def toml_key(part: object) -> str:
    """One part of a dotted key path as TOML writes it: bare, else quoted (a list index stays a number)."""
    key = str(part)
    if isinstance(part, int) or (key and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in key)):
        return key
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _describe(exc: ValidationError, source: Path | None) -> str:
    where = str(source) if source else "configuration"
    lines = [f"{where}: invalid [tool.contentlint]:"]
    for error in exc.errors(include_url=False):
        loc = ".".join(toml_key(part) for part in error["loc"])
        lines.append(f"  tool.contentlint.{loc}: {error['msg']}")
    return "\n".join(lines)
