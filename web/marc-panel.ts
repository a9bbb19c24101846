// The MARC panel: paste or open records (ISO 2709, MARCXML, MARC-in-JSON), romanize them into 880
// pairs, check their pairs or propose 880s, and see each record before and after, field by field.
// It runs latinitsa/marc here in the browser (docs/marc.md); nothing is sent anywhere. Its tab and
// panel are built here, so that the page needs one call: setupMarc() before the tabs are set up.
import { marcBatch, type FieldRow, type MarcBatchResult } from '../src/marc/index.ts';
import { announce, byId, downloadText, h, messageOf } from './dom.ts';

const SAMPLE = JSON.stringify({
  leader: '00000cam a2200000 i 4500',
  fields: [
    { '008': '130329s2013    ru            000 1 rus d' },
    { 100: { ind1: '1', ind2: ' ', subfields: [{ a: 'Буйда, Юрий,' }, { e: 'author.' }] } },
    { 245: { ind1: '1', ind2: '0', subfields: [{ a: 'Вор, шпион и убийца /' }, { c: 'Юрий Буйда.' }] } },
    { 264: { ind1: ' ', ind2: '1', subfields: [{ a: 'Москва :' }, { b: 'Эксмо,' }, { c: '2013.' }] } },
    { 300: { ind1: ' ', ind2: ' ', subfields: [{ a: '314 pages ;' }, { c: '21 cm.' }] } },
  ],
});

function row(r: FieldRow): HTMLTableRowElement {
  return h(
    'tr',
    { class: `marc-${r.status}` },
    h('th', { scope: 'row' }, r.tag),
    h('td', { lang: 'ru' }, r.before ?? ''),
    h('td', { lang: 'ru-Latn' }, r.after ?? ''),
    h('td', {}, r.status === 'same' ? '' : r.status),
  );
}

function render(out: HTMLElement, result: MarcBatchResult): void {
  out.replaceChildren();
  for (const e of result.errors) out.append(h('p', { class: 'error', role: 'alert' }, e.message));
  for (const rec of result.records) {
    const table = h('table', { class: 'marc-fields' }, h('caption', {}, `Record ${rec.index}: ${rec.changed} field${rec.changed === 1 ? '' : 's'} written`));
    table.append(h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tag'), h('th', { scope: 'col' }, 'Before'), h('th', { scope: 'col' }, 'After'), h('th', { scope: 'col' }, ''))));
    const body = h('tbody');
    for (const r of rec.fields) body.append(row(r));
    table.append(body);
    out.append(h('div', { class: 'table-wrap' }, table));
    const findings = result.diagnostics.filter((d) => d.data.record === rec.index);
    if (findings.length > 0) {
      out.append(h('ul', { class: 'marc-findings' }, ...findings.map((d) => h('li', {}, `${d.data.tag ?? ''}${d.data.occurrence === undefined ? '' : `-${d.data.occurrence}`} ${d.severity}: ${d.reason}${d.expected === undefined ? '' : ` Expected: ${d.expected[0]}`}`))));
    }
  }
}

/** Adds the MARC tab and panel to the page and wires them. */
export function setupMarc(): void {
  byId('tabs').append(h('button', { type: 'button', role: 'tab', id: 'tab-marc', 'aria-controls': 'panel-marc', 'data-panel': 'marc' }, 'Library records (MARC)'));
  const input = h('textarea', { id: 'mc-input', rows: '10', spellcheck: 'false', 'aria-describedby': 'mc-help' });
  input.value = SAMPLE;
  const file = h('input', { type: 'file', id: 'mc-file', accept: '.mrc,.marc,.xml,.json,.jsonl' });
  const operation = h('select', { id: 'mc-op' }, h('option', { value: 'romanize' }, 'Romanize into 880 pairs'), h('option', { value: 'check' }, 'Check the pairs'), h('option', { value: 'vernacular' }, 'Propose 880s (vernacular)'));
  const tie = h('select', { id: 'mc-tie' }, h('option', { value: 'auto' }, 'Ties as in the record'), h('option', { value: 'breve' }, 'Ties U+0361 (LC)'), h('option', { value: 'halves' }, 'Ties U+FE20/U+FE21 (OCLC)'));
  const run = h('button', { type: 'button', id: 'mc-run' }, 'Run');
  const save = h('button', { type: 'button', id: 'mc-save', disabled: '' }, 'Download MARCXML');
  const out = h('div', { id: 'mc-output', 'aria-live': 'polite' });
  let bytes: Uint8Array | undefined;
  let last: string | undefined;
  const panel = h(
    'section',
    { role: 'tabpanel', id: 'panel-marc', 'aria-labelledby': 'tab-marc', hidden: '' },
    h('h2', {}, 'Library records: MARC 21 with 880 fields'),
    h('p', { id: 'mc-help' }, 'Paste MARCXML or MARC-in-JSON, or open a .mrc file (UTF-8 or MARC-8). Everything runs in this page.'),
    h('label', { for: 'mc-input' }, 'Records'),
    input,
    h('p', {}, h('label', { for: 'mc-file' }, 'or open a file '), file),
    h('p', {}, h('label', { for: 'mc-op' }, 'Operation '), operation, ' ', h('label', { for: 'mc-tie' }, 'Ties '), tie, ' ', run, ' ', save),
    out,
  );
  byId('main').append(panel);
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (f === undefined) return;
    // The same file again (after the box was edited, which drops it) is a change too.
    file.value = '';
    bytes = new Uint8Array(await f.arrayBuffer());
    input.value = `(${f.name}, ${bytes.length} bytes)`;
  });
  input.addEventListener('input', () => {
    bytes = undefined;
  });
  run.addEventListener('click', async () => {
    try {
      const result = await marcBatch({
        operation: operation.value as 'romanize' | 'check' | 'vernacular',
        ...(bytes === undefined ? { text: input.value } : { bytes }),
        tie: tie.value as 'auto' | 'breve' | 'halves',
        output: 'marcxml',
      });
      render(out, result);
      last = result.serialized;
      if (last !== undefined) save.removeAttribute('disabled');
      announce(`${result.records.length} record${result.records.length === 1 ? '' : 's'} done${result.errors.length > 0 ? `, ${result.errors.length} could not be read` : ''}`);
    } catch (error) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, messageOf(error)));
    }
  });
  save.addEventListener('click', () => {
    if (last !== undefined) downloadText(last, 'records.xml', 'application/marcxml+xml');
  });
}
