"""Every message of the tool has a Spanish translation, and the catalogs follow the sources."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from catalog import placeholders, problems, source_messages, stale, untranslated


def test_sources_have_many_messages() -> None:
    # A sanity check of the extraction itself (keywords msg, _, ngettext:1,2).
    found = source_messages()
    assert len(found) > 400
    assert "hint:" in found and ("{count} error", "{count} errors") in found


def test_every_message_has_a_spanish_translation() -> None:
    missing = untranslated()
    assert not missing, "\n".join(missing)


def test_catalogs_are_up_to_date_with_the_sources() -> None:
    drift = stale()
    assert not drift, "run scripts/i18n.py update\n" + "\n".join(drift)


def test_placeholders_are_compared_by_name_conversion_and_format() -> None:
    assert placeholders("{a!r} {b:.1f} {{literal}}") == placeholders("{b:.1f} y {a!r}")
    assert placeholders("{a}") != placeholders("{a!r}")


def test_check_subcommand_agrees(tmp_path: Path) -> None:
    assert problems() == []
