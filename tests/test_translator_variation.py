"""Correct translations written by others stay silent; the defect planted in each is found.

Each case is a small English/Spanish pair checked with the bundled data files
(glossary, acronyms, timelines), through the real CLI. The larger corpus and its
scoring live in tests/corpus/ (benchmarks/corpus_eval.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clitools import ROOT, guide_text, write_project


def _front(**fields: str) -> str:
    """A guide's front matter only (guide_text's body is replaced by the case's)."""
    text = guide_text(type="topic", **fields)
    return text[: text.index("\n---\n", 4) + len("\n---\n")]


def _pair(tmp_path: Path, en_body: str, es_body: str) -> Path:
    root = write_project(
        tmp_path,
        {
            "content/en/sample-guide.md": _front() + "\nSpecial education is free for your child.\n" + en_body,
            "content/es/guia.md": _front(lang="es", slug="guia")
            + "\nLa educación especial es gratuita para su hijo.\n" + es_body,
        },
    )
    shutil.copytree(ROOT / "content" / "data", root / "content" / "data")
    return root


def _findings(cli, root: Path, select: str) -> list[tuple[str, str, int]]:
    result = cli("check", "--no-cache", "--select", select, "--format", "json", cwd=root)
    assert result.code in (0, 1), result.err
    return [(f["code"], f["path"].split("/")[1], f["line"]) for f in result.findings() if f["severity"] != "info"]


@pytest.mark.parametrize(
    ("en", "es"),
    [
        # "hearing" (the sense) is "audición"; only the proceeding is "audiencia".
        ("\nYour child has a hearing loss.\n", "\nSu hijo tiene una pérdida de audición.\n"),
        ("\nA hearing impairment is a disability.\n", "\nLa discapacidad auditiva es una discapacidad.\n"),
        # A US-Spanish variant of "eligible".
        ("\nYour child is eligible for services.\n", "\nSu hijo califica para recibir servicios.\n"),
    ],
)
def test_glossary_senses_and_variants_stay_silent(cli, tmp_path: Path, en: str, es: str) -> None:
    assert _findings(cli, _pair(tmp_path, en, es), "PR040") == []


def test_the_proceeding_still_needs_its_term(cli, tmp_path: Path) -> None:
    root = _pair(tmp_path, "\nYou can ask for a hearing.\n", "\nPuede pedir una reunión.\n")
    assert _findings(cli, root, "PR040") == [("PR040", "es", 14)]


@pytest.mark.parametrize(
    ("en", "es"),
    [
        ("\nSpecial education covers children from age 3 to 21.\n",
         "\nLa educación especial cubre a los niños desde los 3 años hasta los 21 años.\n"),
        ("\nPreschool services are for children ages 3 to 5.\n",
         "\nLos servicios preescolares son para los niños de 3 a 5 años.\n"),
        ("\nWhat happens when my child turns 16?\n", "\n¿Qué pasa cuando mi hijo cumple 16 años?\n"),
    ],
)
def test_ages_are_not_durations(cli, tmp_path: Path, en: str, es: str) -> None:
    assert _findings(cli, _pair(tmp_path, en, es), "PR033") == []


def test_a_span_of_time_with_tener_is_still_a_duration(cli, tmp_path: Path) -> None:
    root = _pair(tmp_path, "\nYou have 2 years to ask for a hearing.\n", "\nTiene 3 años para pedir una audiencia.\n")
    assert _findings(cli, root, "PR033") == [("PR033", "es", 14)]


@pytest.mark.parametrize(
    ("en", "es"),
    [
        ("\nThe rule is in 34 CFR 300.503(a).\n", "\nLa regla está en 34 C.F.R. Sec. 300.503(a).\n"),
        ("\nSee 34 CFR 300.322 and 300.328.\n", "\nVea 34 C.F.R. Secs. 300.322 & 300.328.\n"),
        ("\nThe court decided it in 458 U.S. 176 (1982).\n", "\nEl tribunal lo decidió en 458 U.S. 176 (1982).\n"),
    ],
)
def test_citation_styles_are_the_same_citation(cli, tmp_path: Path, en: str, es: str) -> None:
    assert _findings(cli, _pair(tmp_path, en, es), "PR030,PR036") == []


def test_a_changed_title_number_is_a_wrong_citation(cli, tmp_path: Path) -> None:
    root = _pair(tmp_path, "\nDays are calendar days (34 CFR 300.11).\n", "\nLos días son naturales (64 CFR 300.11).\n")
    assert _findings(cli, root, "PR036") == [("PR036", "es", 14)]
