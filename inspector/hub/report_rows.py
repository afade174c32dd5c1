"""What headquarters keeps of each received evaluation version so that it can report on it: the scores
per item, fatal items, the confirmed rule hits, red-line cases and appeal status, with agent, centre and
days beside them. Written in the receiving transaction; a later version of an evaluation replaces the
rows of an earlier one, and an older one arriving late changes nothing.

Red lines and appeals: payloads from workstations that keep a red-line register or appeals (issue #15)
are read from ``red_lines`` (a list of {rule, name, status, opened_on, closed_on}) and ``appeals`` (a
list of {status}, the last one current). Without them each confirmed fatal item is an open red-line case
from the day the evaluation was submitted, and the evaluation was never appealed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from inspector.hub.tables import report_evaluations, report_items, report_red_lines, report_rules
from inspector.reports.days import iso_day, local_day
from inspector.reports.records import hit_rule, losses_of
from inspector.scoring.card import Scorecard
from inspector.scoring.defaults import default_card


class PayloadError(ValueError):
    """The payload is not an evaluation version headquarters can report on."""


@dataclass(frozen=True)
class ReportRows:
    evaluation: dict
    items: list[dict]
    rules: list[dict]
    red_lines: list[dict]


def known_card(card_id: str, version: str) -> Scorecard | None:
    card = default_card()
    return card if (card.id, card.version) == (card_id, version) else None


def _rule_name(rule: str, reason: str) -> str:
    """Deductions made from hits read '<rule> <name>: <evidence>' (scoring.score.prefill)."""
    head = reason.split(": ", 1)[0]
    return head[len(rule) + 1:] if head.startswith(rule + " ") else rule


def report_rows(centre_id: str, workstation_id: str, payload: dict, received_at: str) -> ReportRows:
    try:
        call, body = payload["call"], payload["body"]
        card = known_card(payload["card_id"], payload["card_version"])
        losses, _confirmed = losses_of(body, card)
        evaluated = local_day(payload["submitted_at"])
        evaluation = {
            "uuid": payload["uuid"], "version": int(payload["version"]), "centre_id": centre_id,
            "workstation_id": workstation_id, "inspector": str(payload["inspector"]),
            "agent_id": call.get("agent_id") or "", "agent_name": call.get("agent_name") or "",
            "team": call.get("team") or "", "business_type": call.get("business_type") or "",
            "call_ref": call.get("call_ref") or "", "call_hash": call["content_hash"],
            "call_started_at": call.get("started_at") or "", "call_date": iso_day(call.get("started_at")),
            "evaluated_at": payload["submitted_at"] or "", "evaluated_date": evaluated,
            "card_id": payload["card_id"], "card_version": payload["card_version"],
            "total": float(payload["total"]), "fatal": bool(payload["fatal"]), "received_at": received_at}
        points = {i.id: i.points for i in card.items} if card else {}
        items = [{"uuid": payload["uuid"], "item": s["item"], "kind": "item", "lost": losses.get(s["item"], 0.0),
                  "na": bool(s["na"]), "fatal_status": None,
                  "score": points[s["item"]] - losses.get(s["item"], 0.0) if s["item"] in points else None}
                 for s in body["items"] if losses.get(s["item"]) or s["na"]]
        items += [{"uuid": payload["uuid"], "item": f["item"], "kind": "fatal", "lost": 0.0, "na": False,
                   "fatal_status": f["status"], "score": None} for f in body["fatal"]]
        rules = _rules(payload["uuid"], body)
        red_lines = _red_lines(payload, card, evaluated)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PayloadError(f"the payload is not a complete evaluation ({type(exc).__name__}: {exc})") from exc
    statuses = {c["status"] for c in red_lines}
    evaluation["red_line_status"] = "open" if "open" in statuses else ("closed" if statuses else None)
    appeals = payload.get("appeals") or []
    evaluation["appeal_status"] = str(appeals[-1].get("status")) if appeals else None
    return ReportRows(evaluation, items, rules, red_lines)


def _rules(uuid: str, body: dict) -> list[dict]:
    found: dict[str, dict] = {}
    hits = [(d["hit_key"], d["reason"], False) for s in body["items"] for d in s["deductions"] if d.get("hit_key")]
    hits += [(f["hit_key"], f["reason"], True) for f in body["fatal"]
             if f.get("hit_key") and f["status"] == "confirmed"]
    for key, reason, red_line in hits:
        rule = hit_rule(key)
        row = found.setdefault(rule, {"uuid": uuid, "rule": rule, "name": _rule_name(rule, reason or ""),
                                      "red_line": False, "hits": 0})
        row["hits"] += 1
        row["red_line"] = row["red_line"] or red_line
    return list(found.values())


def _red_lines(payload: dict, card: Scorecard | None, evaluated: str) -> list[dict]:
    uuid = payload["uuid"]
    if isinstance(payload.get("red_lines"), list):
        return [{"uuid": uuid, "seq": n, "rule": str(c["rule"]), "name": str(c.get("name") or c["rule"]),
                 "status": "closed" if c.get("status") == "closed" else "open",
                 "opened_on": iso_day(c.get("opened_on")) or evaluated,
                 "closed_on": iso_day(c.get("closed_on")) or None}
                for n, c in enumerate(payload["red_lines"])]
    names = {f.id: f.name for f in card.fatal} if card else {}
    return [{"uuid": uuid, "seq": n, "rule": hit_rule(f["hit_key"]) if f.get("hit_key") else f["item"],
             "name": names.get(f["item"], f["item"]), "status": "open", "opened_on": evaluated, "closed_on": None}
            for n, f in enumerate(f for f in payload["body"]["fatal"] if f["status"] == "confirmed")]


def store_report_rows(conn: Connection, rows: ReportRows) -> bool:
    """Inside the caller's transaction; False when a later version of the evaluation is already here."""
    uuid = rows.evaluation["uuid"]
    current = conn.execute(select(report_evaluations.c.version).where(report_evaluations.c.uuid == uuid)).scalar()
    if current is not None and current > rows.evaluation["version"]:
        return False
    for table in (report_items, report_rules, report_red_lines, report_evaluations):
        conn.execute(delete(table).where(table.c.uuid == uuid))
    conn.execute(report_evaluations.insert().values(**rows.evaluation))
    for table, values in ((report_items, rows.items), (report_rules, rows.rules), (report_red_lines, rows.red_lines)):
        if values:
            conn.execute(table.insert(), values)
    return True
