"""Sentences the core says to people (import reasons, refusals), in a form the UI can translate.

The core imports no Qt, yet its words reach the Chinese UI. A Message is a str (the English sentence, so
the CLI, logs and exceptions use it as they always did) that also keeps its template and values: the UI looks
the template up in the catalogue (context "Core", listed in inspector/ui/core_messages.py, a test checks
every template is there) and fills in the values.
"""

from __future__ import annotations

from typing import Any


class Message(str):
    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:
        text = super().__new__(cls, template.format(**params))
        text.template = template
        text.params = params
        return text
