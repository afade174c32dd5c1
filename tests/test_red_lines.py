"""F2 and F4 from the calls themselves: customer data read out before the identity check passed (R18) and
hanging up on a customer (R19), on the end-to-end scenarios' calls and on a spoken stereo call."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.audio.activity import analyse
from inspector.audio.recording import decode
from inspector.rules.engine import check_call
from inspector.scoring.defaults import default_pack
from inspector.transcript.model import Segment, Transcript
from tests.audio_files import spoken_call
from tests.scenario_transcripts import load_scenario, timed_transcript

E2E = Path(__file__).resolve().parents[1] / "bench" / "scenarios" / "e2e"


def _rules(transcript, activity=None) -> set[str]:
    return {h.rule for h in check_call(default_pack(), transcript, activity) if not h.listen}


@pytest.mark.parametrize("scenario", sorted(E2E.glob("E*.json")), ids=lambda p: p.stem)
def test_the_end_to_end_scenarios_clean_text_gives_exactly_their_expected_hits(scenario):
    data = load_scenario(scenario)
    assert _rules(timed_transcript(data)) == set(data["expected_rule_hits"])


def _call(*turns, end_after: float = 1.0) -> Transcript:
    segments, at = [], 0.5
    for speaker, text in turns:
        segments.append(Segment(speaker, at, at + 2.0, text))
        at += 2.6
    return Transcript("t", round(segments[-1].end + end_after, 3), tuple(segments))


OPENING = ("agent", "您好，我是工号三七二八，很高兴为您服务。")


def test_a_phone_number_read_out_before_verification_is_a_disclosure_and_after_it_is_not():
    before = _call(OPENING, ("customer", "我查套餐。"), ("agent", "您的手机号是一三八一二三四五六七八对吧？"),
                   ("agent", "请提供服务密码。"), ("customer", "六六八八一二。"), ("agent", "验证通过。"))
    hit = next(h for h in check_call(default_pack(), before) if h.rule == "R18")
    assert hit.item == "F2" and "13812345678" in hit.evidence and hit.speaker == "agent"
    after = _call(OPENING, ("customer", "我查套餐。"), ("agent", "请提供服务密码。"), ("customer", "六六八八一二。"),
                  ("agent", "验证通过，您的手机号尾号是五六七八。"))
    assert "R18" not in _rules(after)
    # the customer saying their own number, an amount or the job number discloses nothing
    harmless = _call(OPENING, ("customer", "我的号码是一三八一二三四五六七八。"), ("agent", "您的套餐是五十八元。"))
    assert "R18" not in _rules(harmless)
    # nor the company's name: 中国移动 sounds like 一栋 (building one), and almost every opening says it
    branded = _call(("agent", "您好，中国移动客服很高兴为您服务，我是工号三七二八。"), ("customer", "我查套餐。"),
                    ("agent", "请提供服务密码。"), ("customer", "六六八八一二。"), ("agent", "验证通过。"))
    assert "R18" not in _rules(branded)


def test_ending_on_the_customers_words_without_closing_or_reason_is_a_hang_up():
    cut = _call(OPENING, ("customer", "我想退掉那个流量包，我根本没有"))
    hit = next(h for h in check_call(default_pack(), cut) if h.rule == "R19")
    assert hit.item == "F4" and "客户" in hit.evidence
    reasoned = _call(OPENING, ("customer", "喂？"), ("agent", "您那边信号不好，稍后给您回电。"), ("customer", "喂？喂？"))
    assert "R19" not in _rules(reasoned)
    closed = _call(OPENING, ("agent", "感谢您的来电，再见。"), ("customer", "好的再见。"))
    assert "R19" not in _rules(closed)
    answered_long_after = _call(OPENING, ("customer", "好，我知道了。"), end_after=6.0)
    assert "R19" not in _rules(answered_long_after)


def test_a_hang_up_is_measured_on_the_audio_of_a_spoken_call(tmp_path):
    """The customer's voice runs to the end of the recording: measured from the audio's second channel."""
    path, truth = spoken_call(tmp_path, "cut", [
        ("agent", "nin2 hao3, hen3 gao1 xing4 wei4 nin2 fu2 wu4", "您好，很高兴为您服务", 0, 50),
        ("customer", "wo3 xiang3 tui4 diao4 liu2 liang4 bao1, wo3 gen1 ben3 mei2 you3", "我想退掉流量包，我根本没有",
         0, 30)])
    recording = decode(path)
    hits = [h for h in check_call(default_pack(), truth, analyse(recording.samples, recording.sample_rate))
            if h.rule == "R19"]
    assert hits and hits[0].why == "measured" and hits[0].confidence == 0.9
