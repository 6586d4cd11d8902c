// Radios and checkboxes meet 3:1 non-text contrast (WCAG 2.2 SC 1.4.11) in every engine, measured
// from a screenshot: the ring or box the engine drew against what surrounds it, in each state. axe
// does not check a control's ring, and computed styles cannot say how a control or a pseudo-element
// was painted, so the pixels are read. A light grey ring drawn beside the widget, like WebKit's
// native one, is measured the same way and must come out below 3:1: the measurement can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, screenshot } from './engines/index.mjs';
import { decodePng, measureRing } from './engines/pixels.mjs';

const MINIMUM = 3;

/** Scrolls the input into view and returns its box in CSS px; the drawn control has the same box. */
function controlBox(widget, selector) {
  return widget.evaluate((root, wanted) => {
    const input = root.querySelector(wanted);
    input.scrollIntoView({ block: 'center' });
    const box = input.getBoundingClientRect();
    return { x: box.x, y: box.y, width: box.width, height: box.height, scale: devicePixelRatio };
  }, selector);
}

/** Resolves once the page has painted what the DOM now holds: WebKit's screenshot is of the last paint. */
const painted = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));

/** Measures the control `selector` in the widget as it is drawn now. */
async function measure(page, widget, selector, options = {}) {
  const box = await controlBox(widget, selector);
  await painted(page);
  const image = decodePng(await page.screenshot());
  return measureRing(image, box, { scale: box.scale, ...options });
}

/** Opens the question `id` (answering age first) and returns the page and widget. */
async function openQuestion(running, id, options = {}) {
  const page = await running.newPage({ viewport: { width: 800, height: 700 }, ...options });
  await page.goto(running.server.url);
  const widget = page.widget();
  await widget.click('label[for="ps-respondent-patient"]');
  await widget.click('.ps-button--start');
  await widget.fill('input[name="age_years"]', '45');
  await widget.click('button[type="submit"]');
  await widget.waitFor(`[data-question="sex"]`);
  if (id === 'aml_course') {
    await widget.click('label[for="ps-sex-1"]');
    await widget.click('button[type="submit"]');
    await widget.waitFor('[data-question="aml_diagnosis"]');
    await widget.click('label[for="ps-aml_diagnosis-0"]');
    await widget.click('button[type="submit"]');
    await widget.waitFor('[data-question="aml_course"]');
  }
  return { page, widget };
}

forEachEngine('control contrast', {}, (running) => {
  test('the measurement finds a light grey ring below 3:1', async () => {
    const page = await running.newPage({ viewport: { width: 800, height: 700 } });
    await page.goto(running.server.url);
    await page.widget().waitFor('.ps-button--start');
    // A 28 px ring in WebKit's native grey, #cdcdcd, on the page's white.
    const box = await page.evaluate(() => {
      const ring = document.createElement('div');
      for (const [property, value] of Object.entries({ position: 'fixed', left: '40px', top: '40px', width: '28px', height: '28px',
        boxSizing: 'border-box', border: '2px solid #cdcdcd', borderRadius: '50%', background: '#ffffff' })) ring.style[property] = value;
      document.body.append(ring);
      return { x: 40, y: 40, width: 28, height: 28, scale: devicePixelRatio };
    });
    await painted(page);
    const measured = measureRing(decodePng(await page.screenshot()), box, { scale: box.scale });
    assert.ok(measured.ratio < MINIMUM && measured.ratio > 1.2, `${running.name}: grey ring measured ${JSON.stringify(measured)}`);
    await page.close();
  });

  test('radios reach 3:1 unchecked, checked, focused and disabled', async (t) => {
    const { page, widget } = await openQuestion(running, 'sex');
    const radio = '[data-question="sex"] input[type="radio"]';
    const results = {};
    results.unchecked = await measure(page, widget, `${radio}[value="female"]`);
    await widget.click('label[for="ps-sex-1"]');
    // A click focuses the radio in Chromium and Firefox (not in WebKit): measure it unfocused first.
    await widget.evaluate((root) => root.activeElement?.blur());
    results.checked = await measure(page, widget, `${radio}:checked`);
    await screenshot(page, 'controls-radio-checked', { fullPage: false });
    // Focus as the keyboard gives it; the thicker ring sits inside the yellow halo, which is then
    // what surrounds it (1 px out from the ring's edge).
    await widget.evaluate((root, selector) => root.querySelector(selector).focus(), `${radio}:checked`);
    results.focused = await measure(page, widget, `${radio}:checked`, { outside: 1 });
    await screenshot(page, 'controls-radio-focused', { fullPage: false });
    await widget.evaluate((root, selector) => { root.activeElement?.blur(); root.querySelector(selector).disabled = true; }, `${radio}[value="female"]`);
    results.disabled = await measure(page, widget, `${radio}[value="female"]`);
    t.diagnostic(`${running.name} radio rings: ${Object.entries(results).map(([state, m]) => `${state} ${m.ring} on ${m.background} = ${m.ratio}:1`).join('; ')}`);
    for (const [state, measured] of Object.entries(results)) {
      assert.ok(measured.ratio >= MINIMUM, `${running.name}, ${state}: ${JSON.stringify(measured)}`);
    }
    assert.equal(results.focused.background, '#ffdd00', 'the focus halo surrounds the focused ring');
    await page.close();
  });

  test('checkboxes reach 3:1 unticked and ticked', async (t) => {
    const { page, widget } = await openQuestion(running, 'aml_course');
    const box = '[data-question="aml_course"] input[value="early_relapse"]';
    const results = { unticked: await measure(page, widget, box) };
    await widget.click(`label[for="${await widget.attribute(box, 'id')}"]`);
    assert.equal(await widget.evaluate((root, selector) => root.querySelector(selector).checked, box), true);
    await widget.evaluate((root) => root.activeElement?.blur());
    results.ticked = await measure(page, widget, box);
    await screenshot(page, 'controls-checkbox-ticked', { fullPage: false });
    t.diagnostic(`${running.name} checkbox boxes: ${Object.entries(results).map(([state, m]) => `${state} ${m.ring} on ${m.background} = ${m.ratio}:1`).join('; ')}`);
    for (const [state, measured] of Object.entries(results)) {
      assert.ok(measured.ratio >= MINIMUM, `${running.name}, ${state}: ${JSON.stringify(measured)}`);
    }
    await page.close();
  });

  test('in forced colours the ring takes the system colours and still reaches 3:1', async (t) => {
    if (!running.engine.capabilities.forcedColours) {
      t.diagnostic(`${running.name}: the engine has no forced-colours mode (Safari offers none); nothing to measure`);
      return;
    }
    const { page, widget } = await openQuestion(running, 'sex', { forcedColours: true });
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true, 'forced colours are on');
    const radio = '[data-question="sex"] input[value="female"]';
    const unchecked = await measure(page, widget, radio);
    await widget.click('label[for="ps-sex-1"]');
    await widget.evaluate((root) => root.activeElement?.blur());
    const checked = await measure(page, widget, '[data-question="sex"] input:checked');
    await screenshot(page, 'controls-forced-colours', { fullPage: false });
    t.diagnostic(`${running.name} forced colours: unchecked ${unchecked.ring} on ${unchecked.background} = ${unchecked.ratio}:1; `
      + `checked ${checked.ring} on ${checked.background} = ${checked.ratio}:1`);
    assert.ok(unchecked.ratio >= MINIMUM, JSON.stringify(unchecked));
    assert.ok(checked.ratio >= MINIMUM, JSON.stringify(checked));
    await page.close();
  });
});
