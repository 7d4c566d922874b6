"""PR010-PR013: block alignment (missing, extra, reordered blocks; unusable alignment)."""

from __future__ import annotations

from sync_helpers import brief, related_lines

EN = "content/en/school-denies-iep.md"
ES = "content/es/la-escuela-niega-un-iep.md"


def test_missing_extra_and_reordered_blocks(library):
    lib = library("alignment")
    found = lib.findings()
    assert brief(found) == {
        # step 2 is missing: add it after the Spanish step 1
        ("PR010", ES, lib.line_of(ES, "1. **Pida la negativa")),
        # the whole "Key dates" section is missing: one finding, before the next Spanish section
        ("PR010", ES, lib.line_of(ES, "## Preguntas frecuentes")),
        ("PR011", ES, lib.line_of(ES, "Llame a la escuela todos los días")),
        ("PR012", ES, lib.line_of(ES, "### ¿Estos plazos")),
    }
    by_line = {(f["code"], f["line"]): f for f in found}
    step = by_line["PR010", lib.line_of(ES, "1. **Pida la negativa")]
    assert related_lines(step) == [(EN, lib.line_of(EN, "2. **Ask for an Independent"))]
    assert "step 2 of “Step by step”" in step["message"] and "after this block" in step["message"]
    section = by_line["PR010", lib.line_of(ES, "## Preguntas frecuentes")]
    assert related_lines(section) == [(EN, lib.line_of(EN, "## Key dates"))]
    assert "section “Key dates” and the 3 block(s) under it" in section["message"]
    extra = by_line["PR011", lib.line_of(ES, "Llame a la escuela todos los días")]
    assert related_lines(extra) == [(EN, lib.line_of(EN, "Every state has a Parent"))]
    moved = by_line["PR012", lib.line_of(ES, "### ¿Estos plazos")]
    assert related_lines(moved) == [(EN, lib.line_of(EN, "### Are these timelines"))]
    assert f"belongs after line {lib.line_of(ES, 'No. La mediación nunca')}" in moved["message"]
    # a move is not also missing + extra
    assert not any(f["code"] in ("PR010", "PR011") and "plazos" in f["message"] for f in found)


def test_reordered_step(library):
    lib = library("clean")
    text = lib.read(ES)
    step3 = text[text.index("3. **Considere") : text.index("4. **Presente")]
    step4 = text[text.index("4. **Presente") : text.index("5. **Solicite")]
    lib.write(ES, text.replace(step3 + step4, step4.replace("4.", "3.", 1) + step3.replace("3.", "4.", 1)))
    found = lib.findings("PR010", "PR011", "PR012")
    assert {f["code"] for f in found} == {"PR012"}
    (moved,) = found
    assert related_lines(moved)[0][0] == EN


def test_missing_faq_entry_in_spanish_is_one_finding(library):
    lib = library("clean")
    lib.edit(ES, "### ¿Tengo que seguir estos pasos en orden?\n\nNo. La mediación nunca es obligatoria antes de una audiencia de debido proceso. Elija la opción que mejor se ajuste a su problema.\n\n", "")
    (finding,) = lib.findings("PR010", "PR011", "PR012")
    assert finding["code"] == "PR010"
    assert finding["line"] == lib.line_of(ES, "### ¿Estos plazos")
    assert "FAQ entry “Do I have to try these steps in order?” and the 1 block(s) under it" in finding["message"]
    assert related_lines(finding) == [(EN, lib.line_of(EN, "### Do I have to try"))]


def test_extra_english_block_reported_in_spanish_file(library):
    lib = library("clean")
    lib.edit(EN, "## Get free help\n\n", "## Get free help\n\nYou are not alone.\n\n")
    (finding,) = lib.findings("PR010", "PR011")
    assert (finding["code"], finding["path"], finding["line"]) == ("PR010", ES, lib.line_of(ES, "## Obtenga ayuda"))
    assert related_lines(finding) == [(EN, lib.line_of(EN, "You are not alone."))]


def test_unaligned_translation(library):
    lib = library("unaligned")
    found = lib.findings()
    assert brief(found) == {("PR013", ES, lib.line_of(ES, "Esta guía explica"))}
    assert "block-level checks ran only on the 0 block pair(s) that share a citation, link or contact" in (
        found[0]["message"]
    )


def test_unaligned_translation_still_checks_the_blocks_that_stand_on_their_own(library):
    # The Spanish is mostly another text, but one step shares its citation with the
    # English step 4: its changed duration is still found (issue 14: PR013 must not make
    # the block checks give up in silence).
    lib = library("unaligned")
    lib.edit(ES, "Hable con la escuela.\n", "Hable con la escuela.\n\n4. **Presente una queja estatal.** El estado "
             "debe decidir en un plazo de 30 días (34 CFR 300.152(a)).\n")
    found = lib.findings()
    step = lib.line_of(ES, "4. **Presente")
    assert brief(found) == {("PR013", ES, lib.line_of(ES, "Esta guía explica")), ("PR033", ES, step)}
    (unaligned,) = [f for f in found if f["code"] == "PR013"]
    assert "ran only on the 1 block pair(s)" in unaligned["message"]


def test_alignment_pass(library):
    lib = library("clean")
    assert lib.findings("PR010", "PR011", "PR012", "PR013") == []
