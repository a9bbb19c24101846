// The check panel's "Read as" menu (web/check-format.ts): which format the text box and a file
// opened into it are read in, and when a pasted or typed text stops being the file's. Driven by
// test/fixtures/web/check-format.tsv (judged by hand against `check --input-format`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { documentFormatOf, documentFormats } from '../src/document/index.ts';
import { diff } from '../web/check-fixes.ts';
import { AS_FILE, boxFormat, boxFormats, formatItems, isNewText, type BoxFormat } from '../web/check-format.ts';
import { fixturesDir } from './support/fixtures.ts';

const rows = readFileSync(path.join(fixturesDir, 'web', 'check-format.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t').map((cell) => cell.replaceAll('\\n', '\n')));
const yes = (cell: string | undefined): boolean => {
  assert.ok(cell === 'yes' || cell === 'no', `yes or no, not ${cell}`);
  return cell === 'yes';
};

describe('check panel: Read as', () => {
  it('offers the library\'s formats, less .docx (a file, never text in a box), after "as the file says"', () => {
    assert.deepEqual(boxFormats, documentFormats.filter((f) => f !== 'docx'));
    assert.deepEqual(formatItems(undefined).map((i) => i.value), [AS_FILE, ...boxFormats]);
    assert.equal(formatItems(undefined)[0]!.label, 'as the file says (pasted text: plain text)');
    assert.equal(formatItems('markdown')[0]!.label, 'as the file says (Markdown)');
  });

  for (const [kind, ...cells] of rows) {
    const line = [kind, ...cells].join(' | ').replaceAll('\n', '\\n');
    it(line, () => {
      if (kind === 'opened') {
        const [name, chosen, expected] = cells;
        const byName = documentFormatOf(name!);
        assert.notEqual(byName, 'docx', 'a .docx is read as one, not through the menu');
        assert.equal(boxFormat(chosen!, byName as BoxFormat), expected);
      } else if (kind === 'box') {
        const [chosen, file, expected] = cells;
        assert.equal(boxFormat(chosen!, file === '' ? undefined : (file as BoxFormat)), expected);
      } else if (kind === 'new') {
        const [before, after, whole, expected] = cells;
        assert.equal(isNewText(diff(before!, after!), before!, yes(whole)), yes(expected));
      } else {
        assert.fail(`unknown kind of case: ${kind}`);
      }
    });
  }
});
