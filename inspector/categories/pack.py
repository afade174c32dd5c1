"""The category pack: a two-level tree of call reasons, each with the customer phrases that signal it.

Categories are data, like the rule pack: a lead adds a reason or a phrase without touching code, and the
whole file is validated when it loads (errors name the file, the category and the field). The format is
documented at the top of resources/categories/categories-10086.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from inspector.resources import resource_path
from inspector.rules.conditions import Phrase, Phrases
from inspector.rules.text import normalize
from inspector.tomlfile import read_toml

DEFAULT_CATEGORIES = ("categories", "categories-10086.toml")
SEPARATOR = " › "


class CategoryPackError(ValueError):
    """The pack cannot be used; the message names the file and the place."""


@dataclass(frozen=True)
class Category:
    path: tuple[str, ...]           # (level 1,) or (level 1, level 2)
    phrases: Phrases | None         # said by the customer
    rules: tuple[str, ...]          # rule ids whose hits also point to this category
    description: str = ""
    path_en: tuple[str, ...] = ()   # the names in the English UI, level for level; the pack's own names are Chinese

    @property
    def label(self) -> str:
        return SEPARATOR.join(self.path)


@dataclass(frozen=True)
class CategoryPack:
    id: str
    version: str
    min_confidence: float
    categories: tuple[Category, ...]

    def tree(self) -> dict[str, list[str]]:
        """Level-1 names → their level-2 names, in file order (what a filter box lists)."""
        tree: dict[str, list[str]] = {}
        for category in self.categories:
            children = tree.setdefault(category.path[0], [])
            if len(category.path) == 2 and category.path[1] not in children:
                children.append(category.path[1])
        return tree

    def english_names(self) -> dict[str, str]:
        """Each level's name → its English name (path_en), for the English UI; stored labels stay in Chinese."""
        return {name: english for category in self.categories for name, english in zip(category.path, category.path_en)}


def load_category_pack(path: Path) -> CategoryPack:
    data = read_toml(path, "category pack", CategoryPackError)
    header = data.get("pack")
    if not isinstance(header, dict) or not isinstance(header.get("id"), str):
        raise CategoryPackError(f"{path}: needs a [pack] table with id and version")
    threshold = _number(path, header.get("fuzzy_threshold", 0.85), "[pack].fuzzy_threshold")
    min_confidence = _number(path, header.get("min_confidence", 0.5), "[pack].min_confidence")
    raw = data.get("category")
    if not isinstance(raw, list) or not raw:
        raise CategoryPackError(f"{path}: needs at least one [[category]]")
    categories, seen = [], set()
    for index, entry in enumerate(raw, start=1):
        category = _category(path, entry, index, threshold)
        if category.path in seen:
            raise CategoryPackError(f"{path}: category {index} ({category.label}) is listed twice")
        seen.add(category.path)
        categories.append(category)
    _same_english_for_same_name(path, categories)
    return CategoryPack(header["id"], str(header.get("version", "1")), min_confidence, tuple(categories))


def require_known_rules(pack: CategoryPack, known: set[str], source: Path) -> None:
    """A category's rule ids must be in the rule pack it runs with: a typo (R99) would otherwise never match
    and nobody would know."""
    for category in pack.categories:
        unknown = [r for r in category.rules if r not in known]
        if unknown:
            raise CategoryPackError(f"{source}: category {category.label}.rules: the rule pack has no "
                                    f"{', '.join(unknown)}")


@cache
def default_category_pack() -> CategoryPack:
    return load_category_pack(resource_path(*DEFAULT_CATEGORIES))


def _category(path: Path, entry: Any, index: int, threshold: float) -> Category:
    where = f"{path}: category {index}"
    if not isinstance(entry, dict):
        raise CategoryPackError(f"{where}: must be a table")
    names = entry.get("path")
    if (not isinstance(names, list) or not 1 <= len(names) <= 2
            or not all(isinstance(n, str) and n.strip() for n in names)):
        raise CategoryPackError(f"{where}: path must list one or two non-empty names, e.g. [\"资费争议\", \"扣费不明\"]")
    where = f"{path}: category {SEPARATOR.join(names)}"
    phrases = _strings(entry.get("phrases", []), f"{where}.phrases")
    unless = _strings(entry.get("unless", []), f"{where}.unless")
    rules = _strings(entry.get("rules", []), f"{where}.rules")
    for field, values in (("phrases", phrases), ("unless", unless)):
        empty = [v for v in values if not normalize(v)]
        if empty:            # nothing is left to match once punctuation and spaces are folded away
            raise CategoryPackError(f"{where}.{field}: {empty[0]!r} has no words or digits to listen for")
    if not phrases and not rules:
        raise CategoryPackError(f"{where}: give phrases, rules or both, or nothing can find it")
    matcher = Phrases(tuple(Phrase.of(p) for p in phrases), tuple(Phrase.of(u) for u in unless),
                      threshold) if phrases else None
    description = entry.get("description", "")
    english = entry.get("path_en", [])
    if (not isinstance(english, list) or english and len(english) != len(names)
            or not all(isinstance(n, str) and n.strip() for n in english)):
        raise CategoryPackError(f"{where}.path_en: must give an English name for each level of path, "
                                f"e.g. [\"Tariff disputes\", \"Unexplained charges\"]")
    return Category(tuple(n.strip() for n in names), matcher, tuple(rules),
                    description if isinstance(description, str) else "", tuple(n.strip() for n in english))


def _same_english_for_same_name(path: Path, categories: list[Category]) -> None:
    """A level-1 name shared by several categories must have one English name, or the English UI would
    show one reason under two names."""
    english: dict[str, str] = {}
    for category in categories:
        for name, given in zip(category.path, category.path_en):
            if english.setdefault(name, given) != given:
                raise CategoryPackError(f"{path}: category {category.label}.path_en: {name} is "
                                        f"{english[name]!r} elsewhere, here {given!r}")


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CategoryPackError(f"{where}: must be a list of non-empty strings")
    return tuple(value)


def _number(path: Path, value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise CategoryPackError(f"{path}: {where} must be a number in (0, 1], not {value!r}")
    return float(value)
