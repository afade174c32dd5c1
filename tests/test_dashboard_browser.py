"""The headquarters dashboard in a real headless Chromium (Debian's package, driven by Playwright, never a
downloaded browser): log in, see the numbers the JSON API gives, charts drawn, drill down to a centre's
agents, load nothing from outside; screenshots to artifacts/screenshots/ to be looked at."""

import os
import shutil
from pathlib import Path

import pytest

from inspector.hub.accounts import Accounts
from inspector.hub.routers.dashboard import STATIC
from tests.calibration_fixtures import LEAD
from tests.conftest import ARTIFACTS
from tests.hub_payloads import payload
from tests.test_hub_reports import _send

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SHOTS = ARTIFACTS / "screenshots"
CENTRES = (("GD-SZ", "深圳中心"), ("BJ", "北京中心"))     # GD-GZ 广州中心 comes with the `hub` fixture


@pytest.fixture
def browser(tmp_path):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("the browser test must run in CI: Debian's chromium is not installed (scripts/install.sh)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        yield context
        context.close()


def _fill(store):
    """Eight weeks of evaluations at three centres, some with deductions from hits and a fatal item."""
    for centre, name in CENTRES:
        store.add_centre(centre, name, "a1" * 32, f"token-{centre}")
    n = 0
    for week in range(8):
        for c, centre in enumerate(("GD-GZ", "GD-SZ", "BJ")):
            for agent in range(3):
                n += 1
                lost = (week * 3 + agent * 5 + c * 7) % 19
                day = f"2026-{9 + (week * 7 + agent) // 30:02d}-{1 + (week * 7 + agent) % 30:02d} 10:00"
                body = payload(f"e{n}", agent=f"{c + 1}{agent:03d}", total=100 - lost, started_at=day,
                               fatal="F1" if n % 17 == 0 else None,
                               deductions={"C2": (min(12, lost), f"R05@{n}.0-{n + 1}.0"),
                                           "A1": (max(0, lost - 12), None)} if lost else None)
                assert _send(store, centre, body)[0] == "stored"
    Accounts(store.engine).add_user("hq1", "总部质检", "Hq-password-1")


def _cells(page, selector):
    return page.eval_on_selector_all(f"{selector} tbody tr", """rows => rows.map(r => Object.fromEntries(
        [...r.querySelectorAll('td[data-key]')].map(td => [td.dataset.key, td.textContent])))""")


def _logged_in(browser, url):
    """A page of the dashboard, logged in as hq1 and drawn."""
    page = browser.new_page()
    page.goto(f"{url}/login")
    page.fill("#user", "hq1")
    page.fill("#password", "Hq-password-1")
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-ready=yes]", timeout=120_000)
    return page


def _percent(value):
    return f"{100 * value:.1f}%"


def test_dashboard_logs_in_and_shows_the_apis_numbers(hub, browser):
    url, store, _port = hub
    _fill(store)
    outside = []
    page = browser.new_page()
    page.on("request", lambda request: None if request.url.startswith(url) else outside.append(request.url))

    page.goto(f"{url}/dashboard")
    assert page.url.endswith("/login")
    page.fill("#user", "hq1")
    page.fill("#password", "wrong-password")
    page.click("button[type=submit]")
    page.wait_for_selector("#error:has-text('用户名或密码错误')")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "dashboard_login_zh_CN.png"))
    page.fill("#password", "Hq-password-1")
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-ready=yes]", timeout=120_000)

    api = page.request.get(f"{url}/api/v1/reports?by=centre").json()
    shown = {row["centre_id"]: row for row in _cells(page, "#centres")}
    assert set(shown) == {"GD-GZ", "GD-SZ", "BJ"} and len(api["rows"]) == 3
    for row in api["rows"]:
        cells = shown[row["centre_id"]]
        assert cells["name"] == row["name"] and int(cells["evaluations"]) == row["evaluations"] == 24
        assert float(cells["mean"]) == pytest.approx(row["mean"])
        assert cells["fatal_rate"] == _percent(row["fatal_rate"]) and cells["pass_rate"] == _percent(row["pass_rate"])
        assert int(cells["red_lines_open"]) == row["red_lines_open"] and int(cells["agents"]) == row["agents"] == 3
    assert page.inner_text("#basis-line").startswith(f"基于 {api['basis']['calls']} 通通话、72 份已提交评估")

    drawn = page.evaluate("""() => Object.fromEntries(['centre-chart', 'trend-chart', 'item-chart', 'rule-chart']
        .map(id => [id, echarts.getInstanceByDom(document.getElementById(id)).getOption().series
                            .map(s => s.data.map(d => (d && d.value !== undefined) ? d.value : d))]))""")
    assert drawn["centre-chart"][0] == [row["mean"] for row in api["rows"]]
    trend = page.request.get(f"{url}/api/v1/reports?by=trend").json()["rows"]
    assert len(drawn["trend-chart"]) == 3 and sum(v is not None for s in drawn["trend-chart"] for v in s) == len(trend)
    items = page.request.get(f"{url}/api/v1/reports?by=item").json()["rows"]
    assert drawn["item-chart"][0][0] == max(i["mean_deduction"] or 0 for i in items)
    rules = page.request.get(f"{url}/api/v1/reports?by=rule").json()["rows"]
    assert sorted(drawn["rule-chart"][0], reverse=True) == sorted((r["per_100_calls"] for r in rules), reverse=True)
    assert page.locator("#centre-chart canvas").count() == 1
    page.screenshot(path=str(SHOTS / "dashboard_zh_CN.png"), full_page=True)

    page.click("#centres tr[data-centre='GD-SZ']")
    page.wait_for_selector("#agents tbody tr")
    agents = page.request.get(f"{url}/api/v1/reports?by=agent&centre=GD-SZ").json()["rows"]
    shown = {row["agent_id"]: row for row in _cells(page, "#agents")}
    assert set(shown) == {a["agent_id"] for a in agents} == {"2000", "2001", "2002"}
    for a in agents:
        assert float(shown[a["agent_id"]]["mean"]) == pytest.approx(a["mean"])
        assert int(shown[a["agent_id"]]["evaluations"]) == a["evaluations"] == 8
    assert "深圳中心" in page.inner_text("#agents-title")
    page.screenshot(path=str(SHOTS / "dashboard_agents_zh_CN.png"), full_page=True)

    page.fill("#from", "2026-10-01")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.querySelector('#basis-line').textContent.includes('2026-10-01')")
    narrowed = page.request.get(f"{url}/api/v1/reports?by=centre&from=2026-10-01").json()
    assert f"{narrowed['basis']['evaluations']} 份已提交评估" in page.inner_text("#basis-line")
    assert narrowed["basis"]["evaluations"] < 72
    assert outside == []                                                          # no CDN, nothing outside
    page.click("#logout")
    page.wait_for_url(f"{url}/login")
    assert page.request.get(f"{url}/api/v1/reports?by=centre").status == 401


def test_dashboard_says_when_the_database_fails_and_the_receiver_reports_it(postgres_cluster, browser):
    """PostgreSQL refusing connections: /healthz answers 503, a query is a JSON error with a request id, the
    page says so and greys the old figures; back again, all clears. Also: pages and answers are not kept
    by the browser, ECharts travels compressed, the date boxes read 年-月-日, charts follow the window."""
    import httpx
    from sqlalchemy import create_engine, text

    from tests.hub_server import start_hub

    db = postgres_cluster.new_database()
    name = db.split("@/", 1)[1].split("?")[0]
    admin = create_engine(db.replace(f"/{name}?", "/postgres?"), isolation_level="AUTOCOMMIT")
    running = start_hub(db)
    url, store, _port = next(running)
    try:
        _fill(store)
        assert httpx.get(f"{url}/healthz").json() == {"ok": True, "database": "ok"}
        with httpx.stream("GET", f"{url}/dashboard/assets/echarts.min.js",
                          headers={"Accept-Encoding": "gzip"}) as echarts:
            sent = sum(len(chunk) for chunk in echarts.iter_raw())
            assert echarts.headers["content-encoding"] == "gzip"
        assert sent < (STATIC / "echarts.min.js").stat().st_size / 2

        page = _logged_in(browser, url)
        shown = page.request.get(f"{url}/dashboard")
        assert shown.headers["cache-control"] == "no-store"
        assert page.get_attribute("#from", "placeholder").startswith("年-月-日")

        page.set_viewport_size({"width": 2000, "height": 1000})
        page.set_viewport_size({"width": 900, "height": 1000})
        page.wait_for_function("""() => { const box = document.getElementById('centre-chart');
            return box.querySelector('canvas').getBoundingClientRect().width <= box.getBoundingClientRect().width; }""")

        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'))
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name})
        down = httpx.get(f"{url}/healthz")
        assert (down.status_code, down.json()) == (503, {"ok": False, "database": "unreachable"})
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.fill("#from", "2026-10-01")
        page.click("#filters button[type=submit]")
        page.wait_for_selector("body[data-ready=failed]")
        notice = page.inner_text("#notice")
        assert "查询失败" in notice and "请求编号" in notice
        assert "stale" in page.get_attribute(".grid", "class")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "dashboard_database_down_zh_CN.png"), full_page=True)

        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true'))
        assert httpx.get(f"{url}/healthz").status_code == 200
        page.click("#filters button[type=submit]")
        page.wait_for_selector("body[data-ready=yes]")
        assert page.is_hidden("#notice") and "stale" not in page.get_attribute(".grid", "class")
        trend = page.request.get(f"{url}/api/v1/reports?by=trend&from=2026-10-01").json()["rows"]
        assert min(p["period"] for p in trend) == "2026-10-01"          # a Thursday: the week starts there
        page.screenshot(path=str(SHOTS / "dashboard_from_date_zh_CN.png"), full_page=True)

        page.click("#logout")
        page.wait_for_url(f"{url}/login")
        page.go_back()
        page.wait_for_load_state()
        assert page.url.endswith("/login")                     # not the dashboard from the browser's cache
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true'))
        admin.dispose()
        running.close()


def test_the_customers_voice_and_the_registers_at_headquarters(hub, browser, tmp_path):
    """Two centres' real workstations (tests/contract_workspace.py) uploaded: the centres' table shows each
    register's open and closed cases, 客户之声 the period's categories with their change, a click on a
    category its centres, a click on a centre the category's rules and agents there."""
    from inspector.jobs import drain
    from inspector.sync import identity as sync_identity
    from inspector.sync.upload import upload
    from inspector.store.outbox import OutboxRepository
    from tests.contract_workspace import contract_workspace
    from tests.hub_server import CENTRE, KEY, TOKEN

    url, store, _port = hub
    guangzhou = contract_workspace(tmp_path / "gz.sqlite3")
    sync_identity.set_up(guangzhou.db, LEAD, CENTRE, KEY, token=TOKEN)
    assert drain(upload(guangzhou.db, sync_identity.require(guangzhou.db), url)).reconciled
    store.add_centre("GD-SZ", "深圳中心", KEY, "token-GD-SZ")
    for entry in OutboxRepository(contract_workspace(tmp_path / "sz.sqlite3").db).entries():
        assert store.receive("GD-SZ", "ws-sz", entry.uuid, entry.version, entry.digest, entry.payload,
                             "upload")[0] == "stored"
    Accounts(store.engine).add_user("hq1", "总部质检", "Hq-password-1")

    page = _logged_in(browser, url)
    shown = {row["centre_id"]: row for row in _cells(page, "#centres")}
    assert {c: (r["red_lines_open"], r["red_lines_closed"]) for c, r in shown.items()} == {
        "GD-GZ": ("1", "1"), "GD-SZ": ("1", "1")}                 # each register: c3 open, c7 closed
    # the agents' answers: each centre's the figures its own `inspector report --by answers` gives
    from inspector.reports.answers import answer_json
    from inspector.reports.filters import ReportFilter
    from inspector.reports.workstation import workstation_answers
    (own,) = answer_json(workstation_answers(guangzhou.db, ReportFilter()))
    answers = {row["centre_id"]: row for row in _cells(page, "#answers")}
    assert set(answers) == {"GD-GZ", "GD-SZ"}
    for row in answers.values():
        assert {k: row[k] for k in ("evaluations", "due", "acknowledged", "appeals_filed", "appeals_upheld",
                                    "appeals_rejected", "appeals_open", "coaching_sessions")} == {
            k: str(own[k]) for k in ("evaluations", "due", "acknowledged", "appeals_filed", "appeals_upheld",
                                     "appeals_rejected", "appeals_open", "coaching_sessions")}
        assert row["acknowledgement_rate"] == f"{own['acknowledgement_rate'] * 100:.1f}%"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#answers-card").screenshot(path=str(SHOTS / "dashboard_answers_zh_CN.png"))

    page.fill("#from", "2026-11-16")
    page.fill("#to", "2026-11-29")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.querySelector('#voice-period').textContent.startsWith('2026-11-16')")
    api = page.request.get(f"{url}/api/v1/reports?by=category&from=2026-11-16&to=2026-11-29").json()
    assert api["periods"] == {"date_from": "2026-11-16", "date_to": "2026-11-29", "previous_from": "2026-11-02",
                              "previous_to": "2026-11-15"}
    national = [r for r in api["rows"] if r["centre_id"] == ""]
    voice = _cells(page, "#voice")
    assert [v["category"] for v in voice] == [r["category"] for r in national][:10]
    top = voice[0]
    assert (top["category"], top["calls"], top["previous_calls"], top["change"]) == ("资费争议", "4", "2", "+2（+100%）")
    page.click("#voice tr[data-category='资费争议']")
    assert {r["centre_id"]: r["calls"] for r in _cells(page, "#voice-centres")} == {"GD-GZ": "2", "GD-SZ": "2"}
    page.click("#voice-centres tr[data-centre='GD-GZ']")
    page.wait_for_selector("#voice-rules tbody tr[data-rule]")
    rules = page.request.get(f"{url}/api/v1/reports?by=rule&centre=GD-GZ&category=资费争议"
                             "&from=2026-11-16&to=2026-11-29").json()["rows"]
    assert {r["rule"] for r in _cells(page, "#voice-rules")} == {r["rule"] for r in rules} == {"R03", "R04"}
    assert {a["agent_id"] for a in _cells(page, "#agents")} == {"1001", "2001"}
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "dashboard_voice_zh_CN.png"), full_page=True)
