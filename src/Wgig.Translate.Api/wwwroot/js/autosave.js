// Drafts saved as the volunteer types. Every change is first kept on this device (localStorage, so a
// closed tab or a dropped connection loses nothing), then sent a moment after typing stops. When the
// connection is back, or the page is opened again, what was kept is sent. The server answers with the
// draft's new version; if someone (another tab, another device) saved a newer one meanwhile, it answers
// with both and nothing is overwritten until the volunteer chooses.

const editor = document.querySelector('[data-editor]');
const DELAY = 1500;
const RETRY = 15000;
const states = new Map();

function key(form) {
  const field = form.querySelector('[data-target-field]');
  return `wgig:draft:${field.dataset.language}:${field.dataset.segment}`;
}

function read(form) {
  try {
    return JSON.parse(localStorage.getItem(key(form)) ?? 'null');
  } catch {
    return null;
  }
}

function keep(form, text, base) {
  const kept = read(form);
  const entry = { text, base: kept?.base ?? base, at: Date.now() };
  try {
    localStorage.setItem(key(form), JSON.stringify(entry));
  } catch {
    // Storage full or refused: the draft still goes to the server.
  }
}

function forget(form) {
  localStorage.removeItem(key(form));
}

function status(form, text, kind = '') {
  const line = form.querySelector('[data-status]');
  if (line) {
    line.textContent = text;
    line.className = `target__status${kind ? ` target__status--${kind}` : ''}`;
  }
}

function state(form) {
  let found = states.get(form);
  if (!found) {
    found = { timer: 0, sending: null, again: false };
    states.set(form, found);
    // Before a submission: no save left waiting, none in flight, so the submission carries the version of the latest save.
    form.wgigSettle = async () => {
      clearTimeout(found.timer);
      found.again = false;
      await found.sending;
      // The save in flight may have asked for another as it ended (text typed while it was on its way): the submission
      // carries that text itself, and a save sent beside it would race it with the same version (one of them a conflict).
      clearTimeout(found.timer);
      found.again = false;
    };
  }
  return found;
}

function schedule(form, delay = DELAY) {
  const s = state(form);
  clearTimeout(s.timer);
  s.timer = setTimeout(() => send(form), delay);
}

async function send(form) {
  const s = state(form);
  clearTimeout(s.timer);
  if (!form.isConnected) {
    return;
  }
  if (s.sending) {
    s.again = true;
    return s.sending;
  }
  const version = form.querySelector('[data-version]');
  const kept = read(form);
  if (!kept) {
    return;
  }
  if (!navigator.onLine) {
    status(form, editor.dataset.offline, 'offline');
    return;
  }
  let done;
  s.sending = new Promise(resolve => { done = resolve; });
  status(form, editor.dataset.saving);
  const body = new FormData();
  body.append('__RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
  body.append('text', kept.text);
  body.append('version', version.value);
  try {
    const response = await fetch(form.dataset.draftUrl, { method: 'POST', body, headers: { 'Wgig-Partial': 'draft' }, credentials: 'same-origin' });
    const answer = await response.text();
    if (response.ok) {
      version.value = (response.headers.get('ETag') ?? '').replaceAll('"', '') || version.value;
      const now = read(form);
      if (now && now.text === kept.text) {
        forget(form);
      } else if (now) {
        localStorage.setItem(key(form), JSON.stringify({ ...now, base: version.value }));
        s.again = true;
      }
      status(form, answer);
      form.querySelector('[data-conflict]')?.remove();
      form.dispatchEvent(new CustomEvent('wgig:draft-saved', { bubbles: true }));
      const expires = response.headers.get('Wgig-Lease-Expires');
      if (expires) {
        document.dispatchEvent(new CustomEvent('wgig:lease-renewed', { detail: { expires } }));
      }
    } else if (response.status === 409) {
      showConflict(form, answer, (response.headers.get('ETag') ?? '').replaceAll('"', ''));
      status(form, '', 'error');
    } else if (response.status === 400 && /anti-?forgery/i.test(answer)) {
      status(form, editor.dataset.session, 'error');
    } else {
      status(form, answer || response.statusText, 'error');
    }
  } catch {
    status(form, editor.dataset.offline, 'offline');
    schedule(form, RETRY);
  } finally {
    s.sending = null;
    done();
    if (s.again) {
      s.again = false;
      schedule(form, 0);
    }
  }
}

// Both versions side by side; the volunteer keeps theirs (sent again over the current version) or takes the other.
function showConflict(form, html, current) {
  form.querySelector('[data-conflict]')?.remove();
  const holder = document.createElement('div');
  holder.innerHTML = html;
  const box = holder.firstElementChild;
  if (!box) {
    return;
  }
  box.dataset.current = current;
  form.querySelector('[data-target-field]').before(box);
}

document.addEventListener('click', event => {
  const keepMine = event.target.closest('[data-keep-mine]');
  const takeTheirs = event.target.closest('[data-take-theirs]');
  if (!keepMine && !takeTheirs) {
    return;
  }
  const form = event.target.closest('[data-target-form]');
  const box = event.target.closest('[data-conflict]');
  const version = form.querySelector('[data-version]');
  if (box.dataset.current) {
    version.value = box.dataset.current;
  }
  const field = form.querySelector('[data-target-field]');
  if (takeTheirs) {
    forget(form);
    field.wgigField?.setText(box.querySelector('[data-conflict-theirs]').dataset.text);
    forget(form);
    box.remove();
    field.wgigField?.focus();
    return;
  }
  keep(form, field.value, version.value);
  const kept = read(form);
  localStorage.setItem(key(form), JSON.stringify({ ...kept, base: version.value }));
  box.remove();
  send(form);
});

document.addEventListener('wgig:changed', event => {
  const form = event.target.closest('[data-target-form]');
  if (!form?.dataset.draftUrl) {
    return;
  }
  keep(form, event.target.value, form.querySelector('[data-version]').value);
  schedule(form);
});

// Save now (Ctrl+S, or the "Save draft" button when a script runs).
document.addEventListener('wgig:save-now', event => {
  const form = event.target.closest('[data-target-form]');
  if (form) {
    keep(form, form.querySelector('[data-target-field]').value, form.querySelector('[data-version]').value);
    send(form);
  }
});

// Handed in: the kept draft is done with.
document.addEventListener('wgig:submitted', event => {
  localStorage.removeItem(`wgig:draft:${event.detail.language}:${event.detail.segment}`);
});

// What was kept on this device and not yet saved: back into its field, and sent (its base version makes a conflict show).
function restore(root = document) {
  root.querySelectorAll('[data-target-form][data-draft-url]').forEach(form => {
    const kept = read(form);
    const field = form.querySelector('[data-target-field]');
    if (!kept || !field) {
      return;
    }
    if (kept.text === field.value) {
      forget(form);
      return;
    }
    if (field.wgigField) {
      field.wgigField.setText(kept.text);
    } else {
      field.value = kept.text;
    }
    // The base is the version the text was typed over: if the server moved on since, the conflict shows.
    localStorage.setItem(key(form), JSON.stringify(kept));
    form.querySelector('[data-version]').value = kept.base ?? form.querySelector('[data-version]').value;
    status(form, editor.dataset.restored);
    schedule(form, 0);
  });
}

if (editor) {
  restore();
  document.addEventListener('wgig:content', event => restore(event.target));
  window.addEventListener('online', () => document.querySelectorAll('[data-target-form][data-draft-url]').forEach(form => {
    if (read(form)) {
      send(form);
    }
  }));
  window.addEventListener('offline', () => document.querySelectorAll('[data-target-form][data-draft-url]').forEach(form => {
    if (read(form)) {
      status(form, editor.dataset.offline, 'offline');
    }
  }));
  // Leaving with something unsent: one last try that survives the page (the copy on this device stays until confirmed).
  window.addEventListener('pagehide', () => document.querySelectorAll('[data-target-form][data-draft-url]').forEach(form => {
    const kept = read(form);
    if (kept && navigator.onLine) {
      const body = new FormData();
      body.append('__RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
      body.append('text', kept.text);
      body.append('version', form.querySelector('[data-version]').value);
      navigator.sendBeacon(form.dataset.draftUrl, body);
    }
  }));
}
