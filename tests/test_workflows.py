"""The GitHub workflows, the composite action and the pre-commit manifest are valid.

check-jsonschema ships GitHub's schemas, so this works offline.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clitools import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_workflow_is_valid(workflow):
    done = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_composite_action_is_valid():
    done = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-actions", str(ROOT / "action.yml")],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_manifest_is_valid_and_serial():
    done = subprocess.run(
        [str(BIN / "pre-commit"), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "require_serial: true" in (ROOT / ".pre-commit-hooks.yaml").read_text()


def test_workflows_have_timeouts():
    for workflow in WORKFLOWS:
        assert "timeout-minutes:" in workflow.read_text(), workflow.name


def test_pull_request_gate_restores_the_result_cache():
    """The gate keeps .contentlint_cache between runs, so a pull request re-checks only its changes."""
    from ruamel.yaml import YAML

    workflow = YAML(typ="safe").load((ROOT / ".github/workflows/contentlint.yml").read_text())
    steps = workflow["jobs"]["gate"]["steps"]
    cache_steps = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache@")]
    assert cache_steps and cache_steps[0]["with"]["path"] == ".contentlint_cache"
    names = [s.get("name", s.get("run", s.get("uses"))) for s in steps]
    assert names.index(cache_steps[0]["name"]) < next(i for i, n in enumerate(names) if "Check the library" in str(n))
