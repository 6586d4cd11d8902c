// The start page, shown while the WebAssembly loads. scripts/package-dist.mjs writes this file into
// prescreen.js and prescreen-strict.js (a shared module would be one more request before anything
// shows), with START set to what the widget's build wrote: the compiled-in trial's start page in
// each language, rendered by the widget's own components (src/ui/prerender.rs), and the part of the
// widget's stylesheet that page needs (the widget adopts the whole one when it takes over).
//
// On a slow connection the patient reads what the check is, switches language, chooses who is
// answering and presses Start before the widget is ready; the widget then takes over where they are
// (src/ui/host.rs, `EarlyStart`). Only hosts that show the compiled-in trial get it, and only where
// the widget itself could run: otherwise each host keeps the message its own HTML carries.
const START = null;

/** The language the widget would pick for `host` (src/ui/host.rs), if its page was written. */
function earlyLanguage(host) {
  const asked = host.getAttribute('data-lang');
  if (asked !== null) return Object.hasOwn(START.pages, asked) ? asked : null;
  const primaries = (navigator.languages ?? []).map((preference) => preference.split('-')[0].toLowerCase());
  const found = primaries.map((primary) => START.languages.find((entry) => entry.browserLanguages.includes(primary))).find(Boolean);
  const language = (found ?? START.languages[0]).language;
  return Object.hasOwn(START.pages, language) ? language : null;
}

/**
 * Writes the start page in `language` into `page`, keeping who is answering (the page's own choice
 * when `respondent` is not given) and a pressed Start.
 */
function drawEarly(page, host, language, respondent, begun) {
  page.innerHTML = START.pages[language].html;
  const direction = host.getAttribute('data-dir');
  if (direction === 'rtl' || direction === 'ltr') page.firstElementChild.setAttribute('dir', direction);
  if (respondent) for (const input of page.querySelectorAll('input[name="respondent"]')) input.checked = input.value === respondent;
  if (begun) showWaiting(page, language);
}

/**
 * After Start, until the widget is ready: says the questions are loading, on the page and in the
 * page's live region (a region added with its text already in it is often not read out).
 */
function showWaiting(page, language) {
  const waiting = document.createElement('p');
  waiting.className = 'ps-body';
  waiting.textContent = START.pages[language].loading;
  page.querySelector('form').after(waiting);
  page.querySelector('[role="status"]').textContent = START.pages[language].loading;
}

/** Shows the start page in each host that shows the compiled-in trial; returns their shadow roots. */
function showEarly(hosts) {
  const shown = [];
  if (!START || typeof WebAssembly !== 'object' || typeof Element.prototype.attachShadow !== 'function'
    || !('adoptedStyleSheets' in ShadowRoot.prototype)) return shown;
  let sheet;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(START.css);
  } catch {
    return shown;
  }
  for (const host of hosts) {
    const language = earlyLanguage(host);
    if (host.shadowRoot || !language || host.getAttribute('data-definition-url') || host.getAttribute('data-catalogue-url')) continue;
    // Drawn before the shadow root is attached: where drawing or attaching fails (a policy that
    // refuses innerHTML, such as Trusted Types; an element that cannot hold a shadow root, or holds
    // a closed one), this host keeps its own message and the others go on.
    const page = document.createElement('div');
    page.setAttribute('data-ps-early', '');
    try {
      drawEarly(page, host, language, null, false);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = [sheet];
      shadow.append(page);
      shown.push(shadow);
    } catch {
      continue;
    }
    page.addEventListener('click', (event) => {
      const button = event.target.closest('.ps-language__option');
      if (!button) return;
      const respondent = page.querySelector('input[name="respondent"]:checked')?.value;
      drawEarly(page, host, button.lang, respondent, page.hasAttribute('data-ps-begun'));
      page.querySelector(`.ps-language__option[lang="${button.lang}"]`).focus();
    });
    page.addEventListener('submit', (event) => {
      event.preventDefault();
      if (page.hasAttribute('data-ps-begun')) return;
      page.setAttribute('data-ps-begun', '');
      showWaiting(page, page.firstElementChild.lang);
    });
  }
  return shown;
}

/**
 * Where the widget did not take over (it failed to load), the host's own message shows again, in
 * the host page's styles: the start page's stylesheet (which resets the host) goes with the page.
 */
function withdrawEarly(shown) {
  for (const shadow of shown) {
    if (!shadow.querySelector('[data-ps-early]')) continue;
    shadow.adoptedStyleSheets = [];
    shadow.replaceChildren(document.createElement('slot'));
  }
}
