// Node-only: loads the lexicons that ship with the package (data/lexicon/lexicon-<language>.bin,
// built by scripts/build-lexicon.ts; format and decoder in src/reverse/lexicon-file.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { LatinitsaError } from '../errors.ts';
import { decodeLexicon, isGzip } from '../reverse/lexicon-file.ts';
import type { Lexicon } from '../reverse/lexicon.ts';
import { DEFAULT_LANGUAGE, getLanguage } from '../schemes/languages.ts';
import { listLanguages } from '../schemes/registry.ts';

/** The folder of the shipped lexicons (the same path from src/ and from dist/). */
const lexiconFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'lexicon');

/** Options of {@link shippedLexiconFile}. */
export interface ShippedLexiconOptions {
  /** Language id (`ru`, `uk`, `bg`…). Default `ru`. */
  language?: string;
}

/**
 * Where the package keeps the lexicon of a language: `data/lexicon/lexicon-<language>.bin` (the
 * package ships Russian, Ukrainian and Bulgarian ones; for another language the file does not
 * exist and {@link loadLexicon} resolves to `undefined`). An unknown language is `ERR_INVALID_OPTION`.
 *
 * @example
 * import { shippedLexiconFile } from 'latinitsa/io';
 * shippedLexiconFile({ language: 'uk' }).endsWith('data/lexicon/lexicon-uk.bin');
 * //=> true
 */
export function shippedLexiconFile(options: ShippedLexiconOptions = {}): string {
  const language = options.language ?? DEFAULT_LANGUAGE;
  // The id becomes part of a path: only a language the package knows.
  if (typeof language !== 'string' || !listLanguages().includes(language)) {
    throw new LatinitsaError('ERR_INVALID_OPTION', `option "language": unknown language ${JSON.stringify(language)} (known: ${listLanguages().join(', ')})`);
  }
  return path.join(lexiconFolder, `lexicon-${language}.bin`);
}

/**
 * The Russian lexicon file shipped with the package (the same path from src/ and from dist/);
 * the other languages' files: {@link shippedLexiconFile}.
 *
 * @example
 * import { defaultLexiconFile } from 'latinitsa/io';
 * defaultLexiconFile.endsWith('data/lexicon/lexicon-ru.bin');
 * //=> true
 */
export const defaultLexiconFile = shippedLexiconFile();

/** Options of {@link loadLexicon}. */
export interface LoadLexiconOptions {
  /** Lexicon file, gzipped or not. Default: the shipped lexicon of `language`. */
  file?: string;
  /**
   * The language whose shipped lexicon is loaded ({@link shippedLexiconFile}) when no `file` is
   * named: the language of the scheme the text is read in. Default `ru`.
   */
  language?: string;
}

const loaded = new Map<string, Promise<Lexicon | undefined>>();

/**
 * Loads a lexicon file once per process and file (later calls share the first load): the shipped
 * lexicon of `language` (Russian by default), or `file`. Resolves to `undefined` when the file
 * does not exist, as for a language the package has no lexicon of (callers then rank by letter
 * statistics, see {@link missingLexiconWarning}); a file that is not a lexicon gives
 * `ERR_UNSUPPORTED_FORMAT`, one that cannot be read `ERR_IO`, an unknown language `ERR_INVALID_OPTION`.
 *
 * @example
 * import { loadLexicon } from 'latinitsa/io';
 * import { deromanize } from 'latinitsa';
 * const lexicon = await loadLexicon();
 * deromanize('vesnushchaty', lexicon === undefined ? {} : { lexicon });
 * //=> 'веснушчаты'
 * const uk = await loadLexicon({ language: 'uk' });
 * deromanize('Kyiv', { scheme: 'uk-national', ...(uk === undefined ? {} : { lexicon: uk }) });
 * //=> 'Київ'
 */
export function loadLexicon(options: LoadLexiconOptions = {}): Promise<Lexicon | undefined> {
  let file: string;
  try {
    file = path.resolve(options.file ?? shippedLexiconFile({ ...(options.language === undefined ? {} : { language: options.language }) }));
  } catch (error) {
    // A promise-returning function fails by rejecting, also for an unknown language.
    return Promise.reject(error as Error);
  }
  let p = loaded.get(file);
  if (p === undefined) {
    p = read(file);
    loaded.set(file, p);
    // A failed load is not remembered: the next call tries again.
    p.catch(() => loaded.delete(file));
  }
  return p;
}

async function read(file: string): Promise<Lexicon | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LatinitsaError('ERR_IO', `cannot read the lexicon ${file}: ${(error as Error).message}`, { file, cause: error });
  }
  if (isGzip(bytes)) {
    try {
      // Inflated at once into one buffer of the final size (gzip's last four bytes give it): less
      // than half the time and memory of zlib's default, 16 KB pieces joined at the end.
      const size = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(bytes.length - 4);
      bytes = gunzipSync(bytes, { chunkSize: Math.min(Math.max(size, 64 * 1024), 64 * 1024 * 1024) });
    } catch (error) {
      throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${file}: damaged gzip data (${(error as Error).message})`, { file, cause: error });
    }
  }
  try {
    return decodeLexicon(bytes);
  } catch (error) {
    if (error instanceof LatinitsaError) throw new LatinitsaError(error.code, `${file}: ${error.message}`, { file, cause: error });
    throw error;
  }
}

/** Options of {@link missingLexiconWarning} (in place of the file name alone). */
export interface MissingLexiconOptions {
  /** The file that is missing. Default: the shipped lexicon of `language`. */
  file?: string;
  /** The language whose lexicon is missing. Default `ru`. */
  language?: string;
}

/**
 * The one line the CLI and the server print when the lexicon file is missing: the file's name,
 * or an options object that names the language.
 *
 * @example
 * import { missingLexiconWarning } from 'latinitsa/io';
 * missingLexiconWarning('/x/lexicon-ru.bin');
 * //=> 'latinitsa: warning: no Russian lexicon at /x/lexicon-ru.bin; readings are ranked by letter statistics only'
 * missingLexiconWarning({ file: '/x/lexicon-uk.bin', language: 'uk' });
 * //=> 'latinitsa: warning: no Ukrainian lexicon at /x/lexicon-uk.bin; readings are ranked by letter statistics only'
 */
export function missingLexiconWarning(options: string | MissingLexiconOptions = {}): string {
  const o = typeof options === 'string' ? { file: options } : options;
  const language = o.language ?? DEFAULT_LANGUAGE;
  const file = o.file ?? shippedLexiconFile({ language });
  return `latinitsa: warning: no ${getLanguage(language).name} lexicon at ${file}; readings are ranked by letter statistics only`;
}
