// WebKit (Safari's engine; on iOS every browser, WeChat's in-app one included): Debian's WebKitGTK
// MiniBrowser driven by its WebKitWebDriver through selenium-webdriver, under a virtual X display
// (MiniBrowser's --headless hung on these machines). Each page is a new WebDriver session: a fresh
// MiniBrowser with its own storage.
//
// WebDriver classic has no init scripts, no request events and no download events, so:
// - init scripts are injected by the test server as the first <script> of the page (server.mjs),
//   which runs before any script of the page just as an init script does;
// - requests are read from the page's Resource Timing entries, beside the server's own log;
// - downloads are checked in the page (the Blob handed to URL.createObjectURL), not on disk;
// - text fields are typed into with Element Send Keys, which focuses the field without a pointer:
//   WebKitWebDriver reports a pointer click on a text field inside a shadow root as intercepted
//   (its hit test lands on the field's own inner editor), while clicks on labels and buttons work;
// - forced colours: WebKit has no forced-colours mode (Safari offers none), so there is none to test;
// - a module whose top-level await threw resolves when imported again, and no error event fires
//   (Chromium and Firefox reject the import), so a failed load is seen only in what the page shows.
import { Builder, Key } from 'selenium-webdriver';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export const CAPABILITIES = {
  moduleFailureOnReimport: false,
  initScripts: 'injected by the test server as the first script of the page',
  requestEvents: false,
  downloadsToDisk: false,
  forcedColours: false,
};

const DRIVER = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
// Tall enough for a full-page screenshot of the longest result page: WebDriver screenshots only
// the viewport, so the window grows to the page's height, and X keeps windows within the screen.
const SCREEN = { width: 1600, height: 12000 };
const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP };

async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** Starts Xvfb on a display it picks itself (-displayfd), and returns the display and process. */
async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${SCREEN.width}x${SCREEN.height}x24`, '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return { display, process: xvfb };
}

export async function launchWebKit({ server }) {
  const { display, process: xvfb } = await startXvfb();
  const port = await freePort();
  const driverProcess = spawn(DRIVER, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  // Should the test process end without after() (a crash), the X server and the driver end with it.
  const stop = () => { driverProcess.kill(); xvfb.kill(); };
  process.once('exit', stop);
  const driverUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${driverUrl}/status`)).ok) break;
    } catch (error) {
      if (attempt > 100) throw new Error(`WebKitWebDriver did not start: ${error}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  const newSession = () => new Builder().usingServer(driverUrl).withCapabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  }).build();
  const probe = await newSession();
  const version = (await probe.getCapabilities()).get('browserVersion');
  await probe.quit();
  return {
    name: 'webkit',
    version: `WebKitGTK ${version}`,
    capabilities: CAPABILITIES,
    async newPage({ viewport = { width: 1024, height: 900 } } = {}) {
      const driver = await newSession();
      const adapter = new WebDriverAdapter(driver, server);
      await adapter.setViewport(viewport);
      return adapter;
    },
    async close() {
      process.off('exit', stop);
      stop();
    },
  };
}

class WebDriverAdapter {
  constructor(driver, server) {
    this.driver = driver;
    this.server = server;
    this.prefix = '';
    this.currentFrame = null;
  }

  addInitScript(source) {
    // One prefix holds every script added so far, in order.
    this.initSources = [...(this.initSources ?? []), source];
    this.prefix = this.server.initScriptPrefix(this.initSources.map((script) => `;${script}`).join('\n'));
  }

  async goto(url) {
    const target = new URL(url);
    if (this.prefix) target.pathname = `${this.prefix}${target.pathname}`;
    this.currentFrame = null;
    await this.driver.switchTo().defaultContent();
    await this.driver.get(target.href);
  }

  /**
   * Sets the viewport (not the window) to `size`: the window is larger by MiniBrowser's frame. The
   * window is centred on the screen, under the X pointer, which Xvfb leaves at the screen's centre:
   * with no window manager, X gives the keyboard focus to the window under the pointer, and without
   * it the document never has focus and `:focus` styles never apply.
   */
  async setViewport({ width, height }) {
    this.viewport = { width, height };
    // Within the screen: a window read while it was still resizing (a busy machine) can report an
    // inner size that would ask for a window larger than the screen, which the driver refuses.
    const clamp = (value, most) => Math.min(Math.max(Math.round(value), 100), most);
    const place = (outerWidth, outerHeight) => {
      const [w, h] = [clamp(outerWidth, SCREEN.width), clamp(outerHeight, SCREEN.height)];
      return this.driver.manage().window().setRect({ x: Math.round((SCREEN.width - w) / 2), y: Math.round((SCREEN.height - h) / 2), width: w, height: h });
    };
    await place(width, height);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const inner = await this.driver.executeScript('return [window.innerWidth, window.innerHeight]');
      if (inner[0] === width && inner[1] === height) break;
      await place(2 * width - inner[0], 2 * height - inner[1]);
    }
  }

  close() { return this.driver.quit(); }

  async #enter(frame) {
    if (frame === this.currentFrame) return;
    await this.driver.switchTo().defaultContent();
    if (frame) await this.driver.switchTo().frame(await this.driver.executeScript(`return document.querySelector(${JSON.stringify(frame)})`));
    this.currentFrame = frame;
  }

  async run(frame, source) {
    await this.#enter(frame);
    // WebDriver awaits a returned promise, as the other engines' evaluate does.
    return this.driver.executeScript(`return ${source};`);
  }

  async element(frame, source) {
    await this.#enter(frame);
    return this.driver.executeScript(`return ${source};`);
  }

  click(handle) { return handle.click(); }

  async fill(frame, source, text) {
    const field = await this.element(frame, source);
    if (await field.getAttribute('value') !== '' || (await this.run(frame, `${source}.value`)) !== '') await field.clear();
    if (text) await field.sendKeys(text);
  }

  async selectOption(frame, source, value) {
    // WebDriver picks an option by clicking it (the spec's "element click" on an <option>).
    const option = await this.element(frame, `${source}.querySelector(${JSON.stringify(`option[value="${value}"]`)})`);
    await option.click();
  }

  press(key) { return this.driver.actions().sendKeys(KEYS[key] ?? key).perform(); }
  type(text) { return this.driver.actions().sendKeys(text).perform(); }

  async screenshot({ fullPage = false } = {}) {
    if (!fullPage) return Buffer.from(await this.driver.takeScreenshot(), 'base64');
    // WebDriver's screenshot is of the viewport: grow the viewport to the page's height, then shrink.
    await this.#enter(null);
    const height = await this.driver.executeScript('return document.documentElement.scrollHeight');
    const { width, height: viewportHeight } = this.viewport;
    await this.setViewport({ width, height: Math.min(Math.max(height, viewportHeight), SCREEN.height - 200) });
    const image = Buffer.from(await this.driver.takeScreenshot(), 'base64');
    await this.setViewport({ width, height: viewportHeight });
    return image;
  }

  /** Requests from the top document's Resource Timing entries (WebDriver has no request events). */
  async recordRequests() {
    await this.#enter(null);
    const seen = await this.driver.executeScript('return performance.getEntriesByType("resource").length');
    return {
      stop: async () => {
        await this.#enter(null);
        return this.driver.executeScript(`return performance.getEntriesByType("resource").slice(${seen}).map((entry) => entry.name)`);
      },
    };
  }

  /** Runs `action`; the file it saves cannot be seen from here (see the top of this file). */
  async download(action) {
    await action();
    return null;
  }
}
