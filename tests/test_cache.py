"""The result cache: same answer, invalidated by any change, safe when shared."""

from __future__ import annotations

import json
import subprocess
import sys

from clitools import guide_text, run_process, write_project

PROBE = (
    "import sys, contentlint.cli.app as c; code = c.main(['check', '--format', 'json']); "
    "sys.stderr.write('HEAVY=%s' % ('pydantic' in sys.modules)); sys.exit(code)"
)


def _probe(folder):
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=folder, capture_output=True, text=True, check=False)
    return done.returncode, done.stdout, done.stderr.rsplit("HEAVY=", 1)[-1]


def test_second_run_answers_from_the_cache_without_parsing(tmp_path):
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text(updated="2026-02-30")})
    first = _probe(tmp_path)
    second = _probe(tmp_path)
    assert first[0] == second[0] == 1
    assert first[1] == second[1]  # byte-identical report
    assert first[2] == "True" and second[2] == "False"  # the hit imports no pydantic


def test_any_change_invalidates(cli, tmp_path):
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text()})
    assert cli("check", "--select", "SC", cwd=tmp_path).code == 0
    assert cli("check", "--select", "SC", cwd=tmp_path).code == 0  # cached
    (tmp_path / "content/en/sample-guide.md").write_text(guide_text(updated="2026-02-30"))
    assert cli("check", "--select", "SC", cwd=tmp_path).code == 1  # content changed
    config = '[tool.contentlint]\ncontent = "content"\nignore = ["SC008"]\n'
    (tmp_path / "pyproject.toml").write_text(config)
    assert cli("check", "--select", "SC", cwd=tmp_path).code == 0  # config changed
    # --ignore on the command line replaces the configured list (flake8, ruff)
    assert cli("check", "--select", "SC", "--ignore", "ST", cwd=tmp_path).code == 1


def test_corrupt_cache_is_a_miss_not_an_error(cli, tmp_path):
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text(updated="2026-02-30")})
    assert cli("check", "--select", "SC", cwd=tmp_path).code == 1
    folder = tmp_path / ".contentlint_cache/results-v2"
    stored = list(folder.glob("*.json"))
    assert len(stored) == 2  # the run's entry and its rule table
    for path in stored:
        path.write_bytes(b"\x00{not json")
    result = cli("check", "--select", "SC", cwd=tmp_path)
    assert result.code == 1 and "SC008" in result.out
    entries = [p for p in folder.glob("*.json") if not p.name.startswith("rules-")]
    assert [json.loads(p.read_text())["format"] for p in entries] == [2]  # rebuilt


def test_two_runs_at_once_share_the_cache_safely(tmp_path):
    files = {f"content/en/g{i}.md": guide_text(doc_id=f"g{i}", slug=f"g{i}") for i in range(30)}
    write_project(tmp_path, files)
    exe = [sys.executable, "-m", "contentlint", "check", "--format", "json"]
    runs = [subprocess.Popen(exe + extra, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for extra in (["--select", "SC,ST"], ["--select", "SC"], ["--select", "SC,ST"], ["--select", "ST"])]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    assert all(err == "" for _, err in outputs)
    folder = tmp_path / ".contentlint_cache/results-v2"
    entries = [p for p in folder.glob("*.json") if not p.name.startswith("rules-")]
    assert len(entries) == 3  # one per configuration
    assert all(json.loads(p.read_text())["format"] == 2 for p in entries)
    assert not list((tmp_path / ".contentlint_cache").rglob("*.tmp"))


def test_no_cache_flag_and_ui_language_survive_the_cache(tmp_path):
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text(updated="2026-02-30")})
    assert run_process(["check"], cwd=tmp_path).code == 1
    again = run_process(["check", "--no-cache"], cwd=tmp_path)
    assert again.code == 1 and "SC008" in again.out


def test_files_named_by_rule_options_are_part_of_the_key(cli, tmp_path):
    config = '[tool.contentlint.rules.ST001]\nmin-steps = 2\n[tool.contentlint.rules.FC001]\nwindow-sentences = 1\n'
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text(), "baseline.json": "{}"}, config)
    from contentlint.cache.run import RunCache

    (tmp_path / "pyproject.toml").write_text((tmp_path / "pyproject.toml").read_text() + '[tool.contentlint.rules.RD005]\nbaseline = "baseline.json"\n')
    first = RunCache.open(tmp_path, None, {}, []).key
    (tmp_path / "baseline.json").write_text('{"changed": true}')
    assert RunCache.open(tmp_path, None, {}, []).key != first
