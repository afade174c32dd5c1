"""Failures every layer may name: the database cannot be used."""

from __future__ import annotations


class StorageError(Exception):
    """The database cannot be used; the message names the file and what to do."""
