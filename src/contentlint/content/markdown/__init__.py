"""content.markdown."""
