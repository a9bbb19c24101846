// The "Scheme file (.json)" control, one for every panel that takes a scheme (romanize, check,
// citations, bibliography): it opens a file as the scheme of one's own (web/own-scheme.ts), says
// what was loaded and whether it is kept, or the loader's error, and forgets it on request.
import { h, messageOf } from './dom.ts';
import { forgetOwnScheme, onOwnScheme, OWN_SCHEME, ownScheme, ownSchemeNote, useSchemeFile } from './own-scheme.ts';

/**
 * The "Scheme file" control of a panel (`prefix`: its ids): a file input, a line that says what
 * was loaded (and whether it is kept) or, for a file that cannot be loaded, the loader's error
 * (the file and the field), and "Forget this scheme". A good file is chosen in `select` when it
 * serves the language chosen there.
 */
export function schemeFileControl(prefix: string, select: HTMLSelectElement): HTMLElement {
  const input = h('input', { type: 'file', id: `${prefix}-scheme-file`, accept: '.json,application/json' });
  const note = h('span', { id: `${prefix}-scheme-file-status`, class: 'hint', role: 'status' });
  const drop = h('button', { type: 'button', id: `${prefix}-scheme-forget`, class: 'link' }, 'Forget this scheme');
  const shown = (): void => {
    note.textContent = ownSchemeNote();
    drop.hidden = ownScheme() === undefined;
  };
  shown();
  onOwnScheme(shown);
  drop.addEventListener('click', forgetOwnScheme);
  input.addEventListener('change', async () => {
    const f = input.files?.[0];
    if (f === undefined) return;
    try {
      useSchemeFile(new Uint8Array(await f.arrayBuffer()), f.name);
      const offered = [...select.options].some((o) => o.value === OWN_SCHEME);
      if (!offered) note.textContent = `${ownSchemeNote()} It is not a scheme for the language chosen here.`;
      else if (select.value !== OWN_SCHEME) {
        select.value = OWN_SCHEME;
        select.dispatchEvent(new Event('change'));
      }
    } catch (error) {
      note.textContent = messageOf(error);
    }
    // The same file again (after fixing it) is a change too.
    input.value = '';
  });
  return h('div', { class: 'field' }, h('label', { for: input.id }, 'Scheme file (.json)'), input, ' ', note, ' ', drop);
}
