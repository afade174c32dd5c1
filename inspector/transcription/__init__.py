"""Transcribing stored calls: the queue of calls waiting for a recogniser, worked through in the background and
resumed after an interruption."""
