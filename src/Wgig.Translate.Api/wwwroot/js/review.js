// The review page's keyboard and partial updates: A approves the focused translation and moves to the
// next, R goes to the rejection comment, E opens the correction, J/K or Alt+↓/↑ move, Ctrl+Enter does the
// field's action (reject with the comment, approve the correction, else approve), ? lists the keys.
// Without this script every decision is a form post.

const list = document.querySelector('[data-review]');
const dialog = document.querySelector('[data-shortcuts]');
const rows = () => [...document.querySelectorAll('article[data-review-row]')];
const rowOf = element => element?.closest?.('article[data-review-row]');
const inField = element => Boolean(element?.closest?.('textarea, input, select, .target__editor, [contenteditable="true"]'));

function focusRow(row) {
  if (row) {
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
  }
}

function move(row, step) {
  const all = rows();
  focusRow(all[all.indexOf(row) + step] ?? (row ? null : all[0]));
}

function nextUndecided(after) {
  const all = rows();
  const index = all.indexOf(after);
  const next = all.slice(index + 1).concat(all.slice(0, index)).find(row => !row.hasAttribute('data-decided'));
  focusRow(next ?? document.querySelector('.review__batch') ?? after);
  if (!next) {
    document.querySelector('#read-all')?.focus();
  }
}

async function decide(form, decision) {
  const row = rowOf(form);
  const body = new FormData(form);
  body.set('decision', decision);
  try {
    const response = await fetch(form.getAttribute('action'), { method: 'POST', body, headers: { 'Wgig-Partial': 'true' }, credentials: 'same-origin' });
    const html = (await response.text()).trim();
    if (!html.startsWith('<')) {
      form.submit();
      return;
    }
    const holder = document.createElement('div');
    holder.innerHTML = html;
    const fresh = holder.firstElementChild;
    row.replaceWith(fresh);
    fresh.dispatchEvent(new CustomEvent('wgig:content', { bubbles: true }));
    if (response.ok) {
      nextUndecided(fresh);
    } else {
      focusRow(fresh);
      (fresh.querySelector('.field-error') ? fresh.querySelector(decision === 'reject' ? '[data-reject-comment]' : '.target__editor, [data-reject-comment]') : null)?.focus();
    }
  } catch {
    form.submit();
  }
}

if (list) {
  document.addEventListener('submit', event => {
    const form = event.target.closest('[data-review-form]');
    if (form) {
      event.preventDefault();
      decide(form, event.submitter?.value ?? 'approve');
    }
  });

  document.addEventListener('keydown', event => {
    if (event.isComposing || event.defaultPrevented) {
      return;
    }
    const target = event.target;
    const row = rowOf(target);
    const form = row?.querySelector('[data-review-form]');
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && form) {
      event.preventDefault();
      const decision = target.matches('[data-reject-comment]') ? 'reject' : target.closest('.review__edit') ? 'edit' : 'approve';
      decide(form, decision);
      return;
    }
    if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      move(row, event.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (event.key === 'Escape' && row && inField(target)) {
      event.preventDefault();
      row.focus();
      return;
    }
    if (inField(target) || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const key = event.key.toLowerCase();
    if (key === '?' || event.key === 'F1') {
      event.preventDefault();
      dialog?.showModal();
    } else if (key === 'j') {
      event.preventDefault();
      move(row, 1);
    } else if (key === 'k') {
      event.preventDefault();
      move(row, -1);
    } else if (form && key === 'a') {
      event.preventDefault();
      decide(form, 'approve');
    } else if (form && key === 'r') {
      event.preventDefault();
      form.querySelector('[data-reject-comment]').focus();
    } else if (form && key === 'e') {
      event.preventDefault();
      const edit = form.querySelector('.review__edit');
      edit.open = true;
      (edit.querySelector('.target__editor') ?? edit.querySelector('textarea')).focus();
    }
  });

  document.addEventListener('click', event => {
    if (event.target.closest('[data-open-shortcuts]')) {
      dialog?.showModal();
    }
  });

  focusRow(rows()[0]);
}
