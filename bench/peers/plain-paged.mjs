// Step plan for the page plain-paged: the harness's plain page asking one question per page
// (bench/peers/paged.js), the floor for answering a paged form such as Prescreen's. Copied next to
// prescreen.config.mjs in the scratch copy (target/peer-bench) by bench/peers.sh, so the import
// below resolves there.
import { nameValueSteps } from './lib/adapters.mjs';

const CONTINUE = { op: 'click', sel: '[data-action=next]' }; // one Continue button, shared by every page
// The page (fieldset) a step is on: a "Don't know" box or a unit shares its number's page.
const pageOf = (step) => step && step.q.replace(/_(dk|unit)$/, '');

/** The plain page's own steps (nameValueSteps), with the start page's answer first, a Continue after
 * each question's page, and "See result" on the check-your-answers page last. */
export function plainPagedSteps(a) {
  const { steps, result } = nameValueSteps(a);
  steps.pop(); // its optional [data-action=submit]: here it is on the check page, so waited for below
  const plan = [{ op: 'click', sel: 'input[type=radio][name=respondent][value=ps-respondent-patient]' }, CONTINUE];
  steps.forEach((s, i) => {
    plan.push(s);
    if (pageOf(steps[i + 1]) !== pageOf(s)) plan.push({ q: pageOf(s), ...CONTINUE });
  });
  plan.push({ op: 'click', sel: '[data-action=submit]', submit: true });
  return { steps: plan, result };
}
