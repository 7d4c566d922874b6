"""Configuration: ``[tool.contentlint]`` in pyproject.toml, validated by pydantic.

Unknown keys, unknown rules and bad rule options are configuration errors
(exit 2) with the path of the bad key, never silently ignored.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from contentlint.errors import ConfigError
from contentlint.findings import Severity

__all__ = ["Config", "ConfigError", "Settings", "load_config"]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Settings(BaseModel):
    """The ``[tool.contentlint]`` table."""

    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True)

    content: str = "content"
    fail_on: Literal["error", "warning", "info"] = "error"
    select: list[str] = Field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    max_file_bytes: int = Field(default=2_000_000, gt=0)
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    ui_lang: str | None = None
    # "external" also checks external URLs (the LK1 rules; network).
    links: Literal["internal", "external"] = "internal"
    # Processes for file and pair rules: 0 = automatic (parallel from 400 files), 1 = never.
    jobs: int = Field(default=0, ge=0, le=64)


@dataclass
class Config:
    """Settings resolved against the rule registry."""

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

    def excluded(self, display_path: str) -> bool:
        """True when ``exclude`` removes the file from the run."""
        return any(fnmatch.fnmatch(display_path, pattern) for pattern in self.settings.exclude)


def find_project_root(start: Path) -> tuple[Path, Path | None]:
    """The nearest folder up from ``start`` whose pyproject.toml has [tool.contentlint]."""
    import tomllib

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


def load_config(start: Path, explicit: Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Find, read and validate the configuration."""
    if explicit is not None:
        root, source = explicit.resolve().parent, explicit.resolve()
        table = _read_table(source)
    else:
        root, source = find_project_root(start)
        table = _read_table(source) if source else {}
    table = {**table, **(overrides or {})}
    try:
        settings = Settings.model_validate(table)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, source)) from None
    return resolve(root, settings, source)


def _read_table(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("contentlint", {})
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.contentlint] must be a table")
    return table


def _describe(exc: ValidationError, source: Path | None) -> str:
    where = str(source) if source else "configuration"
    lines = [f"{where}: invalid [tool.contentlint]:"]
    for error in exc.errors(include_url=False):
        loc = ".".join(str(part) for part in error["loc"])
        lines.append(f"  tool.contentlint.{loc}: {error['msg']}")
    return "\n".join(lines)


def resolve(root: Path, settings: Settings, source: Path | None) -> Config:
    """Apply select/ignore and per-rule tables to the registry."""
    from contentlint.rules import registry

    reg = registry()
    config = Config(root=root, settings=settings, source=source)
    config.fail_on = Severity.parse(settings.fail_on)
    config.enabled = frozenset(_selected(reg, settings))
    for key, table in settings.rules.items():
        rule = reg.get(key)
        if rule is None:
            raise ConfigError(f"tool.contentlint.rules.{key}: no such rule (see `contentlint rules`)")
        table = dict(table)
        if "severity" in table:
            try:
                config.severities[rule.code] = Severity.parse(str(table.pop("severity")))
            except ValueError as exc:
                raise ConfigError(f"tool.contentlint.rules.{key}.severity: {exc}") from None
        try:
            config.options[rule.code] = rule.Options.model_validate(table)
        except ValidationError as exc:
            details = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors(include_url=False)
            )
            raise ConfigError(f"tool.contentlint.rules.{key}: {details}") from None
    return config


def _selected(reg: Any, settings: Settings) -> set[str]:
    """Longest matching prefix wins between select and ignore (flake8, ruff)."""
    patterns: list[tuple[int, bool, str]] = []
    for selected, items in ((True, [*settings.select, *settings.extend_select]), (False, settings.ignore)):
        for item in items:
            matched = reg.matches(item)
            if not matched:
                kind = "select" if selected else "ignore"
                raise ConfigError(f"tool.contentlint.{kind}: {item!r} matches no rule")
            specificity = 99 if item.lower() in reg.by_name else (0 if item.upper() == "ALL" else len(item))
            patterns.append((specificity, selected, item))
    enabled: set[str] = set()
    for rule in reg.rules:
        best: tuple[int, bool] | None = None
        for specificity, selected, item in patterns:
            if rule in reg.matches(item) and (best is None or specificity >= best[0]):
                best = (specificity, selected)
        chosen = best[1] if best else False
        explicit = best is not None and best[0] > 0
        if chosen and (rule.enabled_by_default or explicit):
            enabled.add(rule.code)
    if settings.links == "external":
        enabled.update(rule.code for rule in reg.matches("LK1"))
    enabled.add("CL900")  # internal errors can never be turned off
    return enabled
