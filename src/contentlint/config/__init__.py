"""Configuration: project discovery (:mod:`.discover`, standard library only) and
the validated settings (:mod:`.settings`, pydantic)."""
