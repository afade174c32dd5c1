"""The contract between a centre and headquarters (issue #25): a real workstation's outbox uploaded over
HTTP to the receiver (`inspector hub serve`, on SQLite and on PostgreSQL), then every figure of
/api/v1/reports compared with the centre's own report for the same scope; old payload versions still
accepted; the payload's one schema read by both sides."""

import json
from datetime import date
from pathlib import Path

import httpx
import pytest

from inspector.hub.accounts import Accounts
from inspector.hub.reports import hub_answers, hub_report
from inspector.hub.report_rows import PayloadError, report_rows
from inspector.jobs import drain
from inspector.reports.filters import ReportFilter
from inspector.reports.tables import section_json
from inspector.reports.answers import answer_json
from inspector.reports.workstation import workstation_answers, workstation_report
from inspector.scoring.defaults import default_card
from inspector.store.outbox import OutboxRepository
from inspector.sync import identity as sync_identity
from inspector.sync.payload import PAYLOAD_VERSION, parse_payload
from inspector.sync.protocol import digest_of
from inspector.sync.upload import upload
from tests.calibration_fixtures import LEAD
from tests.contract_workspace import contract_workspace
from tests.hub_server import CENTRE, KEY, TOKEN
from tests.report_fixtures import fixed_workspace

OLD_PAYLOADS = Path(__file__).parent / "data" / "payloads"
AS_OF = date.today().isoformat()         # what the API reports as of
SCOPES = [ReportFilter(), ReportFilter(date_from="2026-11-01", date_to="2026-11-15"),
          ReportFilter(date_from="2026-11-16", date_to="2026-12-31", date_basis="evaluation"),
          ReportFilter(agent_id="1001"), ReportFilter(date_from="2026-11-16", date_to="2026-11-29"),
          ReportFilter(category="资费争议")]


def _api_params(flt: ReportFilter) -> dict:
    params = {"from": flt.date_from, "to": flt.date_to, "basis": flt.date_basis, "agent": flt.agent_id,
              "category": flt.category}
    return {k: v for k, v in params.items() if v is not None}


def _same_centre(rows: list[dict]) -> list[dict]:
    """A workstation names no centre; headquarters names it and adds its name."""
    return [{k: ("" if k in ("centre_id", "centre", "group") else v) for k, v in row.items() if k != "name"
             or "centre_id" not in row} for row in rows]


@pytest.fixture
def centre(tmp_path):
    workspace = contract_workspace(tmp_path / "centre.sqlite3")
    sync_identity.set_up(workspace.db, LEAD, CENTRE, KEY, token=TOKEN)
    return workspace


def test_every_figure_at_headquarters_is_the_centres_own(centre, hub):
    """Uploaded for real (HTTP, signatures, the count-and-hash check), then compared section by section."""
    url, store, _port = hub
    report = drain(upload(centre.db, sync_identity.require(centre.db), url))
    # 10 evaluations, e2 twice (upheld), c7's register, 7 versions of the agents' answers, a coaching session
    assert report.reconciled and not report.rejected and report.acknowledged == 20
    Accounts(store.engine).add_user("hq1", "总部", "Hq-password-1")
    card = default_card()
    with httpx.Client(base_url=url) as client:
        assert client.post("/api/v1/login", json={"user": "hq1", "password": "Hq-password-1"}).status_code == 200
        for flt in SCOPES:
            own = workstation_report(centre.db, flt, card, as_of=AS_OF)
            for by in ("centre", "agent", "item", "rule", "trend", "category"):
                answer = client.get("/api/v1/reports", params={"by": by, **_api_params(flt)})
                assert answer.status_code == 200, answer.text
                rows = answer.json()["rows"]
                if by == "trend":
                    expected = [{"group": "", "period": p.period, "evaluations": p.evaluations, "mean": p.mean,
                                 "fatal": p.fatal} for p in own.centre_trend]
                else:
                    expected = section_json(own, by)
                assert _same_centre(rows) == _same_centre(expected), (flt, by)
                basis = answer.json()["basis"]
                assert (basis["calls"], basis["evaluations"]) == (own.basis.calls, own.basis.evaluations), flt
            at_hq = hub_report(store.engine, flt, as_of=AS_OF)
            for section in ("team", "business", "inspector", "distribution"):
                assert _same_centre(section_json(at_hq, section)) == _same_centre(section_json(own, section)), flt
            assert _same_centre(section_json(at_hq, "red_line")) == _same_centre(section_json(own, "red_line")), flt
            assert at_hq.red_line_summary == own.red_line_summary, flt

    everything = workstation_report(centre.db, ReportFilter(), card, as_of=AS_OF)
    rules = {r.rule: r for r in everything.rules}
    assert (rules["R04"].name, rules["R04"].red_line) == ("二次确认", True)   # its name, not "R04"
    assert (rules["R04"].hits, rules["R04"].confirmed, rules["R04"].rejected) == (3, 2, 1)
    assert (rules["R03"].hits, rules["R03"].per_100_calls) == (1, round(100 / 7, 2))       # once; 7 checked calls
    assert (rules["R01"].hits, rules["R01"].calls_with_hits) == (3, 2)                     # c1 counted once
    (row,) = everything.centres
    assert (row.red_lines_open, row.red_lines_closed, row.calls, row.evaluations) == (1, 1, 9, 10)
    summary = {s.key: (s.open, s.closed) for s in everything.red_line_summary if s.by == "rule"}
    assert summary == {"R04": (1, 1)}                   # c3 open, c7 closed; c8's withdrawn case is none

    voice = workstation_report(centre.db, ReportFilter(date_from="2026-11-16", date_to="2026-11-29"), card,
                               as_of=AS_OF, sections={"category"})
    assert voice.category_periods.previous_from == "2026-11-02"
    rows = {r.category: r for r in voice.categories}
    assert (rows["资费争议"].calls, rows["资费争议"].previous_calls, rows["资费争议"].change,
            rows["资费争议"].change_rate, rows["资费争议"].share) == (2, 1, 1, 1.0, round(2 / 3, 4))
    assert (rows["资费争议 › 扣费不明"].calls, rows["资费争议 › 扣费不明"].change_rate) == (1, 0.0)
    assert (rows["资费争议"].worsened_rate, rows["资费争议"].satisfaction, rows["资费争议"].resolved_rate) == (
        0.5, 3.0, 0.5)
    assert [r.category for r in voice.categories][:1] == ["资费争议"]


def test_the_workstation_writes_the_current_payload_version_and_the_receiver_reads_it_with_the_same_schema(centre):
    entries = [e for e in OutboxRepository(centre.db).entries() if '"payload_kind":"evaluation"' in e.payload]
    assert len(entries) == 11
    for entry in entries:
        parsed = parse_payload(json.loads(entry.payload))
        assert parsed.payload_version == PAYLOAD_VERSION
        assert json.loads(entry.payload) == parsed.wire()               # nothing the schema does not define
    c8 = next(parse_payload(json.loads(e.payload)) for e in entries if '"call_ref":"c8"' in e.payload)
    assert [(h.rule, h.decision) for h in c8.call.hits] == [("R04", "rejected"), ("R03", "confirmed")]
    assert [(c.rule, c.status, c.outcome) for c in c8.redlines] == [("R04", "closed", "hit rejected on review")]
    assert c8.call.checked and "caller" not in entries[0].payload
    (register,) = [parse_payload(json.loads(e.payload)) for e in OutboxRepository(centre.db).entries()
                   if '"payload_kind":"redline_register"' in e.payload]
    assert (register.call.call_ref, [(c.status, c.outcome) for c in register.redlines]) == (
        "c7", [("closed", "已问责：扣当月绩效")])


def test_a_case_closed_after_the_upload_is_closed_at_headquarters_whatever_arrives_first(centre, hub_database,
                                                                                         tmp_path):
    """The register's change goes out as the next version of the call's register; whether it arrives before
    or after the evaluation (a re-send, a bundle), headquarters ends with the case closed."""
    from inspector.hub.store import HubStore, engine_for

    entries = OutboxRepository(centre.db).entries()
    for db, order in ((hub_database, entries), (str(tmp_path / "reversed.sqlite3"), entries[::-1])):
        store = HubStore(engine_for(db))
        store.add_centre(CENTRE, "广州中心", KEY, TOKEN)
        for entry in order:
            assert store.receive(CENTRE, "ws-1", entry.uuid, entry.version, entry.digest, entry.payload,
                                 "upload")[0] == "stored"
        cases = hub_report(store.engine, ReportFilter(), as_of=AS_OF).red_lines
        assert sorted((c.call_ref, c.status) for c in cases) == [("c3", "open"), ("c7", "closed")]


@pytest.mark.parametrize("name", sorted(p.name for p in OLD_PAYLOADS.glob("v1/*.json")))
def test_payloads_of_version_1_are_still_accepted(name):
    """Real outbox payloads written by the workstation before #25 (tests/data/payloads/v1, made from the
    fixed workspace): read, with their red-line register, and a red-line hit counted once."""
    data = json.loads((OLD_PAYLOADS / "v1" / name).read_text())
    assert "payload_version" not in data
    rows = report_rows(CENTRE, "ws-1", data, "2026-12-02T00:00:00+00:00")
    assert rows.evaluation["uuid"] == data["uuid"]
    assert sum(r["hits"] for r in rows.rules) == len({d["hit_key"] for s in data["body"]["items"]
                                                      for d in s["deductions"] if d["hit_key"]}
                                                     | {f["hit_key"] for f in data["body"]["fatal"]
                                                        if f["hit_key"] and f["status"] == "confirmed"})


def test_version_1_uploads_give_headquarters_the_centres_scores(hub_database, tmp_path):
    """A centre that has not upgraded: its old payloads still give the same scores, items and red lines."""
    from inspector.hub.store import HubStore, engine_for

    store = HubStore(engine_for(hub_database))
    store.add_centre(CENTRE, "广州中心", KEY, TOKEN)
    for path in sorted(OLD_PAYLOADS.glob("v1/*.json")):
        text = path.read_text()
        data = json.loads(text)
        assert store.receive(CENTRE, "ws-1", data["uuid"], data["version"], digest_of(text), text,
                             "upload") == ("stored", "")
    own = workstation_report(fixed_workspace(tmp_path / "ws.sqlite3").db, ReportFilter(), default_card(),
                             as_of=AS_OF)
    at_hq = hub_report(store.engine, ReportFilter(), as_of=AS_OF)
    for section in ("agent", "team", "business", "item", "inspector", "distribution"):
        assert _same_centre(section_json(at_hq, section)) == _same_centre(section_json(own, section)), section
    assert [(c.rule, c.status) for c in at_hq.red_lines] == [("R04", "open")]


def test_a_payload_missing_a_field_is_refused_naming_it():
    with pytest.raises(PayloadError, match=r"call\.content_hash"):
        report_rows(CENTRE, "ws-1", {"uuid": "u", "version": 1, "inspector": "i", "card_id": "c",
                                     "card_version": "1", "total": 1, "fatal": False, "body": {},
                                     "submitted_at": "2026-11-01T00:00:00+00:00", "call": {}}, "now")


def test_the_dashboards_cache_sees_a_register_change(centre, tmp_path):
    """A register change adds no evaluation; the reports' cache must still see that something arrived."""
    from inspector.hub.reports import ReportCache
    from inspector.hub.store import HubStore, engine_for

    store = HubStore(engine_for(str(tmp_path / "hub.sqlite3")))
    store.add_centre(CENTRE, "广州中心", KEY, TOKEN)
    cache = ReportCache(store.engine)
    entries = OutboxRepository(centre.db).entries()
    (register,) = [e for e in entries if '"payload_kind":"redline_register"' in e.payload]
    for entry in entries:
        if entry is not register:
            store.receive(CENTRE, "ws-1", entry.uuid, entry.version, entry.digest, entry.payload, "upload")
    assert cache.report(ReportFilter(), ["centre"]).centres[0].red_lines_open == 2      # c3, and c7 as submitted
    store.receive(CENTRE, "ws-1", register.uuid, register.version, register.digest, register.payload, "upload")
    row = cache.report(ReportFilter(), ["centre"]).centres[0]
    assert (row.red_lines_open, row.red_lines_closed) == (1, 1)


ANSWER_SCOPES = [ReportFilter(), ReportFilter(agent_id="2001"), ReportFilter(date_from="2026-11-16", date_to="2026-11-30"),
                 ReportFilter(date_from="2026-12-01", date_to="2026-12-31", date_basis="evaluation")]
LATER = "2026-12-31"          # every evaluation's answer window has closed by then


def _answers(rows) -> list[dict]:
    return _same_centre([{k: v for k, v in row.items() if k != "name"} for row in answer_json(rows)])


def test_the_agents_answers_at_headquarters_are_the_centres_own_and_a_re_upload_counts_nothing_twice(centre, hub):
    """Acknowledgements, an upheld, a rejected (no new version) and an open appeal and a coaching session,
    uploaded for real: /api/v1/reports?by=answers equals the centre's ``inspector report --by answers``; then
    everything sent again (the acknowledgements lost on the way back) changes no figure."""
    url, store, _port = hub
    drain(upload(centre.db, sync_identity.require(centre.db), url))
    (own,) = workstation_answers(centre.db, ReportFilter(), as_of=LATER)
    assert (own.evaluations, own.due, own.acknowledged, own.acknowledgement_rate) == (10, 10, 2, 0.2)
    assert (own.appeals_filed, own.appeals_upheld, own.appeals_rejected, own.appeals_open,
            own.coaching_sessions) == (3, 1, 1, 1, 1)
    Accounts(store.engine).add_user("hq1", "总部", "Hq-password-1")

    def compare() -> None:
        with httpx.Client(base_url=url) as client:
            assert client.post("/api/v1/login", json={"user": "hq1", "password": "Hq-password-1"}).status_code == 200
            for flt in ANSWER_SCOPES:
                answer = client.get("/api/v1/reports", params={"by": "answers", **_api_params(flt)})
                assert answer.status_code == 200, answer.text
                assert answer.json()["rows"][0]["name"] == "广州中心"
                assert _same_centre([{k: v for k, v in r.items() if k != "name"} for r in answer.json()["rows"]]) \
                    == _answers(workstation_answers(centre.db, flt, as_of=AS_OF)), flt
                assert _answers(hub_answers(store.engine, flt, as_of=LATER)) == \
                    _answers(workstation_answers(centre.db, flt, as_of=LATER)), flt
        (at_hq,) = hub_answers(store.engine, ReportFilter(), as_of=LATER)
        assert (at_hq.acknowledged, at_hq.appeals_filed, at_hq.appeals_rejected, at_hq.coaching_sessions) == \
            (2, 3, 1, 1)

    compare()
    centre.db.execute("UPDATE outbox SET status = 'pending'")      # as if no acknowledgement had come back
    centre.db.conn.commit()
    again = drain(upload(centre.db, sync_identity.require(centre.db), url))
    assert again.reconciled and again.acknowledged == 20 and not again.rejected
    compare()


def test_the_agents_answers_travel_without_the_coaching_actions_and_with_comments_masked(centre):
    entries = [json.loads(e.payload) for e in OutboxRepository(centre.db).entries()]
    (session,) = [p for p in entries if p["payload_kind"] == "coaching_session"]
    assert (session["agent_id"], session["held_on"], session["items"], session["follow_up"]) == (
        "2001", "2026-11-25", ["C2", "A2"], "2026-12-20")
    assert "每周复听" not in json.dumps(session, ensure_ascii=False) and "actions" not in session
    answers = [parse_payload(p) for p in entries if p["payload_kind"] == "agent_answers"]
    comments = [a.comment for p in answers for a in p.acknowledgements]
    assert "已知悉，客户电话*******5678已回访" in comments and not any("13812345678" in c for c in comments)
    rejected = [p for p in answers if any(a.status == "rejected" for a in p.appeals)]
    (e4,) = {p.evaluation_uuid for p in rejected}
    versions = [p["version"] for p in entries if p["payload_kind"] == "evaluation" and p["uuid"] == e4]
    assert versions == [1]           # the rejection goes out without a new version of the evaluation
    for payload in entries:
        assert parse_payload(payload).wire() == payload


def test_the_agents_answers_count_the_same_whatever_arrives_first(centre, hub_database, tmp_path):
    """An answer may arrive before its evaluation (a bundle, a re-send): the figures do not depend on it."""
    from inspector.hub.store import HubStore, engine_for

    entries = OutboxRepository(centre.db).entries()
    found = []
    for db, order in ((hub_database, entries[::-1]), (str(tmp_path / "in-order.sqlite3"), entries)):
        store = HubStore(engine_for(db))
        store.add_centre(CENTRE, "广州中心", KEY, TOKEN)
        for entry in order:
            assert store.receive(CENTRE, "ws-1", entry.uuid, entry.version, entry.digest, entry.payload,
                                 "upload")[0] == "stored"
        found.append(_answers(hub_answers(store.engine, ReportFilter(), as_of=LATER)))
    assert found[0] == found[1] == _answers(workstation_answers(centre.db, ReportFilter(), as_of=LATER))


def test_version_2_uploads_are_still_accepted_and_their_appeals_counted(hub_database):
    """Real outbox payloads of the workstation before the agents' answers travelled (tests/data/payloads/v2,
    made from tests/contract_workspace.py as it was then): accepted; the appeal they carry (e2's B1, upheld
    in a new version) is counted; e4's rejected appeal made no new version, so it never left that workstation."""
    from inspector.hub.store import HubStore, engine_for

    store = HubStore(engine_for(hub_database))
    store.add_centre(CENTRE, "广州中心", KEY, TOKEN)
    for path in sorted(OLD_PAYLOADS.glob("v2/*.json")):
        text = path.read_text()
        data = json.loads(text)
        assert data["payload_version"] == 2
        assert store.receive(CENTRE, "ws-1", data["uuid"], data["version"], digest_of(text), text,
                             "upload") == ("stored", "")
    (row,) = hub_answers(store.engine, ReportFilter(), as_of=LATER)
    assert (row.evaluations, row.acknowledged, row.appeals_filed, row.appeals_upheld, row.coaching_sessions) == (
        10, 0, 1, 1, 0)


def test_the_answers_report_on_the_command_line(centre, tmp_path):
    """``inspector report --by answers`` prints the figures headquarters shows for this centre."""
    import subprocess
    import sys
    from tests.conftest import ROOT

    root = tmp_path / "ws"
    root.mkdir()
    centre.db.conn.commit()
    centre.db.execute("VACUUM INTO ?", [str(root / "inspector.sqlite3")])
    ran = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(root), "report", "--by", "answers",
                          "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout) == answer_json(workstation_answers(centre.db, ReportFilter()))
    bad = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(root), "report", "--by", "answers",
                          "--format", "html"], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "json or csv" in bad.stderr and "Traceback" not in bad.stderr


def test_answers_recorded_before_they_were_queued_are_sent_once_with_the_next_upload(centre, hub):
    """A workstation that recorded acknowledgements, appeals and a session before payload version 3 had none of
    them in its outbox: the next upload queues each once (4 evaluations' answers, 1 session) and headquarters
    shows the centre's figures."""
    from inspector.store.outbox import enqueue_unsent_answers

    url, store, _port = hub
    centre.db.execute("DELETE FROM outbox WHERE json_extract(payload, '$.payload_kind') IN "
                      "('agent_answers', 'coaching_session')")
    centre.db.conn.commit()
    report = drain(upload(centre.db, sync_identity.require(centre.db), url))
    assert report.reconciled and report.acknowledged == 12 + 4 + 1    # e2, e4, c9 and c10 answered; a session
    assert enqueue_unsent_answers(centre.db) == 0
    assert _answers(hub_answers(store.engine, ReportFilter(), as_of=LATER)) == \
        _answers(workstation_answers(centre.db, ReportFilter(), as_of=LATER))
