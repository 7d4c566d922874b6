"""The tool in Spanish, through the real CLI: --ui-lang es, a Spanish locale, the HTML report, the cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clitools import guide_text, run_process, write_project

# No locale from the machine running the tests: each test says what it wants.
NEUTRAL = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": "", "CONTENTLINT_UI_LANG": ""}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two English guides without translations: one with an unknown key, one with a bad type."""
    text = guide_text().replace("updated:", "tema: extra\nupdated:")
    other = guide_text(doc_id="second-guide", slug="second-guide", type="recipe")
    return write_project(tmp_path, {"content/en/sample-guide.md": text, "content/en/second-guide.md": other})


def check(project: Path, *args: str, **env: str) -> str:
    result = run_process(["check", "--no-cache", *args], project, **{**NEUTRAL, **env})
    assert result.code == 1, result.err
    return result.out


def test_english_is_the_default(project: Path) -> None:
    out = check(project)
    assert "SC005 unknown key 'tema'" in out
    assert "    hint: Remove the key, or check its spelling." in out
    assert "SC008 type: Input should be 'how-to', 'topic', 'faq', 'checklist', 'index' or 'reference' (got 'recipe')" in out
    assert out.splitlines()[-1] == "4 errors, 0 warnings in 2 files (2 files checked)."


def assert_spanish(out: str) -> None:
    assert "SC005 clave desconocida 'tema' [error: unknown-field]" in out
    assert "    sugerencia: Quite la clave o revise cómo está escrita." in out
    assert ("SC008 type: El valor debe ser 'how-to', 'topic', 'faq', 'checklist', 'index' o 'reference' (se recibió 'recipe') "
            "[error: invalid-value]") in out
    assert "    sugerencia: Use uno de los valores permitidos." in out
    assert "PR001 ninguna guía en español tiene el id 'sample-guide'" in out
    assert out.splitlines()[-1] == "4 errores, 0 advertencias en 2 archivos (2 archivos revisados)."
    assert "hint:" not in out


def test_ui_lang_flag_gives_spanish(project: Path) -> None:
    assert_spanish(check(project, "--ui-lang", "es"))


def test_spanish_locale_gives_spanish(project: Path) -> None:
    assert_spanish(check(project, LANG="es_US.UTF-8"))


def test_flag_beats_the_locale(project: Path) -> None:
    out = check(project, "--ui-lang", "en", LANG="es_US.UTF-8")
    assert "unknown key 'tema'" in out and "clave desconocida" not in out


def test_clean_summary_in_spanish(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"content/en/sample-guide.md": guide_text(awaiting_translation="true")})
    result = run_process(["check", "--no-cache", "--ui-lang", "es"], root, **NEUTRAL)
    assert result.code == 0, result.out + result.err
    assert result.out.strip().splitlines()[-1] == "Todo en orden: se revisó 1 archivo, sin problemas."


def test_machine_formats_stay_english(project: Path) -> None:
    result = run_process(["check", "--no-cache", "--ui-lang", "es", "--format", "json"], project, **NEUTRAL)
    messages = {f["message"] for f in result.findings()}
    assert "unknown key 'tema'" in messages


def test_report_html_in_spanish(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = run_process(["report", "--ui-lang", "es", "--out", str(out)], project, **NEUTRAL)
    assert result.code == 1, result.err
    assert "se escribió" in result.out
    page = (out / "contentlint-report.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in page
    assert "Informe de contentlint" in page and "Hallazgos" in page
    assert "clave desconocida &#x27;tema&#x27;" in page or "clave desconocida 'tema'" in page
    summary = (out / "contentlint-summary.md").read_text(encoding="utf-8")
    assert "| gravedad | dónde | regla | mensaje |" in summary
    english = run_process(["report", "--out", str(tmp_path / "en")], project, **NEUTRAL)
    assert english.code == 1
    assert '<html lang="en"' in (tmp_path / "en" / "contentlint-report.html").read_text(encoding="utf-8")


def test_messages_survive_the_result_cache(project: Path) -> None:
    first = run_process(["check", "--ui-lang", "es"], project, **NEUTRAL)
    second = run_process(["check", "--ui-lang", "es"], project, **NEUTRAL)
    assert first.out == second.out
    assert_spanish(second.out)
    english = run_process(["check"], project, **NEUTRAL)  # the same cache, read in English
    assert "unknown key 'tema'" in english.out and "clave desconocida" not in english.out
    assert (project / ".contentlint_cache").is_dir()


def test_a_cache_hit_is_localized(project: Path, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in NEUTRAL.items():
        monkeypatch.setenv(name, value)
    first = cli("check", "--ui-lang", "es", cwd=project)
    import contentlint.pipeline.run

    def no_run(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the second run must be answered from the result cache")

    monkeypatch.setattr(contentlint.pipeline.run, "run_check", no_run)
    second = cli("check", "--ui-lang", "es", cwd=project)
    assert second.out == first.out
    assert_spanish(second.out)
    english = cli("check", cwd=project)
    assert "SC005 unknown key 'tema'" in english.out
