"""Guarded sync marks (issue 14, item 8): the mark records the Spanish side too; both
sides updated together and agreeing is a PR025 warning, not a stale error; `sync mark`
lists what it clears, refuses while a pair error is open (unless --force), and marks
single blocks with --block."""

from __future__ import annotations

import re

from sync_helpers import Lib, brief

EN = "content/en/school-denies-iep.md"
ES = "content/es/la-escuela-niega-un-iep.md"
SYNC = "content/sync/school-denies-iep.yaml"
STALE = ("PR020", "PR021", "PR025")


def update_both(lib: Lib, spanish_days: str = "90") -> None:
    lib.edit(EN, "The state must decide within 60 days", "The state must decide within 90 days")
    lib.edit(ES, "en un plazo de 60 días", f"en un plazo de {spanish_days} días")


def test_both_sides_updated_and_agreeing_is_a_warning_asking_for_a_confirmation(library):
    lib = library("clean")
    lib.mark()
    update_both(lib)
    step = lib.line_of(ES, "4. **Presente")
    (found,) = lib.findings(*STALE)
    assert (found["code"], found["path"], found["line"]) == ("PR025", ES, step)
    assert found["severity"] == "warning"
    assert found["message"] == (
        "the English step 4 of “Step by step” changed since the last sync, and the Spanish changed too: "
        "confirm with `contentlint sync mark school-denies-iep`"
    )
    assert f"`contentlint sync mark school-denies-iep --block {step}`" in found["hint"]
    assert lib.cli("check").code == 0  # a warning: the pull request that updated both passes


def test_the_spanish_updated_wrongly_stays_an_error(library):
    lib = library("clean")
    lib.mark()
    update_both(lib, spanish_days="30")
    step = lib.line_of(ES, "4. **Presente")
    assert brief(lib.findings(*STALE, "PR030", "PR033")) >= {("PR021", ES, step)}
    assert "PR025" not in {f["code"] for f in lib.findings(*STALE)}


def test_a_mark_without_spanish_fingerprints_keeps_working(library):
    # A sync file written before `es_fp` existed: no PR023, and the old behaviour
    # (the stale error until `sync mark`), never a new error.
    lib = library("clean")
    lib.mark()
    lib.write(SYNC, re.sub(r"\n    es_fp: [^\n]*", "", lib.read(SYNC)))
    assert "es_fp" not in lib.read(SYNC)
    assert lib.findings() == []
    update_both(lib)
    step = lib.line_of(ES, "4. **Presente")
    assert brief(lib.findings()) == {("PR021", ES, step)}
    lib.mark("school-denies-iep")
    assert lib.findings() == []


def test_mark_lists_the_blocks_it_clears(library):
    lib = library("clean")
    lib.mark()
    update_both(lib)
    lib.edit(EN, "with a neutral mediator", "with a trained mediator")
    run = lib.mark("school-denies-iep")
    step3, step4 = lib.line_of(ES, "3. **Considere"), lib.line_of(ES, "4. **Presente")
    lines = run.out.splitlines()
    assert lines[0] == "updated content/sync/school-denies-iep.yaml: 20 English blocks marked in sync"
    assert lines[1].startswith(f"  cleared: {ES}:{step3}: step 3 of “Step by step”")
    assert lines[1].endswith(f": words changed (English line {lib.line_of(EN, '3. **Consider')})")
    assert lines[2].startswith(f"  cleared: {ES}:{step4}: step 4 of “Step by step”")
    assert ": facts changed, Spanish updated too (English line" in lines[2]
    assert len(lines) == 3


def test_mark_refuses_while_a_pair_error_is_open(library):
    lib = library("clean")
    lib.mark()
    update_both(lib, spanish_days="30")
    before = lib.read(SYNC)
    run = lib.cli("sync", "mark", "school-denies-iep")
    assert run.code == 1
    assert run.out == ""
    assert run.err.startswith(
        "contentlint: error: not marking 'school-denies-iep': 1 error(s) open on this pair; fix them "
        f"(`contentlint check {ES}`), or pass --force to mark anyway\n"
    )
    step = lib.line_of(ES, "4. **Presente")
    assert f"  {ES}:{step}:" in run.err and " PR033 " in run.err
    assert lib.read(SYNC) == before  # nothing cleared
    forced = lib.cli("sync", "mark", "school-denies-iep", "--force")
    assert forced.code == 0
    assert "note: marked with --force while 1 error(s) are open on this pair" in forced.err
    assert {f["code"] for f in lib.findings()} == {"PR033"}  # the disagreement itself is still reported


def test_mark_all_marks_the_clean_pairs_and_refuses_the_others(library):
    lib = library("clean")
    lib.mark()
    update_both(lib, spanish_days="30")
    run = lib.cli("sync", "mark", "--all")
    assert run.code == 1
    assert "not marking 'school-denies-iep'" in run.err
    assert "school-denies-iep.yaml" not in run.out
    assert "marked in sync" in run.out  # the other pairs


def test_mark_a_single_block(library):
    lib = library("clean")
    lib.mark()
    update_both(lib)
    lib.edit(EN, "with a neutral mediator", "with a trained mediator")
    step3, step4 = lib.line_of(ES, "3. **Considere"), lib.line_of(ES, "4. **Presente")
    assert brief(lib.findings(*STALE)) == {("PR020", ES, step3), ("PR025", ES, step4)}
    run = lib.mark("school-denies-iep", "--block", str(step4))
    assert run.out.splitlines()[0] == (
        "updated content/sync/school-denies-iep.yaml: 1 block(s) marked in sync, the others left as they were"
    )
    assert run.out.splitlines()[1].startswith(f"  cleared: {ES}:{step4}: step 4")
    assert brief(lib.findings(*STALE)) == {("PR020", ES, step3)}  # the other block is still pending
    # an English line names the block too
    lib.mark("school-denies-iep", "--block", f"en:{lib.line_of(EN, '3. **Consider')}")
    assert lib.findings(*STALE) == []
    assert lib.cli("sync", "status").code == 0


def test_block_that_is_not_stale_is_a_usage_error(library):
    lib = library("clean")
    lib.mark()
    update_both(lib)
    step4 = lib.line_of(ES, "4. **Presente")
    run = lib.cli("sync", "mark", "school-denies-iep", "--block", "1")
    assert run.code == 2
    assert run.err == (
        f"contentlint: error: --block 1: no stale block of {ES} there; stale blocks are at lines: {step4}\n"
    )
    assert lib.cli("sync", "mark", "school-denies-iep", "--block", "x:3").code == 2
    assert lib.cli("sync", "mark", "--all", "--block", str(step4)).code == 2


def test_block_needs_an_earlier_mark(library):
    lib = library("clean")
    run = lib.cli("sync", "mark", "school-denies-iep", "--block", "5")
    assert run.code == 2
    assert "has no usable mark yet: mark the whole guide first" in run.err
