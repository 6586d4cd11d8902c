// End-to-end: every screen type in Simplified Chinese reads as Chinese. Text the patient reads in a
// zh-Hans screen may hold Latin letters only in units, test and drug abbreviations, and what is
// marked as another language (the registry's own words, lang="en") or as a name (translate="no");
// and ASCII punctuation :;(), never stands next to a Chinese character.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { completeThroughUi, openDemoVariant, screenshot, seedCase, serveAndLaunch } from './browser.mjs';

const running = serveAndLaunch();

/** Latin words a Chinese screen may hold: units, test and drug abbreviations, names of scales. */
const ALLOWED = new Set([
  'AML', 'CD123', 'CAR-T', 'T', 'KPS', 'Lansky', 'LVEF', 'EF', 'MUGA', 'ALT', 'AST', 'TBIL', 'Cr', 'CREA', 'SCr',
  'SpO2', 'GVHD', 'HIV', 'HCV', 'MDS', 'CRC', 'PDF', 'CNS',
  'mg', 'dL', 'µmol', 'umol', 'mmol', 'mol', 'L', 'U', 'ULN', 'g', 'kg', 'cm', 'mL', 'min', 'ms', 'mmHg',
  'ClinicalTrials.Veeva', 'clinicaltrials.gov',
]);

/**
 * The words and punctuation on the widget's current screen that do not read as Chinese. Texts
 * inside an element with another `lang`, or with translate="no", are skipped; so is the language
 * switcher's own button for English.
 */
async function notChinese(page) {
  return page.evaluate((allowed) => {
    const root = document.querySelector('[data-prescreen]').shadowRoot;
    const chinese = /[\u3000-\u9fff\uff00-\uffef]/;
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest('[translate="no"]')) continue;
      const language = element.closest('[lang]')?.getAttribute('lang');
      if (language !== 'zh-Hans') continue;
      const text = node.textContent;
      for (const word of text.match(/[A-Za-zµ][A-Za-z0-9µ.\-]*/g) ?? []) {
        const bare = word.replace(/[.\-]+$/, '');
        if (!allowed.includes(bare) && !/^NCT\d+$/.test(bare)) found.push(`Latin word "${bare}" in "${text.trim()}"`);
      }
      const characters = [...text];
      characters.forEach((character, index) => {
        if (!':;(),'.includes(character)) return;
        const before = characters.slice(0, index).reverse().find((other) => other.trim());
        const after = characters.slice(index + 1).find((other) => other.trim());
        if ((before && chinese.test(before)) || (after && chinese.test(after))) {
          found.push(`ASCII "${character}" next to Chinese in "${text.trim()}"`);
        }
      });
    }
    return found;
  }, [...ALLOWED]);
}

describe('Simplified Chinese screens read as Chinese', () => {
  test('the checks find English and ASCII punctuation when they are there', async () => {
    const { context, page, open } = await openDemoVariant(running, 'data-lang="zh-Hans"');
    await open();
    await page.locator('.ps-button--start').waitFor();
    await page.evaluate(() => {
      const heading = document.querySelector('[data-prescreen]').shadowRoot.querySelector('h1');
      heading.textContent = `${heading.textContent} (Study): 研究`;
    });
    const found = await notChinese(page);
    assert.ok(found.some((problem) => problem.startsWith('Latin word "Study"')), found.join('\n'));
    assert.ok(found.some((problem) => problem.startsWith('ASCII ":"')), found.join('\n'));
    await context.close();
  });

  test('every screen type, for a patient and for a caregiver', async () => {
    const screens = {};
    const record = async (page, name) => {
      screens[name] = await notChinese(page);
      await screenshot(page, `zh-${name}`);
    };
    for (const [caseName, respondent] of [['eligible_woman', 'patient'], ['kps_60', 'caregiver'], ['cd123_unknown', 'patient'],
      ['gvhd_after_transplant', 'caregiver']]) {
      const { context, page, open } = await openDemoVariant(running, 'data-lang="zh-Hans"');
      await open();
      await page.locator('.ps-button--start').waitFor();
      await record(page, 'start');
      const seen = new Set();
      const shown = await completeThroughUi(page, { ...seedCase(caseName), respondent }, {
        onQuestion: async (id) => {
          const kind = await page.locator(`[data-question="${id}"] input`).first().getAttribute('type');
          const select = await page.locator(`[data-question="${id}"] select`).count();
          const key = `question-${kind}${select ? '-unit' : ''}-${respondent}`;
          if (!seen.has(key)) {
            seen.add(key);
            await page.locator(`[data-question="${id}"] .ps-details__summary`).first().click().catch(() => {});
            await record(page, key);
          }
          if (id === 'creatinine' && caseName === 'eligible_woman') {
            await page.locator('input[name="creatinine"]').fill('1.2');
            await page.locator('button[type="submit"]').click();
            await page.locator('.ps-error-summary').waitFor();
            await record(page, 'question-no-unit');
            await page.locator('select[name="creatinine_unit"]').selectOption('umol/L');
            await page.locator('button[type="submit"]').click();
            await page.locator('input[name="creatinine_confirm"]').waitFor();
            await record(page, 'question-unusual-value');
          }
        },
        onLookBack: async () => record(page, `look-back-${respondent}`),
      });
      await record(page, `result-${shown.outcome}-${respondent}`);
      if (caseName === 'eligible_woman') {
        await page.locator('.ps-button-group .ps-button').nth(2).click();
        await page.locator('.ps-check-answers').waitFor();
        await record(page, 'check-answers');
      }
      await context.close();
    }
    const expected = ['start', 'question-no-unit', 'question-unusual-value', 'look-back-caregiver', 'check-answers',
      'result-likely_eligible-patient', 'result-not_eligible-caregiver', 'result-needs_review-patient'];
    for (const name of expected) assert.ok(name in screens, `walked ${name}: ${Object.keys(screens).join(', ')}`);
    assert.ok(Object.keys(screens).filter((name) => name.startsWith('question-')).length >= 8, Object.keys(screens).join(', '));
    const failures = Object.entries(screens).filter(([, found]) => found.length);
    assert.deepEqual(failures, [], JSON.stringify(failures, null, 2));
  });
});
