"""The tool in Spanish: translatable messages, hints and report text (babel, gettext).

Rules write ``msg("slug {slug!r} does not match the file name {stem!r}", slug=..., stem=...)``.
The result is the English text (a ``str``) that also remembers its template and
parameters, so a reporter can render it again in the UI language. ``pybabel
extract -k msg`` finds the templates; the Spanish catalog lives in
``locale/es/LC_MESSAGES/contentlint.po`` and is compiled to ``.mo`` when the
package is built (see ``scripts/i18n.py``). An installation without the ``.mo``
(an editable install) reads the ``.po`` directly.
"""

from __future__ import annotations

import gettext
import os
import re
import string
from functools import lru_cache
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "contentlint"
UI_LANGUAGES = ("en", "es")
_MTIME_SLACK = 2.0  # seconds


class Message(str):
    """English text that remembers the template and values it was made from."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:
        """Render ``template`` with ``params`` (str.format syntax)."""
        obj = super().__new__(cls, template.format(**params) if params else template)
        obj.template = template
        obj.params = params
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        # Messages cross process boundaries (parallel runs, the result cache).
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)


def msg(template: str, **params: Any) -> Message:
    """Mark a translatable message (pybabel extract keyword ``msg``)."""
    return Message(template, **params)


def ui_language(explicit: str | None = None) -> str:
    """The UI language: ``--ui-lang``, then CONTENTLINT_UI_LANG, then the locale."""
    for value in (explicit, os.environ.get("CONTENTLINT_UI_LANG")):
        if value:
            return _primary(value)
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = os.environ.get(name)
        if value:
            return _primary(value)
    return "en"


def _primary(value: str) -> str:
    code = value.split(":")[0].split(".")[0].replace("-", "_").split("_")[0].lower()
    return code if code in UI_LANGUAGES else "en"


@lru_cache(maxsize=4)
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog of ``lang`` (compiled .mo, else the .po read through babel)."""
    if lang == "en":
        return gettext.NullTranslations()
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    po = mo.with_suffix(".po")
    # An installed package has both files, unpacked a moment apart in either
    # order: a .mo is stale only when the .po was edited clearly after it.
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime - _MTIME_SLACK):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po.is_file():
        return _from_po(po)
    return gettext.NullTranslations()


def _from_po(po: Path) -> gettext.NullTranslations:
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def localize(text: str, lang: str) -> str:
    """``text`` in ``lang``: a Message is re-rendered from its translated template."""
    if lang == "en" or not text:
        return str(text)
    catalog = translations(lang)
    if not isinstance(text, Message):
        return catalog.gettext(str(text))
    template = text.template
    params = {key: localize(value, lang) if isinstance(value, Message) else value for key, value in text.params.items()}
    translated = catalog.gettext(template)
    try:
        return translated.format(**params) if params else translated
    except (KeyError, IndexError, ValueError):
        # A translation whose placeholders drifted from the English must never
        # crash a report: fall back to the English text.
        return str(text)


def ngettext(singular: str, plural: str, count: int, lang: str) -> str:
    """Plural-aware lookup (pybabel extract keyword ``ngettext:1,2``)."""
    return translations(lang).ngettext(singular, plural, count)


def _(text: str) -> str:
    """Mark a literal for extraction; translated later by ``localize``."""
    return text


def to_data(text: str) -> Any:
    """A JSON-able form of ``text`` that keeps a Message's template (for on-disk caches)."""
    if isinstance(text, Message):
        return {"t": text.template, "p": {key: to_data(value) for key, value in text.params.items()}}
    return text


# What the tool's own templates use after a colon (``{grade:.1f}``, ``{size:,}``,
# ``{share:.0%}``, ``{limit:g}``) and after an exclamation mark (``{id!r}``).
# A stored template is data read back from disk: anything else (a width of a
# billion characters, nested fields, attribute or index lookups) is refused.
_SAFE_SPEC_RE = re.compile(r",?(?:\.[0-9])?[dfg%]?")
_SAFE_CONVERSIONS = (None, "r", "s")
_MAX_TEMPLATE = 10_000
_PARAM_TYPES = (str, int, float, bool, type(None))


def check_template(template: str, params: dict[str, Any]) -> None:
    """Raise ValueError unless ``template`` renders ``params`` the way the tool's own templates do."""
    if not isinstance(template, str) or len(template) > _MAX_TEMPLATE:
        raise ValueError("a stored template is not a short string")
    for _literal, field, spec, conversion in string.Formatter().parse(template):
        if field is None:
            continue
        if not field.isidentifier() or field not in params:
            raise ValueError(f"a stored template has an unexpected field {field!r}")
        if conversion not in _SAFE_CONVERSIONS or (spec and not _SAFE_SPEC_RE.fullmatch(spec)):
            raise ValueError("a stored template has an unexpected format")


def from_data(data: Any, _depth: int = 0) -> Any:
    """The inverse of :func:`to_data`: a string, a number, None, or a checked Message.

    The data comes from a cache file, so it is checked like input: a template
    with a format the tool never writes, a parameter that is not a plain value
    or anything else raises ValueError (the caller treats the row as a miss).
    """
    if isinstance(data, dict):
        template, params = data.get("t"), data.get("p")
        if set(data) != {"t", "p"} or not isinstance(template, str) or not isinstance(params, dict):
            raise ValueError("a stored message is malformed")
        if _depth > 8:
            raise ValueError("a stored message is nested too deeply")
        values = {key: from_data(value, _depth + 1) for key, value in params.items()}
        check_template(template, values)
        try:
            return Message(template, **values)
        except (KeyError, IndexError, TypeError, AttributeError, OverflowError) as exc:
            raise ValueError(f"a stored message does not render: {exc}") from exc
    if not isinstance(data, _PARAM_TYPES):
        raise ValueError("a stored value is not a plain string or number")
    return data
