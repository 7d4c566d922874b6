"""RD002 hard-sentence and RD003 long-sentence, in English and Spanish, at their lines."""

from __future__ import annotations

from rd_helpers import check, fixtures, project

from clitools import guide_text


def test_hard_sentences_english(cli, tmp_path) -> None:
    _, found = check(cli, fixtures(tmp_path, "en/dense.md", "en/plain.md"), "RD002")
    rows = [(f.file, f.line, f.column, f.severity, f.message.split(" ('")[0]) for f in found]
    assert rows == [
        ("en/dense.md", 12, 1, "warning", "very hard sentence: grade 29.2, 24 words"),
        ("en/dense.md", 16, 1, "warning", "very hard sentence: grade 26.3, 37 words"),
        ("en/dense.md", 18, 1, "warning", "very hard sentence: grade 21.3, 26 words"),
        ("en/dense.md", 22, 1, "warning", "very hard sentence: grade 28.8, 20 words"),
    ]
    # "Mediation is voluntary." (line 20) grades high but has 3 words: not graded.
    assert found[0].message.endswith("('The procedural safeguards notice describes the comprehensive administrative…')")
    assert found[0].hint.startswith("Split it into shorter sentences (one idea each), or use shorter, everyday words")


def test_hard_sentences_spanish_on_the_english_scale(cli, tmp_path) -> None:
    _, found = check(cli, fixtures(tmp_path, "es/densa.md", "es/sencilla.md"), "RD002")
    rows = [(f.file, f.line, f.severity, f.message.split(" ('")[0]) for f in found]
    assert rows == [
        ("es/densa.md", 12, "warning", "very hard sentence: grade 21.7 on the English scale (INFLESZ -13.4), 29 words"),
        ("es/densa.md", 16, "warning", "very hard sentence: grade 17.3 on the English scale (INFLESZ 8.5), 44 words"),
        ("es/densa.md", 18, "warning", "very hard sentence: grade 16.2 on the English scale (INFLESZ 14.2), 28 words"),
        ("es/densa.md", 22, "warning", "very hard sentence: grade 25.0 on the English scale (INFLESZ -30.0), 24 words"),
    ]


def test_hard_but_not_very_hard_is_a_note(cli, tmp_path) -> None:
    body = (
        "\nYou can ask the school to explain the evaluation results and the services it recommends.\n"  # 9.9
        "The district must provide an independent evaluation at public expense unless it files for a hearing.\n"
    )
    _, found = check(cli, project(tmp_path, {"en/g.md": guide_text(slug="g") + body}), "RD002")
    # 16 words, 29 syllables: 0.39 * 16 + 11.8 * 29 / 16 - 15.59 = 12.04
    assert [(f.line, f.column, f.severity, f.message.split(" ('")[0]) for f in found] == [
        (20, 1, "info", "hard sentence: grade 12.0, 16 words")
    ]


def test_only_the_hardest_are_reported(cli, tmp_path) -> None:
    config = "[tool.contentlint.rules.hard-sentence]\nmax-reports = 2\n"
    _, found = check(cli, fixtures(tmp_path, "en/dense.md", config=config), "RD002")
    assert [(f.line, f.message.split(", ")[0]) for f in found] == [
        (12, "very hard sentence: grade 29.2"),
        (22, "very hard sentence: grade 28.8"),
    ]
    assert found[1].detail == "2 more hard sentence(s) in this guide not shown (max-reports = 2)"


def test_hard_sentence_thresholds(cli, tmp_path) -> None:
    config = "[tool.contentlint.rules.RD002]\nmin-grade-en = 28\nmin-grade-es = 30\nvery-hard-grade = 29\n"
    _, found = check(cli, fixtures(tmp_path, "en/dense.md", "es/densa.md", config=config), "RD002")
    assert [(f.file, f.line, f.severity) for f in found] == [("en/dense.md", 12, "warning"), ("en/dense.md", 22, "info")]


def test_long_sentences_english(cli, tmp_path) -> None:
    code, found = check(cli, fixtures(tmp_path, "en/dense.md", "en/plain.md"), "RD003")
    assert code == 1
    rows = [(f.file, f.line, f.column, f.severity, f.message.split(" ('")[0]) for f in found]
    assert rows == [
        ("en/dense.md", 12, 1, "warning", "sentence has 24 words, more than 20"),
        ("en/dense.md", 16, 1, "error", "sentence has 37 words, more than 30"),
        ("en/dense.md", 18, 1, "warning", "sentence has 26 words, more than 20"),
        # line 22 has exactly 20 words: not over the limit
    ]
    assert found[0].hint == (
        "Split it into sentences of 20 words or fewer: one idea per sentence; turn a series of items into a list."
    )


def test_long_sentences_spanish(cli, tmp_path) -> None:
    _, found = check(cli, fixtures(tmp_path, "es/densa.md", "es/sencilla.md"), "RD003")
    rows = [(f.file, f.line, f.severity, f.message.split(" ('")[0]) for f in found]
    assert rows == [
        ("es/densa.md", 12, "warning", "sentence has 29 words, more than 25"),
        ("es/densa.md", 16, "error", "sentence has 44 words, more than 35"),
        ("es/densa.md", 18, "warning", "sentence has 28 words, more than 25"),
        # line 22 has 24 words: within the Spanish limit
    ]
    assert "sentences of 25 words or fewer" in found[0].hint


def test_long_sentence_column_and_line_inside_a_paragraph(cli, tmp_path) -> None:
    long = " ".join(["word"] * 21) + "."
    body = f"\nA short one.\nAnother short one. **{long[0].upper() + long[1:]}**\n"
    _, found = check(cli, project(tmp_path, {"en/g.md": guide_text(slug="g") + body}), "RD003")
    assert [(f.line, f.column, f.message.split(" ('")[0]) for f in found] == [
        (20, 22, "sentence has 21 words, more than 20")
    ]


def test_list_items_and_table_cells_are_sentences_of_their_own(cli, tmp_path) -> None:
    item = " ".join(["step"] * 12)
    body = f"\n- {item}\n- {item}\n\n| A | B |\n|---|---|\n| {item} | {item} |\n"
    code, found = check(cli, project(tmp_path, {"en/g.md": guide_text(slug="g") + body}), "RD003")
    assert (code, found) == (0, [])  # 12 words each, never joined into one 24-word sentence


def test_long_sentence_limits_are_options(cli, tmp_path) -> None:
    config = "[tool.contentlint.rules.long-sentence]\nmax-words-en = 25\nerror-words-en = 36\nmax-words-es = 28\n"
    _, found = check(cli, fixtures(tmp_path, "en/dense.md", "es/densa.md", config=config), "RD003")
    assert [(f.file, f.line, f.severity, f.message.split(" ('")[0]) for f in found] == [
        ("en/dense.md", 16, "error", "sentence has 37 words, more than 36"),
        ("en/dense.md", 18, "warning", "sentence has 26 words, more than 25"),
        ("es/densa.md", 12, "warning", "sentence has 29 words, more than 28"),
        ("es/densa.md", 16, "error", "sentence has 44 words, more than 35"),
    ]


def test_sentence_findings_can_be_suppressed_on_their_line(cli, tmp_path) -> None:
    long = " ".join(["word"] * 21)
    body = f"\n<!-- contentlint-disable-next-line RD003 -- a quoted definition -->\n{long.capitalize()}.\n"
    code, found = check(cli, project(tmp_path, {"en/g.md": guide_text(slug="g") + body}), "RD003")
    assert (code, found) == (0, [])
