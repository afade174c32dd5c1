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

// The customer's voice: categories of the period with their change against the previous period.
function change(row) {
  const sign = row.change > 0 ? "+" : "";
  return sign + row.change + (row.change_rate === null ? "（上期无）" : `（${sign}${(row.change_rate * 100).toFixed(0)}%）`);
}

function voiceCells(row, r) {
  cell(row, String(r.calls), true, "calls");
  cell(row, percent(r.share), true, "share");
  cell(row, String(r.previous_calls), true, "previous_calls");
  cell(row, change(r), true, "change").classList.add(r.change > 0 ? "up" : (r.change < 0 ? "down" : "same"));
  cell(row, percent(r.worsened_rate), true, "worsened_rate");
  cell(row, number(r.satisfaction), true, "satisfaction");
}

let voiceRows = [];

function showVoice(data) {
  voiceRows = data.rows;
  const national = data.rows.filter((r) => r.centre_id === "");
  const top = (national.length ? national : data.rows).slice(0, 10);
  const p = data.periods;
  document.getElementById("voice-period").textContent =
    `${p.date_from} 至 ${p.date_to}，对比上期 ${p.previous_from} 至 ${p.previous_to}` +
    (national.length ? "（全国）" : "");
  const body = document.querySelector("#voice tbody");
  body.innerHTML = "";
  for (const r of top) {
    const row = body.insertRow();
    row.className = "pick";
    row.dataset.category = r.category;
    cell(row, r.category, false, "category");
    voiceCells(row, r);
    cell(row, percent(r.resolved_rate), true, "resolved_rate");
    row.addEventListener("click", () => showVoiceCentres(r.category));
  }
  if (!top.length) cell(body.insertRow(), "所选时间段内没有已分类的通话").colSpan = 8;
  chart("voice-chart", {
    tooltip: {trigger: "axis"}, legend: {bottom: 0},
    grid: {left: 150, right: 30, top: 10, bottom: 40},
    xAxis: {type: "value"}, yAxis: {type: "category", data: top.map((r) => r.category), inverse: true},
    series: [{name: "本期", type: "bar", data: top.map((r) => r.calls)},
             {name: "上期", type: "bar", data: top.map((r) => r.previous_calls), itemStyle: {color: "#c4ccd8"}}],
  });
  document.getElementById("voice-centres-box").hidden = true;
  document.getElementById("voice-rules-box").hidden = true;
}

function showVoiceCentres(category) {
  document.querySelectorAll("#voice tr").forEach((r) => r.classList.toggle("chosen", r.dataset.category === category));
  const rows = voiceRows.filter((r) => r.category === category && r.centre_id !== "");
  document.getElementById("voice-centres-title").textContent = `「${category}」各中心`;
  const body = document.querySelector("#voice-centres tbody");
  body.innerHTML = "";
  for (const r of rows) {
    const row = body.insertRow();
    row.className = "pick";
    row.dataset.centre = r.centre_id;
    cell(row, r.centre_id, false, "centre_id");
    cell(row, centreNames[r.centre_id] || "", false, "name");
    voiceCells(row, r);
    row.addEventListener("click", () => showVoiceRules(category, r.centre_id));
  }
  document.getElementById("voice-centres-box").hidden = false;
  document.getElementById("voice-rules-box").hidden = true;
}

async function showVoiceRules(category, centre) {
  let rules, agents;
  try {
    [rules, agents] = await Promise.all([report("rule", {category: category, centre: centre}),
                                         report("agent", {category: category, centre: centre})]);
  } catch (error) { failed(error); return; }
  succeeded();
  document.getElementById("voice-rules-title").textContent =
    `「${category}」在${centreNames[centre] || centre}：规则命中（${rules.basis.calls} 通已评估通话）`;
  const body = document.querySelector("#voice-rules tbody");
  body.innerHTML = "";
  for (const r of rules.rows) {
    const row = body.insertRow();
    row.dataset.rule = r.rule;
    cell(row, r.rule, false, "rule");
    cell(row, r.name + (r.red_line ? "（红线）" : ""), false, "name");
    cell(row, String(r.hits), true, "hits");
    cell(row, number(r.per_100_calls), true, "per_100_calls");
    cell(row, String(r.confirmed), true, "confirmed");
  }
  if (!rules.rows.length) cell(body.insertRow(), "没有规则命中").colSpan = 5;
  document.getElementById("voice-rules-box").hidden = false;
  showAgentRows(agents, `坐席明细：「${category}」在${centreNames[centre] || centre}（${agents.basis.evaluations} 份评估）`);
}

async function showAgents(centre) {
  document.querySelectorAll("#centres tr").forEach((r) => r.classList.toggle("chosen", r.dataset.centre === centre));
  let data;
  try { data = await report("agent", {centre: centre}); } catch (error) { failed(error); return; }
  succeeded();
  showAgentRows(data, `坐席明细：${centreNames[centre] || centre}（${data.basis.evaluations} 份评估）`);
}

function showAgentRows(data, title) {
  document.getElementById("agents-card").hidden = false;
  document.getElementById("agents-title").textContent = title;
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

function showAnswers(data) {
  const body = document.querySelector("#answers tbody");
  body.innerHTML = "";
  for (const a of data.rows) {
    const row = body.insertRow();
    row.dataset.centre = a.centre_id;
    cell(row, a.centre_id, false, "centre_id");
    cell(row, a.name || "", false, "name");
    for (const key of ["evaluations", "due", "acknowledged"]) cell(row, String(a[key]), true, key);
    cell(row, percent(a.acknowledgement_rate), true, "acknowledgement_rate");
    for (const key of ["appeals_filed", "appeals_upheld", "appeals_rejected", "appeals_open", "coaching_sessions"]) {
      cell(row, String(a[key]), true, key);
    }
  }
  if (!data.rows.length) {
    const row = body.insertRow();
    cell(row, "所选时间段内没有评估").colSpan = 11;
  }
}

async function refresh() {
  const bad = ["from", "to"].filter((id) => !document.getElementById(id).checkValidity());
  if (bad.length) { failed(new Error("日期请写成 年-月-日，如 2026-11-01")); return; }
  let centres, trend, items, rules, voice, answers;
  try {
    [centres, trend, items, rules, voice, answers] = await Promise.all([
      report("centre"), report("trend"), report("item"), report("rule"), report("category"), report("answers")]);
  } catch (error) { failed(error); return; }
  succeeded();
  centreNames = Object.fromEntries(centres.rows.map((c) => [c.centre_id, c.name]));
  showCentres(centres);
  showTrend(trend);
  showItems(items);
  showRules(rules);
  showVoice(voice);
  showAnswers(answers);
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
