"""The receiver's tables as SQLAlchemy Core objects: what queries are written against. The schema in a
database is made by the Alembic migrations (hub/migrations), which must end where these tables are."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Index, Integer, MetaData, String, Table, Text

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

# What was received, in a form reports can count (filled as each evaluation version arrives, from its payload;
# the latest version of an evaluation replaces the earlier one's rows).
report_evaluations = Table("report_evaluations", metadata,
                           Column("uuid", String(36), primary_key=True),
                           Column("version", Integer, nullable=False),
                           Column("centre_id", String(64), nullable=False),
                           Column("workstation_id", String(36), nullable=False),
                           Column("inspector", String(64), nullable=False),
                           Column("agent_id", String(64), nullable=False),
                           Column("agent_name", Text, nullable=False),
                           Column("team", Text, nullable=False),
                           Column("business_type", Text, nullable=False),
                           Column("call_ref", Text, nullable=False),
                           Column("call_hash", String(64), nullable=False),
                           Column("call_started_at", String(32), nullable=False),
                           Column("call_date", String(10), nullable=False),         # YYYY-MM-DD, '' if unknown
                           Column("evaluated_at", String(40), nullable=False),
                           Column("evaluated_date", String(10), nullable=False),
                           Column("card_id", String(64), nullable=False),
                           Column("card_version", String(32), nullable=False),
                           Column("total", Float, nullable=False),
                           Column("fatal", Boolean, nullable=False),
                           Column("red_line_status", String(16)),                     # open / closed / NULL: none
                           Column("appeal_status", String(16)),                       # NULL: never appealed
                           Column("received_at", String(32), nullable=False),
                           Index("ix_report_evaluations_call_date", "call_date", "centre_id"),
                           Index("ix_report_evaluations_evaluated_date", "evaluated_date", "centre_id"),
                           Index("ix_report_evaluations_centre_agent", "centre_id", "agent_id"))
report_items = Table("report_items", metadata,          # only items the evaluation says something about
                     Column("uuid", String(36), primary_key=True),
                     Column("item", String(32), primary_key=True),
                     Column("kind", String(8), nullable=False),            # item / fatal
                     Column("score", Float),                               # points kept (items of a known card)
                     Column("lost", Float, nullable=False),
                     Column("na", Boolean, nullable=False),
                     Column("fatal_status", String(16)))                   # fatal items: confirmed / pending / rejected

# Each call once per centre, as the latest submitted evaluation of it described it (a call scored twice is one
# call): its automatic hits per rule, its red-line register and the customer's voice.
report_calls = Table("report_calls", metadata,
                     Column("centre_id", String(64), primary_key=True),
                     Column("call_hash", String(64), primary_key=True),
                     Column("uuid", String(36), nullable=False),            # the evaluation that described it
                     Column("evaluated_at", String(40), nullable=False),
                     Column("register_at", String(40), nullable=False),    # when its red-line rows stood so
                     Column("call_date", String(10), nullable=False),
                     Column("agent_id", String(64), nullable=False),
                     Column("team", Text, nullable=False),
                     Column("business_type", Text, nullable=False),
                     Column("checked", Boolean, nullable=False),
                     Column("satisfaction", Float),
                     Column("resolved", Boolean),
                     Column("emotion_start", String(16)),
                     Column("emotion_end", String(16)),
                     Column("emotion_worsened", Boolean),
                     Index("ix_report_calls_call_date", "call_date", "centre_id"))
report_call_rules = Table("report_call_rules", metadata,    # the call's automatic hits, per rule
                          Column("centre_id", String(64), primary_key=True),
                          Column("call_hash", String(64), primary_key=True),
                          Column("rule", String(32), primary_key=True),
                          Column("name", Text, nullable=False),
                          Column("red_line", Boolean, nullable=False),
                          Column("hits", Integer, nullable=False),
                          Column("confirmed", Integer, nullable=False),
                          Column("rejected", Integer))                      # NULL: decisions unknown (payload v1)
report_call_red_lines = Table("report_call_red_lines", metadata,   # the call's register, withdrawn cases left out
                              Column("centre_id", String(64), primary_key=True),
                              Column("call_hash", String(64), primary_key=True),
                              Column("seq", Integer, primary_key=True),
                              Column("rule", String(32), nullable=False),
                              Column("name", Text, nullable=False),
                              Column("status", String(16), nullable=False),     # open / closed
                              Column("opened_on", String(10), nullable=False),
                              Column("closed_on", String(10)))
report_call_categories = Table("report_call_categories", metadata,
                               Column("centre_id", String(64), primary_key=True),
                               Column("call_hash", String(64), primary_key=True),
                               Column("path", Text, primary_key=True),
                               Column("confidence", Float, nullable=False))

# The agents' answers (payload version 3, and the appeals every evaluation payload carries): acknowledgements
# per evaluation version, appeals with the furthest state any payload told (open → upheld / rejected), coaching
# sessions (without their agreed actions, which stay at the centre).
report_acknowledgements = Table("report_acknowledgements", metadata,
                                Column("uuid", String(36), primary_key=True),        # the evaluation
                                Column("version", Integer, primary_key=True),
                                Column("centre_id", String(64), nullable=False),
                                Column("agent_id", String(64), nullable=False),
                                Column("at", String(40), nullable=False))
report_appeals = Table("report_appeals", metadata,
                       Column("uuid", String(36), primary_key=True),                # the evaluation
                       Column("appeal_id", Integer, primary_key=True),              # the centre's appeal number
                       Column("centre_id", String(64), nullable=False, index=True),
                       Column("item_id", String(32)),                               # NULL: the whole evaluation
                       Column("status", String(16), nullable=False),
                       Column("filed_at", String(40), nullable=False),
                       Column("resolved_at", String(40)))
report_coaching = Table("report_coaching", metadata,
                        Column("uuid", String(36), primary_key=True),
                        Column("centre_id", String(64), nullable=False),
                        Column("agent_id", String(64), nullable=False),
                        Column("coach", String(64), nullable=False),
                        Column("held_on", String(10), nullable=False),
                        Column("items", Text, nullable=False),                      # item ids, comma-separated
                        Column("follow_up", String(10)),
                        Index("ix_report_coaching_centre_held_on", "centre_id", "held_on"))

# Headquarters people who may see the dashboard and the reports API (not centres: they hold upload tokens).
hq_users = Table("hq_users", metadata,
                 Column("id", String(64), primary_key=True),
                 Column("name", Text, nullable=False),
                 Column("password_hash", String(256), nullable=False),     # scrypt, salted (hub.accounts)
                 Column("created_at", String(32), nullable=False))
hq_sessions = Table("hq_sessions", metadata,
                    Column("token_sha256", String(64), primary_key=True),
                    Column("user_id", String(64), nullable=False, index=True),
                    Column("expires_at", String(32), nullable=False))

# Log-in throttling: failures in a row per account ("user:ID") and per client address ("client:IP"), and a
# record of every attempt (who, from where, how it ended).
hq_login_failures = Table("hq_login_failures", metadata,
                          Column("key", String(160), primary_key=True),
                          Column("failures", Integer, nullable=False),
                          Column("locked_until", String(32)),
                          Column("last_at", String(32), nullable=False))
hq_login_log = Table("hq_login_log", metadata,
                     Column("id", Integer, primary_key=True, autoincrement=True),
                     Column("at", String(32), nullable=False),
                     Column("user_id", String(64), nullable=False),
                     Column("client", String(64), nullable=False),
                     Column("outcome", String(16), nullable=False))
