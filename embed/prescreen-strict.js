// Prescreen's entry point for host pages whose Content-Security-Policy forbids every connection
// (`connect-src 'none'`). Fetching the .wasm file is a connection, so this entry point imports the
// WebAssembly as a JavaScript module instead (base64, written by scripts/build.sh); it is about a
// third larger over the wire than prescreen.js, which fetches the .wasm file.
//
//   <div data-prescreen></div>
//   <script type="module" src="/prescreen/prescreen-strict.js"></script>
import init from './prescreen-widget.js';
import wasmBase64 from './prescreen-widget-wasm.js';

const text = atob(wasmBase64);
const bytes = new Uint8Array(text.length);
for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
await init({ module_or_path: bytes });
