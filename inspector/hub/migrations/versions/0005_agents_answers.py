"""The agents' answers (issue #29, payload version 3): acknowledgements, appeals and coaching sessions in
tables reports count, filled from every payload already received (evaluation payloads carried appeals
before version 3).

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.create_table("report_acknowledgements",
                    sa.Column("uuid", sa.String(36), primary_key=True),
                    sa.Column("version", sa.Integer, primary_key=True),
                    sa.Column("centre_id", sa.String(64), nullable=False),
                    sa.Column("agent_id", sa.String(64), nullable=False),
                    sa.Column("at", sa.String(40), nullable=False))
    op.create_table("report_appeals",
                    sa.Column("uuid", sa.String(36), primary_key=True),
                    sa.Column("appeal_id", sa.Integer, primary_key=True),
                    sa.Column("centre_id", sa.String(64), nullable=False),
                    sa.Column("item_id", sa.String(32)),
                    sa.Column("status", sa.String(16), nullable=False),
                    sa.Column("filed_at", sa.String(40), nullable=False),
                    sa.Column("resolved_at", sa.String(40)))
    op.create_index("ix_report_appeals_centre_id", "report_appeals", ["centre_id"])
    op.create_table("report_coaching",
                    sa.Column("uuid", sa.String(36), primary_key=True),
                    sa.Column("centre_id", sa.String(64), nullable=False),
                    sa.Column("agent_id", sa.String(64), nullable=False),
                    sa.Column("coach", sa.String(64), nullable=False),
                    sa.Column("held_on", sa.String(10), nullable=False),
                    sa.Column("items", sa.Text, nullable=False),
                    sa.Column("follow_up", sa.String(10)))
    op.create_index("ix_report_coaching_centre_held_on", "report_coaching", ["centre_id", "held_on"])
    from inspector.hub.report_rows import rebuild_report_rows
    rebuild_report_rows(op.get_bind())
