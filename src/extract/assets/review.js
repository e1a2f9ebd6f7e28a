"use strict";
// The review page: draws one article at a time from the embedded data, keeps the
// researcher's decisions, and offers them as corrections.jsonl.
const ARTICLES = JSON.parse(document.getElementById("data").textContent);
const decisions = [];
const KINDS = { people: "person", films: "film", schools: "school" };
const NAME = { person: "name", film: "title", school: "name" };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (k.startsWith("on")) node[k] = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function searchable(a) {
  return [...a.people.flatMap(p => [p.name, ...p.aliases]), ...a.films.flatMap(f => [f.title, ...f.aliases])]
    .join("\n").toLowerCase();
}
const INDEX = ARTICLES.map(searchable);

function drawList() {
  const q = document.getElementById("search").value.trim().toLowerCase();
  const list = document.getElementById("list");
  list.replaceChildren();
  let shown = 0;
  ARTICLES.forEach((a, i) => {
    if (q && !INDEX[i].includes(q)) return;
    shown++;
    list.append(el("a", { href: "#" + encodeURIComponent(a.doc_id), "data-doc": a.doc_id,
                          onclick: () => show(i) },
                   a.doc_id, el("small", {}, a.subject || "no profiled person")));
  });
  document.getElementById("count").textContent = `${shown} of ${ARTICLES.length} articles`;
}

function evidenceKey(ev) { return `${ev.start}-${ev.end}`; }

function drawText(a) {
  // Boundaries of marks and evidence sentences; marks nest inside evidence spans.
  const evs = new Map();
  for (const f of [...a.credits, ...a.education]) if (f.evidence) evs.set(evidenceKey(f.evidence), f.evidence);
  const box = el("div", { class: "text" });
  const marks = [...a.marks].sort((x, y) => x.start - y.start || y.end - x.end);
  // a sentence drawn around its evidence grows to hold any mark it would cut in two
  const evList = [...evs.values()].map(ev => {
    let start = ev.start, end = ev.end;
    for (const m of marks) {
      if (m.start < start && m.end > start) start = m.start;
      if (m.start < end && m.end > end) end = m.end;
    }
    return { key: evidenceKey(ev), start, end };
  }).sort((x, y) => x.start - y.start);
  let pos = 0;
  const put = (parent, from, to) => {
    for (const m of marks) {
      if (m.start < from || m.end > to || m.start < pos) continue;
      if (m.start > pos) parent.append(a.text.slice(pos, m.start));
      parent.append(el("mark", { class: m.kind, title: `${m.kind}: ${m.label} (confidence ${m.confidence})`,
                                 "data-id": m.id || "" }, a.text.slice(m.start, m.end)));
      pos = m.end;
    }
    if (to > pos) { parent.append(a.text.slice(pos, to)); pos = to; }
  };
  for (const ev of evList) {
    if (ev.start < pos) continue;
    put(box, pos, ev.start);
    const span = el("span", { class: "evidence", id: `ev-${ev.key}` });
    put(span, ev.start, ev.end);
    box.append(span);
  }
  put(box, pos, a.text.length);
  return box;
}

function decide(a, kind, action, item, row) {
  decisions.push({ doc_id: a.doc_id, kind, action, item });
  if (row) row.className = action === "reject" ? "rejected" : action === "accept" ? "accepted" : "added";
  document.getElementById("decisions").value = corrections();
}

function buttons(a, kind, item, row) {
  return el("td", {},
    el("button", { class: "ok", type: "button", title: "right", onclick: () => decide(a, kind, "accept", item, row) }, "✓"),
    " ",
    el("button", { class: "no", type: "button", title: "wrong", onclick: () => decide(a, kind, "reject", item, row) }, "✗"));
}

function table(a, title, kind, columns, rows, itemOf) {
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr", { "data-kind": kind });
    for (const c of columns) {
      const v = typeof c.value === "function" ? c.value(r) : r[c.value];
      tr.append(el("td", {}, v instanceof Node ? v : (v ?? "")));
    }
    tr.append(buttons(a, kind, itemOf(r), tr));
    body.append(tr);
  }
  return [el("h3", {}, `${title} (${rows.length})`),
          el("table", { class: kind }, el("thead", {}, el("tr", {}, ...columns.map(c => el("th", {}, c.label)), el("th", {}, "check"))), body)];
}

function evidenceLink(f) {
  if (!f.evidence) return "added by hand";
  return el("a", { href: `#ev-${evidenceKey(f.evidence)}`, onclick: e => {
    e.preventDefault();
    document.querySelectorAll(".evidence.target").forEach(n => n.classList.remove("target"));
    const t = document.getElementById(`ev-${evidenceKey(f.evidence)}`);
    t.classList.add("target"); t.scrollIntoView({ block: "center" });
  } }, "see sentence");
}

function addForm(a) {
  const kind = el("select", {}, ...["person", "film", "school", "credit", "education"].map(k => el("option", { value: k }, k)));
  const f1 = el("input", { placeholder: "name / person" }), f2 = el("input", { placeholder: "role / school" });
  const f3 = el("input", { placeholder: "film / degree" });
  return el("form", { class: "add", onsubmit: e => {
    e.preventDefault();
    const k = kind.value, item = k === "credit" ? { person: f1.value, role: f2.value, film: f3.value || null }
      : k === "education" ? { person: f1.value, school: f2.value, degree: f3.value || null, field: null }
      : { [NAME[k]]: f1.value, aliases: [] };
    decide(a, k, "add", item, null);
    e.target.reset();
  } }, el("strong", {}, "Add a missing item:"), kind, f1, f2, f3, el("button", { type: "submit" }, "add"));
}

function show(i) {
  const a = ARTICLES[i];
  document.querySelectorAll("nav a").forEach(n => n.classList.toggle("current", n.dataset.doc === a.doc_id));
  const sec = document.getElementById("article");
  const conf = r => Number(r.confidence).toFixed(2);
  const ent = (key, label) => table(a, label, KINDS[key],
    [{ label: "name", value: r => r[NAME[KINDS[key]]] }, { label: "also written", value: r => r.aliases.join("; ") },
     { label: "confidence", value: conf }],
    a[key], r => ({ [NAME[KINDS[key]]]: r[NAME[KINDS[key]]], aliases: r.aliases }));
  sec.replaceChildren(
    el("h2", {}, a.doc_id), el("p", {}, "Profiled person: ", a.subject || "none found"),
    drawText(a),
    ...table(a, "Credits", "credit",
      [{ label: "person", value: "person" }, { label: "role", value: "role" }, { label: "film", value: "film" },
       { label: "confidence", value: conf }, { label: "rule", value: "rule" }, { label: "evidence", value: evidenceLink }],
      a.credits, r => ({ person: r.person, role: r.role, film: r.film })),
    ...table(a, "Education", "education",
      [{ label: "person", value: "person" }, { label: "school", value: "school" }, { label: "degree", value: "degree" },
       { label: "field", value: "field" }, { label: "confidence", value: conf }, { label: "evidence", value: evidenceLink }],
      a.education, r => ({ person: r.person, school: r.school, degree: r.degree, field: r.field })),
    ...ent("people", "People"), ...ent("films", "Films"), ...ent("schools", "Schools"),
    addForm(a),
    el("h3", {}, "Your decisions (saved with the button at the top)"),
    el("textarea", { id: "decisions", readonly: "" }, corrections()));
}

function corrections() { return decisions.map(d => JSON.stringify(d)).join("\n") + (decisions.length ? "\n" : ""); }
window.extractCorrections = corrections;
window.extractShow = doc => show(ARTICLES.findIndex(a => a.doc_id === doc));

document.getElementById("search").addEventListener("input", drawList);
document.getElementById("download").addEventListener("click", () => {
  const url = URL.createObjectURL(new Blob([corrections()], { type: "application/x-ndjson" }));
  el("a", { href: url, download: "corrections.jsonl" }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
drawList();
const first = ARTICLES.findIndex(a => "#" + encodeURIComponent(a.doc_id) === location.hash);
if (first >= 0) show(first);
