// End-to-end: a definition from the host is untrusted. Its fetch is bare (no cookies, no referrer),
// bounded in time and size, and checked against an integrity hash when the host gives one; its
// problems are listed, at most 100 of them; and the page title keeps the outcome out of browser
// history unless the host asks for it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, completeThroughUi, openDemoVariant, seedCase, serveAndLaunch } from './browser.mjs';

const MINIMAL = readFileSync(join(ROOT, 'tests', 'definitions', 'minimal.json'), 'utf8');
const LIMIT = 1 << 20;

const running = serveAndLaunch({
  handlers: {
    // A body larger than a definition may be, streamed without a Content-Length.
    '/streamed-too-large.json': (request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      const chunk = ' '.repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent <= LIMIT + chunk.length) {
          sent += chunk.length;
          if (!response.write(chunk)) return response.once('drain', more);
        }
        return response.end();
      };
      more();
    },
    // A server that never answers.
    '/hanging.json': () => {},
  },
});

/** The demo page with the widget pointed at `url`, with more `data-` attributes. */
async function openWith(url, attributes = '', setUp = async () => {}) {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  await setUp(context, page);
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
    .replace('<div id="prescreen" data-prescreen data-owns-title>', `<div data-prescreen data-definition-url="${url}" ${attributes}>`);
  await page.route('**/hosted.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${running.server.url}hosted.html`);
  return { context, page };
}

async function brokenProblems(page) {
  const alert = page.locator('.ps-broken');
  await alert.waitFor();
  await alert.getByText('Details for the trial coordinator').click();
  return alert.locator('li').allInnerTexts();
}

describe('the definition fetch is bare and bounded', () => {
  test('no cookies and no referrer go with it', async () => {
    const seen = [];
    const { context, page } = await openWith('/trial.json', '', async (browserContext, browserPage) => {
      await browserContext.addCookies([{ name: 'session', value: 'patient-42', url: running.server.url }]);
      await browserPage.route('**/trial.json', async (route) => {
        seen.push(await route.request().allHeaders());
        await route.fulfill({ contentType: 'application/json', body: MINIMAL });
      });
    });
    await page.getByRole('heading', { name: 'An example trial' }).waitFor();
    assert.equal(seen.length, 1, 'fetched once');
    assert.equal(seen[0].cookie, undefined, 'no cookie');
    assert.equal(seen[0].referer, undefined, 'no referrer');
    await context.close();
  });

  test('an integrity hash is checked: the right file loads, another one is refused calmly', async () => {
    const hash = `sha384-${createHash('sha384').update(MINIMAL).digest('base64')}`;
    const serve = (body) => async (browserContext, browserPage) => {
      await browserPage.route('**/trial.json', (route) => route.fulfill({ contentType: 'application/json', body }));
    };
    let { context, page } = await openWith('/trial.json', `data-definition-integrity="${hash}"`, serve(MINIMAL));
    await page.getByRole('heading', { name: 'An example trial' }).waitFor();
    await context.close();
    ({ context, page } = await openWith('/trial.json', `data-definition-integrity="${hash}"`, serve(MINIMAL.replace('18', '16'))));
    const problems = await brokenProblems(page);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^\/trial\.json: /);
    assert.match(await page.locator('.ps-broken').innerText(), /cannot be shown right now/);
    await context.close();
  });

  test('a file larger than a definition may be is refused, by its length and as it streams', async () => {
    const big = `${MINIMAL.slice(0, -2)}, "padding": "${'x'.repeat(LIMIT)}"}`;
    const { context, page } = await openWith('/big.json', '', async (browserContext, browserPage) => {
      await browserPage.route('**/big.json', (route) => route.fulfill({ contentType: 'application/json', body: big }));
    });
    const [declared] = await brokenProblems(page);
    assert.match(declared, /the file is [\d,]+ bytes; a definition file may be at most 1,048,576 bytes/);
    await context.close();
    const streamed = await openWith('/streamed-too-large.json');
    const [problem] = await brokenProblems(streamed.page);
    assert.match(problem, /the file is [\d,]+ bytes; a definition file may be at most 1,048,576 bytes/);
    await streamed.context.close();
  });

  test('a server that never answers is given up on, with the calm message', async () => {
    const { context, page } = await openWith('/hanging.json', '', async (browserContext, browserPage) => {
      await browserPage.clock.install();
    });
    await page.locator('.ps-body[role="status"]').waitFor();
    await page.clock.runFor(21_000);
    const [problem] = await brokenProblems(page);
    assert.match(problem, /no answer within 20 seconds/);
    await context.close();
  });

  test('a file with thousands of problems lists 100 and counts the rest', async () => {
    const file = JSON.parse(MINIMAL);
    for (let index = 0; index < 5000; index += 1) file.trial[`unknown_${index}`] = 1;
    const { context, page } = await openWith('/many.json', '', async (browserContext, browserPage) => {
      await browserPage.route('**/many.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(file) }));
    });
    const problems = await brokenProblems(page);
    assert.equal(problems.length, 101);
    assert.equal(problems.at(-1), '… and 4,900 more problems');
    await context.close();
  });
});

describe('the page title and the outcome', () => {
  test('the title does not name the outcome unless the host asks', async () => {
    for (const [attributes, expected] of [['', /^Result – /], ['data-owns-title="with-outcome"', /^This trial is probably not right for you – /]]) {
      const { context, page, open } = await openDemoVariant(running, attributes);
      await open();
      await page.locator('.ps-button--start').waitFor();
      const titles = [];
      await completeThroughUi(page, seedCase('age_76'), {
        onLookBack: async () => { titles.push(await page.title()); },
      });
      await page.waitForFunction(() => !document.title.startsWith('Check'));
      titles.push(await page.title());
      assert.match(titles[0], /^Check your answers – /, 'the look-back page is titled as check answers');
      assert.match(titles[1], expected, attributes || 'no attribute');
      await context.close();
    }
  });
});
