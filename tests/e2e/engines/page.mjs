// The one interface the three-engine tests are written against. An engine adapter (chromium.mjs,
// webkit.mjs, firefox.mjs) supplies a handful of primitives; everything a test calls is built here
// from them, so that a test is written once and means the same thing in every engine.
//
// Primitives an adapter's page provides:
//   goto(url), addInitScript(source), setViewport({width, height}), close()
//   run(frame, source)        evaluates the expression `source` in the top document (frame null) or
//                             in the iframe matched by the selector `frame`; returns a JSON value
//   element(frame, source)    the same, for an expression that yields an element: a native handle
//   click(handle)             a real pointer click at the element's centre, as a person would
//   fill(frame, source, text) types `text` into the text field the expression yields, replacing
//                             what it holds
//   selectOption(frame, source, value)  picks an <option> of the <select> the expression yields
//   press(key), type(text)    keys to the focused element ('Tab', 'Enter', 'Space', 'ArrowDown')
//   screenshot({fullPage})    a PNG Buffer of the viewport, or of the whole page
//   recordRequests()          null where the engine cannot watch its own requests, else a recorder
//                             whose stop() returns the URLs requested since

const POLL_MS = 50;
const POLL_LIMIT = 300; // 15 s: long enough for a cold WebAssembly start on 2 busy cores.

/** The source of a call to `fn` with `arg`, to evaluate in a page: every engine takes a string. */
export function call(fn, arg) {
  return `(${fn})(${JSON.stringify(arg ?? null)})`;
}

export class Page {
  constructor(engine, adapter) {
    this.engine = engine;
    this.adapter = adapter;
  }

  goto(url) { return this.adapter.goto(url); }
  addInitScript(source) { return this.adapter.addInitScript(source); }
  setViewport(size) { return this.adapter.setViewport(size); }
  close() { return this.adapter.close(); }
  press(key) { return this.adapter.press(key); }
  type(text) { return this.adapter.type(text); }
  screenshot(options = {}) { return this.adapter.screenshot(options); }
  recordRequests() { return this.adapter.recordRequests(); }

  /** Runs `fn(arg)` in the top document and returns its JSON value (awaited if it is a promise). */
  evaluate(fn, arg) { return this.adapter.run(null, call(fn, arg)); }

  /** Polls `fn(arg)` in the page until it returns something truthy, and returns that. */
  async waitUntil(fn, arg, description = String(fn)) {
    for (let attempt = 0; attempt < POLL_LIMIT; attempt += 1) {
      const value = await this.evaluate(fn, arg);
      if (value) return value;
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
    throw new Error(`${this.engine}: waited in vain for ${description}`);
  }

  /** The widget in the element `host` (inside the iframe `frame`, if given). */
  widget(host = '[data-prescreen]', { frame = null } = {}) {
    return new WidgetScope(this, host, frame);
  }
}

/**
 * One widget: selectors are matched inside its shadow root. Every action finds its element afresh,
 * since Yew replaces elements between screens.
 */
export class WidgetScope {
  constructor(page, host, frame) {
    this.page = page;
    this.host = host;
    this.frame = frame;
  }

  /** Runs `fn(root, arg)` with the widget's shadow root (null before it mounts) in its document. */
  evaluate(fn, arg) {
    const wrapper = `(async (host, arg) => (${fn})(document.querySelector(host)?.shadowRoot ?? null, arg))`;
    return this.page.adapter.run(this.frame, `${wrapper}(${JSON.stringify(this.host)}, ${JSON.stringify(arg ?? null)})`);
  }

  #locate(selector) {
    return `document.querySelector(${JSON.stringify(this.host)}).shadowRoot.querySelector(${JSON.stringify(selector)})`;
  }

  async #handle(selector) {
    await this.waitFor(selector);
    return this.page.adapter.element(this.frame, this.#locate(selector));
  }

  async waitUntil(fn, arg, description = String(fn)) {
    for (let attempt = 0; attempt < POLL_LIMIT; attempt += 1) {
      const value = await this.evaluate(fn, arg);
      if (value) return value;
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
    throw new Error(`${this.page.engine}: waited in vain for ${description}`);
  }

  waitFor(selector) {
    return this.waitUntil((root, wanted) => Boolean(root?.querySelector(wanted)), selector, selector);
  }

  count(selector) {
    return this.evaluate((root, wanted) => root?.querySelectorAll(wanted).length ?? 0, selector);
  }

  attribute(selector, name) {
    return this.evaluate((root, [wanted, attribute]) => root?.querySelector(wanted)?.getAttribute(attribute) ?? null, [selector, name]);
  }

  text(selector) {
    return this.evaluate((root, wanted) => root?.querySelector(wanted)?.innerText ?? null, selector);
  }

  value(selector) {
    return this.evaluate((root, wanted) => root?.querySelector(wanted)?.value ?? null, selector);
  }

  async click(selector) {
    const early = await this.evaluate((root) => Boolean(root?.querySelector('[data-ps-early]')));
    try {
      await this.page.adapter.click(await this.#handle(selector));
    } catch (error) {
      // The start page shown while the widget loads (embed/early-start.js) is replaced by the
      // widget's own, the same markup in the same place: where the element found went with it
      // (between finding it and the driver's handle to it, or before the click), a person's click
      // lands on its twin, so the click is made again on the element now there. Only then: any
      // other element gone from under a click is a failure.
      if (!early || !/detached|not attached|stale/i.test(String(error))) throw error;
      await this.page.adapter.click(await this.#handle(selector));
    }
  }

  /** Types `text` into a text field, over what it holds. */
  async fill(selector, text) {
    await this.waitFor(selector);
    await this.page.adapter.fill(this.frame, this.#locate(selector), text);
    const typed = await this.value(selector);
    if (typed !== text) throw new Error(`${this.page.engine}: ${selector} holds ${typed}, not ${text}`);
  }

  async select(selector, value) {
    await this.waitFor(selector);
    await this.page.adapter.selectOption(this.frame, this.#locate(selector), value);
    const picked = await this.value(selector);
    if (picked !== value) throw new Error(`${this.page.engine}: ${selector} holds ${picked}, not ${value}`);
  }

  /** The focused element in the widget, described for assertions. */
  focused() {
    return this.evaluate((root) => {
      const element = root?.activeElement;
      return element && { tag: element.tagName.toLowerCase(), name: element.getAttribute('name'), value: element.value ?? null,
        type: element.getAttribute('type'), checked: element.checked ?? null, text: element.textContent.trim(), className: String(element.className) };
    });
  }
}
