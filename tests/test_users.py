"""Local users: scrypt-hashed passwords, first-run lead creation, log-in, and what a lead may do."""

import sqlite3

import pytest

from inspector.store.database import open_database
from inspector.store.users import UserError, UserRepository
from inspector.ui.login_dialog import LoginDialog


@pytest.fixture
def users(tmp_path):
    return UserRepository(open_database(tmp_path / "db.sqlite3"))


def test_passwords_are_hashed_and_checked(users, tmp_path):
    users.add("9001", "张组长", "lead", "secret-9001")
    row = sqlite3.connect(tmp_path / "db.sqlite3").execute("SELECT salt, pw_hash FROM users").fetchone()
    assert b"secret-9001" not in row[1] and len(row[0]) == 16 and len(row[1]) == 32
    assert users.authenticate("9001", "secret-9001").is_lead
    assert users.authenticate("9001", "wrong") is None
    assert users.authenticate("0000", "secret-9001") is None
    with pytest.raises(UserError, match="at least 6"):
        users.add("1001", "李", "inspector", "123")
    with pytest.raises(UserError, match="already exists"):
        users.add("9001", "x", "lead", "another-one")


def test_first_run_creates_the_lead_then_login_asks(qtbot, users):
    first = LoginDialog(users)
    qtbot.addWidget(first)
    assert first.first_run
    first.user_id.setText("9001")
    first.name.setText("张组长")
    first.password.setText("secret-9001")
    first.repeat.setText("different")
    first.try_accept()
    assert first.user is None and "differ" in first.message.text()
    first.repeat.setText("secret-9001")
    first.try_accept()
    assert first.user.id == "9001" and first.user.is_lead
    login = LoginDialog(users)
    qtbot.addWidget(login)
    assert not login.first_run
    login.user_id.setText("9001")
    login.password.setText("nope")
    login.try_accept()
    assert login.user is None and login.password.text() == ""
    login.password.setText("secret-9001")
    login.try_accept()
    assert login.user.id == "9001"
