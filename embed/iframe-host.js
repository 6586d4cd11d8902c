// For host pages that embed Prescreen in an <iframe>. Include it once:
//   <iframe data-prescreen-frame data-src="/prescreen/frame.html" title="…" sandbox="…"></iframe>
//   <script type="module" src="/prescreen/iframe-host.js"></script>
// It loads each frame with this page's origin in its URL, so that the frame talks to this page
// only, and sizes the frame to the height it reports for its first page (the frame scrolls inside
// after that: later heights would reveal the patient's path and outcome).
for (const frame of document.querySelectorAll('iframe[data-prescreen-frame][data-src]')) {
  const source = new URL(frame.dataset.src, location.href);
  source.searchParams.set('origin', location.origin);
  frame.src = source.href;
}
window.addEventListener('message', (event) => {
  if (event.data?.type !== 'prescreen:height' || typeof event.data.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe[data-prescreen-frame]')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.max(200, event.data.height)}px`;
  }
});
