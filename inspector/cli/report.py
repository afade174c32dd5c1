"""``inspector report``: one report section over the workstation's submitted evaluations, as JSON (the
section's rows), CSV (its main table), or a whole HTML page / XLSX workbook with its charts and tables.
What the report rests on (calls, evaluations) goes to stderr, so stdout stays the contract."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from inspector.cli.arguments import iso_day, number_between
from inspector.cli.context import CliContext
from inspector.reports.compute import DEFAULT_THRESHOLD
from inspector.reports.export import basis_line, html_page, table_csv, write_report
from inspector.reports.filters import DATE_BASES, ReportError, ReportFilter
from inspector.reports.compute import SECTIONS
from inspector.reports.tables import computed_for, section_json, tables_for
from inspector.reports.answers import AnswerRow, answer_json
from inspector.reports.workstation import workstation_answers, workstation_report
from inspector.review.coaching import CoachingService, effect_json
from inspector.scoring.defaults import default_card

CHOICES = (*(s for s in SECTIONS if s != "centre"), "coaching", "answers")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("report", help="reports over the submitted evaluations (agents, items, rules, …)")
    parser.add_argument("--by", choices=CHOICES, required=True, help="which report")
    parser.add_argument("--from", dest="date_from", type=iso_day, help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=iso_day, help="last day, YYYY-MM-DD")
    parser.add_argument("--dates", choices=DATE_BASES, default="call",
                        help="whether --from/--to are call dates or evaluation (submission) dates")
    parser.add_argument("--agent", help="one agent's 工号")
    parser.add_argument("--team")
    parser.add_argument("--inspector")
    parser.add_argument("--business", help="business type")
    parser.add_argument("--category", help="call category (where categories exist)")
    parser.add_argument("--card-version")
    parser.add_argument("--threshold", type=number_between(0, 100), default=DEFAULT_THRESHOLD, help="pass mark (default 80)")
    parser.add_argument("--format", choices=("json", "csv", "html", "xlsx"), default="json")
    parser.add_argument("--out", type=Path, help="write to this file instead of stdout (needed for xlsx)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.by == "coaching":
        return _coaching(args, ctx)
    flt = ReportFilter(args.date_from, args.date_to, args.dates, args.agent, args.team, args.inspector,
                       args.business, args.category, args.card_version)
    if args.by == "answers":
        return _answers(args, ctx, flt)
    try:
        if args.format == "xlsx" and args.out is None:
            raise ReportError("an XLSX workbook needs --out FILE")
        report = workstation_report(ctx.db, flt, default_card(), args.threshold, sections=computed_for(args.by))
        if args.out is not None:
            write_report(report, args.out, args.format, args.by)
        elif args.format == "json":
            print(json.dumps(section_json(report, args.by), ensure_ascii=False))
        elif args.format == "csv":
            sys.stdout.write(table_csv(tables_for(report, args.by)[0]))
        else:
            sys.stdout.write(html_page(report, args.by))
    except ReportError as exc:
        print(f"inspector report: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"inspector report: {args.out}: cannot write the report ({exc.strerror})", file=sys.stderr)
        return 2
    print(f"inspector report: {basis_line(report)}", file=sys.stderr)
    return 0


def _answers(args: argparse.Namespace, ctx: CliContext, flt: ReportFilter) -> int:
    """The agents' answers (reports/answers.py): the figures headquarters shows for this centre."""
    if args.format not in ("json", "csv"):
        print(f"inspector report: the answers report is written as json or csv, not {args.format}", file=sys.stderr)
        return 2
    try:
        rows = answer_json(workstation_answers(ctx.db, flt))
    except ReportError as exc:
        print(f"inspector report: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        text = json.dumps(rows, ensure_ascii=False) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(AnswerRow.__dataclass_fields__))
        writer.writeheader()
        writer.writerows(rows)
        text = buffer.getvalue()
    return _write(args, text)


def _write(args: argparse.Namespace, text: str) -> int:
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"inspector report: {args.out}: cannot write the report ({exc.strerror})", file=sys.stderr)
        return 2
    return 0


COACHING_COLUMNS = ("session", "agent_id", "coach", "held_on", "follow_up", "item", "name", "before_evaluations",
                    "before_lost", "before_rate", "after_evaluations", "after_lost", "after_rate",
                    "difference_low", "difference_high", "verdict")


def _coaching(args: argparse.Namespace, ctx: CliContext) -> int:
    """Each coaching session's items: losses before against after, with intervals (review.coaching)."""
    if args.format not in ("json", "csv"):
        print(f"inspector report: the coaching report is written as json or csv, not {args.format}", file=sys.stderr)
        return 2
    rows = [effect_json(e) for e in CoachingService(ctx.db, default_card()).effects(args.agent)]
    if args.format == "json":
        text = json.dumps(rows, ensure_ascii=False) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(COACHING_COLUMNS)
        for r in rows:
            low, high = r["difference"] or (None, None)
            writer.writerow([r["session"], r["agent_id"], r["coach"], r["held_on"], r["follow_up"], r["item"],
                             r["name"], r["before"]["evaluations"], r["before"]["lost"], r["before"]["rate"],
                             r["after"]["evaluations"], r["after"]["lost"], r["after"]["rate"], low, high,
                             r["verdict"]])
        text = buffer.getvalue()
    return _write(args, text)
