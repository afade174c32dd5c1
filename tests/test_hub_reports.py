"""Headquarters reports: what the receiver keeps of each evaluation, the same numbers as the workstation's
own reports on SQLite and on PostgreSQL, headquarters users' log-in, and the reports API."""

import hashlib
import json
import subprocess
import sys
from dataclasses import asdict

import httpx
import pytest
from sqlalchemy import create_engine, text

from inspector.hub.accounts import Accounts, password_matches
from inspector.hub.reports import hub_report
from inspector.hub.routers.dashboard import ECHARTS, STATIC
from inspector.hub.schema import current_revision, head_revision
from inspector.hub.store import HubStore, engine_for
from inspector.hub.tables import centres, evaluations, metadata
from inspector.reports.filters import ReportFilter
from inspector.reports.tables import section_json
from inspector.reports.workstation import workstation_report
from inspector.scoring.defaults import default_card
from inspector.store.outbox import OutboxRepository
from inspector.sync.protocol import digest_of
from tests.conftest import ROOT
from tests.hub_payloads import payload
from tests.hub_server import CENTRE, TOKEN
from tests.report_fixtures import fixed_workspace

SECTIONS = ("agent", "team", "business", "item", "inspector", "distribution")


def _send(store, centre, body, workstation="ws-1"):
    data = json.loads(body)
    return store.receive(centre, workstation, data["uuid"], data["version"], digest_of(body), body, "upload")


def _hq(hub_database) -> HubStore:
    store = HubStore(engine_for(hub_database))
    for centre, name in (("GD-GZ", "广州中心"), ("GD-SZ", "深圳中心"), ("BJ", "北京中心")):
        store.add_centre(centre, name, "a1" * 32, f"token-{centre}")
    return store


def test_headquarters_reports_the_workstations_numbers(hub_database, tmp_path):
    """The fixed evaluations uploaded from their workstation give the same agents, teams, business types,
    items, inspectors and score distribution at headquarters (run on SQLite and on PostgreSQL)."""
    fixed = fixed_workspace(tmp_path / "ws.sqlite3")
    store = _hq(hub_database)
    for entry in OutboxRepository(fixed.db).entries():
        assert store.receive("GD-GZ", "ws-1", entry.uuid, entry.version, entry.digest, entry.payload,
                             "upload") == ("stored", "")
    at_centre = workstation_report(fixed.db, ReportFilter(), default_card(), as_of="2026-12-31")
    at_hq = hub_report(store.engine, ReportFilter(), as_of="2026-12-31")
    assert (at_hq.basis.calls, at_hq.basis.evaluations) == (5, 6)
    for section in SECTIONS:                      # headquarters names the centre, the workstation needs not
        assert _without_centre(section_json(at_hq, section)) == _without_centre(section_json(at_centre, section)), \
            section
    (centre,) = at_hq.centres
    assert (centre.centre_id, centre.evaluations, centre.mean, centre.fatal_rate, centre.red_lines_open,
            centre.agents) == ("GD-GZ", 6, 76.0, round(1 / 6, 4), 1, 3)
    november = hub_report(store.engine, ReportFilter(date_from="2026-11-01", date_to="2026-11-30"))
    assert {a.agent_id: a.mean for a in november.agents}["2001"] == 80.0
    assert hub_report(store.engine, ReportFilter(team="二组")).basis.evaluations == 2


def _without_centre(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k not in ("centre_id", "centre")} for row in rows]


def _three_centres(store):
    """GD-GZ: 90, 70 (C2 −10 from R05, A1 −20? no: A1 −5 by hand) and a fatal; GD-SZ: 100, 95; BJ: 60 in 2025."""
    sent = [
        ("GD-GZ", payload("g1", agent="1001", total=90, deductions={"C2": (10, "R05@1.0-3.0")})),
        ("GD-GZ", payload("g2", agent="1002", total=70, deductions={"C2": (12, "R05@2.0-4.0"), "A1": (5, None)},
                          started_at="2026-11-20 10:00")),
        ("GD-GZ", payload("g3", agent="1002", fatal="F1", started_at="2026-11-21 10:00")),
        ("GD-SZ", payload("s1", agent="2001", total=100, team="甲组")),
        ("GD-SZ", payload("s2", agent="2001", total=95, deductions={"B1": (5, "R06@5.0-6.0")}, team="甲组")),
        ("BJ", payload("b1", agent="3001", total=60, deductions={"C2": (12, None)}, started_at="2025-06-01 09:00")),
    ]
    for centre, body in sent:
        assert _send(store, centre, body) == ("stored", "")


def test_centres_side_by_side_by_hand(hub_database):
    store = _hq(hub_database)
    _three_centres(store)
    report = hub_report(store.engine, ReportFilter(date_from="2026-01-01", date_to="2026-12-31"))
    rows = {c.centre_id: c for c in report.centres}
    assert set(rows) == {"GD-GZ", "GD-SZ"}                                        # BJ's one is from 2025
    gz = rows["GD-GZ"]
    assert (gz.evaluations, gz.mean, gz.min, gz.fatal, gz.fatal_rate, gz.red_lines_open, gz.agents) == (
        3, 53.33, 0.0, 1, 0.3333, 1, 2)
    assert (rows["GD-SZ"].mean, rows["GD-SZ"].pass_rate, rows["GD-SZ"].red_lines_open) == (97.5, 1.0, 0)
    rules = {r.rule: r for r in report.rules}
    assert (rules["R05"].hits, rules["R05"].calls_with_hits, rules["R05"].per_100_calls) == (2, 2, 40.0)
    assert rules["R04"].red_line and rules["R05"].rejected is None
    items = {i.item: i for i in report.items}
    assert (items["C2"].losing, items["C2"].mean_deduction) == (2, 4.4)         # (10 + 12) / 5
    assert hub_report(store.engine, ReportFilter(centre_id="BJ")).basis.evaluations == 1


def test_a_later_version_replaces_the_earlier_and_a_late_older_one_changes_nothing(hub_database):
    store = _hq(hub_database)
    assert _send(store, "GD-GZ", payload("u1", 2, total=80, deductions={"C2": (12, None)})) == ("stored", "")
    assert _send(store, "GD-GZ", payload("u1", 1, total=100)) == ("stored", "")
    (agent,) = hub_report(store.engine, ReportFilter()).agents
    assert (agent.evaluations, agent.mean) == (1, 80.0)
    assert _send(store, "GD-GZ", payload("u1", 3, total=95, deductions={"A1": (5, None)})) == ("stored", "")
    report = hub_report(store.engine, ReportFilter())
    assert report.agents[0].mean == 95.0 and {i.item for i in report.items if i.losing} == {"A1"}


def test_a_payload_that_is_no_evaluation_is_refused_with_the_reason(hub_database):
    store = _hq(hub_database)
    status, reason = store.receive("GD-GZ", "ws", "x1", 1, "d" * 64, json.dumps({"uuid": "x1", "version": 1}),
                                   "upload")
    assert status == "rejected" and "not a complete evaluation" in reason
    assert store.count() == 0


def test_evaluations_received_before_reports_are_indexed_when_the_schema_moves_on(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = create_engine(f"sqlite:///{path}")
    metadata.create_all(old, tables=[centres, evaluations])
    body = payload("old-1", total=88, deductions={"C2": (12, None)})
    with old.begin() as conn:
        conn.execute(evaluations.insert().values(uuid="old-1", version=1, centre_id="GD-GZ", workstation_id="w",
                                                 digest=digest_of(body), payload=body, via="upload",
                                                 received_at="2026-11-02T03:00:00+00:00"))
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('0001')"))
    engine = engine_for(str(path))
    assert current_revision(engine) == head_revision()
    (agent,) = hub_report(engine, ReportFilter()).agents
    assert (agent.evaluations, agent.mean, agent.worst_items) == (1, 88.0, (("C2", 12.0),))


def test_headquarters_passwords_are_salted_hashes_and_sessions_expire_on_a_new_password(hub_database):
    store = _hq(hub_database)
    accounts = Accounts(store.engine)
    accounts.add_user("hq1", "总部质检", "S3cret-pass-1")
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM hq_users")).scalar_one()
    assert "S3cret-pass-1" not in stored and stored.startswith("scrypt$") and password_matches("S3cret-pass-1", stored)
    assert accounts.log_in("hq1", "wrong-pass").token is None
    assert accounts.log_in("nobody", "S3cret-pass-1").token is None
    token = accounts.log_in("hq1", "S3cret-pass-1").token
    assert accounts.user_of(token).name == "总部质检"
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT token_sha256 FROM hq_sessions")).scalar_one() == hashlib.sha256(
            token.encode()).hexdigest()
    accounts.add_user("hq1", "总部质检", "Another-pass-2")
    assert accounts.user_of(token) is None


def test_cli_add_user(tmp_path):
    db = str(tmp_path / "hub.sqlite3")
    command = [sys.executable, "-m", "inspector", "hub", "add-user", "hq1", "--db", db, "--name", "总部"]
    done = subprocess.run(command, input="Long-enough-1\n", capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and json.loads(done.stdout) == {"user": "hq1", "name": "总部"}
    assert Accounts(engine_for(db)).log_in("hq1", "Long-enough-1").token
    short = subprocess.run(command, input="short\n", capture_output=True, text=True, cwd=ROOT)
    assert short.returncode == 2 and "at least 12 characters" in short.stderr and "Traceback" not in short.stderr


def test_reports_api_needs_a_headquarters_log_in(hub):
    url, store, _port = hub
    _three_centres_for(store)
    Accounts(store.engine).add_user("hq1", "总部", "Hq-password-1")
    assert httpx.get(f"{url}/api/v1/reports", params={"by": "centre"}).status_code == 401
    as_centre = httpx.get(f"{url}/api/v1/reports", params={"by": "centre"},
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert as_centre.status_code == 401                                           # a centre token is no log-in
    assert httpx.post(f"{url}/api/v1/login", json={"user": "hq1", "password": "nope-nope"}).status_code == 401
    assert httpx.get(f"{url}/dashboard", follow_redirects=False).headers["location"] == "/login"
    with httpx.Client(base_url=url) as client:
        assert client.post("/api/v1/login", json={"user": "hq1", "password": "Hq-password-1"}).status_code == 200
        answer = client.get("/api/v1/reports", params={"by": "centre", "from": "2026-01-01", "to": "2026-12-31"})
        assert answer.status_code == 200, answer.text
        data = answer.json()
        assert (data["from"], data["to"], data["basis"]) == ("2026-01-01", "2026-12-31",
                                                             {"calls": 5, "evaluations": 5})
        rows = {r["centre_id"]: r for r in data["rows"]}
        assert (rows[CENTRE]["name"], rows[CENTRE]["mean"], rows[CENTRE]["red_lines_open"]) == ("广州中心", 53.33, 1)
        assert _send(store, CENTRE, payload("g4", total=100, started_at="2026-12-01 09:00")) == ("stored", "")
        again = client.get("/api/v1/reports", params={"by": "centre", "from": "2026-01-01", "to": "2026-12-31"})
        assert again.json()["basis"]["evaluations"] == 6                          # what arrives counts at once
        agents = client.get("/api/v1/reports", params={"by": "agent", "centre": CENTRE}).json()["rows"]
        assert {a["agent_id"]: (a["evaluations"], a["mean"]) for a in agents} == {"1001": (2, 95.0),
                                                                                 "1002": (2, 35.0)}
        rules = client.get("/api/v1/reports", params={"by": "rule"}).json()["rows"]
        assert {"rule", "name", "hits", "calls_with_hits", "per_100_calls", "confirmed", "rejected"} <= set(rules[0])
        bad = client.get("/api/v1/reports", params={"by": "centre", "from": "2026-02-30"})
        assert bad.status_code == 400 and "not a date" in bad.json()["detail"]
        assert client.get("/dashboard").status_code == 200
        assert client.post("/api/v1/logout").status_code == 204
        assert client.get("/api/v1/reports", params={"by": "centre"}).status_code == 401


def _three_centres_for(store):
    for centre, name in (("GD-SZ", "深圳中心"), ("BJ", "北京中心")):
        store.add_centre(centre, name, "a1" * 32, f"token-{centre}")
    _three_centres(store)


def test_the_vendored_echarts_is_the_pinned_release_with_its_licence():
    version, sha256 = ECHARTS
    library = (STATIC / "echarts.min.js").read_bytes()
    assert hashlib.sha256(library).hexdigest() == sha256 and f'version:"{version}"'.encode() in library
    assert "Apache License" in (STATIC / "LICENSE-echarts.txt").read_text()
    assert version in (STATIC / "VENDORED.md").read_text() and sha256 in (STATIC / "VENDORED.md").read_text()
    page = (STATIC / "dashboard.html").read_text()
    assert "//" not in page.replace("</", "").split("<script")[1].split(">")[0]  # no CDN, the local file


def test_a_failing_request_is_a_json_error_whose_request_id_is_in_the_log(tmp_path, caplog):
    """Whatever fails inside (here the reports' table is gone), the client gets JSON naming a request id,
    and the receiver's log has the traceback under that id; /healthz says the database is there."""
    from fastapi.testclient import TestClient

    from inspector.hub.app import create_app

    store = HubStore(engine_for(str(tmp_path / "hub.sqlite3")))
    Accounts(store.engine).add_user("hq1", "总部", "Hq-password-1")
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        assert client.get("/healthz").json() == {"ok": True, "database": "ok"}
        assert client.post("/api/v1/login", json={"user": "hq1", "password": "Hq-password-1"}).status_code == 200
        with store.engine.begin() as conn:
            conn.execute(text("DROP TABLE report_items"))
        answer = client.get("/api/v1/reports", params={"by": "item"}, headers={"X-Request-ID": "probe-42"})
        assert answer.status_code == 500 and answer.headers["content-type"] == "application/json"
        assert answer.json()["request_id"] == "probe-42" == answer.headers["x-request-id"]
        assert answer.headers["cache-control"] == "no-store"
        logged = [r for r in caplog.records if "probe-42" in r.getMessage()]
        assert logged and logged[0].exc_info is not None and "report_items" in str(logged[0].exc_info[1])
        assert client.get("/login").headers["cache-control"] == "no-store"
