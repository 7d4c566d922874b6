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


def write_schemas(folder: Path, root: Path | None = None) -> list[Path]:
    """Write every schema file that changed; return the paths written (``root``: the
    project, whose folders and files are never written through a symbolic link)."""
    rendered = render_schemas()
    written = []
    for name in stale_files(folder, rendered):
        atomic_write_text(folder / name, rendered[name], root)
        written.append(folder / name)
    return written


def stale_files(folder: Path, rendered: dict[str, str] | None = None) -> list[str]:
    """Names of schema files missing or different from the models."""
    rendered = rendered if rendered is not None else render_schemas()
    return [name for name, text in rendered.items() if _current(folder / name) != text]


def _current(path: Path) -> str | None:
    """A schema file's text, read safely (a FIFO, a device or a huge file is stale)."""
    from contentlint.content.read import read_text_safely

    try:
        return read_text_safely(path, 16 * 1024 * 1024, follow=False)
    except (OSError, UnicodeDecodeError):
        return None
