"""Reportable copies of what was received (evaluations, item scores, rule hits, red-line cases) and the
headquarters users who may read them. Evaluations received before this revision are indexed from their
stored payloads by revision 0004, which rebuilds every reportable row with the code of the day.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table("report_evaluations",
                    sa.Column("uuid", sa.String(36), primary_key=True),
                    sa.Column("version", sa.Integer, nullable=False),
                    sa.Column("centre_id", sa.String(64), nullable=False),
                    sa.Column("workstation_id", sa.String(36), nullable=False),
                    sa.Column("inspector", sa.String(64), nullable=False),
                    sa.Column("agent_id", sa.String(64), nullable=False),
                    sa.Column("agent_name", sa.Text, nullable=False),
                    sa.Column("team", sa.Text, nullable=False),
                    sa.Column("business_type", sa.Text, nullable=False),
                    sa.Column("call_ref", sa.Text, nullable=False),
                    sa.Column("call_hash", sa.String(64), nullable=False),
                    sa.Column("call_started_at", sa.String(32), nullable=False),
                    sa.Column("call_date", sa.String(10), nullable=False),
                    sa.Column("evaluated_at", sa.String(40), nullable=False),
                    sa.Column("evaluated_date", sa.String(10), nullable=False),
                    sa.Column("card_id", sa.String(64), nullable=False),
                    sa.Column("card_version", sa.String(32), nullable=False),
                    sa.Column("total", sa.Float, nullable=False),
                    sa.Column("fatal", sa.Boolean, nullable=False),
                    sa.Column("red_line_status", sa.String(16)),
                    sa.Column("appeal_status", sa.String(16)),
                    sa.Column("received_at", sa.String(32), nullable=False))
    op.create_index("ix_report_evaluations_call_date", "report_evaluations", ["call_date", "centre_id"])
    op.create_index("ix_report_evaluations_evaluated_date", "report_evaluations", ["evaluated_date", "centre_id"])
    op.create_index("ix_report_evaluations_centre_agent", "report_evaluations", ["centre_id", "agent_id"])
    op.create_table("report_items",
                    sa.Column("uuid", sa.String(36), primary_key=True),
                    sa.Column("item", sa.String(32), primary_key=True),
                    sa.Column("kind", sa.String(8), nullable=False),
                    sa.Column("score", sa.Float),
                    sa.Column("lost", sa.Float, nullable=False),
                    sa.Column("na", sa.Boolean, nullable=False),
                    sa.Column("fatal_status", sa.String(16)))
    op.create_table("report_rules",
                    sa.Column("uuid", sa.String(36), primary_key=True),
                    sa.Column("rule", sa.String(32), primary_key=True),
                    sa.Column("name", sa.Text, nullable=False),
                    sa.Column("red_line", sa.Boolean, nullable=False),
                    sa.Column("hits", sa.Integer, nullable=False))
    op.create_table("report_red_lines",
                    sa.Column("uuid", sa.String(36), primary_key=True),
                    sa.Column("seq", sa.Integer, primary_key=True),
                    sa.Column("rule", sa.String(32), nullable=False),
                    sa.Column("name", sa.Text, nullable=False),
                    sa.Column("status", sa.String(16), nullable=False),
                    sa.Column("opened_on", sa.String(10), nullable=False),
                    sa.Column("closed_on", sa.String(10)))
    op.create_table("hq_users",
                    sa.Column("id", sa.String(64), primary_key=True),
                    sa.Column("name", sa.Text, nullable=False),
                    sa.Column("password_hash", sa.String(256), nullable=False),
                    sa.Column("created_at", sa.String(32), nullable=False))
    op.create_table("hq_sessions",
                    sa.Column("token_sha256", sa.String(64), primary_key=True),
                    sa.Column("user_id", sa.String(64), nullable=False),
                    sa.Column("expires_at", sa.String(32), nullable=False))
    op.create_index("ix_hq_sessions_user_id", "hq_sessions", ["user_id"])


def downgrade() -> None:
    for table in ("hq_sessions", "hq_users", "report_red_lines", "report_rules", "report_items", "report_evaluations"):
        op.drop_table(table)
