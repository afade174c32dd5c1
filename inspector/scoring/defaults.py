"""The bundled default pack and scorecard, loaded once."""

from __future__ import annotations

from functools import cache

from inspector.resources import resource_path
from inspector.rules.pack import PackError, RulePack, load_pack
from inspector.scoring.card import CardError, Scorecard, load_card

DEFAULT_PACK = ("rules", "rules-10086.toml")
DEFAULT_CARD = ("scorecards", "scorecard-10086.toml")


@cache
def default_card() -> Scorecard:
    return load_card(resource_path(*DEFAULT_CARD))


@cache
def default_pack() -> RulePack:
    return load_checked_pack(resource_path(*DEFAULT_PACK))


def load_checked_pack(path, tariffs=None) -> RulePack:
    """A pack validated against the card both ways: items the rules feed exist, rules the card names exist;
    ``tariffs``: a tariff pack instead of the one its rules name."""
    pack = load_pack(path, default_card().item_ids(), tariffs)
    try:
        check_card_against_pack(default_card(), pack)
    except CardError as exc:
        raise PackError(f"{path}: does not fit the scorecard: {exc}") from exc
    return pack


def chosen_pack(rules=None, tariffs=None) -> RulePack:
    """The pack a command was given (--rules, --tariffs), or the default one."""
    if rules is None and tariffs is None:
        return default_pack()
    return load_checked_pack(rules if rules is not None else resource_path(*DEFAULT_PACK), tariffs)


def check_card_against_pack(card: Scorecard, pack: RulePack, source: str = "") -> None:
    """Every rule a card item names must exist in the pack, or the item would silently never lose points."""
    rules = {r.id for r in pack.rules}
    for item in (*card.items, *card.fatal):
        for rule in item.rules:
            if rule not in rules:
                where = source or (str(card.source) if card.source else card.id)
                raise CardError(f"{where}: item {item.id} is fed by rule {rule}, which the rule pack "
                                f"{pack.id} {pack.version} does not have")
