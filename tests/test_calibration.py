"""Calibration sessions: blind scoring, pack and results exchange between workstations, the comparison
and its report."""

import json
from pathlib import Path
import zipfile

import pytest

from inspector.archive import ArchiveError
from inspector.calibration.comparison import TOTAL, compare, trend
from inspector.calibration.pack import export_pack, import_pack
from inspector.calibration.report import grid_csv, html_report, write_report
from inspector.calibration.results import export_results, import_results, participant_key
from inspector.calibration.sessions import CalibrationError, new_session
from inspector.scoring.defaults import default_card
from inspector.store.calibration import CalibrationRepository
from inspector.store.evaluations import EvaluationRepository
from inspector.domain.evaluations import EvaluationFilter
from inspector.store.users import UserRepository
from inspector.users.policy import NotAllowed
from inspector.domain.people import User
from tests.calibration_fixtures import LEAD, lead_session, reseal, score_call, workstation

I1001 = User("1001", "李质检", "inspector")


@pytest.fixture
def hq(tmp_path):
    return workstation(tmp_path / "lead")


def test_a_session_needs_a_lead_2_to_10_calls_and_several_participants(hq):
    card, calls = default_card(), hq.call_ids()
    with pytest.raises(NotAllowed, match="team lead"):
        new_session("x", calls[:3], ["1001", "1002"], card, User("1001", "质检", "inspector"))
    with pytest.raises(CalibrationError, match="2–10 calls"):
        new_session("x", calls[:1], ["1001", "1002"], card, LEAD)
    with pytest.raises(CalibrationError, match="participants"):
        new_session("x", calls[:3], ["1001"], card, LEAD)
    session = new_session("x", calls[:3], ["1002", "1001", "1001"], card, LEAD, consensus=True)
    assert session.participants == ("1001", "1002") and session.benchmark == LEAD.id


def test_scores_stay_blind_until_the_lead_reveals(hq):
    session = lead_session(hq)
    call = session.call_ids[0]
    score_call(hq, session, call, "1001", {"A1": 2})
    score_call(hq, session, call, "1002", {})
    service = hq.service
    assert {e.inspector for e in service.visible_evaluations(session, "1001")} == {"1001"}
    assert service.visible_evaluations(session, LEAD.id) == []          # the lead too sees nothing yet
    assert service.progress(session) == {"1001": 1, "1002": 1, "1003": 0, LEAD.id: 0}
    with pytest.raises(NotAllowed, match="session's lead"):
        service.reveal(session, User("1001", "质检", "inspector"))
    revealed = service.reveal(session, LEAD)
    assert {e.inspector for e in service.visible_evaluations(revealed, "1001")} == {"1001", "1002"}
    with pytest.raises(NotAllowed, match="revealed"):                   # scores are final after the reveal
        score_call(hq, revealed, session.call_ids[1], "1003", {})


def test_calibration_scores_are_kept_out_of_production_lists(hq):
    session = lead_session(hq)
    score_call(hq, session, session.call_ids[0], "1001", {"A1": 2})
    repo = EvaluationRepository(hq.db, default_card())
    assert repo.search(LEAD, EvaluationFilter()) == []
    assert repo.for_call(session.call_ids[0], "1001") is None           # the production evaluation is separate
    assert repo.for_call(session.call_ids[0], "1001", session.id) is not None
    assert hq.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0   # never uploaded as a KPI


def test_a_consensus_benchmark_is_scored_by_the_lead_after_the_reveal(hq):
    session = lead_session(hq, consensus=True)
    with pytest.raises(NotAllowed, match="after the reveal"):
        score_call(hq, session, session.call_ids[0], LEAD.id, {})
    revealed = hq.service.reveal(session, LEAD)
    assert score_call(hq, revealed, session.call_ids[0], LEAD.id, {"A1": 1}).status == "submitted"


def test_pack_and_results_travel_between_offline_workstations(hq, tmp_path):
    session = lead_session(hq)
    pack = export_pack(hq.db, session, default_card(), tmp_path / "session.inspector-pack", "1001", LEAD)
    inspector = workstation(tmp_path / "inspector-1001", with_calls=False)
    imported = import_pack(inspector.db, pack, default_card(), tmp_path / "inspector-1001" / "calibration", I1001)
    assert imported.calls_added == 3 and not imported.already_imported
    assert imported.session.id == session.id and imported.session.participants == session.participants
    again = import_pack(inspector.db, pack, default_card(), tmp_path / "inspector-1001" / "calibration", I1001)
    assert again.already_imported and len(inspector.call_ids()) == 3
    local = imported.session
    assert inspector.refs()[local.call_ids[0]] == hq.refs()[session.call_ids[0]]   # same calls, same order
    for call_id in local.call_ids:
        score_call(inspector, local, call_id, "1001", {"C2": 4})
    results = export_results(inspector.db, default_card(), local, "1001", tmp_path / "1001.inspector-results")
    first = import_results(hq.db, default_card(), results)
    assert (first.inspector, first.stored, first.already_imported) == ("1001", 3, False)
    assert import_results(hq.db, default_card(), results).already_imported
    stored = EvaluationRepository(hq.db, default_card()).in_session(session.id)
    assert len(stored) == 3 and {e.call_id for e in stored} == set(session.call_ids)
    assert all(e.status == "submitted" and e.item("C2").deductions[0].points == 4 for e in stored)


def test_results_hold_only_the_exporting_inspectors_scores(hq, tmp_path):
    session = lead_session(hq)
    score_call(hq, session, session.call_ids[0], "1001", {"A1": 2})
    score_call(hq, session, session.call_ids[0], "1002", {"A1": 5})
    path = export_results(hq.db, default_card(), session, "1001", tmp_path / "r.zip")
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read("evaluations.json"))
    assert [r["inspector"] for r in records] == ["1001"]


def test_a_tampered_pack_or_one_for_another_card_is_refused(hq, tmp_path):
    session = lead_session(hq)
    pack = export_pack(hq.db, session, default_card(), tmp_path / "p.zip", "1001", LEAD)
    with zipfile.ZipFile(pack) as original, zipfile.ZipFile(tmp_path / "t.zip", "w") as tampered:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename.startswith("transcripts/"):
                data = data.replace("您好".encode(), "你好".encode(), 1)
            tampered.writestr(info, data)
    other = workstation(tmp_path / "other", with_calls=False)
    with pytest.raises(ArchiveError, match=r"t\.zip: not a sealed Inspector calibration-pack file"):
        import_pack(other.db, tmp_path / "t.zip", default_card(), tmp_path / "audio", I1001)
    reseal(tmp_path / "t.zip")
    with pytest.raises(ArchiveError, match=r"t\.zip: transcripts/.* does not match its checksum"):
        import_pack(other.db, tmp_path / "t.zip", default_card(), tmp_path / "audio", I1001)
    assert other.call_ids() == [] and CalibrationRepository(other.db).all() == []
    newer = default_card().__class__(**{**default_card().__dict__, "version": "2099.1"})
    with pytest.raises(ArchiveError, match="2099.1"):
        import_pack(other.db, pack, newer, tmp_path / "audio", I1001)


def test_results_from_another_session_or_tampered_are_refused(hq, tmp_path):
    session = lead_session(hq)
    score_call(hq, session, session.call_ids[0], "1001", {})
    results = export_results(hq.db, default_card(), session, "1001", tmp_path / "r.zip")
    elsewhere = workstation(tmp_path / "elsewhere")
    lead_session(elsewhere)                            # a different session with the same calls
    with pytest.raises(ArchiveError, match="not on this workstation"):
        import_results(elsewhere.db, default_card(), results)
    with zipfile.ZipFile(results) as original, zipfile.ZipFile(tmp_path / "forged.zip", "w") as forged:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "evaluations.json":
                data = data.replace(b'"1001"', b'"1002"')
            forged.writestr(info, data)
    reseal(tmp_path / "forged.zip")                    # a plain checksum: anyone can reseal, so it is not enough
    with pytest.raises(ArchiveError, match="forged.zip: does not match its signature under the sender's key"):
        import_results(hq.db, default_card(), tmp_path / "forged.zip")


def _relabelled(results: Path, out: Path, key: str, inspector: str, version_bump: int = 0,
                read_key: str | None = None) -> Path:
    """What a holder of `key` could make of a colleague's file (read with the colleague's key)."""
    from inspector.archive import hmac_seal, read_archive, write_archive
    archive = read_archive(results, "calibration-results", 2, key_for=lambda manifest: read_key or key)
    records = json.loads(archive.read("evaluations.json"))
    for record in records:
        record["inspector"] = inspector
        record["version"] += version_bump
    manifest = {k: v for k, v in archive.manifest.items() if k != "members"} | {"inspector": inspector}
    return write_archive(out, manifest, {"evaluations.json": json.dumps(records).encode()}, seal=hmac_seal(key))


def test_a_results_file_relabelled_for_another_inspector_cannot_overwrite_their_score(hq, tmp_path):
    """The issue: 1002's export relabelled as 1001 with a higher version replaced 1002's final score."""
    session = lead_session(hq)
    score_call(hq, session, session.call_ids[0], "1002", {"A1": 2})
    genuine = export_results(hq.db, default_card(), session, "1002", tmp_path / "1002.zip")
    import_results(hq.db, default_card(), genuine)
    forged = _relabelled(genuine, tmp_path / "as-1001.zip", participant_key(session, "1001"), "1001", version_bump=1,
                         read_key=participant_key(session, "1002"))
    with pytest.raises(ArchiveError, match="as-1001.zip: evaluation .* belongs to 1002, not 1001"):
        import_results(hq.db, default_card(), forged)
    jumped = _relabelled(genuine, tmp_path / "jump.zip", participant_key(session, "1002"), "1002", version_bump=5)
    with pytest.raises(ArchiveError, match="jump.zip: evaluation .* jumps from version 1 to 6"):
        import_results(hq.db, default_card(), jumped)
    revealed = hq.service.reveal(session, LEAD)
    late = _relabelled(genuine, tmp_path / "late.zip", participant_key(revealed, "1002"), "1002", version_bump=1)
    with pytest.raises(ArchiveError, match=f"late.zip: session {revealed.title!r} is revealed"):
        import_results(hq.db, default_card(), late)
    scores = {e.inspector: e.version for e in hq.service.visible_evaluations(revealed, LEAD.id)}
    assert scores == {"1002": 1}


def _scored_session(station, benchmark=LEAD.id):
    session = lead_session(station, benchmark=benchmark)
    a, b, c = session.call_ids
    plans = {"1001": [{"A1": 2}, {}, {"C2": 3}],                   # close to the benchmark
             "1002": [{}, {}, {}],                                  # lenient
             "1003": [{"A1": 5, "C2": 6}, {"B1": 5}, {"C2": 8, "D2": 2}]}   # strict
    for who, plan in plans.items():
        for call, deductions in zip((a, b, c), plan, strict=True):
            score_call(station, session, call, who, deductions)
    if benchmark:
        for call, deductions in zip((a, b, c), [{"A1": 2}, {"B1": 2}, {"C2": 3}], strict=True):
            score_call(station, session, call, benchmark, deductions)
    return station.service.reveal(session, LEAD)


def test_comparison_grid_deviations_tolerances_and_drift(hq):
    session = _scored_session(hq)
    evaluations = hq.service.visible_evaluations(session, LEAD.id)
    comparison = compare(session, default_card(), evaluations, hq.refs())
    assert comparison.participants == ["1001", "1002", "1003"]
    first_total = next(r for r in comparison.rows if r.item == TOTAL and r.call_id == session.call_ids[0])
    assert first_total.benchmark == 98 and first_total.scores == {"1001": 98, "1002": 100, "1003": 89}
    assert first_total.deviations == {"1001": 0, "1002": 2, "1003": -9}
    assert first_total.outside == ("1003",) and first_total.flagged            # ±3 points on the total
    a1 = next(r for r in comparison.rows if r.item == "A1" and r.call_id == session.call_ids[0])
    assert a1.agreement == pytest.approx(1 / 3) and a1.flagged and set(a1.outside) == {"1002", "1003"}
    assert a1.spread == 5 and a1.mean == pytest.approx(round((3 + 5 + 0) / 3, 2))
    drift = {d.inspector: d for d in comparison.drift}
    assert drift["1002"].bias > 0 > drift["1003"].bias                        # lenient vs strict
    assert abs(drift["1001"].bias) < abs(drift["1002"].bias)
    card = default_card()
    assert comparison.heat.shape == (3, len(card.items) + len(card.fatal))
    names = [s.name for s in comparison.statistics]
    assert "Fleiss κ" in names and "ICC(2,1)" not in names             # 3 calls: too few for an ICC
    icc = next(s for s in comparison.statistics if s.name == "ICC")
    assert icc.value is None and "通话太少" in icc.note
    assert trend([comparison])["1003"] == [(session.title, drift["1003"].bias)]


def test_a_missed_fatal_item_shows_in_the_heat_map_and_icc_needs_enough_calls(hq):
    session = lead_session(hq, participants=("1001", "1002"), calls=5)
    first, *rest = session.call_ids
    for who in ("1001", LEAD.id):
        score_call(hq, session, first, who, {}, fatal="F1")
    score_call(hq, session, first, "1002", {})                              # 1002 missed the fatal item
    for n, call in enumerate(rest):
        for who, deduction in (("1001", n % 3), ("1002", n % 2), (LEAD.id, n % 3)):
            score_call(hq, session, call, who, {"A1": deduction} if deduction else {})
    revealed = hq.service.reveal(session, LEAD)
    comparison = compare(revealed, default_card(), hq.service.visible_evaluations(revealed, LEAD.id), hq.refs())
    columns = [item for item, _name in comparison.items]
    bias = {d.inspector: d.bias for d in comparison.drift}
    f1 = comparison.heat[comparison.participants.index("1002"), columns.index("F1")]
    assert bias["1002"] > 15 and f1 == pytest.approx(100 / 5)               # the lenient bias is the fatal item's
    assert comparison.heat[comparison.participants.index("1001"), columns.index("F1")] == 0
    icc21 = next(s for s in comparison.statistics if s.name == "ICC(2,1)")
    assert icc21.value is not None and -1 <= icc21.value <= 1 and "5 通通话" in icc21.note


def test_without_a_benchmark_deviations_are_from_the_mean(hq):
    session = _scored_session(hq, benchmark=None)
    comparison = compare(session, default_card(), hq.service.visible_evaluations(session, "x"), hq.refs())
    for row in comparison.rows:
        if row.kind == "total":
            assert sum(row.deviations.values()) == pytest.approx(0, abs=0.05)


def test_report_html_is_self_contained_and_csv_has_the_grid(hq, tmp_path):
    session = _scored_session(hq)
    comparison = compare(session, default_card(), hq.service.visible_evaluations(session, LEAD.id), hq.refs())
    page = html_report(comparison)
    assert "<svg" in page and "src=" not in page and "http" not in page.replace("http://www.w3.org", "")
    assert "1003" in page and "偏严" in page and "通话太少" in page
    assert 'fill="#ffffff"' in page                                      # the darkest cells' numbers are white
    lines = grid_csv(comparison).splitlines()
    assert lines[0].startswith("call,item,item_name,kind,1001,1002,1003,benchmark")
    assert len(lines) == 1 + len(comparison.rows)
    write_report(comparison, tmp_path / "r.html", tmp_path / "r.csv")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == page


def _cli(root, *args, stdin=""):
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(root), "calibration", *args],
                          capture_output=True, text=True, timeout=60, input=stdin)


def test_cli_keeps_scores_blind_and_reports_after_the_reveal(hq, tmp_path):
    session = lead_session(hq)
    score_call(hq, session, session.call_ids[0], "1001", {"A1": 2})
    score_call(hq, session, session.call_ids[0], "1002", {})
    users = UserRepository(hq.db)
    for who in ("1001", "1002"):
        users.add(LEAD, who, f"质检{who}", "inspector", f"pass-{who}", must_change_password=False)
    as_1001 = ("show", session.id, "--user", "1001", "--password-stdin")
    for wrong in ("", "pass-1002\n"):                # no password, or another inspector's
        refused = _cli(hq.root, *as_1001, stdin=wrong)
        assert refused.returncode == 2 and refused.stdout == "" and "1001" in refused.stderr
    peek = _cli(hq.root, "show", session.id, "--user", "1002")        # no --password-stdin at all
    assert peek.returncode == 2 and peek.stdout == ""
    shown = json.loads(_cli(hq.root, *as_1001, stdin="pass-1001\n").stdout)
    assert [e["inspector"] for e in shown["evaluations"]] == ["1001"]
    assert shown["progress"]["1002"] == 1
    report_as_1001 = ("report", session.id, "--user", "1001", "--password-stdin")
    refused = _cli(hq.root, *report_as_1001, "--html", str(tmp_path / "r.html"), stdin="pass-1001\n")
    assert refused.returncode == 2 and "not revealed" in refused.stderr
    hq.service.reveal(session, LEAD)
    shown = json.loads(_cli(hq.root, *as_1001, stdin="pass-1001\n").stdout)
    assert sorted(e["inspector"] for e in shown["evaluations"]) == ["1001", "1002"]
    done = _cli(hq.root, *report_as_1001, "--html", str(tmp_path / "r.html"), "--csv", str(tmp_path / "r.csv"),
                stdin="pass-1001\n")
    assert done.returncode == 0, done.stderr
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_cli_pack_round_trip_and_bad_file(hq, tmp_path):
    session = lead_session(hq)
    as_lead = ("--user", LEAD.id, "--password-stdin")
    made = _cli(hq.root, "export-pack", session.id, "--out", str(tmp_path), "--participant", "1001", *as_lead,
                stdin="lead-pass\n")
    assert made.returncode == 0, made.stderr
    pack = made.stdout.strip()
    other = workstation(tmp_path / "other", with_calls=False)
    UserRepository(other.db).add(LEAD, "1001", "李质检", "inspector", "pass-1001", must_change_password=False)
    as_1001 = ("--user", "1001", "--password-stdin")
    first = _cli(other.root, "import-pack", pack, *as_1001, stdin="pass-1001\n")
    assert first.returncode == 0 and "3 call(s) added" in first.stdout, first.stderr
    assert "nothing changed" in _cli(other.root, "import-pack", pack, *as_1001, stdin="pass-1001\n").stdout
    (tmp_path / "junk.zip").write_bytes(b"PK\x03\x04 not really")
    bad = _cli(other.root, "import-pack", str(tmp_path / "junk.zip"), *as_1001, stdin="pass-1001\n")
    assert bad.returncode == 2 and "junk.zip" in bad.stderr and "Traceback" not in bad.stderr
