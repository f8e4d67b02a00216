// The page: every name and message from the server goes into the page as text (textContent),
// never as markup. The token comes from the address printed at start; it is kept for this tab
// only and taken out of the address bar.
"use strict";

const MAX_ROWS = 2000;
const VERB = {mkdir: "create folder", write: "write", move: "move", copy: "copy", delete: "delete",
              set_tags: "tag", emit: "show"};
const $ = (id) => document.getElementById(id);
let token = "";
let preview = null;      // the last /api/plan document
let lastRun = null;      // run id of the last run made here

function init() {
  const params = new URLSearchParams(location.search);
  token = params.get("token") || sessionStorage.getItem("fileagent-token") || "";
  if (params.has("token")) {
    sessionStorage.setItem("fileagent-token", token);
    history.replaceState(null, "", location.pathname);
  }
  for (const b of document.querySelectorAll(".tab")) b.addEventListener("click", () => show(b.dataset.view));
  $("plan-form").addEventListener("submit", (e) => { e.preventDefault(); makePlan(); });
  $("tick-all").addEventListener("change", () => {
    for (const c of document.querySelectorAll("#actions tbody input")) c.checked = $("tick-all").checked;
    updateSelection();
  });
  $("run-btn").addEventListener("click", runTicked);
  $("undo-btn").addEventListener("click", () => undoPreview(lastRun));
  $("undo-cancel").addEventListener("click", () => { $("undo-box").hidden = true; });
  $("runs-refresh").addEventListener("click", loadRuns);
  $("audit-form").addEventListener("submit", (e) => { e.preventDefault(); loadAudit(); });
  $("verify-btn").addEventListener("click", verify);
  $("recover-btn").addEventListener("click", recover);
  loadStatus();
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function row(cells) {
  const tr = document.createElement("tr");
  for (const c of cells) {
    const td = document.createElement("td");
    if (c instanceof Node) td.appendChild(c); else td.textContent = c === null || c === undefined ? "" : String(c);
    tr.appendChild(td);
  }
  return tr;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function showError(msg) {
  $("error").textContent = msg || "";
  $("error").hidden = !msg;
}

async function api(method, path, body) {
  const opts = {method, headers: {"X-Fileagent-Token": token}};
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body);
  }
  const r = await fetch(path, opts);
  let doc = null;
  try { doc = await r.json(); } catch (e) { doc = {error: {message: r.status + " " + r.statusText}}; }
  return {status: r.status, ok: r.ok, doc};
}

function errText(doc) {
  const e = (doc && doc.error) || {};
  return (e.class ? e.class + ": " : "") + (e.message || "request failed");
}

function show(view) {
  for (const b of document.querySelectorAll(".tab")) b.classList.toggle("active", b.dataset.view === view);
  for (const v of ["request", "runs", "audit"]) $("view-" + v).hidden = v !== view;
  $("undo-box").hidden = true;
  showError("");
  if (view === "runs") loadRuns();
  if (view === "audit") loadAudit();
}

async function loadStatus() {
  const r = await api("GET", "/api/status");
  if (!r.ok) { showError(errText(r.doc)); return; }
  $("root").textContent = r.doc.root;
  const n = r.doc.interrupted.length;
  $("banner").hidden = n === 0;
  $("banner-text").textContent = n === 0 ? "" :
    n + " interrupted run(s) need recovery (their changes are half done): " + r.doc.interrupted.join(", ");
}

async function recover() {
  const r = await api("POST", "/api/recover", {});
  if (!r.ok) { showError(errText(r.doc)); return; }
  await loadStatus();
}

// ---------------------------------------------------------------- plan, preview, ticks

async function makePlan() {
  showError("");
  $("preview").hidden = true;
  $("result").hidden = true;
  $("undo-box").hidden = true;
  const text = $("plan-json").value.trim();
  let body;
  if (text) {
    try { body = {plan: JSON.parse(text)}; } catch (e) { showError("the plan is not JSON: " + e.message); return; }
  } else {
    const req = $("request").value.trim();
    if (!req) { showError("type a request, or paste a plan"); return; }
    body = {request: req};
  }
  $("plan-btn").disabled = true;
  try {
    const r = await api("POST", "/api/plan", body);
    if (!r.ok) { showError(errText(r.doc)); return; }
    renderPreview(r.doc);
  } finally {
    $("plan-btn").disabled = false;
  }
}

function renderPreview(doc) {
  preview = doc;
  $("reading").textContent = (doc.reading || []).join("\n");
  const t = doc.totals || {};
  const parts = Object.keys(t).filter((k) => k !== "conflicts" && t[k]).map((k) => t[k] + " " + (VERB[k] || k));
  $("totals").textContent = (parts.join(", ") || "nothing to do") + "; " + (t.conflicts || 0) + " conflicts";
  const body = $("actions").querySelector("tbody");
  clear(body);
  const actions = doc.changeset.actions;
  for (const a of actions.slice(0, MAX_ROWS)) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.seq = a.seq;
    box.setAttribute("aria-label", "run action " + a.seq);
    box.addEventListener("change", updateSelection);
    const tr = row([box, a.seq, a.step, VERB[a.kind] || a.kind, a.src, a.dst, a.note || "", "runs"]);
    tr.id = "action-" + a.seq;
    if (a.kind === "delete") tr.classList.add("delete");
    body.appendChild(tr);
  }
  $("more-rows").hidden = actions.length <= MAX_ROWS;
  $("more-rows").textContent = actions.length > MAX_ROWS ?
    (actions.length - MAX_ROWS) + " more actions, not shown, run with the others" : "";
  const conflicts = $("conflicts");
  clear(conflicts);
  for (const c of doc.changeset.conflicts) {
    conflicts.appendChild(el("li", "step " + c.step + ": " + c.path + " exists -> " +
      (c.resolution === "skip" ? "skipped" : c.resolution === "overwrite" ? "overwritten (backed up)" :
       "renamed to " + c.result)));
  }
  for (const s of doc.changeset.skipped || []) conflicts.appendChild(el("li", "step " + s[0] + ": " + s[1] + ": left out (" + s[2] + ")"));
  $("tick-all").checked = true;
  $("tick-all").disabled = false;
  $("preview").hidden = false;
  $("run-btn").disabled = actions.length === 0;
  $("selection-summary").textContent = actions.length + " of " + actions.length + " actions will run";
}

function ticked() {
  const shown = new Set();
  const out = [];
  for (const c of document.querySelectorAll("#actions tbody input")) {
    shown.add(Number(c.dataset.seq));
    if (c.checked) out.push(Number(c.dataset.seq));
  }
  for (const a of preview.changeset.actions) if (!shown.has(a.seq)) out.push(a.seq);
  return out;
}

async function updateSelection() {
  const r = await api("POST", "/api/select", {preview_id: preview.preview_id, actions: ticked()});
  if (!r.ok) { showError(errText(r.doc)); return; }
  const runs = new Set(r.doc.run);
  const dropped = new Map(r.doc.dropped.map((d) => [d.seq, d.because]));
  const kept = new Map(r.doc.kept.map((k) => [k.seq, k.needed_by]));
  for (const tr of document.querySelectorAll("#actions tbody tr")) {
    const seq = Number(tr.id.slice(7));
    const cell = tr.lastChild;
    tr.classList.remove("dropped", "off", "kept");
    if (dropped.has(seq)) { cell.textContent = "dropped: needs #" + dropped.get(seq); tr.classList.add("dropped"); }
    else if (kept.has(seq)) { cell.textContent = "kept: needed by #" + kept.get(seq); tr.classList.add("kept"); }
    else if (runs.has(seq)) cell.textContent = "runs";
    else { cell.textContent = "left out"; tr.classList.add("off"); }
  }
  $("selection-summary").textContent = r.doc.run.length + " of " + preview.changeset.actions.length +
    " actions will run" + (r.doc.dropped.length ? "; " + r.doc.dropped.length +
    " dropped because an action they need is left out" : "");
  $("run-btn").disabled = r.doc.run.length === 0;
}

async function runTicked() {
  showError("");
  $("run-btn").disabled = true;
  const r = await api("POST", "/api/run", {preview_id: preview.preview_id, actions: ticked()});
  if (!r.ok) { showError(errText(r.doc)); return; }
  // This preview has run: its choices are final (plan again for another run).
  for (const c of document.querySelectorAll("#actions input")) c.disabled = true;
  renderResult(r.doc);
  loadStatus();
}

function renderResult(doc) {
  const res = doc.result;
  lastRun = res.run;
  const counts = Object.keys(res.counts).map((k) => res.counts[k] + " " + (VERB[k] || k)).join(", ") || "nothing";
  $("result-text").textContent = "Status: " + res.status + ". Done: " + counts + "; " + res.failures.length +
    " failed" + (res.run ? ". Run " + res.run : "") + (doc.error ? ". " + doc.error.message : "");
  const fails = $("failures");
  clear(fails);
  for (const f of res.failures) fails.appendChild(el("li", f.error));
  const out = res.outputs.map((o) => o.text).filter((t) => t).join("\n");
  $("outputs").textContent = out;
  $("outputs").hidden = !out;
  $("undo-btn").hidden = !(res.run && res.status !== "rolled_back");
  $("result").hidden = false;
}

// ---------------------------------------------------------------- undo

async function undoPreview(run) {
  showError("");
  const r = await api("POST", "/api/runs/" + encodeURIComponent(run) + "/undo", {});
  if (!r.ok) { showError(errText(r.doc)); return; }
  $("undo-run").textContent = run;
  const list = $("undo-list");
  clear(list);
  for (const x of r.doc.reverse) list.appendChild(el("li", x.text));
  $("undo-result").textContent = "";
  $("undo-confirm").hidden = false;
  $("undo-cancel").textContent = "Cancel";
  $("undo-confirm").onclick = () => undoConfirm(run);
  $("undo-box").hidden = false;
  $("undo-box").scrollIntoView();
}

async function undoConfirm(run) {
  const r = await api("POST", "/api/runs/" + encodeURIComponent(run) + "/undo", {confirm: true});
  if (!r.ok) { showError(errText(r.doc)); return; }
  $("undo-result").textContent = "Undone run " + run + ": " + r.doc.result.undone + " action(s) reversed.";
  $("undo-confirm").hidden = true;
  $("undo-cancel").textContent = "Close";
  if (run === lastRun) $("undo-btn").hidden = true;
  if (!$("view-runs").hidden) loadRuns();
}

// ---------------------------------------------------------------- runs, audit

async function loadRuns() {
  const r = await api("GET", "/api/runs");
  if (!r.ok) { showError(errText(r.doc)); return; }
  const body = $("runs").querySelector("tbody");
  clear(body);
  for (const x of r.doc.runs.slice().reverse()) {
    const counts = Object.keys(x.counts || {}).map((k) => x.counts[k] + " " + (VERB[k] || k)).join(", ");
    let btn = "";
    if (x.undoable) {
      btn = el("button", "Undo…");
      btn.type = "button";
      btn.addEventListener("click", () => undoPreview(x.run));
    }
    body.appendChild(row([(x.time || "").slice(0, 19).replace("T", " "), x.run, x.request || x.plan_text || "",
                          counts + (x.failed ? "; " + x.failed + " failed" : ""), x.status, btn]));
  }
  $("runs-empty").hidden = r.doc.runs.length > 0;
}

async function loadAudit() {
  const q = new URLSearchParams();
  for (const [k, id] of [["run", "f-run"], ["op", "f-op"], ["since", "f-since"]]) {
    const v = $(id).value.trim();
    if (v) q.set(k, v);
  }
  if ($("f-failed").checked) q.set("failed", "1");
  const r = await api("GET", "/api/log?" + q.toString());
  if (!r.ok) { showError(errText(r.doc)); return; }
  showError("");
  const body = $("audit").querySelector("tbody");
  clear(body);
  const shown = r.doc.entries.slice(-MAX_ROWS);
  for (const e of shown) {
    const tr = row([e.seq, (e.time || "").slice(0, 19).replace("T", " "), e.run, e.op, e.src, e.dst, e.result, e.error]);
    if (e.result === "failed") tr.classList.add("dropped");
    body.appendChild(tr);
  }
  $("audit-count").textContent = r.doc.entries.length + " of " + r.doc.total + " entries" +
    (r.doc.entries.length > shown.length ? " (the last " + shown.length + " shown)" : "");
}

async function verify() {
  const r = await api("GET", "/api/log/verify");
  if (!r.ok) { showError(errText(r.doc)); return; }
  const v = $("verify-status");
  v.textContent = r.doc.ok ? "Chain OK: " + r.doc.message :
    "Chain BROKEN at entry " + r.doc.first_bad_seq + ": " + r.doc.message;
  v.className = r.doc.ok ? "ok" : "error";
}

document.addEventListener("DOMContentLoaded", init);
