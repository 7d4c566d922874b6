"""The content schema: pydantic models (the source of truth) and their validation."""
