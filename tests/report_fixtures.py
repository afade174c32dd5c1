"""A fixed set of calls, hits and evaluations whose report numbers are worked out by hand in the tests.

Calls (agent, team, business, day):   c1 1001 一组 套餐 11-02 · c2 1001 一组 流量 11-03 · c3 1002 一组 套餐 11-10
                                      c4 2001 二组 宽带 11-11 · c5 2001 二组 套餐 12-01 · c6 1002 一组 套餐 11-12
Submitted evaluations (inspector: deductions → total):
  e1 c1 i1: C2 −4, A1 −3 → 93          e2 c2 i1: B1 −10, D2 −2 → 88       e3 c3 i2: F1 confirmed, C2 −2 → 0 (fatal)
  e4 c4 i2: C2 −12, C1 −8, A2 N/A → 80  e5 c5 i1: A1 −6 (A1 has 5 points) → 95   e7 c1 i2: nothing → 100
  e6 c6 i1: a draft (C2 −5), never counted
Hits (c1, c2, c3 and c4 checked): c1 R01 confirmed, R06 rejected · c3 R04 confirmed (a red line) · c4 R01 twice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlite_utils

from inspector.rules.hits import Hit
from inspector.scoring.defaults import default_card, default_pack
from inspector.scoring.evaluation import Deduction, Evaluation, FatalState, ItemState
from inspector.store.calls import CallRepository
from inspector.domain.calls import NewCall
from inspector.store.database import open_database
from inspector.store.evaluations import EvaluationRepository
from inspector.store.hits import HitRepository

CALLS = {  # ref: (agent id, name, team, business, started_at)
    "c1": ("1001", "张三", "一组", "套餐", "2026-11-02 09:00"),
    "c2": ("1001", "张三", "一组", "流量", "2026-11-03 10:00"),
    "c3": ("1002", "李四", "一组", "套餐", "2026-11-10 11:00"),
    "c4": ("2001", "王五", "二组", "宽带", "2026-11-11 14:00"),
    "c5": ("2001", "王五", "二组", "套餐", "2026-12-01 15:00"),
    "c6": ("1002", "李四", "一组", "套餐", "2026-11-12 16:00"),
}
EVALUATIONS = {  # name: (call, inspector, {item: deduction}, N/A items, fatal item, submitted)
    "e1": ("c1", "i1", {"C2": 4, "A1": 3}, (), None, True),
    "e2": ("c2", "i1", {"B1": 10, "D2": 2}, (), None, True),
    "e3": ("c3", "i2", {"C2": 2}, (), "F1", True),
    "e4": ("c4", "i2", {"C2": 12, "C1": 8}, ("A2",), None, True),
    "e5": ("c5", "i1", {"A1": 6}, (), None, True),
    "e6": ("c6", "i1", {"C2": 5}, (), None, False),
    "e7": ("c1", "i2", {}, (), None, True),
}
HITS = {  # call: [(rule, start, decision)]
    "c1": [("R01", 0.0, "confirmed"), ("R06", 20.0, "rejected")],
    "c2": [],
    "c3": [("R04", 30.0, "confirmed")],
    "c4": [("R01", 0.0, None), ("R01", 40.0, None)],
}


@dataclass
class FixedWorkspace:
    db: sqlite_utils.Database
    call_ids: dict[str, int]
    uuids: dict[str, str]


def _hit(rule_id: str, start: float) -> Hit:
    rule = next(r for r in default_pack().rules if r.id == rule_id)
    return Hit(rule.id, rule.name, start, start + 2.0, "agent", "证据", 0.9, rule.item, rule.deduction,
               rule.severity, rule.flag_only, "exact")


def fixed_workspace(path) -> FixedWorkspace:
    db = open_database(path)
    calls = CallRepository(db)
    ids = {}
    for ref, (agent, name, team, business, started) in CALLS.items():
        call, _new = calls.add(NewCall(call_ref=ref, agent_id=agent, agent_name=name, team=team,
                                       business_type=business, started_at=started, content_hash=f"hash-{ref}",
                                       path=f"/calls/{ref}.wav", duration_s=60.0, sample_rate=8000, channels=2,
                                       audio_format="WAV/PCM_16"))
        ids[ref] = call.id
    hits = HitRepository(db)
    for ref, found in HITS.items():
        made = [_hit(rule, start) for rule, start, _decision in found]
        hits.replace(ids[ref], default_pack(), made)
        for hit, (_rule, _start, decision) in zip(made, found):
            if decision:
                hits.decide(ids[ref], hit, decision, "", "i1")
    card = default_card()
    repo = EvaluationRepository(db, card)
    uuids = {}
    for name, (ref, inspector, deductions, na, fatal, submit) in EVALUATIONS.items():
        evaluation = Evaluation(str(uuid.uuid4()), ids[ref], inspector, card.id, card.version)
        for item, points in deductions.items():
            evaluation = evaluation.with_item(ItemState(item, (Deduction(points, "扣分", inspector),)))
        for item in na:
            evaluation = evaluation.with_item(ItemState(item, (), na=True))
        if fatal:
            evaluation = evaluation.with_fatal(FatalState(fatal, "confirmed", "未经二次确认", inspector))
        repo.save(evaluation, inspector)
        if submit:
            repo.submit(evaluation.uuid, inspector)
        uuids[name] = evaluation.uuid
    return FixedWorkspace(db, ids, uuids)
