"""What headquarters keeps of each received evaluation version so that it can report on it, read with the
payload's one definition (sync/payload.py) and written in the receiving transaction:

- per evaluation: scores per item, fatal items, appeal status, with agent, centre and days beside them; a
  later version of an evaluation replaces the rows of an earlier one, an older one arriving late changes
  nothing;
- per call (centre, content hash): its automatic hits per rule, its red-line register and the customer's
  voice, as the latest submitted evaluation of the call describes them, so a call scored twice counts once.

A register change (sync/payload.RegisterPayload: a lead closed a case after the evaluation went out) replaces
the call's red-line rows when it is newer than what they come from; an evaluation arriving after it looks the
latest register change up among the payloads received, so the order of arrival does not matter.

The agents' answers (version 3: an evaluation's acknowledgements and appeals after a change, and coaching
sessions) go to their own rows. Appeals come from every payload that carries them (evaluation payloads of any
version too); an appeal keeps the furthest state any of them told (open, then upheld or rejected), and an
acknowledgement of a version is kept once, so neither arrival order nor a second delivery changes a figure.

Payload version 1 carries no automatic hits: its call counts as checked, with the hits its deductions and
confirmed fatal items name, each hit once (a hit both deducted and confirmed as fatal is one hit).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, delete, inspect, select
from sqlalchemy.engine import Connection

from inspector.hub.tables import (evaluations, report_acknowledgements, report_appeals, report_call_categories,
                                  report_call_red_lines, report_call_rules, report_calls, report_coaching,
                                  report_evaluations, report_items)
from inspector.reports.days import iso_day, local_day
from inspector.reports.records import hit_rule, losses_of
from inspector.scoring.card import Scorecard
from inspector.scoring.defaults import default_card, default_pack
from inspector.store.redlines import WITHDRAWN
from inspector.sync.payload import (AnswersPayload, CoachingPayload, EvaluationPayload, PayloadInvalid, RegisterPayload,
                                    parse_payload, register_uuid)


class PayloadError(ValueError):
    """The payload is not an evaluation version headquarters can report on."""


@dataclass(frozen=True)
class ReportRows:
    evaluation: dict
    items: list[dict]
    call: dict
    rules: list[dict]
    red_lines: list[dict]
    categories: list[dict]
    appeals: list[dict]


@dataclass(frozen=True)
class RegisterRows:
    centre_id: str
    call_hash: str
    as_of: str
    red_lines: list[dict]


@dataclass(frozen=True)
class AnswersRows:
    acknowledgements: list[dict]
    appeals: list[dict]


@dataclass(frozen=True)
class CoachingRows:
    session: dict


Rows = ReportRows | RegisterRows | AnswersRows | CoachingRows


def known_card(card_id: str, version: str) -> Scorecard | None:
    card = default_card()
    return card if (card.id, card.version) == (card_id, version) else None


def report_rows(centre_id: str, workstation_id: str, data: object, received_at: str) -> Rows:
    try:
        payload = parse_payload(data)
    except PayloadInvalid as exc:
        raise PayloadError(str(exc)) from exc
    if isinstance(payload, AnswersPayload):
        return AnswersRows([{"uuid": payload.evaluation_uuid, "version": a.version, "centre_id": centre_id,
                             "agent_id": a.agent_id, "at": a.at} for a in payload.acknowledgements],
                           _appeals(centre_id, payload.evaluation_uuid, payload.appeals))
    if isinstance(payload, CoachingPayload):
        return CoachingRows({"uuid": payload.uuid, "centre_id": centre_id, "agent_id": payload.agent_id,
                             "coach": payload.coach, "held_on": payload.held_on, "items": ",".join(payload.items),
                             "follow_up": payload.follow_up})
    if isinstance(payload, RegisterPayload):
        return RegisterRows(centre_id, payload.call.content_hash, payload.as_of,
                            _cases({"centre_id": centre_id, "call_hash": payload.call.content_hash}, payload.redlines))
    card = known_card(payload.card_id, payload.card_version)
    body = payload.body.model_dump(mode="json")
    try:
        losses, _confirmed = losses_of(body, card)
    except (KeyError, TypeError, ValueError) as exc:
        raise PayloadError(f"the payload's scores cannot be read ({type(exc).__name__}: {exc})") from exc
    call = payload.call
    evaluated = local_day(payload.submitted_at)
    uuid = payload.uuid
    red_lines = _red_lines(centre_id, payload)
    evaluation = {
        "uuid": uuid, "version": payload.version, "centre_id": centre_id, "workstation_id": workstation_id,
        "inspector": payload.inspector, "agent_id": call.agent_id or "", "agent_name": call.agent_name or "",
        "team": call.team or "", "business_type": call.business_type or "", "call_ref": call.call_ref or "",
        "call_hash": call.content_hash, "call_started_at": call.started_at or "",
        "call_date": iso_day(call.started_at), "evaluated_at": payload.submitted_at or "",
        "evaluated_date": evaluated, "card_id": payload.card_id, "card_version": payload.card_version,
        "total": payload.total, "fatal": payload.fatal, "received_at": received_at,
        "red_line_status": _status(red_lines),
        "appeal_status": payload.appeals[-1].status if payload.appeals else None}
    points = {i.id: i.points for i in card.items} if card else {}
    items = [{"uuid": uuid, "item": s.item, "kind": "item", "lost": losses.get(s.item, 0.0), "na": s.na,
              "fatal_status": None, "score": points[s.item] - losses.get(s.item, 0.0) if s.item in points else None}
             for s in payload.body.items if losses.get(s.item) or s.na]
    items += [{"uuid": uuid, "item": f.item, "kind": "fatal", "lost": 0.0, "na": False, "fatal_status": f.status,
               "score": None} for f in payload.body.fatal]
    key = {"centre_id": centre_id, "call_hash": call.content_hash}
    emotion = call.emotion
    call_row = {**key, "uuid": uuid, "evaluated_at": payload.submitted_at or "",
                "register_at": payload.submitted_at or "", "call_date": iso_day(call.started_at),
                "agent_id": call.agent_id or "", "team": call.team or "", "business_type": call.business_type or "",
                "checked": True if call.checked is None else call.checked, "satisfaction": call.satisfaction,
                "resolved": call.resolved, "emotion_start": emotion.start if emotion else None,
                "emotion_end": emotion.end if emotion else None,
                "emotion_worsened": emotion.worsened if emotion else None}
    categories = {c.path: {**key, "path": c.path, "confidence": c.confidence} for c in call.categories}
    return ReportRows(evaluation, items, call_row, _rules(key, payload, card), red_lines, list(categories.values()),
                      _appeals(centre_id, uuid, payload.appeals))


def _appeals(centre_id: str, uuid: str, appeals) -> list[dict]:
    return [{"uuid": uuid, "appeal_id": a.id, "centre_id": centre_id, "item_id": a.item_id, "status": a.status,
             "filed_at": a.filed_at, "resolved_at": a.resolved_at} for a in appeals]


def _status(red_lines: list[dict]) -> str | None:
    statuses = {c["status"] for c in red_lines}
    return "open" if "open" in statuses else ("closed" if statuses else None)


def _rules(key: dict, payload: EvaluationPayload, card: Scorecard | None) -> list[dict]:
    """Per rule: the call's automatic hits, how many were confirmed and rejected, and whether it is a red line
    (the card's one definition, Scorecard.is_red_line, as the centre's rule report decides it)."""
    judge = card or default_card()
    found: dict[str, dict] = {}
    if payload.payload_version >= 2:
        hits = [(h.rule, h.name, h.item, h.severity, h.decision) for h in payload.call.hits]
    else:
        hits = _hits_of_version_1(payload)
    for rule, name, item, severity, decision in hits:
        row = found.setdefault(rule, {**key, "rule": rule, "name": name, "red_line": False, "hits": 0,
                                      "confirmed": 0, "rejected": 0 if payload.payload_version >= 2 else None})
        row["name"] = max(row["name"], name)           # as the centre's max(name) over its hits
        row["hits"] += 1
        row["confirmed"] += decision == "confirmed"
        if row["rejected"] is not None:
            row["rejected"] += decision == "rejected"
        row["red_line"] = row["red_line"] or judge.is_red_line(rule, item, severity)
    return list(found.values())


def _hits_of_version_1(payload: EvaluationPayload) -> list[tuple[str, str, str | None, str, str]]:
    """The hits a version-1 payload names: each hit key once, the rule's name from the rule pack."""
    rules = {r.id: r for r in default_pack().rules}
    keys = {d.hit_key for s in payload.body.items for d in s.deductions if d.hit_key}
    keys |= {f.hit_key for f in payload.body.fatal if f.hit_key and f.status == "confirmed"}
    found = []
    for key in sorted(keys):
        rule = rules.get(hit_rule(key))
        found.append((hit_rule(key), rule.name if rule else hit_rule(key), rule.item if rule else None,
                      rule.severity if rule else "", "confirmed"))
    return found


def _red_lines(centre_id: str, payload: EvaluationPayload) -> list[dict]:
    """The call's register as the workstation keeps it; cases withdrawn because their hit was rejected on
    review were never red lines (reports/red_lines.py leaves them out likewise)."""
    key = {"centre_id": centre_id, "call_hash": payload.call.content_hash}
    if payload.redlines is None:
        return _red_lines_before_the_register(key, payload)
    return _cases(key, payload.redlines)


def _cases(key: dict, register) -> list[dict]:
    cases = [c for c in register if (c.outcome or "") != WITHDRAWN]
    return [{**key, "seq": n, "rule": c.rule, "name": c.rule_name or c.rule, "status": c.status,
             "opened_on": local_day(c.opened_at), "closed_on": local_day(c.closed_at) if c.closed_at else None}
            for n, c in enumerate(cases)]


def _red_lines_before_the_register(key: dict, payload: EvaluationPayload) -> list[dict]:
    """A workstation without a register: each confirmed fatal item is an open case from the submission day."""
    card = known_card(payload.card_id, payload.card_version)
    names = {f.id: f.name for f in card.fatal} if card else {}
    confirmed = [f for f in payload.body.fatal if f.status == "confirmed"]
    return [{**key, "seq": n, "rule": hit_rule(f.hit_key) if f.hit_key else f.item, "name": names.get(f.item, f.item),
             "status": "open", "opened_on": local_day(payload.submitted_at), "closed_on": None}
            for n, f in enumerate(confirmed)]


def store_report_rows(conn: Connection, rows: Rows, answers: bool = True) -> bool:
    """Inside the caller's transaction; False when a later version of the evaluation is already here.
    ``answers`` False: the answers' tables do not exist yet (a revision before 0005 rebuilding its rows)."""
    if isinstance(rows, RegisterRows):
        return _store_register(conn, rows)
    if isinstance(rows, CoachingRows):
        if conn.execute(select(report_coaching.c.uuid).where(report_coaching.c.uuid == rows.session["uuid"])).first():
            return False
        conn.execute(report_coaching.insert().values(**rows.session))
        return True
    if answers:
        _store_appeals(conn, rows.appeals)
    if isinstance(rows, AnswersRows):
        held = {(r.uuid, r.version) for r in conn.execute(select(
            report_acknowledgements.c.uuid, report_acknowledgements.c.version).where(
            report_acknowledgements.c.uuid.in_({a["uuid"] for a in rows.acknowledgements})))}
        new = [a for a in rows.acknowledgements if (a["uuid"], a["version"]) not in held]
        if new:
            conn.execute(report_acknowledgements.insert(), new)
        return True
    uuid = rows.evaluation["uuid"]
    current = conn.execute(select(report_evaluations.c.version).where(report_evaluations.c.uuid == uuid)).scalar()
    if current is not None and current > rows.evaluation["version"]:
        return False
    for table in (report_items, report_evaluations):
        conn.execute(delete(table).where(table.c.uuid == uuid))
    conn.execute(report_evaluations.insert().values(**rows.evaluation))
    if rows.items:
        conn.execute(report_items.insert(), rows.items)
    _store_call(conn, rows)
    return True


def _store_appeals(conn: Connection, appeals: list[dict]) -> None:
    """Each appeal once, in the furthest state told: a resolved one never goes back to open."""
    for appeal in appeals:
        key = and_(report_appeals.c.uuid == appeal["uuid"], report_appeals.c.appeal_id == appeal["appeal_id"])
        held = conn.execute(select(report_appeals.c.status).where(key)).first()
        if held is None:
            conn.execute(report_appeals.insert().values(**appeal))
        elif held.status == "open" and appeal["status"] != "open":
            conn.execute(report_appeals.update().where(key).values(status=appeal["status"],
                                                                   resolved_at=appeal["resolved_at"]))


def _store_call(conn: Connection, rows: ReportRows) -> None:
    """The call as the latest submitted of its evaluations describes it (ties: the larger uuid)."""
    call = rows.call
    key = and_(report_calls.c.centre_id == call["centre_id"], report_calls.c.call_hash == call["call_hash"])
    held = conn.execute(select(report_calls.c.evaluated_at, report_calls.c.uuid).where(key)).first()
    if held is not None and (held.evaluated_at, held.uuid) > (call["evaluated_at"], call["uuid"]):
        return
    for table in (report_call_rules, report_call_red_lines, report_call_categories, report_calls):
        conn.execute(delete(table).where(table.c.centre_id == call["centre_id"],
                                         table.c.call_hash == call["call_hash"]))
    conn.execute(report_calls.insert().values(**call))
    for table, values in ((report_call_rules, rows.rules), (report_call_red_lines, rows.red_lines),
                          (report_call_categories, rows.categories)):
        if values:
            conn.execute(table.insert(), values)
    later = _latest_register(conn, call["centre_id"], call["call_hash"])
    if later is not None:
        _store_register(conn, later)


def _latest_register(conn: Connection, centre_id: str, call_hash: str) -> RegisterRows | None:
    """The newest register change of the call received from any workstation (keyed by one of the call's
    evaluations, sync/payload.register_uuid)."""
    scored = conn.execute(select(report_evaluations.c.uuid).where(report_evaluations.c.centre_id == centre_id,
                                                                  report_evaluations.c.call_hash == call_hash))
    keys = [register_uuid(call_hash, uuid) for uuid in scored.scalars()]
    found = [report_rows(centre_id, "", json.loads(payload), "") for payload in conn.execute(
        select(evaluations.c.payload).where(evaluations.c.uuid.in_(keys), evaluations.c.centre_id == centre_id))
        .scalars()]
    registers = [r for r in found if isinstance(r, RegisterRows)]
    return max(registers, key=lambda r: _instant(r.as_of)) if registers else None


def _store_register(conn: Connection, rows: RegisterRows) -> bool:
    """The register replaces the call's red lines when it is newer than what they come from."""
    key = and_(report_calls.c.centre_id == rows.centre_id, report_calls.c.call_hash == rows.call_hash)
    held = conn.execute(select(report_calls.c.register_at).where(key)).first()
    if held is None or _instant(held.register_at) >= _instant(rows.as_of):
        return False          # the call is not here yet (its evaluation will look this up), or this is older
    conn.execute(delete(report_call_red_lines).where(report_call_red_lines.c.centre_id == rows.centre_id,
                                                     report_call_red_lines.c.call_hash == rows.call_hash))
    if rows.red_lines:
        conn.execute(report_call_red_lines.insert(), rows.red_lines)
    conn.execute(report_calls.update().where(key).values(register_at=rows.as_of))
    status = _status(rows.red_lines)
    conn.execute(report_evaluations.update().where(report_evaluations.c.centre_id == rows.centre_id,
                                                   report_evaluations.c.call_hash == rows.call_hash)
                 .values(red_line_status=status))
    return True


def _instant(stamp: str) -> datetime:
    """UTC stamps written with and without fractions of a second compare as times, not as text."""
    if not stamp:
        return datetime.min.replace(tzinfo=UTC)
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def rebuild_report_rows(conn: Connection) -> None:
    """Every reportable row made again from the payloads as received (a revision that changes them calls
    this), in (uuid, version) order so the latest version is kept; one that never was an evaluation stays
    only as received."""
    answers = inspect(conn).has_table(report_appeals.name)
    tables = [report_call_categories, report_call_red_lines, report_call_rules, report_calls, report_items,
              report_evaluations]
    for table in tables + ([report_acknowledgements, report_appeals, report_coaching] if answers else []):
        conn.execute(delete(table))
    received = conn.execute(select(evaluations.c.centre_id, evaluations.c.workstation_id, evaluations.c.payload,
                                   evaluations.c.received_at).order_by(evaluations.c.uuid, evaluations.c.version))
    for centre_id, workstation_id, payload, received_at in received.fetchall():
        try:
            store_report_rows(conn, report_rows(centre_id, workstation_id, json.loads(payload), received_at), answers)
        except (PayloadError, ValueError):
            continue
