"""A centre's workstation with everything that must reach headquarters the same (issue #25): the fixed
evaluations of tests/report_fixtures.py (a call scored twice, a red line, hits confirmed, rejected and
undecided) and, on top, made through the workstation's own repositories:

  c7 1001 R04 confirmed → F1 confirmed, submitted → its red-line case closed by the lead afterwards
  c8 2001 R04 confirmed then rejected (the case withdrawn) · R03 confirmed, deducted on A2 · submitted
  c9 1002 checked, no hits, submitted with nothing lost
  c10 2001 not checked, submitted with nothing lost, three weeks earlier
  the customer's voice (categorised, emotion measured, survey score) on c7-c10, before their submission:
    c7 资费争议 › 扣费不明 (worsened, 2, unresolved) · c8 资费争议 › 套餐变更 and 投诉 (calm, 4, resolved)
    c9 业务咨询 (no survey) · c10 资费争议 › 扣费不明 (worsened, 1, unresolved)
  appeals: e2's B1 upheld (a second version without B1's deduction) · e4's C2 rejected (e4 stands, no new
    version: the rejection travels in e4's answers) · c10's whole evaluation appealed by 2001, still open
  acknowledgements: 1001 acknowledges e2's second version (a comment with a phone number, masked on the way)
    and 1002 c9's evaluation
  a coaching session: 2001 coached by the lead on C2 and A2 on 2026-11-25, follow-up 2026-12-20
"""

from __future__ import annotations

import uuid

from inspector.categories.match import CallCategory
from inspector.emotion.turns import CustomerEmotion
from inspector.domain.people import User
from inspector.review.appeals import file_appeal, resolve
from inspector.review.coaching import CoachingService
from inspector.review.feedback import FeedbackService
from inspector.rules.hits import hit_key
from inspector.scoring.defaults import default_card, default_pack
from inspector.scoring.evaluation import Deduction, Evaluation, FatalState, ItemState
from inspector.store.calls import CallRepository
from inspector.domain.calls import NewCall
from inspector.store.categories import CategoryRepository
from inspector.store.emotion import EmotionRepository
from inspector.store.evaluations import EvaluationRepository
from inspector.store.hits import HitRepository
from inspector.store.redlines import RedLineRepository
from inspector.store.users import UserRepository
from tests.calibration_fixtures import LEAD
from tests.report_fixtures import FixedWorkspace, _hit, fixed_workspace

MORE_CALLS = {"c7": ("1001", "张三", "一组", "套餐", "2026-11-20 10:00"),
              "c8": ("2001", "王五", "二组", "流量", "2026-11-21 11:00"),
              "c9": ("1002", "李四", "一组", "宽带", "2026-11-22 12:00"),
              "c10": ("2001", "王五", "二组", "套餐", "2026-11-05 09:30")}
VOICE = {  # call: (category paths, worsened, satisfaction, resolved)
    "c7": ((("资费争议", "扣费不明"),), True, 2.0, False),
    "c8": ((("资费争议", "套餐变更"), ("投诉",)), False, 4.0, True),
    "c9": ((("业务咨询",),), None, None, None),
    "c10": ((("资费争议", "扣费不明"),), True, 1.0, False),
}


def contract_workspace(path) -> FixedWorkspace:
    fixed = fixed_workspace(path)
    db, card = fixed.db, default_card()
    UserRepository(db).create_first_lead(LEAD.id, LEAD.name, "lead-pass-1")
    calls, hits, evaluations = CallRepository(db), HitRepository(db), EvaluationRepository(db, card)
    for ref, (agent, name, team, business, started) in MORE_CALLS.items():
        call, _new = calls.add(NewCall(call_ref=ref, agent_id=agent, agent_name=name, team=team,
                                       business_type=business, started_at=started, content_hash=f"hash-{ref}",
                                       path=f"/calls/{ref}.wav", duration_s=60.0, sample_rate=8000, channels=2,
                                       audio_format="WAV/PCM_16"))
        fixed.call_ids[ref] = call.id
    c7, c8, c9, c10 = (fixed.call_ids[ref] for ref in ("c7", "c8", "c9", "c10"))
    for ref, (paths, worsened, satisfaction, resolved) in VOICE.items():
        call_id = fixed.call_ids[ref]
        CategoryRepository(db).replace_found(call_id, "categories-10086", "1", [
            CallCategory(path, 0.9, ()) for path in paths], None)
        if worsened is not None:
            EmotionRepository(db).replace(call_id, CustomerEmotion(
                (), "calm", "angry" if worsened else "calm", 0.1, 0.8 if worsened else 0.1, worsened, ("words",)), None)
        db.execute("UPDATE calls SET satisfaction = ?, resolved = ? WHERE id = ?",
                   [satisfaction, None if resolved is None else int(resolved), call_id])

    red = _hit("R04", 12.0)
    hits.replace(c7, default_pack(), [red])
    hits.decide(c7, red, "confirmed", "", "i1")
    _submit(evaluations, c7, "i1", fatal=FatalState("F1", "confirmed", "R04 未经二次确认办理收费业务", "i1",
                                                     hit_key(red)))
    (case,) = RedLineRepository(db).cases(call_id=c7)
    RedLineRepository(db).close(case.id, LEAD, "已问责：扣当月绩效")

    withdrawn, r03 = _hit("R04", 5.0), _hit("R03", 30.0)
    hits.replace(c8, default_pack(), [withdrawn, r03])
    hits.decide(c8, withdrawn, "confirmed", "", "i2")
    hits.decide(c8, withdrawn, "rejected", "客户已同意", "i2")
    hits.decide(c8, r03, "confirmed", "", "i2")
    _submit(evaluations, c8, "i2", items=[ItemState("A2", (Deduction(3.0, f"R03 {r03.name}: 证据", "i2",
                                                                     hit_key(r03)),))])

    hits.replace(c9, default_pack(), [])
    fixed.uuids["c9"] = _submit(evaluations, c9, "i1")
    fixed.uuids["c10"] = _submit(evaluations, c10, "i2")

    upheld = file_appeal(evaluations, fixed.uuids["e2"], "1001", "这通电话没有违规", item_id="B1")
    resolve(evaluations, upheld, LEAD, True, "复听属实，退回扣分")
    rejected = file_appeal(evaluations, fixed.uuids["e4"], "2001", "不认可", item_id="C2")
    resolve(evaluations, rejected, LEAD, False, "复听后维持")
    feedback = FeedbackService(db, card)
    feedback.appeal(User("2001", "王五", "agent"), fixed.uuids["c10"], "客户本来就同意了")
    feedback.acknowledge(User("1001", "张三", "agent"), fixed.uuids["e2"], "已知悉，客户电话13812345678已回访")
    feedback.acknowledge(User("1002", "李四", "agent"), fixed.uuids["c9"])
    CoachingService(db, card).add(LEAD, "2001", ["C2", "A2"], "每周复听三通录音", "2026-12-20", held_on="2026-11-25")
    return fixed


def _submit(repo: EvaluationRepository, call_id: int, inspector: str, items=(), fatal: FatalState | None = None
            ) -> str:
    card = default_card()
    evaluation = Evaluation(str(uuid.uuid4()), call_id, inspector, card.id, card.version)
    for state in items:
        evaluation = evaluation.with_item(state)
    if fatal is not None:
        evaluation = evaluation.with_fatal(fatal)
    repo.save(evaluation, inspector)
    repo.submit(evaluation.uuid, inspector)
    return evaluation.uuid
