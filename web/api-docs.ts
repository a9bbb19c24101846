// The HTTP API's documentation page, rendered from the OpenAPI document at build time
// (scripts/build-web.ts): every route with its fields, an example request, the answer's fields,
// the errors, and a form to try it (web/api-page.ts). Plain HTML, no framework, no CDN: it reads
// the same offline. No DOM here (it runs in Node): test/web-api-docs.test.ts.

type Json = Record<string, unknown>;

const esc = (s: unknown): string => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follows a local `$ref` (`#/components/schemas/Segment`). */
function resolve(doc: Json, value: unknown): Json {
  let v = value;
  for (let depth = 0; isObject(v) && typeof v['$ref'] === 'string' && depth < 10; depth++) {
    let target: unknown = doc;
    for (const part of (v['$ref'] as string).replace(/^#\//, '').split('/')) target = isObject(target) ? target[part] : undefined;
    v = { ...(isObject(target) ? target : {}), ...Object.fromEntries(Object.entries(v).filter(([k]) => k !== '$ref')) };
  }
  return isObject(v) ? v : {};
}

/** A schema's type in words: `string`, `"a" | "b"`, `array of string`, `Segment[]`. */
function typeOf(doc: Json, schema: unknown): string {
  if (!isObject(schema)) return 'any';
  if (typeof schema['$ref'] === 'string') return (schema['$ref'] as string).split('/').pop()!;
  if (Array.isArray(schema['enum'])) return schema['enum'].map((v) => JSON.stringify(v)).join(' | ');
  if (schema['type'] === 'array') return `array of ${typeOf(doc, schema['items'])}`;
  if (typeof schema['type'] === 'string') return schema['type'];
  if (Array.isArray(schema['oneOf'])) return schema['oneOf'].map((s) => typeOf(doc, s)).join(' or ');
  return 'any';
}

/** A table of an object schema's fields. */
function fieldsTable(doc: Json, schema: Json, caption: string): string {
  const props = isObject(schema['properties']) ? schema['properties'] : {};
  const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
  const names = Object.keys(props);
  if (names.length === 0) return `<p>${esc(schema['description'] ?? 'A JSON object.')}</p>`;
  const rows = names.map((name) => {
    const p = resolve(doc, props[name]);
    const raw = props[name];
    const notes = [
      typeof p['description'] === 'string' ? esc(p['description']) : '',
      p['default'] !== undefined ? `Default: <code>${esc(JSON.stringify(p['default']))}</code>.` : '',
      p['contentEncoding'] === 'base64' ? 'Base64.' : '',
    ].filter((x) => x !== '');
    return `<tr><th scope="row"><code>${esc(name)}</code>${required.has(name) ? ' <span class="req">required</span>' : ''}</th><td><code>${esc(typeOf(doc, raw))}</code></td><td>${notes.join(' ')}</td></tr>`;
  });
  return `<div class="table-wrap"><table class="fields"><caption>${esc(caption)}</caption><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

const slug = (method: string, path: string): string => `${method}-${path.replace(/^\/api\/?/, '').replace(/[{}]/g, '').replace(/[^a-z0-9]+/gi, '-')}`.replace(/-$/, '');

/** The curl line of an example request. */
function curl(method: string, path: string, body: unknown): string {
  const url = `<span class="origin">http://127.0.0.1:8080</span>${esc(path)}`;
  if (method === 'get') return `curl ${url}`;
  return `curl --json ${esc(`'${JSON.stringify(body).replace(/'/g, "'\\''")}'`)} \\\n  ${url}`;
}

/**
 * The documentation of an OpenAPI 3 document as HTML: the table of routes, one section per
 * operation, and the shared error shape.
 */
export function renderApiDocs(doc: Json): string {
  const info = isObject(doc['info']) ? doc['info'] : {};
  const paths = isObject(doc['paths']) ? doc['paths'] : {};
  const ops: { method: string; path: string; op: Json }[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of ['get', 'post', 'put', 'delete']) if (isObject(item[method])) ops.push({ method, path, op: item[method] as Json });
  }
  const toc = ops.map(({ method, path, op }) => `<li><a href="#${slug(method, path)}"><span class="method ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></a> — ${esc(op['summary'] ?? '')}</li>`);
  const sections = ops.map(({ method, path, op }) => {
    const id = slug(method, path);
    const body = resolve(doc, op['requestBody']);
    const media = isObject(body['content']) ? resolve(doc, (body['content'] as Json)['application/json']) : {};
    const schema = resolve(doc, media['schema']);
    const example = media['example'];
    const params = Array.isArray(op['parameters']) ? (op['parameters'] as unknown[]).map((p) => resolve(doc, p)) : [];
    const responses = isObject(op['responses']) ? op['responses'] : {};
    const ok = resolve(doc, responses['200']);
    const okSchema = resolve(doc, isObject(ok['content']) ? resolve(doc, (ok['content'] as Json)['application/json'])['schema'] : undefined);
    const errors = Object.entries(responses)
      .filter(([status]) => status !== '200')
      .map(([status, r]) => `<li><b>${esc(status)}</b> ${esc(resolve(doc, r)['description'] ?? '')}</li>`);
    const examplePath = path.replace('{id}', 'ala-lc');
    const parts = [
      `<section class="op" id="${id}" aria-labelledby="${id}-title">`,
      `<h2 id="${id}-title"><span class="method ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h2>`,
      `<p class="lead">${esc(op['summary'] ?? '')}</p>`,
      typeof op['description'] === 'string' ? `<p class="warn">${esc(op['description'])}</p>` : '',
      params.length > 0 ? `<h3>Path</h3><ul>${params.map((p) => `<li><code>{${esc(p['name'])}}</code> — ${esc(p['description'] ?? 'a scheme id, as listed by GET /api/schemes')}</li>`).join('')}</ul>` : '',
      method === 'post' ? `<h3>Request</h3><p>A JSON object, sent with <code>Content-Type: application/json</code>.</p>${fieldsTable(doc, schema, 'Fields of the request')}` : '',
      `<h3>Example</h3><pre class="example"><code>${curl(method, examplePath, example)}</code></pre>`,
      `<h3>Answer</h3>${fieldsTable(doc, okSchema, 'Fields of the answer')}`,
      errors.length > 0 ? `<h3>Errors</h3><ul class="errors">${errors.join('')}</ul>` : '',
      `<h3>Try it</h3>`,
      `<form class="try" data-method="${method.toUpperCase()}" data-path="${esc(path)}">`,
      path.includes('{id}') ? `<label class="field">Scheme id <input type="text" name="id" value="ala-lc" spellcheck="false"></label>` : '',
      method === 'post' ? `<label class="field">Request body (JSON) <textarea name="body" rows="6" spellcheck="false">${esc(JSON.stringify(example ?? {}, null, 2))}</textarea></label>` : '',
      `<div class="buttons"><button type="submit" class="primary">Send</button></div>`,
      `<output class="answer" aria-live="polite"></output>`,
      `</form>`,
      `</section>`,
    ];
    return parts.filter((p) => p !== '').join('\n');
  });
  const errorSchema = resolve(doc, { $ref: '#/components/schemas/Error' });
  return [
    `<header class="top api-top"><h1>${esc(info['title'] ?? 'HTTP API')} <span class="tagline">version ${esc(info['version'] ?? '')}</span></h1>`,
    `<p class="lead">${esc(info['description'] ?? '')}</p>`,
    `<p><a href="/">← The web page</a> · <a href="/api/openapi.json">The OpenAPI document (JSON)</a></p></header>`,
    `<main id="main" class="api">`,
    `<p id="offline-note" class="warn" hidden>This copy is opened from a file: the examples and forms need the latinitsa server (<code>npm start</code>).</p>`,
    `<nav aria-labelledby="routes-title" class="toc"><h2 id="routes-title">Routes</h2><ul>${toc.join('')}</ul></nav>`,
    ...sections,
    `<section class="op" id="errors" aria-labelledby="errors-title"><h2 id="errors-title">Errors</h2><p>Every error answer has the same shape: <code>{ "error": { "status", "code", "message" } }</code>.</p>${fieldsTable(doc, resolve(doc, isObject(errorSchema['properties']) ? (errorSchema['properties'] as Json)['error'] : {}), 'Fields of error')}</section>`,
    `</main>`,
  ].join('\n');
}
