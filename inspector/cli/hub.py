"""``inspector hub …``: the headquarters receiver (serve, register a centre, print the OpenAPI document)."""

from __future__ import annotations

import argparse
import getpass
import json
import secrets
import sys

from inspector.cli.arguments import count_between
from inspector.cli.auth import Refused, read_password
from inspector.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("hub", help="the headquarters receiver")
    actions = parser.add_subparsers(dest="action", required=True)
    serve = actions.add_parser("serve", help="receive uploads and bundles over HTTP")
    serve.add_argument("--db", required=True, help="SQLite file, or an SQLAlchemy URL (postgresql+psycopg://…)")
    serve.add_argument("--port", type=count_between(1, 65535), default=8086)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--certfile", help="serve HTTPS with this certificate")
    serve.add_argument("--keyfile")
    centre = actions.add_parser("add-centre", help="register a centre: its key and upload token")
    centre.add_argument("centre_id")
    centre.add_argument("--db", required=True)
    centre.add_argument("--name", default="")
    centre.add_argument("--key", help="the centre key as hex (default: a new one)")
    centre.add_argument("--token", help="the upload token (default: a new one)")
    centre.add_argument("--rotate", action="store_true", help="replace an existing centre's key and token")
    user = actions.add_parser("add-user", help="a headquarters user for the dashboard and the reports API "
                                               "(password from stdin, or asked for)")
    user.add_argument("user_id")
    user.add_argument("--db", required=True)
    user.add_argument("--name", default="")
    actions.add_parser("openapi", help="print the API description (OpenAPI JSON)")
    parser.set_defaults(handler=run)


def shown_db(db: str) -> str:
    """The database as it may be printed: an SQLAlchemy URL with its password masked (logs and terminals
    are read by more people than the database's password is for)."""
    if "://" not in db:
        return db
    try:
        from sqlalchemy.engine import make_url
        return make_url(db).render_as_string(hide_password=True)
    except Exception:       # noqa: BLE001 - not a URL SQLAlchemy can parse: show its scheme and nothing else
        return db.split("://", 1)[0] + "://…"


def _without_password(text: str, db: str) -> str:
    try:
        from sqlalchemy.engine import make_url
        password = make_url(db).password if "://" in db else None
    except Exception:       # noqa: BLE001 - unparsable: nothing known to hide
        password = None
    return text.replace(password, "***") if password else text


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    # imported here: the receiver is an optional extra that workstations do not install
    try:
        import uvicorn

        from inspector.hub.app import create_app
        from inspector.hub.guard import GuardedBodies
        from sqlalchemy.exc import SQLAlchemyError

        from inspector.hub.store import CentreExists, HubStore, engine_for
    except ImportError as exc:
        print(f"inspector hub: the receiver is not installed ({exc.name} is missing): "
              "pip install 'inspector[hub]'", file=sys.stderr)
        return 2

    if args.action == "openapi":
        print(json.dumps(create_app(HubStore(engine_for(":memory:"))).openapi(), ensure_ascii=False, indent=1))
        return 0
    try:
        store = HubStore(engine_for(args.db))
    except (OSError, SQLAlchemyError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        reason = _without_password(reason.replace(args.db, shown_db(args.db)), args.db)
        print(f"inspector hub: {shown_db(args.db)}: cannot open the receiver's database ({reason})", file=sys.stderr)
        return 2
    if args.action == "add-centre":
        key = args.key or secrets.token_hex(32)
        try:
            token = store.add_centre(args.centre_id, args.name or args.centre_id, key, args.token, args.rotate)
        except CentreExists as exc:
            print(f"inspector hub: {exc}", file=sys.stderr)
            return 2
        print(json.dumps({"centre_id": args.centre_id, "key": key, "token": token}))
        return 0
    if args.action == "add-user":
        return _add_user(store, args)
    if args.action == "serve":
        print(f"receiver on http{'s' if args.certfile else ''}://{args.host}:{args.port} (database {shown_db(args.db)})",
              file=sys.stderr, flush=True)
        uvicorn.run(GuardedBodies(create_app(store), store), host=args.host, port=args.port, log_level="warning",
                    ssl_certfile=args.certfile, ssl_keyfile=args.keyfile)
        return 0
    raise AssertionError(args.action)


def _add_user(store, args: argparse.Namespace) -> int:
    from inspector.hub.accounts import AccountError, Accounts

    try:
        password = getpass.getpass("password: ") if sys.stdin.isatty() else read_password("new user's password")
        user = Accounts(store.engine).add_user(args.user_id, args.name, password)
    except (AccountError, Refused) as exc:
        print(f"inspector hub add-user: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({"user": user.id, "name": user.name}, ensure_ascii=False))
    return 0
