"""Rule selection: the settings resolved against the rule registry.

``select``/``ignore`` (longest matching prefix wins, as in flake8 and ruff), the
per-rule tables (severity and the options each rule's pydantic model
validates), and the rule objects of a run, each built with its options.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from contentlint.config.settings import Config, Settings, load_config, toml_key
from contentlint.errors import ConfigError
from contentlint.findings import Severity
from contentlint.report import RuleInfo

if TYPE_CHECKING:
    from contentlint.rules import Registry
    from contentlint.rules.base import Rule


def load_resolved(
    start: Path, explicit: Path | None = None, overrides: dict[str, Any] | None = None, paths: Sequence[Path] = ()
) -> Config:
    """Find, read, validate and resolve the configuration of a run (``paths``: what it checks)."""
    return resolve(load_config(start, explicit, overrides, paths))


def resolve(config: Config) -> Config:
    """Apply select/ignore and the per-rule tables to the registry (in place)."""
    from contentlint.rules import registry

    reg = registry()
    settings = config.settings
    config.enabled = frozenset(_selected(reg, settings))
    for pattern, codes in settings.per_file_ignores.items():
        for item in codes:
            if not item.strip() or not reg.matches(item):
                raise ConfigError(
                    f"tool.contentlint.per-file-ignores.{toml_key(pattern)}: {item!r} matches no rule"
                    " (see `contentlint rules`)"
                )
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
        if rule.options_of is not None:
            if table:
                source = reg.get(rule.options_of)
                where = source.name if source is not None else rule.options_of
                raise ConfigError(
                    f"tool.contentlint.rules.{key}: {rule.code} takes only `severity`; "
                    f"its options are set under [tool.contentlint.rules.{where}]"
                )
            continue
        config.options[rule.code] = _options(rule, table, key)
    return config


def _options(rule: type[Rule], table: dict[str, Any], key: str) -> BaseModel:
    try:
        return rule.Options.model_validate(table)
    except ValidationError as exc:
        details = "; ".join(
            "tool.contentlint.rules." + ".".join(toml_key(str(part)) for part in (key, *e["loc"])) + f": {e['msg']}"
            for e in exc.errors(include_url=False)
        )
        raise ConfigError(details) from None


def _selected(reg: Registry, settings: Settings) -> set[str]:
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


def instantiate(config: Config) -> list[Rule]:
    """The enabled rules, each built with its options (or those of ``options_of``)."""
    from contentlint.rules import registry

    out = []
    for rule_class in registry().rules:
        if rule_class.code in config.enabled:
            source = rule_class.options_of or rule_class.code
            out.append(rule_class(config.options.get(source)))
    return out


def rule_info(rule: Rule, config: Config) -> RuleInfo:
    """What reporters may know about a rule: identity, summary, effective severity, docs."""
    cls = type(rule)
    severity = config.severities.get(cls.code, cls.default_severity)
    return RuleInfo(cls.code, cls.name, cls.summary(), severity, cls.documentation())
