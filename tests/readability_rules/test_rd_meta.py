"""The RD family as a whole: registry, documentation, and the bundled library."""

from __future__ import annotations

import pytest
from rd_helpers import check

from clitools import ROOT
from contentlint.findings import Severity
from contentlint.rules import readability, registry

SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Options")


def test_rules_are_listed_explicitly_in_code_order() -> None:
    codes = [rule.code for rule in readability.RULES]
    assert codes == ["RD001", "RD002", "RD003", "RD004", "RD005", "RD006"]
    assert all(registry().get(code) is rule for code, rule in zip(codes, readability.RULES, strict=True))


@pytest.mark.parametrize("rule", readability.RULES, ids=lambda r: r.code)
def test_every_rule_is_documented(rule) -> None:
    doc = rule.documentation()
    for section in SECTIONS:
        assert section in doc, f"{rule.code} lacks {section}"
    assert "readability" in rule.groups
    assert rule.default_severity in (Severity.ERROR, Severity.WARNING)


def test_explain_shows_the_method(cli) -> None:
    result = cli("explain", "translation-reads-harder", cwd=ROOT)
    assert result.code == 0 and "6 + (65 - INFLESZ) / 5" in result.out
    result = cli("explain", "RD001", cwd=ROOT)
    assert "Legal" in result.out and "citations" in result.out


def test_bundled_library_meets_the_limits(cli) -> None:
    """English grade <= 8 and Spanish INFLESZ >= 55 for every bundled guide (no RD error)."""
    _, found = check(cli, ROOT, "RD")
    errors = [(f.code, f.file, f.message) for f in found if f.severity == "error"]
    assert errors == []
