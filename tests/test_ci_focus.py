"""Pull-request focus in a simulated GitHub Actions job: annotations on the changed
lines only, a findings baseline, and annotations chosen by importance within GitHub's caps.

The repository, the job environment (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
GITHUB_EVENT_PATH) and the step runner are those of test_ci_gate.py; the base
commit here holds a legacy problem (a Spanish deadline that disagrees with the
English and with the timelines table) and the head commit adds a new one.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from test_ci_gate import EN, ES, Job, StepResult, _action_steps, _base_env, _git, _job, run_gate
from test_ci_gate import template as template  # the module-scoped fixture: a clean pair at its base commit

LEGACY = ("El estado debe decidir sobre la queja estatal en un plazo de 60 días",
          "El estado debe decidir sobre la queja estatal en un plazo de 90 días")
NEW_DEADLINE = ("La escuela tiene 60 días para terminarla", "La escuela tiene 45 días para terminarla")
NEW_ENGLISH = ("These are federal timelines.",
               "Keep a copy of every letter the school sends you.\n\nThese are federal timelines.")


def _edit(repo: Path, name: str, old: str, new: str) -> None:
    path = repo / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(repo: Path, name: str, needle: str) -> int:
    lines = (repo / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def _contentlint(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "contentlint", *args], cwd=repo, env=_base_env(repo),
                          capture_output=True, text=True, timeout=180, check=False)


def _legacy_job(template: Path, tmp_path: Path, *, baseline: bool = False) -> Job:
    """A job whose base commit (on main) already has the legacy deadline problem."""
    job = _job(template, tmp_path, None)
    _git(job.repo, "checkout", "-q", "main")
    _edit(job.repo, ES, *LEGACY)
    if baseline:
        done = _contentlint(job.repo, "baseline", "--no-cache")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "2 findings accepted" in done.stdout
    _git(job.repo, "add", "-A")
    _git(job.repo, "commit", "-q", "-m", "legacy problem")
    job.base = _git(job.repo, "rev-parse", "HEAD")
    _git(job.repo, "checkout", "-q", "-B", "topic")
    job.context["github"]["event"]["pull_request"]["base"]["sha"] = job.base
    return job


def _commit_head(job: Job, message: str) -> None:
    _git(job.repo, "commit", "-q", "-am", message)
    job.head = _git(job.repo, "rev-parse", "HEAD")
    job.context["github"]["sha"] = job.head


def _run_action(job: Job, **inputs: str) -> tuple[StepResult, StepResult]:
    by_id, by_name, defaults = _action_steps()
    job.context["inputs"] = {**defaults, **inputs}
    check = job.run(by_id["check"])
    job.context["steps"] = {"check": {"outputs": check.outputs}}
    return check, job.run(by_name["Fail on findings"])


def _annotations(out: str) -> list[tuple[str, str, int]]:
    """(command, code, line) of each error/warning annotation."""
    found = []
    for line in out.splitlines():
        match = re.match(r"::(error|warning) file=([^,]+),line=(\d+),col=\d+,title=(\w+)", line)
        if match:
            found.append((match.group(1), match.group(4), int(match.group(3))))
    return found


def test_the_action_annotates_only_the_changed_lines(template: Path, tmp_path: Path):
    job = _legacy_job(template, tmp_path)
    _edit(job.repo, EN, *NEW_ENGLISH)  # a new English paragraph, not translated
    _commit_head(job, "a new English paragraph")
    legacy_line = _line_of(job.repo, ES, "90 días")
    new_english_line = _line_of(job.repo, EN, "Keep a copy of every letter")

    check, final = _run_action(job)
    assert check.outputs == {"exit-code": "1"}, check.out + check.err
    shown = _annotations(check.out)
    # The Spanish paragraph missing for the new English one is annotated on the
    # Spanish file (a pair finding caused by the changed English lines) ...
    assert [code for _, code, _ in shown] == ["PR010"], check.out
    pr010 = next(line for line in check.out.splitlines() if "title=PR010" in line)
    assert f"file={ES}" in pr010 and f"{EN}:{new_english_line}" in pr010
    # ... and the legacy deadline problem, on a line the pull request did not touch, is not.
    assert not [a for a in shown if a[2] == legacy_line], check.out
    assert "2 finding(s) on lines not changed since" in check.out
    # It still counts: the step fails, and the summary lists it.
    assert final.code == 1
    summary = job.summary.read_text(encoding="utf-8")
    assert "elsewhere in the checked files" in summary
    assert f"{ES}:{legacy_line}" in summary and "PR033" in summary

    # With only-changed-lines off, the legacy problem is annotated too.
    job.summary.write_text("", encoding="utf-8")
    check, _ = _run_action(job, **{"only-changed-lines": "false"})
    assert any(line == legacy_line and code == "PR033" for _, code, line in _annotations(check.out))


def test_an_edited_english_block_brings_in_its_stale_spanish_block(template: Path, tmp_path: Path):
    """The Spanish file is not touched; its block made stale by the English edit is annotated."""
    job = _legacy_job(template, tmp_path)
    _edit(job.repo, EN, "So check your state's rules.", "So always check your own state's rules first.")
    _commit_head(job, "an English sentence reworded")
    check, _ = _run_action(job)
    english_line = _line_of(job.repo, EN, "So always check your own state's rules first.")
    stale = [line for line in check.out.splitlines() if "title=PR020" in line]
    assert len(stale) == 1 and f"file={ES}," in stale[0] and f"{EN}:{english_line}" in stale[0], check.out
    legacy_line = _line_of(job.repo, ES, "90 días")
    # MP005 rightly adds that the Spanish has no "always" (siempre) yet.
    assert [code for _, code, _ in _annotations(check.out)] == ["PR020", "MP005"]
    assert legacy_line not in [line for _, _, line in _annotations(check.out)]


def test_the_gate_annotates_only_the_changed_lines(template: Path, tmp_path: Path):
    job = _legacy_job(template, tmp_path)
    _edit(job.repo, ES, *NEW_DEADLINE)
    _commit_head(job, "a new Spanish deadline problem")
    run = run_gate(job)
    assert not run.passed
    shown = _annotations(run.steps["check"].out)
    new_line, legacy_line = _line_of(job.repo, ES, "45 días"), _line_of(job.repo, ES, "90 días")
    assert {(code, line) for _, code, line in shown} == {("PR033", new_line), ("FC001", new_line)}
    assert legacy_line != new_line


def test_the_baseline_hides_the_old_findings_but_not_the_new_one(template: Path, tmp_path: Path):
    job = _legacy_job(template, tmp_path, baseline=True)
    # Lines move (a blank line near the top) and a new problem appears.
    _edit(job.repo, ES, "\n## ", "\n\n## ")
    _edit(job.repo, ES, *NEW_DEADLINE)
    _commit_head(job, "shifted lines and a new problem")
    stored = json.loads((job.repo / "contentlint-baseline.json").read_text(encoding="utf-8"))
    assert stored["contentlint-baseline"] == 1
    assert sorted(entry["code"] for entry in stored["findings"]) == ["FC001", "PR033"]

    check, final = _run_action(job, baseline="contentlint-baseline.json", **{"only-changed-lines": "false"})
    new_line = _line_of(job.repo, ES, "45 días")
    assert {(code, line) for _, code, line in _annotations(check.out)} == {("PR033", new_line), ("FC001", new_line)}
    assert "2 finding(s) hidden by the baseline contentlint-baseline.json" in check.out
    assert final.code == 1
    summary = job.summary.read_text(encoding="utf-8")
    assert "2 findings hidden by the baseline" in summary
    report = json.loads((job.repo / "reports" / "contentlint.json").read_text(encoding="utf-8"))
    assert sorted((f["code"], f["line"]) for f in report["findings"]) == [("FC001", new_line), ("PR033", new_line)]
    assert report["summary"]["baseline"] == {"path": "contentlint-baseline.json", "hidden": 2, "fixed": 0}


def test_the_gate_passes_when_the_baseline_accepts_every_finding(template: Path, tmp_path: Path):
    job = _legacy_job(template, tmp_path, baseline=True)
    _edit(job.repo, ES, "\n## ", "\n\n## ")  # only shifted lines
    _commit_head(job, "shifted lines")
    run = run_gate(job)
    assert run.passed, run.steps["check"].out
    assert "2 finding(s) hidden by the baseline" in run.steps["check"].out
    # Fixing the legacy problem leaves baseline entries that are reported as fixed.
    _edit(job.repo, ES, LEGACY[1], LEGACY[0])
    _commit_head(job, "fixed the legacy problem")
    done = _contentlint(job.repo, "check", "--no-cache", "--baseline", "contentlint-baseline.json", "--format", "summary")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 findings hidden by the baseline" in done.stdout
    assert "2 baseline entries no longer found" in done.stdout


def test_a_baseline_that_is_not_one_is_a_usage_error(template: Path, tmp_path: Path):
    job = _job(template, tmp_path, None)
    (job.repo / "bad.json").write_text('{"findings": "no"}', encoding="utf-8")
    done = _contentlint(job.repo, "check", "--no-cache", "--baseline", "bad.json")
    assert done.returncode == 2 and "not a contentlint baseline" in done.stderr
    done = _contentlint(job.repo, "check", "--no-cache", "--baseline", "missing.json")
    assert done.returncode == 2 and "missing.json: cannot read it" in done.stderr
    done = _contentlint(job.repo, "check", "--no-cache", "--only-changed-lines=--output=x")
    assert done.returncode == 2 and "is not a git commit" in done.stderr
    assert not (job.repo / "x").exists()


def test_the_caps_keep_a_missing_spanish_paragraph_before_other_findings(template: Path, tmp_path: Path):
    """Eleven vague links in a new English paragraph (errors on the English file,
    which sorts first) and the Spanish paragraph missing for it: the missing
    paragraph is annotated first, and what the caps leave out is counted."""
    job = _job(template, tmp_path, None)
    links = " ".join(f"[click here](https://www.parentcenterhub.org/page-{n}/)." for n in range(11))
    _edit(job.repo, EN, "These are federal timelines.", f"More help: {links}\n\nThese are federal timelines.")
    _commit_head(job, "eleven vague links")
    job.env["GITHUB_RUN_ID"] = "4242"
    job.env["GITHUB_SERVER_URL"] = "https://github.com"
    check, final = _run_action(job, **{"only-changed-lines": "false"})
    shown = _annotations(check.out)
    codes = [code for _, code, _ in shown]
    assert codes.count("PL002") == 9 and codes[0] == "PR010", check.out  # 10 errors: the missing paragraph first
    errors = [a for a in shown if a[0] == "error"]
    assert len(errors) == 10
    warnings = [i for i, a in enumerate(shown) if a[0] == "warning"]
    assert not warnings or min(warnings) > codes.index("PR010")
    assert "2 more finding(s) not shown as annotations" in check.out
    summary = job.summary.read_text(encoding="utf-8")
    assert "2 findings not shown as annotations" in summary
    assert "(https://github.com/acme/guides/actions/runs/4242#artifacts)" in summary
    # The summary's table lists the missing paragraph first too.
    rows = [line for line in summary.splitlines() if line.startswith("| error |") or line.startswith("| warning |")]
    assert "PR010" in rows[0]
    assert final.code == 1


@pytest.mark.parametrize("value", ["maybe", "$(touch injected)"])
def test_the_action_rejects_a_bad_only_changed_lines(template: Path, tmp_path: Path, value: str):
    job = _job(template, tmp_path, None)
    check, final = _run_action(job, **{"only-changed-lines": value})
    assert check.code == 2 and "only-changed-lines must be true or false" in check.out
    assert not list(job.repo.glob("injected*"))
    assert final.code == 2
