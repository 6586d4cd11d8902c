// End-to-end: the demonstration host pages. Each page is completed through the UI; none makes a
// request after load or writes storage; the strict-CSP page sees no violation; hostile host CSS
// neither breaks the widget nor is changed by it; two widgets stay apart; the iframe reports its
// height and nothing else.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, completeThroughUi, openDemoVariant, screenshot, seedCase, serveAndLaunch, widgetsLoaded } from './browser.mjs';

const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const running = serveAndLaunch({
    headersFor: (path) => (path === '/strict-csp.html' ? { 'content-security-policy': STRICT_CSP } : {}),
  });

/** Opens a demo page, recording CSP violations, requests after load, and page errors. */
async function openPage(path, { block = [] } = {}) {
  const context = await running.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  for (const pattern of block) await page.route(pattern, (route) => route.abort());
  await page.goto(`${running.server.url}${path}`);
  return { context, page, errors };
}

async function assertNothingLeavesAfter(page, action) {
  await widgetsLoaded(page);
  const requests = [];
  const listener = (request) => requests.push(request.url());
  page.on('request', listener);
  const serverCount = running.server.requests.length;
  await action();
  await page.waitForTimeout(300);
  page.off('request', listener);
  assert.deepEqual(requests.filter((url) => !url.startsWith('blob:')), [], 'no request from the browser after load');
  assert.equal(running.server.requests.length, serverCount, 'no request reached the server after load');
  const storage = await page.evaluate(async () => ({
    cookie: document.cookie, local: localStorage.length, session: sessionStorage.length, databases: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(storage, { cookie: '', local: 0, session: 0, databases: 0 });
}

describe('strict Content-Security-Policy page', () => {
  test('works start to result, print and download included, with zero violations', async () => {
    const { context, page, errors } = await openPage('strict-csp.html');
    await page.getByRole('button', { name: 'Start' }).waitFor();
    await assertNothingLeavesAfter(page, async () => {
      const shown = await completeThroughUi(page, seedCase('eligible_woman'));
      assert.equal(shown.outcome, 'likely_eligible');
      await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
      await page.getByRole('button', { name: 'Print or save as PDF' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my answers' }).click()]);
      assert.equal(JSON.parse(readFileSync(await download.path(), 'utf8')).outcome, 'likely_eligible');
    });
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('hostile host stylesheet', () => {
  const probe = (page) => page.evaluate(() => Object.fromEntries(['host-probe', 'host-button'].map((id) => {
    const style = getComputedStyle(document.getElementById(id));
    return [id, ['font-size', 'color', 'padding', 'margin', 'display', 'background-color', 'border-top-style', 'box-sizing', 'font-family']
      .map((property) => `${property}: ${style.getPropertyValue(property)}`).join('; ')];
  })));

  test('the widget still works and looks right, and leaves host elements as they were', async () => {
    const without = await openPage('hostile.html', { block: ['**/prescreen.js'] });
    const hostStylesWithout = await probe(without.page);
    await without.context.close();

    const { context, page, errors } = await openPage('hostile.html');
    await page.getByRole('button', { name: 'Start' }).waitFor();
    assert.deepEqual(await probe(page), hostStylesWithout, 'the widget changed no host element');
    const looks = await page.evaluate(() => {
      const root = document.querySelector('[data-prescreen]').shadowRoot;
      const heading = getComputedStyle(root.querySelector('h1'));
      const button = getComputedStyle(root.querySelector('.ps-button'));
      return { headingSize: parseFloat(heading.fontSize), headingColour: heading.color, buttonDisplay: button.display,
        buttonBackground: button.backgroundColor, boxSizing: button.boxSizing };
    });
    assert.ok(looks.headingSize < 40, `heading font size ${looks.headingSize}px`);
    assert.notEqual(looks.headingColour, 'rgb(255, 0, 0)');
    assert.equal(looks.buttonDisplay, 'inline-block');
    assert.equal(looks.buttonBackground, 'rgb(0, 112, 60)');
    assert.equal(looks.boxSizing, 'border-box');
    await screenshot(page, 'hostile-host-start');
    const shown = await completeThroughUi(page, seedCase('cd123_unknown'));
    assert.equal(shown.outcome, 'needs_review');
    await screenshot(page, 'hostile-host-result');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('two widgets on one page', () => {
  test('keep separate answers and results', async () => {
    const { context, page } = await openPage('two-widgets.html');
    const seedWidget = page.locator('#widget-seed');
    const secondWidget = page.locator('#widget-second');
    await seedWidget.getByRole('button', { name: 'Start' }).waitFor();
    await secondWidget.getByRole('heading', { name: /demonstration trial/ }).waitFor();
    await assertNothingLeavesAfter(page, async () => {
      // Half-way through the first widget, then all the way through the second.
      await seedWidget.getByRole('button', { name: 'Start' }).click();
      await seedWidget.locator('input[name="age_years"]').fill('45');
      await seedWidget.getByRole('button', { name: 'Continue' }).click();
      await seedWidget.locator('[data-question="sex"]').waitFor();
      const second = await completeThroughUi(secondWidget, { answers: { age_years: 70 } });
      assert.equal(second.outcome, 'not_eligible');
      assert.deepEqual(second.asked, ['age_years']);
      // The first widget is where it was, with its own answer.
      await seedWidget.locator('[data-question="sex"]').waitFor();
      await seedWidget.getByRole('link', { name: 'Back' }).click();
      assert.equal(await seedWidget.locator('input[name="age_years"]').inputValue(), '45');
      assert.equal(await seedWidget.locator('[data-outcome]').count(), 0);
    });
    await screenshot(page, 'portal-two-widgets');
    await context.close();
  });
});

describe('iframe embed', () => {
  /** Completes a case in the demo's frame at `viewport`, returning every message the parent got. */
  async function messagesFor(caseName, viewport, frameSource = null) {
    const context = await running.browser.newContext({ viewport });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__messages = [];
      window.addEventListener('message', (event) => window.__messages.push(event.data));
    });
    if (frameSource) {
      const html = readFileSync(join(DIST, 'iframe.html'), 'utf8').replace('data-src="frame.html"', `src="${frameSource}"`);
      await page.route('**/iframe-variant.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.goto(`${running.server.url}iframe-variant.html`);
    } else {
      await page.goto(`${running.server.url}iframe.html`);
    }
    const frame = page.frameLocator('iframe[data-prescreen-frame]');
    await frame.getByRole('button', { name: 'Start' }).waitFor();
    const shown = await completeThroughUi(frame, seedCase(caseName));
    await page.waitForTimeout(300);
    const messages = await page.evaluate(() => window.__messages);
    const frameHeight = await page.locator('iframe[data-prescreen-frame]').evaluate((element) => element.getBoundingClientRect().height);
    const sandbox = await page.locator('iframe[data-prescreen-frame]').getAttribute('sandbox');
    await context.close();
    return { outcome: shown.outcome, messages, frameHeight, sandbox };
  }

  test('the parent learns one height, for the first page, and cannot tell outcomes apart', async () => {
    for (const viewport of [{ width: 320, height: 700 }, { width: 1280, height: 900 }]) {
      const runs = [];
      for (const caseName of ['eligible_woman', 'cd123_unknown', 'age_76']) runs.push(await messagesFor(caseName, viewport));
      assert.deepEqual(runs.map((run) => run.outcome), ['likely_eligible', 'needs_review', 'not_eligible']);
      for (const run of runs) {
        assert.equal(run.messages.length, 1, `${viewport.width}px, ${run.outcome}: ${JSON.stringify(run.messages)}`);
        assert.deepEqual(Object.keys(run.messages[0]).sort(), ['height', 'type']);
        assert.equal(run.messages[0].type, 'prescreen:height');
        assert.ok(Number.isInteger(run.messages[0].height) && run.messages[0].height > 0);
        assert.equal(Math.round(run.frameHeight), Math.max(200, run.messages[0].height));
        assert.doesNotMatch(run.sandbox, /allow-same-origin/, 'the frame runs in an opaque origin');
      }
      assert.deepEqual(runs.map((run) => run.messages), [runs[0].messages, runs[0].messages, runs[0].messages],
        `${viewport.width}px: the same messages whatever the outcome`);
    }
  });

  test('a frame told to post to any origin, or to another one, posts nothing here', async () => {
    for (const source of ['frame.html?origin=*', 'frame.html?origin=https://elsewhere.example', 'frame.html']) {
      const run = await messagesFor('age_76', { width: 800, height: 700 }, source);
      assert.deepEqual(run.messages, [], source);
    }
  });
});

describe('host events and leaving the page', () => {
  async function openVariant(attributes) {
    const { context, page, open } = await openDemoVariant(running, attributes);
    await page.addInitScript(() => {
      window.__events = [];
      document.addEventListener('prescreen:outcome', (event) => window.__events.push(event.detail));
    });
    await open();
    return { context, page };
  }

  test('the outcome event is sent only when the host asks, and carries no answer', async () => {
    for (const [attributes, expected] of [['data-events="outcome"', [{ trial: 'cd123-car-t-aml', outcome: 'not_eligible' }]], ['', []]]) {
      const { context, page } = await openVariant(attributes);
      await completeThroughUi(page, seedCase('kps_60'));
      await page.waitForTimeout(100);
      assert.deepEqual(await page.evaluate(() => window.__events), expected, `with ${attributes || 'no attribute'}`);
      await context.close();
    }
  });

  test('leaving with answers in progress asks first; leaving before answering does not', async () => {
    for (const answerFirst of [true, false]) {
      const { context, page } = await openVariant('');
      const dialogs = [];
      page.on('dialog', async (dialog) => { dialogs.push(dialog.type()); await dialog.accept(); });
      await page.getByRole('button', { name: 'Start' }).click();
      if (answerFirst) {
        await page.locator('input[name="age_years"]').fill('45');
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.locator('[data-question="sex"]').waitFor();
      }
      await page.close({ runBeforeUnload: true });
      await new Promise((done) => setTimeout(done, 300));
      assert.deepEqual(dialogs, answerFirst ? ['beforeunload'] : [], answerFirst ? 'with answers' : 'without answers');
      await context.close();
    }
  });
});

describe('two builds of the widget', () => {
  /** The widget's files the page loaded, by name. */
  const widgetFiles = (page) => page.evaluate(() => performance.getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname.split('/').pop())
    .filter((name) => /^prescreen-(seed|widget)/.test(name))
    .sort());

  test('a page with only the compiled-in trial loads the build without the loader, in both entry points', async () => {
    for (const [path, expected] of [
      ['index.html', ['prescreen-seed.js', 'prescreen-seed_bg.wasm']],
      ['strict-csp.html', ['prescreen-seed-wasm.js', 'prescreen-seed.js']],
    ]) {
      const { context, page, errors } = await openPage(path);
      await page.getByRole('button', { name: 'Start' }).waitFor();
      assert.deepEqual(await widgetFiles(page), expected, path);
      assert.deepEqual(errors, [], path);
      await context.close();
    }
  });

  test('a page where a widget reads a definition or a catalogue by URL loads the build that can', async () => {
    for (const [path, shown] of [
      ['two-widgets.html', (page) => page.locator('#widget-second').getByRole('heading', { name: /demonstration trial/ })],
      ['real-trials.html', (page) => page.locator('#widget-cf').getByRole('button', { name: 'Start' })],
      ['portal.html', (page) => page.locator('#portal').getByRole('button', { name: 'Start' })],
    ]) {
      const { context, page, errors } = await openPage(path);
      await shown(page).waitFor();
      assert.deepEqual(await widgetFiles(page), ['prescreen-widget.js', 'prescreen-widget_bg.wasm'], path);
      assert.deepEqual(errors, [], path);
      await context.close();
    }
  });

  test('the build without the loader, given a definition URL, says which entry point to load', async () => {
    const context = await running.browser.newContext();
    const page = await context.newPage();
    const html = '<!doctype html><html lang="en"><head><title>Direct</title><script type="module" src="direct.js"></script></head>'
      + '<body><div data-prescreen data-definition-url="demo-second-trial.json"></div></body></html>';
    const direct = "import init from './prescreen-seed.js';\n"
      + "await init({ module_or_path: new URL('./prescreen-seed_bg.wasm', import.meta.url) });\n";
    await page.route('**/direct.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.route('**/direct.js', (route) => route.fulfill({ contentType: 'text/javascript', body: direct }));
    await page.goto(`${running.server.url}direct.html`);
    await page.getByRole('alert').getByText('This questionnaire cannot be shown right now').waitFor();
    await page.getByText('Details for the trial coordinator').click();
    assert.match(await page.getByRole('alert').innerText(), /shows only its compiled-in trial: load prescreen\.js/);
    await context.close();
  });
});
