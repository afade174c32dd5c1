"""Customer emotion: from the words (lexicon with negation) and from the voice against the caller's own
start; a synthesised caller who gets louder and higher rises, a calm one with the same words does not."""

import pytest

from inspector.audio.recording import decode
from inspector.emotion.lexicon import LexiconError, default_lexicon, load_lexicon
from inspector.emotion.turns import customer_emotion
from inspector.transcript.io import load_transcript
from inspector.transcript.model import Segment, Transcript
from tests.audio_files import spoken_call
from tests.conftest import DEMO

AGENT = ("agent", "nin2 hao3 qing3 wen4 you3 shen2 me5 ke3 yi3 bang1 nin2", "您好请问有什么可以帮您", -8.0, 50)
# the same neutral words in every customer turn: only the voice can tell the two calls apart
CUSTOMER = [("wo3 xiang3 cha2 yi2 xia4 zhe4 ge4 yue4 de5 liu2 liang4", "我想查一下这个月的流量"),
            ("wo3 de5 hao4 ma3 shi4 yi1 san1 wu3 ling2", "我的号码是一三五零"),
            ("wo3 xiang3 zai4 wen4 yi2 xia4 zhe4 ge4 tao4 can1", "我想再问一下这个套餐"),
            ("wo3 yao4 cha2 yi2 xia4 zhe4 ge4 fei4 yong4", "我要查一下这个费用")]


def _call(tmp_path, name, gains, pitches):
    turns = [AGENT]
    for (pinyin, text), gain, pitch in zip(CUSTOMER, gains, pitches):
        turns += [("customer", pinyin, text, gain, pitch), AGENT]
    path, transcript = spoken_call(tmp_path, name, turns)
    return decode(path), transcript


def test_a_caller_who_gets_louder_rises_and_a_calm_one_does_not(tmp_path):
    recording, transcript = _call(tmp_path, "louder", gains=(-20, -20, -8, -2), pitches=(40, 40, 75, 95))
    rising = customer_emotion(transcript, recording)
    assert rising.basis == ("words", "loudness", "pitch", "speech rate")
    assert rising.turns[-1].loudness_db - rising.turns[0].loudness_db > 12
    assert rising.turns[-1].pitch_hz > rising.turns[0].pitch_hz
    assert rising.start_label == "calm" and rising.end_label in ("tense", "upset")
    assert rising.worsened

    recording, transcript = _call(tmp_path, "calm", gains=(-12, -12, -12, -12), pitches=(50, 50, 50, 50))
    calm = customer_emotion(transcript, recording)
    assert abs(calm.turns[-1].loudness_db - calm.turns[0].loudness_db) < 2
    assert calm.start_label == calm.end_label == "calm" and not calm.worsened
    assert max(t.distress for t in calm.turns) < 0.15


def test_words_alone_on_the_demo_calls():
    angry = customer_emotion(load_transcript(DEMO / "S6.transcript.json"))
    assert angry.basis == ("words", "speech rate")
    assert angry.turns[0].label == "upset" and "乱扣" in angry.turns[0].word_evidence
    polite = customer_emotion(load_transcript(DEMO / "S1.transcript.json"))
    assert polite.start_label == polite.end_label == "calm" and not polite.worsened


def test_words_that_turn_sour_during_the_call():
    transcript = Transcript("t", 40.0, (
        Segment("customer", 0, 3, "你好，我想问一下话费。"), Segment("customer", 5, 8, "好的。"),
        Segment("customer", 10, 13, "什么？凭什么扣这么多！"), Segment("customer", 15, 18, "你这什么态度，我要投诉！")))
    emotion = customer_emotion(transcript)
    assert emotion.start_label == "calm" and emotion.end_label == "upset" and emotion.worsened


@pytest.mark.parametrize("text, sign", [("我不生气，就是问问", 0), ("这个处理我不满意", -1), ("不好", -1),
                                        ("没有了，谢谢。", 1), ("态度太差了", -1), ("我想查一下流量", 0)])
def test_lexicon_negation_and_intensifiers(text, sign):
    score = default_lexicon().score(text).score
    assert (score > 0) - (score < 0) == sign, score
    assert default_lexicon().score("态度太差了").score < default_lexicon().score("态度差了").score


def test_a_broken_lexicon_names_the_file(tmp_path):
    path = tmp_path / "lex.toml"
    path.write_text('[negative]\n"投诉" = 3\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="lex.toml.*投诉"):
        load_lexicon(path)


def test_no_customer_no_emotion():
    assert customer_emotion(Transcript("t", 5.0, (Segment("unknown", 0, 2, "你好"),))) is None


def test_emotion_database_stores_lists_and_filters(tmp_path):
    import json
    import subprocess
    import sys

    import shutil

    from tests.conftest import ROOT
    from inspector.transcript.io import save_transcript

    folder = tmp_path / "calls"
    folder.mkdir()
    for name, gains, pitches in (("louder", (-20, -20, -8, -2), (40, 40, 75, 95)), ("calm", (-12,) * 4, (50,) * 4)):
        _recording, transcript = _call(tmp_path, name, gains, pitches)
        shutil.copy(tmp_path / f"{name}.wav", folder)
        save_transcript(transcript, folder / f"{name}.transcript.json")
    data = str(tmp_path / "ws")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "inspector", "--data-dir", data, *args], cwd=ROOT,
                              capture_output=True, text=True)

    assert run("import", str(folder)).returncode == 0
    done = run("emotion", "--database")
    assert done.returncode == 0, done.stderr
    lines = {json.loads(line)["call"]: json.loads(line)["emotion"] for line in done.stdout.splitlines()}
    assert lines["louder"]["worsened"] and not lines["calm"]["worsened"]
    assert lines["calm"] == {"start": "calm", "end": "calm", "worsened": False,
                             "basis": ["words", "loudness", "pitch", "speech rate"]}
    worsened = json.loads(run("calls", "--worsened", "--format", "json").stdout)
    assert [c["call_ref"] for c in worsened] == ["louder"] and worsened[0]["emotion"]["end"] in ("tense", "upset")
    one = run("emotion", "--transcript", str(folder / "calm.transcript.json"))
    assert json.loads(one.stdout)["basis"] == ["words", "speech rate"]        # no audio given: says so
