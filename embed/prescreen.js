// Prescreen's entry point for host pages. Add it once, as an ES module, next to the elements that
// ask for a widget:
//
//   <div data-prescreen></div>
//   <script type="module" src="/prescreen/prescreen.js"></script>
//
// It loads the widget's WebAssembly from beside this file and mounts a widget in every element
// with `data-prescreen`. No inline script is needed, so a strict Content-Security-Policy holds.
import init from './prescreen-widget.js';

await init({ module_or_path: new URL('./prescreen-widget_bg.wasm', import.meta.url) });
