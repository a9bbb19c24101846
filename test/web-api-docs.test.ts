// The API documentation page (web/api-docs.ts) from the OpenAPI document: every route is there
// with its fields, and every example request is one the API answers with 200; the route table of
// docs/web.md names the same fields.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { handleApi } from '../src/server/api.ts';
import { openApiDocument } from '../src/server/openapi.ts';
import { renderApiDocs } from '../web/api-docs.ts';

// The document is plain JSON; the test walks it loosely.
type Json = Record<string, any>;
const doc = openApiDocument() as Json;
const html = renderApiDocs(doc);

describe('API documentation page', () => {
  for (const [path, item] of Object.entries(doc['paths'] as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      it(`documents ${method.toUpperCase()} ${path}`, async () => {
        assert.ok(html.includes(`<code>${path}</code>`), 'route listed');
        assert.ok(html.includes(`data-method="${method.toUpperCase()}" data-path="${path}"`), 'a Try it form');
        const media = op.requestBody?.content?.['application/json'];
        if (method !== 'post') return;
        for (const field of Object.keys(media.schema.properties)) assert.ok(html.includes(`<code>${field}</code>`), `field ${field}`);
        assert.ok(media.example !== undefined, 'an example request');
        const res = await handleApi({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(media.example) });
        assert.equal(res.status, op.description === undefined ? 200 : 501, String(res.body));
      });
    }
  }

  it('escapes what it shows and loads nothing from elsewhere', () => {
    assert.doesNotMatch(html, /<script|https?:\/\/(?!127\.0\.0\.1)/);
    assert.ok(html.includes('&quot;') || html.includes('&lt;'));
  });
});

/** Text with every parenthesised group (nested ones too) taken out. */
function withoutParentheses(text: string): string {
  let out = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/** The names at the top level of the first `{ … }` of a cell (`name?` optional), and the names in backticks after it. */
function answerNames(cell: string): { all: Set<string>; optional: Set<string> } {
  const start = cell.indexOf('{');
  const all = new Set<string>();
  const optional = new Set<string>();
  if (start < 0) return { all, optional };
  let depth = 0;
  let end = cell.length;
  const items = [''];
  for (let i = start; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    if (depth === 0) {
      end = i;
      break;
    }
    if (depth === 1 && ch === ',') items.push('');
    else if (depth === 1 && ch !== '{') items[items.length - 1] += ch;
  }
  for (const item of items) {
    const name = /^\s*([A-Za-z]+)(\?)?\s*(?::.*)?$/su.exec(item);
    if (name === null) continue;
    all.add(name[1]!);
    if (name[2] === '?') optional.add(name[1]!);
  }
  for (const m of cell.slice(end + 1).matchAll(/`([A-Za-z]+)`/gu)) all.add(m[1]!);
  return { all, optional };
}

describe('the route table of docs/web.md names the fields of the OpenAPI document', () => {
  const rows = new Map<string, [string, string]>();
  for (const line of readFileSync('docs/web.md', 'utf8').split('\n')) {
    const cells = /^\| `((?:GET|POST) \/api\/[^`]+)` \| (.*) \| (.*) \|$/u.exec(line);
    if (cells) rows.set(cells[1]!, [cells[2]!, cells[3]!]);
  }
  for (const [path, item] of Object.entries(doc['paths'] as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const route = `${method.toUpperCase()} ${path}`;
      if (path === '/api/openapi.json') continue;
      it(route, () => {
        const row = rows.get(route);
        assert.ok(row !== undefined, `a row for ${route}`);
        const [body, answer] = row;
        const request = op.requestBody?.content?.['application/json']?.schema as Json | undefined;
        if (request !== undefined) {
          // A body field is a name in bold, or a name alone between commas once the parenthesised
          // remarks are out; a required field is in bold.
          const plain = withoutParentheses(body).replace(/`[^`]*`/gu, '');
          const bold = new Set([...body.matchAll(/\*\*([A-Za-z]+)\*\*/gu)].map((m) => m[1]!));
          const named = new Set([...bold, ...plain.split(/[,:]/u).map((s) => s.trim()).filter((s) => /^[A-Za-z]+$/u.test(s))]);
          assert.deepEqual([...named].sort(), Object.keys(request['properties']).sort(), 'body fields');
          for (const field of request['required'] ?? []) assert.ok(bold.has(field), `${field} is in bold`);
        }
        const response = op.responses?.['200']?.content?.['application/json']?.schema as Json | undefined;
        const properties = response?.['properties'] as Json | undefined;
        if (properties === undefined) return;
        const names = answerNames(answer);
        assert.deepEqual([...names.all].sort(), Object.keys(properties).sort(), 'answer fields');
        for (const field of response!['required'] ?? []) assert.ok(!names.optional.has(field), `${field} is always there: no "?"`);
      });
    }
  }
});
