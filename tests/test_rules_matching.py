"""Matching that survives recognition errors: normalisation, digits both ways, homophones, fuzzy pinyin."""

import re

import pytest

from inspector.rules.conditions import AllOf, AnyOf, NotOf, Passage, Phrase, Phrases, Regex
from inspector.rules.phonetic import merged_syllable
from inspector.rules.text import normalize, spoken_length


def _phrases(*texts, unless=(), threshold=0.85, speaker=None):
    return Phrases(tuple(Phrase.of(t) for t in texts), tuple(Phrase.of(u) for u in unless), threshold, speaker)


def _agent(text):
    return Passage("agent", text)


@pytest.mark.parametrize("text", ["12300", "幺二三零零", "一二三零零", "１２３００", "1 2 3 0 0", "幺 二 三 〇 〇"])
def test_digits_read_both_ways(text):
    assert normalize(text) == "12300"


def test_spaces_punctuation_and_width_are_ignored():
    assert normalize("您好， 很 高兴 为您服务！ＯＫ") == "您好很高兴为您服务ok"
    assert spoken_length("您好，很高兴为您服务。") == 9


def test_exact_match_has_full_confidence():
    found = _phrases("为您服务").find(_agent("您好 很 高兴 为 您 服务"))
    assert (found.confidence, found.why) == (1.0, "exact")


@pytest.mark.parametrize("one,other", [("拉", "那"), ("发", "哈"), ("杂", "炸"), ("擦", "插"), ("撒", "沙")])
def test_initial_confusions_are_merged(one, other):
    """l/n, f/h, z/zh, c/ch, s/sh"""
    assert merged_syllable(one) == merged_syllable(other)


def test_distinct_sounds_stay_distinct():
    assert merged_syllable("八") != merged_syllable("发")
    assert merged_syllable("么") != merged_syllable("们")


def test_final_confusions_are_merged():
    assert merged_syllable("班") == merged_syllable("帮")     # an / ang
    assert merged_syllable("真") == merged_syllable("争")     # en / eng (and z/zh)
    assert merged_syllable("心") == merged_syllable("星")     # in / ing


def test_homophone_match_is_lower_confidence_and_says_why():
    found = _phrases("很高兴为您服务").find(_agent("你好，很高兴位您服务"))
    assert found.confidence == 0.85
    assert found.why == "同音：很高兴位您服务 ≈ 很高兴为您服务"


def test_accent_confusion_matches_as_homophone():
    # 南方口音 n/l 与 en/eng 不分: 耐心等待 heard as 赖心登待
    found = _phrases("耐心等待").find(_agent("感谢您的赖心登待"))
    assert found is not None and found.confidence == 0.85


def test_fuzzy_match_on_syllables_for_a_wrong_syllable():
    near = _phrases("感谢您的耐心等待").find(_agent("感谢您的耐心等一下"))   # one syllable of eight differs
    assert near is not None and near.confidence < 0.85 and near.why.startswith("近音 88%")
    assert _phrases("感谢您的耐心等待", threshold=0.95).find(_agent("感谢您的耐心等一下")) is None
    assert _phrases("感谢您的耐心等待").find(_agent("我们下次再聊吧好不好")) is None


def test_short_phrases_never_match_by_sound():
    assert _phrases("已开通").find(_agent("您同意开通吗")) is None


def test_unless_removes_harmless_contexts_only():
    rule = _phrases("不知道", unless=["不知道您是否"])
    assert rule.find(_agent("不知道您是否还有其他问题")) is None
    assert rule.find(_agent("不知道您是否满意，这个我也不知道")) is not None


def test_speaker_filter_and_boolean_operators():
    consent = AllOf((_phrases("确认"), NotOf(_phrases("考虑"))), "customer")
    assert consent.find(Passage("customer", "确认办理")) is not None
    assert consent.find(Passage("customer", "确认前我再考虑一下")) is None
    assert consent.find(Passage("agent", "确认办理")) is None
    either = AnyOf((Regex(re.compile(r"工号\d{3,6}")), _phrases("我是客服")))
    found = either.find(_agent("我是工号三二五七"))
    assert found.evidence == "工号3257"
