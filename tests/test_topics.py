"""Emerging topics: a word that customers suddenly say this week ranks first with example sentences; words
said as often as before do not rise; stop words never show."""

import datetime
import json
import subprocess
import sys

from inspector.reports.topics import emerging_topics, stop_words
from inspector.store.calls import CallRepository
from inspector.domain.calls import NewCall
from inspector.store.database import open_database
from inspector.store.transcripts import TranscriptRepository
from inspector.transcript.model import Segment, Transcript
from tests.conftest import ROOT

STEADY = ["你好，我想查一下这个月的流量。", "我想把套餐改成便宜一点的。", "我的手机怎么停机了？"]
NEW = "我收到一条反诈短信，说我的号码要被停用了。"


def _fill(db, week_ending):
    calls, transcripts = CallRepository(db), TranscriptRepository(db)
    n = 0
    for day in range(35):                                        # five weeks, four calls a day
        when = week_ending - datetime.timedelta(days=34 - day)
        for k in range(4):
            text = STEADY[(day + k) % 3]
            if day >= 28 and k < 2:                              # this week: half the calls are about it
                text = NEW
            call, _ = calls.add(NewCall(call_ref=f"C{n:03d}", content_hash=f"h{n}", path=f"/x/{n}.wav",
                                        duration_s=60.0, sample_rate=8000, channels=2, audio_format="WAV",
                                        agent_id="1001", started_at=f"{when.isoformat()}T09:{k:02d}:00"))
            transcripts.save(call.id, "imported", Transcript(f"C{n}", 10.0, (
                Segment("agent", 0.0, 2.0, "您好，请问有什么可以帮您？反诈"),      # agents' words never count
                Segment("customer", 2.5, 5.0, text))))
            n += 1


def test_a_new_complaint_wave_rises_with_examples(tmp_path):
    db = open_database(tmp_path / "db.sqlite3")
    week_ending = datetime.date(2026, 11, 22)
    _fill(db, week_ending)
    found = emerging_topics(db, week_ending, top=10)
    assert found.week == ("2026-11-16", "2026-11-22") and found.calls_this_week == 28 and found.calls_before == 112
    first = found.topics[0]
    assert "反诈" in first.words and first.calls_this_week == 14 and first.calls_before == 0
    assert first.examples[0].text == NEW and len(first.examples) == 3
    shown = {t.words for t in found.topics}
    assert not shown & {"流量", "套餐", "停机"}                 # said as often as before (less, even)
    assert not {w for t in found.topics for w in t.words.split(" ")} & stop_words()
    db.close()


def test_topics_cli(tmp_path):
    db = open_database(tmp_path / "ws" / "inspector.sqlite3")
    _fill(db, datetime.date(2026, 11, 22))
    db.close()
    done = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(tmp_path / "ws"), "topics",
                           "--week-ending", "2026-11-22", "--format", "json"], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert "反诈" in json.loads(done.stdout)["topics"][0]["words"]
