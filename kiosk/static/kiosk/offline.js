// The kiosk while the network is down: the service worker shows this page for any kiosk URL, and
// it draws that URL's page from the catalog snapshot the screen keeps (public facts only).
// The family's list lives in the same cookie the server reads, so it carries over both ways.
"use strict";

const root = document.getElementById("offline");
const texts = JSON.parse(document.getElementById("offline-texts").textContent);
const locale = root.dataset.locale;
const maxList = Number(root.dataset.maxList);
const base = `/kiosk/${locale}/`;

function fmt(message, values) {
  return message.replace(/%\((\w+)\)[sd]/g, (_, name) => String(values[name]));
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function link(href, label, extra = "") {
  return el("a", { class: `button ${extra}`.trim(), href }, label);
}

// --- the family's list: the kiosk_list cookie -------------------------------------------------

function listIds() {
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("kiosk_list="));
  return cookie ? decodeURIComponent(cookie.slice(11).replace(/^"|"$/g, "")).split(",").filter(Boolean).slice(0, maxList) : [];
}

function saveList(ids) {
  document.cookie = `kiosk_list=${ids.join(",")}; Path=/kiosk; SameSite=Lax`;
  const count = document.querySelector('.bar a[href$="/list"]');
  if (count) count.textContent = `${texts.my_list} (${ids.length})`;
}

function listButton(school) {
  const onList = listIds().includes(school.id);
  const full = !onList && listIds().length >= maxList;
  const button = el("button", { type: "button", class: onList ? "button" : "button primary", disabled: full },
    onList ? `✓ ${texts.remove}` : `+ ${texts.add}`, el("span", { class: "visually-hidden" }, `: ${school.name}`));
  button.addEventListener("click", () => {
    const ids = listIds().filter((id) => id !== school.id);
    saveList(onList ? ids : [...ids, school.id]);
    render();
  });
  return button;
}

// --- search, as the server does it: filters, distance from a ZIP centre, neutral or nearest ------

function km(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

function neutralKey(id, seed) {  // FNV-1a of seed + id: an order that favours no school
  let hash = 2166136261;
  for (const ch of seed + id) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

const GRADE_NUMBER = { PK: -1, K: 0 };

function search(snapshot, params) {
  const gradeCode = params.get("grade");
  const grade = gradeCode in GRADE_NUMBER ? GRADE_NUMBER[gradeCode] : gradeCode ? Number(gradeCode) : null;
  const needs = params.getAll("need");
  const sector = params.get("sector") || "";
  const home = snapshot.zips[params.get("near") || ""] || null;
  const radius = home ? (params.get("radius_km") === "any" ? Infinity : Number(params.get("radius_km") || 5)) : Infinity;
  const seed = new Date().toISOString().slice(0, 10);
  const found = [];
  for (const school of snapshot.schools) {
    if (grade !== null && !(school.grades & (1 << (grade + 1)))) continue;  // a set of grades, one bit each
    if (sector && school.sector !== sector) continue;
    if (!needs.every((need) => school.needs.includes(need))) continue;
    const distance = home && school.lat !== null ? km(home, [school.lat, school.lon]) : null;
    if (home && (distance === null || distance > radius)) continue;
    found.push({ school, distance });
  }
  if (params.get("order") === "distance" && home) found.sort((a, b) => a.distance - b.distance);
  else found.sort((a, b) => neutralKey(a.school.id, seed) - neutralKey(b.school.id, seed));
  return found;
}

// --- pages --------------------------------------------------------------------------------------

function gradePage(snapshot) {
  return [el("h1", {}, texts.which_grade),
    el("ul", { class: "choices", role: "list" },
      Object.entries(snapshot.grades).map(([code, label]) => el("li", {}, link(`${base}zip?grade=${code}`, label, "big")))),
    el("p", {}, link(`${base}schools`, texts.see_all))];
}

function zipPage(snapshot, params) {
  const grade = params.get("grade");
  return [el("h1", {}, texts.zip_question),
    el("form", { method: "get", action: `${base}needs`, class: "stack" },
      grade ? el("input", { type: "hidden", name: "grade", value: grade }) : [],
      el("label", { for: "near" }, texts.zip),
      el("input", { id: "near", name: "near", inputmode: "numeric", maxlength: "10", autocomplete: "off" }),
      el("button", { class: "button primary big", type: "submit" }, texts.next)),
    el("p", {}, link(`${base}needs${grade ? `?grade=${encodeURIComponent(grade)}` : ""}`, texts.skip))];
}

function needsPage(snapshot, params) {
  const kept = ["grade", "near"].filter((name) => params.get(name)).map((name) => el("input", { type: "hidden", name, value: params.get(name) }));
  return [el("form", { method: "get", action: `${base}schools`, class: "stack" },
    el("fieldset", {}, el("legend", {}, el("h1", {}, texts.needs_question)),
      Object.entries(snapshot.needs).map(([need, label]) =>
        el("label", { class: "check big" }, el("input", { type: "checkbox", name: "need", value: need }), ` ${label}`))),
    kept, el("button", { class: "button primary big", type: "submit" }, texts.show_schools))];
}

function schoolFacts(school, distance) {
  return el("p", { class: "facts" },
    el("span", { class: `tag ${school.sector}` }, school.sector_label), el("span", {}, school.grades_label),
    distance !== null && distance !== undefined ? el("span", {}, `${distance.toFixed(1)} km`) : [],
    school.booth ? el("span", { class: "booth" }, fmt(texts.booth, { label: school.booth })) : []);
}

function resultsPage(snapshot, params) {
  const found = search(snapshot, params);
  const page = Math.max(1, Number(params.get("page") || 1));
  const shown = found.slice((page - 1) * 10, page * 10);
  const more = new URLSearchParams(params);
  more.set("page", String(page + 1));
  return [el("h1", {}, `${texts.schools}: ${found.length}`),
    found.length ? [] : el("p", {}, texts.none_match),
    el("ol", { class: "results", role: "list" }, shown.map(({ school, distance }) =>
      el("li", { class: "card" }, el("h2", {}, el("a", { class: "card-link", href: `${base}schools/${school.id}` }, school.name)), schoolFacts(school, distance),
        el("div", { class: "actions" }, link(`${base}schools/${school.id}`, texts.more_about), listButton(school))))),
    found.length > page * 10 ? el("nav", { class: "pages" }, link(`${base}schools?${more}`, texts.next)) : []];
}

function detailRows(school) {
  return [[texts.type, school.sector_label], [texts.grades, school.grades_label], [texts.sped, school.sped],
    [texts.ell, school.ell], [texts.bus, school.bus], [texts.transit, school.transit || "—"],
    [texts.access, school.access], [texts.address, school.address || "—"], [texts.phone, school.phone || "—"]];
}

function schoolPage(snapshot, id) {
  const school = snapshot.schools.find((s) => s.id === id);
  if (!school) return gradePage(snapshot);
  return [el("h1", {}, school.name), schoolFacts(school), el("div", { class: "actions" }, listButton(school)),
    el("dl", { class: "details" }, detailRows(school).map(([label, value]) => [el("dt", {}, label), el("dd", {}, value)]))];
}

function listPage(snapshot) {
  const schools = listIds().map((id) => snapshot.schools.find((s) => s.id === id)).filter(Boolean);
  if (!schools.length) return [el("h1", {}, texts.my_list), el("p", {}, fmt(texts.empty_list, { count: maxList }))];
  return [el("h1", {}, texts.my_list),
    el("ol", { class: "results", role: "list" }, schools.map((school) =>
      el("li", { class: "card" }, el("h2", {}, school.name), schoolFacts(school), el("div", { class: "actions" }, listButton(school))))),
    el("p", {}, link(`${base}compare`, texts.compare_side, "primary big")),
    el("p", {}, link(`${base}register`, texts.register, "big"))];
}

function comparePage(snapshot, params) {
  const wanted = params.getAll("ids").flatMap((v) => v.split(",")).filter(Boolean);
  const schools = (wanted.length ? wanted : listIds()).slice(0, maxList).map((id) => snapshot.schools.find((s) => s.id === id)).filter(Boolean);
  const rows = schools.length ? detailRows(schools[0]).map((_, i) => [detailRows(schools[0])[i][0], schools.map((s) => detailRows(s)[i][1])]) : [];
  return [el("h1", {}, texts.compare),
    el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": texts.compare },
      el("table", { class: "compare" },
        el("thead", {}, el("tr", {}, el("td"), schools.map((s) => el("th", { scope: "col" }, s.name)))),
        el("tbody", {}, rows.map(([label, cells]) => el("tr", {}, el("th", { scope: "row" }, label), cells.map((c) => el("td", {}, c)))))))];
}

function registerPage(snapshot) {
  const languages = JSON.parse(document.getElementById("offline-languages").textContent);
  const listed = listIds().map((id) => snapshot.schools.find((s) => s.id === id)).filter(Boolean);
  const check = (name, value, label, checked = false) =>
    el("label", { class: "check" }, el("input", { type: "checkbox", name, value, checked }), ` ${label}`);
  return [el("h1", {}, texts.register),
    el("form", { method: "post", action: `${base}register`, class: "stack", autocomplete: "off", "data-queue-offline": true },
      el("input", { type: "hidden", name: "client_key", value: "" }),
      el("label", { for: "parent_name" }, texts.your_name), el("input", { id: "parent_name", name: "parent_name", maxlength: "100", required: true }),
      el("label", { for: "phone" }, texts.your_phone), el("input", { id: "phone", name: "phone", type: "tel", dir: "ltr", maxlength: "40", required: true }),
      el("label", { for: "language" }, texts.text_language),
      el("select", { id: "language", name: "locale" }, languages.map(([code, name]) => el("option", { value: code, selected: code === locale }, name))),
      el("fieldset", {}, el("legend", {}, texts.children_grades),
        el("div", { class: "grid" }, Object.entries(snapshot.grades).map(([code, label]) => check("grade", code, label)))),
      listed.length ? el("fieldset", {}, el("legend", {}, texts.interested), listed.map((s) => check("school", s.id, s.name, true))) : [],
      el("fieldset", {}, el("legend", {}, texts.children_needs), Object.entries(snapshot.needs).map(([need, label]) => check("need", need, label))),
      el("label", { class: "check consent" }, el("input", { type: "checkbox", name: "consent", value: "yes", required: true }), ` ${texts.consent}`),
      el("button", { class: "button primary big", type: "submit" }, texts.register_button),
      el("p", { class: "queued", hidden: true, role: "status", "data-queued-message": texts.queued }))];
}

// --- routing --------------------------------------------------------------------------------------

let snapshot = null;

function render() {
  const path = location.pathname.slice(base.length);
  const params = new URLSearchParams(location.search);
  let content;
  if (path === "zip") content = zipPage(snapshot, params);
  else if (path === "needs") content = needsPage(snapshot, params);
  else if (path === "schools") content = resultsPage(snapshot, params);
  else if (path.startsWith("schools/")) content = schoolPage(snapshot, decodeURIComponent(path.slice(8)));
  else if (path === "list" || path === "print") content = listPage(snapshot);
  else if (path === "compare") content = comparePage(snapshot, params);
  else if (path === "register") content = registerPage(snapshot);
  else content = gradePage(snapshot);
  root.replaceChildren(...[content].flat(3));
  saveList(listIds());
  for (const key of root.querySelectorAll("form[data-queue-offline] [name=client_key]")) key.value = window.kioskNewKey();
  window.kioskShowRefused(); // registrations refused earlier can be corrected on this form too
}

fetch(root.dataset.snapshot, { credentials: "same-origin" })
  .then((response) => response.json())
  .then((data) => { snapshot = data; render(); })
  .catch(() => { root.replaceChildren(el("p", { class: "error" }, texts.offline)); });
