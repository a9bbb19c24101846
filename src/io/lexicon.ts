// Node-only: loads the Russian lexicon that ships with the package (data/lexicon/lexicon-ru.bin,
// built by scripts/build-lexicon.ts; format and decoder in src/reverse/lexicon-file.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { LatinitsaError } from '../errors.ts';
import { decodeLexicon, isGzip } from '../reverse/lexicon-file.ts';
import type { Lexicon } from '../reverse/lexicon.ts';

/**
 * The lexicon file shipped with the package (the same path from src/ and from dist/).
 *
 * @example
 * import { defaultLexiconFile } from 'latinitsa/io';
 * defaultLexiconFile.endsWith('data/lexicon/lexicon-ru.bin');
 * //=> true
 */
export const defaultLexiconFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'lexicon', 'lexicon-ru.bin');

/** Options of {@link loadLexicon}. */
export interface LoadLexiconOptions {
  /** Lexicon file, gzipped or not. Default {@link defaultLexiconFile}. */
  file?: string;
}

const loaded = new Map<string, Promise<Lexicon | undefined>>();

/**
 * Loads a lexicon file once per process and file (later calls share the first load). Resolves to
 * `undefined` when the file does not exist (callers then rank by letter statistics, see
 * {@link missingLexiconWarning}); a file that is not a lexicon gives `ERR_UNSUPPORTED_FORMAT`,
 * and one that cannot be read `ERR_IO`.
 *
 * @example
 * import { loadLexicon } from 'latinitsa/io';
 * import { deromanize } from 'latinitsa';
 * const lexicon = await loadLexicon();
 * deromanize('vesnushchaty', lexicon === undefined ? {} : { lexicon });
 * //=> 'веснушчаты'
 */
export function loadLexicon(options: LoadLexiconOptions = {}): Promise<Lexicon | undefined> {
  const file = path.resolve(options.file ?? defaultLexiconFile);
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

/**
 * The one line the CLI and the server print when the lexicon file is missing.
 *
 * @example
 * import { missingLexiconWarning } from 'latinitsa/io';
 * missingLexiconWarning('/x/lexicon-ru.bin');
 * //=> 'latinitsa: warning: no Russian lexicon at /x/lexicon-ru.bin; readings are ranked by letter statistics only'
 */
export function missingLexiconWarning(file: string = defaultLexiconFile): string {
  return `latinitsa: warning: no Russian lexicon at ${file}; readings are ranked by letter statistics only`;
}
