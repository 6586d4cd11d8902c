// End-to-end: slips that would change a result. No unit is picked for the patient; a value far
// from what reports show is checked, then confirmed or corrected; before "not eligible", the
// answers that decided it are shown with Change links; the progress count never grows; and the
// wording follows who is answering, in both languages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cliEvaluation, completeThroughUi, currentScreen, focusedInWidget, nextScreen, openDemoVariant, screenshot, seedCase,
  serveAndLaunch,
} from './browser.mjs';


const running = serveAndLaunch();

async function openWidget(attributes = '', contextOptions = {}) {
  const { context, page, open } = await openDemoVariant(running, attributes, contextOptions);
  await open();
  await page.locator('.ps-button--start').waitFor();
  return { context, page };
}

/** Answers the seed case up to `question`, then hands over. */
async function answerUpTo(page, seed, question) {
  let reached = false;
  const done = completeThroughUi(page, seed, {
    onQuestion: async (id) => {
      if (id === question && !reached) {
        reached = true;
        throw new Error('reached');
      }
    },
  }).catch((error) => { if (error.message !== 'reached') throw error; });
  await done;
  assert.ok(reached, `the widget asked ${question}`);
}

describe('the unit printed on the report', () => {
  test('none is picked at first; a missing unit is explained at the unit field', async () => {
    const { context, page } = await openWidget();
    await answerUpTo(page, seedCase('eligible_woman'), 'creatinine');
    assert.equal(await page.locator('select[name="creatinine_unit"]').inputValue(), '', 'no unit picked');
    await page.locator('input[name="creatinine"]').fill('2.5');
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.locator('.ps-error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /Choose the unit printed on the report/);
    assert.equal(await page.locator('select[name="creatinine_unit"]').getAttribute('aria-invalid'), 'true');
    await summary.getByRole('link').click();
    assert.equal((await focusedInWidget(page))?.name, 'creatinine_unit', 'the link goes to the unit');
    await screenshot(page, 'question-no-unit');
    // A unit typed after the number still counts.
    await page.locator('input[name="creatinine"]').fill('1.2 mg/dL');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-question="oxygen_saturation_percent"]').waitFor();
    await context.close();
  });

  test('a value in the wrong unit is checked; confirmed, it stands', async () => {
    const { context, page } = await openWidget();
    const seed = seedCase('eligible_woman');
    await answerUpTo(page, seed, 'creatinine');
    await page.locator('select[name="creatinine_unit"]').selectOption('umol/L');
    await page.locator('input[name="creatinine"]').fill('2.5');
    await page.getByRole('button', { name: 'Continue' }).click();
    const message = page.locator('.ps-error-message');
    await message.waitFor();
    assert.match(await message.innerText(), /2\.5 µmol\/L is far below any result for this test\. Reports in mg\/dL show values like 0\.5–1\.2: check the unit\./);
    await screenshot(page, 'question-unusual-value');
    // Continue again without confirming: still asked.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('input[name="creatinine_confirm"]').waitFor();
    await page.locator('label[for="ps-creatinine-confirm"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-question="oxygen_saturation_percent"]').waitFor();
    // Back on the question, the confirmed answer is kept and is not asked about again.
    await page.getByRole('link', { name: 'Back' }).click();
    assert.equal(await page.locator('input[name="creatinine"]').inputValue(), '2.5');
    assert.equal(await page.locator('select[name="creatinine_unit"]').inputValue(), 'umol/L');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-question="oxygen_saturation_percent"]').waitFor();
    await context.close();
  });

  test('a value in the wrong unit, corrected to the unit on the report, goes through', async () => {
    const { context, page } = await openWidget();
    await answerUpTo(page, seedCase('eligible_woman'), 'creatinine');
    // 1.2 typed from a report in mg/dL, with µmol/L picked: far below any result in µmol/L.
    await page.locator('select[name="creatinine_unit"]').selectOption('umol/L');
    await page.locator('input[name="creatinine"]').fill('1.2');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('input[name="creatinine_confirm"]').waitFor();
    await page.locator('select[name="creatinine_unit"]').selectOption('mg/dL');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-question="oxygen_saturation_percent"]').waitFor();
    await page.getByRole('link', { name: 'Back' }).click();
    assert.equal(await page.locator('select[name="creatinine_unit"]').inputValue(), 'mg/dL');
    assert.equal(await page.locator('input[name="creatinine"]').inputValue(), '1.2');
    await context.close();
  });
});

/** The one question each criterion that can rule a patient out hinges on, in its seed case. */
const DECIDING = {
  inc01_consent: ['not_willing_to_consent', 'willing_to_consent'],
  inc02_relapsed_refractory_aml: ['aml_in_first_remission', 'aml_course'],
  inc03_cd123: ['cd123_negative', 'cd123_positive'],
  inc04_performance: ['kps_60', 'activity_adult'],
  inc05_life_expectancy: ['life_expectancy_short', 'life_expectancy'],
  inc06_age: ['age_76', 'age_years'],
  inc08_high_risk_or_relapsed_refractory: ['no_aml_diagnosis', 'aml_diagnosis'],
  inc09_no_serious_mental_disorder: ['serious_mental_illness', 'serious_mental_illness'],
  inc10_lvef: ['lvef_39', 'lvef_percent'],
  inc11_liver_function: ['alt_exactly_5_uln', 'alt'],
  inc12_renal_function: ['creatinine_2_5_mgdl', 'creatinine'],
  inc13_oxygen_saturation: ['spo2_91', 'oxygen_saturation_percent'],
  inc14_no_conflicting_illness: ['organ_transplant', 'conflicting_conditions'],
  inc15_adherence: ['cannot_follow_schedule', 'willing_to_follow_schedule'],
  exc01_other_malignancy: ['other_cancer', 'other_cancer'],
  exc02_uncontrolled_infection: ['uncontrolled_infection', 'uncontrolled_infection'],
  exc03_needs_glucocorticoids: ['needs_steroids', 'needs_steroids'],
  exc04_gvhd: ['gvhd_after_transplant', 'gvhd'],
  exc05_t_cell_inhibitor: ['t_cell_inhibitor', 't_cell_inhibitor'],
  exc06_pregnant_or_breastfeeding: ['pregnant', 'pregnant_or_breastfeeding'],
  exc07_investigator_judgement: ['hiv', 'other_situations'],
};

describe('a look back before "not eligible"', () => {
  test('covers every criterion that can rule a patient out', () => {
    // Every criterion but inc07 ("All genders", met by everyone) can rule a patient out.
    const reference = cliEvaluation(seedCase('eligible_woman').answers);
    const all = reference.criteria.map((criterion) => criterion.id).filter((id) => id !== 'inc07_all_genders');
    assert.deepEqual(Object.keys(DECIDING).sort(), all.sort());
  });

  for (const [criterion, [caseName, question]] of Object.entries(DECIDING)) {
    test(`${criterion}: the deciding answers only, each with a Change link that comes back`, async () => {
      const { context, page } = await openWidget();
      const seed = seedCase(caseName);
      assert.ok(seed.expected.ruled_out_by.includes(criterion), `${caseName} is ruled out by ${criterion}`);
      let rows = null;
      const shown = await completeThroughUi(page, seed, {
        onLookBack: async () => {
          assert.equal((await focusedInWidget(page))?.tag, 'h1', 'focus moves to the heading');
          rows = await page.locator('.ps-look-back .ps-summary-list__row').count();
          const row = page.locator(`.ps-look-back .ps-summary-list__row[data-answer-to="${question}"]`);
          assert.equal(await row.count(), 1, `${question} is on the look-back page`);
          // Change, leave the answer as it is, Continue: back on the look-back page.
          await row.getByRole('link').click();
          await page.locator(`[data-question="${question}"]`).waitFor();
          await page.locator('button[type="submit"]').click();
          assert.equal(await nextScreen(page, question), 'look-back');
        },
      });
      assert.equal(shown.outcome, 'not_eligible');
      assert.ok(shown.lookedBack, 'the look-back page came before the result');
      assert.ok(rows >= 1, 'at least the deciding answer is shown');
      if (shown.asked.length > 1) assert.ok(rows < shown.asked.length, `only the deciding answers: ${rows} of ${shown.asked.length}`);
      await context.close();
    });
  }

  test('a change that no longer rules the patient out carries on with the questions', async () => {
    const { context, page } = await openWidget();
    await completeThroughUi(page, seedCase('age_76'), {
      onLookBack: async () => {
        await screenshot(page, 'look-back');
        await page.locator('.ps-look-back').getByRole('link', { name: /Change/ }).click();
        await page.locator('input[name="age_years"]').fill('45');
        await page.locator('button[type="submit"]').click();
        assert.equal(await nextScreen(page, 'age_years'), 'sex');
        throw new Error('carried on');
      },
    }).catch((error) => assert.equal(error.message, 'carried on'));
    await context.close();
  });

  for (const [language, seeResult] of [['en', 'See the result'], ['zh-Hans', '查看结果']]) {
    test(`keyboard only on the look-back page (${language})`, async () => {
      const { context, page } = await openWidget(`data-lang="${language}"`);
      await completeThroughUi(page, seedCase('kps_60'), {
        onLookBack: async () => {
          const heading = await page.evaluate(() => document.querySelector('[data-prescreen]').shadowRoot.activeElement?.tagName);
          assert.equal(heading, 'H1', 'focus moves to the heading');
          const focusedText = async () => page.evaluate(() => document.querySelector('[data-prescreen]').shadowRoot.activeElement?.textContent.trim());
          let text = '';
          for (let presses = 0; presses < 10 && !(text ?? '').startsWith(language === 'en' ? 'Change' : '修改'); presses += 1) {
            await page.keyboard.press('Tab');
            text = await focusedText();
          }
          // The first answer listed is the age (it decides which activity scale applies).
          await page.keyboard.press('Enter');
          await page.locator('[data-question="age_years"]').waitFor();
          for (let presses = 0; presses < 20 && (await focusedText()) !== (language === 'en' ? 'Continue' : '继续'); presses += 1) {
            await page.keyboard.press('Tab');
          }
          await page.keyboard.press('Enter');
          await page.locator('.ps-look-back').waitFor();
          for (let presses = 0; presses < 10 && (await focusedText()) !== seeResult; presses += 1) await page.keyboard.press('Tab');
          assert.equal(await focusedText(), seeResult);
        },
      });
      assert.equal(await currentScreen(page), 'result');
      await context.close();
    });
  }
});

describe('progress', () => {
  test('the number of questions that can follow never grows, in either mode', async () => {
    for (const name of ['eligible_woman', 'child_aged_2_caregiver', 'gvhd_after_transplant']) {
      const { context, page } = await openWidget();
      const counts = [];
      await completeThroughUi(page, seedCase(name), {
        onQuestion: async () => {
          const text = await page.locator('.ps-progress span').innerText();
          const match = text.match(/^Question (\d+) \((?:up to (\d+) more|this may be the last)\)$/);
          assert.ok(match, text);
          counts.push(Number(match[2] ?? 0));
        },
      });
      for (let step = 1; step < counts.length; step += 1) {
        assert.ok(counts[step] < counts[step - 1], `${name}: ${counts.join(' → ')}`);
      }
      assert.ok(counts.length > 10, `${name}: ${counts.length} questions`);
      await context.close();
    }
  });
});

describe('wording follows who is answering', () => {
  const activityLabel = (page) => page.locator('label[for="ps-activity_adult-3"]').innerText();
  for (const [language, forPatient, forCaregiver, caregiverHeading] of [
    ['en', /^I can look after myself/, /^Can look after themselves/, /not right for the patient/],
    ['zh-Hans', /^我生活能自理/, /^生活能自理/, /不适合患者/],
  ]) {
    test(`self and caregiver, ${language}`, async () => {
      for (const respondent of ['patient', 'caregiver']) {
        const { context, page } = await openWidget(`data-lang="${language}"`);
        const seed = { ...seedCase('kps_60'), respondent };
        await completeThroughUi(page, seed, {
          onQuestion: async (id) => {
            if (id !== 'activity_adult') return;
            const label = await activityLabel(page);
            assert.match(label, respondent === 'patient' ? forPatient : forCaregiver);
            const hint = await page.locator('.ps-hint').innerText();
            assert.doesNotMatch(hint, /Karnofsky|score above|评分/, 'the hint speaks in everyday words');
            await page.locator('.ps-details__summary').click();
            const where = await page.locator('.ps-details__text').innerText();
            if (respondent === 'caregiver') assert.doesNotMatch(where, /\byour\b|您的医生/i, where);
            await screenshot(page, `activity-${respondent}-${language}`);
          },
        });
        const heading = await page.locator('[data-outcome] h1').innerText();
        if (respondent === 'caregiver') assert.match(heading, caregiverHeading);
        else assert.doesNotMatch(heading, caregiverHeading);
        await context.close();
      }
    });
  }
});
