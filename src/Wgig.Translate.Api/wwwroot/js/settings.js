// The settings page's connection test: while the Worker has not answered, ask the page for the test's status every two
// seconds and swap it in (its live region reads the answer out). Without script, the page's "refresh" link does the same.

const PARTIAL = { 'Wgig-Partial': 'check' };
const INTERVAL = 2000;
const PATIENCE = 90000; // the Worker gives the host 30 s; past this, the link is there

async function wait(status) {
  const started = Date.now();
  let current = status;
  while (current?.dataset.checkPending && Date.now() - started < PATIENCE) {
    await new Promise(resolve => setTimeout(resolve, INTERVAL));
    try {
      const response = await fetch(current.dataset.checkPending, { headers: PARTIAL, credentials: 'same-origin' });
      if (!response.ok) {
        return;
      }
      const template = document.createElement('template');
      template.innerHTML = (await response.text()).trim();
      const fresh = template.content.querySelector('#check-status');
      if (!fresh) {
        return;
      }
      // Only the contents change, so the live region stays the same element and announces the answer.
      current.replaceChildren(...fresh.childNodes);
      if (fresh.dataset.checkPending) {
        current.dataset.checkPending = fresh.dataset.checkPending;
      } else {
        delete current.dataset.checkPending;
      }
    } catch {
      // Offline for a moment: try again at the next tick.
    }
  }
}

wait(document.querySelector('#check-status[data-check-pending]'));
