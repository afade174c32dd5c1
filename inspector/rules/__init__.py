"""Script checks: rule packs (data files a team lead edits) evaluated over a transcript and the audio."""
