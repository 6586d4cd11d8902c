// For host pages that embed Prescreen in an <iframe>: sizes each frame to the height it reports.
// Include it once: <script type="module" src="/prescreen/iframe-host.js"></script>
window.addEventListener('message', (event) => {
  if (event.data?.type !== 'prescreen:height' || typeof event.data.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe[data-prescreen-frame]')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.max(200, event.data.height)}px`;
  }
});
