// Builds the web page into ONE self-contained HTML file (script and style inline, no network
// use), written to dist/web/index.html, and the HTTP API's documentation page, dist/web/api.html
// (served at /api), rendered from the OpenAPI document; the lexicons (Russian, Ukrainian,
// Bulgarian) go beside them (fetched only by a copy of the page served without the latinitsa server). The engine is bundled
// from src/index.ts for the browser; a `node:` import reachable from it fails the build. The page's
// script is also its worker (started from a Blob of the same text), so the CSP allows blob: workers.
// Run: npm run build:web [-- --out DIR].
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, transform, type Plugin } from 'esbuild';
import { openApiDocument } from '../src/server/openapi.ts';
import { renderApiDocs } from '../web/api-docs.ts';

const root = path.resolve(import.meta.dirname, '..');

/** Options of {@link buildWeb}. */
export interface BuildWebOptions {
  /** Output folder. Default `dist/web`. */
  outDir?: string;
  /** Minify. Default true. */
  minify?: boolean;
}

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The icon, inline (no request, no 404): "Л" and "L" on the page's accent colour. */
const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#7a2e1c"/><text x="16" y="23" font-family="Georgia,serif" font-size="17" font-weight="700" text-anchor="middle" fill="#fff">ЛL</text></svg>`;
const ICON = `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(ICON_SVG)}">`;

/**
 * `node:util` gives only TextDecoder/TextEncoder to code reachable from src/index.ts; browsers
 * have both as globals. Anything else from node: stays unresolvable and fails the build.
 */
const webGlobals: Plugin = {
  name: 'web-globals',
  setup(b) {
    b.onResolve({ filter: /^node:util$/ }, () => ({ path: 'node:util', namespace: 'web-globals' }));
    b.onLoad({ filter: /.*/, namespace: 'web-globals' }, () => ({
      contents: 'export const TextDecoder = globalThis.TextDecoder; export const TextEncoder = globalThis.TextEncoder;',
      loader: 'js',
    }));
  },
};

async function bundle(entry: string, minify: boolean): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'web', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    plugins: [webGlobals],
  });
  // `</script` inside the code would end the inline script early; `<\/script` means the same in JS.
  return result.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1').trimEnd();
}

/** Fills a page template: CSP (the same policy the server sends, for a copy opened from disk), icon, style, script, body parts. */
function page(template: string, script: string, css: string, parts: Record<string, string> = {}): string {
  // frame-ancestors cannot be set from a meta tag; the server sends it as a header.
  const csp = `default-src 'none'; script-src ${hash(script)}; style-src ${hash(css)}; img-src 'self' data:; connect-src 'self'; worker-src blob:; base-uri 'none'; form-action 'none'`;
  let html = template
    .replace('<!--CSP-->', () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace('<!--ICON-->', () => ICON)
    .replace('<!--STYLE-->', () => `<style>${css}</style>`)
    .replace('<!--SCRIPT-->', () => `<script>${script}</script>`);
  for (const [name, content] of Object.entries(parts)) html = html.replace(`<!--${name}-->`, () => content);
  return html;
}

/** Writes a file aside and renames it, so that a server reading the folder never sees half a page. */
async function writeAtomic(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, file);
}

/** Builds the page and the API page; returns the page written and its size in bytes, and the API page. */
export async function buildWeb(options: BuildWebOptions = {}): Promise<{ file: string; bytes: number; apiFile: string; apiBytes: number }> {
  const outDir = path.resolve(root, options.outDir ?? 'dist/web');
  const minify = options.minify ?? true;
  const [script, apiScript, rawCss, template, apiTemplate] = await Promise.all([
    bundle('main.ts', minify),
    bundle('api-page.ts', minify),
    readFile(path.join(root, 'web', 'style.css'), 'utf8'),
    readFile(path.join(root, 'web', 'index.html'), 'utf8'),
    readFile(path.join(root, 'web', 'api.html'), 'utf8'),
  ]);
  const css = (await transform(rawCss, { loader: 'css', minify })).code.trimEnd();
  const html = page(template, script, css);
  const apiHtml = page(apiTemplate, apiScript, css, { DOCS: renderApiDocs(openApiDocument() as Record<string, unknown>) });
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, 'index.html');
  const apiFile = path.join(outDir, 'api.html');
  await writeAtomic(file, html);
  await writeAtomic(apiFile, apiHtml);
  // The lexicons beside the page, one per language that has one: fetched only when the page has
  // no server to ask, each on the first reading in its language (web/lexicon-hook.ts). Not in the
  // npm package's copy of the page (package.json "files").
  const lexiconDir = path.join(root, 'data', 'lexicon');
  for (const name of (await readdir(lexiconDir)).filter((f) => /^lexicon-[a-z]+\.bin$/.test(f)).sort()) {
    const lexicon = path.join(outDir, name);
    await copyFile(path.join(lexiconDir, name), `${lexicon}.${process.pid}.tmp`);
    await rename(`${lexicon}.${process.pid}.tmp`, lexicon);
  }
  return { file, bytes: Buffer.byteLength(html), apiFile, apiBytes: Buffer.byteLength(apiHtml) };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-minify': { type: 'boolean' } } });
  const r = await buildWeb({ ...(values.out === undefined ? {} : { outDir: values.out }), minify: values['no-minify'] !== true });
  console.log(`web page: ${path.relative(process.cwd(), r.file)} (${Math.round(r.bytes / 1024)} KiB); API page: ${path.relative(process.cwd(), r.apiFile)} (${Math.round(r.apiBytes / 1024)} KiB)`);
}
