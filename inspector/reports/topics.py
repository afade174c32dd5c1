"""Emerging topics: the words and phrases that rose most in customers' speech this week against the
previous four, with example sentences — how a lead sees a new complaint wave before it is a TOP10 reason.

Customers' sentences of the version each call shows are cut into words by jieba (the category pack's
phrases added to its dictionary, so 彩铃包 stays one word); stop words, single characters and numbers are
dropped, and adjacent pairs of the remaining words count as phrases. A word counts once per call. Its rise
is how far this week's calls with it exceed what the earlier weeks' rate predicts, in standard deviations
of a Poisson count — so a word said in 3 calls after 0 ranks below one said in 40 after 5.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from functools import cache

import sqlite_utils

from inspector.privacy.masking import mask_text
from inspector.resources import resource_path

BASELINE_WEEKS = 4
MIN_CALLS = 3                 # a topic is words said in at least this many of the week's calls
EXAMPLES = 3
_WORDLIKE = re.compile(r"^[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]+$")


@dataclass(frozen=True)
class Example:
    call: str
    start: float
    text: str


@dataclass(frozen=True)
class Topic:
    words: str                   # a word, or two adjacent words joined by a space
    calls_this_week: int
    calls_before: int            # in the baseline weeks
    rise: float                  # (observed − expected) / √(expected + 1)
    examples: tuple[Example, ...]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class TopicWindow:
    week: tuple[str, str]        # first and last day, inclusive
    baseline: tuple[str, str]
    calls_this_week: int
    calls_before: int
    topics: tuple[Topic, ...]

    def to_dict(self) -> dict:
        return asdict(self)


def emerging_topics(db: sqlite_utils.Database, week_ending: date, top: int = 20,
                    min_calls: int = MIN_CALLS) -> TopicWindow:
    week_start = week_ending - timedelta(days=6)
    base_start = week_start - timedelta(weeks=BASELINE_WEEKS)
    now, now_calls, examples = _terms(db, week_start, week_ending, keep_examples=True)
    before, before_calls, _ = _terms(db, base_start, week_start - timedelta(days=1), keep_examples=False)
    topics = []
    for term, count in now.items():
        if count < min_calls:
            continue
        expected = (before[term] + 0.5) / (before_calls + 1) * now_calls
        rise = (count - expected) / math.sqrt(expected + 1)
        if rise > 0:
            topics.append(Topic(term, count, before[term], round(rise, 2), tuple(examples[term][:EXAMPLES])))
    topics.sort(key=lambda t: (-t.rise, t.words))
    return TopicWindow((week_start.isoformat(), week_ending.isoformat()),
                       (base_start.isoformat(), (week_start - timedelta(days=1)).isoformat()),
                       now_calls, before_calls, tuple(_without_parts(topics)[:top]))


def _terms(db: sqlite_utils.Database, first: date, last: date, keep_examples: bool):
    """(calls per term, calls in the period, example sentences per term) over the customers' sentences."""
    rows = db.execute(
        "WITH shown AS (SELECT c.id, c.call_ref, coalesce(c.transcript_source, (SELECT t.source FROM transcripts t "
        "  WHERE t.call_id = c.id ORDER BY t.created_at DESC, t.rowid DESC LIMIT 1)) AS source FROM calls c "
        "  WHERE c.started_at >= ? AND c.started_at < ?) "
        "SELECT shown.id, shown.call_ref, s.start, s.text FROM sentences s "
        "JOIN shown ON s.call_id = shown.id AND s.source = shown.source WHERE s.speaker = 'customer' "
        "ORDER BY shown.id, s.start", [first.isoformat(), last.isoformat() + "T99"])
    per_call: dict[int, set[str]] = defaultdict(set)
    examples: dict[str, list[Example]] = defaultdict(list)
    for call_id, ref, start, text in rows:
        terms = _sentence_terms(text)
        for term in terms - per_call[call_id]:
            if keep_examples and len(examples[term]) < EXAMPLES:
                examples[term].append(Example(ref, start, mask_text(text)))   # shown to anyone: numbers masked
        per_call[call_id] |= terms
    calls = db.execute("SELECT count(*) FROM calls WHERE started_at >= ? AND started_at < ?",
                       [first.isoformat(), last.isoformat() + "T99"]).fetchone()[0]
    return Counter(t for terms in per_call.values() for t in terms), calls, examples


def _sentence_terms(text: str) -> set[str]:
    words = [w for w in _segmenter().lcut(text) if _WORDLIKE.match(w) and w not in stop_words()]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


def _without_parts(topics: list[Topic]) -> list[Topic]:
    """A word that only rose as part of a phrase that rose as much says nothing more: keep the phrase."""
    phrases = [t for t in topics if " " in t.words]
    return [t for t in topics if " " in t.words or not any(
        t.words in p.words.split(" ") and p.calls_this_week >= t.calls_this_week for p in phrases)]


@cache
def stop_words() -> frozenset[str]:
    lines = resource_path("topics", "stopwords-zh.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def _segmenter():
    """jieba with its log quiet and the category pack's phrases as words of the dictionary."""
    import logging

    import jieba
    from inspector.categories.pack import default_category_pack

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for category in default_category_pack().categories:
        for phrase in category.phrases.phrases if category.phrases else ():
            if len(phrase.norm) >= 2:
                tokenizer.add_word(phrase.text)
    return tokenizer
