// The API documentation page (web/api-docs.ts) from the OpenAPI document: every route is there
// with its fields, and every example request is one the API answers with 200.
import assert from 'node:assert/strict';
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
