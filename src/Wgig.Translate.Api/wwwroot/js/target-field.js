// The target field, enhanced: the textarea (which holds "⟦1⟧…⟦/1⟧" token text and works without this
// script) becomes an editable area where each inline code is an atomic pill with a spoken name. Pills
// can be moved and copied (Ctrl+Shift+1…9 puts code n at the caret or around the selection, moving it
// there if it was elsewhere; cut, copy and paste carry them) but not broken or invented: the field only
// ever holds the source's codes, each once. Missing codes and spans that cross are flagged as you type.
// The textarea stays in the form, hidden, and always holds the field's text as tokens.

const TOKEN = /⟦(\/?)(\d{1,6})(\/?)⟧/g;

function sourceCodes(row) {
  const codes = new Map();
  row.querySelectorAll('.segment__source .code[data-token]').forEach(pill => {
    codes.set(pill.dataset.token, {
      token: pill.dataset.token,
      name: pill.dataset.name,
      title: pill.getAttribute('title') ?? pill.dataset.name,
      kind: pill.dataset.kind,
      id: pill.dataset.code,
    });
  });
  return codes;
}

function pill(code) {
  const element = document.createElement('span');
  element.className = `code code--${code.kind.toLowerCase()}`;
  element.contentEditable = 'false';
  element.dataset.token = code.token;
  element.dataset.code = code.id;
  element.dataset.kind = code.kind;
  element.title = code.title;
  element.draggable = true;
  const glyph = document.createElement('span');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = code.token;
  const name = document.createElement('span');
  name.className = 'visually-hidden';
  name.textContent = ` ${code.name} `;
  element.append(glyph, name);
  return element;
}

// Token text into nodes: text, and a pill for each token the source has (anything else stays text).
function nodesFor(text, codes) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const code = codes.get(match[0]);
    if (!code) {
      continue;
    }
    if (match.index > last) {
      fragment.append(document.createTextNode(text.slice(last, match.index)));
    }
    fragment.append(pill(code));
    last = match.index + match[0].length;
  }
  if (last < text.length) {
    fragment.append(document.createTextNode(text.slice(last)));
  }
  return fragment;
}

// Nodes back into token text. Brackets typed by hand are dropped: a code is never typed, only placed.
function textOf(node) {
  let text = '';
  node.childNodes.forEach(child => {
    if (child.nodeType === Node.TEXT_NODE) {
      text += child.nodeValue.replace(/[⟦⟧\u00a0]/g, c => (c === '\u00a0' ? ' ' : ''));
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      if (child.dataset?.token) {
        text += child.dataset.token;
      } else if (child.nodeName === 'BR') {
        text += '\n';
      } else {
        const block = child.nodeName === 'DIV' || child.nodeName === 'P';
        if (block && text.length > 0 && !text.endsWith('\n')) {
          text += '\n';
        }
        text += textOf(child);
      }
    }
  });
  return text;
}

function fragmentText(fragment) {
  const holder = document.createElement('div');
  holder.append(fragment);
  return textOf(holder);
}

// The problems a translator should see before submitting: codes left out, and spans that end before they start or cross.
function check(text, codes) {
  const present = [...text.matchAll(TOKEN)].map(m => m[0]);
  const missing = [...codes.values()].filter(code => !present.includes(code.token));
  const open = [];
  let crossed = null;
  for (const token of present) {
    const code = codes.get(token);
    if (!code) {
      continue;
    }
    if (code.kind === 'Open') {
      open.push(code.id);
    } else if (code.kind === 'Close' && codes.has(`⟦${code.id}⟧`)) {
      if (open.at(-1) !== code.id) {
        crossed = code;
        break;
      }
      open.pop();
    }
  }
  return { missing, crossed };
}

function enhance(textarea) {
  if (textarea.wgigEditor) {
    return;
  }
  const row = textarea.closest('article');
  const codes = sourceCodes(row);
  const editor = document.createElement('div');
  editor.className = 'target__editor';
  editor.contentEditable = 'true';
  editor.id = `${textarea.id}-editor`;
  editor.setAttribute('role', 'textbox');
  editor.setAttribute('aria-multiline', 'true');
  editor.spellcheck = true;
  for (const attribute of ['lang', 'dir', 'aria-describedby', 'aria-invalid']) {
    if (textarea.hasAttribute(attribute)) {
      editor.setAttribute(attribute, textarea.getAttribute(attribute));
    }
  }
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label) {
    label.id ||= `${textarea.id}-label`;
    editor.setAttribute('aria-labelledby', label.id);
    label.addEventListener('click', () => editor.focus());
  }
  editor.append(nodesFor(textarea.value, codes));
  textarea.hidden = true;
  textarea.after(editor);
  textarea.wgigEditor = editor;

  const missingArea = row.querySelector('[data-missing]');
  const legend = row.querySelectorAll('.target__codes .code[data-token]');
  let composing = false;

  const sync = (announce = true) => {
    const text = textOf(editor);
    const changed = textarea.value !== text;
    textarea.value = text;
    const { missing, crossed } = check(text, codes);
    legend.forEach(item => item.classList.toggle('code--missing', missing.some(code => code.token === item.dataset.token)));
    if (missingArea) {
      const parts = [];
      if (missing.length > 0) {
        parts.push(`${missingArea.dataset.missingLabel} ${missing.map(code => code.name).join(', ')}`);
      }
      if (crossed) {
        parts.push(`${crossed.token} ✕`);
      }
      missingArea.textContent = parts.join(' · ');
    }
    editor.setAttribute('aria-invalid', crossed ? 'true' : 'false');
    if (changed && announce) {
      textarea.dispatchEvent(new CustomEvent('wgig:changed', { bubbles: true }));
    }
  };

  const selectionInEditor = () => {
    const selection = document.getSelection();
    if (!selection.rangeCount) {
      return null;
    }
    const range = selection.getRangeAt(0);
    return editor.contains(range.commonAncestorContainer) ? range : null;
  };

  const placeCaret = (node, after = true) => {
    const range = document.createRange();
    if (after) {
      range.setStartAfter(node);
    } else {
      range.setStartBefore(node);
    }
    range.collapse(true);
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };

  // Code n of the source (its n-th id, in source order) at the caret, or around the selection: moved there if it was elsewhere.
  const placeCode = number => {
    const ids = [...new Set([...codes.values()].map(code => code.id))];
    const id = ids[number - 1];
    if (!id) {
      return;
    }
    let range = selectionInEditor();
    if (!range) {
      editor.focus();
      range = document.createRange();
      range.selectNodeContents(editor);
      range.collapse(false);
    }
    const open = codes.get(`⟦${id}⟧`);
    const close = codes.get(`⟦/${id}⟧`);
    const alone = codes.get(`⟦${id}/⟧`);
    const selected = range.extractContents();
    selected.querySelectorAll?.(`[data-code="${id}"]`).forEach(p => p.remove());
    editor.querySelectorAll(`[data-code="${id}"]`).forEach(p => p.remove());
    const fragment = document.createDocumentFragment();
    let caret;
    if (alone) {
      fragment.append(selected, (caret = pill(alone)));
    } else {
      const start = open ? pill(open) : null;
      const end = close ? pill(close) : null;
      if (start) {
        fragment.append(start);
      }
      const inner = document.createTextNode('');
      fragment.append(inner, selected);
      caret = end ?? start;
      if (end) {
        fragment.append(end);
      }
      if (!selected.textContent && start && end) {
        range.insertNode(fragment);
        placeCaret(start);
        sync();
        return;
      }
    }
    range.insertNode(fragment);
    placeCaret(caret);
    sync();
  };

  const setText = text => {
    editor.focus();
    const range = document.createRange();
    range.selectNodeContents(editor);
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    // Through the editing commands, so Ctrl+Z brings the previous text back.
    const holder = document.createElement('div');
    holder.append(nodesFor(text, codes));
    if (!document.execCommand('insertHTML', false, holder.innerHTML)) {
      editor.replaceChildren(nodesFor(text, codes));
    }
    editor.querySelectorAll('[data-token]').forEach(p => { p.contentEditable = 'false'; });
    sync();
  };

  const sourceText = () => {
    const source = row.querySelector('.segment__source');
    const copy = source.cloneNode(true);
    copy.querySelectorAll('.visually-hidden:not(.code .visually-hidden)').forEach(hint => hint.remove());
    copy.querySelectorAll('details').forEach(details => details.remove());
    return textOf(copy).trim();
  };

  editor.addEventListener('compositionstart', () => { composing = true; });
  editor.addEventListener('compositionend', () => {
    composing = false;
    sync();
  });
  editor.addEventListener('input', () => {
    if (!composing) {
      sync();
    }
  });

  editor.addEventListener('keydown', event => {
    if (event.isComposing || composing) {
      return;
    }
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      document.execCommand('insertText', false, '\n');
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.shiftKey && /^Digit[1-9]$/.test(event.code)) {
      event.preventDefault();
      placeCode(Number(event.code.slice(5)));
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.code === 'KeyC') {
      event.preventDefault();
      setText(sourceText());
    }
  });

  // Copying and cutting carry the codes as tokens; pasting tokens of this source turns them into pills (moved if already there).
  const copySelection = (event, cut) => {
    const range = selectionInEditor();
    if (!range || range.collapsed) {
      return;
    }
    event.preventDefault();
    event.clipboardData.setData('text/plain', fragmentText(range.cloneContents()));
    if (cut) {
      range.deleteContents();
      sync();
    }
  };
  editor.addEventListener('copy', event => copySelection(event, false));
  editor.addEventListener('cut', event => copySelection(event, true));
  editor.addEventListener('paste', event => {
    event.preventDefault();
    const text = (event.clipboardData.getData('text/plain') ?? '').replace(/\r\n/g, '\n');
    const pasted = [...text.matchAll(TOKEN)].map(m => m[0]).filter(token => codes.has(token));
    pasted.forEach(token => editor.querySelectorAll(`[data-token="${CSS.escape(token)}"]`).forEach(p => p.remove()));
    const range = selectionInEditor();
    if (!range) {
      return;
    }
    range.deleteContents();
    const nodes = nodesFor(text, codes);
    const lastNode = nodes.lastChild;
    range.insertNode(nodes);
    if (lastNode) {
      placeCaret(lastNode);
    }
    sync();
  });

  editor.addEventListener('drop', () => setTimeout(() => {
    editor.querySelectorAll('[data-token]').forEach(p => { p.contentEditable = 'false'; });
    sync();
  }));

  textarea.wgigField = {
    editor,
    get text() { return textarea.value; },
    setText,
    copySource: () => setText(sourceText()),
    // Plain text (a glossary term) at the caret, or at the end when the caret is elsewhere; Ctrl+Z takes it out again.
    insertText: text => {
      editor.focus();
      if (!selectionInEditor()) {
        const end = document.createRange();
        end.selectNodeContents(editor);
        end.collapse(false);
        document.getSelection().removeAllRanges();
        document.getSelection().addRange(end);
      }
      if (!document.execCommand('insertText', false, text)) {
        selectionInEditor()?.insertNode(document.createTextNode(text));
      }
      sync();
    },
    focus: () => editor.focus(),
  };
  sync(false);
}

// Copying from the source column gives its text with the codes as tokens, ready to paste into a target.
document.addEventListener('copy', event => {
  const selection = document.getSelection();
  if (!selection.rangeCount) {
    return;
  }
  const range = selection.getRangeAt(0);
  const source = range.commonAncestorContainer.parentElement?.closest?.('.segment__source') ??
    (range.commonAncestorContainer.closest?.('.segment__source'));
  if (!source || range.collapsed) {
    return;
  }
  const copy = range.cloneContents();
  copy.querySelectorAll('.visually-hidden:not(.code .visually-hidden)').forEach(hint => hint.remove());
  event.preventDefault();
  event.clipboardData.setData('text/plain', fragmentText(copy));
});

function enhanceAll(root = document) {
  root.querySelectorAll('textarea[data-target-field]').forEach(enhance);
}

enhanceAll();
document.addEventListener('wgig:content', event => enhanceAll(event.target));
