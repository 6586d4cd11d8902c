// Prescreen's entry point for host pages. Add it once, as an ES module, next to the elements that
// ask for a widget:
//
//   <div data-prescreen></div>
//   <script type="module" src="/prescreen/prescreen.js"></script>
//
// It loads the widget's WebAssembly from beside this file and mounts a widget in every element
// with `data-prescreen`. No inline script is needed, so a strict Content-Security-Policy holds.
//
// There are two builds of the widget. When every widget on the page shows the compiled-in trial,
// this loads prescreen-seed.js, which leaves out what reading a definition or catalogue by URL
// needs (the checking loader, the catalogue, the portal); otherwise prescreen-widget.js. The
// elements are those the widget mounts in: every `[data-prescreen]`, or `#prescreen` when there is
// none (src/ui/host.rs). prescreen-strict.js makes the same choice; it is written out in both, not
// shared, because a shared module would be one more request before the widget can start.
const hosts = [...document.querySelectorAll('[data-prescreen]')];
if (hosts.length === 0 && document.getElementById('prescreen')) hosts.push(document.getElementById('prescreen'));
const byUrl = hosts.some((host) => host.getAttribute('data-definition-url') || host.getAttribute('data-catalogue-url'));
const build = byUrl ? 'prescreen-widget' : 'prescreen-seed';

// The start page while the WebAssembly loads (embed/early-start.js, written in here by
// scripts/package-dist.mjs; without it, nothing shows early).
const earlyStart = { show: () => [], withdraw: () => {} };
const early = earlyStart.show(hosts);
// The .wasm is fetched while the glue module loads, not after it: both are needed to start.
const wasm = fetch(new URL(`./${build}_bg.wasm`, import.meta.url));

try {
  const { default: init } = await import(`./${build}.js`);
  await init({ module_or_path: wasm });
} finally {
  // The widget has taken over every early start page; where it could not, the host's message shows.
  earlyStart.withdraw(early);
}
