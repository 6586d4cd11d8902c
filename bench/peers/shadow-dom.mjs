// The peer harness (../shared/bench/peers) finds elements with document.querySelector and watches
// the document with MutationObservers, so it cannot see into a shadow root. Prescreen renders each
// widget in an open shadow root (so a host page's CSS cannot reach it). This rewrites the harness's
// in-page script, in the scratch copy only, so that lookups fall back to open shadow roots and the
// observers also watch them. Pages without shadow roots behave exactly as before: the document is
// searched first and no shadow root is ever registered.

const SHADOW_SUPPORT = `
  // [prescreen bench] open shadow roots created by the page, searched after the document.
  const shadowRoots = [], onShadowRoot = [];
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (init && init.mode === 'open') { shadowRoots.push(root); for (const f of onShadowRoot) f(root); }
    return root;
  };
  const query = sel => {
    const found = document.querySelector(sel);
    if (found) return found;
    for (const root of shadowRoots) { const e = root.querySelector(sel); if (e) return e; }
    return null;
  };
`;

// [what to find, what to put instead, how many times it must occur]
const EDITS = [
  ['document.querySelector(', 'query(', 7],
  ['const B = (window.__bench = { cfg, t: {}, ready: false, longTasks: [] });',
    `const B = (window.__bench = { cfg, t: {}, ready: false, longTasks: [] });${SHADOW_SUPPORT}`, 1],
  ['mo.observe(document, { childList: true, subtree: true });',
    'mo.observe(document, { childList: true, subtree: true });\n' +
    '  onShadowRoot.push(root => { if (!B.t.firstInputDom) mo.observe(root, { childList: true, subtree: true }); });', 1],
  ['obs.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });',
    'obs.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });\n' +
    '      for (const root of shadowRoots) obs.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });', 1],
];

/** The harness's lib/inpage.js source, made shadow-root aware. Throws if the harness changed shape. */
export function shadowAware(source) {
  let out = source;
  for (const [from, to, times] of EDITS) {
    const found = out.split(from).length - 1;
    if (found !== times) throw new Error(`peer harness changed: expected ${times}× ${JSON.stringify(from)} in lib/inpage.js, found ${found}`);
    out = out.split(from).join(to);
  }
  return out;
}
