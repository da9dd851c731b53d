// Live search: any input with data-live-search="URL" queries URL?q=... as the user types (debounced) and renders
// the hits into the element named by data-live-results. Hits are JSON objects with url, code, name and detail.
(() => {
  "use strict";
  for (const input of document.querySelectorAll("input[data-live-search]")) {
    const target = document.querySelector(input.dataset.liveResults);
    if (!target) continue;
    let timer = 0, controller = null, last = "";
    const render = (hits, q) => {
      target.replaceChildren();
      if (!hits.length && q) {
        const li = document.createElement("li");
        li.className = "muted";
        li.textContent = `No match for “${q}”.`;
        target.append(li);
        return;
      }
      for (const hit of hits) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = hit.url;
        a.textContent = `${hit.code} ${hit.name}`;
        li.append(a);
        if (hit.detail) {
          const meta = document.createElement("div");
          meta.className = "meta";
          meta.textContent = hit.detail;
          li.append(meta);
        }
        target.append(li);
      }
    };
    const run = async () => {
      const q = input.value.trim();
      if (q === last) return;
      last = q;
      if (controller) controller.abort();
      if (q.length < 2) { target.replaceChildren(); return; }
      controller = new AbortController();
      try {
        const response = await fetch(`${input.dataset.liveSearch}?q=${encodeURIComponent(q)}&limit=20`, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const body = await response.json();
        render(body.hits ?? body, q);
      } catch (e) {
        if (e.name !== "AbortError") console.error(e);
      }
    };
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 120); });
    if (input.value) run();
  }
})();
