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
  const response = await fetch("/api/v1/reports?" + params.toString());
  if (response.status === 401) { window.location.href = "/login"; throw new Error("not logged in"); }
  if (!response.ok) throw new Error((await response.json()).detail || response.status);
  return response.json();
}

function chart(id, option) {
  charts[id] = charts[id] || echarts.init(document.getElementById(id));
  charts[id].setOption(option, true);
}

function bars(id, labels, values, unit, markLine) {
  chart(id, {
    tooltip: {trigger: "axis", valueFormatter: (v) => number(v) + " " + unit},
    grid: {left: 140, right: 40, top: 10, bottom: 30},
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
    cell(row, String(c.agents), true, "agents");
    row.addEventListener("click", () => showAgents(c.centre_id));
  }
  if (!data.rows.length) {
    const row = body.insertRow();
    cell(row, "所选时间段内没有评估").colSpan = 8;
  }
  document.getElementById("basis-line").textContent =
    `基于 ${data.basis.calls} 通通话、${data.basis.evaluations} 份已提交评估` +
    (data.from || data.to ? `（${data.from || "…"} 至 ${data.to || "…"}）` : "");
  bars("centre-chart", data.rows.map((c) => c.name || c.centre_id), data.rows.map((c) => c.mean), "分",
       {symbol: "none", data: [{xAxis: data.threshold, label: {formatter: "合格线 " + data.threshold}}],
        lineStyle: {color: "#b33c3c"}});
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
  const data = await report("agent", {centre: centre});
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
  const centres = await report("centre");
  centreNames = Object.fromEntries(centres.rows.map((c) => [c.centre_id, c.name]));
  showCentres(centres);
  const [trend, items, rules] = await Promise.all([report("trend"), report("item"), report("rule")]);
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
window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
fetch("/api/v1/me").then((r) => r.ok ? r.json() : null).then((me) => {
  if (me) document.getElementById("who").textContent = me.name + "（" + me.id + "）";
});
refresh();
