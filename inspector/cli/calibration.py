"""``inspector calibration …``: sessions from the command line, with the same blind rules as the UI.

Every action says who is asking (`--user ID --password-stdin`): before the reveal only that user's own scores
are shown, packs (which carry results keys) are made by a lead, each for one participant, and results are
imported by a lead."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from inspector.archive import ArchiveError
from inspector.calibration.comparison import compare
from inspector.cli.auth import add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.calibration.pack import export_pack, export_packs, import_pack, pack_name
from inspector.calibration.report import write_report
from inspector.calibration.results import export_results, import_results
from inspector.calibration.sessions import CalibrationService
from inspector.scoring.defaults import default_card
from inspector.store.calibration import CalibrationRepository
from inspector.store.autoscores import AutoScoreRepository
from inspector.store.calls import CallRepository
from inspector.store.evaluations import EvaluationRepository
from inspector.scoring.score import score
from inspector.users.policy import Action


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("calibration", help="calibration sessions: packs, results, reports")
    actions = parser.add_subparsers(dest="action", required=True)
    add_identity_arguments(actions.add_parser("list", help="the sessions USER takes part in (a lead: all)"))
    show = actions.add_parser("show", help="a session's progress and the scores USER may see")
    show.add_argument("session")
    add_identity_arguments(show)
    pack = actions.add_parser("export-pack", help="one pack per participant (calls, transcripts, card, that "
                                                  "participant's results key) into a folder; leads only")
    pack.add_argument("session")
    pack.add_argument("--out", type=Path, required=True, help="folder for the packs")
    pack.add_argument("--participant", help="only this participant's pack")
    pack.add_argument("--no-mask", action="store_true", help="leave personal numbers and names in transcripts and "
                      "recordings (a lead's decision, recorded in the export audit)")
    add_identity_arguments(pack)
    take = actions.add_parser("import-pack", help="take the pack the lead made for USER onto this workstation")
    take.add_argument("file", type=Path)
    add_identity_arguments(take)
    results = actions.add_parser("export-results", help="USER's own scores of the session as a file")
    results.add_argument("session")
    add_identity_arguments(results)
    results.add_argument("--out", type=Path, required=True)
    imports = actions.add_parser("import-results", help="inspectors' results files, on the lead's workstation")
    imports.add_argument("files", type=Path, nargs="+")
    add_identity_arguments(imports)
    report = actions.add_parser("report", help="the comparison of a revealed session as HTML and/or CSV")
    report.add_argument("session")
    report.add_argument("--html", type=Path)
    report.add_argument("--csv", type=Path)
    add_identity_arguments(report)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    db, workspace = ctx.db, ctx.workspace
    lead_only = args.action in ("export-pack", "import-results")
    actor = sign_in(db, args, Action.RUN_CALIBRATION if lead_only else None)
    card = default_card()
    sessions = CalibrationRepository(db)
    service = CalibrationService(sessions, EvaluationRepository(db, card))
    try:
        if args.action == "list":
            print(json.dumps([{"id": s.id, "title": s.title, "status": s.status, "calls": len(s.call_ids),
                               "participants": list(s.participants), "benchmark": s.benchmark}
                              for s in service.sessions_for(actor)], ensure_ascii=False))
            return 0
        if args.action == "import-pack":
            result = import_pack(db, args.file, card, workspace.root / "calibration", actor)
            print("already imported: nothing changed" if result.already_imported else
                  f"session {result.session.title!r}: {result.calls_added} call(s) added")
            return 0
        if args.action == "import-results":
            for path in args.files:
                result = import_results(db, card, path)
                print(f"{path.name}: already imported, nothing changed" if result.already_imported else
                      f"{path.name}: {result.inspector}: {result.stored} stored, {result.unchanged} unchanged")
            return 0
        session = sessions.get(args.session)
        if session is None or session not in service.sessions_for(actor):
            print(f"inspector calibration: no session {args.session}", file=sys.stderr)
            return 2
        if args.action == "show":
            refs = CallRepository(db).refs(session.call_ids)
            visible = [{"inspector": e.inspector, "call": refs[e.call_id], "status": e.status,
                        "total": score(card, e).total} for e in service.visible_evaluations(session, actor.id)]
            print(json.dumps({"session": asdict(session), "progress": service.progress(session),
                              "evaluations": visible}, ensure_ascii=False))
            return 0
        if args.action == "export-pack":
            if args.participant:
                made = [export_pack(db, session, card, args.out / pack_name(session, args.participant),
                                    args.participant, actor, not args.no_mask)]
            else:
                made = export_packs(db, session, card, args.out, actor, not args.no_mask)
            print("\n".join(str(path) for path in made))
            return 0
        if args.action == "export-results":
            print(export_results(db, card, session, actor.id, args.out))
            return 0
        if args.action == "report":
            if not session.revealed:
                print(f"inspector calibration: session {session.title!r} is not revealed yet; the lead reveals "
                      "it before anyone sees the comparison", file=sys.stderr)
                return 2
            comparison = compare(session, card, service.visible_evaluations(session, session.lead),
                                 CallRepository(db).refs(session.call_ids),
                                 auto=service.automatic_rater(session, card, AutoScoreRepository(db)))
            write_report(comparison, args.html, args.csv)
            return 0
    except (ArchiveError, OSError) as exc:
        print(f"inspector calibration: {exc}", file=sys.stderr)
        return 2
    raise AssertionError(args.action)
