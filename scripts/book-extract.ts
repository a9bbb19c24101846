/**
 * Builds a held-out corpus of books for the checker from Project Gutenberg texts as the GITenberg
 * organisation mirrors them on GitHub (one repository per book, `<Title>_<PG id>`):
 * test/fixtures/realtext7 (README there says which books, why, and how they were judged). Run it
 * again on the same commits with the same arguments and it writes the same files.
 *
 *   node --import tsx scripts/book-extract.ts --out DIR [--taken DATE] BOOK…
 *
 * A BOOK is `<git dir>:<path>:<year>`: a clone of the GITenberg repository (bare or not; its
 * head is read, and its commit recorded), the text file in it, and the year the book was first
 * published (Project Gutenberg's metadata does not give it). `--taken` is the date written in
 * SOURCES.tsv (default: today, UTC).
 *
 * Which file of a book: the most faithful plain text Project Gutenberg offers, UTF-8 (`-0.txt`)
 * before ISO-8859-1 (`-8.txt`) before ASCII (`.txt`); the caller names it, the script decodes it
 * by its name and refuses a byte its encoding does not allow.
 *
 * The cleaning keeps the book's own text, notes and appendices exactly, and takes off only what
 * Project Gutenberg put around it:
 *   1. the byte-order mark; line ends become `\n` (the files use `\r\n`);
 *   2. everything up to and including the start marker (`*** START OF THIS PROJECT GUTENBERG
 *      EBOOK …`, or in the oldest files the end of the licence, `*END*THE SMALL PRINT! …`), and
 *      everything from the end marker (`*** END OF …`) on, licence included;
 *   3. the closing line PG writes before the end marker (`End of [the] Project Gutenberg
 *      [E]Book of <title>, by <author>`, which may run over two lines, or `End of The Project
 *      Gutenberg Etext of …` where there is no end marker), looked for among the last 20 lines;
 *   4. the producer credits: the paragraphs at the head of the text that start `Produced by`,
 *      `E-text prepared by` or `This Etext prepared by`;
 *   5. blank lines at the very start and end; the file ends with one `\n`.
 * Transcriber's and redactor's notes (a list of corrected misprints, how the footnotes are laid
 * out) are kept: a reader of the PG text sees them, and they are not the licence. Misprints and
 * OCR leftovers of the books are kept too.
 *
 * Each book is written as `gutenberg-<PG id>-<Title_with_underscores>.txt` (a book checked as
 * `latinitsa check book.txt` is read as plain text); SOURCES.tsv records for each file the
 * repository, commit, path, PG id, author, year, licence, the sha256 of the file as stored there
 * and the first 16 hex digits of the sha256 of the cleaned file (what the corpus test checks).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, taken: { type: 'string' } },
});
if (values.out === undefined || positionals.length === 0) throw new Error('usage: book-extract.ts --out DIR [--taken DATE] <git dir>:<path>:<year>…');
const taken = values.taken ?? new Date().toISOString().slice(0, 10);

const git = (dir: string, ...args: string[]): Buffer => execFileSync('git', ['-C', dir, ...args], { maxBuffer: 64 * 1024 * 1024 });

/** The text of a PG file, decoded by its name (`-0` UTF-8, `-8` ISO-8859-1, else ASCII), strictly. */
function decode(bytes: Buffer, file: string): string {
  if (/-0\.txt$/u.test(file)) return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  if (/-8\.txt$/u.test(file)) {
    // ISO-8859-1 proper: the C1 range 0x80–0x9f is control characters there, never text.
    if (bytes.some((b) => b >= 0x80 && b < 0xa0)) throw new Error(`${file}: a C1 control byte in an ISO-8859-1 file`);
    return bytes.toString('latin1');
  }
  if (bytes.some((b) => b >= 0x80)) throw new Error(`${file}: a non-ASCII byte in an ASCII file`);
  return bytes.toString('latin1');
}

/** The book's own text: see the cleaning at the top. Returns it and how many lines each step removed. */
function clean(raw: string, file: string): { text: string; header: number; footer: number; credits: number } {
  const lines = raw.replace(/^\uFEFF/u, '').replace(/\r\n/gu, '\n').split('\n');
  const start = lines.findIndex((l) => /^\*\*\* ?START OF (THIS|THE) PROJECT GUTENBERG/u.test(l) || /^\*END\*THE SMALL PRINT!/u.test(l));
  if (start < 0) throw new Error(`${file}: no start marker`);
  let end = lines.findIndex((l, i) => i > start && /^\*\*\* ?END OF (THIS|THE) PROJECT GUTENBERG/u.test(l));
  if (end < 0) end = lines.length;
  let body = lines.slice(start + 1, end);
  const header = start + 1;
  let footer = lines.length - end;
  const closing = body.findIndex((l, i) => i >= body.length - 20 && /^End of (the )?Project Gutenberg('s)?\b/iu.test(l));
  if (closing >= 0) {
    footer += body.length - closing;
    body = body.slice(0, closing);
  }
  // Producer credits: the first paragraphs of the text, while they are credits.
  let credits = 0;
  for (;;) {
    const first = body.findIndex((l) => l.trim() !== '');
    if (first < 0 || !/^(Produced by|E-text prepared by|This Etext prepared by)\b/u.test(body[first]!)) break;
    let stop = first;
    while (stop < body.length && body[stop]!.trim() !== '') stop++;
    credits += stop - first;
    body = body.slice(stop);
  }
  while (body.length > 0 && body[0]!.trim() === '') body.shift();
  while (body.length > 0 && body.at(-1)!.trim() === '') body.pop();
  return { text: body.join('\n') + '\n', header, footer, credits };
}

/** A value of the repository's metadata.yaml (the first `key: value` line; enough for these fields). */
function yamlValue(yaml: string, key: string): string {
  const m = new RegExp(`^\\s*${key}: *(.*)$`, 'mu').exec(yaml);
  return (m?.[1] ?? '').replace(/^['"]|['"]$/gu, '').trim();
}

mkdirSync(values.out, { recursive: true });
const rows = [['file', 'source_repository', 'source_commit', 'source_path', 'pg_id', 'author', 'year', 'licence', 'source_sha256', 'source_bytes', 'words', 'lines', 'removed_header_lines', 'removed_footer_lines', 'removed_credit_lines', 'sha256_16', 'taken'].join('\t')];
for (const book of positionals) {
  const [dir, file, year] = book.split(':');
  if (dir === undefined || file === undefined || year === undefined || !/^\d{4}$/u.test(year)) throw new Error(`a book is <git dir>:<path>:<year>, not ${book}`);
  const commit = git(dir, 'rev-parse', 'HEAD').toString().trim();
  const bytes = git(dir, 'show', `${commit}:${file}`);
  const yaml = git(dir, 'show', `${commit}:metadata.yaml`).toString('utf8');
  const repo = yamlValue(yaml, '_repo');
  const id = yamlValue(yaml, 'gutenberg');
  if (repo === '' || id === '' || !repo.endsWith(`_${id}`)) throw new Error(`${dir}: metadata.yaml names no GITenberg repository and PG id`);
  const { text, header, footer, credits } = clean(decode(bytes, file), file);
  // The title as the repository's name gives it, up to a subtitle (`--`).
  const title = repo.replace(/_+\d+$/u, '').split('--')[0]!;
  const name = `gutenberg-${id}-${title.replace(/[^A-Za-z0-9]+/gu, '_').replace(/^_|_$/gu, '')}.txt`;
  writeFileSync(path.join(values.out, name), text);
  rows.push([
    name,
    `GITenberg/${repo}`,
    commit,
    file,
    id,
    yamlValue(yaml, 'agent_name'),
    year,
    `${yamlValue(yaml, 'rights').replace(/\.$/u, '')} (PG metadata); the PG edition under the Project Gutenberg License`,
    createHash('sha256').update(bytes).digest('hex'),
    String(bytes.length),
    String(text.split(/\s+/u).filter((w) => w !== '').length),
    String(text.split('\n').length - 1),
    String(header),
    String(footer),
    String(credits),
    createHash('sha256').update(text).digest('hex').slice(0, 16),
    taken,
  ].join('\t'));
}
writeFileSync(path.join(values.out, 'SOURCES.tsv'), rows.join('\n') + '\n');
