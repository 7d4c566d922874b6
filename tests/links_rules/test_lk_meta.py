"""Every LK rule is registered, documented and named like the rest of contentlint."""

from __future__ import annotations

import pytest

from contentlint.rules import registry
from contentlint.rules.base import NoOptions
from contentlint.rules.links import RULES

SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Options")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_identity_and_docs(rule):
    assert rule.code.startswith("LK")
    assert registry().get(rule.code) is rule and registry().get(rule.name) is rule
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


def test_network_rules_are_opt_in():
    for rule in RULES:
        online = rule.code.startswith("LK1")
        assert rule.enabled_by_default is not online, rule.code
        assert ("online" in rule.groups) is online, rule.code


def test_rule_modules_stay_light():
    """Importing the rules must not import the network engine (asyncio, aiohttp, yarl)."""
    import subprocess
    import sys

    code = (
        "import sys, contentlint.rules as r; r.registry();"
        "bad = [m for m in ('contentlint.links.http.engine', 'aiohttp', 'asyncio', 'yarl') if m in sys.modules];"
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_explain_and_rules(cli):
    from clitools import ROOT

    listing = cli("rules", cwd=ROOT).out
    assert all(rule.code in listing for rule in RULES)
    explained = cli("explain", "broken-external-link", cwd=ROOT).out
    assert "LK101 broken-external-link (default severity: error)" in explained
    assert "allow-loopback" in explained
