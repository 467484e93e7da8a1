// The kiosk's progressive enhancements: idle reset, print, and registrations queued while offline.
// Every page works without this file; it only adds what a shared screen with bad Wi-Fi needs.
"use strict";

const body = document.body;
const QUEUE = "kiosk-registrations";
const REFUSED = "kiosk-registrations-refused"; // refused by the server when the queue was sent: kept until corrected

// --- idle reset --------------------------------------------------------------------------------

function startIdleWatch() {
  const dialog = document.getElementById("idle");
  if (!dialog || body.hasAttribute("data-start-page")) return;
  const idleMs = Number(body.dataset.idle) * 1000;
  const countdown = Number(body.dataset.countdown);
  const left = document.getElementById("idle-seconds");
  let quietTimer = null;
  let tick = null;
  let lastPing = Date.now();

  function resetScreen() {
    document.cookie = "kiosk_list=; Max-Age=0; Path=/kiosk; SameSite=Lax";
    document.cookie = "kiosk_seed=; Max-Age=0; Path=/kiosk; SameSite=Lax";
    try { sessionStorage.clear(); } catch (e) { /* storage may be off */ }
    location.replace(body.dataset.reset);
  }

  function showCountdown() {
    let seconds = countdown;
    left.textContent = String(seconds);
    dialog.hidden = false;
    document.getElementById("idle-stay").focus();
    tick = setInterval(() => {
      seconds -= 1;
      left.textContent = String(Math.max(seconds, 0));
      if (seconds <= 0) { clearInterval(tick); resetScreen(); }
    }, 1000);
  }

  function activity() {
    if (!dialog.hidden) return; // only "I'm still here" dismisses the countdown
    clearTimeout(quietTimer);
    quietTimer = setTimeout(showCountdown, idleMs);
    if (Date.now() - lastPing > 30000) { // keep the server's idle clock in step with the screen's
      lastPing = Date.now();
      fetch(body.dataset.reset.replace(/reset$/, "still-here"), { credentials: "same-origin", cache: "no-store" }).catch(() => {});
    }
  }

  document.getElementById("idle-stay").addEventListener("click", () => {
    clearInterval(tick);
    dialog.hidden = true;
    lastPing = 0;
    activity();
  });
  for (const type of ["pointerdown", "keydown", "input", "scroll", "touchstart"]) {
    addEventListener(type, activity, { passive: true, capture: true });
  }
  activity();
}

// --- print ----------------------------------------------------------------------------------------

for (const button of document.querySelectorAll("[data-print]")) button.addEventListener("click", () => print());

// --- registrations: sent now, or queued on this screen until the network returns ---------------

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

function stored(name) {
  try { return JSON.parse(localStorage.getItem(name) || "[]"); } catch (e) { return []; }
}

function queued() { return stored(QUEUE); }
function refused() { return stored(REFUSED); }

function saveQueue(entries) {
  localStorage.setItem(QUEUE, JSON.stringify(entries));
}

function saveRefused(entries) {
  localStorage.setItem(REFUSED, JSON.stringify(entries));
}

function queueEntry(form, key) {
  const fields = Array.from(new FormData(form).entries()).map(([name, value]) => [name, String(value)]);
  saveQueue([...queued().filter((e) => e.key !== key), { action: form.action, key, fields }]);
  saveRefused(refused().filter((e) => e.key !== key)); // a corrected one goes back in the queue
}

function emptyForNextFamily(form, message) {
  // A form the server filled in again (a refused or busy one) holds this family's answers as its defaults: drop them too.
  for (const field of form.querySelectorAll("input[type=text], input:not([type]), input[type=tel]")) field.defaultValue = "";
  for (const box of form.querySelectorAll("input[type=checkbox]:not([name=school])")) box.defaultChecked = false;
  form.reset();
  for (const extra of form.querySelectorAll("[data-correction], input[type=hidden][data-kept]:not([name=client_key])")) extra.remove();
  for (const error of form.querySelectorAll(".error[data-correction-error]")) error.remove();
  delete form.dataset.correcting;
  form.querySelector("[name=client_key]").value = newKey();
  const note = form.querySelector(".queued");
  note.textContent = message;
  note.hidden = false;
}

let flushing = false;
async function flushQueue() {
  if (flushing) return;
  flushing = true;
  try {
    for (const entry of queued()) {
      let response;
      try {
        response = await fetch(entry.action, {
          method: "POST", credentials: "same-origin", headers: { Accept: "application/json" }, body: new URLSearchParams(entry.fields),
        });
      } catch (e) {
        return; // still offline: try again later
      }
      if (response.status === 429 || response.status >= 500) return; // busy (503 too): like no network, try again later
      // Stored only when the server says so in JSON; anything else (a redirect to a page) is kept to try again.
      if (response.ok && (response.redirected || !(response.headers.get("Content-Type") || "").includes("json"))) return;
      if (!response.ok) {
        // Refused (a bad phone number, a screen no longer enrolled): never dropped, kept to be corrected on the screen.
        let answer = {};
        try { answer = await response.json(); } catch (e) { /* not JSON: no reasons to show */ }
        const problems = answer.problems || (answer.error ? { "": answer.error } : {});
        saveRefused([...refused().filter((e) => e.key !== entry.key), { ...entry, problems }]);
      }
      // Stored (201), stored before (200), or set aside to be corrected: it leaves the queue.
      saveQueue(queued().filter((e) => e.key !== entry.key));
    }
  } finally {
    flushing = false;
    showRefused();
  }
}

// --- registrations the server refused: shown on the screen until corrected and stored ----------

function fillForCorrection(form, entry) {
  form.reset();
  for (const extra of form.querySelectorAll("[data-correction]")) extra.remove();
  for (const error of form.querySelectorAll("p.error")) error.remove(); // reasons given for what the form held before
  for (const field of form.querySelectorAll("[aria-invalid]")) { field.removeAttribute("aria-invalid"); field.removeAttribute("aria-describedby"); }
  for (const box of form.querySelectorAll("input[type=checkbox]")) box.checked = false;
  for (const [name, value] of entry.fields) {
    const box = Array.from(form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(name)}"]`)).find((b) => b.value === value);
    const field = form.elements.namedItem(name);
    if (box) box.checked = true;
    else if (field && !(field instanceof RadioNodeList) && field.type !== "checkbox") field.value = value;
    else { // e.g. a school that is not on this screen's list now: it still goes with the registration
      const hidden = Object.assign(document.createElement("input"), { type: "hidden", name, value });
      hidden.dataset.correction = "";
      form.append(hidden);
    }
  }
  form.querySelector("[name=client_key]").value = entry.key; // the same key: stored once, however often it is sent
  form.dataset.correcting = entry.key;
  let first = null;
  for (const [name, message] of Object.entries(entry.problems || {})) {
    const error = Object.assign(document.createElement("p"), { className: "error", textContent: message });
    error.dataset.correctionError = "";
    const field = name && form.querySelector(`[name="${CSS.escape(name)}"]:not([type=hidden])`);
    if (field) {
      error.id = `${name}-error`;
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", error.id);
      (field.closest("fieldset, label.check") || field).after(error);
      first = first || field;
    } else {
      form.prepend(error);
    }
  }
  (first || form.querySelector("input:not([type=hidden])")).focus();
}

function showRefused() {
  document.getElementById("refused")?.remove();
  const entries = refused();
  const template = document.getElementById("refused-template");
  const main = document.getElementById("main");
  if (!entries.length || !template || !main) return;
  const panel = template.content.firstElementChild.cloneNode(true);
  panel.id = "refused";
  const form = document.querySelector("form[data-queue-offline]");
  const list = panel.querySelector("ul");
  for (const entry of entries) {
    const name = (entry.fields.find(([field]) => field === "parent_name") || [, ""])[1];
    const item = document.createElement("li");
    const action = document.createElement(form ? "button" : "a");
    action.className = "button primary";
    action.textContent = panel.dataset.correctLabel;
    if (form) {
      action.type = "button";
      action.addEventListener("click", () => fillForCorrection(form, entry));
    } else {
      action.href = entry.action;
    }
    item.append(Object.assign(document.createElement("span"), { textContent: name }), " ", action);
    list.append(item);
  }
  main.prepend(panel);
}

function forgetStored() {
  // The page that says a registration was stored names its key: it is no longer waiting anywhere.
  const done = document.querySelector("[data-stored-key]");
  if (!done) return;
  const key = done.dataset.storedKey;
  saveRefused(refused().filter((e) => e.key !== key));
  saveQueue(queued().filter((e) => e.key !== key));
}

async function reachable() {
  try {
    const response = await fetch(body.dataset.reset.replace(/reset$/, "still-here"), { credentials: "same-origin", cache: "no-store" });
    return response.ok;
  } catch (e) {
    return false;
  }
}

function queueRegistrations() {
  // Delegated: the offline pages draw their registration form after this script has run.
  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!form.matches("form[data-queue-offline]")) return;
    event.preventDefault();
    const key = form.querySelector("[name=client_key]");
    if (await reachable()) { form.submit(); return; } // a refused correction stays set aside until its stored page names it
    queueEntry(form, key.value);
    emptyForNextFamily(form, form.querySelector(".queued").dataset.queuedMessage);
    showRefused();
  });
  // The server was busy (503): like no network, the registration waits in the queue, with the key it was sent with.
  for (const form of document.querySelectorAll("form[data-queue-offline][data-retry-later]")) {
    const key = form.querySelector("[name=client_key]").value;
    queueEntry(form, key);
    emptyForNextFamily(form, form.querySelector(".queued").dataset.busyMessage);
    document.getElementById("busy")?.remove();
    form.removeAttribute("data-retry-later");
  }
  // Each form gets its own key here, on the screen: a page shown twice never shares one.
  // A key the server kept (a refused form shown again) stays: resending it must not store the registration twice.
  for (const key of document.querySelectorAll("form[data-queue-offline] [name=client_key]:not([data-kept])")) key.value = newKey();
}

function registerServiceWorker() {
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/kiosk/sw.js", { scope: "/kiosk/" }).catch(() => {});
}

window.kioskNewKey = newKey;
window.kioskShowRefused = showRefused;
startIdleWatch();
forgetStored();
queueRegistrations();
showRefused();
registerServiceWorker();
addEventListener("online", flushQueue);
if (navigator.onLine) flushQueue();
setInterval(flushQueue, 30000);
