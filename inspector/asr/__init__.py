"""Offline speech recognition with Vosk: the only package that imports vosk."""
