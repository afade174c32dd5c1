"""The calibration statistics' names and notes in the UI language.

The comparison (calibration.comparison) names its figures and notes in Chinese (通话太少, 各项得分 …) and the
statistics library explains an undefined figure in English ("ICC is undefined: …"): in either UI one of the two
read in the other language. Here both are put into the language of the window.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.ui.i18n import english_ui

# the comparison's Chinese words, for the English UI
CHINESE = (
    (re.compile(r"^通话太少（(\d+) 通，至少需 (\d+) 通）$"), "too few calls ({1}, at least {2} needed)"),
    (re.compile(r"^总分（(\d+) 通通话，区间仅供参考）$"), "total scores ({1} calls, the interval only indicative)"),
    (re.compile(r"^总分（(\d+) 通通话）$"), "total scores ({1} calls)"),
    (re.compile(r"^总分$"), "total scores"),
    (re.compile(r"^各项得分$"), "item scores"),
    (re.compile(r"^是否扣分$"), "points deducted or not"),
    (re.compile(r"^致命项$"), "fatal items"),
    (re.compile(r"^(.*) \(致命项\)$"), "{1} (fatal items)"),
    (re.compile(r"^ICC\(2,1\) 自动评分 vs 质检员均值$"), "ICC(2,1) automatic score vs the inspectors' mean"),
)

# the statistics library's English explanations, for the Chinese UI (lupdate reads these)
ENGLISH = (
    (re.compile(r"^ICC needs at least 2 units and 2 raters with complete ratings \(have (\S+)\)$"),
     QT_TRANSLATE_NOOP("Statistics", "ICC needs at least 2 units and 2 raters with complete ratings (have %1)")),
    (re.compile(r"^ICC is undefined: the ratings do not vary between units$"),
     QT_TRANSLATE_NOOP("Statistics", "ICC is undefined: the ratings do not vary between units")),
    (re.compile(r"^Krippendorff's alpha needs at least two different values in units rated twice$"),
     QT_TRANSLATE_NOOP("Statistics", "Krippendorff's alpha needs at least two different values in units rated "
                                     "twice")),
    (re.compile(r"^Cohen's kappa needs at least two units rated by both raters$"),
     QT_TRANSLATE_NOOP("Statistics", "Cohen's kappa needs at least two units rated by both raters")),
    (re.compile(r"^Cohen's kappa is undefined: both raters used a single category$"),
     QT_TRANSLATE_NOOP("Statistics", "Cohen's kappa is undefined: both raters used a single category")),
    (re.compile(r"^Fleiss' kappa needs at least 2 units, each rated by the same number \(≥ 2\) of raters$"),
     QT_TRANSLATE_NOOP("Statistics", "Fleiss' kappa needs at least 2 units, each rated by the same number (≥ 2) "
                                     "of raters")),
    (re.compile(r"^Fleiss' kappa is undefined: every rater used the same single category$"),
     QT_TRANSLATE_NOOP("Statistics", "Fleiss' kappa is undefined: every rater used the same single category")),
)


def statistic_text(text: str) -> str:
    """A statistic's name or note as the window's language has it; anything unknown as it is."""
    if english_ui():
        for pattern, english in CHINESE:
            found = pattern.match(text)
            if found:
                return english.format("", *found.groups())
        return text
    for pattern, source in ENGLISH:
        found = pattern.match(text)
        if found:
            translated = QCoreApplication.translate("Statistics", source)
            return translated.replace("%1", found.group(1)) if found.groups() else translated
    return text
