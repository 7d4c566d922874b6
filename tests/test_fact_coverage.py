"""The timelines table covers what the guides say.

Every "number + days/years/business days" that sits near a legal process in a guide
(both languages, generated pages included) must be bound to a fact of
content/data/timelines.yaml (same value and unit, a keyword of the fact nearby), or
FC001 cannot check it and the table silently falls behind the text. A legal process
is any glossary term or variant, or any timeline keyword, in the same sentence, the
sentence before, or the heading of the section.
"""

from __future__ import annotations

import shutil

import pytest
from ruamel.yaml import YAML

from clitools import ROOT
from contentlint.content.documents import document_from_text
from contentlint.facts.coverage import TimelineFactKey, timed_statements

# Durations near a process that are not deadlines, each with the reason.
NOT_DEADLINES = {
    # The definition of "day" itself (34 CFR 300.11(a)), in the Glossary entry "calendar days".
    ("en/glossary.md", "a day"), ("en/glossary.md", "a calendar day"),
    ("es/glosario.md", "un día"), ("es/glosario.md", "un día calendario"),
}


def _data(name: str):
    return YAML(typ="safe").load((ROOT / "content/data" / name).read_text(encoding="utf-8"))


def _statements(lang: str):
    glossary, timelines = _data("glossary.yaml"), _data("timelines.yaml")
    processes = [term[lang]["term"] for term in glossary["terms"]]
    processes += [v for term in glossary["terms"] for v in term[lang].get("variants", [])]
    processes += [k for fact in timelines["facts"] for k in fact["keywords"][lang]]
    facts = [
        TimelineFactKey(f["id"], f["value"], f["unit"], tuple(k.lower() for k in f["keywords"][lang]))
        for f in timelines["facts"]
    ]
    for path in sorted((ROOT / "content" / lang).glob("*.md")):
        shown = f"{lang}/{path.name}"
        doc = document_from_text(f"content/{shown}", path.read_text(encoding="utf-8"))
        for block in doc.blocks:
            if block.kind in ("code", "html") or not block.plain:
                continue
            for statement in timed_statements(block.plain, lang, processes, facts, heading=block.section):
                yield shown, block.line, statement


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_timed_statement_is_bound_to_a_fact(lang):
    found = list(_statements(lang))
    unbound = [
        f"{path}:{line}: {s.text!r} near {', '.join(s.processes)}: {s.sentence}"
        for path, line, s in found
        if not s.bound_to and (path, s.text.lower()) not in NOT_DEADLINES
    ]
    assert not unbound, "\n".join(unbound)
    bound = [s for _, _, s in found if s.bound_to]
    assert len(bound) >= 15  # the guides state deadlines: a test that finds none is broken
    assert {fact for s in bound for fact in s.bound_to} >= {"initial-evaluation", "state-complaint-decision",
                                                           "due-process-filing", "resolution-period"}


def test_an_unknown_phrase_for_a_timed_process_is_reported():
    """The same sentence with a process phrase the table does not know is unbound."""
    facts = [TimelineFactKey("initial-evaluation", 60, "days", ("initial evaluation",))]
    [statement] = timed_statements("First evaluation: the school must finish it within 60 days.", "en",
                                   ["first evaluation", "initial evaluation"], facts)
    assert statement.bound_to == ()
    [statement] = timed_statements("Initial evaluation: the school must finish it within 60 days.", "en",
                                   ["first evaluation", "initial evaluation"], facts)
    assert statement.bound_to == ("initial-evaluation",)


def test_planted_first_evaluation_deadline_found_in_both_languages(cli, tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n')
    en = tmp_path / "content/en/parent-rights-card.md"
    es = tmp_path / "content/es/tarjeta-de-derechos-de-los-padres.md"
    plants = (
        (en, "- **First evaluation:** The school must finish it within 60 days",
         "- **First evaluation:** The school must finish it within 90 days"),
        # Only the guide's own phrase ("Primera evaluación"), without "evaluación inicial".
        (es, "- **Primera evaluación (evaluación inicial):** La escuela tiene 60 días",
         "- **Primera evaluación:** La escuela tiene 90 días"),
    )
    expected = set()
    for path, old, new in plants:
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1
        path.write_text(text.replace(old, new), encoding="utf-8")
        line = next(n for n, row in enumerate(new and path.read_text(encoding="utf-8").split("\n"), 1) if new in row)
        expected.add((path.relative_to(tmp_path).as_posix(), line))
    result = cli("check", "--select", "FC001", "--format", "json", cwd=tmp_path)
    assert result.code == 1
    found = {(f["path"], f["line"]) for f in result.findings()}
    assert found == expected
    for finding in result.findings():
        assert "90" in finding["message"] and "initial-evaluation: 60 days (34 CFR 300.301(c)(1))" in finding["message"]
