"""The condition language of rule packs: phrase lists, regular expressions, AND/OR/NOT, speaker filters.

A condition is evaluated against a Passage: one sentence, or several sentences joined (a window), with what
the recogniser also considered (alternatives) and how sure it was of the words (mean word confidence).

Matching expects recognition errors, and every match says how it was made and what it is worth:
- exact on normalised text (confidence 1.0); then with the pack's fillers (嗯 啊 呃 那个…) left out
  (0.95), so a filler inside a phrase or a job number does not hide it;
- by sound on merged toneless pinyin (phonetic.sound_codes): phrases of four syllables or more as
  homophones (0.85); shorter ones (0.6) only where something else supports them, because alone they have
  too many accidental homophones (同意开通 ~ 已开通): another part of an ``all`` condition, or a window
  where the phrase is expected (required phrases and steps, which are checked leniently: see ``find``);
- regular expressions on normalised text, then by sound, where digits are matched by how they sound
  (九/就/酒, 零/另/玲, 四/是…): 工号\\d{3,6} survives 功耗三九就一六 (0.8);
- by syllable similarity at or above the pack's threshold, or with `sound_edits` dropped, inserted or
  wrong syllables in phrases of `sound_edit_min_syllables` or more (a syllable at either end of the
  phrase is never taken as dropped, and replaced only by one sharing its initial or final: else the rest
  would be an ordinary shorter word, 需要给您开通吗 for 给您开通了; numbers never match so);
- in the recogniser's alternative hypotheses when the best one has no match (×0.8).
A phrase may contain "…": up to GAP_CHARS characters of anything there (不…清楚 matches 不太清楚).
A phrase that starts or ends with a digit does not match inside a longer number (315 in 120315).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from inspector.rules.phonetic import codes_sound_alike, digit_sound_class, joined, sound_codes, syllables
from inspector.rules.text import normalize

HOMOPHONE_CONFIDENCE = 0.85
FILLER_CONFIDENCE = 0.95
SHORT_SOUND_CONFIDENCE = 0.6
SOUND_PATTERN_CONFIDENCE = 0.8
ALTERNATIVE_FACTOR = 0.8
SOUND_MIN_SYLLABLES = 4   # shorter phrases have too many accidental homophones (同意开通 ~ 已开通)
GAP_CHARS = 3
GAP = "…"
SEEN_LIMIT = 4096          # texts remembered per phrase condition


@dataclass(frozen=True)
class Tolerance:
    """What the pack tolerates of recognised speech (its [pack] options; the defaults are exact text)."""

    fillers: tuple[str, ...] = ()
    sound_edits: int = 0
    sound_edit_min_syllables: int = 5


@dataclass(frozen=True)
class Passage:
    """Text to test, with who said it (``mixed`` for a window spanning speakers), the recogniser's other
    hypotheses for it, and its mean word confidence (None when the transcript has none)."""

    speaker: str
    text: str
    alternatives: tuple[str, ...] = ()
    confidence: float | None = None

    @property
    def norm(self) -> str:
        return normalize(self.text)


@dataclass(frozen=True)
class Match:
    evidence: str
    confidence: float
    why: str
    needs_support: bool = False     # a short phrase heard by sound: not enough on its own


class Condition:
    def find(self, passage: Passage, lenient: bool = False) -> Match | None:
        """A match, or None. ``lenient`` is for checks where a match clears the agent (a required phrase,
        a step): there a short phrase heard by sound counts on its own. Under ``not`` it flips."""
        found = self.search(passage, lenient)
        return None if found is None or (found.needs_support and not lenient) else found

    def search(self, passage: Passage, lenient: bool, beside: bool = False) -> Match | None:
        """``beside``: searched as a part of an ``all`` whose other parts may support a short phrase
        heard by sound (so it is worth looking for one even when not lenient)."""
        raise NotImplementedError


@dataclass(frozen=True)
class Phrase:
    text: str
    norm: str
    sylls: tuple[str, ...]
    spoken: str          # the syllables joined, for substring search by other modules
    parts: tuple[str, ...] = ()     # the normalised pieces between "…" gaps

    @classmethod
    def of(cls, text: str) -> Phrase:
        parts = tuple(piece for piece in (normalize(p) for p in text.split(GAP)) if piece)
        norm = "".join(parts)
        sylls = syllables(norm)
        return cls(text, norm, sylls, joined(sylls), parts or (norm,))

    @property
    def codes(self) -> str:
        return sound_codes(self.norm)

    def regex(self, sound: bool) -> str:
        """This phrase as a regular expression on normalised text or (``sound``) on its sound codes."""
        body = f".{{0,{GAP_CHARS}}}".join(re.escape(sound_codes(p) if sound else p) for p in self.parts)
        digit = f"[{digit_sound_class()}]" if sound else "[0-9]"
        if self.norm[:1].isdigit():
            body = f"(?<!{digit}){body}"
        if self.norm[-1:].isdigit():
            body = f"{body}(?!{digit})"
        return body


def _alternation(phrases: list[Phrase], sound: bool) -> re.Pattern | None:
    """All phrases as one alternation, longest first, each in a named group so the match names it."""
    ordered = sorted(range(len(phrases)), key=lambda i: len(phrases[i].norm), reverse=True)
    if not ordered:
        return None
    return re.compile("|".join(f"(?P<p{i}>{phrases[i].regex(sound)})" for i in ordered))


@lru_cache(maxsize=64)
def _filler_pattern(fillers: tuple[str, ...]) -> re.Pattern | None:
    norms = sorted({normalize(f) for f in fillers if normalize(f)}, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in norms)) if norms else None


def _without_fillers(text: str, codes: str, fillers: tuple[str, ...]) -> tuple[str, str, bool]:
    """Text and codes with the fillers cut out of both (they stay aligned); whether any were."""
    pattern = _filler_pattern(fillers)
    if pattern is None:
        return text, codes, False
    keep = [True] * len(text)
    found = False
    for hit in pattern.finditer(text):
        found = True
        for i in range(hit.start(), hit.end()):
            keep[i] = False
    if not found:
        return text, codes, False
    return ("".join(c for c, k in zip(text, keep) if k), "".join(c for c, k in zip(codes, keep) if k), True)


def _best_over_hypotheses(passage: Passage, search_text) -> Match | None:
    """The best match in the best hypothesis or, failing a sure one, in the recogniser's alternatives."""
    best = None
    for n, text in enumerate((passage.text, *passage.alternatives)):
        found = search_text(normalize(text))
        if found is None:
            continue
        if n:
            found = replace(found, confidence=round(found.confidence * ALTERNATIVE_FACTOR, 2),
                            why=f"备选识别 {n}：{found.why}")
        if best is None or _rank(found) > _rank(best):
            best = found
        if _rank(best) >= (True, HOMOPHONE_CONFIDENCE):
            break
    return best


def _rank(found: Match) -> tuple[bool, float]:
    return not found.needs_support, found.confidence


@dataclass(frozen=True)
class Phrases(Condition):
    """Any of the phrases; occurrences of ``unless`` phrases are removed first (harmless contexts)."""

    phrases: tuple[Phrase, ...]
    unless: tuple[Phrase, ...] = ()
    fuzzy_threshold: float = 0.85
    speaker: str | None = None
    tolerance: Tolerance = Tolerance()

    @cached_property
    def _patterns(self) -> dict[str, tuple[re.Pattern | None, list[Phrase]]]:
        usable = [p for p in self.phrases if p.norm]
        long = [p for p in usable if len(p.sylls) >= SOUND_MIN_SYLLABLES]
        short = [p for p in usable if len(p.sylls) < SOUND_MIN_SYLLABLES]
        harmless = [p for p in self.unless if p.norm]
        return {"exact": (_alternation(usable, False), usable), "long": (_alternation(long, True), long),
                "short": (_alternation(short, True), short), "unless": (_alternation(harmless, False), harmless),
                "unless_sound": (_alternation(harmless, True), harmless)}

    def _first(self, kind: str, text: str, written: str | None = None) -> tuple[Phrase, int, int] | None:
        """The first phrase found; by sound (``written``: the text ``text`` codes), never one whose
        stretch cuts into a number (``_cuts_a_number``)."""
        pattern, phrases = self._patterns[kind]
        for found in pattern.finditer(text) if pattern is not None else ():
            phrase = phrases[int(found.lastgroup[1:])]
            if written is None or not _cuts_a_number(written, found.start(), found.end(), phrase):
                return phrase, found.start(), found.end()
        return None

    def search(self, passage: Passage, lenient: bool = False, beside: bool = False) -> Match | None:
        if self.speaker and passage.speaker != self.speaker:
            return None
        short = lenient or beside
        return _best_over_hypotheses(passage, lambda norm: self._in_text(norm, short))

    @cached_property
    def _seen(self) -> dict[tuple[str, bool], Match | None]:
        return {}

    def _in_text(self, norm: str, short: bool) -> Match | None:
        """Remembered per text: sequences and windows ask about the same sentences again and again."""
        seen = self._seen
        key = (norm, short)
        if key not in seen:
            if len(seen) > SEEN_LIMIT:
                seen.clear()
            seen[key] = self._match_text(norm, short)
        return seen[key]

    def _match_text(self, norm: str, short: bool) -> Match | None:
        """``short``: also short phrases heard by sound (only of use where something may support them)."""
        codes = sound_codes(norm)
        for kind, target in (("unless", "text"), ("unless_sound", "codes")):
            pattern = self._patterns[kind][0]
            for hit in pattern.finditer(norm if target == "text" else codes) if pattern is not None else ():
                blank = "\x00" * (hit.end() - hit.start())
                norm = norm[: hit.start()] + blank + norm[hit.end():]
                codes = codes[: hit.start()] + blank + codes[hit.end():]
        found = self._first("exact", norm)
        if found is not None:
            return Match(found[0].text, 1.0, "exact")
        text, codes, had_fillers = _without_fillers(norm, codes, self.tolerance.fillers)
        if had_fillers and (found := self._first("exact", text)) is not None:
            heard = text[found[1]: found[2]]
            return Match(heard, FILLER_CONFIDENCE, f"略去语气词：{heard} = {found[0].text}")
        if (found := self._first("long", codes, text)) is not None:
            heard = text[found[1]: found[2]]
            return Match(heard, HOMOPHONE_CONFIDENCE, f"同音：{heard} ≈ {found[0].text}")
        near = self._fuzzy(text, codes)
        if near is not None:
            return near
        if short and (found := self._first("short", codes, text)) is not None:
            heard = text[found[1]: found[2]]
            return Match(heard, SHORT_SOUND_CONFIDENCE, f"同音（短语，需旁证）：{heard} ≈ {found[0].text}",
                         needs_support=True)
        return None

    @cached_property
    def _near_candidates(self) -> tuple[tuple[Phrase, str, frozenset[str], int, bool], ...]:
        """(phrase, its sound codes, the set of them, edits allowed, whether its edges are kept) for the
        phrases that may match with wrong syllables: long enough, without gaps, and not numbers (12315 is
        not 120315 with a digit more). Edges are kept where only `sound_edits` allows an edit: a phrase
        long enough for the similarity threshold to allow one is distinctive anywhere."""
        out = []
        for phrase in self.phrases:
            size = len(phrase.sylls)
            by_threshold = int((1.0 - self.fuzzy_threshold) * size + 1e-9)
            tolerated = self.tolerance.sound_edits if size >= self.tolerance.sound_edit_min_syllables else 0
            edits = max(by_threshold, tolerated)
            if edits and len(phrase.parts) == 1 and size >= SOUND_MIN_SYLLABLES and not _has_digit(phrase.norm):
                out.append((phrase, phrase.codes, frozenset(phrase.codes), edits, by_threshold == 0))
        return tuple(out)

    def _fuzzy(self, text: str, codes: str) -> Match | None:
        """Phrases heard with a few syllables wrong, dropped or inserted. A phrase with more distinct
        syllables missing from the text than edits allowed is skipped without aligning it."""
        best: tuple[float, Phrase, int, int] | None = None
        present = frozenset(codes)
        places: dict[str, list[int]] = {}
        for candidate in self._near_candidates:
            phrase, wanted, distinct, edits, keep_edges = candidate
            if len(distinct - present) > edits:
                continue
            if not places:
                for i, code in enumerate(codes):
                    places.setdefault(code, []).append(i)
            aligned = _align_near_edges(wanted, codes, edits, keep_edges, places)
            if aligned is None:
                continue
            cost, start, end = aligned
            if _cuts_a_number(text, start, end, phrase):
                continue
            score = 1.0 - cost / len(wanted)
            if best is None or score > best[0]:
                best = (score, phrase, start, end)
        if best is None:
            return None
        score, phrase, start, end = best
        heard = text[start:end]
        return Match(heard, round(0.5 + 0.3 * score, 2), f"近音 {score:.0%}：{heard} ≈ {phrase.text}")


def _has_digit(text: str) -> bool:
    return any("0" <= c <= "9" for c in text)


def _cuts_a_number(text: str, start: int, end: int, phrase: Phrase) -> bool:
    """A match by sound that begins or ends inside a number (工号八二六一为您服务 heard as 已为您恢复: the 一
    of 8261 read as 已) takes a digit for a syllable of a word; a phrase with digits of its own may."""
    if _has_digit(phrase.norm):
        return False
    def digit(i: int) -> bool:
        return 0 <= i < len(text) and "0" <= text[i] <= "9"
    return (digit(start) and digit(start - 1)) or (digit(end - 1) and digit(end))


def _align_near_edges(phrase: str, text: str, max_edits: int, keep_edges: bool,
                      places: dict[str, list[int]]) -> tuple[int, int, int] | None:
    """`align_within` for the common case of one edit, in C: the phrase's first or last unit is then
    heard right, so only the stretches of text that start or end there (``places``: where each unit is
    in the text) are compared (Levenshtein)."""
    if max_edits != 1:
        return align_within(phrase, text, max_edits, keep_edges)
    size = len(phrase)
    lengths = (size - 1, size, size + 1)
    windows = {(i, i + length) for i in places.get(phrase[0], ()) for length in lengths}
    windows |= {(j + 1 - length, j + 1) for j in places.get(phrase[-1], ()) for length in lengths}
    best = None
    for start, end in sorted(windows):
        if start < 0 or end > len(text):
            continue
        heard = text[start:end]
        cost = Levenshtein.distance(phrase, heard, score_cutoff=1)
        if cost <= 1 and _edges_kept(phrase, heard, keep_edges) and (best is None or cost < best[0]):
            best = (cost, start, end)
            if cost == 0:
                break
    return best


def _edges_kept(phrase: str, heard: str, keep_edges: bool) -> bool:
    """One edit away, the first and last units are heard, or replaced (by one that sounds alike, with
    ``keep_edges``); never dropped, and an extra unit outside the phrase is not part of it."""
    if heard[0] != phrase[0] and not (heard[1:] == phrase[1:] and (
            not keep_edges or codes_sound_alike(phrase[0], heard[0]))):
        return False
    return heard[-1] == phrase[-1] or (heard[:-1] == phrase[:-1] and (
        not keep_edges or codes_sound_alike(phrase[-1], heard[-1])))


def align_within(phrase: str, text: str, max_edits: int, keep_edges: bool = True) -> tuple[int, int, int] | None:
    """The cheapest place of ``phrase`` inside ``text`` with at most ``max_edits`` substitutions,
    insertions or deletions, as (edits, start, end); None when there is none. The phrase's first and last
    units are never deleted (without them it would be a shorter, ordinary word) and, with ``keep_edges``,
    replaced only by one that sounds alike (codes_sound_alike: 你为您办理 is 已为您办理, 给您开通吗 is not
    给您开通了)."""
    size = len(phrase)
    inf = max_edits + 1
    prev = [(0, 0)] + [(inf, 0)] * size
    best: tuple[int, int, int] | None = None
    for j in range(1, len(text) + 1):
        unit = text[j - 1]
        cur = [(0, j)] + [(inf, 0)] * size
        for i in range(1, size + 1):
            diag = prev[i - 1]
            wrong = phrase[i - 1] != unit
            if wrong and keep_edges and (i == 1 or i == size) and not codes_sound_alike(phrase[i - 1], unit):
                wrong = inf
            candidate = (diag[0] + wrong, diag[1])
            inserted = prev[i]
            if i < size and inserted[0] + 1 < candidate[0]:
                candidate = (inserted[0] + 1, inserted[1])
            if 1 < i < size and cur[i - 1][0] + 1 < candidate[0]:
                candidate = (cur[i - 1][0] + 1, cur[i - 1][1])
            cur[i] = (min(candidate[0], inf), candidate[1])
        if cur[size][0] <= max_edits and (best is None or cur[size][0] < best[0]):
            best = (cur[size][0], cur[size][1], j)
        prev = cur
    return best


@dataclass(frozen=True)
class Regex(Condition):
    pattern: Any                  # an RE2 pattern (rules.pack.compile_linear)
    speaker: str | None = None
    spoken: Any = None            # the same expression over sound codes (phonetic.sound_pattern), if any
    tolerance: Tolerance = Tolerance()

    def search(self, passage: Passage, lenient: bool = False, beside: bool = False) -> Match | None:
        if self.speaker and passage.speaker != self.speaker:
            return None
        return _best_over_hypotheses(passage, self._in_text)

    def _in_text(self, norm: str) -> Match | None:
        found = self.pattern.search(norm)
        if found:
            return Match(found.group(0), 1.0, "pattern")
        codes = sound_codes(norm)
        text, codes, had_fillers = _without_fillers(norm, codes, self.tolerance.fillers)
        if had_fillers and (found := self.pattern.search(text)):
            return Match(found.group(0), FILLER_CONFIDENCE, f"略去语气词：{found.group(0)}")
        if self.spoken is not None and (found := self.spoken.search(codes)):
            heard = text[found.start(): found.end()]
            return Match(heard, SOUND_PATTERN_CONFIDENCE, f"同音（含数字读音）：{heard}")
        return None


@dataclass(frozen=True)
class AllOf(Condition):
    parts: tuple[Condition, ...]
    speaker: str | None = None

    def search(self, passage: Passage, lenient: bool = False, beside: bool = False) -> Match | None:
        """A short phrase heard by sound is supported by any other part found outright."""
        if self.speaker and passage.speaker != self.speaker:
            return None
        matches = []
        for part in self.parts:
            found = part.search(passage, lenient, beside=len(self.parts) > 1)
            if found is None:
                return None
            matches.append(found)
        supported = any(not m.needs_support and m.why != "absent" for m in matches)
        return Match(" + ".join(m.evidence for m in matches if m.evidence), min(m.confidence for m in matches),
                     "; ".join(m.why for m in matches), needs_support=not supported and any(
                         m.needs_support for m in matches))


@dataclass(frozen=True)
class AnyOf(Condition):
    parts: tuple[Condition, ...]
    speaker: str | None = None

    def search(self, passage: Passage, lenient: bool = False, beside: bool = False) -> Match | None:
        if self.speaker and passage.speaker != self.speaker:
            return None
        best = None
        for part in self.parts:
            found = part.search(passage, lenient, beside)
            if found is not None and (best is None or _rank(found) > _rank(best)):
                best = found
                if _rank(best) == (True, 1.0):
                    break
        return best


@dataclass(frozen=True)
class NotOf(Condition):
    part: Condition
    speaker: str | None = None

    def search(self, passage: Passage, lenient: bool = False, beside: bool = False) -> Match | None:
        if self.speaker and passage.speaker != self.speaker:
            return None
        return None if self.part.find(passage, not lenient) is not None else Match("", 1.0, "absent")

