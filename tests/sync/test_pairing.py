"""PR001-PR006: pairing of English and Spanish guides."""

from __future__ import annotations

from sync_helpers import brief, related_lines


def test_pairing_findings(library):
    lib = library("pairing")
    found = lib.findings()
    assert brief(found) == {
        ("PR001", "content/en/only-english.md", 2),
        ("PR002", "content/es/huerfana.md", 2),
        ("PR003", "content/en/twin-two.md", 2),
        ("PR004", "content/es/tipo.md", 4),
        ("PR005", "content/es/tipo.md", 10),
        ("PR006", "content/en/flagged.md", 10),
        ("PR006", "content/es/marcada.md", 10),
    }
    by_code = {(f["code"], f["path"]): f for f in found}
    # the awaiting guide (waiting.md) is not reported; the duplicate points at the first twin
    assert related_lines(by_code["PR003", "content/en/twin-two.md"]) == [("content/en/twin-one.md", 2)]
    assert related_lines(by_code["PR004", "content/es/tipo.md"]) == [("content/en/typed.md", 4)]
    assert "missing waiting-guide" in by_code["PR005", "content/es/tipo.md"]["message"]
    assert "not in the English: orphan-guide" in by_code["PR005", "content/es/tipo.md"]["message"]
    assert by_code["PR001", "content/en/only-english.md"]["severity"] == "error"


def test_missing_translation_strictness_is_configurable(library):
    lib = library("pairing")
    lib.write(
        "pyproject.toml",
        '[tool.contentlint]\ncontent = "content"\nignore = ["PR022", "PR06"]\n\n'
        '[tool.contentlint.rules.missing-translation]\nseverity = "warning"\n',
    )
    (finding,) = [f for f in lib.findings("PR001")]
    assert finding["severity"] == "warning"
    run = lib.cli("check", "--select", "PR001", "--ignore", "PR001")
    assert run.code == 0


def test_awaiting_translation_silences_missing_translation(library):
    lib = library("pairing")
    lib.edit("content/en/only-english.md", "awaiting_translation: false", "awaiting_translation: true")
    assert lib.findings("PR001") == []


def test_related_order_option(library):
    lib = library("pairing")
    lib.edit("content/es/tipo.md", "related: [only-english, orphan-guide]", "related: [waiting-guide, only-english]")
    assert lib.findings("PR005") == []
    lib.write(
        "pyproject.toml",
        '[tool.contentlint]\ncontent = "content"\n\n[tool.contentlint.rules.related-guides-mismatch]\ncheck-order = true\n',
    )
    (finding,) = lib.findings("PR005")
    assert "another order" in finding["message"]


def test_clean_library_has_no_pairing_findings(library):
    lib = library("clean")
    assert lib.findings("PR00") == []
