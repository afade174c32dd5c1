"""Alembic migrations of the receiver's schema (SQLite and PostgreSQL); run by ``hub.schema.upgrade``."""
