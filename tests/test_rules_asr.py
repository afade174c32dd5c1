"""Rule checks on recognised speech: each kind of recognition error that used to give a false hit (or hide
a real one) with the default pack, and absences in words the recogniser was unsure of."""

import pytest

from inspector.domain.decisions import Decision
from inspector.rules.conditions import AllOf, Passage, Phrase, Phrases, Tolerance
from inspector.rules.engine import check_call
from inspector.rules.pack import PackError, load_pack
from inspector.scoring.defaults import default_card, default_pack
from inspector.scoring.evaluation import Evaluation
from inspector.scoring.score import prefill
from inspector.transcript.model import Segment, Transcript, Word

GOOD_OPENING = "您好，很高兴为您服务，工号三二五七。"


def _call(*turns, words_conf=None):
    """Turns (speaker, text, [alternatives]) two seconds apart; ``words_conf`` gives every segment one
    word per character at that confidence, as Vosk would."""
    segments = []
    for n, (speaker, text, *alternatives) in enumerate(turns):
        start = 0.5 + 2.5 * n
        words = () if words_conf is None else tuple(
            Word(char, start + i * 0.1, start + i * 0.1 + 0.1, words_conf) for i, char in enumerate(text))
        segments.append(Segment(speaker, start, start + 2.0, text, words, tuple(alternatives[0]) if alternatives
                                else ()))
    return Transcript("t", 0.5 + 2.5 * len(turns) + 1.0, tuple(segments))


def _rules(transcript):
    return {h.rule for h in check_call(default_pack(), transcript)}


def _opening(first: str):
    return _call(("agent", first), ("customer", "我想问一下话费。"), ("agent", "好的，请稍等。"))


@pytest.mark.parametrize("opening", ["您好，很高兴为您服务，工号呃四四二一。",
                                     "您好，很高兴为您服务，工号四四嗯二一。",
                                     "您好，很高兴为您，那个，服务，工号四四二一。"])
def test_a_filler_inside_a_phrase_or_job_number_hides_nothing(opening):
    assert not {"R01", "R02"} & _rules(_opening(opening))


def test_a_match_without_fillers_says_so_and_is_less_sure():
    phrases = Phrases((Phrase.of("很高兴为您服务"),), tolerance=Tolerance(fillers=("呃",)))
    found = phrases.find(Passage("agent", "很高兴为您呃服务"))
    assert found is not None and found.confidence == 0.95 and found.why.startswith("略去语气词")


@pytest.mark.parametrize("opening", ["您好，很高兴为您服务，工号八一另三。",      # 零 → 另
                                     "您好，很高兴为您服务，工号三九就一六。",    # 九 → 就
                                     "您好，很高兴为您服务，功耗四是二一。",      # 工号 → 功耗, 四 → 是
                                     "您好 很 高兴 为您 服务 我 是 工 六六 一三"])  # 号 dropped
def test_job_numbers_heard_with_homophones_still_count(opening):
    assert "R02" not in _rules(_opening(opening))


def test_a_pattern_matched_by_sound_says_why():
    hits = check_call(default_pack(), _opening("您好，很高兴为您服务，功耗三九就一六。"))
    assert "R02" not in {h.rule for h in hits}
    assert "R02" in _rules(_opening("您好，很高兴为您服务。"))        # no number at all: still a hit


def test_a_short_phrase_heard_by_sound_needs_support():
    assert "R01" not in _rules(_opening("您壕，很高兴为您服务，工号三二五七。"))   # 您好 beside 为您服务
    both = AllOf((Phrases((Phrase.of("您好"),)), Phrases((Phrase.of("为您服务"),))))
    assert both.find(Passage("agent", "您壕，很高兴为您服务")).confidence == 0.6
    alone = Phrases((Phrase.of("您好"),))
    assert alone.find(Passage("agent", "您壕")) is None                       # accuses nobody on its own
    assert alone.find(Passage("agent", "您壕"), lenient=True).needs_support


def _operation(done: str):
    return _call(("agent", GOOD_OPENING), ("customer", "我要开通流量包。"), ("agent", done),
                 ("agent", "请问还有其他可以帮您的吗？"), ("agent", "请对我的服务评价，感谢来电，再见。"))


@pytest.mark.parametrize("done", ["好的，已为办理好了。",          # 您 dropped from 已为您办理
                                  "好的，你为您办理好了。",        # 已 heard as 你
                                  "好的，已为您呃办理了。"])       # a filler inserted
def test_a_dropped_inserted_or_wrong_syllable_does_not_hide_an_operation(done):
    assert "R03" in _rules(_operation(done))          # no identity check before it


def test_a_wrong_syllable_match_is_less_sure_and_says_how_similar():
    hit = next(h for h in check_call(default_pack(), _operation("好的，你为您办理好了。")) if h.rule == "R03")
    assert hit.confidence < 0.85 and "近音 83%：为您办理好了 ≈ " in hit.why


def test_the_edges_of_a_phrase_are_neither_dropped_nor_replaced_by_another_sound():
    assert "R03" not in _rules(_operation("我为您办理一下。"))        # 为您办理 is not 已为您办理
    assert "R03" not in _rules(_operation("需要给您开通吗？"))        # a question, not 给您开通了


def test_an_alternative_hypothesis_can_clear_the_agent():
    heard = _call(("agent", GOOD_OPENING), ("customer", "我要重置密码。"),
                  ("agent", "验证周末，请稍等。", ["验证通过，请稍等。"]), ("agent", "密码已重置。"))
    assert "R03" not in _rules(heard)
    assert "R03" in _rules(_call(*[(s.speaker, s.text) for s in heard.segments]))


def test_a_number_inside_a_longer_number_is_not_a_complaint_line():
    call = _call(("agent", GOOD_OPENING), ("customer", "身份证后六位是一二零三一五。"), ("agent", "核实通过。"))
    assert "R13" not in _rules(call)
    assert "R13" in _rules(_call(("agent", GOOD_OPENING), ("customer", "我要打三一五投诉。")))


def test_an_inserted_word_in_a_forbidden_phrase_is_still_found():
    call = _call(("agent", GOOD_OPENING), ("customer", "营业厅几点关门？"), ("agent", "这个我也不太清楚。"))
    assert "R06" in _rules(call)
    harmless = _call(("agent", GOOD_OPENING), ("customer", "好的。"), ("agent", "有不太清楚的地方再来电。"))
    assert "R06" not in _rules(harmless)


def test_an_absence_in_unsure_words_is_listen_to_confirm_and_prefills_nothing():
    unsure = _call(("agent", "喂，请讲。"), ("customer", "我想问一下话费。"), ("agent", "我帮您查一下。"),
                   words_conf=0.35)    # the agent answers last: not a hang-up (R19)
    hits = check_call(default_pack(), unsure)
    opening = next(h for h in hits if h.rule == "R01")
    assert opening.listen and opening.confidence <= 0.35 and opening.why.startswith("listen")
    assert opening.evidence.startswith("需听音确认")
    sure = next(h for h in check_call(default_pack(), _call(("agent", "喂，请讲。"), ("customer", "我想问一下话费。"),
                                                            words_conf=0.95)) if h.rule == "R01")
    # recognised words: the absence carries how often such absences were right (the pack's [calibration])
    assert not sure.listen and sure.confidence == default_pack().calibration.precision["absent"]
    card = default_card()
    blank = Evaluation("e", 1, "1001", card.id, card.version)
    undecided = prefill(card, blank, hits, {}, "1001")
    assert not any(state.deductions for state in undecided.items) and not undecided.fatal
    from inspector.rules.hits import hit_key
    confirmed = {hit_key(opening): Decision(hit_key(opening), "R01", "confirmed", "", "1001", "now")}
    after = prefill(card, blank, hits, confirmed, "1001")
    assert [d.points for d in after.item(opening.item).deductions] == [opening.deduction]


def test_an_unsure_red_line_is_not_pending_until_confirmed():
    offer = _call(("agent", GOOD_OPENING), ("customer", "查一下流量。"),
                  ("agent", "验证通过。现在有个十元五G的流量包，下个月生效。"), ("customer", "嗯。"),
                  ("agent", "好的，已经给您开通了。"), words_conf=0.3)
    hits = check_call(default_pack(), offer)
    red = [h for h in hits if h.rule == "R04"]
    assert red and all(h.listen for h in red)
    card = default_card()
    assert not prefill(card, Evaluation("e", 1, "1001", card.id, card.version), hits, {}, "1001").fatal


def test_the_pack_options_for_recognised_speech_are_checked(tmp_path):
    header = '[pack]\nid = "t"\nversion = "1"\nname = "t"\nscorecard = "c"\n'
    rule = '[[rules]]\nid="G"\nname="g"\nkind="required"\nspeaker="agent"\nflag_only=true\n' \
           'window={from="start",sentences=1}\nmatch={phrases=["已为您办理"]}\n'
    path = tmp_path / "p.toml"
    for bad, message in (('fillers = "嗯"', "[pack].fillers"), ("listen_below = 2", "[pack].listen_below"),
                         ("sound_edit_min_syllables = 2", "[pack].sound_edit_min_syllables"),
                         ("sound_edits = -1", "[pack].sound_edits")):
        path.write_text(header + bad + "\n" + rule, encoding="utf-8")
        with pytest.raises(PackError, match=message.replace("[", r"\[").replace("]", r"\]")):
            load_pack(path)
    path.write_text(header + rule, encoding="utf-8")
    exact = load_pack(path)                        # without the options: no syllable tolerated wrong
    assert check_call(exact, _call(("agent", "已为办理")))
    path.write_text(header + "sound_edits = 1\n" + rule, encoding="utf-8")
    assert not check_call(load_pack(path), _call(("agent", "已为办理")))


OFFER = "现在有一个音乐包，每月八元，次月生效。"


def test_a_question_about_ordering_or_ordering_declined_is_not_the_order():
    declined = _call(("agent", GOOD_OPENING), ("agent", "验证通过。" + OFFER), ("agent", "需要给您开通吗？"),
                     ("customer", "我再考虑考虑吧。"), ("agent", "好的，那就先不给您开通了。"))
    assert "R04" not in _rules(declined)
    confirmed = _call(("agent", GOOD_OPENING), ("agent", "验证通过。" + OFFER),
                      ("agent", "确认给您开通吗？"), ("customer", "确认。"), ("agent", "好的，已为您开通。"))
    assert "R04" not in _rules(confirmed)
    asked_then_ordered = _call(("agent", GOOD_OPENING), ("agent", "验证通过。" + OFFER),
                               ("agent", "跟您确认一下，每月八元的音乐包，确认给您开通了"), ("customer", "确认开通吧。"),
                               ("agent", "好的，已为您开通成功。"))    # the question's 吗 heard as 了
    assert "R04" not in _rules(asked_then_ordered)
    ordered_on_a_grunt = _call(("agent", GOOD_OPENING), ("agent", "验证通过。" + OFFER), ("customer", "嗯。"),
                               ("agent", "好的，已为您开通。"))
    assert "R04" in _rules(ordered_on_a_grunt)


@pytest.mark.parametrize("going_ahead", ["行，那我这边给您开通了，稍后会有短信通知。",
                                         "好，我给您办理好了，歌曲您在短信里选就行。",
                                         "那就给您开通了，您留意一下短信。",
                                         "行那我这边给您开通闻稍后会有短信通知",     # 了 heard as 闻 (E30)
                                         "好我给您办理好文歌曲您在短信里洗就行",     # 了 heard as 文 (E32)
                                         "那就给您开通完您留意一下短信"])            # 了 heard as 完 (E37)
def test_the_agent_going_ahead_is_the_order_with_or_without_its_final_le(going_ahead):
    on_a_grunt = _call(("agent", GOOD_OPENING), ("agent", "验证通过。" + OFFER), ("customer", "嗯。"),
                       ("agent", going_ahead))
    assert "R04" in _rules(on_a_grunt)
    confirmed = _call(("agent", GOOD_OPENING), ("agent", "验证通过。" + OFFER + "需要给您开通吗？"),
                      ("customer", "可以，办吧。"), ("agent", going_ahead))
    assert "R04" not in _rules(confirmed)


@pytest.mark.parametrize("asked", ["那我帮您开通好吗？", "那我给您办理可以吗？", "那我这边给您开通之前，先跟您说一下资费。",
                                   "那我帮您开通吗？", "我这边给您办理不了，您得去营业厅。"])
def test_asking_about_going_ahead_or_saying_it_cannot_be_done_is_not_the_order(asked):
    transcript = _call(("agent", GOOD_OPENING), ("agent", "验证通过。" + OFFER), ("customer", "嗯。"), ("agent", asked))
    assert "R04" not in _rules(transcript)


def _spoken(speaker: str, start: float, *sentences: str, pause: float = 0.6) -> Segment:
    """One recognised segment holding the sentences, words 0.2 s apart within one and ``pause`` between them."""
    words, t = [], start
    for n, sentence in enumerate(sentences):
        t = words[-1].end + pause if n else t
        for word in sentence.split():
            words.append(Word(word, t, t + 0.3, 0.9))
            t += 0.5
    return Segment(speaker, start, words[-1].end, " ".join(sentences), tuple(words))


def test_two_sentences_a_recogniser_kept_in_one_segment_count_as_two_before_soothing():
    """凭什么 answered by two sentences of explanation said a breath apart, then 非常抱歉: the agent's next two
    sentences hold no soothing (R14), though the recogniser gave the two as one segment."""
    def call(pause):
        return Transcript("t", 40.0, (
            _spoken("agent", 0.5, "您好 很高兴 为您 服务 工号 三二 五七"),
            _spoken("customer", 5.0, "我 根本 没 打 长途 凭什么 扣 我 钱"),
            _spoken("agent", 10.0, "我 这边 记录 显示 上 月 有 一通 国际 电话", "通话 时长 十分钟 按 长途 资费 收取", pause=pause),
            _spoken("customer", 20.0, "那 不是 我 打 的"),
            _spoken("agent", 23.0, "非常 抱歉 我 理解 您 的 心情 我 帮 您 提交 核查")))
    assert "R14" in _rules(call(0.6))
    assert "R14" not in _rules(call(0.3))          # one sentence with a comma's pause: the reply is the next two


def _timed(*segments):
    return Transcript("t", segments[-1][2] + 1.0, tuple(Segment(s, a, b, t) for s, a, b, t in segments))


def test_a_slow_agent_split_by_the_recogniser_is_measured_over_the_whole_turn():
    """Each piece alone is 150-odd characters a minute; the turn with its pauses is 116: too slow."""
    split = [("agent", 0.5, 4.0, "您好很高兴为您服务"), ("agent", 5.5, 9.0, "我是工号三七二八"),
             ("agent", 10.5, 14.0, "请问有什么可以帮您")]
    hits = [h for h in check_call(default_pack(), _timed(*split)) if h.rule == "R12"]
    assert hits and hits[0].evidence.startswith("116 字/分钟")
    answered_between = [*split[:1], ("customer", 4.2, 5.3, "你好"), *split[1:2], ("customer", 9.2, 10.3, "嗯嗯"),
                        *split[2:]]
    assert "R12" not in _rules(_timed(*answered_between))
    long_pauses = [("agent", 0.5, 4.0, "您好很高兴为您服务"), ("agent", 6.5, 10.0, "我是工号三七二八"),
                   ("agent", 12.5, 16.0, "请问有什么可以帮您")]
    assert "R12" not in _rules(_timed(*long_pauses))


@pytest.mark.parametrize("address", ["上海市浦东新区世纪大道一百号", "北京市朝阳区建国路八十八号"])
def test_an_address_with_a_house_number_in_words_before_verification_is_a_disclosure(address):
    call = _call(("agent", GOOD_OPENING), ("customer", "我的卡怎么还没到？"), ("agent", f"您的收货地址是{address}，对吗？"),
                 ("customer", "对。"), ("agent", "请您提供一下服务密码。"))
    assert "R18" in _rules(call)


def test_a_monthly_fee_whose_amount_was_misheard_is_still_an_offer():
    """十五元 heard as 玄武岩: 每月 still says a fee is offered, so the start date is still required."""
    told = _call(("agent", GOOD_OPENING), ("agent", "现在有视频会员活动，每月玄武岩，下个月生效。"), ("customer", "好的。"))
    untold = _call(("agent", GOOD_OPENING), ("agent", "现在有视频会员活动，每月玄武岩。"), ("customer", "好的。"))
    assert "R05" not in _rules(told) and "R05" in _rules(untold)


def test_words_a_recogniser_was_unsure_of_in_a_slow_agents_pauses_are_not_counted_as_said():
    """26 characters heard surely and four short words at 0.3 filling the pauses: 116 a minute, too slow;
    counted as said they would make it 133."""
    def worded(start, end, sure, unsure):
        chars = list(sure) + list(unsure)
        step = (end - start) / len(chars)
        words = tuple(Word(c, start + i * step, start + (i + 1) * step, 0.95 if i < len(sure) else 0.3)
                      for i, c in enumerate(chars))
        return Segment("agent", start, end, "".join(chars), words)
    turn = Transcript("t", 15.0, (worded(0.5, 4.0, "您好很高兴为您服务", "与"), worded(5.5, 9.0, "我是工号三七二八", "和"),
                                  worded(10.5, 14.0, "请问有什么可以帮您", "嗯吧")))
    hits = [h for h in check_call(default_pack(), turn) if h.rule == "R12"]
    assert hits and hits[0].evidence.startswith("116 字/分钟")


def test_a_fast_agent_heard_unsurely_is_still_measured_fast():
    """A fast agent's words come out garbled and unsure (dev E09: 你好 很高兴 为你 服务 不是 不好 分配 …), but
    one character a syllable: 36 characters in 6 s is 360 a minute, though only 12 were heard surely."""
    chars = "你好很高兴为你服务不是不好分配的吧评语瘦腿的呢跑步贫穷影响宫女们是的医生"
    words = tuple(Word(c, 0.5 + i * 6.0 / len(chars), 0.5 + (i + 1) * 6.0 / len(chars), 0.9 if i % 3 == 0 else 0.3)
                  for i, c in enumerate(chars))
    fast = Transcript("t", 8.0, (Segment("agent", 0.5, 6.5, chars, words),))
    [hit] = [h for h in check_call(default_pack(), fast) if h.rule == "R12"]
    assert hit.evidence.startswith("360 字/分钟")


def test_a_job_numbers_last_digit_is_not_read_as_a_word_by_sound():
    """工号八二六一为您服务: the 一 of 8261 followed by 为您服 sounds like 已为您恢复 (an operation done, R03's
    trigger) — a digit inside a number is no syllable of a word; a 一 standing alone still may be."""
    opening = ("agent", "您好，欢迎致电中国移动，工号八二六一为您服务，请问有什么可以帮您？")
    assert "R03" not in _rules(_call(opening, ("customer", "我想查一下话费。"), ("agent", "好的，请稍等。")))
    restored = _call(opening, ("customer", "我的号码停机了。"), ("agent", "好的，一为您恢复了。"))
    assert "R03" in _rules(restored)


def test_phrases_missing_from_a_speaker_the_recogniser_cannot_follow_are_listen_to_confirm():
    """At 360 a minute (past the limit by more than FAST_MARGIN) the job number, closing and survey all
    «missing» from garbled words are no evidence: raised as "listen to confirm", the pace itself asserted."""
    chars = "你好很高兴为你服务不是不好分配的吧评语瘦腿的呢跑步贫穷影响宫女们是的医生"
    def garbled(start):
        return tuple(Word(c, start + i * 6.0 / len(chars), start + (i + 1) * 6.0 / len(chars), 0.9 if i % 3 == 0 else 0.3)
                     for i, c in enumerate(chars))
    fast = Transcript("t", 20.0, (Segment("agent", 0.5, 6.5, chars, garbled(0.5)),
                                  Segment("agent", 10.5, 16.5, chars, garbled(10.5))))
    hits = {h.rule: h for h in check_call(default_pack(), fast)}
    assert not hits["R12"].listen
    assert {"R02", "R15", "R17"} <= set(hits)
    assert all(hits[r].listen and hits[r].confidence <= 0.5 and "语速" in hits[r].why for r in ("R02", "R15", "R17"))
    assert hits["R02"].evidence.startswith("需听音确认（语速 360 字/分钟，识别跟不上）")      # the inspector sees why
    sure = tuple(Word(c, 0.5 + i * 9.0 / len(chars), 0.5 + (i + 1) * 9.0 / len(chars), 0.9) for i, c in enumerate(chars))
    ordinary = Transcript("t", 20.0, (Segment("agent", 0.5, 9.5, chars, sure),))            # 240 a minute
    [r02] = [h for h in check_call(default_pack(), ordinary) if h.rule == "R02"]
    assert not r02.listen and r02.confidence >= 0.9


@pytest.mark.parametrize("opening", ["您好 功耗 九 五 二 姨 为您 服务 请问 有 什么 可以 帮 您",   # 一 heard as 姨
                                     "您好 欢迎 致电 中国移动 功耗 事物 就 一 为您 服务 有 什么 可以 帮 您"])
def test_the_openings_service_greeting_is_no_operation_done(opening):
    """…一为您服务 sounds like 已为您恢复 (R03's trigger, an operation done) when the job number is misheard."""
    assert "R03" not in _rules(_call(("agent", opening), ("customer", "我想问一下话费。"), ("agent", "好的，请稍等。")))


def test_recommending_a_plan_is_not_ordering_it():
    """建议您办理 sounds like 已为您办理 with one syllable dropped: a recommendation, not the order (R04)."""
    call = _call(("agent", GOOD_OPENING), ("customer", "套餐太贵了，想换个便宜点的。"),
                 ("agent", "根据您的使用情况，建议您办理畅享套餐，每月三十八元，次月生效。"))
    assert "R04" not in _rules(call)


def test_a_phrase_is_not_made_of_words_either_side_of_someone_elses_turn():
    """«…有什么可以帮您？» (no greeting), the customer, then «好的，…»: 帮您 + 好的 is no 您好 (R01). One turn cut
    by a recogniser at a pause still reads as one: 我是工号 | 三七二八 is the job number (R02)."""
    no_greeting = _call(("agent", "中国移动，工号三八四六为您服务，请问有什么可以帮您？"), ("customer", "你好，我想设置亲情号码。"),
                        ("agent", "好的，请您提供一下服务密码。"))
    assert "R01" in _rules(no_greeting)
    paused = _call(("agent", "您好，很高兴为您服务，我是工号"), ("agent", "三七二八，请问有什么可以帮您？"))
    assert "R02" not in _rules(paused)
