"""The receiver's schema is made and moved forward by Alembic, on SQLite and on a real PostgreSQL server."""

from sqlalchemy import create_engine, inspect

from inspector.hub.schema import current_revision, head_revision
from inspector.hub.store import HubStore, engine_for
from inspector.hub.tables import centres, evaluations, metadata
from tests.hub_payloads import payload


def _columns(engine) -> dict[str, set[str]]:
    found = inspect(engine)
    return {table: {c["name"] for c in found.get_columns(table)} for table in found.get_table_names()
            if table != "alembic_version"}


def test_a_new_receiver_database_is_migrated_to_the_head_revision(hub_database):
    engine = engine_for(hub_database)
    assert current_revision(engine) == head_revision()
    assert _columns(engine) == {t.name: {c.name for c in t.columns} for t in metadata.sorted_tables}
    store = HubStore(engine)
    store.add_centre("GD-GZ", "广州", "a1" * 32, "token")
    assert store.receive("GD-GZ", "ws", "u1", 1, "d" * 64, payload("u1"), "upload") == ("stored", "")
    assert store.receive("GD-GZ", "ws", "u1", 1, "d" * 64, payload("u1"), "upload") == ("duplicate", "")


def test_opening_again_changes_nothing(hub_database):
    store = HubStore(engine_for(hub_database))
    store.add_centre("GD-GZ", "广州", "a1" * 32, "token")
    again = engine_for(hub_database)
    assert current_revision(again) == head_revision()
    assert HubStore(again).centre_key("GD-GZ") == "a1" * 32


def test_a_database_from_before_alembic_is_adopted_with_its_rows(tmp_path):
    """The first receivers made their tables with create_all: they are stamped, not recreated."""
    path = tmp_path / "old-hub.sqlite3"
    old = create_engine(f"sqlite:///{path}")
    metadata.create_all(old, tables=[centres, evaluations])          # the first revision's tables
    with old.begin() as conn:
        conn.exec_driver_sql("INSERT INTO centres VALUES ('GD-GZ', '广州', 'ab', 'hash')")
    old.dispose()
    engine = engine_for(str(path))
    assert current_revision(engine) == head_revision()
    assert HubStore(engine).centre_key("GD-GZ") == "ab"
