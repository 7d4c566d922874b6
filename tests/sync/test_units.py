"""The sync machinery's small modules, tested directly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.bilingual.blocks import make_info
from contentlint.bilingual.inflection import (
    BREAK,
    PhraseIndex,
    en_key,
    es_key,
    key_spans,
    keys,
    phrase_keys,
)
from contentlint.bilingual.langid import detect
from contentlint.bilingual.marks import Mark
from contentlint.bilingual.staleness import compare
from contentlint.bilingual.text import normalize
from contentlint.bilingual.tokens import hard_tokens
from contentlint.bilingual.worddiff import word_diff
from contentlint.content.markdown.parse import parse_blocks
from contentlint.facts import numwords
from contentlint.facts.extract import extract_facts
from contentlint.facts.grammar import CITATION_RE, citation_key


def test_babel_locale_data_for_us_spanish():
    from babel.numbers import (
        format_decimal,
        get_decimal_symbol,
        get_group_symbol,
        parse_decimal,
    )

    assert format_decimal(1234.5, locale="en_US") == "1,234.5"
    assert format_decimal(1234.5, locale="es_US") == "1,234.5"  # US Spanish groups like English
    assert format_decimal(12345.5, locale="es_ES") == "12.345,5"  # Spain does not
    assert (get_group_symbol("es_US"), get_decimal_symbol("es_US")) == (",", ".")
    assert parse_decimal("1,500", locale="es_US") == Decimal(1500)


@pytest.mark.parametrize(
    "text,lang,key",
    [
        ("January 15, 2026", "en", (2026, 1, 15)),
        ("Jan. 15, 2026", "en", (2026, 1, 15)),
        ("15 January 2026", "en", (2026, 1, 15)),
        ("2026-01-15", "en", (2026, 1, 15)),
        ("1/15/2026", "en", (2026, 1, 15)),
        ("15 de enero de 2026", "es", (2026, 1, 15)),
        ("el 1.º de julio", "es", (None, 7, 1)),
        ("15/1/2026", "es", (2026, 1, 15)),
        ("enero de 2026", "es", (2026, 1, None)),
        ("15 de setiembre", "es", (None, 9, 15)),
    ],
)
def test_dates(text, lang, key):
    (date,) = extract_facts(text, (), lang).dates
    assert date.key == key and not date.problem


@pytest.mark.parametrize(
    "text,lang,problem",
    [
        ("31 de junio", "es", "June has 30 days"),
        ("February 30, 2026", "en", "February 2026 has 28 days"),
        ("29 de febrero de 2027", "es", "February 2027 has 28 days"),
        ("2026-13-01", "en", "there is no month 13"),
        ("Monday, January 15, 2026", "en", "that date is a Thursday, not a Monday"),
        ("lunes, 15 de enero de 2026", "es", "that date is a Thursday, not a Monday"),
    ],
)
def test_impossible_dates(text, lang, problem):
    (date,) = extract_facts(text, (), lang).dates
    assert problem in date.problem


def test_february_29_without_a_year_exists():
    assert not extract_facts("February 29", (), "en").dates[0].problem


@pytest.mark.parametrize(
    "en,es",
    [
        ("one year", "1 año"),
        ("three business days", "3 días hábiles"),
        ("60 calendar days", "60 días calendario"),
        ("10 school days", "diez días escolares"),
        ("twenty-one days", "21 días"),
        ("31 days", "treinta y un días"),
        ("two months", "2 meses"),
        ("a 60-day timeline", "un plazo de 60 días"),
        ("5 working days", "5 días laborables"),
    ],
)
def test_durations_agree(en, es):
    assert [f.key for f in extract_facts(en, (), "en").durations] == [f.key for f in extract_facts(es, (), "es").durations]


def test_business_days_are_not_days():
    assert extract_facts("3 business days", (), "en").durations[0].key != extract_facts("3 días", (), "es").durations[0].key


@pytest.mark.parametrize("value", range(32))
def test_number_words_0_to_31(value):
    english = {v: w for w, v in numwords.cardinals("en").items() if " " not in w}
    spanish = {v: w for w, v in numwords.cardinals("es").items() if " " not in w}
    if value in english:
        assert numwords.value_of(english[value], "en") == value
    assert numwords.value_of(spanish.get(value, ""), "es") == value or value == 31
    assert numwords.word_values(f"the {english.get(value, 'x')} things", "en").get(value, 0) >= (value in english)


def test_number_word_spellings():
    assert numwords.value_of("Twenty-One", "en") == 21
    assert numwords.value_of("veintiún", "es") == 21
    assert numwords.value_of("dieciséis", "es") == 16
    assert numwords.value_of("treinta y uno", "es") == 31
    assert numwords.word_values("el primer paso y treinta y una páginas", "es") == {1: 1, 31: 1}
    assert numwords.word_values("the first step", "en") == {1: 1}


def test_money_percent_time_and_locale_formats():
    en = extract_facts("It costs $1,500.50, or 15% at 3:30 PM.", (), "en")
    es = extract_facts("Cuesta 1,500.50 dólares, o 15 % a las 15:30.", (), "es")
    assert [f.key for f in en.numbers] == [f.key for f in es.numbers] == [("money", Decimal("1500.50")), ("percent", Decimal(15))]
    assert en.times[0].key[0] == es.times[0].key[0] == 930
    spain = extract_facts("Cuesta 1.234,5 dólares", (), "es")
    assert spain.numbers[0].problem  # not how es_US writes numbers


def test_citations_all_spellings_agree():
    spellings = ["34 CFR 300.503", "§300.503", "§ 300.503", "34 C.F.R. § 300.503", "34 CFR §300.503"]
    assert {citation_key(next(CITATION_RE.finditer(s))) for s in spellings} == {"300.503"}
    assert citation_key(next(CITATION_RE.finditer("§§ 300.151–300.153"))) == "300.151-300.153"
    assert citation_key(next(CITATION_RE.finditer("20 U.S.C. 1415(b)"))) == "usc:20:1415(b)"


def test_hard_tokens():
    tokens = hard_tokens("Call (800) 555-0142, see 34 CFR 300.503 and the IEPs of 1,500 kids.", ["a.md"])
    assert tokens == ["l:a.md", "c:300.503", "p:8005550142", "a:IEP", "n:1500"]


@pytest.mark.parametrize(
    "a,b",
    [
        ("evaluación", "evaluaciones"),
        ("independiente", "independientes"),
        ("público", "pública"),
        ("públicos", "publicas"),
        ("mediador", "mediadoras"),
        ("vez", "veces"),
        ("las", "el"),
    ],
)
def test_spanish_inflection_keys(a, b):
    assert es_key(a) == es_key(b)


def test_english_plural_keys():
    assert en_key("Evaluations") == en_key("evaluation")
    assert en_key("processes") == en_key("process")
    assert en_key("agencies") == en_key("agency")
    assert en_key("IEPs") == en_key("IEP")


def test_phrases_match_contiguous_and_longest_without_crossing_punctuation():
    index = PhraseIndex.build(
        [(phrase_keys("evaluation", "en"), "short"), (phrase_keys("Independent Educational Evaluation", "en"), "long")]
    )
    hits = index.find(keys("Ask for Independent Educational Evaluations and an evaluation.", "en"))
    assert [h.payload for h in hits] == ["long", "short"]
    assert BREAK in keys("Program (IEP) meeting", "en")
    meeting = PhraseIndex.build([(phrase_keys("IEP meeting", "en"), "x")])
    assert meeting.find(keys("Program (IEP) meeting", "en")) == []


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Keep every email, notice, and evaluation in one place.", "en"),
        ("Guarde cada correo electrónico, aviso y evaluación en un solo lugar.", "es"),
        ("Visite el sitio Parent Training and Information Center y pida ayuda.", "es"),
        ('La escuela le da el formulario "Request for a due process hearing" en la oficina.', "es"),
    ],
)
def test_language_detector(text, lang):
    assert detect(text).lang == lang


def test_language_detector_skips_short_text():
    assert detect("IDEA, IEP, FAPE (34 CFR 300.17).").lang is None
    assert detect("Paso a paso").lang is None


def test_word_diff():
    old = "You must file within 60 days of the problem and keep a copy of everything you send."
    new = "You must file within 90 days of the problem and keep a copy of everything you send."
    assert word_diff(old, new) == "You must file within [-60-] {+90+} days of the problem and keep …"
    assert word_diff("a b", "a c") == "a [-b-] {+c+}"


def _infos(markdown: str):
    return [make_info(i, b) for i, b in enumerate(parse_blocks(markdown, 1))]


def _marks(markdown: str) -> list[Mark]:
    return [
        Mark(i.kind, i.text_fingerprint(), i.token_fingerprint(), i.text, i.links, None, i.block.line)
        for i in _infos(markdown)
    ]


def test_compare_cosmetic_and_meaningful():
    original = "Some *text* here.\n\n- one item with [a link](https://x.org/a)\n- two\n"
    cosmetic = "Some _text_\nhere.  \n\n* one item with [a link][r]\n* two\n\n[r]: https://x.org/a\n"
    assert compare(_marks(original), _infos(cosmetic)) == []
    changed = compare(_marks(original), _infos("Some text here.\n\n- one item with [a link](https://x.org/b)\n- two\n"))
    assert [(c.kind, c.en_index) for c in changed] == [("facts", 1)]
    assert "links: [-https://x.org/a-] {+https://x.org/b+}" in changed[0].diff()
    reordered = compare(_marks(original), _infos("- one item with [a link](https://x.org/a)\n- two\n\nSome text here.\n"))
    assert reordered == []


_TEXT = st.text(alphabet=st.sampled_from(list("abcñéÉ IEP,.;:()¿?'’-—\"“”_0123456789\n\t")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(["en", "es"]))
def test_keys_and_key_spans_agree(text, lang):
    # PR040/PR041 find terms with keys() and report their text with key_spans(): same positions
    assert keys(text, lang) == [key for key, _, _ in key_spans(text, lang)]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_normalize_is_idempotent_and_ignores_spacing(text):
    once = normalize(text)
    assert normalize(once) == once
    assert normalize(text.replace(" ", "  \n ")) == once


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(max_size=60),
            st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20), max_size=3),
            st.one_of(st.none(), st.integers(0, 99)),
        ),
        max_size=4,
    )
)
def test_rendered_sync_files_read_back_exactly(blocks):
    from ruamel.yaml import YAML

    from contentlint.bilingual.marks import read_rendered, render

    values = {"version": 1, "id": "a-guide", "en": "content/en/a.md", "es": "content/es/b.md",
              "synced": "2026-11-28T05:29:20Z", "digest": "0123456789abcdef"}
    entries = []
    for text, links, es in blocks:
        entry = {"kind": "paragraph", "line": 3, "text_fp": "0" * 16, "token_fp": "f" * 16, "es": es, "text": text}
        if links:
            entry["links"] = links
        entries.append(entry)
    rendered = render(values, entries)
    expected = YAML(typ="safe").load(rendered)
    fast = read_rendered(rendered)
    assert fast is None or fast == expected  # None: the YAML parser reads it instead
    assert expected == {**values, "blocks": entries}


@pytest.mark.parametrize("fingerprint", ["1234567890123456", "12e4567890123456", "0e00000000000000", "abcdef0123456789"])
def test_fingerprints_that_look_like_numbers_stay_text(fingerprint):
    from ruamel.yaml import YAML

    from contentlint.bilingual.marks import read_rendered, render

    values = {"version": 1, "id": "g", "en": "a.md", "es": "b.md", "synced": "x", "digest": fingerprint}
    entry = {"kind": "paragraph", "line": 1, "text_fp": fingerprint, "token_fp": fingerprint, "es": 0, "text": "x"}
    rendered = render(values, [entry])
    assert YAML(typ="safe").load(rendered)["blocks"][0]["text_fp"] == fingerprint
    assert read_rendered(rendered) == {**values, "blocks": [entry]}


def test_code_spans_quotes_names_and_acronyms_are_not_counted():
    from contentlint.bilingual.langid import countable_words

    text = 'Pida el formulario due process hearing al IEP team de "Parent Center Hub" en la escuela.'
    source = 'Pida el formulario `due process hearing` al IEP team de "Parent Center Hub" en la escuela.'
    assert countable_words(text, source) == ["pida", "el", "formulario", "al", "team", "de", "en", "la", "escuela"]
