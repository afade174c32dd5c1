"""The receiver's tables as SQLAlchemy Core objects: what queries are written against. The schema in a
database is made by the Alembic migrations (hub/migrations), which must end where these tables are."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, Text

metadata = MetaData()
centres = Table("centres", metadata,
                Column("id", String(64), primary_key=True),
                Column("name", Text, nullable=False),
                Column("key_hex", String(128), nullable=False),
                Column("token_sha256", String(64), nullable=False, unique=True))
evaluations = Table("evaluations", metadata,
                    Column("uuid", String(36), primary_key=True),
                    Column("version", Integer, primary_key=True),
                    Column("centre_id", String(64), nullable=False, index=True),
                    Column("workstation_id", String(36), nullable=False),
                    Column("digest", String(64), nullable=False),
                    Column("payload", Text, nullable=False),
                    Column("via", String(16), nullable=False),
                    Column("received_at", String(32), nullable=False))
