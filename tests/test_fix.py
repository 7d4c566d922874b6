"""``contentlint fix``: the diff first, ``--apply`` writes, nothing else changes, check is clean after."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from clitools import ROOT, CliRunner, guide_text, write_project


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("CONTENTLINT_NO_CACHE", "1")
    monkeypatch.setenv("CONTENTLINT_UI_LANG", "en")
    return CliRunner(capsys, monkeypatch)


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("fix_bench", ROOT / "benchmarks" / "fix_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_planted_mistakes_in_the_bundled_library_are_all_fixed_and_nothing_else(cli: CliRunner, tmp_path: Path) -> None:
    bench = _bench()
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    content = tmp_path / "content"
    original = {p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*") if p.is_file()}
    texts = {name: data.decode("utf-8") for name, data in original.items()}
    plants, cache = bench.plan_plants(texts, 30)
    assert {p[0] for p in plants} >= {"SC009", "SC005", "LK001", "PR041", "PL001", "LK009", "LK103"}
    for name, text in bench.apply_plants(texts, plants).items():
        (content / name).write_bytes(text.encode("utf-8"))
    bench._write_link_cache(tmp_path, cache)
    planted = {p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*") if p.is_file()}

    shown = cli("fix", cwd=tmp_path)
    assert shown.code == 1
    assert "--- a/content/en/" in shown.out and "+awaiting_translation: false" in shown.out
    assert {p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*") if p.is_file()} == planted

    applied = cli("fix", "--apply", cwd=tmp_path)
    assert applied.code == 0, applied.err
    assert f"fixed {len(plants)} findings" in applied.out
    after = {p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*") if p.is_file()}
    assert after == original
    assert cli("check", cwd=tmp_path).code == 0
    assert cli("fix", cwd=tmp_path).out.strip() == "nothing to fix"


def test_select_applies_only_that_rule(cli: CliRunner, tmp_path: Path) -> None:
    text = guide_text(awaiting_translation="yes", last_reviwed="2026-11-20").replace("last_reviewed: 2026-11-20\n", "")
    write_project(tmp_path, {"content/en/sample-guide.md": text})
    result = cli("fix", "--apply", "--select", "SC009", cwd=tmp_path)
    assert result.code == 0
    written = (tmp_path / "content/en/sample-guide.md").read_text(encoding="utf-8")
    assert "awaiting_translation: true" in written and "last_reviwed:" in written
    cli("fix", "--apply", cwd=tmp_path)
    written = (tmp_path / "content/en/sample-guide.md").read_text(encoding="utf-8")
    assert "last_reviewed: 2026-11-20" in written and "last_reviwed" not in written


def test_crlf_newlines_and_bom_are_kept(cli: CliRunner, tmp_path: Path) -> None:
    text = guide_text(awaiting_translation="no")
    raw = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    write_project(tmp_path, {"content/en/sample-guide.md": raw})
    assert cli("fix", "--apply", cwd=tmp_path).code == 0
    assert (tmp_path / "content/en/sample-guide.md").read_bytes() == raw.replace(
        b"awaiting_translation: no\r\n", b"awaiting_translation: false\r\n")


def test_a_text_value_is_quoted_not_made_boolean(cli: CliRunner, tmp_path: Path) -> None:
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text(title="no")})
    cli("fix", "--apply", cwd=tmp_path)
    assert 'title: "no"\n' in (tmp_path / "content/en/sample-guide.md").read_text(encoding="utf-8")


def test_a_rename_onto_an_existing_key_is_not_offered(cli: CliRunner, tmp_path: Path) -> None:
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text(updatd="2026-11-21")})
    result = cli("fix", cwd=tmp_path)
    assert result.code == 0 and result.out.strip() == "nothing to fix"
    assert cli("check", cwd=tmp_path).code == 1  # the finding stays, for a person to decide


def test_broken_anchor_takes_the_single_did_you_mean(cli: CliRunner, tmp_path: Path) -> None:
    text = guide_text() + "\nSee [the steps](#step).\n"
    write_project(tmp_path, {"content/en/sample-guide.md": text})
    assert cli("fix", "--apply", cwd=tmp_path).code == 0
    assert "See [the steps](#steps).\n" in (tmp_path / "content/en/sample-guide.md").read_text(encoding="utf-8")


def test_http_is_not_changed_without_the_link_cache(cli: CliRunner, tmp_path: Path) -> None:
    text = guide_text() + "\nSee [the center](http://www.example.org/centers).\n"
    write_project(tmp_path, {"content/en/sample-guide.md": text})
    result = cli("fix", cwd=tmp_path)
    assert result.out.strip() == "nothing to fix"
    cli("fix", "--apply", cwd=tmp_path)
    assert (tmp_path / "content/en/sample-guide.md").read_text(encoding="utf-8") == text


def test_a_fix_whose_text_changed_since_the_check_is_not_applied(tmp_path: Path) -> None:
    from contentlint.findings import Edit, Finding, Fix, Location, Severity
    from contentlint.fixes.apply import apply_edits

    fix = Fix("Write false", (Edit("x.md", 1, 7, 1, 9, "no", "false"),))
    finding = Finding("SC009", "yaml11-boolean", Severity.ERROR, "m", Location("x.md", 1, 7), fix=fix)
    text, fixed, skipped = apply_edits("value: yes\n", [finding])
    assert text == "value: yes\n" and not fixed and skipped


def _spanish_project(root: Path, body: str, **fields: str) -> Path:
    shutil.copytree(ROOT / "content" / "data", root / "content" / "data")
    text = guide_text(doc_id="guia", lang="es", slug="guia", **fields).split("\n---\n", 1)[0] + "\n---\n\n" + body
    return write_project(root, {"content/es/guia.md": text})


def test_a_known_mistranslation_takes_the_glossary_term_with_its_inflection(cli: CliRunner, tmp_path: Path) -> None:
    body = ("## Pasos\n\n1. Pida una audición de debido proceso.\n2. Las audiciones de debido proceso son formales.\n"
            "\nAudición de debido proceso: así se llama.\n")
    _spanish_project(tmp_path, body, title='"Cómo pedir una audición de debido proceso"')
    result = cli("fix", "--apply", "--select", "PR041", cwd=tmp_path)
    assert result.code == 0, result.err
    written = (tmp_path / "content/es/guia.md").read_text(encoding="utf-8")
    assert "1. Pida una audiencia de debido proceso.\n" in written
    assert "2. Las audiencias de debido proceso son formales.\n" in written
    assert "\nAudiencia de debido proceso: así se llama.\n" in written
    assert 'title: "Cómo pedir una audiencia de debido proceso"\n' in written
    assert "PR041" not in cli("check", "--select", "PR041", cwd=tmp_path).out


def test_an_acronym_is_spelled_out_in_the_guides_language(cli: CliRunner, tmp_path: Path) -> None:
    body = "## Pasos\n\n1. Pida una copia del IEP a la escuela.\n2. Lea el IEP con calma.\n"
    _spanish_project(tmp_path, body)
    assert cli("fix", "--apply", "--select", "PL001", cwd=tmp_path).code == 0
    written = (tmp_path / "content/es/guia.md").read_text(encoding="utf-8")
    assert ("1. Pida una copia del Programa de Educación Individualizado (IEP, por sus siglas en inglés) a la escuela.\n"
            "2. Lea el IEP con calma.\n") in written


def test_an_english_article_is_made_to_agree_with_the_expansion(cli: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content" / "data", tmp_path / "content" / "data")
    text = guide_text().replace("An intro paragraph.", "You can ask for an IEE at no cost.")
    write_project(tmp_path, {"content/en/sample-guide.md": text})
    cli("fix", "--apply", "--select", "PL001", cwd=tmp_path)
    written = (tmp_path / "content/en/sample-guide.md").read_text(encoding="utf-8")
    assert "You can ask for an Independent Educational Evaluation (IEE) at no cost." in written


def test_an_acronym_inside_a_longer_word_or_code_is_not_expanded(cli: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content" / "data", tmp_path / "content" / "data")
    text = guide_text().replace("An intro paragraph.", "Bring all `IEP` notes and your IEPs.")
    write_project(tmp_path, {"content/en/sample-guide.md": text})
    assert "PL001 first use of IEP" in cli("check", "--select", "PL001", cwd=tmp_path).out
    assert cli("fix", "--select", "PL001", cwd=tmp_path).out.strip() == "nothing to fix"


def test_a_file_outside_the_content_folder_is_never_planned(tmp_path: Path) -> None:
    from contentlint.findings import Edit, Finding, Fix, Location, Severity
    from contentlint.fixes import plan_fixes

    (tmp_path / "content").mkdir()
    (tmp_path / "notes.md").write_text("value: no\n", encoding="utf-8")
    (tmp_path / "content" / "inside.md").write_text("value: no\n", encoding="utf-8")

    def finding(path: str) -> Finding:
        fix = Fix("Write false", (Edit(path, 1, 8, 1, 10, "no", "false"),))
        return Finding("SC009", "yaml11-boolean", Severity.ERROR, "m", Location(path, 1, 8), fix=fix)

    plans = plan_fixes([finding("notes.md"), finding("content/../notes.md"), finding("content/inside.md")],
                       tmp_path, tmp_path / "content")
    assert [plan.display for plan in plans] == ["content/inside.md"]
    assert plans[0].after == "value: false\n"


def test_a_guide_link_with_two_equally_near_guides_is_left_to_a_person(cli: CliRunner, tmp_path: Path) -> None:
    files = {
        "content/en/notice-one.md": guide_text("notice-one", slug="notice-one"),
        "content/en/notice-two.md": guide_text("notice-two", slug="notice-two"),
        "content/en/sample-guide.md": guide_text() + "\nSee [the notice](notice-on.md) and [that one](notice-tw.md).\n",
    }
    write_project(tmp_path, files)
    result = cli("fix", "--select", "LK001", cwd=tmp_path)
    assert "-See [the notice](notice-on.md) and [that one](notice-tw.md)." in result.out
    assert "+See [the notice](notice-one.md) and [that one](notice-two.md)." in result.out
    (tmp_path / "content/en/sample-guide.md").write_text(
        guide_text() + "\nSee [the notice](notice.md).\n", encoding="utf-8")
    result = cli("fix", "--select", "LK001", cwd=tmp_path)
    assert result.out.strip() == "nothing to fix"
    assert "LK001" in cli("check", "--select", "LK001", cwd=tmp_path).out
