"""Validate documents against the pydantic models; map errors to file positions."""

from __future__ import annotations

import difflib
from typing import Any

from contentlint.documents import Document
from contentlint.sources import LoadProblem

# pydantic error type -> our rule code. Everything else is an invalid value.
_MISSING = "SC006"
_UNKNOWN = "SC005"
_WRONG_TYPE = "SC007"
_INVALID = "SC008"
_TYPE_ERRORS = frozenset(
    {
        "string_type",
        "int_type",
        "int_parsing",
        "float_type",
        "float_parsing",
        "bool_type",
        "bool_parsing",
        "list_type",
        "dict_type",
        "model_type",
        "model_attributes_type",
        "date_type",
        "int_from_float",
    }
)
_HINTS = {
    "missing": "Add the key; `contentlint explain SC006` lists what each type needs.",
    "string_type": "Write this value as text; quote it if it looks like a number or a date.",
    "list_type": "Write a YAML list: [a, b] or one '- item' per line.",
    "dict_type": "Write a mapping of keys to values here.",
    "model_type": "Write a mapping of keys to values here.",
    "bool_parsing": "Use true or false.",
    "bool_type": "Use true or false.",
    "literal_error": "Use one of the allowed values.",
    "string_pattern_mismatch": "Use lower-case letters, digits and single hyphens, e.g. prior-written-notice.",
    "date_from_datetime_parsing": "Use a real calendar date written YYYY-MM-DD.",
    "date_parsing": "Use a real calendar date written YYYY-MM-DD.",
    "date_type": "Use a real calendar date written YYYY-MM-DD.",
}


def validate_document(doc: Document) -> None:
    """Validate ``doc`` in place: sets ``doc.model`` or ``doc.schema_problems``."""
    from pydantic import ValidationError

    if not doc.usable:
        return
    data = doc.data
    model_class = _model_for(doc)
    if not isinstance(data, dict):
        doc.schema_problems.append(
            LoadProblem(
                _WRONG_TYPE,
                "front matter must be a mapping of keys to values",
                *doc.position(()),
                hint="Write 'key: value' lines between the '---' fences.",
            )
        )
        return
    if model_class is None:
        doc.schema_problems.append(_unknown_data_type(doc))
        return
    try:
        doc.model = model_class.model_validate(data)
    except ValidationError as exc:
        # A value the loader refused (a tag, an alias) is already reported;
        # don't report its emptiness again as a wrong type.
        refused = [p.loc for p in doc.problems if p.code == "SC011"]
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            if any(loc[: len(r)] == r for r in refused):
                continue
            doc.schema_problems.append(_problem_from_error(doc, model_class, error))


def _model_for(doc: Document) -> Any:
    from contentlint.schema.models import DATA_MODELS, GuideFrontMatter

    if doc.kind == "guide":
        return GuideFrontMatter
    return DATA_MODELS.get(str(doc.front.get("type")))


def _unknown_data_type(doc: Document) -> LoadProblem:
    from contentlint.schema.models import DATA_MODELS

    declared = doc.front.get("type")
    loc = ("type",) if "type" in doc.front else ()
    allowed = ", ".join(sorted(DATA_MODELS))
    what = f"unknown data file type {declared!r}" if declared is not None else "data file has no 'type'"
    return LoadProblem(
        _MISSING if declared is None else _INVALID,
        f"{what}; expected one of: {allowed}",
        *doc.position(loc),
        hint=f"Set 'type:' to one of {allowed}.",
        loc=loc,
    )


def display_loc(loc: tuple[Any, ...]) -> str:
    """``('cards', 0, 'href')`` -> ``cards[0].href`` (pydantic's own convention)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(front matter)"


def _problem_from_error(doc: Document, model_class: Any, error: Any) -> LoadProblem:
    kind = error["type"]
    loc = tuple(error["loc"])
    where = display_loc(loc)
    if kind == "missing":
        parent = loc[:-1]
        line, column = doc.position(parent) if parent else _fence_position(doc)
        return LoadProblem(
            _MISSING, f"missing required key {where!r}", line, column, _HINTS["missing"], loc
        )
    if kind == "extra_forbidden":
        line, column = doc.position(loc)
        suggestion = _did_you_mean(model_class, loc)
        hint = f"Did you mean {suggestion!r}?" if suggestion else "Remove the key, or check its spelling."
        return LoadProblem(_UNKNOWN, f"unknown key {where!r}", line, column, hint, loc)
    line, column = doc.value_position(loc)
    code = _WRONG_TYPE if kind in _TYPE_ERRORS else _INVALID
    value = error.get("input")
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    message = f"{where}: {error['msg'].rstrip('.')} (got {shown})"
    hint = _HINTS.get(kind, "Correct the value.")
    if kind == "string_pattern_mismatch" and not _is_identifier(loc):
        hint = f"Write a value matching {error.get('ctx', {}).get('pattern', 'the pattern')}."
    return LoadProblem(code, message, line, column, hint, loc)


def _is_identifier(loc: tuple[Any, ...]) -> bool:
    names = [part for part in loc if isinstance(part, str)]
    return bool(names) and names[-1] in ("id", "slug", "related", "term")


def _fence_position(doc: Document) -> tuple[int, int]:
    # A missing top-level key points at the opening fence of a guide, or at the
    # data file's first key.
    return (1, 1)


def _did_you_mean(model_class: Any, loc: tuple[Any, ...]) -> str | None:
    fields = _fields_at(model_class, loc[:-1])
    matches = difflib.get_close_matches(str(loc[-1]), fields, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _fields_at(model_class: Any, parent: tuple[Any, ...]) -> list[str]:
    from pydantic import BaseModel

    current = model_class
    for part in parent:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None or not issubclass(current, BaseModel):
            return []
    return list(current.model_fields)


def _inner_model(annotation: Any) -> Any:
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
