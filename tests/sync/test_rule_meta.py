"""Every PR rule is registered, documented and named like the rest of contentlint."""

from __future__ import annotations

import pytest

from contentlint.rules import registry
from contentlint.rules.base import NoOptions
from contentlint.rules.pairs import RULES

SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Options")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_identity_and_docs(rule):
    assert rule.code.startswith("PR")
    assert registry().get(rule.code) is rule
    assert not rule.name.startswith(("no-", "require-"))
    doc = rule.documentation()
    for section in SECTIONS:
        assert section in doc, (rule.code, section)
    assert issubclass(rule.Options, NoOptions)


def test_one_module_per_rule():
    modules = {rule.__module__ for rule in RULES}
    assert len(modules) == len(RULES)
    for rule in RULES:
        assert rule.__module__.rsplit(".", 1)[1].startswith(rule.code.lower() + "_")


def test_rules_command_lists_them(library):
    lib = library("clean")
    out = lib.cli("rules").out
    assert all(rule.code in out for rule in RULES)
    explain = lib.cli("explain", "stale-translation").out
    assert "PR020 stale-translation (default severity: warning)" in explain
