"""Alembic's entry point: always called through hub.schema.upgrade, which hands over an open connection."""

from alembic import context

from inspector.hub.tables import metadata

context.configure(connection=context.config.attributes["connection"], target_metadata=metadata,
                  render_as_batch=True)     # SQLite alters tables by copying them
with context.begin_transaction():
    context.run_migrations()
