"""The printable feedback sheet (#29) for agents without a workstation: written by a lead from the command
line, opened in a real headless Chromium (Debian's, driven by Playwright): the agent's evaluations only, the
deductions and answers, the moments' audio playable from inside the file, numbers masked, nothing loaded from
outside; screenshot to artifacts/screenshots/ to be looked at."""

import os
from pathlib import Path

import pytest

from inspector.review.feedback import FeedbackService
from inspector.review import appeals
from inspector.scoring.defaults import default_card
from inspector.scoring.evaluation import Comment
from inspector.store.evaluations import EvaluationRepository
from inspector.store.export_audit import ExportAudit
from tests.conftest import ARTIFACTS
from tests.test_agents_loop import AGENT, LEAD, _cli, _scored, checked  # noqa: F401 - the fixture
from tests.test_dashboard_browser import CHROMIUM, FLAGS

SHOTS = ARTIFACTS / "screenshots"


@pytest.fixture
def sheet(checked, tmp_path):  # noqa: F811 - the imported fixture
    ws, db = checked
    mine = _scored(db, "S4", confirm_fatal=True, deductions={"B2": 2.0})
    repo = EvaluationRepository(db, default_card())
    reopened = repo.reopen(mine.uuid, LEAD, "补充评语")
    repo.save(reopened.__class__(**{**reopened.__dict__, "comments": (
        Comment(30.0, 35.0, "客户报的手机号13812345678不要复述", "1001"),)}), "1001")
    repo.submit(mine.uuid, "1001")
    service = FeedbackService(db, default_card())
    appeal = service.appeal(AGENT, mine.uuid, "B2 解释清楚了", "B2")
    appeals.resolve(repo, appeal, LEAD, upheld=False, answer="资费说明不完整")
    _scored(db, "S1")                                              # another agent's: not on the sheet
    out = tmp_path / "share" / "2639.html"
    out.parent.mkdir()
    done = _cli(ws, "feedback", "export", "--agent", "2639", "--out", str(out), "--user", "9001",
                "--password-stdin", stdin="lead-pass-1\n")
    assert done.returncode == 0, done.stderr
    assert "1 evaluation(s)" in done.stdout
    return ws, db, mine, out


def test_only_a_lead_exports_and_bad_paths_are_named(sheet):
    ws, db, _mine, out = sheet
    [entry] = [e for e in ExportAudit(db).entries() if e["what"] == "feedback sheet"]
    assert (entry["by"], entry["target"], entry["masked"]) == ("9001", str(out), 1)
    for who, password in (("1001", "insp-pass-1"), ("2639", "agent-pass-2639")):
        refused = _cli(ws, "feedback", "export", "--agent", "2639", "--out", str(out), "--user", who,
                       "--password-stdin", stdin=f"{password}\n")
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert ("is an agent" if who == "2639" else "may not open every inspector's evaluations") in refused.stderr
    nowhere = _cli(ws, "feedback", "export", "--agent", "2639", "--out", "/nonexistent/dir/x.html", "--user", "9001",
                   "--password-stdin", stdin="lead-pass-1\n")
    assert nowhere.returncode == 2 and "/nonexistent/dir/x.html" in nowhere.stderr
    assert "Traceback" not in nowhere.stderr
    backwards = _cli(ws, "feedback", "export", "--agent", "2639", "--from", "2026-12-01", "--to", "2026-11-01",
                     "--out", str(out), "--user", "9001", "--password-stdin", stdin="lead-pass-1\n")
    assert backwards.returncode == 2 and "after --to" in backwards.stderr


def test_the_sheet_in_headless_chromium(sheet, tmp_path):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is not installed (scripts/install.sh)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    _ws, _db, mine, out = sheet
    outside = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            viewport={"width": 1100, "height": 1000}, locale="zh-CN")
        page = context.new_page()
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else outside.append(r.url))
        page.goto(Path(out).as_uri())
        assert "陈静（工号 2639）" in page.inner_text("h1")
        assert page.inner_text("#count") == "质检 1 通" and page.inner_text("#acknowledged") == "已确认 0 / 1"
        assert page.eval_on_selector_all("section.evaluation", "s => s.map(x => x.dataset.uuid)") == [mine.uuid]
        text = page.inner_text("body")
        assert "触犯红线" in text and "资费说明不完整" in text and "申诉驳回" in text
        assert "13812345678" not in text and "*******5678" in text            # masked as the privacy rules say
        durations = page.eval_on_selector_all("audio", """els => Promise.all(els.map(a => new Promise(ok => {
            a.preload = 'auto'; a.onloadedmetadata = () => ok(a.duration); a.onerror = () => ok(-1); a.load(); })))""")
        assert durations and all(10.0 <= d <= 12.5 for d in durations), durations
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "feedback_sheet.png"), full_page=True)
        page.emulate_media(media="print")
        assert page.eval_on_selector("audio", "a => getComputedStyle(a).display") == "none"
        context.close()
    assert outside == []
