// A text file read into a text box and downloaded again keeps its line ends and byte-order mark
// (web/text-layout.ts, readTextFile and withLayout): the box holds LF alone, the download gives each line
// its own end back, as `latinitsa check --fix` keeps them (found by the thirty-fourth session's
// audits: CRLF became LF; then a file of mixed line ends became all LF).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { readTextFile, withLayout } from '../web/text-layout.ts';

const read = (raw: string): Promise<{ text: string; layout: Parameters<typeof withLayout>[1] }> => readTextFile(new File([raw], 'notes.txt'));

it('a file read into the box and given back unedited is the same file, whatever its line ends and byte-order mark', async () => {
  const line = fc.string({ unit: fc.constantFrom('a', 'Ж', ' ', 'é', '\u2028', '😀') });
  const file = fc.record({ bom: fc.boolean(), lines: fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 8 }), last: line });
  await fc.assert(
    fc.asyncProperty(file, async ({ bom, lines, last }) => {
      const raw = (bom ? '\ufeff' : '') + lines.map(([l, e]) => l + e).join('') + last;
      const { text, layout } = await read(raw);
      assert.ok(!/\r|^\ufeff/u.test(text), 'the box holds LF alone and no byte-order mark');
      assert.equal(withLayout(text, layout), raw);
    }),
  );
});

it('an edit within a line keeps every line its own end', async () => {
  const { text, layout } = await read('\ufeffZinovyev left.\r\nKamenev stayed.\nBukharin wrote.\r\n');
  assert.equal(text, 'Zinovyev left.\nKamenev stayed.\nBukharin wrote.\n');
  assert.equal(withLayout(text.replace('Zinovyev', 'Zinoviev'), layout), '\ufeffZinoviev left.\r\nKamenev stayed.\nBukharin wrote.\r\n');
  // A text pasted over the file's is no longer that file: it is given back as the box holds it.
  assert.equal(withLayout('Pasted.\n', undefined), 'Pasted.\n');
});
