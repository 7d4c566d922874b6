"""FC001: a wrong timeline near its keyword is caught in either language."""

from __future__ import annotations

import shutil

import pytest

from clitools import ROOT, guide_text, write_project

TIMELINES = """\
# Federal minimums.
type: timelines
id: timelines
updated: 2026-11-20
facts:
  - id: state-complaint-decision
    value: 60
    unit: days
    cite: 34 CFR 300.152(a)
    keywords: {en: [state complaint], es: [queja estatal]}
  - id: state-complaint-filing
    value: 1
    unit: years
    cite: 34 CFR 300.153(c)
    keywords: {en: [state complaint], es: [queja estatal]}
  - id: resolution-agreement-void
    value: 3
    unit: business-days
    cite: 34 CFR 300.510(e)
    keywords: {en: [resolution agreement], es: [acuerdo de resolución]}
"""


def _project(tmp_path, en_body: str, es_body: str):
    return write_project(
        tmp_path,
        {
            "content/data/timelines.yaml": TIMELINES,
            "content/en/sample-guide.md": guide_text() + en_body,
            "content/es/guia.md": guide_text(lang="es", slug="guia") + es_body,
        },
    )


@pytest.mark.parametrize(
    ("en", "es", "expected"),
    [
        ("\nThe state decides a state complaint within 60 days.\n", "\nEl estado decide la queja estatal en 60 días.\n", []),
        ("\nFile a state complaint within one year.\n", "\nPresente la queja estatal dentro de un año.\n", []),
        ("\nThe state decides a state complaint within 90 days.\n", "\nLa queja estatal se decide en 60 días.\n", [("en", 19)]),
        ("\nA state complaint is decided in 60 days.\n", "\nLa queja estatal se decide en noventa días.\n", [("es", 19)]),
        ("\nFile a state complaint within 2 years.\n", "\nPresente la queja estatal dentro de 1 año.\n", [("en", 19)]),
        ("\nYou can cancel a resolution agreement within 5 business days.\n", "\nPuede anular el acuerdo de resolución en 3 días hábiles.\n", [("en", 19)]),
        ("\nMediation takes 90 days.\n", "\nLa mediación tarda 90 días.\n", []),  # no keyword: not judged
    ],
)
def test_timeline_numbers(cli, tmp_path, en, es, expected):
    _project(tmp_path, en, es)
    result = cli("check", "--select", "FC", "--format", "json", cwd=tmp_path)
    found = [(f["path"].split("/")[1], f["line"]) for f in result.findings()]
    assert found == expected
    assert result.code == (1 if expected else 0)
    for finding in result.findings():
        assert "34 CFR" in finding["message"] and finding["hint"]


def test_wrong_timeline_planted_in_every_bundled_guide(cli, tmp_path):
    """A copy of the real library with a wrong state-complaint deadline in each guide."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n')
    planted = {
        "en": "\nA state complaint must be decided within 90 days.\n",
        "es": "\nLa queja estatal debe resolverse en un plazo de 90 días.\n",
    }
    expected = set()
    guides = sorted((tmp_path / "content").glob("e[ns]/*.md"))
    assert len(guides) >= 10
    for guide in guides:
        lang = guide.parent.name
        text = guide.read_text(encoding="utf-8")
        guide.write_text(text + planted[lang], encoding="utf-8")
        expected.add((f"content/{lang}/{guide.name}", len(text.split("\n")) + 1))
    result = cli("check", "--select", "FC001", "--format", "json", cwd=tmp_path)
    found = {(f["path"], f["line"]) for f in result.findings()}
    assert found == expected
