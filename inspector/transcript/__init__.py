"""Call transcripts: the domain objects and the v1 interchange format (docs in ../shared/spec)."""
