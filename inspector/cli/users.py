"""``inspector users …``: a centre's accounts from the command line, under the Users dialog's rules.

Every change is made ``--as`` a lead or admin whose password is the first line of standard input; a new or
reset password is the next line. The one exception is the first lead of an empty workspace.
"""

from __future__ import annotations

import argparse
import json

from inspector.cli.auth import Refused, add_identity_arguments, read_password, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.domain.people import Role
from inspector.store.users import UserRepository
from inspector.domain.accounts import Account
from inspector.users.policy import Action

ROLE_CHOICES = [r.value for r in Role]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("users", help="the workstation's inspectors, leads and admins")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every account: id, name, role, active")
    listing.add_argument("--format", choices=("json", "text"), default="json")
    add_identity_arguments(listing, "--as")
    add = actions.add_parser("add", help="a new account (its owner chooses a new password at first log-in)")
    add.add_argument("user_id", metavar="ID")
    add.add_argument("--name", required=True)
    add.add_argument("--role", choices=ROLE_CHOICES, required=True)
    add_identity_arguments(add, "--as", required=False)
    for name, text in (("disable", "the account can no longer log in; its work stays"),
                       ("enable", "the account can log in again"),
                       ("reset-password", "a temporary password (next stdin line), changed at next log-in")):
        command = actions.add_parser(name, help=text)
        command.add_argument("user_id", metavar="ID")
        add_identity_arguments(command, "--as")
    role = actions.add_parser("set-role", help="make an account an inspector, lead, admin or agent")
    role.add_argument("user_id", metavar="ID")
    role.add_argument("--role", choices=ROLE_CHOICES, required=True)
    add_identity_arguments(role, "--as")
    rename = actions.add_parser("rename", help="correct an account's name")
    rename.add_argument("user_id", metavar="ID")
    rename.add_argument("--name", required=True)
    add_identity_arguments(rename, "--as")
    passwd = actions.add_parser("passwd", help="change your own password (old, then new, on stdin)")
    passwd.add_argument("user_id", metavar="ID")
    passwd.add_argument("--password-stdin", action="store_true", required=True)
    audit = actions.add_parser("audit", help="every change made to accounts, oldest first")
    audit.add_argument("user_id", metavar="ID", nargs="?")
    add_identity_arguments(audit, "--as")
    parser.set_defaults(handler=run)


def _listed(account: Account) -> dict:
    return {"id": account.id, "name": account.name, "role": account.role, "active": account.active,
            "must_change_password": account.must_change_password}


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    users = UserRepository(ctx.db)
    if args.action == "list":
        sign_in(ctx.db, args, Action.MANAGE_USERS)
        accounts = users.accounts()
        if args.format == "json":
            print(json.dumps([_listed(a) for a in accounts], ensure_ascii=False))
        else:
            for a in accounts:
                print(f"{a.id}\t{a.name}\t{a.role}\t{'active' if a.active else 'disabled'}")
        return 0
    if args.action == "passwd":
        users.change_password(args.user_id, read_password("old password"), read_password("new password"))
        print(json.dumps(_listed(users.account(args.user_id)), ensure_ascii=False))
        return 0
    if args.action == "add" and users.is_empty():
        if args.actor_id is not None:      # else the acting lead's password would become the new lead's
            raise Refused(f"this workspace has no users yet, so no {args.actor_id}: create its first lead "
                          "without --as (standard input holds only the new lead's password)")
        if args.role != Role.LEAD:
            raise Refused("an empty workspace starts with its team lead: --role lead")
        if not args.password_stdin:
            raise Refused("the new lead's password is read from standard input: add --password-stdin")
        users.create_first_lead(args.user_id, args.name, read_password("new lead's password"))
        print(json.dumps(_listed(users.account(args.user_id)), ensure_ascii=False))
        return 0
    if args.actor_id is None:
        raise Refused("this workspace has users: say which lead adds the account with --as LEAD --password-stdin")
    actor = sign_in(ctx.db, args, Action.MANAGE_USERS)
    if args.action == "audit":
        print(json.dumps(users.audit(args.user_id), ensure_ascii=False))
        return 0
    if args.action == "add":
        users.add(actor, args.user_id, args.name, args.role, read_password("new user's password"))
    elif args.action in ("disable", "enable"):
        users.set_active(actor, args.user_id, args.action == "enable")
    elif args.action == "reset-password":
        users.reset_password(actor, args.user_id, read_password("temporary password"))
    elif args.action == "set-role":
        users.set_role(actor, args.user_id, args.role)
    elif args.action == "rename":
        users.rename(actor, args.user_id, args.name)
    print(json.dumps(_listed(users.account(args.user_id)), ensure_ascii=False))
    return 0
