"""The demo workspace's people (``inspector --demo``): two inspectors and a lead sharing one password that the
log-in dialog shows, created on the demo's first start."""

from __future__ import annotations

from inspector.desk.desk import Desk
from inspector.domain.people import User

DEMO_LEAD = User("9001", "张组长", "lead")
DEMO_USERS = (User("1001", "李质检", "inspector"), User("1002", "王质检", "inspector"), DEMO_LEAD)
DEMO_PASSWORD = "demo1234"


def ensure_demo_users(desk: Desk) -> None:
    """The demo's people, with one shared password that the log-in dialog shows (nothing to protect there)."""
    users = desk.users
    if users.is_empty():
        users.create_first_lead(DEMO_LEAD.id, DEMO_LEAD.name, DEMO_PASSWORD)
    for user in DEMO_USERS:
        if users.get(user.id) is None:
            users.add(DEMO_LEAD, user.id, user.name, user.role, DEMO_PASSWORD, must_change_password=False)
