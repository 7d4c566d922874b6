"""Export the pydantic models as JSON Schema files for editors."""

from __future__ import annotations

import json
from pathlib import Path

from contentlint.fileio import atomic_write_text


def render_schemas() -> dict[str, str]:
    """File name -> JSON Schema text, deterministic."""
    from contentlint.schema.models import SCHEMA_FILES

    out = {}
    for name, model in SCHEMA_FILES.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = name
        out[name] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return out


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema file that changed; return the paths written."""
    rendered = render_schemas()
    written = []
    for name in stale_files(folder, rendered):
        atomic_write_text(folder / name, rendered[name])
        written.append(folder / name)
    return written


def stale_files(folder: Path, rendered: dict[str, str] | None = None) -> list[str]:
    """Names of schema files missing or different from the models."""
    rendered = rendered if rendered is not None else render_schemas()
    return [
        name for name, text in rendered.items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    ]
