"""The gate's and the composite action's shell steps, run in a simulated GitHub Actions job.

A temporary git repository holds a minimal project (pyproject.toml with
[tool.contentlint], one English/Spanish guide pair with its sync marks, and
content/data from this repository) at a base commit and a head commit. The
`run:` scripts are taken from the YAML and run with bash the way the runner
does, with GITHUB_ACTIONS=true and GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
GITHUB_EVENT_PATH files; `uses:` steps (checkout, setup-python, cache,
artifacts) are the runner's business and are skipped, and `contentlint` on PATH
runs this checkout's src/. No network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from clitools import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "contentlint.yml"
ACTION = ROOT / "action.yml"
EN = "content/en/parent-rights-card.md"
ES = "content/es/tarjeta-de-derechos-de-los-padres.md"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=ci", "-c", "user.email=ci@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo, capture_output=True, text=True, check=True, timeout=60,
        env={**_base_env(repo), "GIT_CONFIG_NOSYSTEM": "1"},
    )
    return done.stdout.strip()


def _base_env(home: Path) -> dict[str, str]:
    """A clean environment: none of the caller's GITHUB_* variables leak in."""
    keep = {name: os.environ[name] for name in ("PATH", "LANG", "LC_ALL", "TMPDIR") if name in os.environ}
    return {**keep, "HOME": str(home), "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src"),
            "PYDANTIC_DISABLE_PLUGINS": "__all__"}


# --------------------------------------------------------------------------
# Expressions and steps


def evaluate(expression: str, context: dict[str, Any]) -> str:
    """Enough of the expression language for `env:` values: dotted names, '…' literals, `||`."""
    for operand in expression.split("||"):
        operand = operand.strip()
        if len(operand) >= 2 and operand[0] == operand[-1] == "'":
            value: Any = operand[1:-1]
        elif re.fullmatch(r"-?\d+", operand):
            value = operand
        else:
            value = context
            for part in operand.split("."):
                value = value.get(part) if isinstance(value, dict) else None
        if value not in (None, "", False):
            return str(value)
    return ""


def substitute(text: Any, context: dict[str, Any]) -> str:
    return EXPRESSION.sub(lambda match: evaluate(match.group(1), context), str(text))


@dataclass
class StepResult:
    code: int
    out: str
    err: str
    outputs: dict[str, str] = field(default_factory=dict)


def run_step(step: dict[str, Any], *, cwd: Path, env: dict[str, str], context: dict[str, Any],
             temp: Path) -> StepResult:
    """Run one `run:` step with bash, as the runner would."""
    script = step["run"]
    assert "${{" not in script, f"expression interpolated into a script: {step.get('name')}"
    temp.mkdir(parents=True, exist_ok=True)
    script_path = temp / "step.sh"
    script_path.write_text(script, encoding="utf-8")
    output_path = temp / "output"
    output_path.write_text("", encoding="utf-8")
    # The runner's commands: `bash -e {0}` when no shell is named (workflows on
    # Linux), `bash --noprofile --norc -eo pipefail {0}` for `shell: bash`.
    if step.get("shell") == "bash":
        command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script_path)]
    else:
        assert "shell" not in step, step.get("shell")
        command = ["bash", "-e", str(script_path)]
    step_env = {name: substitute(value, context) for name, value in (step.get("env") or {}).items()}
    done = subprocess.run(command, cwd=cwd, env={**env, **step_env, "GITHUB_OUTPUT": str(output_path)},
                          capture_output=True, text=True, timeout=300, check=False)
    outputs = {}
    for line in output_path.read_text(encoding="utf-8").splitlines():
        name, sep, value = line.partition("=")
        if sep:
            outputs[name] = value
    return StepResult(done.returncode, done.stdout, done.stderr, outputs)


# --------------------------------------------------------------------------
# The project


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A minimal project at its base commit, clean under contentlint."""
    repo = tmp_path_factory.mktemp("base") / "repo"
    for folder in ("content/en", "content/es", "content/sync", "docs"):
        (repo / folder).mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "data", repo / "content" / "data")
    for name in (EN, ES, "content/sync/parent-rights-card.yaml"):
        shutil.copy(ROOT / name, repo / name)
    # The pair alone: drop the links and related ids that point at the other guides.
    for name in (EN, ES):
        path = repo / name
        text = re.sub(r"^related: .*\n", "", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        text = re.sub(r"\[([^\]]+)\]\((?!https?:|\.\./)[^)]+\.md\)", r"\1", text)
        path.write_text(text, encoding="utf-8")
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "guides"\nversion = "0"\n\n[tool.contentlint]\ncontent = "content"\nfail-on = "error"\n',
        encoding="utf-8",
    )
    (repo / "docs" / "editing.md").write_text("# Editing the guides\n\nAsk before you change a deadline.\n")
    (repo / ".gitignore").write_text(".contentlint_cache/\nreports/\n")
    env = _base_env(repo)
    for args in (["sync", "mark", "parent-rights-card"], ["check", "--no-cache"]):
        done = subprocess.run([sys.executable, "-m", "contentlint", *args], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    shutil.rmtree(repo / ".contentlint_cache", ignore_errors=True)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    return repo


@dataclass
class Job:
    """One simulated job: the repository, its environment and its files."""

    repo: Path
    base: str
    head: str
    env: dict[str, str]
    context: dict[str, Any]
    summary: Path
    temp: Path

    def run(self, step: dict[str, Any]) -> StepResult:
        return run_step(step, cwd=self.repo, env=self.env, context=self.context, temp=self.temp)


def _job(template: Path, tmp_path: Path, change: str | None, event_name: str = "pull_request",
         base_sha: str | None = None) -> Job:
    repo = tmp_path / "repo"
    shutil.copytree(template, repo, symlinks=True)
    base = _git(repo, "rev-parse", "HEAD")
    _git(repo, "checkout", "-q", "-b", "topic")
    if change == "docs":
        with (repo / "docs" / "editing.md").open("a", encoding="utf-8") as handle:
            handle.write("\nDeadlines come from content/data/timelines.yaml.\n")
    elif change == "spanish-deadline":
        path = repo / ES
        text = path.read_text(encoding="utf-8")
        assert "tiene 60 días para terminarla" in text
        path.write_text(text.replace("tiene 60 días para terminarla", "tiene 30 días para terminarla", 1),
                        encoding="utf-8")
    if change:
        _git(repo, "commit", "-q", "-am", f"change: {change}")
    head = _git(repo, "rev-parse", "HEAD")
    if event_name == "pull_request":
        event: dict[str, Any] = {"number": 7, "pull_request": {
            "number": 7, "base": {"sha": base_sha or base, "ref": "main"},
            "head": {"sha": head, "ref": "topic", "repo": {"full_name": "acme/guides"}}}}
    else:
        event = {"before": base_sha or base, "after": head, "ref": "refs/heads/main"}
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    event_path, summary = temp / "event.json", temp / "step-summary.md"
    event_path.write_text(json.dumps(event), encoding="utf-8")
    summary.write_text("", encoding="utf-8")
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "contentlint").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m contentlint "$@"\n')
    (shim / "contentlint").chmod(0o755)
    (shim / "python").symlink_to(sys.executable)
    env = _base_env(tmp_path)
    env.update({
        "PATH": f"{shim}{os.pathsep}{env.get('PATH', '')}",
        "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": event_name,
        "GITHUB_EVENT_PATH": str(event_path), "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": str(repo), "GITHUB_REPOSITORY": "acme/guides", "GITHUB_SHA": head,
        "RUNNER_TEMP": str(temp), "RUNNER_OS": "Linux",
    })
    context = {
        "github": {"event_name": event_name, "event": event, "sha": head, "repository": "acme/guides",
                   "ref": "refs/pull/7/merge" if event_name == "pull_request" else "refs/heads/main"},
        "runner": {"os": "Linux", "temp": str(temp)},
    }
    return Job(repo, base, head, env, context, summary, temp)


# --------------------------------------------------------------------------
# The gate


@dataclass
class GateRun:
    passed: bool
    steps: dict[str, StepResult]


def run_gate(job: Job) -> GateRun:
    """The gate job's shell steps, in order, with their `if:` conditions."""
    workflow = _yaml(WORKFLOW)
    gate = workflow["jobs"]["gate"]
    job.context["env"] = {**workflow.get("env", {}), **gate.get("env", {})}
    job.env.update({name: substitute(value, job.context) for name, value in job.context["env"].items()})
    steps = {step["id"]: step for step in gate["steps"] if "id" in step}
    results = {"changes": job.run(steps["changes"])}
    passed = results["changes"].code == 0
    if results["changes"].outputs.get("relevant") == "true":
        results["check"] = job.run(steps["check"])
        passed = passed and results["check"].code == 0
        results["report"] = job.run(steps["report"])  # `!cancelled()`: runs after a failed check too
        passed = passed and results["report"].code == 0
    return GateRun(passed, results)


def test_gate_conditions_hang_on_the_decision_step():
    gate = _yaml(WORKFLOW)["jobs"]["gate"]
    steps = gate["steps"]
    ids = [step.get("id") for step in steps]
    decide = ids.index("changes")
    assert all("uses" in step and "checkout@" in step["uses"] for step in steps[:decide])
    for step in steps[decide + 1:]:
        assert "steps.changes.outputs.relevant == 'true'" in str(step.get("if", "")), step.get("name")
    report = steps[ids.index("report")]
    assert "!cancelled()" in report["if"]
    assert gate["outputs"]["relevant"] == "${{ steps.changes.outputs.relevant }}"


def test_gate_passes_quickly_on_a_docs_only_change(template: Path, tmp_path: Path):
    job = _job(template, tmp_path, "docs")
    run = run_gate(job)
    assert run.passed
    assert run.steps["changes"].outputs == {"relevant": "false"}
    assert "check" not in run.steps  # contentlint never ran
    assert "nothing contentlint checks changed" in job.summary.read_text(encoding="utf-8")
    assert not (job.repo / "reports").exists()


def test_gate_fails_on_a_changed_spanish_deadline(template: Path, tmp_path: Path):
    job = _job(template, tmp_path, "spanish-deadline")
    run = run_gate(job)
    assert not run.passed
    assert run.steps["changes"].outputs == {"relevant": "true"}
    check = run.steps["check"]
    assert check.code == 1, check.out + check.err
    errors = [line for line in check.out.splitlines() if line.startswith("::error ")]
    # The deadline differs from the English (PR033) and from the timelines table (FC001).
    assert {code for code in ("PR033", "FC001") if any(code in line for line in errors)} == {"PR033", "FC001"}
    assert all(f"file={ES}" in line and "30 d" in line for line in errors)
    # The reports exist for the artifact, and the job summary was written once.
    report = json.loads((job.repo / "reports" / "contentlint.json").read_text(encoding="utf-8"))
    assert sorted(f["code"] for f in report["findings"]) == ["FC001", "PR033"]
    assert (job.repo / "reports" / "contentlint.sarif").is_file()
    summary = job.summary.read_text(encoding="utf-8")
    assert summary.count("## ❌ contentlint") == 1
    assert summary.count("PR033") >= 1
    assert "contentlint-reports artifact" in summary


def test_gate_checks_everything_on_a_push_to_main(template: Path, tmp_path: Path):
    job = _job(template, tmp_path, "docs", event_name="push")
    run = run_gate(job)
    assert run.steps["changes"].outputs == {"relevant": "true"}  # seeds the cache
    assert run.passed, run.steps["check"].out
    assert job.summary.read_text(encoding="utf-8").count("## ✅ contentlint") == 1


def test_gate_checks_everything_when_the_base_is_unknown(template: Path, tmp_path: Path):
    job = _job(template, tmp_path, "docs", base_sha="0" * 40)
    run = run_gate(job)
    assert run.steps["changes"].outputs == {"relevant": "true"}
    assert "checking the whole library" in run.steps["changes"].out
    assert run.passed


def test_gate_treats_configuration_as_relevant(template: Path, tmp_path: Path):
    job = _job(template, tmp_path, None)
    with (job.repo / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a comment\n")
    _git(job.repo, "commit", "-q", "-am", "config")
    job.context["github"]["sha"] = _git(job.repo, "rev-parse", "HEAD")
    assert run_gate(job).steps["changes"].outputs == {"relevant": "true"}


# --------------------------------------------------------------------------
# The composite action


def _action_steps() -> tuple[dict[str, Any], dict[str, dict[str, Any]], dict[str, Any]]:
    action = _yaml(ACTION)
    steps = action["runs"]["steps"]
    by_id = {step["id"]: step for step in steps if "id" in step}
    by_name = {step["name"]: step for step in steps if "name" in step}
    defaults = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    return by_id, by_name, defaults


def _run_action(job: Job, **inputs: str) -> tuple[StepResult, StepResult]:
    by_id, by_name, defaults = _action_steps()
    job.context["inputs"] = {**defaults, **inputs}
    check = job.run(by_id["check"])
    job.context["steps"] = {"check": {"outputs": check.outputs}}
    final = job.run(by_name["Fail on findings"])
    return check, final


def test_action_reports_findings_and_fails_at_the_end(template: Path, tmp_path: Path):
    job = _job(template, tmp_path, "spanish-deadline")
    check, final = _run_action(job, paths=f"{EN}\n{ES}", **{"report-dir": "out/reports", "artifact-name": "lint"})
    assert check.code == 0, check.out + check.err  # the step itself lets the artifact and cache steps run
    assert check.outputs == {"exit-code": "1"}
    assert "::error file=" + ES in check.out
    assert (job.repo / "out" / "reports" / "contentlint.json").is_file()
    summary = job.summary.read_text(encoding="utf-8")
    assert summary.count("## ❌ contentlint") == 1  # written once, by the check
    assert "the lint artifact of this run" in summary
    assert final.code == 1


def test_action_passes_fail_on_and_paths(template: Path, tmp_path: Path):
    job = _job(template, tmp_path, "spanish-deadline")
    # Only the English guide and its translation would be checked; a fail-on
    # of "error" still fails, and an English-only path list still brings in ES.
    check, final = _run_action(job, paths=EN, **{"fail-on": "error"})
    assert check.outputs == {"exit-code": "1"}
    assert final.code == 1
    # A clean head passes, with the same inputs.
    clean = _job(template, tmp_path / "clean", None)
    check, final = _run_action(clean, paths=EN)
    assert check.outputs == {"exit-code": "0"} and final.code == 0


def test_action_inputs_cannot_inject_shell(template: Path, tmp_path: Path):
    job = _job(template, tmp_path, None)
    check, final = _run_action(job, paths='$(touch injected) ";touch injected2;" `touch injected3`')
    assert not list(job.repo.glob("injected*")) and not list(Path.cwd().glob("injected*"))
    assert check.outputs == {"exit-code": "2"}  # those paths do not exist: a usage error
    assert final.code == 2


def test_action_rejects_bad_inputs(template: Path, tmp_path: Path):
    job = _job(template, tmp_path, None)
    check, final = _run_action(job, **{"fail-on": "sometimes"})
    assert check.code == 2 and "fail-on must be" in check.out
    assert final.code == 2
    check, _ = _run_action(job, links="everything")
    assert check.code == 2 and "links must be" in check.out


def test_action_passes_links_through(template: Path, tmp_path: Path):
    """links: internal reaches contentlint (external would need the network)."""
    job = _job(template, tmp_path, None)
    trace = tmp_path / "args.txt"
    shim = tmp_path / "bin" / "contentlint"
    shim.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{trace}"\nexit 0\n')
    check, final = _run_action(job, links="internal", paths="content/en", **{"fail-on": "warning"})
    assert check.code == 0 and final.code == 0
    lines = trace.read_text().splitlines()
    # On a pull request whose base commit is in the checkout, only the changed lines are annotated.
    assert lines[0] == f"check --format github --fail-on warning --links internal --only-changed-lines={job.base} -- content/en"
    assert lines[1].startswith("report --out reports --fail-on warning --links internal -- content/en")
