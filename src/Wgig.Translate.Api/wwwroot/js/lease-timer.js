// Lease countdowns: "ends in 47 h 59 min", a spoken warning at an hour and at ten minutes, and when the
// lease has run out, the offer to claim again instead of the renew button. Times are counted against
// the server's clock as the page was rendered, whatever the device's clock says. A renewal (the button,
// or a draft saved) moves the end.

const leases = [];

function format(template, ...values) {
  return values.reduce((text, value, index) => text.replace(`{${index}}`, value), template);
}

function remaining(lease, ms) {
  const number = value => value.toLocaleString(document.documentElement.lang);
  const minutes = Math.ceil(ms / 60000);
  if (ms >= 86400000) {
    return format(lease.dataset.daysHours, number(Math.floor(ms / 86400000)), number(Math.floor((ms % 86400000) / 3600000)));
  }
  if (ms >= 3600000) {
    return format(lease.dataset.hoursMinutes, number(Math.floor(ms / 3600000)), number(Math.floor((ms % 3600000) / 60000)));
  }
  return format(lease.dataset.minutes, number(Math.max(1, minutes)));
}

function update(entry) {
  const { lease } = entry;
  const left = Date.parse(lease.dataset.expires) - (Date.now() + entry.skew);
  const text = lease.querySelector('[data-lease-left]');
  const announce = lease.querySelector('[data-lease-announce]');
  const over = left <= 0;
  lease.classList.toggle('lease--over', over);
  lease.classList.toggle('lease--soon', !over && left < 7200000);
  lease.querySelector('[data-lease-live]')?.toggleAttribute('hidden', over);
  lease.querySelector('[data-lease-over]')?.toggleAttribute('hidden', !over);
  if (over) {
    text.textContent = lease.dataset.over;
    if (entry.said !== 'over') {
      entry.said = 'over';
      announce.textContent = lease.dataset.over;
      document.dispatchEvent(new CustomEvent('wgig:lease-over'));
    }
    return;
  }
  text.textContent = format(lease.dataset.endsIn, remaining(lease, left));
  const threshold = left < 600000 ? 'ten' : left < 3600000 ? 'hour' : null;
  if (threshold && entry.said !== threshold) {
    entry.said = threshold;
    announce.textContent = `${text.textContent}. ${lease.dataset.soon}`;
  } else if (!threshold) {
    entry.said = null;
  }
}

document.querySelectorAll('[data-lease]').forEach(lease => {
  const entry = { lease, skew: Date.parse(lease.dataset.now) - Date.now(), said: null };
  leases.push(entry);
  update(entry);
});

setInterval(() => leases.forEach(update), 15000);

document.addEventListener('wgig:lease-renewed', event => {
  leases.forEach(entry => {
    if (Date.parse(event.detail.expires) > Date.parse(entry.lease.dataset.expires)) {
      entry.lease.dataset.expires = event.detail.expires;
      update(entry);
    }
  });
});

// Renewing without leaving the page.
document.addEventListener('submit', async event => {
  const form = event.target.closest('[data-lease-renew]');
  if (!form) {
    return;
  }
  event.preventDefault();
  try {
    const response = await fetch(form.getAttribute('action'), { method: 'POST', body: new FormData(form), headers: { 'Wgig-Partial': 'true' }, credentials: 'same-origin' });
    const expires = response.headers.get('Wgig-Lease-Expires');
    if (response.ok && expires) {
      const entry = leases.find(e => e.lease.contains(form));
      entry.lease.dataset.expires = expires;
      entry.said = null;
      update(entry);
      entry.lease.querySelector('[data-lease-announce]').textContent = entry.lease.querySelector('[data-lease-left]').textContent;
    } else {
      form.submit();
    }
  } catch {
    form.submit();
  }
});
