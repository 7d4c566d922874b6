"""Staleness: sync marks, cosmetic vs meaningful English edits, masked changes."""

from __future__ import annotations

import pytest
from sync_helpers import brief, related_lines

EN = "content/en/school-denies-iep.md"
ES = "content/es/la-escuela-niega-un-iep.md"
STALE = ("PR020", "PR021")

INTRO = (
    "It is hard to hear that your child does not qualify for an Individualized Education Program (IEP). "
    "But a denial is a decision you can challenge. The Individuals with Disabilities Education Act (IDEA) "
    "gives you a clear path. The last three steps are options, not a ladder."
)
REFLOWED = (
    "It is hard to hear that your child does not qualify for an\n"
    "Individualized Education Program (IEP). But a denial is a decision\n"
    "you can challenge. The Individuals with Disabilities Education Act\n"
    "(IDEA) gives you a clear path. The last three steps are options, not a ladder."
)

# Ten cosmetic edits: none may make anything stale.
COSMETIC = [
    ("reflow", INTRO, REFLOWED),
    ("double spaces", "Mediation is a free, voluntary meeting", "Mediation  is a free,   voluntary meeting"),
    ("strong underscores", "**Get the denial in writing.**", "__Get the denial in writing.__"),
    ("emphasis underscores", "*any time*", "_any time_"),
    ("bullet stars", "- The state advisory", "* The state advisory"),
    ("ordered parenthesis", "\n1. ", "\n1) "),
    ("reference link", "[Prior Written Notice](prior-written-notice.md).", "[Prior Written Notice][pwn]."),
    ("trailing spaces", "Then you have options.", "Then you have options.   "),
    ("blank lines", "## Key dates\n", "\n\n## Key dates\n\n"),
    ("closing hashes", "## Get free help", "## Get free help ##"),
]


def _apply_cosmetic(lib) -> None:
    for name, old, new in COSMETIC:
        lib.edit(EN, old, new)
        if name == "bullet stars":  # a list marker change must cover the whole list
            lib.edit(EN, "- Public comments", "* Public comments")
            lib.edit(EN, "- A private", "* A private")
        if name == "ordered parenthesis":
            for number in "2345":
                lib.edit(EN, f"\n{number}. ", f"\n{number}) ")
        if name == "reference link":
            lib.write(EN, lib.read(EN) + "\n[pwn]: prior-written-notice.md\n")


def test_marked_pair_is_clean(library):
    lib = library("clean")
    assert {f["code"] for f in lib.findings()} == {"PR022"}
    lib.mark()
    assert lib.findings() == []
    assert lib.cli("sync", "status").code == 0


def test_ten_cosmetic_edits_make_nothing_stale(library):
    lib = library("clean")
    lib.mark()
    before = lib.read(EN)
    _apply_cosmetic(lib)
    assert lib.read(EN) != before
    assert lib.findings() == []
    status = lib.cli("sync", "status")
    assert status.code == 0, status.out
    assert "in sync" in status.out


@pytest.mark.parametrize("name,old,new", COSMETIC, ids=[c[0] for c in COSMETIC])
def test_each_cosmetic_edit_alone(library, name, old, new):
    lib = library("clean")
    lib.mark()
    lib.edit(EN, old, new)
    if name == "reference link":
        lib.write(EN, lib.read(EN) + "\n[pwn]: prior-written-notice.md\n")
    if name in ("bullet stars", "ordered parenthesis"):
        _apply_cosmetic_rest(lib, name)
    assert [f for f in lib.findings(*STALE)] == []


def _apply_cosmetic_rest(lib, name: str) -> None:
    if name == "bullet stars":
        lib.edit(EN, "- Public comments", "* Public comments")
        lib.edit(EN, "- A private", "* A private")
    else:
        for number in "2345":
            lib.edit(EN, f"\n{number}. ", f"\n{number}) ")


# Ten meaningful edits: (name, old, new, rule, a unique text of the Spanish line that must be reported,
# a unique text of the English line, a word that must show in the diff).
MEANINGFUL = [
    ("intro words", "gives you a clear path", "gives you a clear legal path", "PR020",
     "Es muy duro oír", "It is hard to hear", "{+legal+}"),
    ("heading words", "## Get free help", "## Get free help now", "PR020",
     "## Obtenga ayuda gratis", "## Get free help", "{+now+}"),
    ("step words", "with a neutral mediator", "with a trained mediator", "PR020",
     "3. **Considere", "3. **Consider", "[-neutral-] {+trained+}"),
    ("step number", "within 60 days", "within 90 days", "PR021",
     "4. **Presente", "4. **File", "[-60-] {+90+}"),
    ("link target", "https://www.parentcenterhub.org/find-your-center/", "https://www.parentcenterhub.org/find/",
     "PR021", "Cada estado tiene un Centro", "Every state has a Parent", "links: [-https://www.parentcenterhub.org/find-your-center/-]"),
    ("citation", "(34 CFR 300.502)", "(34 CFR 300.502(b))", "PR021",
     "2. **Pida una", "2. **Ask for", "{+300.502(b)).+}"),
    ("date", "due by March 2, 2026", "due by March 9, 2026", "PR021",
     "Los comentarios públicos", "Public comments", "[-2,-] {+9,+}"),
    ("question", "Is that final?", "Is that the final word?", "PR020",
     "### La escuela dijo", "### The school said", "[-final?-] {+the final word?+}"),
    ("answer words", "fits your problem.", "fits your family.", "PR020",
     "No. La mediación nunca", "No. Mediation is never", "[-problem.-] {+family.+}"),
    ("money", "cost $1,500 or more", "cost $2,000 or more", "PR021",
     "Una evaluación privada", "A private evaluation", "[-$1,500-] {+$2,000+}"),
]


@pytest.mark.parametrize("edit", MEANINGFUL, ids=[m[0] for m in MEANINGFUL])
def test_each_meaningful_edit_stales_exactly_its_spanish_block(library, edit):
    _name, old, new, code, es_text, en_text, diff = edit
    lib = library("clean")
    lib.mark()
    lib.edit(EN, old, new)
    stale = lib.findings(*STALE)
    assert brief(stale) == {(code, ES, lib.line_of(ES, es_text))}
    assert related_lines(stale[0]) == [(EN, lib.line_of(EN, en_text))]
    assert diff in stale[0]["detail"]
    status = lib.cli("sync", "status")
    assert status.code == 1 and diff in status.out


def test_ten_meaningful_edits_together(library):
    lib = library("clean")
    lib.mark()
    for _, old, new, *_ in MEANINGFUL:
        lib.edit(EN, old, new)
    stale = lib.findings(*STALE)
    expected = {(m[3], ES, lib.line_of(ES, m[4])) for m in MEANINGFUL}
    # the link target and the phone line are in the same Spanish paragraph; each block is reported once
    assert brief(stale) == expected
    assert len(stale) == len(expected)


def test_spanish_only_edit_does_not_clear_a_pending_english_change(library):
    lib = library("clean")
    lib.mark()
    lib.edit(EN, "within 60 days", "within 90 days")
    step = lib.line_of(ES, "4. **Presente")
    assert brief(lib.findings(*STALE)) == {("PR021", ES, step)}
    # a translator fixes a typo elsewhere in the same block, then in another block: still stale
    lib.edit(ES, "Debe presentarla dentro", "Usted debe presentarla dentro")
    lib.edit(ES, "Luego tiene opciones.", "Después tiene opciones.")
    assert brief(lib.findings(*STALE)) == {("PR021", ES, step)}
    # updating the Spanish is not enough either: only `sync mark` records the new English;
    # the facts agree now, so the error becomes a warning asking for the confirmation
    lib.edit(ES, "en un plazo de 60 días", "en un plazo de 90 días")
    assert brief(lib.findings(*STALE, "PR025")) == {("PR025", ES, step)}
    lib.mark("school-denies-iep")
    assert lib.findings(*STALE, "PR025") == []


def test_masked_change_between_marks_of_other_guides(library):
    lib = library("clean")
    lib.mark()
    lib.edit(EN, "with a neutral mediator", "with a trained mediator")
    lib.mark("prior-written-notice")  # marking another guide changes nothing here
    assert {f["code"] for f in lib.findings(*STALE)} == {"PR020"}


def test_added_english_block_is_missing_not_stale(library):
    lib = library("clean")
    lib.mark()
    lib.edit(EN, "three business days.\n", "three business days.\n6. **Keep records.** Write down every call.\n")
    findings = lib.findings("PR010", "PR020", "PR021")
    # the Spanish has no step 6: PR010 reports it after the last step, nothing is "stale"
    assert brief(findings) == {("PR010", ES, lib.line_of(ES, "5. **Solicite"))}
    assert related_lines(findings[0]) == [(EN, lib.line_of(EN, "6. **Keep records"))]
    # once the translator adds it, it is reported as added since the sync until marked
    lib.edit(ES, "3 días hábiles.\n", "3 días hábiles.\n6. **Guarde registros.** Anote cada llamada.\n")
    findings = lib.findings("PR010", "PR020", "PR021")
    assert brief(findings) == {("PR020", ES, lib.line_of(ES, "6. **Guarde"))}
    assert "added after the last sync" in findings[0]["message"]
    lib.mark("school-denies-iep")
    assert lib.findings("PR010", "PR020", "PR021") == []


def test_removed_english_block(library):
    lib = library("clean")
    lib.mark()
    lib.edit(EN, "- Public comments are due by March 2, 2026.\n", "")
    findings = lib.findings("PR011", "PR020", "PR021")
    assert brief(findings) == {("PR011", ES, lib.line_of(ES, "- Los comentarios"))}
    status = lib.cli("sync", "status", "--format", "json")
    changes = status.json()["pairs"][1]["changes"]
    assert [c["kind"] for c in changes] == ["removed"]


def test_moved_english_block_is_not_stale(library):
    lib = library("clean")
    lib.mark()
    text = lib.read(EN)
    entry = "### Do I have to try these steps in order?\n\nNo. Mediation is never required before a due process hearing. Pick the option that fits your problem.\n\n"
    lib.write(EN, text.replace(entry, "") + "\n" + entry)
    assert lib.findings(*STALE) == []
    # the Spanish now has the entry in another place than the English
    assert {f["code"] for f in lib.findings("PR010", "PR011", "PR012")} == {"PR012"}


def test_never_synced(library):
    lib = library("clean")
    found = lib.findings("PR022")
    es_id_line = lib.line_of(ES, "id: school-denies-iep")
    assert ("PR022", ES, es_id_line) in brief(found)
    status = lib.cli("sync", "status")
    assert status.code == 1
    assert "never marked in sync" in status.out


def test_invalid_sync_file(library):
    lib = library("clean")
    lib.mark()
    sync = "content/sync/school-denies-iep.yaml"
    lib.edit(sync, "text_fp: ", "text_fp: zz")
    lib.edit(EN, "neutral mediator", "trained mediator")  # the digest no longer matches: the file is parsed
    found = lib.findings("PR020", "PR021", "PR023")
    assert brief(found) == {("PR023", ES, lib.line_of(ES, "id: school-denies-iep"))}
    assert "blocks[0].text_fp is not a fingerprint" in found[0]["message"]
    assert related_lines(found[0]) == [(sync, 1)]
    lib.write(sync, "version: 1\nid: another-guide\nblocks: []\n")
    assert "records id 'another-guide'" in lib.findings("PR023")[0]["message"]
    lib.write(sync, "{ not yaml")
    assert lib.findings("PR023")[0]["code"] == "PR023"
    assert lib.cli("sync", "status").code == 1
