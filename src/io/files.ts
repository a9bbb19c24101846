import { promises as fs } from 'node:fs';
import { LatinitsaError } from '../errors.ts';
import type { Scheme } from '../schemes/registry.ts';
import { decodeBytes } from './decode.ts';
import { parseJsonFile } from '../diagnostics/json.ts';
import { schemeFromBytes } from './scheme-bytes.ts';
import { ioError } from './errors.ts';

/** Options of {@link readFileLimited}. */
export interface ReadLimitOptions {
  /** Largest accepted size in bytes (`ERR_TOO_LARGE` beyond). Default 16 MiB. */
  maxBytes?: number;
  /** The file's name in messages, as the user gave it (default: the path read). */
  name?: string;
}

/**
 * Reads a whole small file (a scheme, a lexicon) with a size limit, as bytes. Errors are
 * `ERR_IO` / `ERR_TOO_LARGE` with one-line messages naming the file.
 *
 * @example
 * import { readFileLimited } from 'latinitsa/io';
 * (await readFileLimited('/no/such/file').catch((e) => e)).code;
 * //=> 'ERR_IO'
 */
export async function readFileLimited(file: string, options: ReadLimitOptions = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  const name = options.name ?? file;
  try {
    const handle = await fs.open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) throw new LatinitsaError('ERR_TOO_LARGE', `${name}: ${size} bytes, more than the limit of ${maxBytes}`, { file: name });
      // Read up to the limit + 1 whatever stat said (pipes and /proc files report size 0).
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const buf = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
        const { bytesRead } = await handle.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        chunks.push(buf.subarray(0, bytesRead));
        total += bytesRead;
        if (total > maxBytes) throw new LatinitsaError('ERR_TOO_LARGE', `${name}: more than the limit of ${maxBytes} bytes`, { file: name });
      }
      return Buffer.concat(chunks, total);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw ioError('read', name, error);
  }
}

/**
 * Reads a scheme file (JSON) and loads it with `loadScheme`: errors name the file and the field.
 *
 * @param file The path to read.
 * @param options `register` and `own`: as `loadScheme`'s; `name`: the file's name in every message, as the
 *   user gave it (default: `file`), e.g. the relative name of a command-line argument.
 * @example
 * import { readSchemeFile } from 'latinitsa/io';
 * (await readSchemeFile('/no/such/scheme.json').catch((e) => e)).message;
 * //=> 'cannot read /no/such/scheme.json: no such file'
 */
export async function readSchemeFile(file: string, options: { register?: boolean; own?: boolean; name?: string } = {}): Promise<Scheme> {
  const name = options.name ?? file;
  return schemeFromBytes(await readFileLimited(file, { name }), { file: name, register: options.register ?? false, own: options.own ?? false }).scheme;
}

/**
 * Parses an exception lexicon (docs/cli.md, `--exceptions`): a JSON object `{"Толстой": "Tolstoy"}`, or
 * TSV lines `Толстой<TAB>Tolstoy` (empty lines and lines starting with `#` are skipped).
 * `format` defaults to JSON when the text starts with `{`.
 *
 * @example
 * import { parseLexicon } from 'latinitsa/io';
 * parseLexicon('# names\nТолстой\tTolstoy\n');
 * //=> { 'Толстой': 'Tolstoy' }
 */
export function parseLexicon(text: string, options: { file?: string; format?: 'json' | 'tsv' } = {}): Record<string, string> {
  const file = options.file ?? 'lexicon';
  const format = options.format ?? (/^\s*\{/.test(text) ? 'json' : 'tsv');
  // Pairs collected first: Object.fromEntries defines own properties, so a word such as
  // "__proto__" cannot reach the prototype.
  const pairs: [string, string][] = [];
  if (format === 'json') {
    const data = parseJsonFile(text, { file });
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new LatinitsaError('ERR_INVALID_INPUT', `${file}: a lexicon must be a JSON object of "word": "romanization" pairs`, { file });
    }
    for (const [word, value] of Object.entries(data)) {
      if (typeof value !== 'string') {
        throw new LatinitsaError('ERR_INVALID_INPUT', `${file}: /${word}: the romanization must be a string, found ${value === null ? 'null' : typeof value}`, { file, pointer: `/${word}` });
      }
      pairs.push([word, value]);
    }
    return Object.fromEntries(pairs);
  }
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (cells.length !== 2 || cells[0]!.trim() === '') {
      throw new LatinitsaError('ERR_INVALID_INPUT', `${file}: line ${i + 1}: expected "word<TAB>romanization"`, { file });
    }
    pairs.push([cells[0]!.trim(), cells[1]!.trim()]);
  });
  return Object.fromEntries(pairs);
}

/**
 * Reads an exception lexicon file (`.json`, or TSV for any other name; see {@link parseLexicon}).
 * `name`: the file's name in every message, as the user gave it (default: `file`).
 *
 * @example
 * import { readLexicon } from 'latinitsa/io';
 * (await readLexicon('/no/such/names.tsv').catch((e) => e)).code;
 * //=> 'ERR_IO'
 */
export async function readLexicon(file: string, options: { name?: string } = {}): Promise<Record<string, string>> {
  const name = options.name ?? file;
  const text = decodeBytes(await readFileLimited(file, { name }), { file: name, stripBom: true });
  return parseLexicon(text, { file: name, ...(file.toLowerCase().endsWith('.json') ? { format: 'json' as const } : {}) });
}
