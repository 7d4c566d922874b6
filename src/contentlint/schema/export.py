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
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            atomic_write_text(path, text)
            written.append(path)
    return written


def stale_files(folder: Path) -> list[str]:
    """Names of schema files missing or different from the models."""
    stale = []
    for name, text in render_schemas().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale
