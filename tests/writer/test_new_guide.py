"""``contentlint new ID`` (issue 17, item 3): a new guide passes ``check`` as created."""

from __future__ import annotations

import shutil

import pytest

from clitools import ROOT, write_project

TYPES = ["how-to", "topic", "faq", "checklist", "index"]


@pytest.fixture
def library(tmp_path, monkeypatch):
    """A copy of the bundled library (with its glossary) as a project."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return write_project(tmp_path, {})


@pytest.mark.parametrize("guide_type", TYPES)
def test_a_new_pair_of_every_type_passes_check_as_created(cli, library, guide_type):
    created = cli(
        "new", "asking-for-records", "--type", guide_type,
        "--title", "Asking for Your Child's Records", "--title-es", "Cómo pedir los expedientes de su hijo",
        cwd=library,
    )
    assert created.code == 0, created.out + created.err
    english = library / "content/en/asking-for-your-child-s-records.md"
    spanish = library / "content/es/como-pedir-los-expedientes-de-su-hijo.md"
    assert english.is_file() and spanish.is_file()
    assert (library / "content/sync/asking-for-records.yaml").is_file()
    checked = cli("check", "--no-cache", "--fail-on", "info", "--format", "json", str(english), cwd=library)
    assert checked.code == 0, checked.out
    assert checked.findings() == []
    assert checked.json()["summary"]["files_checked"] >= 2


def test_the_front_matter_is_filled_in(cli, library):
    cli("new", "asking-for-records", "--title", "Asking for Records", "--title-es", "Cómo pedir expedientes",
        cwd=library)
    text = (library / "content/es/como-pedir-expedientes.md").read_text(encoding="utf-8")
    assert "id: asking-for-records\nlang: es\ntype: how-to\n" in text
    assert "slug: como-pedir-expedientes\n" in text
    assert "updated: 2026-12-01\nlast_reviewed: 2026-12-01\n" in text
    assert "href: ../en/asking-for-records.md" in text
    english = (library / "content/en/asking-for-records.md").read_text(encoding="utf-8")
    assert "href: ../es/como-pedir-expedientes.md" in english
    assert "1. " in english and "1. " in text  # a how-to's steps, in both languages


def test_an_english_only_guide_awaits_its_translation(cli, library):
    created = cli("new", "records", "--english-only", "--type", "topic", "--title", "Records: What to Ask For",
                  cwd=library)
    assert created.code == 0, created.err
    text = (library / "content/en/records-what-to-ask-for.md").read_text(encoding="utf-8")
    assert 'title: "Records: What to Ask For"' in text  # quoted: the colon would break YAML
    assert "awaiting_translation: true" in text and "language_switch" not in text
    checked = cli("check", "--no-cache", "--fail-on", "info", "--format", "json",
                  "content/en/records-what-to-ask-for.md", cwd=library)
    assert checked.code == 0, checked.out


def test_the_glossary_terms_of_the_title_are_suggested(cli, library):
    created = cli("new", "pwn-letter", "--title", "Asking for Prior Written Notice",
                  "--title-es", "Cómo pedir la notificación previa por escrito", cwd=library)
    assert "glossary: 'Prior Written Notice' is 'notificación previa por escrito' in Spanish" in created.out


def test_a_known_mistranslation_in_the_spanish_title_is_named(cli, library):
    created = cli("new", "plan-guide", "--title", "Your Child's Individualized Education Program",
                  "--title-es", "El Plan de Educación Individual de su hijo", cwd=library)
    assert "'Plan de Educación Individual', a known mistranslation" in created.out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["Bad_Id", "--title", "A title", "--title-es", "Un título"], "not a valid guide id"),
        (["ok-id", "--title", "A title"], "--title-es"),
        (["ok-id", "--title", "Same title", "--title-es", "Same title"], "translate it"),
        (["school-denies-iep", "--title", "Another", "--title-es", "Otra"], "already has id 'school-denies-iep'"),
        (["ok-id", "--title", "Meeting Survival Kit", "--title-es", "Otra guía"], "exists; nothing was written"),
    ],
)
def test_what_cannot_be_created_is_refused_before_anything_is_written(cli, library, args, words):
    before = sorted(p.relative_to(library) for p in (library / "content").rglob("*"))
    result = cli("new", *args, cwd=library)
    assert result.code == 2
    assert words in result.err
    assert sorted(p.relative_to(library) for p in (library / "content").rglob("*")) == before
