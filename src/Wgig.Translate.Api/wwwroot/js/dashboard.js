// The dashboard's live figures: while the page is in view, ask for the heat table and the workload again every
// data-live-seconds (and at once when the page comes back into view) and swap them in. Figures someone is reading
// stay put: no swap while focus is inside them, and a "figures as a table" that was open stays open.

const PARTIAL = { 'Wgig-Partial': 'live' };

const region = document.querySelector('[data-live-refresh]');
let busy = false;

async function refresh() {
  if (!region || busy || document.visibilityState !== 'visible' || region.contains(document.activeElement)) {
    return;
  }
  busy = true;
  try {
    const response = await fetch(region.dataset.liveRefresh, { headers: PARTIAL, credentials: 'same-origin' });
    if (!response.ok) {
      return;
    }
    const template = document.createElement('template');
    template.innerHTML = (await response.text()).trim();
    const fresh = template.content.querySelector('#live-figures');
    if (!fresh || region.contains(document.activeElement)) {
      return;
    }
    const open = [...region.querySelectorAll('details')].map(details => details.open);
    region.replaceChildren(...fresh.childNodes);
    region.querySelectorAll('details').forEach((details, index) => {
      details.open = open[index] ?? details.open;
    });
  } catch {
    // Offline for a moment: the next tick tries again.
  } finally {
    busy = false;
  }
}

if (region) {
  setInterval(refresh, Number(region.dataset.liveSeconds || 15) * 1000);
  document.addEventListener('visibilitychange', refresh);
}
