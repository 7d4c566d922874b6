"""LK0 rules (offline) through the real CLI, in English and Spanish: pass and fail for each."""

from __future__ import annotations

import builtins
import os

import pytest
from lk_support import found

# The appended body starts at line 18 (a blank line), so its first text line is 19.
CLEAN_EN = """
See [Prior Written Notice](prior-written-notice.md) and [the same guide by id](guide:pwn).
Read [how to ask](prior-written-notice.md#how-to-ask-for-it), [the steps](#steps) and [by id](guide:pwn#what-it-must-say).
Use the [Glossary](../data/glossary.yaml) and the [Library folder](../en/).
![The five steps, in order](images/steps.png)
<img src="images/steps.png" alt="The steps"> and <a href="prior-written-notice.md">a raw link</a>.
[Email the Parent Center](mailto:help@parentcenter.org?subject=IEP) or [call 211](tel:211) or [call us](tel:+1-800-555-0199).
[Find your Parent Center](https://www.parentcenterhub.org/find-your-center/) and [a local server](http://localhost:8000/).
`[not a link](nowhere.md)` and `<img src="nowhere.png">` are code.
"""

CLEAN_ES = """
## ¿Cómo pedirlo?

Vea [la notificación](notificacion-previa-por-escrito.md) y [cómo pedirla](notificacion-previa-por-escrito.md#cómo-pedirla).
Sin acentos también: [cómo pedirla](notificacion-previa-por-escrito.md#como-pedirla) y [niños](guide:pwn#niños-y-niñas), [ninos](guide:pwn#ninos-y-ninas).
En esta guía: [cómo pedirlo](#cómo-pedirlo), [como pedirlo](#como-pedirlo), [arriba](#top).
"""

ES_SWITCH = {"language_switch": '{label: "Prefer English? Read this guide", href: ../en/sample-guide.md}'}
EN_SWITCH = {"language_switch": '{label: "¿Prefiere español?", href: ../es/guia-de-muestra.md}'}


def test_a_clean_bilingual_library_passes(lint):
    result = lint(
        select="LK0,SC",  # SC: the front matter of the test itself must be valid
        en_body=CLEAN_EN,
        es_body=CLEAN_ES,
        en_front={**EN_SWITCH, "related": "[pwn, english-only]"},
        es_front={**ES_SWITCH, "related": "[pwn]"},
    )
    assert result.code == 0, result.out
    assert result.findings() == []


@pytest.mark.parametrize(
    ("en_body", "es_body", "expected", "hint"),
    [
        ("\nAsk for [PWN](prior-writen-notice.md).\n", "", [("LK001", "en", 19, 9)], "prior-written-notice.md"),
        ("\nAsk for [PWN](guide:prior-written).\n", "", [("LK001", "en", 19, 9)], "guide:pwn"),
        ("\nAsk for [PWN]().\n", "", [("LK001", "en", 19, 9)], "parentheses"),
        ("", "\nPida [la PWN](notificacion-previa.md).\n", [("LK001", "es", 19, 6)],
         "notificacion-previa-por-escrito.md"),
        ("", "\nLea [la guía](guide:english-only).\n", [("LK001", "es", 19, 5)], "translate"),
    ],
)
def test_broken_guide_link(lint, en_body, es_body, expected, hint):
    result = lint(en_body=en_body, es_body=es_body)
    assert found(result) == expected
    assert hint in result.findings()[0]["hint"]
    assert result.code == 1


def test_broken_guide_link_in_a_card(lint):
    card = "[{title: Lea la guía, text: Su primer paso., label: Lea la guía, href: notificacion.md}]"
    result = lint(es_front={"cards": card})
    assert found(result) == [("LK001", "es", 10, 79)]


@pytest.mark.parametrize(
    ("en_body", "es_body", "expected", "hint"),
    [
        ("\nSee [the Spanish guide](../es/notificacion-previa-por-escrito.md).\n", "",
         [("LK002", "en", 19, 5)], "prior-written-notice.md"),
        ("", "\nVea [la guía](../en/prior-written-notice.md).\n",
         [("LK002", "es", 19, 5)], "notificacion-previa-por-escrito.md"),
        ("", "\nVea [la guía en inglés](../en/english-only.md).\n",
         [("LK002", "es", 19, 5)], "no Spanish translation"),
    ],
)
def test_cross_language_link(lint, en_body, es_body, expected, hint):
    result = lint(en_body=en_body, es_body=es_body)
    assert found(result) == expected
    finding = result.findings()[0]
    assert hint in finding["hint"]
    assert finding["related"][0]["path"].startswith("content/")


def test_the_language_switch_may_cross_languages(lint):
    result = lint(en_front=EN_SWITCH, es_front=ES_SWITCH)
    assert found(result) == []


def test_cross_language_link_to_an_untranslated_guide_can_be_allowed(lint):
    body = "\nVea [la guía en inglés](../en/english-only.md).\n"
    config = "[tool.contentlint.rules.cross-language-link]\nallow-untranslated = true\n"
    assert found(lint(es_body=body, config=config)) == []
    # A guide that has a Spanish translation is still reported.
    body = "\nVea [la guía](../en/prior-written-notice.md).\n"
    assert found(lint(es_body=body, config=config)) == [("LK002", "es", 19, 5)]


@pytest.mark.parametrize(
    ("en_body", "es_body", "expected", "hint"),
    [
        ("\nRead [how to ask](prior-written-notice.md#how-to-ask).\n", "",
         [("LK003", "en", 19, 6)], "#how-to-ask-for-it"),
        ("\nRead [the steps](#step).\n", "", [("LK003", "en", 19, 6)], "#steps"),
        ("", "\nVea [cómo](notificacion-previa-por-escrito.md#cómo-pedir).\n",
         [("LK003", "es", 19, 5)], "#cómo-pedirla"),
        ("", "\nVea [cómo](guide:pwn#que-debe-decir).\n", [("LK003", "es", 19, 5)], "#niños-y-niñas"),
        ("", "\n## ¿Qué es un IEP?\n\nVea [qué es](#que-es-el-iep).\n", [("LK003", "es", 21, 5)], "#qué-es-un-iep"),
    ],
)
def test_broken_anchor(lint, en_body, es_body, expected, hint):
    result = lint(en_body=en_body, es_body=es_body)
    assert found(result) == expected
    assert hint in result.findings()[0]["hint"]


def test_repeated_headings_get_numbered_anchors(lint):
    body = "\n## Steps\n\nAgain.\n\nSee [the second](#steps-1) and [a third](#steps-2).\n"
    result = lint(en_body=body)
    assert found(result) == [("LK003", "en", 23, 32)]


@pytest.mark.parametrize(
    ("en_front", "es_front", "expected", "message"),
    [
        ({"related": "[pwn, dispute-option]"}, {}, [("LK004", "en", 10, 16)], "no guide has the related id"),
        ({}, {"related": "[pwn, english-only]"}, [("LK004", "es", 10, 16)], "has no Spanish version"),
    ],
)
def test_unknown_related_guide(lint, en_front, es_front, expected, message):
    result = lint(en_front=en_front, es_front=es_front)
    assert found(result) == expected
    assert message in result.findings()[0]["message"]


@pytest.mark.parametrize(
    ("en_body", "es_body", "expected"),
    [
        ("\n![The steps](images/stepz.png)\n", "", [("LK005", "en", 19, 1)]),
        ("\nThe <img src=\"images/missing.png\" alt=\"x\"> image.\n", "", [("LK005", "en", 19, 5)]),
        ("", "\nDescargue [la carta](cartas/modelo.pdf).\n", [("LK005", "es", 19, 11)]),
        ("", "\nUse el [glosario](../data/glosario.yaml).\n", [("LK005", "es", 19, 8)]),
    ],
)
def test_missing_linked_file(lint, en_body, es_body, expected):
    assert found(lint(en_body=en_body, es_body=es_body)) == expected


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("\n![x](../../../../../../../../etc/passwd)\n", "leaves the project"),
        ("\n[x](../../pyproject.toml)\n", "leaves the content folder"),
        ("\n[x](/etc/passwd)\n", "absolute path"),
        ("\n[x](<C:\\Windows\\win.ini>)\n", "absolute path"),
        ("\n[x](..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd)\n", "leaves the project"),
        ("\n<a href=\"..\\..\\..\\..\\..\\..\\etc\\passwd\">x</a>\n", "leaves the project"),
    ],
)
def test_link_outside_content_is_reported_and_never_opened(lint, monkeypatch, body, message):
    touched: list[str] = []
    real_lstat, real_stat, real_open = os.lstat, os.stat, builtins.open

    def spy(real):
        def wrapped(path, *args, **kwargs):
            touched.append(os.fspath(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path))
            return real(path, *args, **kwargs)

        return wrapped

    monkeypatch.setattr(os, "lstat", spy(real_lstat))
    monkeypatch.setattr(os, "stat", spy(real_stat))
    monkeypatch.setattr(builtins, "open", spy(real_open))
    result = lint(en_body=body, es_body=body.replace("[x]", "[y]"))
    monkeypatch.undo()
    assert found(result) == [("LK006", "en", 19, 1), ("LK006", "es", 19, 1)]
    assert message in result.findings()[0]["message"]
    assert not [p for p in touched if "passwd" in str(p) or "win.ini" in str(p)]


def test_link_outside_content_in_the_front_matter(lint):
    card = "[{title: Form, text: The form., label: Get it, href: ../../../etc/passwd}]"
    switch = {"language_switch": '{label: "¿Prefiere español?", href: /etc/passwd}'}
    result = lint(en_front={"cards": card, **switch})
    assert [c for c, *_ in found(result)] == ["LK006", "LK006"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symbolic_link_out_of_the_content_folder_is_not_followed(lint, tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"secret")
    (tmp_path / "content/en/images").mkdir(parents=True)
    os.symlink(outside, tmp_path / "content/en/images/evil.png")
    os.symlink("../images/steps.png", tmp_path / "content/en/images/good.png")
    body = "\n![evil](images/evil.png) ![good](images/good.png)\n"
    result = lint(en_body=body)
    assert found(result) == [("LK006", "en", 19, 1)]
    assert "symbolic link" in result.findings()[0]["message"]


@pytest.mark.parametrize(
    ("en_body", "es_body", "expected"),
    [
        ("\n[Email us](mailto:help@parentcenter)\n", "", [("LK007", "en", 19, 1)]),
        ("", "\n[Escríbanos](mailto:ayuda.centro.org)\n", [("LK007", "es", 19, 1)]),
        ("\n[Call us](tel:1-800-FLOWERS)\n", "", [("LK008", "en", 19, 1)]),
        ("", "\n[Llame](tel:12)\n", [("LK008", "es", 19, 1)]),
    ],
)
def test_invalid_mailto_and_tel(lint, en_body, es_body, expected):
    result = lint(en_body=en_body, es_body=es_body)
    assert found(result) == expected
    assert result.findings()[0]["severity"] == "error"


def test_a_phone_number_with_spaces_is_a_warning(lint):
    result = lint(es_body="\n[Llame](<tel:+1 800 555 0199>)\n")
    assert found(result) == [("LK008", "es", 19, 1)]
    assert result.findings()[0]["severity"] == "warning"
    assert result.code == 0


def test_insecure_link(lint):
    body = "\n[Parent Center](http://www.parentcenterhub.org/) and [old site](http://old.example.org/)\n"
    result = lint(
        en_body=body,
        es_body="\n[Centro](http://www.parentcenterhub.org/)\n",
        glossary_url="http://www.example.org/sample",
        config='[tool.contentlint.rules.insecure-link]\nallowed-hosts = ["*.example.org"]\n',
    )
    assert found(result) == [("LK009", "en", 19, 1), ("LK009", "es", 19, 1)]
    finding = result.findings()[0]
    assert finding["severity"] == "warning" and finding["hint"].startswith(
        "Use https://www.parentcenterhub.org/"
    )


def test_insecure_link_in_a_data_file(lint):
    result = lint(glossary_url="http://www.example.org/sample")
    assert found(result) == [("LK009", "data", 9, 49)]


def test_findings_are_suppressible_like_any_other(lint):
    body = "\n<!-- contentlint-disable-next-line LK001 -- renamed guide, fixed next week -->\nAsk for [PWN](prior-writen-notice.md).\n"
    assert found(lint(en_body=body)) == []


def test_the_bundled_library_passes(cli):
    from clitools import ROOT

    result = cli("check", "--no-cache", "--select", "LK", "--format", "json", cwd=ROOT)
    assert result.code == 0, result.out
    # Only the app card, whose address is pending (LK010, a warning that names it).
    assert [(f["code"], f["severity"], f["line"]) for f in result.findings()] == [("LK010", "warning", 19)] * 2
