"""strip_accents' table fast path gives exactly what Unicode decomposition gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from contentlint.content.text import _strip_decomposed, strip_accents

LATIN = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x24F), max_size=60)
PIECES = ["\u0301", "\u0303", "\u0308", "n\u0303", "e\u0301", "«", "»", "“", "\u00a0", "ά", "ǘ", "ﬁ", "Ṅ", "ç"]
MIXED = st.lists(
    st.one_of(st.characters(min_codepoint=0x20, max_codepoint=0x24F), st.sampled_from(PIECES)), max_size=40
).map("".join)


@given(st.one_of(LATIN, MIXED), st.booleans())
def test_the_fast_path_equals_decomposition(text, keep_tilde):
    assert strip_accents(text, keep_tilde=keep_tilde) == _strip_decomposed(text, keep_tilde)


def test_spanish_examples():
    assert strip_accents("evaluación según él") == "evaluacion segun el"
    assert strip_accents("año, niño, Ñandú") == "año, niño, Ñandu"
    assert strip_accents("año", keep_tilde=False) == "ano"
    assert strip_accents("pingüino «sí»") == "pinguino «si»"
    assert strip_accents("e\u0301xito") == "exito"  # a combining accent typed separately
