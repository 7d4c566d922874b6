"""Validate documents against the pydantic models; map errors to file positions."""

from __future__ import annotations

import difflib
from typing import Any

from contentlint.content.documents import Document
from contentlint.content.read import LoadProblem
from contentlint.i18n import msg

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
    "missing": msg("Add the key; `contentlint explain SC006` lists what each type needs."),
    "string_type": msg("Write this value as text; quote it if it looks like a number or a date."),
    "list_type": msg("Write a YAML list: [a, b] or one '- item' per line."),
    "dict_type": msg("Write a mapping of keys to values here."),
    "model_type": msg("Write a mapping of keys to values here."),
    "bool_parsing": msg("Use true or false."),
    "bool_type": msg("Use true or false."),
    "literal_error": msg("Use one of the allowed values."),
    "string_pattern_mismatch": msg("Use lower-case letters, digits and single hyphens, e.g. prior-written-notice."),
    "date_from_datetime_parsing": msg("Use a real calendar date written YYYY-MM-DD."),
    "date_parsing": msg("Use a real calendar date written YYYY-MM-DD."),
    "date_type": msg("Use a real calendar date written YYYY-MM-DD."),
}

# pydantic error type -> our translatable rendering of pydantic's English text
# (the same words, so English output does not change). A template whose English
# differs from pydantic's msg (a new pydantic wording) falls back to pydantic's text.
_PYDANTIC_TEXTS: dict[str, Any] = {
    "string_type": lambda ctx: msg("Input should be a valid string"),
    "int_type": lambda ctx: msg("Input should be a valid integer"),
    "int_parsing": lambda ctx: msg("Input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": lambda ctx: msg("Input should be a valid integer, got a number with a fractional part"),
    "float_type": lambda ctx: msg("Input should be a valid number"),
    "float_parsing": lambda ctx: msg("Input should be a valid number, unable to parse string as a number"),
    "bool_type": lambda ctx: msg("Input should be a valid boolean"),
    "bool_parsing": lambda ctx: msg("Input should be a valid boolean, unable to interpret input"),
    "list_type": lambda ctx: msg("Input should be a valid list"),
    "dict_type": lambda ctx: msg("Input should be a valid dictionary"),
    "model_type": lambda ctx: msg(
        "Input should be a valid dictionary or instance of {class_name}", class_name=ctx.get("class_name", "")
    ),
    "model_attributes_type": lambda ctx: msg("Input should be a valid dictionary or object to extract fields from"),
    "literal_error": lambda ctx: msg("Input should be {expected}", expected=_or_list(ctx.get("expected", ""))),
    "string_pattern_mismatch": lambda ctx: msg("String should match pattern '{pattern}'", pattern=ctx.get("pattern")),
    "string_too_short": lambda ctx: (
        msg("String should have at least {min_length} character", min_length=ctx.get("min_length"))
        if ctx.get("min_length") == 1
        else msg("String should have at least {min_length} characters", min_length=ctx.get("min_length"))
    ),
    "string_too_long": lambda ctx: (
        msg("String should have at most {max_length} character", max_length=ctx.get("max_length"))
        if ctx.get("max_length") == 1
        else msg("String should have at most {max_length} characters", max_length=ctx.get("max_length"))
    ),
    "too_short": lambda ctx: (
        msg("{field_type} should have at least {min_length} item after validation, not {actual_length}",
            field_type=_field_type(ctx), min_length=ctx.get("min_length"), actual_length=ctx.get("actual_length"))
        if ctx.get("min_length") == 1
        else msg("{field_type} should have at least {min_length} items after validation, not {actual_length}",
                 field_type=_field_type(ctx), min_length=ctx.get("min_length"),
                 actual_length=ctx.get("actual_length"))
    ),
    "too_long": lambda ctx: (
        msg("{field_type} should have at most {max_length} item after validation, not {actual_length}",
            field_type=_field_type(ctx), max_length=ctx.get("max_length"), actual_length=ctx.get("actual_length"))
        if ctx.get("max_length") == 1
        else msg("{field_type} should have at most {max_length} items after validation, not {actual_length}",
                 field_type=_field_type(ctx), max_length=ctx.get("max_length"),
                 actual_length=ctx.get("actual_length"))
    ),
    "greater_than": lambda ctx: msg("Input should be greater than {gt}", gt=ctx.get("gt")),
    "greater_than_equal": lambda ctx: msg("Input should be greater than or equal to {ge}", ge=ctx.get("ge")),
    "less_than_equal": lambda ctx: msg("Input should be less than or equal to {le}", le=ctx.get("le")),
    "date_type": lambda ctx: msg("Input should be a valid date"),
    "date_parsing": lambda ctx: msg(
        "Input should be a valid date in the format YYYY-MM-DD, {error}", error=_date_error(ctx.get("error", ""))
    ),
    "date_from_datetime_parsing": lambda ctx: msg(
        "Input should be a valid date or datetime, {error}", error=_date_error(ctx.get("error", ""))
    ),
}

# speedate's reasons, as pydantic puts them in ctx["error"].
_DATE_ERRORS = {
    "input is too short": msg("input is too short"),
    "input is too long": msg("input is too long"),
    "invalid character in year": msg("invalid character in year"),
    "invalid character in month": msg("invalid character in month"),
    "invalid character in day": msg("invalid character in day"),
    "invalid date separator, expected `-`": msg("invalid date separator, expected `-`"),
    "month value is outside expected range of 1-12": msg("month value is outside expected range of 1-12"),
    "day value is outside expected range": msg("day value is outside expected range"),
    "invalid datetime separator, expected `T`, `t`, `_` or space": msg(
        "invalid datetime separator, expected `T`, `t`, `_` or space"
    ),
    "unexpected extra characters at the end of the input": msg("unexpected extra characters at the end of the input"),
}


def _date_error(text: Any) -> Any:
    return _DATE_ERRORS.get(str(text), str(text))


def _field_type(ctx: dict[str, Any]) -> Any:
    names = {"List": msg("List"), "Value": msg("Value"), "Tuple": msg("Tuple"), "Set": msg("Set")}
    value = str(ctx.get("field_type", "Value"))
    return names.get(value, value)


def _or_list(expected: Any) -> Any:
    """pydantic's ``'a', 'b' or 'c'`` with a translatable "or"."""
    text = str(expected)
    head, sep, last = text.rpartition(" or ")
    if not sep:
        return text
    return msg("{values} or {last}", values=head, last=last)


def _pydantic_text(error: Any) -> Any:
    """Our translatable text for a pydantic error, or pydantic's English for rare types."""
    english = str(error["msg"]).rstrip(".")
    build = _PYDANTIC_TEXTS.get(error["type"])
    if build is not None:
        try:
            text = build(error.get("ctx") or {})
        except (KeyError, ValueError, TypeError):
            return english
        if str(text) == english:
            return text
    return english


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
                msg("front matter must be a mapping of keys to values"),
                *doc.position(()),
                hint=msg("Write 'key: value' lines between the '---' fences."),
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
    if declared is not None:
        message = msg("unknown data file type {type!r}; expected one of: {allowed}", type=declared, allowed=allowed)
    else:
        message = msg("data file has no 'type'; expected one of: {allowed}", allowed=allowed)
    return LoadProblem(
        _MISSING if declared is None else _INVALID,
        message,
        *doc.position(loc),
        hint=msg("Set 'type:' to one of {allowed}.", allowed=allowed),
        loc=loc,
    )


def display_loc(loc: tuple[Any, ...]) -> str:
    """``('cards', 0, 'href')`` -> ``cards[0].href`` (pydantic's own convention)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or msg("(front matter)")


def _problem_from_error(doc: Document, model_class: Any, error: Any) -> LoadProblem:
    kind = error["type"]
    loc = tuple(error["loc"])
    where = display_loc(loc)
    if kind == "missing":
        parent = loc[:-1]
        line, column = doc.position(parent) if parent else _fence_position(doc)
        return LoadProblem(
            _MISSING, msg("missing required key {key!r}", key=where), line, column, _HINTS["missing"], loc
        )
    if kind == "extra_forbidden":
        line, column = doc.position(loc)
        suggestion = _did_you_mean(model_class, loc)
        hint = (msg("Did you mean {key!r}?", key=suggestion) if suggestion
                else msg("Remove the key, or check its spelling."))
        return LoadProblem(_UNKNOWN, msg("unknown key {key!r}", key=where), line, column, hint, loc)
    line, column = doc.value_position(loc)
    code = _WRONG_TYPE if kind in _TYPE_ERRORS else _INVALID
    value = error.get("input")
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    message = msg("{where}: {problem} (got {shown})", where=where, problem=_pydantic_text(error), shown=shown)
    hint = _HINTS.get(kind, msg("Correct the value."))
    if kind == "string_pattern_mismatch" and not _is_identifier(loc):
        pattern = (error.get("ctx") or {}).get("pattern")
        hint = (msg("Write a value matching {pattern}.", pattern=pattern) if pattern is not None
                else msg("Write a value matching the pattern."))
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
