// Firefox (Firefox ESR on hospital workstations): Debian's firefox-esr driven over WebDriver BiDi
// by puppeteer-core (Playwright cannot drive a stock Firefox). BiDi gives init scripts (preload
// scripts), request events and pierce-free evaluation. Downloads are not reported over BiDi here,
// so Firefox is told to save them without asking into a folder the test watches.
// Forced colours: Firefox turns `forced-colors: active` on when told to use the user's colours on
// every page (browser.display.document_color_use = 2), so that mode is a second launch with that
// preference.
import puppeteer from 'puppeteer-core';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HandleAdapter } from './chromium.mjs';

export const CAPABILITIES = {
  moduleFailureOnReimport: true,
  initScripts: 'native (BiDi preload script, puppeteer evaluateOnNewDocument)',
  requestEvents: true,
  downloadsToDisk: true,
  forcedColours: 'real (a second launch with browser.display.document_color_use = 2)',
};

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

export async function launchFirefox() {
  const downloads = mkdtempSync(join(tmpdir(), 'prescreen-firefox-downloads-'));
  const browsers = new Map();
  const browserFor = async (forcedColours) => {
    if (!browsers.has(forcedColours)) {
      browsers.set(forcedColours, puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX,
        headless: true,
        extraPrefsFirefox: {
          'browser.download.dir': downloads,
          'browser.download.folderList': 2,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.download.start_downloads_in_tmp_dir': false,
          // No update checks, telemetry or other traffic of the browser's own.
          'app.update.enabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          ...(forcedColours ? { 'browser.display.document_color_use': 2 } : {}),
        },
      }));
    }
    return browsers.get(forcedColours);
  };
  const first = await browserFor(false);
  return {
    name: 'firefox',
    version: await first.version(),
    capabilities: CAPABILITIES,
    async newPage({ viewport = { width: 1024, height: 900 }, forcedColours = false } = {}) {
      const browser = await browserFor(forcedColours);
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(viewport);
      return new HandleAdapter(page, {
        close: () => context.close(),
        selectOption: (handle, value) => handle.select(value),
        addInitScript: (source) => page.evaluateOnNewDocument(source),
        downloads: async (action) => {
          const before = new Set(readdirSync(downloads));
          await action();
          for (let attempt = 0; attempt < 200; attempt += 1) {
            const added = readdirSync(downloads).filter((name) => !before.has(name) && !name.endsWith('.part'));
            if (added.length) return { name: added[0], path: join(downloads, added[0]) };
            await new Promise((done) => setTimeout(done, 50));
          }
          return { name: null, path: null };
        },
      });
    },
    async close() {
      for (const browser of browsers.values()) await (await browser).close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}
