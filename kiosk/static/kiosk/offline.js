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

// --- search, as the server does it (catalog.queries, catalog.dialects): the same filters, the same
// distance on the same sphere, the same orders with the family's own seed, ties broken by id ------

const EARTH_RADIUS_KM = 6371.008771415059; // catalog.geo.EARTH_RADIUS_KM

function km(a, b) { // catalog.geo.distance_km: Vincenty's formula on a sphere, as PostGIS measures
  const rad = Math.PI / 180;
  const p1 = a[0] * rad, p2 = b[0] * rad, dLon = (b[1] - a[1]) * rad;
  const cosDLon = Math.cos(dLon);
  const x = Math.hypot(Math.cos(p2) * Math.sin(dLon), Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * cosDLon);
  const y = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * cosDLon;
  return EARTH_RADIUS_KM * Math.atan2(x, y);
}

function mix(x) { return Math.imul(((x >>> 16) ^ x) >>> 0, 0x45d9f3b) >>> 0; }

function neutralKey(hash, seed) { // catalog.search.neutral_key
  const x = mix(mix((hash ^ seed) >>> 0));
  return ((x >>> 16) ^ x) >>> 0;
}

function familySeed() { // the family's neutral order: the cookie the server reads and sets (kiosk.views._family_seed)
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("kiosk_seed="));
  const value = cookie ? cookie.slice(11) : "";
  if (/^[0-9]{1,10}$/.test(value) && Number(value) < 2 ** 31) return Number(value);
  const seed = crypto.getRandomValues(new Uint32Array(1))[0] % 2 ** 31; // a family that starts offline
  document.cookie = `kiosk_seed=${seed}; Path=/kiosk; SameSite=Lax`;
  return seed;
}

function foldTokens(text) { // catalog.text.fold_tokens: lower case, no accents, "%" and "_" kept as letters
  const folded = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}_%]+/gu, " ").trim();
  return [...new Set(folded.split(" ").filter(Boolean))].slice(0, 8);
}

const GRADE_NUMBER = { PK: -1, K: 0 };
const DEFAULT_RADIUS_KM = 5;
const byId = (a, b) => (a.school.id < b.school.id ? -1 : a.school.id > b.school.id ? 1 : 0);

function search(snapshot, params, seed) {
  const gradeCode = params.get("grade");
  const grade = gradeCode in GRADE_NUMBER ? GRADE_NUMBER[gradeCode] : gradeCode ? Number(gradeCode) : null;
  const needs = params.getAll("need");
  const sector = params.get("sector") || "";
  const tokens = foldTokens(params.get("q") || "");
  const zip = (params.get("near") || "").trim();
  const home = snapshot.zips[zip] || null;
  const radius = home ? (params.get("radius_km") === "any" ? Infinity : Number(params.get("radius_km") || DEFAULT_RADIUS_KM)) : Infinity;
  const found = [];
  const notStated = {}; // need → sector → schools that have not stated it and would otherwise match
  for (const school of snapshot.schools) {
    if (grade !== null && !(school.grades & (1 << (grade + 1)))) continue; // a set of grades, one bit each
    if (sector && school.sector !== sector) continue;
    if (!tokens.every((token) => school.text.includes(token))) continue;
    const distance = home && school.lat !== null ? km(home, [school.lat, school.lon]) : null;
    if (home && radius !== Infinity && (distance === null || distance > radius)) continue;
    const missing = needs.filter((need) => !(school.needs & snapshot.need_bits[need])); // one bit a need
    if (missing.every((need) => school.not_stated & snapshot.need_bits[need])) {
      for (const need of missing) { // each need it lacks, unstated: it would match were they offered
        const counts = (notStated[need] ||= {});
        counts[school.sector] = (counts[school.sector] || 0) + 1;
      }
    }
    if (missing.length) continue;
    found.push({ school, distance });
  }
  const order = params.get("order") || "neutral";
  if (order === "distance" && home) {
    found.sort((a, b) => (a.distance === null) - (b.distance === null) || a.distance - b.distance || byId(a, b));
  } else if (order === "name") {
    found.sort((a, b) => (a.school.sort < b.school.sort ? -1 : a.school.sort > b.school.sort ? 1 : byId(a, b)));
  } else {
    found.sort((a, b) => neutralKey(a.school.h, seed) - neutralKey(b.school.h, seed) || byId(a, b));
  }
  // What this screen cannot know without a network, said rather than hidden
  const area = snapshot.area;
  const inside = area.whole_catalog || (home && area.center && radius !== Infinity && km(area.center, home) + radius <= area.km);
  const otherState = home && snapshot.zip_states ? snapshot.zip_states[zip] : undefined; // a ZIP in a state none of the schools is in
  return { found, notStated, unknownZip: zip && !home ? zip : "", otherState: otherState ? { zip, state: otherState } : null, partial: !inside, tokens };
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

function distanceLabel(distance) { // as the server writes it (Labels.distance): "3,0 km" in French, "3.0 公里" in Chinese
  const { pattern, decimal } = snapshot.distance || { pattern: "%(km)s km", decimal: "." };
  return fmt(pattern, { km: distance.toFixed(1).replace(".", decimal) });
}

function schoolFacts(school, distance) {
  return el("p", { class: "facts" },
    el("span", { class: `tag ${school.sector}` }, fact(school, "sector")), el("span", {}, fact(school, "grades")),
    distance !== null && distance !== undefined ? el("span", {}, distanceLabel(distance)) : [],
    school.booth ? el("span", { class: "booth" }, fmt(texts.booth, { label: school.booth })) : []);
}

function notices(snapshot, result) {
  const said = [];
  if (result.otherState) said.push(fmt(texts.another_state, { ...result.otherState, states: snapshot.schools_in }));
  if (result.unknownZip) said.push(fmt(texts.offline_zip, { zip: result.unknownZip }));
  if (result.partial) said.push(fmt(texts.offline_area, { count: snapshot.schools.length, km: Math.round(snapshot.area.km) }));
  if (result.tokens.length && !result.found.length) said.push(texts.offline_names);
  for (const [need, counts] of Object.entries(result.notStated)) {
    const sectors = Object.keys(snapshot.sectors).filter((sector) => counts[sector]) // in the server's order of sectors
      .map((sector) => `${snapshot.sectors[sector]}: ${counts[sector]}`).join(", ");
    said.push(`${fmt(texts.offline_not_stated, { sectors, need: snapshot.needs[need] })} ${need === "sped" ? texts.must_serve : texts.ask_them}`);
  }
  return said.map((text) => el("p", { class: "notice" }, text));
}

function resultsPage(snapshot, params) {
  const result = search(snapshot, params, familySeed());
  const found = result.found;
  // a page past the end shows the last page, as online (kiosk/pages.py)
  const page = Math.min(Math.max(1, Number(params.get("page") || 1) || 1), Math.max(1, Math.ceil(found.length / 10)));
  const shown = found.slice((page - 1) * 10, page * 10);
  const more = new URLSearchParams(params);
  more.set("page", String(page + 1));
  return [el("h1", {}, `${texts.schools}: ${found.length}`),
    notices(snapshot, result),
    found.length ? [] : el("p", {}, texts.none_match),
    el("ol", { class: "results", role: "list" }, shown.map(({ school, distance }) =>
      el("li", { class: "card" }, el("h2", {}, el("a", { class: "card-link", href: `${base}schools/${school.id}` }, school.name)), schoolFacts(school, distance),
        el("div", { class: "actions" }, link(`${base}schools/${school.id}`, texts.more_about), listButton(school))))),
    found.length > page * 10 ? el("nav", { class: "pages" }, link(`${base}schools?${more}`, texts.next)) : []];
}

// The school's card: the snapshot's "facts" head each text of a school's "card", in order, and
// each text is kept once, in the snapshot's "texts".
function fact(school, key) {
  return snapshot.texts[school.card[snapshot.facts.findIndex(([name]) => name === key)]] || "";
}

const ltrDir = (ltr) => (ltr ? { dir: "ltr" } : {}); // an address, a phone number: left to right in every script

// A school's page, as online (kiosk/_facts.html): each fact it states under its heading, and the
// services always ("—" where it has nothing); its type and grades are said above them.
function schoolPage(snapshot, id) {
  const school = snapshot.schools.find((s) => s.id === id);
  if (!school) return gradePage(snapshot);
  const details = snapshot.facts.filter(([key]) => key !== "sector" && key !== "grades")
    .map(([key, heading, ltr]) => [key, heading, fact(school, key), ltr])
    .filter(([key, , text]) => text || snapshot.always_listed.includes(key));
  return [el("h1", {}, school.name), schoolFacts(school), el("div", { class: "actions" }, listButton(school)),
    el("dl", { class: "details" }, details.flatMap(([, heading, text, ltr]) => [el("dt", {}, heading), el("dd", ltrDir(ltr), text || "—")]))];
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
  // the same rows as online (kiosk/pages.py _compare_rows): the compared facts, then the fair's booths
  const rows = schools.length ? snapshot.facts.filter(([key]) => snapshot.compared.includes(key))
    .map(([key, heading, ltr]) => [heading, schools.map((s) => fact(s, key) || "—"), ltr]) : [];
  if (schools.length && snapshot.schools.some((s) => s.booth)) rows.push([texts.booth_row, schools.map((s) => s.booth || "—"), false]);
  return [el("h1", {}, texts.compare),
    el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": texts.compare },
      el("table", { class: "compare" },
        el("thead", {}, el("tr", {}, el("td"), schools.map((s) => el("th", { scope: "col" }, s.name)))),
        el("tbody", {}, rows.map(([label, cells, ltr]) => el("tr", {}, el("th", { scope: "row" }, label), cells.map((c) => el("td", ltrDir(ltr), c)))))))];
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
