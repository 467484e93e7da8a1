// The kiosk's service worker: keeps the shell (style, scripts, the offline page) and the public
// catalog snapshot of every language, so browsing goes on when the network drops. It keeps no
// page a family saw and nothing they typed: pages always come from the network when it is there,
// and only the offline page (drawn from the snapshot on the screen) stands in for them.
"use strict";

const CACHE = "kiosk-{{ version }}";
const LOCALES = {{ locales|tojson }};
const SHELL = [
  "/kiosk/",
  "{{ url_for('kiosk.static', filename='kiosk/kiosk.css') }}",
  "{{ url_for('kiosk.static', filename='kiosk/kiosk.js') }}",
  "{{ url_for('kiosk.static', filename='kiosk/offline.js') }}",
  ...LOCALES.flatMap((locale) => [`/kiosk/${locale}/offline`, `/kiosk/${locale}/snapshot.json`]),
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("kiosk-") && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

function localeOf(path) {
  const locale = path.split("/")[2];
  return LOCALES.includes(locale) ? locale : null;
}

async function fresh(request) {
  // Network first, refreshing the kept copy; the kept copy when the network is gone.
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
}

async function page(request, path) {
  try {
    return await fetch(request);
  } catch (error) {
    const locale = localeOf(path);
    const stand_in = await caches.match(locale ? `/kiosk/${locale}/offline` : "/kiosk/");
    if (stand_in) return stand_in;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || !url.pathname.startsWith("/kiosk/")) return;
  if (event.request.mode === "navigate") {
    event.respondWith(page(event.request, url.pathname));
  } else if (url.pathname.startsWith("/kiosk/static/") || url.pathname.endsWith("/snapshot.json")) {
    event.respondWith(fresh(event.request));
  }
  // Everything else (the "still here" probe among them) goes to the network as it is.
});
