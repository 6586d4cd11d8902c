// Prescreen's entry point for host pages whose Content-Security-Policy forbids every connection
// (`connect-src 'none'`). Fetching the .wasm file is a connection, so this entry point imports the
// WebAssembly as a JavaScript module instead (base64, written by scripts/build.sh); it is about a
// third larger over the wire than prescreen.js, which fetches the .wasm file.
//
//   <div data-prescreen></div>
//   <script type="module" src="/prescreen/prescreen-strict.js"></script>
//
// Like prescreen.js (which says why the choice is written out in both), it imports the smaller
// build, prescreen-seed, when every widget on the page shows the compiled-in trial.
const hosts = [...document.querySelectorAll('[data-prescreen]')];
if (hosts.length === 0 && document.getElementById('prescreen')) hosts.push(document.getElementById('prescreen'));
const byUrl = hosts.some((host) => host.getAttribute('data-definition-url') || host.getAttribute('data-catalogue-url'));
const build = byUrl ? 'prescreen-widget' : 'prescreen-seed';

// The start page while the WebAssembly loads (embed/early-start.js, written in here by
// scripts/package-dist.mjs; without it, nothing shows early).
const earlyStart = { show: () => [], withdraw: () => {} };
const early = earlyStart.show(hosts);

try {
  const [{ default: init }, { default: wasmBase64 }] = await Promise.all([
    import(`./${build}.js`),
    import(`./${build}-wasm.js`),
  ]);
  const text = atob(wasmBase64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
  await init({ module_or_path: bytes });
} finally {
  // The widget has taken over every early start page; where it could not, the host's message shows.
  earlyStart.withdraw(early);
}
