// The peer harness's plain page (one HTML form, every question on one page) made into a form that asks
// one question per page, as Prescreen does, with plain DOM calls and no framework: the floor for
// answering a paged form in bench/peers.sh. bench/peers.sh puts this script inline before </body> of a
// copy of the harness's site/plain/index.html, after the page's own script, which still shows and hides
// the conditional questions and writes the result. Journey: start page (who is answering), one page
// per question, check your answers, result.
(() => {
  const form = document.getElementById('f');
  const result = document.getElementById('result');
  const submit = form.querySelector('[data-action=submit]');
  const exclusions = form.querySelector(':scope > h2');
  const questions = [...form.querySelectorAll(':scope > fieldset')];

  // Pages are hidden with a class of their own: the page's script uses `hidden` and `disabled` for the
  // conditional questions (#q-rr, #q-pregnant) and the KPS/LVEF numbers, and stays in charge of those.
  const css = document.createElement('style');
  css.textContent = '.pg-off{display:none}';
  document.head.append(css);
  const off = (el, yes) => el.classList.toggle('pg-off', yes);

  // Start page: who is answering, with the respondent values Prescreen uses.
  const start = document.createElement('section');
  start.innerHTML = '<h2>Before you start</h2><fieldset><legend>Who is answering these questions?</legend>' +
    '<label><input type="radio" name="respondent" value="ps-respondent-patient"> I am the patient</label>' +
    '<label><input type="radio" name="respondent" value="ps-respondent-caregiver"> I am answering for someone else</label></fieldset>';

  // Check-your-answers page: its list is filled when the page is entered; the form's own submit
  // button moves here as "See result".
  const check = document.createElement('section');
  check.innerHTML = '<h2>Check your answers</h2><dl></dl>';
  const list = check.querySelector('dl');
  submit.textContent = 'See result';
  check.append(submit);

  // One Continue button, shared by every page before the check page.
  const next = document.createElement('button');
  next.type = 'button';
  next.dataset.action = 'next';
  next.textContent = 'Continue';

  form.prepend(start);
  form.append(check, next);
  const pages = [start, ...questions, check];
  let at = 0;
  pages.forEach((p, i) => off(p, i > 0));
  off(exclusions, true); // a heading of the one-page form, not a page
  off(result, true);

  // Hide the page shown, show another, and move focus to its heading (the legend on a question page).
  function go(i) {
    off(pages[at], true);
    off(pages[(at = i)], false);
    const heading = pages[at].querySelector('h2, legend');
    heading.tabIndex = -1;
    heading.focus();
  }

  // A question's answer as the check page shows it: the number (with its unit), or the labels ticked.
  function answerOf(fieldset) {
    const parts = [];
    for (const el of fieldset.querySelectorAll('input, select')) {
      if (el.disabled) continue; // the number of a "Don't know" pair
      if (el.tagName === 'SELECT') parts.push(`${parts.pop()} ${el.selectedOptions[0].text}`);
      else if (el.type === 'radio' || el.type === 'checkbox') { if (el.checked) parts.push(el.parentNode.textContent.trim()); }
      else if (el.value !== '') parts.push(el.value);
    }
    return parts.join(', ');
  }

  // Each question asked, in order: its legend and its answer.
  function fillCheck() {
    list.replaceChildren();
    for (const q of questions) {
      if (q.hidden) continue;
      const dt = document.createElement('dt'), dd = document.createElement('dd');
      dt.textContent = q.querySelector('legend').textContent.trim();
      dd.textContent = answerOf(q);
      list.append(dt, dd);
    }
  }

  next.addEventListener('click', () => {
    let i = at + 1;
    while (pages[i].hidden) i++; // a conditional question the page's script has hidden is not asked
    if (pages[i] === check) { fillCheck(); off(next, true); }
    go(i);
  });

  // After the page's own submit handler has written #result: show only the result, and focus it.
  form.addEventListener('submit', () => {
    off(form, true);
    off(result, false);
    result.tabIndex = -1;
    result.focus();
  });
})();
