"""The receiver's Alembic upgrade with data in it, from every earlier revision to the head, on a throwaway
PostgreSQL cluster (and SQLite): what headquarters received is kept byte for byte, and what a revision
derives from it (0002: the reportable rows of every evaluation received before reports existed) is there.
A revision added later is covered by the parameters; one that moves data adds its check below."""

import json

import pytest
from sqlalchemy import create_engine, text

from inspector.hub.reports import ReportFilter, hub_report
from inspector.hub.schema import current_revision, head_revision, revisions, upgrade
from inspector.hub.store import engine_for
from inspector.sync.protocol import digest_of
from tests.hub_payloads import payload

RECEIVED = [  # (uuid, version, payload): a reopened evaluation in two versions, another centre's, and junk
    ("u-1", 1, payload("u-1", 1, agent="1001", total=70, deductions={"C2": (30, None)})),
    ("u-1", 2, payload("u-1", 2, agent="1001", total=90, deductions={"A1": (10, None)})),
    ("u-2", 1, payload("u-2", 1, agent="2002", total=0, fatal="F1")),
    ("junk", 1, json.dumps({"uuid": "junk", "version": 1})),
]


def _database(request, tmp_path, kind: str) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    return request.getfixturevalue("postgres_cluster").new_database()


@pytest.mark.parametrize("kind", ["postgresql", "sqlite"])
@pytest.mark.parametrize("start", revisions()[:-1])
def test_a_receiver_with_data_upgrades_from_this_revision(request, tmp_path, kind, start):
    url = _database(request, tmp_path, kind)
    old = create_engine(url, future=True)
    upgrade(old, start)
    assert current_revision(old) == start
    with old.begin() as conn:
        conn.execute(text("INSERT INTO centres (id, name, key_hex, token_sha256) VALUES "
                          "('GD-GZ', '广州', :key, :t1), ('SC-CD', '成都', :key, :t2)"),
                     {"key": "ab" * 32, "t1": "1" * 64, "t2": "2" * 64})
        for uuid, version, body in RECEIVED:
            conn.execute(text("INSERT INTO evaluations (uuid, version, centre_id, workstation_id, digest, payload, "
                              "via, received_at) VALUES (:u, :v, :c, 'ws-1', :d, :p, 'upload', :r)"),
                         {"u": uuid, "v": version, "c": "SC-CD" if uuid == "u-2" else "GD-GZ",
                          "d": digest_of(body), "p": body, "r": f"2026-11-0{version + 1}T03:00:00+00:00"})
    old.dispose()

    engine = engine_for(url)                                       # what `hub serve` does at every start
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        kept = conn.execute(text("SELECT uuid, version, payload FROM evaluations ORDER BY uuid, version")).all()
        assert [tuple(row) for row in kept] == sorted(RECEIVED)
        assert conn.execute(text("SELECT id, name FROM centres ORDER BY id")).all() == [("GD-GZ", "广州"),
                                                                                       ("SC-CD", "成都")]
        indexed = conn.execute(text("SELECT uuid, version, centre_id, agent_id, total FROM report_evaluations "
                                    "ORDER BY uuid")).all()
    if revisions().index(start) < revisions().index("0002"):
        assert [tuple(r) for r in indexed] == [("u-1", 2, "GD-GZ", "1001", 90.0), ("u-2", 1, "SC-CD", "2002", 0.0)]
        report = hub_report(engine, ReportFilter())
        assert sorted((a.agent_id, a.evaluations, a.mean) for a in report.agents) == [("1001", 1, 90.0),
                                                                                      ("2002", 1, 0.0)]
    engine.dispose()
