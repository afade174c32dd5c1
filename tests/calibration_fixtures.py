"""Workstations with the demo calls imported, calibration sessions and submitted evaluations, for the
calibration and upload tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from inspector.calibration.sessions import CalibrationService, new_session
from inspector.intake.importer import run_import
from inspector.scoring.defaults import default_card
from inspector.scoring.evaluation import Deduction, Evaluation, FatalState, ItemState
from inspector.store.calibration import CalibrationRepository
from inspector.domain.calibration import CalibrationSession
from inspector.store.calls import CallRepository
from inspector.domain.calls import CallFilter
from inspector.store.database import open_database
from inspector.store.evaluations import EvaluationRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.domain.people import User
from inspector.store.users import UserRepository
from tests.conftest import DEMO

LEAD = User("9001", "组长", "lead")


@dataclass
class Workstation:
    root: Path
    db: object

    @property
    def service(self) -> CalibrationService:
        return CalibrationService(CalibrationRepository(self.db), EvaluationRepository(self.db, default_card()))

    def call_ids(self) -> list[int]:
        return [c.id for c in CallRepository(self.db).page(CallFilter(), sort="call_ref")]

    def refs(self) -> dict[int, str]:
        return {c.id: c.call_ref for c in CallRepository(self.db).page(CallFilter())}


def workstation(root: Path, with_calls: bool = True) -> Workstation:
    db = open_database(root / "inspector.sqlite3")
    if with_calls:
        run_import(DEMO, CallRepository(db), TranscriptRepository(db))
    users = UserRepository(db)
    if users.is_empty():
        users.create_first_lead(LEAD.id, LEAD.name, "lead-pass")
    return Workstation(root, db)


def lead_session(station: Workstation, participants=("1001", "1002", "1003"), calls: int = 3,
                 benchmark: str | None = LEAD.id, consensus: bool = False) -> CalibrationSession:
    session = new_session("十一月校准", station.call_ids()[:calls], list(participants), default_card(), LEAD,
                          benchmark, consensus)
    return CalibrationRepository(station.db).add(session)


def score_call(station: Workstation, session: CalibrationSession, call_id: int, who: str,
               deductions: dict[str, float], fatal: str | None = None, submit: bool = True):
    """`who` scores the call with these item deductions (and a confirmed fatal item) and submits."""
    service = station.service
    evaluation = service.evaluation_for(session, call_id, who)
    for item, points in deductions.items():
        evaluation = evaluation.with_item(ItemState(item, (Deduction(points, "校准扣分", who),)))
    if fatal:
        evaluation = evaluation.with_fatal(FatalState(fatal, "confirmed", "未经同意办理", who))
    saved = service.save(session, evaluation, who)
    return service.submit(session, saved.uuid, who) if submit else saved


def reseal(path: Path) -> None:
    """What a careful forger would do after editing a member: recompute the whole-file checksum (which
    needs no key for packs and results), leaving only the manifest's member checksums to catch the edit."""
    from inspector.archive import SEAL_LENGTH, checksum_seal

    body = path.read_bytes()
    path.write_bytes(body[:-2] + SEAL_LENGTH.to_bytes(2, "little") + checksum_seal(body).encode("ascii"))


def submitted(station, count: int, reopen: int = 0) -> list[str]:
    """`count` submitted evaluations over the demo calls (inspectors i0…), the first `reopen` of them
    reopened by a lead and submitted again as version 2."""
    repo = EvaluationRepository(station.db, default_card())
    calls = station.call_ids()
    made = []
    for n in range(count):
        inspector = f"i{n // len(calls)}"
        evaluation = Evaluation(str(uuid.uuid4()), calls[n % len(calls)], inspector, default_card().id,
                                default_card().version).with_item(
            ItemState("C2", (Deduction(n % 5, "答复不完整", inspector),)))
        repo.save(evaluation, inspector)
        repo.submit(evaluation.uuid, inspector)
        made.append(evaluation.uuid)
    for evaluation_uuid in made[:reopen]:
        repo.reopen(evaluation_uuid, LEAD, "复核后调整")
        owner = repo.get(evaluation_uuid).inspector
        repo.save(repo.get(evaluation_uuid).with_item(ItemState("C2", ())), owner)
        repo.submit(evaluation_uuid, owner)
    return made
