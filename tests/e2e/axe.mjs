// axe-core inside the widget's shadow root, and the reflow check at 320 px (WCAG 1.4.10).
import { join } from 'node:path';
import { ROOT } from './browser.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Elements of the widget that stick out past the viewport's right edge (reflow, WCAG 1.4.10). */
export async function overflowing(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-prescreen]').shadowRoot;
    const width = document.documentElement.clientWidth;
    const wide = [...root.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    if (document.documentElement.scrollWidth > width) wide.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return wide;
  });
}

/** axe-core's violations on the page (shadow roots included), and reflow at 320 px or less. */
export async function axeViolations(page) {
  if (page.viewportSize().width <= 320) {
    const wide = await overflowing(page);
    if (wide.length) return [`reflow: wider than the 320 px viewport: ${wide.join(', ')}`];
  }
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }, TAGS);
}

