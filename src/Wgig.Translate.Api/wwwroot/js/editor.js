// The editor's keyboard and partial updates. Every action here also works without this script (forms
// post, links lead to full pages); with it, a submission swaps in the row the server renders and moves on
// to the next open segment, the side panel follows the focused segment, and everything has a key:
// Ctrl+Enter submit and next, Alt+↓/↑ move, Ctrl+Shift+C copy the source, Ctrl+S save the draft,
// Alt+Shift+1…9 use the side panel's suggestion of that number, Esc leave the field, Enter go back in, ? the list of keys.

const editorRoot = document.querySelector('[data-editor]');
const panel = document.querySelector('[data-panel]');
const dialog = document.querySelector('[data-shortcuts]');
const PARTIAL = { 'Wgig-Partial': 'true' };

const rows = () => [...document.querySelectorAll('article[data-segment]')];
const rowOf = element => element?.closest?.('article[data-segment]');
const fieldOf = row => row?.querySelector('textarea[data-target-field]');
const editableOf = row => fieldOf(row)?.wgigEditor ?? fieldOf(row);
const inField = element => Boolean(element?.closest?.('.target__editor, textarea, input, select, [contenteditable="true"]'));

function focusRow(row, intoField = true) {
  if (!row) {
    return false;
  }
  const field = intoField ? editableOf(row) : null;
  (field ?? row).focus();
  row.scrollIntoView({ block: 'nearest' });
  return true;
}

function move(from, step, intoField) {
  const all = rows();
  const index = all.indexOf(rowOf(from));
  const next = all[index + step];
  if (next) {
    focusRow(next, intoField && Boolean(fieldOf(next)));
  }
}

// After a submission: the next segment still open for the volunteer, on this page or the next.
function nextOpen(after) {
  const all = rows();
  const index = all.indexOf(after);
  const open = all.slice(index + 1).concat(all.slice(0, index)).find(row => fieldOf(row));
  if (open) {
    focusRow(open);
    return;
  }
  const done = document.querySelector('[data-batch-done]');
  const nextPage = editorRoot?.dataset.nextPage;
  if (nextPage && !done) {
    window.location.assign(nextPage);
  } else {
    (document.querySelector('[data-batch-done]') ?? after).focus?.();
  }
}

function swap(old, html) {
  const holder = document.createElement('div');
  holder.innerHTML = html.trim();
  const fresh = holder.firstElementChild;
  old.replaceWith(fresh);
  fresh.dispatchEvent(new CustomEvent('wgig:content', { bubbles: true }));
  return fresh;
}

// A suggestion replaces the field's text (a glossary term goes in at the caret); the volunteer goes on in the field.
function useSuggestion(button) {
  const field = document.getElementById(button.dataset.for);
  if (!field?.wgigField) {
    return false;
  }
  if (button.dataset.insert === 'caret') {
    field.wgigField.insertText(button.dataset.useSuggestion);
  } else {
    field.wgigField.setText(button.dataset.useSuggestion);
  }
  field.wgigField.focus();
  return true;
}

async function submitRow(form, action) {
  const row = rowOf(form);
  const field = fieldOf(row);
  await form.wgigSettle?.();
  const body = new FormData(form);
  body.set('action', action);
  const status = form.querySelector('[data-status]');
  try {
    const response = await fetch(form.getAttribute('action'), { method: 'POST', body, headers: PARTIAL, credentials: 'same-origin' });
    const html = await response.text();
    if (!html.trim().startsWith('<')) {
      if (status) {
        status.textContent = html;
        status.className = 'target__status target__status--error';
      }
      return;
    }
    const fresh = swap(row, html);
    if (response.ok) {
      fresh.dispatchEvent(new CustomEvent('wgig:submitted', { bubbles: true, detail: { segment: fresh.dataset.segment, language: field.dataset.language } }));
      if (action === 'submit') {
        nextOpen(fresh);
      } else {
        focusRow(fresh);
      }
    } else {
      focusRow(fresh);
    }
  } catch {
    if (status) {
      status.textContent = editorRoot.dataset.offline;
      status.className = 'target__status target__status--offline';
    }
  }
}

// The side panel shows the focused segment: context, suggestions, history, comments.
let panelFor = panel?.querySelector('[data-panel-segment]')?.dataset.panelSegment ?? null;
let panelTimer = 0;

async function loadPanel(row, reveal = false) {
  if (!panel || !row) {
    return;
  }
  const segment = row.dataset.segment;
  if (segment === panelFor && !reveal) {
    return;
  }
  panelFor = segment;
  const link = row.querySelector('[data-panel-link]');
  try {
    const response = await fetch(link.href, { headers: PARTIAL, credentials: 'same-origin' });
    if (!response.ok || panelFor !== segment) {
      return;
    }
    const html = await response.text();
    panel.querySelector('.panel__content, [data-panel-empty]')?.remove();
    panel.insertAdjacentHTML('beforeend', html);
    panel.dispatchEvent(new CustomEvent('wgig:content', { bubbles: true }));
    if (reveal) {
      panel.scrollIntoView({ block: 'start' });
      panel.querySelector('h3')?.setAttribute('tabindex', '-1');
      panel.querySelector('h3')?.focus();
    }
  } catch {
    // Offline: the panel keeps what it showed; the link still leads to the segment's page.
  }
}

// A saved draft has been checked: the panel's checks follow what the volunteer typed.
document.addEventListener('wgig:draft-saved', async event => {
  const row = rowOf(event.target);
  const shown = panel?.querySelector('[data-panel-checks]');
  if (!row || !shown || panelFor !== row.dataset.segment) {
    return;
  }
  try {
    const response = await fetch(row.querySelector('[data-panel-link]').href, { headers: PARTIAL, credentials: 'same-origin' });
    const holder = document.createElement('div');
    holder.innerHTML = response.ok ? await response.text() : '';
    const fresh = holder.querySelector('[data-panel-checks]');
    if (fresh && panelFor === row.dataset.segment) {
      panel.querySelector('[data-panel-checks]')?.replaceWith(fresh);
    }
  } catch {
    // Offline: the checks shown stay as they were; the submission runs them again anyway.
  }
});

document.addEventListener('focusin', event => {
  const row = rowOf(event.target);
  if (!row) {
    return;
  }
  document.querySelectorAll('.segment--active').forEach(r => r !== row && r.classList.remove('segment--active'));
  row.classList.add('segment--active');
  clearTimeout(panelTimer);
  panelTimer = setTimeout(() => loadPanel(row), 250);
});

document.addEventListener('click', event => {
  const link = event.target.closest('[data-panel-link]');
  if (link && panel) {
    event.preventDefault();
    loadPanel(rowOf(link), true);
    return;
  }
  const copy = event.target.closest('[data-copy-source]');
  if (copy) {
    fieldOf(rowOf(copy))?.wgigField?.copySource();
    return;
  }
  const use = event.target.closest('[data-use-suggestion]');
  if (use) {
    useSuggestion(use);
    return;
  }
  if (event.target.closest('[data-open-shortcuts]')) {
    dialog?.showModal();
  }
});

document.addEventListener('submit', event => {
  const form = event.target;
  if (form.matches('[data-target-form]')) {
    event.preventDefault();
    const action = event.submitter?.value ?? 'submit';
    if (action === 'draft' && form.dataset.draftUrl && editorRoot) {
      // The autosave saves it (and keeps it on the device until the server has it).
      form.querySelector('[data-target-field]').dispatchEvent(new CustomEvent('wgig:save-now', { bubbles: true }));
      return;
    }
    submitRow(form, action);
  } else if (form.matches('[data-comment-form]') && panel?.contains(form)) {
    event.preventDefault();
    fetch(form.getAttribute('action'), { method: 'POST', body: new FormData(form), headers: PARTIAL, credentials: 'same-origin' })
      .then(response => response.text())
      .then(html => {
        const content = panel.querySelector('.panel__content');
        const fresh = swap(content, html);
        fresh.querySelector('.thread__entry:last-child')?.scrollIntoView({ block: 'nearest' });
        fresh.querySelector('[data-comment-form] textarea')?.focus();
      })
      .catch(() => form.submit());
  }
});

document.addEventListener('keydown', event => {
  if (event.isComposing) {
    return;
  }
  const target = event.target;
  const row = rowOf(target);
  const editing = target.classList?.contains('target__editor') || target.matches?.('textarea[data-target-field]');
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && editing) {
    event.preventDefault();
    submitRow(rowOf(target).querySelector('[data-target-form]'), 'submit');
  } else if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && (row || !inField(target))) {
    event.preventDefault();
    move(row ? target : rows()[0], event.key === 'ArrowDown' ? 1 : -1, true);
    if (!row) {
      focusRow(rows()[0]);
    }
  } else if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 's' && editing) {
    event.preventDefault();
    target.closest('[data-target-form]').querySelector('[data-target-field]').dispatchEvent(new CustomEvent('wgig:save-now', { bubbles: true }));
  } else if (event.key === 'Escape' && editing) {
    event.preventDefault();
    row.focus();
  } else if (event.key === 'Enter' && target === row && fieldOf(row)) {
    event.preventDefault();
    editableOf(row).focus();
  } else if (event.altKey && event.shiftKey && !event.ctrlKey && /^Digit[1-9]$/.test(event.code) && row && panelFor === row.dataset.segment) {
    // By the key's place, not its character: Shift changes the character on most layouts.
    const use = panel.querySelector(`[data-suggestion-key="${event.code.slice(5)}"]`);
    if (use) {
      event.preventDefault();
      useSuggestion(use);
    }
  } else if ((event.key === '?' || event.key === 'F1') && !inField(target)) {
    event.preventDefault();
    dialog?.showModal();
  }
});

// Opened at a segment (a link from My work, a notification, after a submission without script): go there.
const focused = document.querySelector('.segment--focused') ?? (location.hash ? document.getElementById(location.hash.slice(1)) : null);
if (focused?.matches?.('article[data-segment]')) {
  focusRow(focused, true);
  // Going to the #fragment when the page has loaded focuses the row itself: back into its field.
  window.addEventListener('load', () => requestAnimationFrame(() => {
    if (document.activeElement === focused || document.activeElement === document.body) {
      focusRow(focused, true);
    }
  }), { once: true });
}
