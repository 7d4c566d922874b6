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
