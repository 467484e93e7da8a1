// The kiosk's progressive enhancements: idle reset, print, and registrations queued while offline.
// Every page works without this file; it only adds what a shared screen with bad Wi-Fi needs.
"use strict";

const body = document.body;
const QUEUE = "kiosk-registrations";

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

function queued() {
  try { return JSON.parse(localStorage.getItem(QUEUE) || "[]"); } catch (e) { return []; }
}

function saveQueue(entries) {
  localStorage.setItem(QUEUE, JSON.stringify(entries));
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
      if (response.status === 429 || response.status >= 500) return; // busy: try again later
      // Stored (201), stored before (200), or refused for good (400, 403): it leaves the queue.
      saveQueue(queued().filter((e) => e.key !== entry.key));
    }
  } finally {
    flushing = false;
  }
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
    if (await reachable()) { form.submit(); return; }
    const fields = Array.from(new FormData(form).entries()).map(([name, value]) => [name, String(value)]);
    saveQueue([...queued(), { action: form.action, key: key.value, fields }]);
    form.reset();
    key.value = newKey();
    const note = form.querySelector(".queued");
    note.textContent = note.dataset.queuedMessage;
    note.hidden = false;
  });
  // Each form gets its own key here, on the screen: a page shown twice never shares one.
  for (const key of document.querySelectorAll("form[data-queue-offline] [name=client_key]")) key.value = newKey();
}

function registerServiceWorker() {
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/kiosk/sw.js", { scope: "/kiosk/" }).catch(() => {});
}

window.kioskNewKey = newKey;
startIdleWatch();
queueRegistrations();
registerServiceWorker();
addEventListener("online", flushQueue);
if (navigator.onLine) flushQueue();
setInterval(flushQueue, 30000);
