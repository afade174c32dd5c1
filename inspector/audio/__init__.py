"""Audio decoding, analysis and playback; no Qt here so a CLI and tests can use it headless."""
