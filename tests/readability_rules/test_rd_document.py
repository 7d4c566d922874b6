"""RD001 reading-level-too-high: limits (errors) and targets (warnings), per language and type."""

from __future__ import annotations

from rd_helpers import check, fixture, fixtures, project

ALL = ("en/plain.md", "en/middling.md", "en/dense.md", "es/sencilla.md", "es/intermedia.md", "es/densa.md")


def test_limits_and_targets_in_both_languages(cli, tmp_path) -> None:
    code, found = check(cli, fixtures(tmp_path, *ALL), "RD001")
    assert code == 1
    rows = [(f.file, f.line, f.column, f.severity, f.message) for f in found]
    assert rows == [
        ("en/dense.md", 5, 8, "error",
         ("reading grade 23.9 is above the limit of 8 for how-to guides "
         "(Flesch-Kincaid; 110 words, 22.0 words per sentence)")),
        ("en/middling.md", 5, 8, "warning",
         ("reading grade 7.5 is above the target of 6 for topic guides "
         "(Flesch-Kincaid; 102 words, 11.3 words per sentence)")),
        ("es/densa.md", 5, 8, "error",
         ("INFLESZ 5.7 (muy difícil) is below the minimum of 55 for how-to guides "
         "(Szigriszt-Pazos; 129 words, 25.8 words per sentence)")),
        ("es/intermedia.md", 5, 8, "warning",
         ("INFLESZ 61.7 (normal) is below the target of 65 for topic guides "
         "(Szigriszt-Pazos; 104 words, 11.6 words per sentence)")),
    ]


def test_hints_say_how_to_fix_and_detail_lists_the_hardest_sentences(cli, tmp_path) -> None:
    _, found = check(cli, fixtures(tmp_path, "en/dense.md", "es/densa.md"), "RD001")
    en, es = found
    assert en.hint == "Split sentences over 20 words and use shorter, everyday words to reach grade 6 or lower."
    assert es.hint == "Split sentences over 25 words and use shorter, everyday words to reach INFLESZ 65 or more."
    assert en.detail.splitlines()[1].startswith("line 12: grade 29.2, 24 words: The procedural safeguards")
    assert en.detail.splitlines()[0] == "hardest sentences:"
    assert es.detail.splitlines()[0] == "hardest sentences (grades on the English scale):"
    assert es.detail.splitlines()[1].startswith("line 22: grade 25.0, 24 words: Consecuentemente")


def test_plain_guides_pass(cli, tmp_path) -> None:
    code, found = check(cli, fixtures(tmp_path, "en/plain.md", "es/sencilla.md"), "RD001")
    assert (code, found) == (0, [])


def test_short_guides_are_not_gated(cli, tmp_path) -> None:
    dense = fixture("en/dense.md")
    short = dense[: dense.index("## Details")]  # one 24-word sentence: grade 29, 24 words
    code, found = check(cli, project(tmp_path, {"en/dense.md": short}), "RD001")
    assert (code, found) == (0, [])
    config = "[tool.contentlint.rules.RD001]\nmin-words = 20\n"
    _, found = check(cli, project(tmp_path, {"en/dense.md": short}, config), "RD001")
    assert [(f.line, f.message.split(" (")[0]) for f in found] == [
        (5, "reading grade 29.2 is above the limit of 8 for how-to guides")
    ]


def test_thresholds_per_content_type(cli, tmp_path) -> None:
    config = (
        "[tool.contentlint.rules.reading-level-too-high]\n"
        "per-type = {topic = {target-grade-en = 8, target-inflesz-es = 60}, how-to = {max-grade-en = 30}}\n"
    )
    _, found = check(cli, fixtures(tmp_path, *ALL, config=config), "RD001")
    rows = [(f.file, f.severity, f.message.split(" (")[0]) for f in found]
    assert rows == [
        # how-to: limit 30, target still 6 -> a warning now
        ("en/dense.md", "warning", "reading grade 23.9 is above the target of 6 for how-to guides"),
        ("es/densa.md", "error", "INFLESZ 5.7"),
        # topic: targets 8 (en) and 60 (es): 7.5 and 61.7 pass
    ]


def test_rule_wide_thresholds_per_language(cli, tmp_path) -> None:
    config = "[tool.contentlint.rules.RD001]\ntarget-grade-en = 8\nmin-inflesz-es = 4\ntarget-inflesz-es = 55\n"
    _, found = check(cli, fixtures(tmp_path, *ALL, config=config), "RD001")
    assert [(f.file, f.severity, f.message.split(" (")[0]) for f in found] == [
        ("en/dense.md", "error", "reading grade 23.9 is above the limit of 8 for how-to guides"),
        ("es/densa.md", "warning", "INFLESZ 5.7"),
    ]


def test_configured_severity_applies_to_both_tiers(cli, tmp_path) -> None:
    config = '[tool.contentlint.rules.RD001]\nseverity = "info"\n'
    code, found = check(cli, fixtures(tmp_path, "en/dense.md", "en/middling.md", config=config), "RD001")
    assert code == 0 and [f.severity for f in found] == ["info", "info"]


def test_unknown_content_type_is_a_config_error(cli, tmp_path) -> None:
    fixtures(tmp_path, "en/plain.md", config="[tool.contentlint.rules.RD001]\nper-type = {howto = {max-grade-en = 9}}\n")
    result = cli("check", "--no-cache", "--select", "RD001", cwd=tmp_path)
    assert result.code == 2 and "per-type" in result.err


def test_suppressed_for_a_guide(cli, tmp_path) -> None:
    text = fixture("en/dense.md") + "\n<!-- contentlint-disable-file RD001 -- quoted legal summary -->\n"
    code, found = check(cli, project(tmp_path, {"en/dense.md": text}), "RD001")
    assert (code, found) == (0, [])
