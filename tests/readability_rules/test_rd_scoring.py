"""The shared extraction and scoring of RD rules: what is prose, citations, memoization."""

from __future__ import annotations

from pathlib import Path

import pytest
from rd_helpers import READABILITY, fixtures

from clitools import ROOT, guide_text
from contentlint.content.documents import document_from_text, load_document
from contentlint.readability import score_units
from contentlint.readability.guides import (
    english_scale_grade,
    inflesz_for_grade,
    prose_units,
    score_guide,
    strip_legal_citations,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It must tell you (34 CFR 300.503(c)).", "It must tell you."),
        ("Ask for it, as 34 CFR 300.503 requires.", "Ask for it, as requires."),
        ("See §300.503 and §300.504 for the rules.", "See for the rules."),
        ("Read 20 U.S.C. 1415(b)(3) and 34 C.F.R. § 300.503(b)(1) now.", "Read and now."),
        ("The rules (34 CFR 300.500-300.536) apply.", "The rules apply."),
        ("Rules in 34 CFR Part 300 apply.", "Rules in apply."),
        ("Under 34 CFR 300.503 and 300.504, you have 3 days.", "Under, you have 3 days."),
        ("within 60 days (34 CFR 300.301(c); 34 CFR 300.306).", "within 60 days."),
        ("según 34 CFR 300.503 y 300.504 (vea 34 CFR 300.502).", "según."),
        # Not citations: a law's name, an acronym in brackets, ordinary numbers.
        ("Section 504 plans help too.", "Section 504 plans help too."),
        ("The Code of Federal Regulations (CFR) has the rules.", "The Code of Federal Regulations (CFR) has the rules."),
        ("Wait 10 days and 2 more.", "Wait 10 days and 2 more."),
    ],
)
def test_legal_citations_are_left_out(text: str, expected: str) -> None:
    assert strip_legal_citations(text) == expected


def test_citation_keeps_newlines_so_lines_stay_right() -> None:
    out = strip_legal_citations("A line\n(34 CFR\n300.503) next.")
    assert out.count("\n") == 2


def _doc(body: str, lang: str = "en"):
    return document_from_text(f"content/{lang}/g.md", guide_text(lang=lang) + body)


def test_only_prose_is_extracted() -> None:
    doc = load_document(READABILITY / "en/plain.md", "content/en/plain.md", 10**6)
    units = prose_units(doc)
    text = "\n".join(u.text for u in units)
    assert "Ask for a Meeting" not in text  # front matter (title)
    assert "code block" not in text  # fenced code
    assert "example.org" not in text and "state guide" in text  # URL out, link text in
    assert "300.322" not in text and "The law says so." in text  # citation out
    assert [u.kind for u in units].count("list_item") == 4
    assert [u.line for u in units if u.kind == "heading"] == [14, 21]


def test_table_cells_are_units_and_the_header_row_is_headings() -> None:
    body = "\n| Option | Cost |\n|---|---|\n| Mediation | Free for you |\n| Hearing | Often costly |\n"
    units = [(u.kind, u.text, u.line) for u in prose_units(_doc(body))]
    assert ("heading", "Option", 19) in units and ("heading", "Cost", 19) in units
    assert ("table_cell", "Mediation", 21) in units and ("table_cell", "Free for you", 21) in units
    assert ("table_cell", "Often costly", 22) in units
    quoted = "\n> | Option | Cost |\n> |---|---|\n> | Mediation | Free |\n"
    kinds = [(u.kind, u.text) for u in prose_units(_doc(quoted))][-4:]
    assert kinds == [("heading", "Option"), ("heading", "Cost"), ("table_cell", "Mediation"), ("table_cell", "Free")]


def test_html_and_comments_are_not_prose() -> None:
    body = "\n<div>\nHidden words in an HTML block.\n</div>\n\nKept words. <!-- a hidden comment -->\n"
    texts = [u.text for u in prose_units(_doc(body))]
    assert not any("Hidden" in t or "comment" in t for t in texts)
    assert "Kept words." in texts


def test_headings_are_left_out_unless_asked() -> None:
    doc = _doc("\n## A heading with several long educational words\n")
    without = score_guide(doc)
    with_headings = score_guide(doc, include_headings=True)
    assert without is not None and with_headings is not None
    assert with_headings.words == without.words + 1 + 7  # "Steps" and the new heading


def test_sentence_lines_inside_a_multiline_paragraph() -> None:
    doc = _doc("\nFirst line here.\nSecond line starts. A third sentence.\n")
    score = score_guide(doc)
    assert score is not None
    lines = {s.text: s.line for s in score.sentences_detail}
    assert lines["First line here."] == 19 and lines["A third sentence."] == 20


def test_spanish_is_mapped_onto_the_english_grade_scale() -> None:
    assert inflesz_for_grade(6.0) == 65.0 and inflesz_for_grade(8.0) == 55.0
    doc = load_document(READABILITY / "es/intermedia.md", "content/es/intermedia.md", 10**6)
    score = score_guide(doc)
    assert score is not None and score.szigriszt_pazos is not None
    assert english_scale_grade(score) == pytest.approx(6 + (65 - score.szigriszt_pazos) / 5)


def _guides(folder: Path) -> list[Path]:
    return sorted(folder.glob("e[ns]/*.md"))


@pytest.mark.parametrize("folder", [READABILITY, ROOT / "content"], ids=["fixtures", "bundled"])
def test_cached_scoring_equals_the_engine_on_whole_documents(folder: Path) -> None:
    from contentlint.content.library import Library
    from contentlint.context import Project, RunContext

    docs = [load_document(p, f"content/{p.parent.name}/{p.name}", 10**6) for p in _guides(folder)]
    ctx = RunContext(Library(docs), Project(ROOT, ROOT / "content"))
    for doc in docs + docs:  # the second pass hits the unit cache
        for headings in (False, True):
            expected = score_units(prose_units(doc), doc.lang, include_headings=headings)
            assert ctx.score(doc, headings) == expected


def test_each_guide_is_scored_once_whatever_the_rules(cli, tmp_path, monkeypatch) -> None:
    from contentlint.readability import guides as scoring

    calls: list[str] = []
    real = scoring.score_units

    def counting(units, lang, **kwargs):
        calls.append(lang)
        return real(units, lang, **kwargs)

    monkeypatch.setattr(scoring, "score_units", counting)
    root = fixtures(tmp_path, "en/plain.md", "en/middling.md", "es/sencilla.md", "es/intermedia.md")
    result = cli("check", "--no-cache", "--select", "RD", "--format", "json", cwd=root)
    assert result.code == 0
    # RD001-RD004 all read these guides; each was scored by one engine call at most.
    assert len(calls) <= 4
