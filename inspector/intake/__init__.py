"""Bringing recordings into the workstation: folder import with sidecar metadata and transcripts."""
