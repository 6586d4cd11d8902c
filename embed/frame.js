// The page inside an <iframe> (frame.html): mounts the widget and tells the parent page one thing,
// its height on the first page, and only to the origin the host names in the frame's URL
// (`frame.html?origin=https://your.site`; never `*`). Heights after the first page would tell the
// host which questions were asked and, on the result page, the outcome, so the frame keeps its
// first height and scrolls inside. With `events=outcome` the outcome is also posted (never the
// answers), to the same origin only.
const parameters = new URLSearchParams(location.search);
const named = parameters.get('origin');
// A scheme, a host and an optional port, nothing else: `*` or a path is refused.
const hostOrigin = named && /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]+)?$/.test(named) ? named : null;
const host = document.querySelector('[data-prescreen]');
if (hostOrigin && parameters.get('events') === 'outcome') {
  host.setAttribute('data-events', 'outcome');
  host.addEventListener('prescreen:outcome', (event) => {
    parent.postMessage({ type: 'prescreen:outcome', outcome: event.detail.outcome }, hostOrigin);
  });
}

/**
 * Posts the height once, when the widget's first page is on screen. Polled with a timer, not
 * requestAnimationFrame: WebKit may pause animation frames in an iframe it takes to be out of view
 * (an embed below the fold on an iPhone), and the host would keep the frame at its default height.
 */
function reportFirstHeight() {
  if (!host.shadowRoot?.querySelector('.ps-start, .ps-broken')) {
    setTimeout(reportFirstHeight, 20);
    return;
  }
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  parent.postMessage({ type: 'prescreen:height', height }, hostOrigin);
}
if (hostOrigin) setTimeout(reportFirstHeight, 0);

await import('./prescreen.js');
