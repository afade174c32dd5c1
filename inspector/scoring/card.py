"""Scorecard definitions loaded from TOML and validated, like rule packs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector.tomlfile import read_toml


class CardError(ValueError):
    pass


@dataclass(frozen=True)
class CardItem:
    id: str
    name: str
    points: float
    rules: tuple[str, ...]
    na_allowed: bool
    section: str
    cap: float | None = None       # most points deductions may take from this item


@dataclass(frozen=True)
class FatalItem:
    id: str
    name: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Scorecard:
    id: str
    version: str
    name: str
    items: tuple[CardItem, ...]
    fatal: tuple[FatalItem, ...]
    sections: dict[str, str] = field(default_factory=dict)     # section id -> name
    source: Path | None = None
    auto_fatal_confidence: float | None = None     # [auto] fatal_confidence: a red-line hit this sure zeroes
                                                   # the automatic score (scoring.auto)
    english: dict[str, str] = field(default_factory=dict)   # section/item/fatal id -> name_en, for the English UI

    def name_of(self, key: str, english: bool = False) -> str:
        """A section's, item's or fatal item's name; its English name (name_en) when asked and given."""
        if english and self.english.get(key):
            return self.english[key]
        if key in self.sections:
            return self.sections[key]
        return next((x.name for x in (*self.items, *self.fatal) if x.id == key), key)

    def item_ids(self) -> set[str]:
        return {i.id for i in self.items} | {f.id for f in self.fatal}

    def is_red_line(self, rule: str, item: str | None, severity: str) -> bool:
        """Whether hits of a rule are red-line hits: a rule or item a fatal item names, or a fatal rule.
        The one definition the centre's rule report and headquarters' both use."""
        red = {f.id for f in self.fatal} | {rule for f in self.fatal for rule in f.rules}
        return rule in red or (item is not None and item in red) or severity == "fatal"


def load_card(path: Path) -> Scorecard:
    path = Path(path)
    data = read_toml(path, "scorecard", CardError)
    card = data.get("card")
    if not isinstance(card, dict) or not all(isinstance(card.get(k), str) for k in ("id", "version", "name")):
        raise CardError(f"{path}: [card] needs id, version and name")
    items: list[CardItem] = []
    sections: dict[str, str] = {}
    english: dict[str, str] = {}
    for s_index, section in enumerate(_list(data, "sections", path)):
        sid = _text(section, "id", path, f"section #{s_index + 1}")
        sections[sid] = str(section.get("name", sid))
        english[sid] = str(section.get("name_en", ""))
        for i_index, raw in enumerate(section.get("items") or []):
            where = f"section {sid}, item #{i_index + 1}"
            points = raw.get("points")
            if isinstance(points, bool) or not isinstance(points, (int, float)) or points <= 0:
                raise CardError(f"{path}: {where}: field 'points' must be a positive number")
            cap = raw.get("cap")
            if cap is not None and (isinstance(cap, bool) or not isinstance(cap, (int, float)) or cap < 0):
                raise CardError(f"{path}: {where}: field 'cap' must be a number ≥ 0")
            english[str(raw.get("id"))] = str(raw.get("name_en", ""))
            items.append(CardItem(_text(raw, "id", path, where), _text(raw, "name", path, where), float(points),
                                  tuple(raw.get("rules", [])), bool(raw.get("na_allowed", False)), sid,
                                  None if cap is None else float(cap)))
    fatal = [FatalItem(_text(raw, "id", path, "fatal item"), _text(raw, "name", path, "fatal item"),
                       tuple(raw.get("rules", []))) for raw in data.get("fatal", [])]
    english.update({str(raw.get("id")): str(raw.get("name_en", "")) for raw in data.get("fatal", [])})
    ids = [i.id for i in items] + [f.id for f in fatal]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise CardError(f"{path}: duplicate item id {sorted(duplicates)[0]}")
    return Scorecard(card["id"], card["version"], card["name"], tuple(items), tuple(fatal), sections, path,
                     _auto_fatal_confidence(data, path), {k: v for k, v in english.items() if v})


def _auto_fatal_confidence(data: dict, path: Path) -> float | None:
    auto = data.get("auto", {})
    value = auto.get("fatal_confidence") if isinstance(auto, dict) else None
    if not isinstance(auto, dict) or set(auto) - {"fatal_confidence"} or (value is not None and (
            isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1)):
        raise CardError(f"{path}: [auto] takes fatal_confidence, a confidence from 0 to 1")
    return None if value is None else float(value)


def _list(data: dict, key: str, path: Path) -> list[dict[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise CardError(f"{path}: no [[{key}]] defined")
    return value


def _text(raw: dict, key: str, path: Path, where: str) -> str:
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, str) or not value:
        raise CardError(f"{path}: {where}: field '{key}' is missing")
    return value
