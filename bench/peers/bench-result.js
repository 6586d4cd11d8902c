// The peer harness waits for #result to read "Eligible" or "Not eligible". Prescreen tells its host
// the outcome through the opt-in prescreen:outcome event (never the answers); this page writes it
// there in the peers' words. "Cannot tell yet" has no peer equivalent and is written as such.
const WORDS = { likely_eligible: 'Eligible', not_eligible: 'Not eligible', needs_review: 'Cannot tell yet' };
document.querySelector('[data-prescreen]').addEventListener('prescreen:outcome', (event) => {
  document.getElementById('result').textContent = WORDS[event.detail.outcome] ?? event.detail.outcome;
});
