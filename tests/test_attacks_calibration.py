"""Calibration scores forged in a colleague's name (issue #26, cause 2): each participant seals their results
with a key only they and the lead hold, so a file for 1002 made on 1001's workstation is refused."""

import json
import zipfile

import pytest

from inspector.archive import ArchiveError, hmac_seal, write_archive
from inspector.calibration.pack import export_packs, import_pack
from inspector.calibration.results import export_results, import_results
from inspector.domain.people import User
from inspector.scoring.defaults import default_card
from tests.calibration_fixtures import LEAD, lead_session, score_call, workstation


def test_a_file_for_1002_made_on_1001s_workstation_is_refused(tmp_path):
    hq = workstation(tmp_path / "lead")
    session = lead_session(hq)
    score_call(hq, session, session.call_ids[0], "1002", {"A1": 1})
    made = export_packs(hq.db, session, default_card(), tmp_path / "packs", LEAD)
    packs = {p.stem.rsplit("-", 1)[1]: p for p in made}
    assert set(packs) == set(session.scorers)
    keys = {who: json.loads(zipfile.ZipFile(p).read("manifest.json"))["session"]["results_key"]
            for who, p in packs.items()}
    assert len(set(keys.values())) == len(keys) and session.results_key not in keys.values()

    own = workstation(tmp_path / "1001", with_calls=False)
    local = import_pack(own.db, packs["1001"], default_card(), tmp_path / "1001" / "audio",
                        User("1001", "李质检", "inspector")).session
    with pytest.raises(ArchiveError, match="this pack was made for 1002"):
        import_pack(own.db, packs["1002"], default_card(), tmp_path / "1001" / "audio",
                    User("1001", "李质检", "inspector"))
    for call_id in local.call_ids:
        score_call(own, local, call_id, "1001", {"C2": 9})
        score_call(own, local, call_id, "1002", {"C2": 30})          # typed in 1002's name on 1001's machine
    with pytest.raises(ArchiveError, match="holds 1001's results key"):
        export_results(own.db, default_card(), local, "1002", tmp_path / "as-1002.zip")

    genuine = export_results(own.db, default_card(), local, "1001", tmp_path / "1001.zip")
    records = json.loads(zipfile.ZipFile(genuine).read("evaluations.json"))
    for record in records:
        record["inspector"] = "1002"
    manifest = json.loads(zipfile.ZipFile(genuine).read("manifest.json"))
    manifest = {k: v for k, v in manifest.items() if k != "members"} | {"inspector": "1002"}
    forged = write_archive(tmp_path / "forged-1002.zip", manifest,
                           {"evaluations.json": json.dumps(records).encode()}, seal=hmac_seal(local.results_key))
    with pytest.raises(ArchiveError, match="forged-1002.zip: does not match its signature"):
        import_results(hq.db, default_card(), forged)
    assert import_results(hq.db, default_card(), genuine).stored == len(local.call_ids)
    scores = {e.inspector: e for e in hq.service.visible_evaluations(hq.service.reveal(session, LEAD), LEAD.id)}
    assert scores["1002"].item("A1").deductions[0].points == 1        # 1002's real score stands
