// End-to-end: Simplified Chinese and English. The questionnaire in zh-Hans through the UI, with a
// lab value typed in full-width digits; switching language mid-way keeps every answer; layout
// holds with longer strings and right to left.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliEvaluation, completeThroughUi, openDemoVariant, screenshot, seedCase, serveAndLaunch } from './browser.mjs';

const running = serveAndLaunch();

async function openVariant(attributes, contextOptions = {}) {
  const { context, page, open } = await openDemoVariant(running, attributes, contextOptions);
  await open();
  await page.locator('.ps-button--start').waitFor();
  return { context, page };
}

const widgetLanguage = (page) => page.locator('.ps-widget').getAttribute('lang');

describe('choosing the language', () => {
  test("the browser's preferred languages decide when the host does not", async () => {
    for (const [locale, expected, startWord] of [['zh-CN', 'zh-Hans', '开始'], ['en-GB', 'en', 'Start'], ['fr-FR', 'en', 'Start']]) {
      const { context, page } = await openVariant('', { locale });
      assert.equal(await widgetLanguage(page), expected, locale);
      assert.equal((await page.locator('.ps-button--start').innerText()).trim(), startWord);
      await context.close();
    }
  });

  test('the host can fix the language with data-lang', async () => {
    const { context, page } = await openVariant('data-lang="zh-Hans"', { locale: 'en-US' });
    assert.equal(await widgetLanguage(page), 'zh-Hans');
    await context.close();
  });
});

describe('Simplified Chinese', () => {
  test('completes in zh-Hans with full-width digits, and agrees with prescreen eval', async () => {
    const { context, page } = await openVariant('data-lang="zh-Hans"');
    await screenshot(page, 'zh-start');
    const seed = {
      ...seedCase('eligible_woman'),
      // Typed as a Chinese input method produces them.
      typed: { age_years: '４５', bilirubin: '３０', creatinine: '１．２', lvef_percent: '６０', oxygen_saturation_percent: '９７' },
    };
    const shown = await completeThroughUi(page, seed, {
      onQuestion: async (id) => {
        if (id === 'bilirubin') await screenshot(page, 'zh-question-lab');
        if (id === 'lvef_percent') {
          // An error first, explained in Chinese.
          await page.locator('input[name="lvef_percent"]').fill('六十');
          await page.locator('button[type="submit"]').click();
          assert.match(await page.locator('.ps-error-summary').innerText(), /请检查以下问题/);
          assert.match(await page.locator('.ps-error-message').innerText(), /请输入一个数字/);
          await screenshot(page, 'zh-question-error');
        }
      },
    });
    assert.equal(shown.outcome, cliEvaluation(seed.answers).outcome);
    assert.equal(shown.outcome, 'likely_eligible');
    assert.match(await page.locator('[data-outcome]').innerText(), /您或许可以参加/);
    // The registry's words are quoted as published, with the translation beside them.
    const renal = page.locator('[data-criterion="inc12_renal_function"]');
    assert.match(await renal.locator('q[lang="en"]').innerText(), /creatinine clearance <220μmol\/L/);
    assert.match(await renal.locator('[lang="zh-Hans"]').innerText(), /肌酐清除率/);
    await screenshot(page, 'zh-result');
    await context.close();
  });

  test('switching language mid-way keeps every answer', async () => {
    const { context, page } = await openVariant('data-lang="en"');
    await page.locator('.ps-button--start').click();
    await page.locator('input[name="age_years"]').fill('45');
    await page.locator('button[type="submit"]').click();
    await page.locator('label[for="ps-sex-0"]').click();
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-question="aml_diagnosis"]').waitFor();
    await page.locator('.ps-language__option[lang="zh-Hans"]').click();
    assert.equal(await widgetLanguage(page), 'zh-Hans');
    assert.match(await page.locator('h1').innerText(), /急性髓系白血病/);
    assert.equal(await page.locator('.ps-language__option[lang="zh-Hans"]').getAttribute('aria-pressed'), 'true');
    // Back through the answers: they are all still there, now in Chinese.
    await page.locator('.ps-back-link').click();
    assert.equal(await page.locator('#ps-sex-0').isChecked(), true);
    assert.equal((await page.locator('label[for="ps-sex-0"]').innerText()).trim(), '女');
    await page.locator('.ps-back-link').click();
    assert.equal(await page.locator('input[name="age_years"]').inputValue(), '45');
    await page.locator('.ps-language__option[lang="en"]').click();
    assert.equal((await page.locator('h1').innerText()).trim(), 'How old are you?');
    assert.equal(await page.locator('input[name="age_years"]').inputValue(), '45');
    await context.close();
  });
});

describe('layout with longer strings and right to left (pseudo-locale)', () => {
  test('nothing overflows a 320 px screen', async () => {
    const { context, page } = await openVariant('data-dir="rtl"', { viewport: { width: 320, height: 700 } });
    const stretchAndMeasure = () => page.evaluate(() => {
      const root = document.querySelector('[data-prescreen]').shadowRoot;
      // Pseudo-localise: every text 60 % longer, with one long unbreakable word.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent.trim()) node.textContent = `${node.textContent} ${'ẍ'.repeat(Math.ceil(node.textContent.length * 0.6))}`;
      }
      const width = document.documentElement.clientWidth;
      return [...root.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > width + 0.5
        || element.getBoundingClientRect().left < -0.5).map((element) => element.className);
    });
    assert.equal(await page.locator('.ps-widget').getAttribute('dir'), 'rtl');
    assert.deepEqual(await stretchAndMeasure(), [], 'start page');
    await screenshot(page, 'pseudo-rtl-start');
    await page.reload();
    await page.locator('.ps-button--start').click();
    await page.locator('[data-question="age_years"]').waitFor();
    await page.locator('button[type="submit"]').click();
    await page.locator('.ps-error-summary').waitFor();
    assert.deepEqual(await stretchAndMeasure(), [], 'question with errors');
    await screenshot(page, 'pseudo-rtl-question-error');
    await context.close();
  });
});
