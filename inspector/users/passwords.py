"""The rules a password and an account's id and name are held to, in one place for the workstation and the
headquarters receiver (whose accounts face a network, so its minimums are higher).

Ids and names end up in audits, logs, spreadsheets and terminals: control characters (a bidi override, an
escape sequence, a NUL) and 100,000-character strings are refused where they come in, not escaped wherever
they go out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_ID = 32
MAX_NAME = 64
MAX_PASSWORD = 256          # scrypt would take a megabyte; nobody types more than this
_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]*")


@dataclass(frozen=True)
class PasswordRules:
    min_length: int
    kinds: int              # of letters, digits and symbols
    min_distinct: int = 1   # different characters: refuses "aaaaaaa1"-like passwords where it matters


WORKSTATION = PasswordRules(min_length=8, kinds=2)
RECEIVER = PasswordRules(min_length=12, kinds=3, min_distinct=6)


def password_problem(password: str, user_id: str, rules: PasswordRules) -> tuple[str, dict] | None:
    """(code, values) of the first rule the password breaks, or None; callers word the code themselves."""
    if len(password) < rules.min_length:
        return "short_password", {"n": rules.min_length}
    if len(password) > MAX_PASSWORD:
        return "long_password", {"n": MAX_PASSWORD}
    if password.strip().casefold() == user_id.strip().casefold():
        return "password_is_id", {}
    kinds = sum((any(c.isalpha() for c in password), any(c.isdigit() for c in password),
                 any(not c.isalnum() for c in password)))
    if kinds < rules.kinds:
        return ("one_kind", {}) if rules.kinds == 2 else ("few_kinds", {"n": rules.kinds})
    if len(set(password)) < rules.min_distinct:
        return "repetitive", {"n": rules.min_distinct}
    return None


def id_is_valid(user_id: str) -> bool:
    """A job number or login name: letters, digits, dot, dash and underscore, up to MAX_ID."""
    return len(user_id) <= MAX_ID and _ID.fullmatch(user_id) is not None


def name_is_valid(name: str) -> bool:
    """Any script, spaces inside, no control or format characters (bidi overrides, zero-widths)."""
    return 0 < len(name) <= MAX_NAME and name == name.strip() and not any(
        unicodedata.category(c)[0] == "C" or unicodedata.category(c) in ("Zl", "Zp") for c in name)
