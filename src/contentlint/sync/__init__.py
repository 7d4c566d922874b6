"""English/Spanish sync: block alignment, fingerprints and sync marks."""
