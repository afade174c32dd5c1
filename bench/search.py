"""Search across all calls: 100,000 calls of about a dozen sentences each, the p50/p95 time of
`inspector.store.search.search` (text, then homophones; 50 results) beside a plain `LIKE '%…%'` scan of the
same sentences with the same filters and limit, in the same run and on the same file.

Goal: p95 ≤ 200 ms. The LIKE scan finds exact text only (no homophones); it is the baseline, not an equal.
Usage: python bench/search.py [--calls N]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspector.store.database import open_database  # noqa: E402
from inspector.store.search import search, sound_pairs, text_pairs
from inspector.domain.search import SearchFilter

SCENARIOS = Path("/work/shared/scenarios")
RARE = "我的宽带光猫一直闪红灯"          # said in one call in 20,000
QUERIES = [
    ("common phrase", "服务密码", SearchFilter()),
    ("common, customer only", "没有了", SearchFilter(speaker="customer")),
    ("single character", "扣", SearchFilter()),
    ("homophone typo", "停鸡", SearchFilter()),
    ("homophone typo, customer", "头诉到底", SearchFilter(speaker="customer")),
    ("rare phrase", "光猫一直闪", SearchFilter()),
    ("rare, by sound", "光毛一直闪", SearchFilter()),
    ("absent phrase", "卫星电话", SearchFilter()),
    ("one agent", "乱扣", SearchFilter(agent_id="1007")),
    ("one week", "领导", SearchFilter(date_from="2026-06-01", date_to="2026-06-07")),
]


def sentence_pool() -> list[tuple[str, str]]:
    pool = []
    for path in sorted(SCENARIOS.glob("*.json")) or sorted((ROOT / "resources" / "demo").glob("*.transcript.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        pool.extend((t["speaker"], t["text"]) for t in data.get("turns", data.get("segments", [])))
    return pool


@lru_cache(maxsize=None)
def indexed(text: str) -> tuple[str, str]:
    return text_pairs(text), sound_pairs(text)


def build(path: Path, calls: int, seed: int = 3) -> float:
    rng = random.Random(seed)
    pool = sentence_pool()
    db = open_database(path)
    started = time.perf_counter()
    conn = db.conn
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO calls (id, content_hash, path, call_ref, agent_id, started_at, duration_s, sample_rate, "
        "channels, audio_format, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(n + 1, f"h{n}", f"/x/{n}.wav", f"C{n:06d}", f"{1000 + n % 50}",
          f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T09:00:00", 120.0, 8000, 2, "WAV", "2026-11-01")
         for n in range(calls)])
    sentence_id = 0
    for n in range(calls):
        turns = rng.sample(pool, 12)
        if n % 20_000 == 7:
            turns[3] = ("customer", RARE)
        for index, (speaker, text) in enumerate(turns):
            text = text.replace("三十", str(rng.randrange(10, 99)))     # a little variety between calls
            sentence_id += 1
            grams, sounds = indexed(text)
            conn.execute("INSERT INTO sentences VALUES (?, ?, 'imported', ?, ?, ?, ?, ?)",
                         (sentence_id, n + 1, index, speaker, index * 5.0, index * 5.0 + 4, text))
            conn.execute("INSERT INTO sentence_index (rowid, grams, sounds) VALUES (?, ?, ?)",
                         (sentence_id, grams, sounds))
    conn.execute("COMMIT")
    db.close()
    return time.perf_counter() - started


def like_scan(db, text: str, flt: SearchFilter, limit: int = 50) -> list:
    clauses, params = ["s.text LIKE ?"], [f"%{text}%"]
    for column, value in (("s.speaker", flt.speaker), ("c.agent_id", flt.agent_id)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if flt.date_from:
        clauses.append("c.started_at >= ? AND c.started_at < ?")
        params.extend([flt.date_from, flt.date_to + "T99"])
    return list(db.execute("SELECT s.call_id, s.start, s.text FROM sentences s JOIN calls c ON c.id = s.call_id "
                           f"WHERE {' AND '.join(clauses)} ORDER BY s.id DESC LIMIT ?", [*params, limit]))


def timed(fn, repeats: int) -> tuple[list[float], int]:
    times, found = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        found = len(fn())
        times.append((time.perf_counter() - started) * 1000)
    return times, found


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "search.sqlite3"
        seconds = build(path, args.calls)
        db = open_database(path)
        sentences = db.execute("SELECT count(*) FROM sentences").fetchone()[0]
        print(f"{args.calls:,} calls, {sentences:,} sentences indexed in {seconds:.0f} s; "
              f"file {path.stat().st_size / 2**20:.0f} MiB (with the index)")
        print(f"{'query':28} {'search ms':>10} {'found':>6} {'LIKE ms':>9} {'found':>6}")
        all_fts, all_like = [], []
        for name, text, flt in QUERIES:
            fts, found = timed(lambda: search(db, text, flt), args.repeats)
            like, like_found = timed(lambda: like_scan(db, text, flt), args.repeats)
            all_fts.extend(fts)
            all_like.extend(like)
            print(f"{name:28} {statistics.median(fts):10.1f} {found:6d} {statistics.median(like):9.1f} {like_found:6d}")
        print(f"\nsearch: p50 {statistics.median(all_fts):.1f} ms, p95 {p95(all_fts):.1f} ms (goal ≤ 200 ms)")
        print(f"LIKE:   p50 {statistics.median(all_like):.1f} ms, p95 {p95(all_like):.1f} ms")
        print(f"p95 ratio LIKE / search: {p95(all_like) / p95(all_fts):.1f}×")
        db.close()


if __name__ == "__main__":
    main()
