// The published JSON Schema of the scheme format (src/schemes/scheme.schema.json) against the
// validator, and user schemes that extend a built-in one: examples/house-style.json through the
// library and the CLI, and broken files whose errors name the field (JSON pointer).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { main } from '../src/cli/main.ts';
import { LatinitsaError, getScheme, loadScheme, romanize } from '../src/index.ts';
import { getLanguage, validateScheme } from '../src/schemes/index.ts';
import { builtInSources } from '../src/schemes/registry.ts';

const root = path.resolve(import.meta.dirname, '..');
const schema = JSON.parse(readFileSync(path.join(root, 'src', 'schemes', 'scheme.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(schema);
const houseFile = path.join(root, 'examples', 'house-style.json');
const house = JSON.parse(readFileSync(houseFile, 'utf8')) as Record<string, unknown>;

describe('scheme.schema.json', () => {
  for (const source of builtInSources()) {
    it(`accepts the built-in scheme ${source.id}`, () => {
      assert.ok(validate(source), JSON.stringify(validate.errors));
    });
  }
  it('accepts examples/house-style.json', () => {
    assert.ok(validate(house), JSON.stringify(validate.errors));
  });
  it('is the file package.json exports as latinitsa/scheme.schema.json (copied into dist/ by npm run build)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    assert.equal(pkg.exports['./scheme.schema.json'], './dist/schemes/scheme.schema.json');
    const copy = path.join(root, 'dist', 'schemes', 'scheme.schema.json');
    assert.equal(readFileSync(copy, 'utf8'), readFileSync(path.join(root, 'src', 'schemes', 'scheme.schema.json'), 'utf8'));
  });
  it('is what examples/house-style.json names as its $schema, in the repository after npm run build and in the installed package', () => {
    // The package ships examples/ and dist/, not src/: the audit found the example's $schema
    // pointing at ../src/schemes/scheme.schema.json, which an installed package does not hold.
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, string>; files: string[] };
    const target = path.relative(root, path.resolve(path.dirname(houseFile), String(house['$schema']))).split(path.sep).join('/');
    assert.equal(`./${target}`, pkg.exports['./scheme.schema.json']);
    assert.ok(pkg.files.includes('examples') && pkg.files.includes(target.split('/')[0]!), `${target} and examples/ are in package.json "files"`);
    assert.ok(existsSync(path.join(root, target)), `${target} exists (npm run build copies it)`);
  });
});

// [what is wrong, the broken scheme, the pointer the validator names, whether JSON Schema can see it too]
const base = { id: 'broken', name: 'Broken', extends: 'ala-lc-simplified' };
const broken: [string, Record<string, unknown>, string, boolean][] = [
  ['a misspelt field', { ...base, leters: {} }, '/leters', true],
  ['no letters and no extends', { id: 'x', name: 'X' }, '/letters', true],
  ['an id that is not kebab-case', { ...base, id: 'House Style' }, '/id', true],
  ['a name that is not a string', { ...base, name: 7 }, '/name', true],
  ['a letter key of two letters', { ...base, letters: { 'жж': 'zh' } }, '/letters/жж', true],
  ['an upper-case letter key', { ...base, letters: { 'Ж': 'zh' } }, '/letters/Ж', true],
  ['a letter value that is not a string', { ...base, letters: { 'ж': 1 } }, '/letters/ж', true],
  ['a rule without output', { ...base, rules: [{ match: 'ж' }] }, '/rules/0/output', true],
  ['a rule with an unknown field', { ...base, rules: [{ match: 'ж', output: 'zh', befor: ['$'] }] }, '/rules/0/befor', true],
  ['an empty context', { ...base, rules: [{ match: 'ж', output: 'zh', before: [] }] }, '/rules/0/before', true],
  ['a bad context token', { ...base, rules: [{ match: 'ж', output: 'zh', before: ['$$'] }] }, '/rules/0/before/0', true],
  ['an option without values', { ...base, options: { x: { default: 'a' } } }, '/options/x/values', true],
  ['an unknown allCaps default', { ...base, defaults: { allCaps: 'shout' } }, '/defaults/allCaps', true],
  ['a profile flag that is not boolean', { ...base, profiles: { p: { upperCase: 'yes' } } }, '/profiles/p/upperCase', true],
  ['a sample that is not a pair', { ...base, samples: [['а']] }, '/samples/0', true],
  // Semantic checks only the validator can make (letter classes belong to the scheme's language file):
  ['an unknown letter class', { ...base, rules: [{ match: 'ж', output: 'zh', after: ['@vowels'] }] }, '/rules/0/after/0', false],
  ['a default that is not one of the values', { ...base, options: { x: { default: 'c', values: { a: {}, b: {} } } } }, '/options/x/default', false],
  ['an output array of the wrong length', { ...base, rules: [{ match: 'ий', output: ['y'] }] }, '/rules/0/output', false],
  ['an if naming no option', { ...base, rules: [{ match: 'ж', output: 'zh', if: { nosuch: 'a' } }] }, '/rules/0/if/nosuch', false],
  ['an if naming no value of the option', { ...base, rules: [{ match: 'ь', output: '', if: { signs: 'none' } }] }, '/rules/0/if/signs', false],
  ['extends naming an unknown scheme', { ...base, extends: 'ala-lc-simplfied' }, '/extends', false],
  ['extends naming itself', { ...base, id: 'selfish', extends: 'selfish' }, '/extends', false],
  ['an output outside the declared alphabet', { ...base, alphabet: getScheme('ala-lc-simplified').alphabet, letters: { 'ж': 'ž' } }, '/letters/ж', false],
];

describe('broken scheme files: the error names the field', () => {
  for (const [what, data, pointer, schemaSees] of broken) {
    it(`${what} → ${pointer}`, () => {
      assert.throws(
        () => loadScheme(data, { file: 'house.json' }),
        (e: unknown) => {
          assert.ok(e instanceof LatinitsaError);
          assert.equal(e.code, 'ERR_SCHEME_INVALID');
          assert.equal(e.pointer, pointer);
          assert.ok(e.message.startsWith(`house.json: ${pointer}: `), e.message);
          return true;
        },
      );
      assert.equal(validate(data), !schemaSees, schemaSees ? 'the JSON Schema rejects it too' : 'JSON Schema cannot express this check');
    });
  }
  it('the JSON Schema accepts what the validator accepts (a minimal scheme)', () => {
    const minimal = { id: 'mini', name: 'Mini', letters: { 'а': 'a' } };
    assert.doesNotThrow(() => validateScheme(minimal, { language: getLanguage('ru') }));
    assert.ok(validate(minimal));
  });
});

async function runCli(argv: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), cwd: root, env: {} };
  let stdout = '';
  let stderr = '';
  io.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  io.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  io.stdin.end(stdin);
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('a ten-line house style extending ala-lc-simplified (examples/house-style.json)', () => {
  it('is at most ten lines', () => {
    assert.ok(readFileSync(houseFile, 'utf8').trimEnd().split('\n').length <= 10);
  });
  it('inherits the letters and overrides options and rules', () => {
    const scheme = loadScheme(house, { file: houseFile });
    assert.deepEqual(scheme.extendsChain, ['ala-lc-simplified']);
    assert.equal(romanize('Троцкий и Сокольников', { scheme }), 'Trotsky i Sokolnikov');
    assert.equal(romanize('Щёлково, Юрьев', { scheme }), 'Shchelkovo, Iurev');
    assert.equal(romanize('Сокольников', { scheme, signs: 'typographic' }), 'Sokol’nikov');
  });
  it('works from the CLI with --scheme-file', async () => {
    const r = await runCli(['--scheme-file', 'examples/house-style.json'], 'Троцкий и Сокольников\n');
    assert.deepEqual(r, { code: 0, stdout: 'Trotsky i Sokolnikov\n', stderr: '' });
  });
  it('a broken house style gets a one-line error naming the file and the field', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(path.join(tmpdir(), 'latinitsa-house-'));
    const file = path.join(dir, 'house.json');
    await writeFile(file, JSON.stringify({ ...house, rules: [{ match: 'ий', before: ['$'], output: ['y'] }] }));
    const r = await runCli(['--scheme-file', file], 'Троцкий\n');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^latinitsa: .*house\.json: \/rules\/0\/output: has 1 parts but "match" has 2 letters/);
    assert.equal(r.stderr.split('\n').length, 2);
  });
});
