"""Loading a rule pack (TOML) into validated rules; a broken pack never half-loads.

Every error names the file, the rule id and the field, because the person fixing it is a team lead
editing a text file, not a developer reading a traceback.
"""

from __future__ import annotations

import re2
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector.rules.calibration import BASES, Calibration
from inspector.rules.conditions import AllOf, AnyOf, Condition, NotOf, Phrase, Phrases, Regex, Tolerance
from inspector.rules.phonetic import sound_pattern
from inspector.resources import RESOURCE_ROOT
from inspector.rules.tariffs import TariffError, TariffPack, load_tariffs
from inspector.tomlfile import read_toml

SPEAKERS = ("agent", "customer", "any")
SEVERITIES = ("minor", "major", "fatal")
COMMON_FIELDS = {"id", "name", "name_en", "kind", "speaker", "item", "deduction", "severity", "flag_only", "description"}
OPERATORS = ("phrases", "regex", "all", "any", "not")
MAX_DEPTH = 16            # all/any/not nesting; real rules use three or four levels


def compile_linear(pattern: str):
    """RE2: matching time grows with the text, never exponentially (`(a+)+$` cannot hang the checker)."""
    options = re2.Options()
    options.log_errors = False           # the PackError says it, naming the rule and field
    return re2.compile(pattern, options)

# kind -> {field: (type, required)}; types: cond, conds, phrases, window, number, int, share (0-1),
# tariffs (the path of a tariff pack, rules.tariffs)
KINDS: dict[str, dict[str, tuple[str, bool]]] = {
    # listen: the phrases a second hearing of the audio listens for (rules/relisten.py); default: the match's
    # heard: what that hearing must hear to clear the agent; default: the match
    "required": {"window": ("window", True), "match": ("cond", True), "flag_when": ("cond", False),
                 "listen": ("phrases", False), "heard": ("cond", False)},
    "forbidden": {"match": ("cond", True), "window": ("window", False), "min_count": ("int", False),
                  "listen": ("phrases", False)},
    "sequence": {"trigger": ("cond", True), "steps": ("conds", True), "anchor": ("cond", False),
                 "listen": ("phrases", False)},
    "cooccur": {"anchor": ("cond", True), "match": ("cond", True), "within_sentences": ("int", True),
                "listen": ("phrases", False)},
    "followup": {"trigger": ("cond", True), "match": ("cond", True), "within_sentences": ("int", True),
                 "listen": ("phrases", False)},
    "disclosure": {"match": ("cond", True), "gate": ("cond", True)},
    "hangup": {"within_s": ("number", True), "last_sentences": ("int", True), "closing": ("cond", True),
               "reason": ("cond", True)},
    "silence": {"gap_s": ("number", True), "announce": ("cond", True), "announce_window_s": ("number", True)},
    "hold": {"gap_s": ("number", True), "max_hold_s": ("number", True), "announce": ("cond", True),
             "announce_window_s": ("number", True), "thanks": ("cond", True),
             "long_hold_deduction": ("number", True)},
    "overlap": {"min_overlap_s": ("number", True), "min_chars": ("int", True), "backchannel": ("phrases", True),
                "min_count": ("int", True)},
    "rate": {"min_cpm": ("number", True), "max_cpm": ("number", True), "min_chars": ("int", True),
             "turn_pause_s": ("number", False), "min_word_conf": ("share", False)},
    # the evidence for A6, C1, C2 and D3 (courtesy_kinds, tariff_kind, clarity_kind)
    "politeness": {"polite": ("cond", True), "request": ("cond", False), "refusal": ("cond", False),
                   "wait": ("cond", False), "curt": ("cond", False), "min_polite_share": ("share", False),
                   "min_chars": ("int", False)},
    "understanding": {"request": ("cond", True), "act": ("cond", False), "confirm": ("cond", False),
                      "echo_terms": ("int", False), "common": ("phrases", False), "repeat": ("cond", False),
                      "repeat_share": ("share", False)},
    "tariff": {"tariffs": ("tariffs", True), "within_sentences": ("int", True), "effective_now": ("cond", False),
               "effective_next": ("cond", False), "cancelling": ("cond", False), "only": ("cond", False),
               "no_penalty": ("cond", False), "penalty_words": ("cond", False), "billing": ("cond", False),
               "negation": ("phrases", False), "ordering": ("cond", False)},
    "clarity": {"min_chars": ("int", False), "rate_spread": ("number", False), "max_off_share": ("share", False),
                "fillers": ("phrases", False), "max_fillers_per_min": ("number", False), "min_fillers": ("int", False),
                "hesitation_s": ("number", False), "max_hesitation_s": ("number", False),
                "max_hesitations": ("int", False), "announce": ("cond", False), "unsure_below": ("share", False),
                "max_unsure_share": ("share", False)},
}


class PackError(ValueError):
    pass


@dataclass(frozen=True)
class Window:
    """The speaker's first (or last) ``sentences`` sentences, or those within ``seconds`` of the edge."""

    side: str
    sentences: int | None
    seconds: float | None


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    speaker: str
    item: str | None
    deduction: float
    severity: str
    flag_only: bool
    params: dict[str, Any]
    description: str = ""
    name_en: str = ""        # the name in the English UI; the pack's own name (Chinese) is the default


@dataclass(frozen=True)
class RulePack:
    id: str
    version: str
    name: str
    scorecard: str
    rules: tuple[Rule, ...]
    source: Path | None = None
    listen_below: float = 0.0     # mean word confidence under which an absence is "listen to confirm"
    calibration: Calibration | None = None   # what each kind of evidence is worth on recognised speech

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


@dataclass
class _Parser:
    path: Path
    phrase_sets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fuzzy_threshold: float = 0.85
    tolerance: Tolerance = Tolerance()
    tariffs_override: Path | None = None                        # --tariffs: instead of what rules name
    tariffs_loaded: dict[Path, TariffPack] = field(default_factory=dict)

    def fail(self, where: str, problem: str) -> PackError:
        return PackError(f"{self.path}: {where}: {problem}")

    def condition(self, raw: Any, where: str, speaker: str | None = None, depth: int = 0) -> Condition:
        if depth > MAX_DEPTH:
            raise self.fail(where, f"conditions nested more than {MAX_DEPTH} deep; simplify the rule")
        if not isinstance(raw, dict):
            raise self.fail(where, "a condition must be a table such as { phrases = \"name\" }")
        speaker = raw.get("speaker", speaker)
        if speaker is not None and speaker not in SPEAKERS:
            raise self.fail(where, f"speaker must be one of {', '.join(SPEAKERS)}, not {speaker!r}")
        leaf_speaker = None if speaker in (None, "any") else speaker
        operators = [key for key in raw if key not in ("speaker", "unless")]
        unknown = [key for key in operators if key not in OPERATORS]
        if unknown:
            raise self.fail(where, f"unknown operator '{unknown[0]}' (known: {', '.join(OPERATORS)})")
        if len(operators) != 1:
            raise self.fail(where, "a condition needs exactly one operator of " + ", ".join(OPERATORS))
        op = operators[0]
        value = raw[op]
        if "unless" in raw and op != "phrases":
            raise self.fail(where, "'unless' goes with 'phrases' only")
        if op == "phrases":
            return Phrases(self.phrase_list(value, f"{where}.phrases"),
                           self.phrase_list(raw["unless"], f"{where}.unless") if "unless" in raw else (),
                           self.fuzzy_threshold, leaf_speaker, self.tolerance)
        if op == "regex":
            if not isinstance(value, str):
                raise self.fail(f"{where}.regex", "must be a string")
            try:
                exact = compile_linear(value)
            except re2.error as exc:
                reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else exc
                raise self.fail(f"{where}.regex", f"bad regular expression {value!r}: {reason} (packs use RE2, "
                                "which matches in linear time: no back-references or look-arounds)") from exc
            try:
                spoken = compile_linear(sound_pattern(value))
            except re2.error:
                spoken = None        # an expression the sound rewrite cannot carry is matched on text only
            return Regex(exact, leaf_speaker, spoken, self.tolerance)
        if op == "not":
            return NotOf(self.condition(value, f"{where}.not", depth=depth + 1), leaf_speaker)
        if not isinstance(value, list) or not value:
            raise self.fail(f"{where}.{op}", "must be a non-empty list of conditions")
        parts = tuple(self.condition(item, f"{where}.{op}[{i}]", depth=depth + 1) for i, item in enumerate(value))
        return AllOf(parts, leaf_speaker) if op == "all" else AnyOf(parts, leaf_speaker)

    def phrase_list(self, value: Any, where: str) -> tuple[Phrase, ...]:
        if isinstance(value, str):
            if value not in self.phrase_sets:
                raise self.fail(where, f"no phrase set named '{value}' in [phrases]")
            value = self.phrase_sets[value]
        if not isinstance(value, (list, tuple)) or not value or not all(isinstance(v, str) and v for v in value):
            raise self.fail(where, "must name a phrase set or list non-empty phrases")
        return tuple(Phrase.of(v) for v in value)

    def window(self, raw: Any, where: str) -> Window:
        if not isinstance(raw, dict) or raw.get("from") not in ("start", "end"):
            raise self.fail(where, "a window is { from = \"start\" or \"end\", sentences = N, seconds = S }")
        unknown = set(raw) - {"from", "sentences", "seconds"}
        if unknown:
            raise self.fail(where, f"unknown window key '{sorted(unknown)[0]}'")
        sentences, seconds = raw.get("sentences"), raw.get("seconds")
        if sentences is None and seconds is None:
            raise self.fail(where, "give sentences, seconds or both")
        return Window(raw["from"], self.number(sentences, f"{where}.sentences", int) if sentences else None,
                      self.number(seconds, f"{where}.seconds") if seconds else None)

    def tariffs(self, value: Any, where: str) -> TariffPack:
        """A tariff pack named by its path relative to the rule pack's folder (failing that, a bundled tariff
        pack of that file name), or the override."""
        if self.tariffs_override is None and not isinstance(value, str):
            raise self.fail(where, "must be the path of a tariff pack (TOML), relative to the rule pack")
        path = self.tariffs_override or (self.path.parent / value)
        if self.tariffs_override is None and not path.exists():
            bundled = RESOURCE_ROOT / "tariffs" / Path(value).name
            path = bundled if bundled.exists() else path     # a copied pack still finds the bundled tariffs
        if path not in self.tariffs_loaded:
            try:
                self.tariffs_loaded[path] = load_tariffs(path, self.tolerance, self.fuzzy_threshold)
            except TariffError as exc:
                raise self.fail(where, str(exc)) from exc
        return self.tariffs_loaded[path]

    def number(self, value: Any, where: str, kind: type = float) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or (
                kind is int and not isinstance(value, int)):
            raise self.fail(where, f"must be a {'whole ' if kind is int else ''}number ≥ 0, not {value!r}")
        return kind(value)


def load_pack(path: Path, scorecard_items: set[str] | None = None, tariffs: Path | None = None) -> RulePack:
    """Parse and validate; ``scorecard_items`` (when given) must contain every item a rule feeds; ``tariffs``
    replaces the tariff pack the rules name. The tariff packs in use are part of the pack's version, so
    checks made with another tariff pack (or an edited one) are outdated."""
    path = Path(path)
    data = read_toml(path, "rule pack", PackError)
    header = data.get("pack")
    if not isinstance(header, dict):
        raise PackError(f"{path}: missing the [pack] table (id, version, name, scorecard)")
    for key in ("id", "version", "name", "scorecard"):
        if not isinstance(header.get(key), str):
            raise PackError(f"{path}: [pack]: field '{key}' is missing or not text")
    parser = _Parser(path, tariffs_override=Path(tariffs) if tariffs is not None else None)
    threshold = header.get("fuzzy_threshold", 0.85)
    parser.fuzzy_threshold = parser.number(threshold, "[pack].fuzzy_threshold")
    parser.tolerance = _tolerance(parser, header)
    listen_below = parser.number(header.get("listen_below", 0.0), "[pack].listen_below")
    if listen_below > 1:
        raise parser.fail("[pack].listen_below", "is a word confidence, from 0 to 1")
    phrases = data.get("phrases", {})
    if not isinstance(phrases, dict):
        raise PackError(f"{path}: [phrases] must be a table of named phrase lists")
    for name, values in phrases.items():
        parser.phrase_sets[name] = tuple(p.text for p in parser.phrase_list(values, f"[phrases].{name}"))
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise PackError(f"{path}: no [[rules]] defined")
    rules: list[Rule] = []
    for index, raw in enumerate(raw_rules):
        rules.append(_rule(parser, raw, index, {r.id for r in rules}, scorecard_items))
    version = "+".join([header["version"], *sorted({t.revision for t in parser.tariffs_loaded.values()})])
    return RulePack(header["id"], version, header["name"], header["scorecard"], tuple(rules), path, listen_below,
                    _calibration(parser, data.get("calibration")))


def _calibration(parser: _Parser, raw: Any) -> Calibration | None:
    """The optional [calibration] table: hit_from, listen_from, source, and a share in [0, 1] per basis."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise parser.fail("[calibration]", "must be a table of kinds of evidence and their precision")
    shares: dict[str, float] = {}
    for key, value in raw.items():
        if key == "source":
            continue
        share = parser.number(value, f"[calibration].{key}")
        if not 0 <= share <= 1:
            raise parser.fail(f"[calibration].{key}", "is a share of hits that were right, from 0 to 1")
        if key not in ("hit_from", "listen_from") and key not in BASES:
            raise parser.fail(f"[calibration].{key}", f"is not a kind of evidence; known: {', '.join(BASES)}")
        shares[key] = share
    hit_from, listen_from = shares.pop("hit_from", 0.8), shares.pop("listen_from", 0.5)
    if listen_from > hit_from:
        raise parser.fail("[calibration].listen_from", "must not be above hit_from")
    return Calibration(shares, hit_from, listen_from, str(raw.get("source", "")))


def _tolerance(parser: _Parser, header: dict) -> Tolerance:
    """The [pack] options for recognised speech; a pack without them matches as before (exact fillers,
    no dropped syllables)."""
    fillers = header.get("fillers", [])
    if not isinstance(fillers, list) or not all(isinstance(f, str) and f for f in fillers):
        raise parser.fail("[pack].fillers", "must be a list of non-empty words such as [\"嗯\", \"那个\"]")
    edits = parser.number(header.get("sound_edits", 0), "[pack].sound_edits", int)
    shortest = parser.number(header.get("sound_edit_min_syllables", 5), "[pack].sound_edit_min_syllables", int)
    if shortest < 4:
        raise parser.fail("[pack].sound_edit_min_syllables", "must be 4 or more (shorter phrases would match "
                          "ordinary words)")
    return Tolerance(tuple(fillers), edits, shortest)


def _rule(parser: _Parser, raw: Any, index: int, seen: set[str], items: set[str] | None) -> Rule:
    if not isinstance(raw, dict):
        raise parser.fail(f"rule #{index + 1}", "must be a table")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise parser.fail(f"rule #{index + 1}", "field 'id' is missing")
    where = f"rule {rule_id}"
    if rule_id in seen:
        raise parser.fail(where, "field 'id': duplicate rule id")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise parser.fail(where, f"field 'kind': unknown kind {kind!r} (known: {', '.join(KINDS)})")
    for key in ("name", "speaker"):
        if not isinstance(raw.get(key), str):
            raise parser.fail(where, f"field '{key}' is missing")
    if raw["speaker"] not in SPEAKERS:
        raise parser.fail(where, f"field 'speaker': must be one of {', '.join(SPEAKERS)}")
    fields = KINDS[kind]
    unknown = set(raw) - COMMON_FIELDS - set(fields)
    if unknown:
        raise parser.fail(where, f"field '{sorted(unknown)[0]}': not a field of a {kind} rule")
    flag_only = bool(raw.get("flag_only", False))
    item = raw.get("item")
    if item is None and not flag_only:
        raise parser.fail(where, "field 'item': missing (or set flag_only = true)")
    if item is not None and items is not None and item not in items:
        raise parser.fail(where, f"field 'item': the scorecard has no item {item!r}")
    severity = raw.get("severity", "minor")
    if severity not in SEVERITIES:
        raise parser.fail(where, f"field 'severity': must be one of {', '.join(SEVERITIES)}")
    params: dict[str, Any] = {}
    for name, (kind_of, required) in fields.items():
        if name not in raw:
            if required:
                raise parser.fail(where, f"field '{name}' is missing")
            continue
        value, at = raw[name], f"{where}: field '{name}'"
        if kind_of == "cond":
            params[name] = parser.condition(value, at)
        elif kind_of == "conds":
            if not isinstance(value, list) or not value:
                raise parser.fail(where, f"field '{name}': must be a non-empty list of conditions")
            params[name] = tuple(parser.condition(v, f"{at}[{i}]") for i, v in enumerate(value))
        elif kind_of == "phrases":
            params[name] = parser.phrase_list(value, at)
        elif kind_of == "window":
            params[name] = parser.window(value, at)
        elif kind_of == "tariffs":
            params[name] = parser.tariffs(value, at)
        elif kind_of == "share":
            params[name] = parser.number(value, at)
            if params[name] > 1:
                raise parser.fail(where, f"field '{name}': is a share, from 0 to 1")
        else:
            params[name] = parser.number(value, at, int if kind_of == "int" else float)
    deduction = parser.number(raw.get("deduction", 0), f"{where}: field 'deduction'")
    return Rule(rule_id, raw["name"], kind, raw["speaker"], item, deduction, severity, flag_only, params,
                str(raw.get("description", "")), str(raw.get("name_en", "")))
