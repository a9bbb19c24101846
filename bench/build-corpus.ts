// Builds the benchmark corpora from the public-domain text kept in bench/corpora/ (see its
// README): the text repeated until the wanted size and cut at the next line end, as the issue's
// reference corpus was built. Nothing is downloaded. Files go to bench/.corpus/ (git-ignored).
// Run alone: node --import tsx bench/build-corpus.ts [MB]
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

export const benchDir = path.dirname(new URL(import.meta.url).pathname);
export const sourceText = path.join(benchDir, 'corpora', 'tolstoy_anna_karenina.txt');
export const corpusDir = path.join(benchDir, '.corpus');

/** The corpus file of at least `bytes` bytes (built once, then reused): `sourceText` repeated, cut at the next line end. */
export function buildCorpus(bytes: number, name = `corpus-${Math.round(bytes / 1e6)}mb.txt`): string {
  const file = path.join(corpusDir, name);
  if (existsSync(file) && statSync(file).size >= bytes && statSync(file).size < bytes + 100_000) return file;
  mkdirSync(corpusDir, { recursive: true });
  const source = readFileSync(sourceText);
  const withEnd = source[source.length - 1] === 10 ? source : Buffer.concat([source, Buffer.from('\n')]);
  const fd = openSync(`${file}.tmp`, 'w');
  let written = 0;
  while (written < bytes) {
    const rest = bytes - written;
    if (rest >= withEnd.length) {
      writeSync(fd, withEnd);
      written += withEnd.length;
    } else {
      const cut = withEnd.indexOf(10, rest) + 1; // the next line end
      writeSync(fd, withEnd.subarray(0, cut));
      written += cut;
    }
  }
  closeSync(fd);
  // Rename only when complete, so an interrupted build is never reused.
  renameSync(`${file}.tmp`, file);
  return file;
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const mb = Number(process.argv[2] ?? 50);
  process.stdout.write(`${buildCorpus(mb * 1e6)}\n`);
}
