"""Each call once per centre (issue #25): the automatic hits per rule, the red-line register and the
customer's voice move from per-evaluation rows to per-call rows (a call scored twice counted twice), and
every reportable row is made again from the payloads as received.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.drop_table("report_rules")
    op.drop_table("report_red_lines")
    op.create_table("report_calls",
                    sa.Column("centre_id", sa.String(64), primary_key=True),
                    sa.Column("call_hash", sa.String(64), primary_key=True),
                    sa.Column("uuid", sa.String(36), nullable=False),
                    sa.Column("evaluated_at", sa.String(40), nullable=False),
                    sa.Column("register_at", sa.String(40), nullable=False),
                    sa.Column("call_date", sa.String(10), nullable=False),
                    sa.Column("agent_id", sa.String(64), nullable=False),
                    sa.Column("team", sa.Text, nullable=False),
                    sa.Column("business_type", sa.Text, nullable=False),
                    sa.Column("checked", sa.Boolean, nullable=False),
                    sa.Column("satisfaction", sa.Float),
                    sa.Column("resolved", sa.Boolean),
                    sa.Column("emotion_start", sa.String(16)),
                    sa.Column("emotion_end", sa.String(16)),
                    sa.Column("emotion_worsened", sa.Boolean))
    op.create_index("ix_report_calls_call_date", "report_calls", ["call_date", "centre_id"])
    op.create_table("report_call_rules",
                    sa.Column("centre_id", sa.String(64), primary_key=True),
                    sa.Column("call_hash", sa.String(64), primary_key=True),
                    sa.Column("rule", sa.String(32), primary_key=True),
                    sa.Column("name", sa.Text, nullable=False),
                    sa.Column("red_line", sa.Boolean, nullable=False),
                    sa.Column("hits", sa.Integer, nullable=False),
                    sa.Column("confirmed", sa.Integer, nullable=False),
                    sa.Column("rejected", sa.Integer))
    op.create_table("report_call_red_lines",
                    sa.Column("centre_id", sa.String(64), primary_key=True),
                    sa.Column("call_hash", sa.String(64), primary_key=True),
                    sa.Column("seq", sa.Integer, primary_key=True),
                    sa.Column("rule", sa.String(32), nullable=False),
                    sa.Column("name", sa.Text, nullable=False),
                    sa.Column("status", sa.String(16), nullable=False),
                    sa.Column("opened_on", sa.String(10), nullable=False),
                    sa.Column("closed_on", sa.String(10)))
    op.create_table("report_call_categories",
                    sa.Column("centre_id", sa.String(64), primary_key=True),
                    sa.Column("call_hash", sa.String(64), primary_key=True),
                    sa.Column("path", sa.Text, primary_key=True),
                    sa.Column("confidence", sa.Float, nullable=False))
    from inspector.hub.report_rows import rebuild_report_rows
    rebuild_report_rows(op.get_bind())


def downgrade() -> None:
    for table in ("report_call_categories", "report_call_red_lines", "report_call_rules", "report_calls"):
        op.drop_table(table)
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
