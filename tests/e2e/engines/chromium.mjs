// Chromium (Chrome, Edge, Samsung Internet, Android's WebView): Debian's chromium driven by
// playwright-core, launched exactly as the Chromium-only tests launch it (browser.mjs). Every check
// runs here: native init scripts, request events, downloads to disk, forced-colours emulation.
import { launch } from '../browser.mjs';

export const CAPABILITIES = {
  moduleFailureOnReimport: true,
  initScripts: 'native (Playwright addInitScript)',
  requestEvents: true,
  downloadsToDisk: true,
  forcedColours: 'emulated (Playwright forcedColors)',
};

export async function launchChromium() {
  const browser = await launch();
  return {
    name: 'chromium',
    version: browser.version(),
    capabilities: CAPABILITIES,
    async newPage({ viewport = { width: 1024, height: 900 }, forcedColours = false } = {}) {
      const context = await browser.newContext({ viewport, acceptDownloads: true, forcedColors: forcedColours ? 'active' : 'none' });
      const page = await context.newPage();
      return new HandleAdapter(page, {
        close: () => context.close(),
        selectOption: (handle, value) => handle.selectOption(value),
        downloads: (action) => Promise.all([page.waitForEvent('download'), action()])
          .then(async ([download]) => ({ name: download.suggestedFilename(), path: await download.path() })),
      });
    },
    close: () => browser.close(),
  };
}

/**
 * Playwright's and Puppeteer's pages share the calls used here (evaluate, evaluateHandle,
 * contentFrame, click, keyboard, screenshot, request events), so one adapter serves both.
 */
export class HandleAdapter {
  constructor(page, { close, selectOption, downloads, addInitScript }) {
    this.page = page;
    this.closeContext = close;
    this.selectWith = selectOption;
    this.downloadWith = downloads;
    this.addInitScriptWith = addInitScript ?? ((source) => page.addInitScript(source));
  }

  goto(url) { return this.page.goto(url); }
  addInitScript(source) { return this.addInitScriptWith(source); }
  setViewport(size) { return this.page.setViewportSize ? this.page.setViewportSize(size) : this.page.setViewport(size); }
  close() { return this.closeContext(); }

  async #frame(frame) {
    if (!frame) return this.page.mainFrame();
    const element = await this.page.$(frame);
    return element.contentFrame();
  }

  async run(frame, source) {
    return (await this.#frame(frame)).evaluate(source);
  }

  async element(frame, source) {
    const handle = await (await this.#frame(frame)).evaluateHandle(source);
    return handle.asElement();
  }

  click(handle) { return handle.click(); }

  /** Clicks into the field, selects what it holds, and types over it, as a person would. */
  async fill(frame, source, text) {
    const handle = await this.element(frame, source);
    await handle.click();
    await handle.evaluate((field) => field.select());
    if (text) await this.page.keyboard.type(text);
    else await this.page.keyboard.press('Backspace');
  }

  async selectOption(frame, source, value) {
    await this.selectWith(await this.element(frame, source), value);
  }

  // Both name the space bar by its key value, ' '.
  press(key) { return this.page.keyboard.press(key === 'Space' ? ' ' : key); }
  type(text) { return this.page.keyboard.type(text); }

  screenshot({ fullPage = false } = {}) {
    return this.page.screenshot({ fullPage }).then((image) => Buffer.from(image));
  }

  recordRequests() {
    const urls = [];
    const listener = (request) => urls.push(request.url());
    this.page.on('request', listener);
    return { stop: () => { this.page.off('request', listener); return urls; } };
  }

  /** The file the browser saved when `action` ran, as {name, path}; null where it cannot tell. */
  download(action) { return this.downloadWith(action); }
}
