"""The `reference` profile: third-party or legal text a library hosts keeps its reading
level, sentence length and house-style findings as warnings; accessibility and facts
keep their severity (issue 14)."""

from __future__ import annotations

from pathlib import Path

from clitools import ROOT, CliRunner, guide_text, write_project

LEGAL = (
    "\nNotwithstanding any other provision of this part, the public agency responsible for the education "
    "of the child shall ensure that the procedural safeguards established under the Individuals with "
    "Disabilities Education Act are afforded to the parents in accordance with the applicable regulations "
    "promulgated thereunder, including but not limited to the requirements concerning independent "
    "educational evaluations, prior written notice, and the availability of mediation before any hearing.\n\n"
    "The LEA must comply.\n\n![](chart.png)\n"
)
PROFILE = '\n[tool.contentlint.profiles]\nreference = ["content/en/legal/*.md"]\n'


def project(tmp_path: Path, config: str = "") -> Path:
    text = guide_text("hosted-rule", slug="hosted-rule", awaiting_translation="true") + LEGAL
    acronyms = (ROOT / "content" / "data" / "acronyms.yaml").read_text(encoding="utf-8")
    return write_project(
        tmp_path,
        {"content/en/legal/hosted-rule.md": text, "content/en/legal/chart.png": b"\x89PNG\r\n\x1a\n",
         "content/data/acronyms.yaml": acronyms},
        config,
    )


def severities(cli: CliRunner, root: Path, *args: str) -> tuple[int, dict[str, set[str]]]:
    run = cli("check", "--format", "json", "--no-cache", *args, cwd=root)
    assert run.code in (0, 1), run.err
    out: dict[str, set[str]] = {}
    for finding in run.findings():
        out.setdefault(finding["severity"], set()).add(finding["code"])
    return run.code, out


def test_without_the_profile_the_legal_text_fails(cli: CliRunner, tmp_path: Path) -> None:
    code, found = severities(cli, project(tmp_path))
    assert code == 1
    assert {"RD003", "PL001", "PL003"} <= found["error"]


def test_the_reference_profile_turns_reading_and_house_style_into_warnings(cli: CliRunner, tmp_path: Path) -> None:
    code, found = severities(cli, project(tmp_path, PROFILE), "--select", "RD,PL")
    assert found["error"] == {"PL003"}  # an image without alt text is still an accessibility error
    assert {"RD002", "RD003", "PL001"} <= found["warning"]
    assert code == 1
    code, found = severities(cli, project(tmp_path, PROFILE), "--select", "RD,PL", "--ignore", "PL003")
    assert code == 0 and "error" not in found


def test_the_profile_matches_only_its_files(cli: CliRunner, tmp_path: Path) -> None:
    other = '\n[tool.contentlint.profiles]\nreference = ["content/en/hosted/*.md"]\n'
    _, found = severities(cli, project(tmp_path, other), "--select", "RD,PL")
    assert {"RD003", "PL001"} <= found["error"]


def test_an_unknown_profile_is_a_configuration_error(cli: CliRunner, tmp_path: Path) -> None:
    root = project(tmp_path, '\n[tool.contentlint.profiles]\nlegal = ["content/en/legal/*.md"]\n')
    run = cli("check", cwd=root)
    assert run.code == 2
    assert "profiles" in run.err and "legal" in run.err
