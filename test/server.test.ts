// The JSON API and the static-file resolver, called in-process (no socket).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText, listSchemes } from '../src/index.ts';
import { errorToResponse, handleApi, operationNames, pageCsp, resolveStatic, startServer, WorkerPool, type ApiResponse } from '../src/server/index.ts';
import { openApiDocument } from '../src/server/openapi.ts';
import { checkSettingNames } from '../src/check/config.ts';
import { runCli } from './support/cli.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';
import { loadLexicon } from '../src/io/lexicon.ts';

const json = { 'content-type': 'application/json' };
const post = (p: string, body: unknown, headers: Record<string, string> = json): Promise<ApiResponse> =>
  handleApi({ method: 'POST', path: p, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const parse = (r: ApiResponse): any => JSON.parse(String(r.body));

/** Asserts an error answer: status, code, and a message a person can act on. */
function assertError(r: ApiResponse, status: number, code: string, message?: RegExp): void {
  assert.equal(r.status, status, String(r.body));
  const body = parse(r);
  assert.equal(body.error.status, status);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  if (message) assert.match(body.error.message, message);
}

describe('API: GET routes', () => {
  it('lists the schemes', async () => {
    const r = await handleApi({ method: 'GET', path: '/api/schemes' });
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type']!, /^application\/json/);
    const body = parse(r);
    assert.deepEqual(body.schemes.map((s: { id: string }) => s.id), listSchemes().map((s) => s.id));
  });

  it('gives one scheme in full, with rule notes; an unknown one is 422', async () => {
    const body = parse(await handleApi({ method: 'GET', path: '/api/schemes/ala-lc' }));
    assert.equal(body.letters['й'], 'ĭ');
    assert.ok(body.rules.some((r: { note?: string }) => typeof r.note === 'string'));
    assertError(await handleApi({ method: 'GET', path: '/api/schemes/nope' }), 422, 'ERR_UNKNOWN_SCHEME', /nope/);
    assertError(await handleApi({ method: 'GET', path: '/api/schemes/%E0%A4%A' }), 400, 'ERR_BAD_REQUEST');
  });

  it('serves an OpenAPI 3.1 document describing every route', async () => {
    const doc = parse(await handleApi({ method: 'GET', path: '/api/openapi.json' }));
    assert.equal(doc.openapi, '3.1.0');
    for (const op of operationNames) {
      assert.ok(doc.paths[`/api/${op}`]?.post, op);
      assert.ok(doc.paths[`/api/${op}`].post.responses['400'], op);
    }
    assert.ok(doc.paths['/api/schemes'].get);
    // Every $ref points at something that exists.
    const refs = JSON.stringify(doc).match(/#\/components\/[^"]+/g) ?? [];
    for (const ref of refs) {
      const target = ref.slice(2).split('/').reduce((o: any, k) => o?.[k], doc);
      assert.ok(target, ref);
    }
  });
});

describe('API: romanize', () => {
  it('romanizes with a scheme and its options', async () => {
    assert.deepEqual(parse(await post('/api/romanize', { text: 'Юрий Зиновьев' })), { scheme: 'modified-loc', output: 'Yury Zinoviev', diagnostics: [] });
    // ALA-LC: ю is i͡u with the tie, or i︠u︡ with the tie halves (spec §3.2.2 A3).
    assert.equal(parse(await post('/api/romanize', { text: 'Юрий', scheme: 'ala-lc' })).output, 'I͡Uriĭ');
    assert.equal(parse(await post('/api/romanize', { text: 'Юрий', scheme: 'ala-lc', options: { tie: 'halves' } })).output, 'I︠U︡riĭ');
    assert.equal(parse(await post('/api/romanize', { text: 'Зиновьев', options: { signBeforeE: 'omit' } })).output, 'Zinovev');
    // An exception takes the input's case pattern, lower included (docs/rules/options.md, step 1).
    assert.equal(parse(await post('/api/romanize', { text: 'толстой Толстой ТОЛСТОЙ', options: { exceptions: { Толстой: 'Tolstoy' } } })).output, 'tolstoy Tolstoy TOLSTOY');
  });

  it('takes the language: lang, lang auto (languages decided), and reports unmapped letters', async () => {
    assert.deepEqual(parse(await post('/api/romanize', { text: 'Київ, Згорани', lang: 'uk' })), { scheme: 'uk-national', lang: 'uk', output: 'Kyiv, Zghorany', diagnostics: [] });
    assert.equal(parse(await post('/api/romanize', { text: 'Київ', lang: 'uk', scheme: 'ala-lc' })).scheme, 'ala-lc-uk');
    const auto = parse(await post('/api/romanize', { text: 'Щука и ёж.\n\nЇжак і ґанок.', lang: 'auto' }));
    assert.equal(auto.output, 'Shchuka i yozh.\n\nYizhak i ganok.');
    assert.deepEqual(auto.languages.map((p: { lang: string; scheme: string }) => [p.lang, p.scheme]), [['ru', 'modified-loc'], ['uk', 'uk-national']]);
    const d = parse(await post('/api/romanize', { text: 'Київ' })).diagnostics;
    assert.deepEqual(d.map((x: { ruleId: string; actual: string; expected: string[] }) => [x.ruleId, x.actual, x.expected]), [['romanize/unmapped-letter', 'ї', ['ï']]]);
    assert.equal((await post('/api/romanize', { text: 'Київ', lang: 'xx' })).status, 422);
  });

  it('explains: segments add up to the output and carry the rule and its note', async () => {
    const body = parse(await post('/api/romanize', { text: 'Юрий Щёлково', explain: true }));
    assert.equal(body.segments.map((s: { output: string }) => s.output).join(''), body.output);
    const yu = body.segments[0];
    assert.deepEqual([yu.source, yu.output, yu.letter, yu.rule], ['Ю', 'Yu', 'ю', 'R2']);
    assert.equal(typeof yu.note, 'string');
  });

  it('accepts JSON content types with parameters', async () => {
    assert.equal((await post('/api/romanize', { text: 'Киров' }, { 'content-type': 'application/json; charset=utf-8' })).status, 200);
  });
});

describe('API: errors', () => {
  it('400 for malformed JSON, a body that is not an object, a missing or mistyped field', async () => {
    assertError(await post('/api/romanize', '{"text": '), 400, 'ERR_BAD_JSON', /not valid JSON/);
    assertError(await post('/api/romanize', ''), 400, 'ERR_BAD_JSON');
    assertError(await post('/api/romanize', '[1,2]'), 400, 'ERR_BAD_REQUEST', /JSON object/);
    assertError(await post('/api/romanize', 'null'), 400, 'ERR_BAD_REQUEST');
    assertError(await post('/api/romanize', { scheme: 'ala-lc' }), 400, 'ERR_MISSING_FIELD', /"text"/);
    assertError(await post('/api/romanize', { text: 5 }), 400, 'ERR_BAD_REQUEST', /"text" must be a string/);
    assertError(await post('/api/romanize', { text: 'x', options: [] }), 400, 'ERR_BAD_REQUEST', /"options"/);
    assertError(await post('/api/romanize', { text: 'x', explain: 'yes' }), 400, 'ERR_BAD_REQUEST', /"explain"/);
  });

  it('400 for JSON nested too deeply to parse', async () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    const r = await post('/api/romanize', deep);
    assert.equal(r.status, 400);
  });

  it('422 for an unknown scheme or option; option names cannot reach the prototype', async () => {
    assertError(await post('/api/romanize', { text: 'x', scheme: 'no-such' }), 422, 'ERR_UNKNOWN_SCHEME', /no-such/);
    assertError(await post('/api/romanize', { text: 'x', options: { tie: 'breve' } }), 422, 'ERR_INVALID_OPTION', /tie/);
    assertError(await post('/api/romanize', '{"text": "x", "options": {"__proto__": {"scheme": "ala-lc"}}}'), 422, 'ERR_INVALID_OPTION');
    assertError(await post('/api/romanize', { text: 'x', options: { scheme: 'ala-lc' } }), 422, 'ERR_INVALID_OPTION');
    assertError(await post('/api/deromanize', { text: 'x', scheme: 'no-such' }), 422, 'ERR_UNKNOWN_SCHEME');
    // A common option of the wrong type was a 500 (found by the twelfth session's audit).
    assertError(await post('/api/romanize', { text: 'Юрий', options: { exceptions: { Юрий: 5 } } }), 422, 'ERR_INVALID_OPTION', /exceptions/);
    // An option for given names only is the checker's (docs/check.md): refused, not ignored.
    assertError(await post('/api/romanize', { text: 'Татьяна', scheme: 'ala-lc-simplified', options: { firstNameSigns: 'omit' } }), 422, 'ERR_INVALID_OPTION', /firstNameSigns.*given names/);
  });

  it('422 for an option value that names a property every object inherits (__proto__, constructor, toString)', async () => {
    for (const v of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      assertError(await post('/api/romanize', { text: 'объём', options: { signBeforeE: v } }), 422, 'ERR_INVALID_OPTION', /signBeforeE/);
      assertError(await post('/api/cite', { text: 'ГАРФ. Ф. 1. Оп. 2. Д. 3. Л. 5 об.', style: 'english', versoStyle: v }), 422, 'ERR_INVALID_OPTION', /versoStyle/);
    }
  });

  it('4xx, not 500, for CSL-JSON nested 100,000 deep', async () => {
    const n = 100_000;
    const r = await post('/api/bib', { format: 'csl-json', text: `[{"title":"Киров","note":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}]` });
    assert.ok(r.status >= 400 && r.status < 500, `${r.status} ${String(r.body).slice(0, 200)}`);
    assert.match(JSON.parse(String(r.body)).error.message, /nested/);
  });

  it('405 with Allow for a wrong method, 404 for an unknown path, 415 for a body not sent as JSON', async () => {
    const get = await handleApi({ method: 'GET', path: '/api/romanize' });
    assertError(get, 405, 'ERR_METHOD_NOT_ALLOWED');
    assert.equal(get.headers['allow'], 'POST');
    const postSchemes = await handleApi({ method: 'POST', path: '/api/schemes', headers: json, body: '{}' });
    assertError(postSchemes, 405, 'ERR_METHOD_NOT_ALLOWED');
    assert.equal(postSchemes.headers['allow'], 'GET, HEAD');
    assertError(await handleApi({ method: 'GET', path: '/api/nope' }), 404, 'ERR_NOT_FOUND');
    assertError(await handleApi({ method: 'POST', path: '/api', headers: json, body: '{}' }), 404, 'ERR_NOT_FOUND');
    assertError(await post('/api/romanize', { text: 'x' }, { 'content-type': 'text/plain' }), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE');
    assertError(await post('/api/romanize', { text: 'x' }, {}), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  describe('a body\'s charset: UTF-8 read, any other refused with the accepted ones (test/fixtures/server/charsets.tsv)', () => {
    const utf8 = Buffer.from(JSON.stringify({ text: 'Киров' }), 'utf8');
    const bodies: Record<string, Buffer> = {
      'utf-8': utf8,
      'utf-16le': Buffer.from(JSON.stringify({ text: 'Киров' }), 'utf16le'),
      'bad-utf-8': Buffer.concat([utf8.subarray(0, 10), Buffer.from([0xff]), utf8.subarray(10)]),
    };
    for (const [type, encoding, status, expected, message] of readTsv(path.join(fixturesDir, 'server', 'charsets.tsv'))) {
      it(`${type} (${encoding}): ${status}`, async () => {
        const r = await handleApi({ method: 'POST', path: '/api/romanize', headers: type === '-' ? {} : { 'content-type': type! }, body: bodies[encoding!]! });
        if (status === '200') assert.equal(parse(r).output, expected, String(r.body));
        else assertError(r, Number(status), expected!, new RegExp(message!, 'u'));
      });
    }
  });

  describe('a body\'s Content-Encoding: identity read, any other refused with 415 (test/fixtures/server/encodings.tsv)', () => {
    const plain = Buffer.from(JSON.stringify({ text: 'Киров' }), 'utf8');
    const gzip = gzipSync(plain);
    const bodies: Record<string, Buffer> = { plain, gzip };
    for (const [encoding, body, status, expected, message] of readTsv(path.join(fixturesDir, 'server', 'encodings.tsv'))) {
      it(`${encoding} (${body}): ${status}`, async () => {
        const r = await handleApi({ method: 'POST', path: '/api/romanize', headers: { ...json, ...(encoding === '-' ? {} : { 'content-encoding': encoding! }) }, body: bodies[body!]! });
        if (status === '200') assert.equal(parse(r).output, expected, String(r.body));
        else {
          assertError(r, Number(status), expected!, new RegExp(message!, 'u'));
          // RFC 9110 §12.5.3: a 415 for a content coding says which codings are read.
          assert.equal(r.headers['accept-encoding'], 'identity');
        }
      });
    }
    it('refuses a gzip body through the server too, before it is read as UTF-8', async () => {
      const server = await startServer({ port: 0, workers: 0, staticDir: os.tmpdir() });
      try {
        const res = await fetch(`${server.url}api/romanize`, { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: gzip });
        assert.equal(res.status, 415);
        assert.equal(res.headers.get('accept-encoding'), 'identity');
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'ERR_UNSUPPORTED_MEDIA_TYPE');
      } finally {
        await server.close();
      }
    });
  });

  describe('a bad option is refused alike in every route, whatever the text (test/fixtures/server/bad-options.tsv)', () => {
    for (const [route, body, status, code, message] of readTsv(path.join(fixturesDir, 'server', 'bad-options.tsv'))) {
      it(`${route} ${body}: ${status} ${code}`, async () => {
        assertError(await post(`/api/${route}`, body!), Number(status), code!, new RegExp(message!, 'u'));
      });
    }
  });

  it('every operation answers a valid body with 200', async () => {
    const body = { text: 'x', scheme: 'modified-loc' };
    // Operations that take other fields get a valid body of their own (a field a route does not take is an error).
    const own: Partial<Record<string, object>> = { convert: { text: 'x', from: 'ala-lc', to: 'modified-loc' }, detect: { text: 'x' }, marc: { operation: 'romanize', text: JSON.stringify({ leader: '00000nam a2200000 a 4500', fields: [] }) } };
    for (const op of operationNames) assert.equal((await post(`/api/${op}`, own[op] ?? body)).status, 200, op);
  });

  it('an unexpected error is a bare 500 that does not leak its message', () => {
    const r = errorToResponse(new TypeError('secret /etc/path detail'));
    assertError(r, 500, 'ERR_INTERNAL');
    assert.doesNotMatch(String(r.body), /secret/);
  });
});

describe('API: reverse, check, cite', () => {
  it('deromanize leaves English alone and reads romanized Russian back, with candidates', async () => {
    const same = parse(await post('/api/deromanize', { text: 'Hello, iPhone; Moscow is big', scheme: 'modified-loc' }));
    assert.equal(same.text, 'Hello, iPhone; Moscow is big');
    const r = parse(await post('/api/deromanize', { text: 'Kubanʹ, I͡Akutsk', scheme: 'ala-lc' }));
    assert.equal(r.text, 'Кубань, Якутск');
    assert.ok(r.words.every((w: { candidates: unknown[] }) => Array.isArray(w.candidates)));
  });

  it('deromanize never converts half a word: a prime the scheme cannot write keeps the word whole', async () => {
    const kept = parse(await post('/api/deromanize', { text: 'Zinov’ev' }));
    assert.equal(kept.text, 'Zinov’ev');
    assert.deepEqual(kept.words.map((w: { source: string; converted: boolean; reason: string }) => [w.source, w.converted, w.reason]), [['Zinov’ev', false, 'not-producible']]);
    assert.equal(parse(await post('/api/deromanize', { text: 'Zinov’ev', scheme: 'ala-lc-simplified' })).text, 'Зиновьев');
  });

  it('convert goes from one scheme to another through the readings', async () => {
    // Issue 5: Yuriy (bgn-pcgn) is Yury in modified-loc; English stays.
    const r = parse(await post('/api/convert', { text: 'Yuriy Gagarin, Hello', from: 'bgn-pcgn', to: 'modified-loc' }));
    assert.equal(r.text, 'Yury Gagarin, Hello');
    assertError(await post('/api/convert', { text: 'x', from: 'bgn-pcgn' }), 400, 'ERR_MISSING_FIELD', /"to"/);
    assertError(await post('/api/convert', { text: 'x', from: 'bgn-pcgn', to: 'nope' }), 422, 'ERR_UNKNOWN_SCHEME');
  });

  it('convert and deromanize report romanize/unmapped-letter and reverse/unchecked-reading as diagnostics', async () => {
    const c = parse(await post('/api/convert', { text: 'Fyodor', from: 'modified-loc', to: 'uk-national', all: true }));
    assert.deepEqual(c.diagnostics.map((d: { ruleId: string; actual: string }) => [d.ruleId, d.actual]), [['romanize/unmapped-letter', 'ё']]);
    // Belarusian has no lexicon: its readings are not checked, and the answer says so.
    const d = parse(await post('/api/deromanize', { text: 'Zhoda', scheme: 'be-national', all: true }));
    assert.equal(d.words[0].certain, false);
    assert.equal(d.lexicon, false);
    assert.deepEqual(d.diagnostics.map((x: { ruleId: string }) => x.ruleId), ['reverse/unchecked-reading']);
    // Ukrainian and Bulgarian are read with the shipped lexicon of the language.
    const uk = parse(await post('/api/deromanize', { text: 'Donetsk', scheme: 'uk-national', all: true }));
    assert.deepEqual([uk.text, uk.words[0].certain, uk.diagnostics, uk.lexicon], ['Донецьк', true, [], true]);
    const bg = parse(await post('/api/convert', { text: 'Kazanlak', from: 'bg-streamlined', to: 'ala-lc-bg', all: true }));
    assert.deepEqual([bg.text, bg.diagnostics, bg.lexicon], ['Kazanlŭk', [], true]);
  });

  it('check finds a spelling the house scheme cannot produce and offers the fixed text, in the one diagnostic shape', async () => {
    const r = parse(await post('/api/check', { text: 'Grigorii Zinoviev spoke.', scheme: 'modified-loc' }));
    assert.equal(r.diagnostics[0].actual, 'Grigorii');
    assert.equal(r.diagnostics[0].fix.text, 'Grigory');
    assert.equal(r.fixed, 'Grigory Zinoviev spoke.');
    assert.equal(r.lexicon, true);
    // The same JSON as the library with the lexicon (and `latinitsa check --json`) gives.
    const lexicon = await loadLexicon();
    assert.deepEqual(r.diagnostics, JSON.parse(JSON.stringify(checkText('Grigorii Zinoviev spoke.', { scheme: 'modified-loc', ...(lexicon === undefined ? {} : { lexicon }) }))));
    // `fixed` applies only certain fixes, as `check --fix` does (it applied every fix: a likely
    // Zinov'ev -> Zinoviev, 0.78, was rewritten); minConfidence filters as the library's option.
    const unsure = "Zinoviev and Kamenev spoke; Zinov'ev and Kamenev lost.";
    const u = parse(await post('/api/check', { text: unsure }));
    assert.ok(u.diagnostics.length === 1 && u.diagnostics[0].confidence < 0.9, JSON.stringify(u.diagnostics));
    assert.equal(u.fixed, unsure);
    assert.equal(parse(await post('/api/check', { text: unsure, minConfidence: 'certain' })).diagnostics.length, 0);
    assertError(await post('/api/check', { text: unsure, minConfidence: 'sure' }), 422, 'ERR_INVALID_OPTION', /"minConfidence" must be .*found "sure"/);
    // A setting of the checker with a wrong value is a wrong option, as in the library and the settings file.
    assertError(await post('/api/check', { text: unsure, minConfidence: [1] }), 422, 'ERR_INVALID_OPTION', /"minConfidence" must be/);
    assertError(await post('/api/check', { text: 'x', format: 'pdf' }), 422, 'ERR_INVALID_OPTION', /format/);
    assertError(await post('/api/check', { format: 'docx', data: 'UEsDBA==' }), 422, 'ERR_UNSUPPORTED_FORMAT');
    assertError(await post('/api/check', { format: 'docx', data: 'not base64!' }), 400, 'ERR_BAD_REQUEST');
  });

  // Found by a harness comparing the CLI and the API on one .docx (fz3): the API read a .docx as
  // bare paragraphs, its footnotes as running text, so that notes in the Library of Congress
  // system beside a simplified text (docs/check.md) were reported on the page, not by the CLI.
  it('check reads a .docx as the CLI does: its footnotes are notes', async () => {
    const { docx, paragraph, note } = await import('./support/docx.ts');
    const bytes = docx({
      body: paragraph('Trotsky and Zinoviev wrote for Izvestia. Khrapovitsky.'),
      footnotes: note('footnote', 1, paragraph('L. Trotskii, Istoriia russkoi revoliutsii (Berlin, 1931); G. Zinov’ev, Sochineniia (Moscow, 1924); Izvestiia, 1924; Khrapovitsky.')),
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-api-docx-'));
    writeFileSync(path.join(dir, 'book.docx'), bytes);
    // The API checks without the lexicon (docs/web.md); so does the CLI here.
    const cli = await runCli(['check', 'book.docx', '--json', '--min-confidence', 'possible', '--scheme', 'modified-loc', '--no-lexicon'], { cwd: dir });
    const api = parse(await post('/api/check', { format: 'docx', data: Buffer.from(bytes).toString('base64'), file: 'book.docx', scheme: 'modified-loc' }));
    const shown = (ds: { actual: string; expected: string[] }[]): string[] => ds.map((d) => `${d.actual} → ${d.expected[0]}`);
    assert.deepEqual(shown(JSON.parse(cli.stdout)), ['Khrapovitsky → Khrapovitskii']);
    assert.deepEqual(shown(api.diagnostics), shown(JSON.parse(cli.stdout)));
    rmSync(dir, { recursive: true, force: true });
  });

  it('check of a .docx places a finding in a note by the note, as the CLI reports it (inNote)', async () => {
    const { docx, paragraph, note } = await import('./support/docx.ts');
    const bytes = docx({
      body: paragraph('Zinoviev spoke. Zinoviev wrote. Zinoviev left.').replace('</w:p>', '<w:r><w:footnoteReference w:id="7"/></w:r></w:p>'),
      footnotes: note('footnote', 7, paragraph('A remark.') + paragraph('Zinovyev, Zinoviev.')),
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-api-notes-'));
    writeFileSync(path.join(dir, 'book.docx'), bytes);
    const cli = JSON.parse((await runCli(['check', 'book.docx', '--json', '--no-lexicon'], { cwd: dir })).stdout) as Array<{ inNote?: unknown }>;
    const api = parse(await post('/api/check', { format: 'docx', data: Buffer.from(bytes).toString('base64'), file: 'book.docx' }));
    assert.deepEqual(
      api.diagnostics.map((d: { inNote?: unknown }) => d.inNote),
      [{ kind: 'footnote', number: 1, paragraph: 2 }],
    );
    assert.deepEqual(api.diagnostics.map((d: { inNote?: unknown }) => d.inNote), cli.map((d) => d.inNote));
    rmSync(dir, { recursive: true, force: true });
  });

  // Found trying issue 14 point 6 through the API (thirteenth session): `check --fix` rewrites a
  // .docx, but the API sent back neither a fixed file nor a fixed text for one.
  it('check of a .docx sends the file back with the certain fixes applied, as check --fix writes it', async () => {
    const { docx, paragraph, note } = await import('./support/docx.ts');
    const { bytesToDocument } = await import('../src/io/index.ts');
    const bytes = docx({
      body: paragraph('Zinoviev spoke. Zinoviev wrote. ', 'Zinovyev left.'),
      footnotes: note('footnote', 1, paragraph('Yezhov and Ezhov; Yezhov.')),
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-api-docx-fix-'));
    writeFileSync(path.join(dir, 'book.docx'), bytes);
    const api = parse(await post('/api/check', { format: 'docx', data: Buffer.from(bytes).toString('base64'), file: 'book.docx', builtInConventional: false }));
    // Zinovyev and Ezhov, each one spelling against two of its word, are certain.
    assert.deepEqual(api.diagnostics.filter((d: { confidence: number }) => d.confidence >= 0.9).map((d: { actual: string }) => d.actual), ['Zinovyev', 'Ezhov'], JSON.stringify(api.diagnostics));
    const sent = await bytesToDocument(Buffer.from(api.fixedData, 'base64'), { format: 'docx' });
    assert.equal(sent.text, api.fixed);
    const cli = await runCli(['check', 'book.docx', '--fix'], { cwd: dir });
    assert.ok(cli.code <= 1, cli.stderr);
    assert.equal(sent.text, (await bytesToDocument(readFileSync(path.join(dir, 'book.docx')), { format: 'docx' })).text);
    assert.equal(sent.text, 'Zinoviev spoke. Zinoviev wrote. Zinoviev left.\nYezhov and Yezhov; Yezhov.');
    assert.equal(api.fixedSkipped, 0);
    // Nothing to fix: the file as sent.
    const clean = docx({ body: paragraph('Nothing Russian here.') });
    assert.equal(parse(await post('/api/check', { format: 'docx', data: Buffer.from(clean).toString('base64') })).fixedData, Buffer.from(clean).toString('base64'));
    rmSync(dir, { recursive: true, force: true });
  });

  // Seen in session 7, fixed in session 8 (fz4): {"shceme": "wikipedia"} was checked with no
  // scheme, silently; every route read the fields it knew and ignored the others.
  it('a field a route does not take is a 400 naming it, on every route', async () => {
    const doc = openApiDocument() as { paths: Record<string, { post?: { requestBody: { content: { 'application/json': { example: Record<string, unknown> } } } } }> };
    for (const op of operationNames) {
      const { example, schema } = doc.paths[`/api/${op}`]!.post!.requestBody.content['application/json'] as { example: Record<string, unknown>; schema: { properties: Record<string, unknown> } };
      assert.equal((await post(`/api/${op}`, example)).status, 200, op);
      assertError(await post(`/api/${op}`, { ...example, shceme: 'wikipedia' }), 400, 'ERR_UNKNOWN_FIELD', /unknown field "shceme"/);
      // Every field the OpenAPI document lists is one the route takes (right value or not).
      for (const field of Object.keys(schema.properties)) {
        const r = await post(`/api/${op}`, { ...example, [field]: example[field] ?? null });
        assert.notEqual(r.status === 200 ? undefined : JSON.parse(String(r.body)).error.code, 'ERR_UNKNOWN_FIELD', `${op} ${field}`);
      }
      // And /api/check lists every setting of the checker (the scheme's options as "options").
      if (op === 'check') assert.deepEqual(checkSettingNames.filter((name) => name !== 'schemeOptions' && !(name in schema.properties)), []);
    }
    // Check's settings are those of .latinitsarc.json, read by the one table (src/check/config.ts).
    assertError(await post('/api/check', { text: 'x', schemeOptions: {} }), 400, 'ERR_UNKNOWN_FIELD', /"schemeOptions"/);
    assert.equal((await post('/api/check', { text: 'Tchaikovsky and Chaikovsky.', conventional: { Tchaikovsky: 'чайковский' }, builtInConventional: false, notesSchemeOptions: {} })).status, 200);
    assertError(await post('/api/check', { text: 'x', conventional: { Tchaikovsky: 'chaikovsky' } }), 422, 'ERR_INVALID_OPTION', /"conventional"/);
    // A field of another format is not silently dropped either.
    assertError(await post('/api/check', { text: 'x', data: 'UEsDBA==' }), 400, 'ERR_BAD_REQUEST', /"data" is not read with format "text"/);
    // Scheme options are checked by the engine's resolver, as before.
    assertError(await post('/api/romanize', { text: 'x', options: { tei: 'halves' } }), 422, 'ERR_INVALID_OPTION');
  });

  it('check takes a text with the regions an earlier answer gave (a .docx checked again after edits)', async () => {
    const { docx, paragraph, note } = await import('./support/docx.ts');
    const bytes = docx({ body: paragraph('Zinoviev spoke. Zinoviev wrote.'), footnotes: note('footnote', 1, paragraph('Zinov’ev, Sochineniia.')) });
    const first = parse(await post('/api/check', { format: 'docx', data: Buffer.from(bytes).toString('base64'), scheme: 'modified-loc' }));
    assert.deepEqual(first.regions.map((r: { kind: string }) => r.kind), ['text', 'notes']);
    // The notes come back too (a finding in one is placed by the note), sent again with the regions.
    assert.deepEqual(first.notes, [{ start: 32, end: 54, kind: 'footnote', number: 1 }]);
    const again = parse(await post('/api/check', { text: first.text, regions: first.regions, notes: first.notes, scheme: 'modified-loc' }));
    assert.deepEqual(again.diagnostics, first.diagnostics);
    assert.ok(again.diagnostics.length > 0 && again.diagnostics.every((d: { inNote?: unknown }) => isDeepStrictEqual(d.inNote, { kind: 'footnote', number: 1, paragraph: 1 })));
    assertError(await post('/api/check', { text: 'x', notes: [{ start: 0, end: 9, kind: 'footnote', number: 1 }] }), 422, 'ERR_INVALID_OPTION', /notes/);
    assertError(await post('/api/check', { text: 'x', notes: [{ start: 0, end: 1, kind: 'sidenote', number: 1 }] }), 422, 'ERR_INVALID_OPTION', /notes/);
    // The same text without its regions is read as plain text: the note runs into the body.
    const plain = parse(await post('/api/check', { text: first.text, scheme: 'modified-loc' }));
    assert.deepEqual(plain.regions.map((r: { kind: string }) => r.kind), ['text']);
    assertError(await post('/api/check', { text: 'x', regions: [{ start: 0, end: 9, kind: 'text' }] }), 422, 'ERR_INVALID_OPTION', /regions/);
  });

  it('check answers the italics it read, and takes them back with the regions (a title’s spelling is its publisher’s)', async () => {
    const text = 'Dostoevsky wrote.[^1] Dostoevsky again.\n\n[^1]: Robert Payne, *Dostoyevsky: A Human Portrait* (New York: Knopf, 1961).\n';
    const shown = (r: { diagnostics: Array<{ actual: string; data: { confidence: string } }> }) => r.diagnostics.map((d) => `${d.actual} ${d.data.confidence}`);
    const first = parse(await post('/api/check', { text, format: 'markdown' }));
    assert.equal(first.emphasis.length, 1);
    assert.deepEqual(shown(first), ['Dostoyevsky possible']);
    const again = parse(await post('/api/check', { text, regions: first.regions, emphasis: first.emphasis }));
    assert.deepEqual(again.diagnostics, first.diagnostics);
    // Without its italics the title's Dostoyevsky is the text's slip, sure enough to be fixed.
    const plain = parse(await post('/api/check', { text, regions: first.regions }));
    assert.deepEqual(shown(plain), ['Dostoyevsky certain']);
    assertError(await post('/api/check', { text: 'x', emphasis: [[0, 9]] }), 422, 'ERR_INVALID_OPTION', /emphasis/);
    assertError(await post('/api/check', { text: 'x', emphasis: 'all' }), 422, 'ERR_INVALID_OPTION', /emphasis/);
  });

  it('cite normalises archival references to one style', async () => {
    const r = parse(await post('/api/cite', { text: 'РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1–2 об.', style: 'english' }));
    assert.equal(r.fixed, 'RGASPI, f. 17, op. 3, d. 703, ll. 1–2ob.');
    assert.deepEqual(r.diagnostics.map((d: { ruleId: string; source: string }) => [d.ruleId, d.source]), [['cite/mixed-style', 'latinitsa']]);
    assertError(await post('/api/cite', { text: 'x', style: 'klingon' }), 422, 'ERR_INVALID_OPTION');
  });
});

describe('worker pool', () => {
  it('runs operations in threads, refuses work beyond its queue, stops a task over its time budget and keeps serving', async () => {
    // A budget of 1 s: far above a short romanization even on a loaded machine, far below the heavy check.
    const pool = new WorkerPool({ size: 1, maxQueue: 2, timeoutMs: 1000 });
    const run = (op: 'romanize' | 'check', body: unknown): Promise<unknown> => pool.run(op, JSON.stringify(body)).then((json) => JSON.parse(json.toString()));
    try {
      assert.deepEqual(await run('romanize', { text: 'Киров' }), { scheme: 'modified-loc', output: 'Kirov', diagnostics: [] });
      const burst = await Promise.all(Array.from({ length: 6 }, () => run('romanize', { text: 'Киров' }).then(() => 'ok', (e: unknown) => errorToResponse(e).status)));
      assert.deepEqual(burst.filter((x) => x === 'ok').length, 3, String(burst));
      assert.deepEqual(burst.filter((x) => x === 503).length, 3, String(burst));
      // 12 MB: several seconds of checking even on a quiet machine (1.5 MB took 0.45 s), so the
      // 1 s budget always stops it.
      const heavy = 'In 1934 Grigorii Zinoviev and Zinovyev were tried in Leningrad. '.repeat(192_000);
      const slow = await run('check', { text: heavy }).then(() => undefined, (e: unknown) => e);
      assertError(errorToResponse(slow), 503, 'ERR_TIMEOUT', /limit/);
      assert.deepEqual(await run('romanize', { text: 'Щёлково' }), { scheme: 'modified-loc', output: 'Shchyolkovo', diagnostics: [] });
      assertError(errorToResponse(await pool.run('romanize', '{"text": ').catch((e: unknown) => e)), 400, 'ERR_BAD_JSON');
    } finally {
      await pool.close();
    }
  });
  // On Linux the nice value belongs to each thread, and a thread starts with that of the thread that
  // starts it. A lower-priority pool must start its workers' own threads (tsx's loader thread in
  // tests, a module loading) at that priority too: set only once the worker's modules had loaded,
  // those ran at normal priority beside the quick lane each time a worker was replaced.
  it('starts every thread of a lower-priority pool at that priority', { skip: process.platform !== 'linux' }, async () => {
    const nice = (): Map<string, number> =>
      new Map(readdirSync('/proc/self/task').map((tid) => [tid, Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])]));
    const base = os.getPriority(0);
    const before = nice();
    const pool = new WorkerPool({ size: 1, niceness: 5 });
    try {
      assert.deepEqual(JSON.parse((await pool.run('romanize', '{"text": "Киров"}')).toString()).output, 'Kirov');
      const started = [...nice()].filter(([tid]) => !before.has(tid));
      assert.ok(started.length > 0);
      for (const [tid, n] of started) assert.ok(n >= Math.min(19, base + 5), `thread ${tid} started by the pool runs at nice ${n}`);
    } finally {
      await pool.close();
    }
  });
});

describe('static files', () => {
  let root: string;
  let dir: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-static-'));
    dir = path.join(root, 'web');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(path.join(dir, '.secret.html'), 'no');
    writeFileSync(path.join(root, 'outside.html'), 'outside');
    writeFileSync(path.join(root, 'web-evil.html'), 'sibling with the same prefix');
    symlinkSync(path.join(root, 'outside.html'), path.join(dir, 'link.html'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('serves index.html for / and by name', async () => {
    for (const p of ['/', '/index.html', '//index.html']) {
      const r = await resolveStatic(dir, p);
      assert.equal(r.status, 200, p);
      if (r.status === 200) assert.equal(r.type, 'text/html; charset=utf-8');
    }
  });

  it('serves nothing outside its folder (path traversal)', async () => {
    const attempts = [
      '/../outside.html',
      '/%2e%2e/outside.html',
      '/..%2foutside.html',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/....//outside.html',
      '/../web-evil.html',
      '/%2E%2E/web-evil.html',
      '/link.html',
      '/.secret.html',
      '/%2esecret.html',
      '/index.html%00.js',
      '/..\\outside.html',
      '/%5c..%5coutside.html',
      '/etc/passwd',
      '/%E0%A4%A',
      '/missing.html',
      '/index.exe',
    ];
    for (const p of attempts) {
      const r = await resolveStatic(dir, p);
      assert.notEqual(r.status, 200, p);
      assert.ok(r.status === 400 || r.status === 404, `${p}: ${r.status}`);
    }
  });

  it('builds the page CSP from the hashes of its inline script and style', () => {
    const csp = pageCsp('<style>a{}</style><script>x()</script>');
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });
});

describe('latinitsa serve', () => {
  const run = (argv: string[], env: Record<string, string> = {}): ReturnType<typeof runCli> => runCli(['serve', ...argv], { env });


  it('exits 2 with a one-line message for a bad port, from the flag or PORT', async () => {
    const flag = await run(['--port', 'eighty']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /--port must be an integer from 0 to 65535, found "eighty"/);
    const env = await run([], { PORT: '70000' });
    assert.equal(env.code, 2);
    assert.match(env.stderr, /: PORT must be an integer from 0 to 65535, found "70000"/);
  });

  it('says where the page, the API and its documentation are, and stops on SIGTERM', async () => {
    const listening = process.listenerCount('SIGTERM');
    const result = run(['--port', '0', '--workers', '0']);
    // The command waits for a signal once it serves (and has said so).
    while (process.listenerCount('SIGTERM') === listening) await new Promise((resolve) => setTimeout(resolve, 20));
    process.emit('SIGTERM');
    const r = await result;
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^latinitsa: serving the page on (http:\/\/127\.0\.0\.1:\d+\/) and the JSON API under \1api\/, described at \1api \(Ctrl-C to stop\)\n$/);
  });

  it('exits 2 naming the port when it is in use', async () => {
    const busy = await startServer({ port: 0, workers: 0 });
    try {
      const r = await run(['--port', String(busy.port), '--workers', '1']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(`port ${busy.port} is in use`));
    } finally {
      await busy.close();
    }
  });
});

describe('API: arbitrary bodies (property)', () => {
  it('answers every route with 200 or a coded 4xx JSON error, never 500, for any body', async () => {
    const body = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.record({ text: fc.string({ unit: 'binary', maxLength: 200 }) }),
      fc.record({ text: fc.string({ maxLength: 50 }), scheme: fc.constantFrom('modified-loc', 'ala-lc', 'iso-9', 'x'), options: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue()) }, { requiredKeys: [] }),
      fc.record({ text: fc.string({ maxLength: 50 }), from: fc.constantFrom('bgn-pcgn', 'ala-lc', 'nope'), to: fc.constantFrom('modified-loc', 'iso-9'), format: fc.constantFrom('text', 'markdown', 'docx', 'bibtex', 'csl-json', 'x'), data: fc.base64String({ maxLength: 40 }) }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operationNames), body, async (op, b) => {
        const r = await post(`/api/${op}`, typeof b === 'string' ? b : JSON.stringify(b));
        const parsed = JSON.parse(String(r.body));
        if (r.status === 200) return;
        assert.ok(r.status >= 400 && r.status < 500, `${op}: ${r.status} ${r.body}`);
        assert.equal(parsed.error.status, r.status);
        assert.match(parsed.error.code, /^ERR_[A-Z_]+$/);
        assert.ok(parsed.error.message.length > 0);
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
    );
  });
});
