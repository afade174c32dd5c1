"""Each rule kind on small transcripts, with packs written inline the way a team lead would."""

import numpy as np
import pytest

from inspector.audio.activity import FRAME_S, activity_from_masks
from inspector.rules.engine import check_call
from inspector.rules.pack import load_pack
from inspector.transcript.model import Segment, Transcript

HEADER = '[pack]\nid = "t"\nversion = "1"\nname = "t"\nscorecard = "c"\n[phrases]\nhello = ["您好"]\n'


def _pack(tmp_path, body):
    path = tmp_path / "pack.toml"
    path.write_text(HEADER + body, encoding="utf-8")
    return load_pack(path)


def _call(*segments, duration=None):
    segs = tuple(Segment(sp, float(a), float(b), text) for sp, a, b, text in segments)
    return Transcript("t", duration or max(s.end for s in segs) + 1, segs)


def _rules(pack, call, activity=None):
    return [(h.rule, h.start) for h in check_call(pack, call, activity)]


def test_required_window_by_sentences_or_seconds(tmp_path):
    pack = _pack(tmp_path, '[[rules]]\nid="G"\nname="g"\nkind="required"\nspeaker="agent"\nitem="A1"\n'
                           'window={from="start", sentences=1, seconds=10}\nmatch={phrases="hello"}\n')
    assert _rules(pack, _call(("agent", 0, 2, "喂"), ("agent", 3, 5, "您好"))) == []          # within 10 s
    assert _rules(pack, _call(("agent", 0, 2, "喂"), ("agent", 12, 14, "您好"))) == [("G", 0.0)]
    assert _rules(pack, _call(("customer", 0, 2, "您好"))) == [("G", 0.0)]                    # wrong speaker


def test_required_from_the_end_and_review_flag(tmp_path):
    pack = _pack(tmp_path, '[[rules]]\nid="E"\nname="e"\nkind="required"\nspeaker="agent"\nitem="A5"\n'
                           'window={from="end", sentences=1}\nmatch={phrases=["评价"]}\n'
                           'flag_when={phrases=["打个满分"]}\n')
    hits = check_call(pack, _call(("agent", 0, 2, "再见"), ("agent", 3, 5, "请评价，打个满分")))
    assert [(h.rule, h.flag_only, h.deduction) for h in hits] == [("E", True, 0.0)]
    assert _rules(pack, _call(("agent", 0, 2, "请评价"), ("agent", 3, 5, "再见"))) == [("E", 3.0)]


def test_forbidden_each_occurrence_and_min_count(tmp_path):
    pack = _pack(tmp_path, '[[rules]]\nid="F"\nname="f"\nkind="forbidden"\nspeaker="agent"\nitem="B1"\n'
                           'deduction=5\nmatch={phrases=["不知道"]}\nmin_count=2\n')
    one = _call(("agent", 0, 2, "这个我不知道"))
    two = _call(("agent", 0, 2, "这个我不知道"), ("customer", 2, 3, "啊"), ("agent", 3, 4, "真不知道"))
    assert _rules(pack, one) == []
    assert _rules(pack, two) == [("F", 0.0), ("F", 3.0)]


SEQUENCE = ('[[rules]]\nid="S"\nname="s"\nkind="sequence"\nspeaker="agent"\nitem="F1"\n'
            'anchor={regex="\\\\d+元"}\ntrigger={phrases=["已开通"], speaker="agent"}\n'
            'steps=[{phrases=["确认吗"], speaker="agent"}, {phrases=["确认"], speaker="customer"}]\n')


def test_sequence_needs_steps_in_order_between_anchor_and_trigger(tmp_path):
    pack = _pack(tmp_path, SEQUENCE)
    good = _call(("agent", 0, 1, "10元包月"), ("agent", 1, 2, "确认吗"), ("customer", 2, 3, "确认"),
                 ("agent", 3, 4, "已开通"))
    wrong_order = _call(("agent", 0, 1, "10元包月"), ("customer", 1, 2, "确认"), ("agent", 2, 3, "确认吗"),
                        ("agent", 3, 4, "已开通"))
    no_anchor = _call(("agent", 0, 1, "包月"), ("agent", 3, 4, "已开通"))
    assert _rules(pack, good) == []
    assert _rules(pack, wrong_order) == [("S", 0.0)]
    assert _rules(pack, no_anchor) == []                                     # N/A without an offer
    second_episode = _call(*[(s.speaker, s.start, s.end, s.text) for s in good.segments],
                           ("agent", 5, 6, "再加20元"), ("agent", 6, 7, "已开通"))
    assert _rules(pack, second_episode) == [("S", 5.0)]                    # consent does not carry over


def test_cooccur_near_the_anchor(tmp_path):
    pack = _pack(tmp_path, '[[rules]]\nid="C"\nname="c"\nkind="cooccur"\nspeaker="agent"\nitem="C3"\n'
                           'anchor={phrases=["流量包"]}\nmatch={phrases=["次月生效"]}\nwithin_sentences=1\n')
    near = _call(("agent", 0, 1, "推荐流量包"), ("customer", 1, 2, "哦"), ("agent", 2, 3, "次月生效"))
    far = _call(("agent", 0, 1, "推荐流量包"), ("agent", 1, 2, "很划算"), ("agent", 2, 3, "次月生效"))
    assert _rules(pack, near) == []
    assert _rules(pack, far) == [("C", 0.0)]
    # said just before the anchor counts too (an offer whose price was misheard is no anchor; the
    # confirmation repeating the price is, after the offer said when it takes effect)
    before = _call(("agent", 0, 1, "次月生效"), ("customer", 1, 2, "好"), ("agent", 2, 3, "确认办理流量包吗"))
    long_before = _call(("agent", 0, 1, "次月生效"), ("agent", 1, 2, "很划算"), ("agent", 2, 3, "确认办理流量包吗"))
    assert _rules(pack, before) == []
    assert _rules(pack, long_before) == [("C", 2.0)]


def test_followup_after_each_trigger_once_per_window(tmp_path):
    pack = _pack(tmp_path, '[[rules]]\nid="P"\nname="p"\nkind="followup"\nspeaker="agent"\nitem="B3"\n'
                           'trigger={phrases=["投诉"], speaker="customer"}\nmatch={phrases=["抱歉"]}\n'
                           'within_sentences=1\n')
    soothed = _call(("customer", 0, 1, "我要投诉"), ("agent", 1, 2, "非常抱歉"))
    ignored = _call(("customer", 0, 1, "我要投诉"), ("customer", 1, 2, "投诉你"), ("agent", 2, 3, "您说"))
    assert _rules(pack, soothed) == []
    assert _rules(pack, ignored) == [("P", 0.0)]


ACOUSTIC = (
    '[[rules]]\nid="Q"\nname="q"\nkind="silence"\nspeaker="any"\nitem="A3"\ngap_s=15\n'
    'announce={phrases=["请稍等"]}\nannounce_window_s=10\n'
    '[[rules]]\nid="H"\nname="h"\nkind="hold"\nspeaker="agent"\nitem="A3"\ndeduction=1\ngap_s=15\nmax_hold_s=60\n'
    'announce={phrases=["请稍等"]}\nannounce_window_s=10\nthanks={phrases=["久等了"]}\nlong_hold_deduction=2\n')


def test_silence_and_hold_from_sentence_times(tmp_path):
    pack = _pack(tmp_path, ACOUSTIC)
    unannounced = _call(("agent", 0, 2, "好的"), ("agent", 20, 22, "您好"))
    announced_long = _call(("agent", 0, 2, "请稍等"), ("agent", 70, 72, "让您久等了"))
    hits = check_call(pack, unannounced)
    assert [(h.rule, h.deduction) for h in hits] == [("Q", 0.0), ("H", 1.0)]
    assert hits[0].confidence == 0.9 and "静音 18.0 s > 15 s" in hits[0].evidence
    assert [(h.rule, h.deduction) for h in check_call(pack, announced_long)] == [("H", 2.0)]


def test_silence_measured_from_audio_overrides_times(tmp_path):
    pack = _pack(tmp_path, ACOUSTIC)
    call = _call(("agent", 0, 2, "好的"), ("agent", 20, 22, "您好"))
    frames = int(22 / FRAME_S)
    masks = np.ones((2, frames), dtype=bool)                   # the audio says someone was talking
    hits = check_call(pack, call, activity_from_masks(masks))
    assert hits == []


OVERLAP = ('[[rules]]\nid="O"\nname="o"\nkind="overlap"\nspeaker="agent"\nitem="D1"\nmin_overlap_s=1.0\n'
           'min_chars=4\nbackchannel=["嗯", "好的"]\nmin_count=2\n')


def test_overlap_counts_only_real_interruptions(tmp_path):
    pack = _pack(tmp_path, OVERLAP)
    twice = _call(("customer", 0, 5, "我说一下情况"), ("agent", 3, 7, "您先听我说"),
                  ("customer", 8, 12, "还有一件事情"), ("agent", 10, 14, "这个不用说了"))
    backchannels = _call(("customer", 0, 5, "我说一下情况"), ("agent", 3, 4.5, "嗯嗯好的"),
                         ("customer", 8, 12, "还有一件事情"), ("agent", 10, 14, "这个不用说了"))
    short = _call(("customer", 0, 5, "我说一下情况"), ("agent", 4.5, 7, "您先听我说"),
                  ("customer", 8, 12, "还有一件事情"), ("agent", 10, 14, "这个不用说了"))
    assert _rules(pack, twice) == [("O", 3.0), ("O", 10.0)]
    assert _rules(pack, backchannels) == []
    assert _rules(pack, short) == []                           # 0.5 s overlap is not talking over


def test_rate_outside_bounds(tmp_path):
    pack = _pack(tmp_path, '[[rules]]\nid="V"\nname="v"\nkind="rate"\nspeaker="agent"\nitem="D2"\n'
                           'min_cpm=120\nmax_cpm=280\nmin_chars=5\n')
    normal = _call(("agent", 0, 3, "一二三四五六七八九十"))                   # 10 chars in 3 s = 200/min
    fast = _call(("agent", 0, 1.5, "一二三四五六七八九十"), ("agent", 2, 2.5, "好"))  # short one skipped
    slow = _call(("agent", 0, 10, "一二三四五六七八九十"))
    assert _rules(pack, normal) == []
    assert [h.evidence.split()[0] for h in check_call(pack, fast)] == ["400"]
    assert [h.evidence.split()[0] for h in check_call(pack, slow)] == ["60"]


def test_mono_transcripts_apply_speaker_rules_to_everyone(tmp_path):
    pack = _pack(tmp_path, '[[rules]]\nid="G"\nname="g"\nkind="required"\nspeaker="agent"\nitem="A1"\n'
                           'window={from="start", sentences=1}\nmatch={phrases="hello"}\n')
    assert _rules(pack, _call(("unknown", 0, 2, "您好"))) == []


@pytest.mark.parametrize("body", [OVERLAP, SEQUENCE])
def test_packs_with_only_some_kinds_load(tmp_path, body):
    assert len(_pack(tmp_path, body).rules) == 1
