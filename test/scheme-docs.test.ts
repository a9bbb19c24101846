// docs/schemes/*.md are generated from the scheme data by `npm run docs:schemes` and committed;
// this checks that they are current and complete.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { docsDir, renderAll, ruleExample } from '../scripts/scheme-docs.ts';
import { getScheme, listSchemes } from '../src/index.ts';

const files = renderAll();

describe('generated scheme reference (docs/schemes)', () => {
  for (const [name, text] of files) {
    it(`${name} is current (run npm run docs:schemes)`, () => {
      const file = path.join(docsDir, name);
      assert.ok(existsSync(file), `${name} is missing`);
      assert.equal(readFileSync(file, 'utf8'), text);
    });
  }
  it('has no stale page of a scheme that no longer exists', () => {
    assert.deepEqual(readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort(), [...files.keys()].sort());
  });
  for (const { id } of listSchemes().filter((s) => s.builtIn)) {
    it(`${id}: every letter has a row and every context rule an example the engine computed`, () => {
      const scheme = getScheme(id);
      const text = files.get(`${id}.md`)!;
      for (const letter of scheme.language.letters) assert.match(text, new RegExp(`^\\| ${letter.toUpperCase()} ${letter} \\|`, 'mu'));
      for (const rule of scheme.rules) {
        const ex = ruleExample(scheme, rule);
        assert.ok(!ex.latin.startsWith('(no example'), `${id} rule ${rule.id ?? rule.match}: no example`);
      }
    });
  }
  it("README's table of schemes gives every option of each scheme it names, with its values", () => {
    const readme = readFileSync(path.join(docsDir, '..', '..', 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (`[^|]+`)[^|]*\|[^|]*\|([^|\n]*)\|$/gmu)];
    assert.ok(rows.length >= 10, 'the table of schemes is found');
    for (const [, ids, cell] of rows) {
      for (const [, id] of ids!.matchAll(/`([^`]+)`/gu)) {
        for (const [name, option] of Object.entries(getScheme(id!).options)) {
          assert.ok(cell!.includes(`\`${name}\` (${Object.keys(option.values).join('/')})`), `${id}: option ${name} missing from README's table`);
        }
      }
    }
  });
});
