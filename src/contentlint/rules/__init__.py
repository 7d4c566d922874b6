"""The explicit rule registry.

Each family lists its rules in its package's ``RULES`` tuple; this module joins
them. Nothing registers itself by import side effect.
"""

from __future__ import annotations

from collections.abc import Iterable

from contentlint.rules.base import Rule


def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, in code order."""
    from contentlint.rules import (
        core,
        facts,
        language,
        links,
        meaning,
        pairs,
        plain,
        readability,
        schema,
        structure,
    )

    families: Iterable[tuple[type[Rule], ...]] = (
        core.RULES,
        schema.RULES,
        structure.RULES,
        pairs.RULES,
        meaning.RULES,
        facts.RULES,
        plain.RULES,
        language.RULES,
        readability.RULES,
        links.RULES,
    )
    rules = [rule for family in families for rule in family]
    return tuple(sorted(rules, key=lambda rule: rule.code))


class Registry:
    """Rules by code and name, with unique identities enforced."""

    def __init__(self, rules: Iterable[type[Rule]]) -> None:
        self.rules = tuple(rules)
        self.by_code: dict[str, type[Rule]] = {}
        self.by_name: dict[str, type[Rule]] = {}
        for rule in self.rules:
            if rule.code in self.by_code or rule.name in self.by_name:
                raise ValueError(f"duplicate rule identity: {rule.code} {rule.name}")
            self.by_code[rule.code] = rule
            self.by_name[rule.name] = rule

    def get(self, key: str) -> type[Rule] | None:
        """A rule by code (any case) or name."""
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())

    def matches(self, pattern: str) -> list[type[Rule]]:
        """Rules selected by a code, a code prefix, a name, or ALL."""
        pattern = pattern.strip()
        if pattern.upper() == "ALL":
            return list(self.rules)
        if pattern.lower() in self.by_name:
            return [self.by_name[pattern.lower()]]
        prefix = pattern.upper()
        return [rule for rule in self.rules if rule.code.startswith(prefix)]


_REGISTRY: Registry | None = None


def registry() -> Registry:
    """The process-wide registry, built on first use."""
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = Registry(all_rules())
    return _REGISTRY
