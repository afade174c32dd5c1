"""``inspector batch SOURCE --out DIR``: every recording below SOURCE recognised and checked on a Dask
cluster, written to DIR as ``NAME.transcript.json`` + ``NAME.checks.json`` for a workstation to import.

Exit 0 when every call is done, 1 when some recordings failed (listed in DIR/batch-report.json),
2 for a bad source, model, pack or scheduler, 3 when stopped with Ctrl+C (a re-run resumes).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.asr.choice import model_folder
from inspector.asr.model_layout import check_model
from inspector.asr.profiles import DEFAULT_PROFILE, PROFILES
from inspector.asr.recognizer import AsrError, model_identity
from inspector.categories.pack import CategoryPackError, default_category_pack, load_category_pack
from inspector.cli.arguments import count_between
from inspector.cli.context import CliContext
from inspector.pipeline.credentials import Credentials, scheduler_problem
from inspector.pipeline.plan import Plan, plan_batch
from inspector.pipeline.report import REPORT_NAME, BatchSummary, write_report
from inspector.findings.steps import step_versions
from inspector.pipeline.tasks import ToolSpec
from inspector.rules.pack import PackError
from inspector.scoring.defaults import default_pack, load_checked_pack


class BatchError(Exception):
    """A bad input: printed to stderr, exit status 2."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("batch", help="recognise and check every recording below a folder on a Dask cluster")
    parser.add_argument("source", type=Path, help="folder of recordings (sub-folders included)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the transcripts and checks")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=count_between(1, 1024), help="worker processes on this machine (default: one per core)")
    where.add_argument("--scheduler", help="an existing Dask scheduler, tls://HOST:8786 (its workers must see "
                                           "SOURCE and the model at the same paths; docs/security.md)")
    parser.add_argument("--tls", type=Path, metavar="FOLDER",
                        help="the cluster's credentials (ca.pem, node.pem, node.key) for --scheduler")
    parser.add_argument("--model", type=Path, help="the Vosk model folder (default: the first one found)")
    parser.add_argument("--profile", choices=tuple(PROFILES), default=DEFAULT_PROFILE,
                        help="decoding profile (fast: a third of the cores, see docs/scale.md)")
    parser.add_argument("--rules", type=Path, help="a rule pack (TOML; default: the bundled pack)")
    parser.add_argument("--categories", type=Path, help="a category pack (TOML; default: the bundled pack)")
    parser.add_argument("--given-transcripts", action="store_true",
                        help="check the NAME.transcript.json beside each recording instead of recognising it")
    parser.set_defaults(handler=run)
    made = sub.add_parser("batch-credentials", help="TLS credentials for a batch cluster on several machines "
                                                    "(a private CA, a certificate and its key)")
    made.add_argument("folder", type=Path)
    made.set_defaults(handler=make)


def make(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        from inspector.pipeline.credentials import make_credentials
    except ImportError as exc:
        print(f"inspector batch-credentials: needs the batch extra: pip install 'inspector[batch]' ({exc})",
              file=sys.stderr)
        return 2
    try:
        made = make_credentials(args.folder)
    except OSError as exc:
        print(f"inspector batch-credentials: {args.folder}: cannot write ({exc.strerror})", file=sys.stderr)
        return 2
    print(json.dumps({"ca": str(made.ca), "cert": str(made.cert), "key": str(made.key)}))
    return 0


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        spec, model_id = _tools(args, ctx)
        if args.scheduler:
            problem = scheduler_problem(args.scheduler, Credentials.in_folder(args.tls) if args.tls else None)
            if problem:
                raise BatchError(problem)
        if not args.source.is_dir():
            raise BatchError(f"{args.source}: not a folder of recordings")
        pack = load_checked_pack(args.rules) if args.rules else default_pack()
        categories = load_category_pack(args.categories) if args.categories else default_category_pack()
        plan = plan_batch(args.source, args.out, pack, model_id, step_versions(categories))
        summary = BatchSummary(str(args.source.resolve()), model_id or "given transcripts",
                               f"{pack.id} {pack.version}").planned(plan)
        return _run(args, spec, plan, summary)
    except (BatchError, AsrError, PackError, CategoryPackError) as exc:
        print(f"inspector batch: {exc}", file=sys.stderr)
        return 2


def _tools(args: argparse.Namespace, ctx: CliContext) -> tuple[ToolSpec, str | None]:
    rules = str(args.rules.resolve()) if args.rules else None
    categories = str(args.categories.resolve()) if args.categories else None
    if args.given_transcripts:
        return ToolSpec(None, args.profile, rules, categories), None
    folder = model_folder(ctx.workspace, args.model).resolve()
    check = check_model(folder, "")
    if not check.usable:
        raise BatchError(check.problem())
    return ToolSpec(str(folder), args.profile, rules, categories), model_identity(folder, args.profile)


def _run(args: argparse.Namespace, spec: ToolSpec, plan: Plan, summary: BatchSummary) -> int:
    print(f"{plan.total} recording(s): {len(plan.todo)} to do, {len(plan.already_done)} already done, "
          f"{len(plan.problems)} unusable", file=sys.stderr)
    try:
        from inspector.pipeline.cluster import ClusterError, batch_client, dashboard_link
        from inspector.pipeline.progress_bar import ProgressBar
        from inspector.pipeline.runner import load_on_workers, run_batch
    except ImportError as exc:
        raise BatchError(f"the batch needs Dask: pip install 'inspector[batch]' ({exc})") from exc
    args.out.mkdir(parents=True, exist_ok=True)
    if not plan.todo:
        write_report(args.out, summary)
        return _finish(args, summary)
    try:
        credentials = Credentials.in_folder(args.tls) if args.tls else None
        with batch_client(args.workers, args.scheduler, credentials) as client:
            link = dashboard_link(client)
            if link:
                print(f"dashboard: {link}", file=sys.stderr)
            load_on_workers(client, spec)
            with ProgressBar(len(plan.todo)) as bar:
                run_batch(client, plan, args.out, summary, bar.update)
    except ClusterError as exc:
        raise BatchError(str(exc)) from exc
    except KeyboardInterrupt:
        print(f"inspector batch: stopped; {summary.done} call(s) written, run the same command to resume",
              file=sys.stderr)
        return 3
    return _finish(args, summary)


def _finish(args: argparse.Namespace, summary: BatchSummary) -> int:
    print(f"{summary.done} call(s) done, {summary.already_done} already done, {len(summary.failures)} failed "
          f"(see {args.out / REPORT_NAME})", file=sys.stderr)
    return 1 if summary.failures else 0
