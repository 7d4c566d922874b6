"""Every rule is documented, and docs/rules.md matches the docstrings."""

from __future__ import annotations

import subprocess
import sys

import pytest

from clitools import ROOT
from contentlint.rules import registry

SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Options")


@pytest.mark.parametrize("rule", registry().rules, ids=lambda r: r.code)
def test_rule_documentation_has_every_section(rule):
    doc = rule.documentation()
    missing = [s for s in SECTIONS if s not in doc]
    assert not missing, f"{rule.code} lacks {missing}"


def test_generated_rule_docs_are_current():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts/generate_rule_docs.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
