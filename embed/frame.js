// The page inside an <iframe> (frame.html): mounts the widget and tells the parent page its height,
// and nothing else, so the parent can size the frame. If the frame's URL has `events=outcome`, the
// outcome is also posted (never the answers), only to the origin named by `origin=`.
const parameters = new URLSearchParams(location.search);
const host = document.querySelector('[data-prescreen]');
const outcomeOrigin = parameters.get('events') === 'outcome' ? parameters.get('origin') : null;
if (outcomeOrigin) {
  host.setAttribute('data-events', 'outcome');
  host.addEventListener('prescreen:outcome', (event) => {
    parent.postMessage({ type: 'prescreen:outcome', outcome: event.detail.outcome }, outcomeOrigin);
  });
}

let lastHeight = 0;
const reportHeight = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight) {
    lastHeight = height;
    parent.postMessage({ type: 'prescreen:height', height }, '*');
  }
};
new ResizeObserver(reportHeight).observe(document.documentElement);

await import('./prescreen.js');
