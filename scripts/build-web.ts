// Builds the web page into ONE self-contained HTML file (script and style inline, no network
// use), written to dist/web/index.html, with the Russian lexicon beside it (fetched only by a copy
// of the page served without the latinitsa server). The engine is bundled from src/index.ts for the browser;
// a `node:` import reachable from it fails the build. Run: npm run build:web [-- --out DIR].
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, transform, type Plugin } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

/** Options of {@link buildWeb}. */
export interface BuildWebOptions {
  /** Output folder. Default `dist/web`. */
  outDir?: string;
  /** Minify. Default true. */
  minify?: boolean;
}

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

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

/** Builds the page; returns the file written and its size in bytes. */
export async function buildWeb(options: BuildWebOptions = {}): Promise<{ file: string; bytes: number }> {
  const outDir = path.resolve(root, options.outDir ?? 'dist/web');
  const minify = options.minify ?? true;
  const bundle = await build({
    entryPoints: [path.join(root, 'web', 'main.ts')],
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
  const script = bundle.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1').trimEnd();
  const css = (await transform(await readFile(path.join(root, 'web', 'style.css'), 'utf8'), { loader: 'css', minify })).code.trimEnd();
  const template = await readFile(path.join(root, 'web', 'index.html'), 'utf8');
  // The same policy as the server sends, for the offline copy (frame-ancestors cannot be set
  // from a meta tag; the server sends it as a header).
  const csp = `default-src 'none'; script-src ${hash(script)}; style-src ${hash(css)}; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'`;
  const html = template
    .replace('<!--CSP-->', () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace('<!--STYLE-->', () => `<style>${css}</style>`)
    .replace('<!--SCRIPT-->', () => `<script>${script}</script>`);
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, 'index.html');
  // Written aside and renamed, so that a server reading the folder never sees half a page.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, html);
  await rename(temp, file);
  // The Russian lexicon beside the page: fetched only when the page has no server to ask
  // (web/lexicon.ts). Not in the npm package's copy of the page (package.json "files").
  const lexicon = path.join(outDir, 'lexicon-ru.bin');
  await copyFile(path.join(root, 'data', 'lexicon', 'lexicon-ru.bin'), `${lexicon}.${process.pid}.tmp`);
  await rename(`${lexicon}.${process.pid}.tmp`, lexicon);
  return { file, bytes: Buffer.byteLength(html) };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-minify': { type: 'boolean' } } });
  const { file, bytes } = await buildWeb({ ...(values.out === undefined ? {} : { outDir: values.out }), minify: values['no-minify'] !== true });
  console.log(`web page: ${path.relative(process.cwd(), file)} (${Math.round(bytes / 1024)} KiB)`);
}
