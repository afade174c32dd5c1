"""The tariff and policy pack (资费与政策口径): what each plan or service officially costs, includes, when it
takes effect, how it is cancelled and what leaving early costs. A team lead edits it (TOML; the header of
resources/tariffs/tariffs-10086.toml documents the format) and the C2 rule compares what agents state with
it, so a wrong fee is found on every call instead of on the few an inspector happens to listen to.

Loading validates the whole file: a broken pack never half-loads, and every error names the file, the
product and the field, because the person fixing it edits a text file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspector.rules.conditions import Phrase, Phrases, Tolerance
from inspector.tomlfile import read_toml

TIMINGS = ("immediately", "next_month")
TIMING_NAMES = {"immediately": "立即生效", "next_month": "次月生效"}
NUMBER_FIELDS = {"monthly_fee": "月费", "data_gb": "流量", "minutes": "通话分钟数", "penalty": "违约金"}
UNITS = {"monthly_fee": "元", "data_gb": "GB", "minutes": "分钟", "penalty": "元"}
PRODUCT_FIELDS = {"name", "aliases", "takes_effect", "cancel_effective", "cancel_by", "other_amounts",
                  *NUMBER_FIELDS}


class TariffError(ValueError):
    """The tariff pack cannot be used; the message names the file, the product and the field."""


@dataclass(frozen=True)
class Product:
    name: str
    names: Phrases                     # the name and its aliases, matched as rule phrases (ASR-tolerant)
    monthly_fee: float | None = None   # 元 a month (or the price of a one-off pack)
    data_gb: float | None = None       # GB of data included
    minutes: float | None = None       # minutes of calls included
    takes_effect: str | None = None    # when ordering or changing to it takes effect (TIMINGS)
    cancel_effective: str | None = None
    cancel_by: tuple[str, ...] = ()    # channel names (keys of [channels]) through which it can be cancelled
    penalty: float | None = None       # 元 for leaving within the contract; 0: none
    other_amounts: tuple[float, ...] = ()   # other amounts in 元 an agent may rightly state for it

    def amounts(self) -> tuple[float, ...]:
        """Every amount in 元 the pack knows for this product."""
        return tuple(a for a in (self.monthly_fee, self.penalty, *self.other_amounts) if a is not None)


@dataclass(frozen=True)
class TariffPack:
    id: str
    version: str
    name: str
    products: tuple[Product, ...]
    channels: dict[str, Phrases]       # channel name -> how agents say it (营业厅, 10086, 短信, APP …)
    digest: str                        # SHA-256 of the file: an edit without a new version still counts
    source: Path | None = None
    name_numerals: tuple[str, ...] = ()     # every name with its numbers as Arabic digits, longest first


    @property
    def revision(self) -> str:
        """What checks made with this pack are stored under: a changed pack makes them outdated."""
        return f"{self.id}@{self.version}#{self.digest[:8]}"


def load_tariffs(path: Path, tolerance: Tolerance = Tolerance(), fuzzy_threshold: float = 0.85) -> TariffPack:
    """``tolerance`` and ``fuzzy_threshold``: the rule pack's, so product names are heard as its phrases are."""
    path = Path(path)
    data = read_toml(path, "tariff pack", TariffError)
    header = data.get("pack")
    if not isinstance(header, dict) or not all(isinstance(header.get(k), str) and header.get(k)
                                                for k in ("id", "version", "name")):
        raise TariffError(f"{path}: [pack] needs id, version and name")

    def phrases(values: Any, where: str) -> Phrases:
        if not isinstance(values, list) or not values or not all(isinstance(v, str) and v.strip() for v in values):
            raise TariffError(f"{path}: {where}: must be a list of non-empty names")
        return Phrases(tuple(Phrase.of(v) for v in values), fuzzy_threshold=fuzzy_threshold, tolerance=tolerance)

    raw_channels = data.get("channels", {})
    if not isinstance(raw_channels, dict):
        raise TariffError(f"{path}: [channels] must be a table of channel = [\"how it is said\", …]")
    channels = {name: phrases(values, f"[channels].{name}") for name, values in raw_channels.items()}
    raw_products = data.get("products")
    if not isinstance(raw_products, list) or not raw_products:
        raise TariffError(f"{path}: no [[products]] defined")
    products = []
    for index, raw in enumerate(raw_products):
        products.append(_product(path, raw, index, channels, phrases))
    names = [p.name for p in products]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise TariffError(f"{path}: product {repeated[0]!r} is defined twice")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return TariffPack(header["id"], header["version"], header["name"], tuple(products), channels, digest, path,
                      tuple(sorted({numerals(n.text) for p in products for n in p.names.phrases}, key=len,
                                   reverse=True)))


def numerals(text: str) -> str:
    """Chinese numerals as Arabic ones (三十八元 → 38元, 一块五 → 1块5), spaces removed, width and case folded:
    the form in which statements about tariffs are read."""
    import cn2an                 # only packs with a tariff rule need its tables

    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()
    try:
        return cn2an.transform(folded, "cn2an")
    except (ValueError, KeyError, IndexError):      # text cn2an cannot read: the digits already there count
        return folded


def _product(path: Path, raw: Any, index: int, channels: dict[str, Phrases], phrases) -> Product:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
        raise TariffError(f"{path}: product #{index + 1}: field 'name' is missing")
    name = raw["name"].strip()
    where = f"product {name}"
    unknown = sorted(set(raw) - PRODUCT_FIELDS)
    if unknown:
        raise TariffError(f"{path}: {where}: unknown field '{unknown[0]}' (known: {', '.join(sorted(PRODUCT_FIELDS))})")
    numbers = {}
    for key in NUMBER_FIELDS:
        value = raw.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
            raise TariffError(f"{path}: {where}: field '{key}' must be a number ≥ 0, not {value!r}")
        numbers[key] = None if value is None else float(value)
    timings = {}
    for key in ("takes_effect", "cancel_effective"):
        value = raw.get(key)
        if value is not None and value not in TIMINGS:
            raise TariffError(f"{path}: {where}: field '{key}' must be one of {', '.join(TIMINGS)}, not {value!r}")
        timings[key] = value
    cancel_by = raw.get("cancel_by", [])
    if not isinstance(cancel_by, list) or not all(isinstance(c, str) for c in cancel_by):
        raise TariffError(f"{path}: {where}: field 'cancel_by' must be a list of channel names")
    missing = [c for c in cancel_by if c not in channels]
    if missing:
        raise TariffError(f"{path}: {where}: field 'cancel_by': no channel {missing[0]!r} in [channels]")
    others = raw.get("other_amounts", [])
    if not isinstance(others, list) or any(isinstance(a, bool) or not isinstance(a, (int, float)) or a < 0
                                           for a in others):
        raise TariffError(f"{path}: {where}: field 'other_amounts' must be a list of amounts ≥ 0")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list):
        raise TariffError(f"{path}: {where}: field 'aliases' must be a list of names")
    return Product(name, phrases([name, *aliases], f"{where}: field 'aliases'"), **numbers, **timings,
                   cancel_by=tuple(cancel_by), other_amounts=tuple(float(a) for a in others))
