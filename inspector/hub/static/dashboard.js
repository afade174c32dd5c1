// The headquarters dashboard: every figure comes from /api/v1/reports (the same JSON scripts read).
"use strict";

const charts = {};
let centreNames = {};

function number(value) { return value === null || value === undefined ? "—" : String(Math.round(value * 100) / 100); }
function percent(value) { return value === null || value === undefined ? "—" : (value * 100).toFixed(1) + "%"; }

function cell(row, text, numeric, key) {
  const td = row.insertCell();
  td.textContent = text;
  if (numeric) td.className = "n";
  if (key) td.dataset.key = key;
  return td;
}

function query() {
  const params = new URLSearchParams();
  for (const [name, id] of [["from", "from"], ["to", "to"], ["basis", "basis"]]) {
    const value = document.getElementById(id).value;
    if (value) params.set(name, value);
  }
  return params;
}

async function report(by, extra = {}) {
  const params = query();
  params.set("by", by);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const response = await fetch("/api/v1/reports?" + params.toString(), {cache: "no-store"});
  if (response.status === 401) { window.location.href = "/login"; throw new Error("not logged in"); }
  if (!response.ok) {
    let detail = `总部服务器出错（HTTP ${response.status}）`;
    if (response.status < 500) {
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not JSON: keep the status */ }
    }
    const id = response.headers.get("X-Request-ID");
    throw new Error(detail + (id ? `（请求编号 ${id}）` : ""));
  }
  return response.json();
}

// A failed query leaves no figure looking current: the notice says what failed, the old figures are greyed.
function failed(error) {
  const notice = document.getElementById("notice");
  notice.textContent = "查询失败：" + error.message + "。下面是上一次查询的数据，仅供参考。";
  notice.hidden = false;
  document.querySelector(".grid").classList.add("stale");
  document.body.dataset.ready = "failed";
}

function succeeded() {
  document.getElementById("notice").hidden = true;
  document.querySelector(".grid").classList.remove("stale");
}

const resizer = new ResizeObserver((entries) => entries.forEach((e) => charts[e.target.id] && charts[e.target.id].resize()));

function chart(id, option) {
  if (!charts[id]) {
    charts[id] = echarts.init(document.getElementById(id));
    resizer.observe(document.getElementById(id));
  }
  charts[id].setOption(option, true);
}

function bars(id, labels, values, unit, markLine) {
  chart(id, {
    tooltip: {trigger: "axis", valueFormatter: (v) => number(v) + " " + unit},
    grid: {left: 140, right: 40, top: markLine ? 28 : 10, bottom: 30},
    xAxis: {type: "value"}, yAxis: {type: "category", data: labels, inverse: true},
    series: [{type: "bar", data: values, label: {show: true, position: "right", formatter: (p) => number(p.value)},
              markLine: markLine}],
  });
}

function showCentres(data) {
  const body = document.querySelector("#centres tbody");
  body.innerHTML = "";
  for (const c of data.rows) {
    const row = body.insertRow();
    row.className = "pick";
    row.dataset.centre = c.centre_id;
    cell(row, c.centre_id, false, "centre_id");
    cell(row, c.name || "", false, "name");
    cell(row, String(c.evaluations), true, "evaluations");
    cell(row, number(c.mean), true, "mean");
    cell(row, percent(c.fatal_rate), true, "fatal_rate");
    cell(row, percent(c.pass_rate), true, "pass_rate");
    cell(row, String(c.red_lines_open), true, "red_lines_open");
    cell(row, String(c.red_lines_closed), true, "red_lines_closed");
    cell(row, String(c.agents), true, "agents");
    row.addEventListener("click", () => showAgents(c.centre_id));
  }
  if (!data.rows.length) {
    const row = body.insertRow();
    cell(row, "所选时间段内没有评估").colSpan = 9;
  }
  document.getElementById("basis-line").textContent =
    `基于 ${data.basis.calls} 通通话、${data.basis.evaluations} 份已提交评估` +
    (data.from || data.to ? `（${data.from || "…"} 至 ${data.to || "…"}）` : "");
  bars("centre-chart", data.rows.map((c) => c.name || c.centre_id), data.rows.map((c) => c.mean), "分",
       {symbol: "none", data: [{xAxis: data.threshold}], lineStyle: {color: "#b33c3c"},
        // above the plot, clear of the axis and its ticks (the category axis runs top to bottom)
        label: {formatter: "合格线 " + data.threshold, position: "start", distance: 6, color: "#b33c3c"}});
}

function showTrend(data) {
  const periods = [...new Set(data.rows.map((p) => p.period))].sort();
  const centres = [...new Set(data.rows.map((p) => p.group))].sort();
  chart("trend-chart", {
    tooltip: {trigger: "axis", valueFormatter: (v) => number(v) + " 分"},
    legend: {type: "scroll", bottom: 0},
    grid: {left: 50, right: 20, top: 10, bottom: 50},
    xAxis: {type: "category", data: periods}, yAxis: {type: "value", scale: true},
    series: centres.map((centre) => ({
      name: centreNames[centre] || centre, type: "line", connectNulls: true,
      data: periods.map((period) => {
        const point = data.rows.find((p) => p.group === centre && p.period === period);
        return point ? point.mean : null;
      })})),
  });
}

function showItems(data) {
  const worst = data.rows.filter((i) => i.kind === "item" && i.mean_deduction > 0).slice(0, 10);
  bars("item-chart", worst.map((i) => i.item + " " + i.name), worst.map((i) => i.mean_deduction), "分");
}

function showRules(data) {
  const worst = [...data.rows].sort((a, b) => b.per_100_calls - a.per_100_calls).slice(0, 10);
  bars("rule-chart", worst.map((r) => r.rule + " " + r.name + (r.red_line ? "（红线）" : "")),
       worst.map((r) => r.per_100_calls), "次/百通");
}

async function showAgents(centre) {
  document.querySelectorAll("#centres tr").forEach((r) => r.classList.toggle("chosen", r.dataset.centre === centre));
  let data;
  try { data = await report("agent", {centre: centre}); } catch (error) { failed(error); return; }
  succeeded();
  document.getElementById("agents-card").hidden = false;
  document.getElementById("agents-title").textContent =
    `坐席明细：${centreNames[centre] || centre}（${data.basis.evaluations} 份评估）`;
  const body = document.querySelector("#agents tbody");
  body.innerHTML = "";
  for (const a of data.rows) {
    const row = body.insertRow();
    row.dataset.agent = a.agent_id;
    cell(row, a.agent_id, false, "agent_id");
    cell(row, a.agent_name, false, "agent_name");
    cell(row, a.team, false, "team");
    cell(row, String(a.calls), true, "calls");
    cell(row, String(a.evaluations), true, "evaluations");
    cell(row, number(a.mean), true, "mean");
    cell(row, number(a.min), true, "min");
    cell(row, String(a.fatal), true, "fatal");
    cell(row, percent(a.pass_rate), true, "pass_rate");
  }
  document.getElementById("agents-card").scrollIntoView();
}

async function refresh() {
  const bad = ["from", "to"].filter((id) => !document.getElementById(id).checkValidity());
  if (bad.length) { failed(new Error("日期请写成 年-月-日，如 2026-11-01")); return; }
  let centres, trend, items, rules;
  try {
    [centres, trend, items, rules] = await Promise.all([report("centre"), report("trend"), report("item"),
                                                        report("rule")]);
  } catch (error) { failed(error); return; }
  succeeded();
  centreNames = Object.fromEntries(centres.rows.map((c) => [c.centre_id, c.name]));
  showCentres(centres);
  showTrend(trend);
  showItems(items);
  showRules(rules);
  document.getElementById("agents-card").hidden = true;
  document.body.dataset.ready = "yes";
}

document.getElementById("filters").addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
document.getElementById("logout").addEventListener("click", async () => {
  await fetch("/api/v1/logout", {method: "POST"});
  window.location.href = "/login";
});
fetch("/api/v1/me").then((r) => r.ok ? r.json() : null).then((me) => {
  if (me) document.getElementById("who").textContent = me.name + "（" + me.id + "）";
});
refresh();
