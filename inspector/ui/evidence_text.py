"""A hit's evidence in the UI language.

The rules write their evidence once, in Chinese, around the words quoted from the call (未找到：«…»,
「…」见 «…», 抢话 1.5 s ≥ 1 s：«…»), and it is stored so with the hit. An English reader gets the frame in
English; what the call said («…», 「…」) stays as it was said. The Chinese UI shows the text as stored.
"""

from __future__ import annotations

import re

from inspector.ui.i18n import english_ui

OCCASIONS = {"请求": "a request", "拒绝": "a refusal", "让客户等待": "making the customer wait"}

# (pattern over the whole stored text, English frame); {n} is group n, translated again when it is a frame
FRAMES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), english) for p, english in (
    (r"^需听音确认（语速 (\S+) 字/分钟，识别跟不上）：(.*)$",
     "Listen to confirm (spoken at {1} characters a minute, beyond what recognition follows): {2}"),
    (r"^需听音确认：(.*)$", "Listen to confirm: {1}"),
    (r"^需复核：(.*)$", "To review: {1}"),
    (r"^生硬/不耐烦：「(.+?)」见 (.*)$", "Curt or impatient: 「{1}」 in {2}"),
    (r"^「(.+?)」见 (.*)$", "「{1}」 in {2}"),
    (r"^附近未找到：(.*)$", "Not found nearby: {1}"),
    (r"^未找到：(.*)$", "Not found: {1}"),
    (r"^抢话 (\S+) s ≥ (\S+) s：(.*)$", "Talked over the customer {1} s ≥ {2} s: {3}"),
    (r"^静音 (\S+) s > (\S+) s，此前 (\S+) s 内未告知$", "Silence {1} s > {2} s, not announced in the {3} s before"),
    (r"^告知后等待 (\S+) s > (\S+) s：(.*)$", "Hold after announcing it {1} s > {2} s: {3}"),
    (r"^等待 (\S+) s 后首句未致谢：(.*)$", "No thanks for waiting after {1} s: {2}"),
    (r"^(\S+) 字/分钟，超出 (\S+)（(\d+) 段话）$", "{1} characters a minute, outside {2} ({3} turns)"),
    (r"^礼貌用语 (\S+) 句（(\S+)）< (\S+)$", "Polite words in {1} sentences ({2}) < {3}"),
    (r"^(请求|拒绝|让客户等待)未用礼貌用语：(.*)$", "No polite words at {1}: {2}"),
    (r"^(«.*») 之后：(.*)$", "After {1}: {2}"),
    (r"^(«.*»)：缺少第 (.+) 步$", "{1}: step {2} missing"),
))


def english_evidence(text: str) -> str:
    """The stored (Chinese-framed) evidence with its frame in English; unknown text as it is."""
    for pattern, english in FRAMES:
        found = pattern.match(text)
        if found:
            parts = [OCCASIONS.get(g, g) if not g.startswith(("«", "「")) else g for g in found.groups()]
            parts = [english_evidence(p) if pattern.pattern.startswith(("^需听音确认", "^需复核")) else p
                     for p in parts]
            return english.format("", *(p if p.startswith(("«", "「")) else p.replace("、", ", ") for p in parts))
    return text


def evidence_text(text: str) -> str:
    return english_evidence(text) if english_ui() else text


# A hit's "why" (how its words were matched), written by the rules: parts joined by "; ", some in Chinese
# (同音, 近音 … around the words heard and the pack's phrase), some in English (exact, pattern, absent,
# relistened …). Each part is put into the UI language; the heard words and phrases stay as they are.
WHY_IN_ENGLISH: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), english) for p, english in (
    (r"^备选识别 (\d+)：(.*)$", "In alternative recognition {1}: {2}"),
    (r"^略去语气词：(.*)$", "Fillers left out: {1}"),
    (r"^同音（短语，需旁证）：(.*)$", "Same sound (short phrase, needs support): {1}"),
    (r"^同音（含数字读音）：(.*)$", "Same sound (digits as spoken): {1}"),
    (r"^同音：(.*)$", "Same sound: {1}"),
    (r"^近音 (\S+)：(.*)$", "Near sound {1}: {2}"),
))
SPEAKERS_IN_CHINESE = {"agent": "坐席", "customer": "客户"}
WHY_IN_CHINESE: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), chinese) for p, chinese in (
    (r"^exact$", "原文一致"),
    (r"^pattern$", "符合句式"),
    (r"^absent$", "未出现"),
    (r"^measured$", "按时间测得"),
    (r"^relistened (\S+) (\S+)s against (\d+) phrases: heard$", "复听{1} {2} s（{3} 个说法）：听到"),
    (r"^relistened (\S+) (\S+)s against (\d+) phrases: not heard$", "复听{1} {2} s（{3} 个说法）：未听到"),
))


def _why_part(part: str, frames: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, frame in frames:
        found = pattern.match(part)
        if found:
            groups = [SPEAKERS_IN_CHINESE.get(g, g) if frames is WHY_IN_CHINESE else g for g in found.groups()]
            if pattern.pattern.startswith("^备选识别"):
                groups[1] = _why_part(groups[1], frames)
            return frame.format("", *groups)
    return part


def why_text(why: str) -> str:
    """How a hit's words were matched, in the UI language (the rules write it in both, see above)."""
    frames = WHY_IN_ENGLISH if english_ui() else WHY_IN_CHINESE
    return "; ".join(_why_part(part, frames) for part in why.split("; ")) if why else why
