"""The bundled default pack and scorecard, loaded once."""

from __future__ import annotations

from functools import cache

from inspector.resources import resource_path
from inspector.rules.pack import RulePack, load_pack
from inspector.scoring.card import Scorecard, load_card

DEFAULT_PACK = ("rules", "rules-10086.toml")
DEFAULT_CARD = ("scorecards", "scorecard-10086.toml")


@cache
def default_card() -> Scorecard:
    return load_card(resource_path(*DEFAULT_CARD))


@cache
def default_pack() -> RulePack:
    return load_pack(resource_path(*DEFAULT_PACK), default_card().item_ids())
