"""The CLI as a user meets it: exit codes, config, selection, suppressions."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from clitools import ROOT, guide_text, run_process, write_project

BAD_DATE = guide_text(updated="2026-02-30")


def test_exit_codes_clean_findings_usage(cli, tmp_path):
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text()})
    assert cli("check", "--select", "SC", cwd=tmp_path).code == 0
    (tmp_path / "content/en/sample-guide.md").write_text(BAD_DATE)
    assert cli("check", "--select", "SC", cwd=tmp_path).code == 1
    missing = cli("check", "content/en/nope.md", cwd=tmp_path)
    assert missing.code == 2
    assert "no such file" in missing.err
    assert cli("check", "--format", "xml", cwd=tmp_path).code == 2


def test_config_errors_exit_2_with_the_bad_key(cli, tmp_path):
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text()}, "fail-onn = 'error'\n")
    result = cli("check", cwd=tmp_path)
    assert result.code == 2
    assert "tool.contentlint.fail-onn" in result.err
    write_project(tmp_path, {}, "[tool.contentlint.rules.ZZ999]\nseverity = 'error'\n")
    result = cli("check", cwd=tmp_path)
    assert result.code == 2 and "ZZ999: no such rule" in result.err
    write_project(tmp_path, {}, "[tool.contentlint.rules.missing-steps]\nmin-stepz = 3\n")
    result = cli("check", cwd=tmp_path)
    assert result.code == 2 and "min-stepz" in result.err


def test_rule_options_and_severity_from_config(cli, tmp_path):
    config = "[tool.contentlint.rules.ST001]\nmin-steps = 3\nseverity = 'warning'\n"
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text()}, config)
    result = cli("check", "--select", "ST", "--format", "json", cwd=tmp_path)
    assert result.code == 0  # a warning does not fail at the default fail-on
    [finding] = result.findings()
    assert finding["code"] == "ST001" and finding["severity"] == "warning"
    assert "2 ordered step(s); at least 3" in finding["message"]
    assert cli("check", "--select", "ST", "--fail-on", "warning", cwd=tmp_path).code == 1


def test_select_ignore_longest_prefix_wins(cli, tmp_path):
    write_project(tmp_path, {"content/en/sample-guide.md": BAD_DATE})
    assert cli("check", "--select", "SC", "--ignore", "SC008", cwd=tmp_path).code == 0
    assert cli("check", "--select", "SC008", "--ignore", "SC", cwd=tmp_path).code == 1
    assert cli("check", "--select", "invalid-value", cwd=tmp_path).code == 1


def test_per_file_ignores(cli, tmp_path):
    config = '[tool.contentlint.per-file-ignores]\n"content/en/*.md" = ["SC008"]\n'
    write_project(tmp_path, {"content/en/sample-guide.md": BAD_DATE}, config)
    assert cli("check", "--select", "SC", cwd=tmp_path).code == 0


def test_suppression_with_reason_hides_the_finding(cli, tmp_path):
    text = BAD_DATE.replace("updated: 2026-02-30", "updated: 2026-02-30  # contentlint-disable-line SC008 -- test")
    write_project(tmp_path, {"content/en/sample-guide.md": text})
    result = cli("check", "--select", "SC", "--select", "CL", "--format", "json", cwd=tmp_path)
    assert result.findings() == [] and result.code == 0


def test_suppression_without_reason_is_invalid_and_unused_is_reported(cli, tmp_path):
    body = guide_text() + "\n<!-- contentlint-disable-next-line SC008 -->\nText.\n"
    body += "<!-- contentlint-disable-next-line ST001 -- nothing here -->\nMore text.\n"
    body += "<!-- contentlint-disable-next-line QQ1 -- typo -->\n"
    write_project(tmp_path, {"content/en/sample-guide.md": body})
    result = cli("check", "--select", "SC", "--select", "CL", "--select", "ST", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["line"]) for f in result.findings()]
    assert ("CL010", 19) in found  # no reason
    assert ("CL011", 21) in found  # hides nothing
    assert ("CL010", 23) in found  # unknown rule
    messages = " ".join(f["message"] for f in result.findings())
    assert "gives no reason" in messages and "unknown rule(s): QQ1" in messages


def test_json_is_versioned_sorted_and_stable(cli, tmp_path):
    write_project(
        tmp_path,
        {"content/en/sample-guide.md": BAD_DATE, "content/en/b.md": guide_text(slug="b", id="b")},
    )
    first = cli("check", "--select", "SC", "--format", "json", cwd=tmp_path).out
    second = cli("check", "--select", "SC", "--format", "json", cwd=tmp_path).out
    assert first == second
    data = json.loads(first)
    assert data["version"] == 1
    assert data["summary"]["errors"] == 1 and data["summary"]["files_checked"] == 2
    assert set(data["findings"][0]) >= {"code", "name", "severity", "path", "line", "column", "message", "hint"}


def test_rules_and_explain(cli):
    listing = cli("rules", cwd=ROOT)
    assert listing.code == 0 and "SC005  unknown-field" in listing.out
    explained = cli("explain", "unknown-field", cwd=ROOT)
    assert explained.code == 0
    for section in ("## What it does", "## Why is this bad?", "## Example"):
        assert section in explained.out
    assert cli("explain", "XX123", cwd=ROOT).code == 2


def test_schema_folder_is_up_to_date(cli):
    result = cli("schema", "--check", cwd=ROOT)
    assert result.code == 0, "schema/ is stale: run `contentlint schema --write`\n" + result.err


def test_schema_check_notices_a_stale_file(cli, tmp_path):
    assert cli("schema", "--write", "--dir", str(tmp_path), cwd=ROOT).code == 0
    target = tmp_path / "guide-front-matter.schema.json"
    target.write_text(target.read_text().replace('"slug"', '"slogan"'))
    result = cli("schema", "--check", "--dir", str(tmp_path), cwd=ROOT)
    assert result.code == 1 and "guide-front-matter.schema.json: out of date" in result.err


def test_console_script_runs_in_a_real_process(tmp_path):
    write_project(tmp_path, {"content/en/sample-guide.md": BAD_DATE})
    result = run_process(["check", "--select", "SC"], cwd=tmp_path)
    assert result.code == 1
    assert "content/en/sample-guide.md:8:10: SC008" in result.out
    version = run_process(["--version"], cwd=tmp_path)
    assert version.code == 0 and version.out.startswith("contentlint ")


def test_one_file_brings_its_counterpart_and_the_guides_linking_to_it(cli, tmp_path):
    files = {
        "content/en/target.md": guide_text(doc_id="target", slug="target", updated="2026-02-30"),
        "content/es/objetivo.md": guide_text(doc_id="target", lang="es", slug="objetivo"),
        "content/en/linker.md": guide_text(doc_id="linker", slug="linker", updated="2026-02-31")
        + "\nSee [the target guide](target.md).\n",
        "content/en/unrelated.md": guide_text(doc_id="unrelated", slug="unrelated", updated="2026-02-31"),
    }
    write_project(tmp_path, files)
    result = cli("check", "--select", "SC", "--format", "json", "content/es/objetivo.md", cwd=tmp_path)
    paths = {f["path"] for f in result.findings()}
    assert paths == {"content/en/target.md", "content/en/linker.md"}
    assert result.json()["summary"]["files_checked"] == 3


def test_changed_since_checks_changed_files_and_their_neighbours(cli, tmp_path):
    import subprocess

    files = {
        "content/en/a.md": guide_text(doc_id="a", slug="a"),
        "content/es/a-es.md": guide_text(doc_id="a", lang="es", slug="a-es"),
        "content/en/b.md": guide_text(doc_id="b", slug="b") + "\n[Guide A](a.md) and [Guide C](c.md).\n",
        "content/en/c.md": guide_text(doc_id="c", slug="c"),
        "content/en/d.md": guide_text(doc_id="d", slug="d", updated="2026-02-30"),  # old problem
    }
    write_project(tmp_path, files)
    for args in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)
    unchanged = cli("check", "--select", "SC", "--changed-since", "HEAD", "--format", "json", cwd=tmp_path)
    assert unchanged.code == 0 and unchanged.json()["summary"]["files_checked"] == 0
    (tmp_path / "content/en/a.md").write_text(guide_text(doc_id="a", slug="a", updated="2026-02-31"))
    (tmp_path / "content/en/c.md").unlink()
    result = cli("check", "--select", "SC", "--changed-since", "HEAD", "--format", "json", cwd=tmp_path)
    assert result.code == 1
    assert {f["path"] for f in result.findings()} == {"content/en/a.md"}
    # a.md, its translation, and b.md (links to a.md and named the deleted c.md); never d.md
    assert result.json()["summary"]["files_checked"] == 3
    bad = cli("check", "--changed-since", "no-such-ref", cwd=tmp_path)
    assert bad.code == 2 and "--changed-since" in bad.err


def test_the_command_leaves_quietly_when_its_reader_goes_away(tmp_path):
    """`contentlint check | head -1`: the command ends without interpreter teardown
    (cli.entry); a reader that stopped reading is no error and no traceback."""
    reader = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.readline()"], stdin=subprocess.PIPE)
    done = subprocess.run([sys.executable, "-m", "contentlint", "check", "--no-cache", str(ROOT / "content")],
                          cwd=tmp_path, stdout=reader.stdin, stderr=subprocess.PIPE, text=True, timeout=120,
                          check=False)
    reader.stdin.close()
    reader.wait(timeout=30)
    assert done.stderr == ""
    assert done.returncode in (0, 1)  # what the check found; the pipe is no error


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_exit_2_not_a_pass(tmp_path):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "contentlint", "check", str(ROOT / "content")], cwd=tmp_path,
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert "No space left on device" in done.stderr and "Traceback" not in done.stderr
