// No blank screen, in every engine: where the widget cannot run, the host element keeps the message
// its own HTML carries (what would appear there, and whom to ask about the trial). Each missing
// feature is removed by an init script before any script of the page runs; a module that fails to
// load is answered 404 by the server. Whether the widget mounted is read only once the loader has
// settled (LOADER_WATCH), so that "not mounted" means "never will be".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RECORDER, forEachEngine, screenshot } from './engines/index.mjs';

const SEED_CONTACT = [/ask your doctor/, /Chongqing Precision Biotech/, /NCT04265963/];
const SECOND_CONTACT = [/ask the study nurse/, /nurse@example\.org/, /DEMO-0001/];

const WITHOUT = {
  'WebAssembly': 'delete globalThis.WebAssembly;',
  'shadow DOM': 'delete Element.prototype.attachShadow;',
  // Safari before 16.4: shadow roots cannot adopt stylesheets.
  'adoptedStyleSheets': 'delete ShadowRoot.prototype.adoptedStyleSheets; delete Document.prototype.adoptedStyleSheets;',
  // Safari before 16.4 again: CSSStyleSheet exists but cannot be constructed.
  'constructed stylesheets': `window.CSSStyleSheet = function CSSStyleSheet() { throw new TypeError('Illegal constructor'); };`,
};

/**
 * Counts the loader's asynchronous work in flight (fetch, reading a response, compiling or
 * instantiating WebAssembly) from before any script of the page runs. Everything else the loader
 * does between those steps is synchronous or a microtask, so once the page has loaded and nothing is
 * in flight, a new task sees the loader finished: mounted, declined, or failed.
 */
const LOADER_WATCH = `(() => {
  window.__inFlight = 0;
  const watch = (owner, name) => {
    const original = owner && owner[name];
    if (typeof original !== 'function') return;
    owner[name] = function (...args) {
      window.__inFlight += 1;
      const settled = () => { window.__inFlight -= 1; };
      const promise = original.apply(this, args);
      promise.then(settled, settled);
      return promise;
    };
  };
  watch(window, 'fetch');
  watch(Response.prototype, 'arrayBuffer');
  for (const name of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming']) watch(globalThis.WebAssembly, name);
})();`;

/**
 * Waits until the loader has settled (LOADER_WATCH), then imports the page's entry module again:
 * "ran", or "failed: …" where the engine reports the failure on a second import. WebKit does not:
 * it resolves a second import of a module whose top-level await threw, without waiting for it, and
 * fires no error event either (capabilities.moduleFailureOnReimport).
 */
async function loaderSettled(page, entry) {
  await page.waitUntil(() => document.readyState === 'complete' && window.__inFlight === 0, null, 'the loader to settle');
  return page.evaluate((module) => import(new URL(module, location.href).href).then(() => 'ran', (error) => `failed: ${error}`), entry);
}

/** Asserts that the loader failed, where the engine can tell; says so where it cannot. */
function assertLoaderFailed(t, running, settled) {
  if (running.engine.capabilities.moduleFailureOnReimport) {
    assert.match(settled, /^failed/, 'the loader failed');
  } else {
    t.diagnostic(`${running.name}: a failed module resolves when imported again; checked instead: no widget mounted and the message shows`);
  }
}

/** Each host element: whether the widget mounted, and what of its own HTML a person can see. */
function hosts(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-prescreen]')].map((host) => ({
    id: host.id,
    // The widget, not the start page shown while it loads (embed/early-start.js): where the widget
    // fails to load, that page gives way to a <slot> that shows the host's own message.
    mounted: Boolean(host.shadowRoot?.querySelector('.ps-widget:not([data-ps-early] *)')),
    // innerText is what is rendered: it is empty for light-DOM children hidden by a shadow root.
    shownText: host.innerText.replace(/\s+/g, ' ').trim(),
    fallbackHeight: Math.round(host.querySelector('p')?.getBoundingClientRect().height ?? 0),
    language: host.closest('[lang]')?.getAttribute('lang'),
  })));
}

function assertFallbackShown(found, label) {
  const [seed, second] = found;
  for (const [host, contact] of [[seed, SEED_CONTACT], [second, SECOND_CONTACT]]) {
    assert.equal(host.mounted, false, `${label}: ${host.id} has no widget`);
    assert.ok(host.fallbackHeight > 0, `${label}: ${host.id}'s message takes room on the page`);
    assert.equal(host.language, 'en', `${label}: the message is in the page's language`);
    for (const expected of contact) assert.match(host.shownText, expected, `${label}: ${host.id} shows the trial's contact`);
  }
}

forEachEngine('no blank screen', {}, (running) => {
  test('with every feature present the widget replaces the message', async () => {
    const page = await running.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(LOADER_WATCH);
    await page.goto(`${running.server.url}two-widgets.html`);
    assert.equal(await loaderSettled(page, 'prescreen.js'), 'ran');
    // Straight after the loader settles, with no further wait: this is what makes "not mounted"
    // below mean "never will be", in every engine.
    for (const host of await hosts(page)) {
      assert.equal(host.mounted, true, host.id);
      assert.equal(host.fallbackHeight, 0, `${host.id}: the message is hidden once the widget runs`);
      assert.doesNotMatch(host.shownText, /ask your doctor|ask the study nurse/, `${host.id}: the message is not shown`);
    }
    await page.close();
  });

  for (const [feature, removal] of Object.entries(WITHOUT)) {
    test(`without ${feature} the host elements show their message`, async (t) => {
      if (running.engine.capabilities.initScripts.startsWith('injected')) {
        t.diagnostic(`${running.name}: no init scripts over WebDriver classic; the test server injects the removal as the page's first script`);
      }
      const page = await running.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(RECORDER);
      await page.addInitScript(removal);
      await page.addInitScript(LOADER_WATCH);
      await page.goto(`${running.server.url}two-widgets.html`);
      const settled = await loaderSettled(page, 'prescreen.js');
      if (feature === 'WebAssembly') assertLoaderFailed(t, running, settled);
      else assert.equal(settled, 'ran', 'the loader ran and chose not to mount');
      if (feature !== 'WebAssembly') assert.deepEqual(await page.evaluate(() => window.__errors), [], 'the widget declined quietly');
      assertFallbackShown(await hosts(page), `without ${feature}`);
      await screenshot(page, `fallback-without-${feature.replace(/ /g, '-')}`);
      await page.close();
    });
  }

  // Each build's files, on a page that loads it: two-widgets.html reads a definition URL (the
  // build that can), index.html shows only the compiled-in trial (the smaller build).
  for (const [missing, path] of [
    ['prescreen-widget_bg.wasm', 'two-widgets.html'], ['prescreen-widget.js', 'two-widgets.html'],
    ['prescreen-seed_bg.wasm', 'index.html'], ['prescreen-seed.js', 'index.html'],
  ]) {
    test(`when ${missing} fails to load the host elements show their message`, async (t) => {
      const page = await running.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(LOADER_WATCH);
      await page.goto(`${running.server.url}__without/${missing}/${path}`);
      // prescreen.js imports the build it picks dynamically, so a missing file fails its top-level
      // await, which WebKit resolves when the module is imported again.
      assertLoaderFailed(t, running, await loaderSettled(page, 'prescreen.js'));
      const found = await hosts(page);
      if (path === 'two-widgets.html') {
        assertFallbackShown(found, `${missing} missing`);
      } else {
        assert.equal(found.length, 1);
        assert.equal(found[0].mounted, false, `${missing} missing: no widget`);
        assert.ok(found[0].fallbackHeight > 0, `${missing} missing: the message takes room on the page`);
        for (const expected of SEED_CONTACT) assert.match(found[0].shownText, expected);
      }
      if (missing === 'prescreen-widget_bg.wasm') await screenshot(page, 'fallback-module-failed');
      await page.close();
    });
  }

  test('the strict-CSP entry point leaves the message too when WebAssembly is missing', async (t) => {
    const page = await running.newPage();
    await page.addInitScript('delete globalThis.WebAssembly;');
    await page.addInitScript(LOADER_WATCH);
    await page.goto(`${running.server.url}strict-csp.html`);
    assertLoaderFailed(t, running, await loaderSettled(page, 'prescreen-strict.js'));
    const [host] = await hosts(page);
    assert.equal(host.mounted, false);
    assert.ok(host.fallbackHeight > 0);
    for (const expected of SEED_CONTACT) assert.match(host.shownText, expected);
    await page.close();
  });
});
