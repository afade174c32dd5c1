"""Masking personal data in transcripts before they are shown to someone who may not see them, or leave the
workstation.

Callers read out phone, ID-card and bank-card numbers, in digits or (from ASR) in Chinese numerals, often
with pauses the recogniser turns into spaces. Every run of seven or more digits is masked except its last
four: order numbers and 工号 are shorter, and a false mask costs less than a leaked ID number.

The identity check is the turn where a caller gives their name and a part of their ID number ("张伟，后四位
是三五一二"): there every number is masked whole, and the names said there are masked wherever they come
up in the call (the agent's "张先生" included). ``sensitive_spans`` says where, by character, so that the
transcript text, its words and the recording (privacy.redaction, by the words' times) are masked alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from inspector.transcript.model import Segment, Transcript

_NUMERALS = "零〇一二三四五六七八九幺两Xx"
_DIGIT = f"0-9０-９{_NUMERALS}"
_RUN = re.compile(rf"[{_DIGIT}](?:[\s\-]?[{_DIGIT}]){{6,}}")
_ANY_RUN = re.compile(rf"[{_DIGIT}](?:[\s\-]?[{_DIGIT}])+")
KEEP = 4
MASK = "*"

# what an agent says when checking who is calling; the caller's next turn is the identity check's answer
IDENTITY_CUES = ("姓名", "全名", "名字", "机主", "身份证", "证件号", "核实身份", "验证身份", "贵姓", "怎么称呼")
# the hundred most common surnames cover most callers; a name is such a surname and one or two characters
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
               "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
_HAN = r"[\u4e00-\u9fff]"
_SAID_NAME = re.compile(rf"(?:我叫|我是|名字是|名字叫|姓名是|机主是|机主叫|叫做)\s*({_HAN}\s?{_HAN}(?:\s?{_HAN})?)")
_SAID_SURNAME = re.compile(rf"(?:我姓|免贵姓|姓)\s*({_HAN})")
_TITLES = ("先生", "女士", "小姐")


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of one segment's text (or of its words joined) that are masked."""
    segment: int
    start: int
    end: int


def mask_text(text: str) -> str:
    """Numbers only (no names): for text whose call is not at hand."""
    return _apply(text, _number_spans(text, whole=False))


def mask_transcript(transcript: Transcript) -> Transcript:
    """Segment text and words masked alike: numbers, and in the identity check every number and the names."""
    names = identity_names(transcript)
    segments = []
    for index, segment in enumerate(transcript.segments):
        whole = index in identity_turns(transcript)
        text = _apply(segment.text, text_spans(segment.text, names, whole))
        words = _masked_words(segment, names, whole)
        segments.append(segment if (text, words) == (segment.text, segment.words) else
                        replace(segment, text=text, words=words, alternatives=()))
    return replace(transcript, segments=tuple(segments))


def identity_turns(transcript: Transcript) -> set[int]:
    """The caller's turns that answer an identity question (the first caller turn after the agent asks)."""
    turns, asked = set(), False
    for index, segment in enumerate(transcript.segments):
        plain = segment.text.replace(" ", "")
        if segment.speaker == "agent" and any(cue in plain for cue in IDENTITY_CUES):
            asked = True
        elif segment.speaker != "agent" and asked:
            turns.add(index)
            asked = False
    return turns


def identity_names(transcript: Transcript) -> set[str]:
    """Names the caller gives in the identity check, and each surname with the titles an agent adds."""
    names: set[str] = set()
    for index in identity_turns(transcript):
        text = transcript.segments[index].text
        plain = re.sub(r"\s+", "", text)
        names.update(m.group(1).replace(" ", "") for m in _SAID_NAME.finditer(text))
        opening = re.match(rf"({_HAN}{{2,3}}?)(?=[，,。 ]|后|的|身份|$)", plain)
        if opening and opening.group(1)[0] in SURNAMES:
            names.add(opening.group(1))
        surnames = {m.group(1) for m in _SAID_SURNAME.finditer(plain)} | {n[0] for n in names}
        names.update(s + title for s in surnames for title in _TITLES)
    return {n for n in names if len(n) >= 2}


def text_spans(text: str, names: set[str], whole_numbers: bool) -> list[tuple[int, int]]:
    """Character ranges of `text` to mask: numbers (whole ones in the identity check) and the names."""
    spans = _number_spans(text, whole_numbers)
    for name in names:
        pattern = r"\s?".join(map(re.escape, name))           # recognised text has spaces between words
        spans.extend(m.span() for m in re.finditer(pattern, text))
    return spans


def _number_runs(text: str, whole: bool) -> list[list[int]]:
    """The digit positions of each number to mask: seven digits or more, or any number in the identity check."""
    runs = []
    for match in (_ANY_RUN if whole else _RUN).finditer(text):
        digits = [i for i in range(match.start(), match.end()) if not text[i].isspace() and text[i] != "-"]
        if whole or sum(1 for i in digits if text[i] not in "Xx") >= 7:
            runs.append(digits)
    return runs


def _number_spans(text: str, whole: bool) -> list[tuple[int, int]]:
    """What the text hides: a long number but its last four (enough to tell two apart), the identity check's whole."""
    return [(i, i + 1) for digits in _number_runs(text, whole) for i in (digits if whole else digits[:-KEEP])]


def _apply(text: str, spans: list[tuple[int, int]]) -> str:
    hidden = {i for start, end in spans for i in range(start, end)}
    return "".join(MASK if i in hidden and not ch.isspace() else ch for i, ch in enumerate(text))


def masked_word_indexes(segment: Segment, names: set[str], whole: bool) -> set[int]:
    """Which of the segment's words hold a masked character, the kept last four of a number included: their
    times are what an exported recording silences."""
    joined, owner = "", []
    for index, word in enumerate(segment.words):
        joined += word.text
        owner.extend([index] * len(word.text))
    spans = [(i, i + 1) for digits in _number_runs(joined, whole) for i in digits] + text_spans(joined, names, whole)
    return {owner[i] for start, end in spans for i in range(start, end) if i < len(owner)}


def _masked_words(segment: Segment, names: set[str], whole: bool) -> tuple:
    if not segment.words:
        return segment.words
    joined = "".join(w.text for w in segment.words)
    hidden = _apply(joined, text_spans(joined, names, whole))
    words, at = [], 0
    for word in segment.words:
        words.append(replace(word, text=hidden[at: at + len(word.text)]) if hidden[at: at + len(word.text)] != word.text
                     else word)
        at += len(word.text)
    return tuple(words)
