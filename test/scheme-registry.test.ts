// The scheme registry is discovered from the data folders, and the JSON Schemas are the one
// description of the file formats (docs/scheme-format.md):
// - the generated modules (src/schemes/builtin.ts, src/schemes/types.ts) are current;
// - a new scheme, or a new language with its scheme, is one JSON file each (shown on a copy of
//   the source in a temporary folder);
// - the validator's structural checks are the schema's: they agree with a JSON Schema validator
//   (Ajv) on every built-in file and on random damage to them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { renderCatalog, renderTypes } from '../scripts/generate-schemes.ts';
import { LatinitsaError, loadScheme } from '../src/index.ts';
import { languageFiles } from '../src/schemes/builtin.ts';
import { getLanguage } from '../src/schemes/index.ts';
import { builtInSources } from '../src/schemes/registry.ts';
import { SCHEMA_KEYWORDS, type JsonSchema } from '../src/schemes/schema.ts';
import { checkLanguageShape, checkSchemeShape, validateLanguage } from '../src/schemes/validate.ts';

const root = path.resolve(import.meta.dirname, '..');
const schemesDir = path.join(root, 'src', 'schemes');
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const schemeSchema = readJson(path.join(schemesDir, 'scheme.schema.json')) as JsonSchema;
const languageSchema = readJson(path.join(schemesDir, 'language.schema.json')) as JsonSchema;

describe('generated from the data', () => {
  it('src/schemes/builtin.ts imports every file in languages/ and data/ (run npm run docs:schemes)', () => {
    assert.equal(readFileSync(path.join(schemesDir, 'builtin.ts'), 'utf8'), renderCatalog(root));
  });
  it('src/schemes/types.ts is generated from the JSON Schemas (run npm run docs:schemes)', () => {
    assert.equal(readFileSync(path.join(schemesDir, 'types.ts'), 'utf8'), renderTypes(root));
  });
  it('the schemas use only keywords the validator applies', () => {
    const used = new Set<string>();
    const walk = (s: unknown, inMap: boolean): void => {
      if (typeof s !== 'object' || s === null) return;
      for (const [key, value] of Object.entries(s)) {
        if (!inMap) used.add(key);
        // properties, definitions and patternProperties are maps of schemas, not keywords.
        const isMap = !inMap && ['properties', 'definitions', 'patternProperties'].includes(key);
        if (Array.isArray(value)) value.forEach((v) => walk(v, false));
        else if (isMap) for (const sub of Object.values(value as object)) walk(sub, false);
        else if (!inMap && key !== 'enum' && key !== 'required') walk(value, false);
      }
    };
    walk(schemeSchema, false);
    walk(languageSchema, false);
    assert.deepEqual([...used].filter((k) => !SCHEMA_KEYWORDS.includes(k)), []);
  });
});

describe('the validator and a JSON Schema validator agree on structure', () => {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  const schemeValid = ajv.compile(schemeSchema);
  const languageValid = ajv.compile(languageSchema);
  /** Whether a check accepts the data; a rejection must be a pointed ERR_SCHEME_INVALID. */
  const accepts = (check: (data: unknown) => unknown) => (data: unknown): boolean => {
    try {
      check(data);
      return true;
    } catch (e) {
      assert.ok(e instanceof LatinitsaError && e.code === 'ERR_SCHEME_INVALID' && e.pointer !== undefined, String(e));
      return false;
    }
  };
  const shapeOk = accepts((data) => checkSchemeShape(data, { file: 'x.json' }));
  const languageOk = accepts((data) => checkLanguageShape(data, { file: 'x.json' }));

  // Random damage at a random place of a built-in file: a field removed, added or replaced.
  const values = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.constant(['a', 'b']), fc.constantFrom('upper', 'ж', 'Ж', '@vowel', '^', 'x-y', 'X Y'));
  const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
    if (typeof value !== 'object' || value === null) return [prefix];
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
  };
  const damage = (source: unknown, at: (string | number)[], kind: number, key: string, value: unknown): unknown => {
    const copy = structuredClone(source) as Record<string | number, unknown>;
    let node: Record<string | number, unknown> = copy;
    for (const step of at.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
    const last = at[at.length - 1];
    if (last === undefined) return kind === 0 ? value : { ...copy, [key]: value };
    if (kind === 0) node[last] = value;
    else if (kind === 1 && !Array.isArray(node)) delete node[last];
    else if (typeof node[last] === 'object' && node[last] !== null && !Array.isArray(node[last])) (node[last] as Record<string, unknown>)[key] = value;
    else node[last] = value;
    return copy;
  };
  const damaged = (sources: readonly unknown[]) =>
    fc
      .constantFrom(...sources)
      .chain((source) => fc.tuple(fc.constant(source), fc.constantFrom(...paths(source)), fc.integer({ min: 0, max: 2 }), fc.constantFrom('letters', 'extends', 'id', 'values', 'x', 'ж', '$c', 'allCaps'), values))
      .map(([source, at, kind, key, value]) => damage(source, at, kind, key, value));

  it('on every built-in scheme and language file', () => {
    for (const source of builtInSources()) assert.ok(shapeOk(source) && schemeValid(source), source.id);
    assert.ok(languageOk(getLanguage('ru')) && languageValid(getLanguage('ru')));
  });
  it('every built-in file passes the checks of a user file (they are not checked at run time)', () => {
    for (const [name, data] of Object.entries(languageFiles)) assert.equal(validateLanguage(data, { file: name }).id, name.slice(0, -'.json'.length));
    for (const source of builtInSources()) assert.equal(loadScheme(structuredClone(source), { file: `${source.id}.json` }).id, source.id);
  });
  it('on damaged scheme files', () => {
    fc.assert(
      fc.property(damaged(builtInSources()), (data) => {
        assert.equal(shapeOk(data), schemeValid(data), JSON.stringify(schemeValid.errors));
      }),
      { numRuns: 3000 },
    );
  });
  it('on damaged language files', () => {
    fc.assert(
      fc.property(damaged([getLanguage('ru')]), (data) => {
        assert.equal(languageOk(data), languageValid(data), JSON.stringify(languageValid.errors));
      }),
      { numRuns: 1000 },
    );
  });
  it('a broken language file is named with the field', () => {
    const ru = structuredClone(getLanguage('ru')) as unknown as Record<string, unknown>;
    for (const [data, pointer] of [
      [{ ...ru, classes: { vowel: 5 } }, '/classes/vowel'],
      [{ ...ru, defaultScheme: ['modified-loc'] }, '/defaultScheme'],
      [{ ...ru, alphabet: 'абв' }, '/alphabet'],
      [(({ letters: _, ...rest }) => rest)(ru), '/letters'],
      [{ ...ru, modernizeDeletes: [{ id: 'x', match: 'ъ', after: ['@consonants'] }] }, '/modernizeDeletes/0/after/0'],
    ] as const) {
      assert.throws(() => validateLanguage(data, { file: 'xx.json' }), (e: unknown) => e instanceof LatinitsaError && e.pointer === pointer && e.message.startsWith(`xx.json: ${pointer}: `));
    }
  });
});

describe('a new scheme or language is one JSON file', () => {
  // A copy of the source in a temporary folder inside the repository (so that node_modules
  // resolves), with new data files dropped in; the generator runs over it; a child process
  // imports the copy.
  const tmp = path.join(root, '.tmp', `scheme-registry-${process.pid}`);
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const run = (script: string): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: tmp, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const setUp = (files: Record<string, unknown>): void => {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    cpSync(path.join(root, 'src'), path.join(tmp, 'src'), { recursive: true });
    for (const [name, data] of Object.entries(files)) writeFileSync(path.join(tmp, 'src', 'schemes', name), JSON.stringify(data, null, 2));
    writeFileSync(path.join(tmp, 'src', 'schemes', 'builtin.ts'), renderCatalog(tmp));
  };
  const probe = `
    const { listSchemes, romanize } = await import('./src/index.ts');
    const { defaultSchemeOf } = await import('./src/schemes/index.ts');
    console.log(JSON.stringify({ ids: listSchemes().map((s) => s.id), house: romanize('Щука и ёж', { scheme: 'house-test' }), toy: romanize('Щука', { lang: 'zz' }), toyDefault: defaultSchemeOf({ lang: 'zz' }) }));`;

  it('drops in: the scheme and the language are listed and work', () => {
    setUp({
      'data/house-test.json': { $schema: '../scheme.schema.json', id: 'house-test', name: 'House test', extends: 'modified-loc', letters: { 'щ': 'sc' } },
      'languages/zz.json': { ...getLanguage('ru'), id: 'zz', name: 'Toy', defaultScheme: 'zz-test', citationScheme: undefined },
      'data/zz-test.json': { id: 'zz-test', name: 'Toy scheme', language: 'zz', extends: 'iso-9' },
    });
    const r = run(probe);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { ids: string[]; house: string; toy: string; toyDefault: string };
    assert.ok(out.ids.includes('house-test') && out.ids.includes('zz-test'), out.ids.join(' '));
    assert.equal(out.ids[0], 'modified-loc', 'the default language and its default scheme come first');
    assert.equal(out.house, 'Scuka i yozh');
    assert.equal(out.toyDefault, 'zz-test');
    assert.equal(out.toy, 'Ŝuka');
  });

  it('a dropped-in file is checked: a wrong id (at run time) or a broken field (by the catalog generator) names the file', () => {
    setUp({ 'data/house-test.json': { id: 'house-tset', name: 'House test', extends: 'modified-loc' } });
    const r = run(probe);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /src\/schemes\/data\/house-test\.json: \/id: must be "house-test", the name of the file/);
    // A broken field: the catalog generator (npm run docs:schemes) refuses the file, naming it.
    assert.throws(
      () => setUp({ 'data/house-test.json': { id: 'house-test', name: 'House test', extends: 'modified-loc', rules: [{ match: 'щ' }] } }),
      /src\/schemes\/data\/house-test\.json: \/rules\/0\/output: is required/,
    );
  });
});
