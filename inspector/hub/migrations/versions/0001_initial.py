"""The receiver's first schema: centres and the evaluation versions they sent.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table("centres",
                    sa.Column("id", sa.String(64), primary_key=True),
                    sa.Column("name", sa.Text, nullable=False),
                    sa.Column("key_hex", sa.String(128), nullable=False),
                    sa.Column("token_sha256", sa.String(64), nullable=False, unique=True))
    op.create_table("evaluations",
                    sa.Column("uuid", sa.String(36), primary_key=True),
                    sa.Column("version", sa.Integer, primary_key=True),
                    sa.Column("centre_id", sa.String(64), nullable=False),
                    sa.Column("workstation_id", sa.String(36), nullable=False),
                    sa.Column("digest", sa.String(64), nullable=False),
                    sa.Column("payload", sa.Text, nullable=False),
                    sa.Column("via", sa.String(16), nullable=False),
                    sa.Column("received_at", sa.String(32), nullable=False))
    op.create_index("ix_evaluations_centre_id", "evaluations", ["centre_id"])


def downgrade() -> None:
    op.drop_table("evaluations")
    op.drop_table("centres")
