"""Log-in throttling of headquarters users: failures counted per account and per client address, and every
log-in attempt recorded.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table("hq_login_failures",
                    sa.Column("key", sa.String(160), primary_key=True),
                    sa.Column("failures", sa.Integer, nullable=False),
                    sa.Column("locked_until", sa.String(32)),
                    sa.Column("last_at", sa.String(32), nullable=False))
    op.create_table("hq_login_log",
                    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                    sa.Column("at", sa.String(32), nullable=False),
                    sa.Column("user_id", sa.String(64), nullable=False),
                    sa.Column("client", sa.String(64), nullable=False),
                    sa.Column("outcome", sa.String(16), nullable=False))


def downgrade() -> None:
    op.drop_table("hq_login_log")
    op.drop_table("hq_login_failures")
