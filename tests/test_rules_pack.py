"""Loading packs: the default one is valid, a broken one is refused whole with file, rule and field named."""

import re

import pytest

from inspector.resources import resource_path
from inspector.scoring.defaults import default_card, default_pack
from inspector.rules.pack import PackError, load_pack

DEFAULT = resource_path("rules", "rules-10086.toml").read_text(encoding="utf-8")


def test_default_pack_has_r01_to_r19_and_r21_to_r24_feeding_the_default_card():
    pack = default_pack()
    assert [r.id for r in pack.rules] == [f"R{i:02d}" for i in (*range(1, 20), *range(21, 25))]
    items = default_card().item_ids()
    assert all(r.item in items for r in pack.rules if r.item)
    assert pack.rule("R13").flag_only and pack.rule("R04").severity == "fatal"
    assert (pack.rule("R18").item, pack.rule("R19").item) == ("F2", "F4")


def _broken(tmp_path, old, new, count=1):
    assert DEFAULT.count(old) >= 1, old
    path = tmp_path / "team.toml"
    path.write_text(DEFAULT.replace(old, new, count), encoding="utf-8")
    return path


@pytest.mark.parametrize("old,new,message", [
    ('match = { phrases = "closing" }', 'match = { phrasez = "closing" }',
     "rule R15: field 'match': unknown operator 'phrasez'"),
    ('match = { regex = "(工号', 'match = { regex = "((工号', "rule R02: field 'match'.regex: bad regular expression"),
    ('id = "R02"', 'id = "R01"', "rule R01: field 'id': duplicate rule id"),
    ('item = "D2"', 'item = "Z9"', "rule R12: field 'item': the scorecard has no item 'Z9'"),
    ('kind = "rate"', 'kind = "speed"', "rule R12: field 'kind': unknown kind 'speed'"),
    ('min_cpm = 120', 'min_cmp = 120', "rule R12: field 'min_cmp': not a field of a rate rule"),
    ('max_cpm = 280', 'max_cpm = "fast"', "rule R12: field 'max_cpm': must be a number"),
    ('match = { phrases = "soothing" }', 'match = { phrases = "sooth" }',
     "rule R14: field 'match'.phrases: no phrase set named 'sooth'"),
    ('speaker = "customer"\nmatch', 'speaker = "caller"\nmatch', "rule R13: field 'speaker'"),
    ('window = { from = "end", sentences = 5 }', 'window = { from = "middle", sentences = 5 }',
     "rule R16: field 'window'"),
    ('[pack]', '[pak]', "missing the [pack] table"),
    ('within_sentences = 3\n', '', "rule R05: field 'within_sentences' is missing"),
    ('match = { all = [{ phrases = "greeting" }, { phrases = "service_offer" }] }', 'match = { all = [] }',
     "rule R01: field 'match'.all: must be a non-empty list"),
])
def test_broken_packs_name_file_rule_and_field(tmp_path, old, new, message):
    path = _broken(tmp_path, old, new)
    with pytest.raises(PackError) as err:
        load_pack(path, default_card().item_ids())
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_a_missing_window_names_the_rule(tmp_path):
    path = _broken(tmp_path, 'window = { from = "start", sentences = 2, seconds = 15 }\nmatch = { all', 'match = { all')
    with pytest.raises(PackError, match=re.escape("rule R01: field 'window' is missing")):
        load_pack(path)


def test_not_toml_and_not_readable(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text("[pack\nid=", encoding="utf-8")
    with pytest.raises(PackError, match="not valid TOML"):
        load_pack(path)
    with pytest.raises(PackError, match="cannot read the rule pack"):
        load_pack(tmp_path / "missing.toml")


def test_a_team_lead_can_change_a_threshold_without_code(tmp_path):
    from inspector.rules.engine import check_call
    from tests.conftest import DEMO
    from inspector.transcript.io import load_transcript
    s5 = load_transcript(DEMO / "S5.transcript.json")
    assert "R09" in {h.rule for h in check_call(default_pack(), s5)}
    relaxed = load_pack(_broken(tmp_path, "gap_s = 15\nannounce", "gap_s = 40\nannounce"))
    assert "R09" not in {h.rule for h in check_call(relaxed, s5)}


def test_a_pack_that_leaves_card_rules_unfed_is_refused(tmp_path):
    from inspector.scoring.defaults import load_checked_pack
    text = DEFAULT.replace('id = "R12"', 'id = "R12X"')
    path = tmp_path / "pack.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError, match="does not fit the scorecard: .*item D2 is fed by rule R12"):
        load_checked_pack(path)
