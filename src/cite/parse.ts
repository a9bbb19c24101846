// Reading archival references: one stand-alone reference (parseArchivalReference) or references
// embedded in running text (scanArchivalReference, used by text.ts). Russian, English and
// numbers-only forms; what cannot be read is a finding, never a guess. docs/citations.md.
import { lineIndex } from '../diagnostics/place.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { LatinitsaError } from '../errors.ts';
import { cyrillicRe, knownArchiveSticky, latinRe, levelById, levels, lookalikeReadings, lookalikeReason, lookalikeSource, readAsCyrillic, resolveArchive } from './terms.ts';
import { at, RANGE_DASHES, scanIds, scanLeaves, scanNumbersOnly } from './values.ts';
import type { ArchivalLevel, ArchivalReference, ArchivalUnit, ArchiveInfo, Finding, ParsedArchivalReference, VersoStyle } from './types.ts';

interface MarkerInfo {
  level: ArchivalLevel | 'leaves';
  /** `uk`: a Ukrainian word (Спр., Арк.), read so that the reference is found whole and reported, never written. */
  lang: 'ru' | 'en' | 'uk';
  plural: boolean;
}

const rankOf = (level: string): number | undefined => levelById.get(level)?.rank;
// The marker regexps match case-insensitively with Unicode simple case folding, under which a
// few letters outside the basic alphabet fold onto a marker's letter (ᲅ, the old three-legged te,
// folds onto т). Upper then lower case maps them onto the same key, so whatever the regexp
// matched is found in the table; lower case alone leaves ᲅ as it is.
const squash = (s: string): string => s.replace(/\s+/g, '').toUpperCase().toLowerCase();

// Level markers: every accepted form, longest first; the internal space of two-word forms is
// optional, and a form that is a full word must not run on into another word. A letter of a form
// also matches its look-alike of the other script (`Oп.` with a Latin O), and readMarker() reads
// what was matched (docs/citations.md, rule 5).
const markerByForm = new Map<string, MarkerInfo>();
for (const l of levels) {
  for (const lang of ['ru', 'en', 'uk'] as const) {
    const terms = l[lang];
    for (const form of terms?.forms ?? []) {
      markerByForm.set(squash(form), { level: l.id as MarkerInfo['level'], lang, plural: (terms !== undefined && 'plural' in terms ? terms.plural ?? [] : []).includes(form) });
    }
  }
}
const markerForms = levels.flatMap((l) => [...l.ru.forms, ...l.en.forms, ...(l.uk?.forms ?? [])]).sort((a, b) => b.length - a.length);
const markerSource = `(?<![\\p{L}\\p{N}])(?:${markerForms.map((f) => lookalikeSource(f).replace(/\\\. /g, '\\.\\s*') + (f.endsWith('.') ? '' : '(?!\\p{L})')).join('|')})`;
const markerSticky = new RegExp(markerSource, 'iuy');
const markerGlobal = new RegExp(markerSource, 'iug');

/** A level marker as matched: its text, what it marks, and its reading when it mixes scripts. */
interface Marker {
  text: string;
  info: MarkerInfo;
  /** The marker read through the look-alike table (`Оп.` for `Oп.`), when it mixes scripts. */
  reading?: string;
}

/**
 * What a matched marker is: a form as written (in one script), or a form mixing scripts read in
 * one of them through the look-alike table (`Oп.` → `Оп.`, Russian; `оp.` → `op.`, English).
 * Undefined when it is neither (the expression, case-insensitive, is wider than the table).
 */
function readMarker(text: string): Marker | undefined {
  const readings = lookalikeReadings(text);
  if (readings === undefined) {
    const info = markerByForm.get(squash(text));
    return info === undefined ? undefined : { text, info };
  }
  for (const [reading, lang] of [[readings.cyrillic, 'ru'], [readings.latin, 'en']] as const) {
    const info = reading === undefined ? undefined : markerByForm.get(squash(reading));
    if (info?.lang === lang) return { text, info, reading: reading! };
  }
  return undefined;
}

/** The level marker at `pos`, or undefined. */
function markerAt(text: string, pos: number): Marker | undefined {
  const m = at(markerSticky, text, pos);
  return m === null ? undefined : readMarker(m[0]);
}

const valueStartRe = /\p{L}{0,2}-?\d/uy;
const initialRe = /\p{Lu}\.\s*/uy;
const nameRe = /\p{Lu}\p{Ll}/uy;

/**
 * Whether the level word at `pos` of running text is a person's initial: it has no number after
 * it, and initials and a capitalised name follow (`L. D. Trotsky`, `Л. Д. Троцкий`, `Ф. Ф.
 * Раскольников`, an item `Д. Бедный` of a lettered list). It is then no level, and ends the
 * reference before it (docs/citations.md); a level word without a number before another level
 * (`Оп. Д. 5`) is still a level missing its number.
 */
function initialsAt(text: string, pos: number): boolean {
  const marker = markerAt(text, pos);
  if (marker === undefined) return false;
  let p = pos + marker.text.length;
  p += at(/\s*/uy, text, p)![0].length;
  if (at(valueStartRe, text, p) !== null) return false;
  for (let initial = at(initialRe, text, p); initial !== null; initial = at(initialRe, text, p)) {
    const level = markerAt(text, p);
    if (level !== undefined && at(valueStartRe, text, p + level.text.length + at(/\s*/uy, text, p + level.text.length)![0].length) !== null) return false;
    p += initial[0].length;
  }
  return at(nameRe, text, p) !== null && markerAt(text, p) === undefined;
}

/** The level marker at `pos` that continues a reference: in running text, not a person's initial ({@link initialsAt}). */
function levelAt(text: string, pos: number, standalone: boolean): Marker | undefined {
  const marker = markerAt(text, pos);
  return marker === undefined || (!standalone && initialsAt(text, pos)) ? undefined : marker;
}

// An acronym not in the table: one to three words, each with at least two capitals (ГАСО, ЦДООСО, ЦГАИПД СПб).
const acronymSticky = /\p{Lu}\p{L}*\p{Lu}\p{L}*(?:[ \u00a0]\p{Lu}\p{L}*\p{Lu}\p{L}*){0,2}(?![\p{L}\p{N}])/uy;
const archiveSepRe = /[ \u00a0]*[.,:]?\s*/uy;
const elementSepRe = /\s*[.,]?\s*/uy;

/** What {@link scanArchivalReference} reads at a position (internal to src/cite). */
export interface ScanResult {
  reference: ArchivalReference;
  diagnostics: Finding[];
  /** Offsets of the reference proper (archive to last value). */
  start: number;
  end: number;
  /** Number of elements and whether one of them is a file-level unit (fond … delo). */
  elements: number;
  hasUnit: boolean;
  /** A Ukrainian reference (Спр., Арк., зв.), reported and never written: it counts as no style of the document. */
  ukrainian?: true;
}

/**
 * Where a letter-bearing value stands — an identifier of a unit (`unit.ids[index]`) or a lettered
 * leaf (`5а`) — for the script of its reference (rule 5): its text, how to replace it, its offset.
 */
interface IdPlace {
  get: () => string;
  set: (value: string) => void;
  start: number;
}

const idPlace = (unit: ArchivalUnit, index: number, start: number): IdPlace => ({ get: () => unit.ids[index]!, set: (v) => (unit.ids[index] = v), start });

/** What {@link scanElements} reads: a scan result without its start, the languages of its markers and where its identifiers stand. */
type Elements = Omit<ScanResult, 'start'> & { langs: Set<'ru' | 'en' | 'uk'>; places: IdPlace[]; ukWords: string[]; marks: Array<{ range: [number, number]; cyrillic: boolean; written: string }> };

// A value followed by more of it that the reader does not know: a dash and a number, or letters
// glued to it and then a dash and a number (`Л. 1–2 об.–3`, `3аб–4`). The reference runs on over
// it and is read with an error (scanElements), rather than ending where the reader stopped.
const continuedRe = new RegExp(`(?:\\p{L}+\\.?[ \\u00a0]*)?[${RANGE_DASHES}][ \\u00a0]*\\d+\\p{L}*`, 'uy');

// Text a reference in running text does not stop at (docs/citations.md, "A reference with errors
// is not written"): what the reader does not know, between two levels of one reference. Cut
// there, each half would be read and rewritten alone, and the text between would stay in the other
// style (`GARF, f. 5446, op. 1. Разд. 1. d. 12, l. 5`). It is letters glued to the value before
// (`op. 1sch`) or an abbreviation after it (`Оп. 1 доп.`), and at most two elements of a level
// not in the table (a word or abbreviation with a number: `Разд. 2`), followed by a level that
// continues the reference; a semicolon, a colon or a bracket ends a reference, and so do words
// without a number (`Там же. Л. 11`).
const suffixRe = /(?:\p{L}+\.?|[ \u00a0]+\p{L}+\.)(?![\p{L}\p{N}])/uy;
const unknownLevelRe = /[ \u00a0]*[.,]?\s*\p{L}+\.?[ \u00a0]*\p{L}{0,2}-?\d+(?:\p{L}(?!\p{L}))?(?![\p{L}\p{N}])/uy;

/** A cut in a reference of running text: the unknown text [start, end) and the marker after it, at `next`. */
interface Cut {
  start: number;
  end: number;
  next: number;
  marker: Marker;
}

/**
 * The cut that starts at `from` (just after a value, `glued`, or after an archive and its
 * separator), when a level marker follows it; see suffixRe above.
 */
function cutAt(text: string, from: number, limit: number, glued: boolean): Cut | undefined {
  let p = from;
  let parts = 0;
  const suffix = glued ? at(suffixRe, text, p) : null;
  if (suffix !== null) {
    p += suffix[0].length;
    parts++;
  }
  for (let unknown = 0; ; unknown++) {
    if (parts > 0) {
      const next = p + at(elementSepRe, text, p)![0].length;
      const marker = next < limit ? levelAt(text, next, false) : undefined;
      if (marker !== undefined) {
        const start = from + /^[\s.,]*/u.exec(text.slice(from, p))![0].length;
        return { start, end: p, next, marker };
      }
    }
    if (unknown === 2) return undefined;
    const level = at(unknownLevelRe, text, p);
    if (level === null || p + level[0].length > limit) return undefined;
    p += level[0].length;
    parts++;
  }
}

/** Finds the start of the next level marker at or after `pos`, or -1. */
function nextMarker(text: string, pos: number): number {
  markerGlobal.lastIndex = pos;
  for (let m = markerGlobal.exec(text); m !== null; m = markerGlobal.exec(text)) {
    if (readMarker(m[0]) !== undefined) return m.index;
    markerGlobal.lastIndex = m.index + 1;
  }
  return -1;
}

function scanElements(text: string, pos: number, standalone: boolean, limit: number): Elements {
  const diagnostics: Finding[] = [];
  const units: ArchivalUnit[] = [];
  const places: IdPlace[] = [];
  const reference: ArchivalReference = { style: 'english', units };
  const langs = new Set<'ru' | 'en' | 'uk'>();
  const ukWords: string[] = [];
  const seen = new Map<string, [number, number]>();
  let lastRank = 0;
  let lastRankLevel = '';
  let p = pos;
  let end = pos;
  let elements = 0;
  let hasUnit = false;
  const verso: VersoStyle[] = [];
  const marks: Elements['marks'] = [];
  while (p < limit) {
    const marker = levelAt(text, p, standalone);
    if (marker === undefined) break;
    const { info } = marker;
    const written = marker.text;
    const mStart = p;
    const mEnd = p + written.length;
    langs.add(info.lang);
    if (info.lang === 'uk') ukWords.push(written);
    if (marker.reading !== undefined) diagnostics.push({ range: [mStart, mEnd], reason: lookalikeReason(written, marker.reading, ''), ruleId: 'cite/mixed-style', severity: 'warning' });
    if (/\.\S/u.test(written)) diagnostics.push({ range: [mStart, mEnd], reason: `no space inside "${written}"`, ruleId: 'cite/spacing', severity: 'warning' });
    const gap = /\s*/uy;
    gap.lastIndex = mEnd;
    const space = gap.exec(text)![0];
    const vStart = mEnd + space.length;
    if (space === '' && written.endsWith('.') && at(/\p{L}{0,2}-?\d/uy, text, vStart) !== null) {
      diagnostics.push({ range: [mStart, vStart + 1], reason: `no space between "${written}" and its number`, ruleId: 'cite/spacing', severity: 'warning' });
    }
    const rank = rankOf(info.level);
    if (seen.has(info.level)) {
      diagnostics.push({ range: [mStart, mEnd], reason: `"${written}" repeats the ${info.level === 'leaves' ? 'leaves' : info.level} level already given at offset ${seen.get(info.level)![0]}`, ruleId: 'cite/duplicate-level', severity: 'error' });
    } else if (rank !== undefined && rank < lastRank) {
      diagnostics.push({ range: [mStart, mEnd], reason: `"${written}" (${info.level}) comes after ${lastRankLevel}; the order is fond, opis', delo, leaves`, ruleId: 'cite/order', severity: 'error' });
    }
    seen.set(info.level, [mStart, mEnd]);
    if (rank !== undefined && rank >= lastRank) {
      lastRank = rank;
      lastRankLevel = info.level;
    }
    let valueEnd: number;
    if (info.level === 'leaves') {
      const leaves = scanLeaves(text, vStart, { plural: info.plural === true });
      if (leaves === undefined) {
        diagnostics.push({ range: [mStart, mEnd], reason: `no leaf number after "${written}"`, ruleId: 'cite/missing-number', severity: 'error' });
        valueEnd = mEnd;
      } else {
        for (const d of leaves.diagnostics) diagnostics.push(d);
        for (const { leaf, start } of leaves.letters) places.push({ get: () => leaf.n, set: (v) => (leaf.n = v), start: start - leaf.n.length + 1 });
        if (leaves.ukrainian !== undefined) {
          langs.add('uk');
          ukWords.push(leaves.ukrainian);
        }
        const all = (reference.leaves ??= []);
        for (const l of leaves.leaves) all.push(l);
        for (const v of leaves.verso) verso.push(v);
        for (const m of leaves.marks) marks.push(m);
        const many = leaves.leaves.length > 1 || leaves.leaves.some((l) => l.to !== undefined);
        if (info.lang === 'en' && many && !info.plural) {
          diagnostics.push({ range: [mStart, mEnd], reason: `"${written}" used for ${leaves.leaves.length > 1 ? 'several leaves' : 'a range of leaves'}; write "ll."`, ruleId: 'cite/plural', severity: 'warning' });
        } else if (!many && info.plural) {
          diagnostics.push({ range: [mStart, mEnd], reason: `plural "${written}" used for a single leaf`, ruleId: 'cite/plural', severity: 'warning' });
        }
        valueEnd = leaves.end;
      }
    } else {
      const ids = scanIds(text, vStart, { plural: info.plural === true });
      if (ids === undefined) {
        diagnostics.push({ range: [mStart, mEnd], reason: `no ${info.level} number after "${written}"`, ruleId: 'cite/missing-number', severity: 'error' });
        valueEnd = mEnd;
      } else {
        const unit: ArchivalUnit = { level: info.level, ids: ids.ids };
        units.push(unit);
        for (const d of ids.diagnostics) diagnostics.push(d);
        ids.starts.forEach((start, index) => places.push(idPlace(unit, index, start)));
        if (levelById.get(info.level)!.publication !== true) hasUnit = true;
        const several = ids.ids.length > 1 || ids.ranges;
        if (info.lang === 'en' && several && !info.plural && levelById.get(info.level)!.en.writePlural !== undefined) {
          diagnostics.push({ range: [mStart, mEnd], reason: `"${written}" used for several files; write "${levelById.get(info.level)!.en.writePlural}"`, ruleId: 'cite/plural', severity: 'warning' });
        } else if (!several && info.plural) {
          diagnostics.push({ range: [mStart, mEnd], reason: `plural "${written}" used for a single file`, ruleId: 'cite/plural', severity: 'warning' });
        }
        valueEnd = ids.end;
      }
    }
    elements++;
    end = valueEnd;
    const sep = at(elementSepRe, text, valueEnd);
    const next = valueEnd + sep![0].length;
    if (next < limit && levelAt(text, next, standalone) !== undefined) {
      p = next;
      continue;
    }
    if (!standalone) {
      // Running text: a value that goes on in a way the reader does not know (`Л. 1–2 об.–3`, a
      // range after a verso) is not cut there, or the part read would be rewritten and the rest
      // left behind: the reference runs on over it and is read with an error.
      const more = at(continuedRe, text, valueEnd);
      if (more !== null && valueEnd + more[0].length <= limit) {
        const moreEnd = valueEnd + more[0].length;
        diagnostics.push({ range: [valueEnd, moreEnd], reason: `unexpected text "${more[0]}" after "${text.slice(mStart, valueEnd)}"`, ruleId: 'cite/unexpected-text', severity: 'error' });
        end = moreEnd;
        break;
      }
      // The reference ends here, unless unknown text cuts it and a level that continues it
      // follows; then it is one reference read with an error, never two halves.
      const cut = cutAt(text, valueEnd, limit, true);
      if (cut === undefined) break;
      const level = cut.marker.info.level;
      if (seen.has(level) || (rankOf(level) ?? lastRank) < lastRank) break;
      diagnostics.push({ range: [cut.start, cut.end], reason: `unexpected text "${text.slice(cut.start, cut.end)}" after "${text.slice(mStart, valueEnd)}"`, ruleId: 'cite/unexpected-text', severity: 'error' });
      p = cut.next;
      continue;
    }
    // A stand-alone reference must be read to its end: skip to the next marker and say what was skipped.
    const rest = text.slice(valueEnd, limit);
    if (/^[\s.,;]*$/u.test(rest)) break;
    const skipFrom = next;
    const found = nextMarker(text, skipFrom);
    const skipTo = found === -1 || found >= limit ? limit : found;
    // The separators before the next marker are not quoted, unless they are all that was skipped
    // (`Д. 7; Д. 8`: the unexpected text is the semicolon).
    const between = text.slice(skipFrom, skipTo);
    const skipped = between.replace(/[\s.,;]+$/u, '') || between.trimEnd();
    diagnostics.push({ range: [skipFrom, skipFrom + skipped.length], reason: `unexpected text "${skipped}" after "${text.slice(mStart, valueEnd)}"`, ruleId: 'cite/unexpected-text', severity: 'error' });
    if (found === -1 || found >= limit) break;
    p = found;
  }
  if (verso.length > 0) reference.versoStyles = [...new Set(verso)].filter((v) => langs.has('en') || v === 'v');
  if (reference.versoStyles?.length === 0) delete reference.versoStyles;
  return { reference, diagnostics, end, elements, hasUnit, langs, places, ukWords, marks };
}

/**
 * Letters of identifiers in the script of their reference (docs/citations.md, rule 5). In a
 * Russian-style reference, Latin letters that all have a Cyrillic look-alike (`Ф. P-5446`, a Latin
 * P typed for Р) are read as those Cyrillic letters — taken for Latin, the writer would turn P back
 * into П — and reported; other Latin letters (`R-5446`, a romanized identifier) are kept for the
 * writer to turn back. In an English or numbers-only reference a Cyrillic letter is kept as read
 * (the writer romanizes it) and reported. Both are warnings, so the document's rewrite fixes the text.
 */
function identifierScripts(reference: ArchivalReference, places: IdPlace[], diagnostics: Finding[]): void {
  const quoted = (letters: string[]): string => `${letters.length === 1 ? 'letter' : 'letters'} ${[...new Set(letters)].map((c) => `"${c}"`).join(', ')}`;
  for (const { get, set, start } of places) {
    const id = get();
    const range: [number, number] = [start, start + id.length];
    if (reference.style === 'russian') {
      const latin = [...id].filter((ch) => latinRe.test(ch));
      const read = latin.length === 0 ? undefined : readAsCyrillic(id);
      if (read === undefined) continue;
      set(read);
      diagnostics.push({ range, reason: `Latin ${quoted(latin)} in "${id}" of a reference written in Russian; read as the Cyrillic look-alike, "${read}"`, ruleId: 'cite/mixed-style', severity: 'warning' });
    } else {
      const cyrillic = [...id].filter((ch) => cyrillicRe.test(ch));
      if (cyrillic.length === 0) continue;
      const where = reference.style === 'numbers' ? ['a numbers-only reference', 'numbers-only'] : ['a reference written in English', 'English'];
      diagnostics.push({ range, reason: `Cyrillic ${quoted(cyrillic)} in "${id}" of ${where[0]}; ${where[1]} references write identifiers in Latin letters`, ruleId: 'cite/mixed-style', severity: 'warning' });
    }
  }
}

/**
 * Reports an archive name read through the look-alike table (`ГАPФ` read as `ГАРФ`, terms.ts): a
 * warning, whose fix is the reference written with the name read (docs/citations.md, rule 5).
 */
function archiveLookalike(archive: ArchiveInfo, written: string, diagnostics: Finding[]): void {
  if (archive.text === written) return;
  diagnostics.unshift({ range: [archive.range[0], archive.range[1]], reason: lookalikeReason(written, archive.text, 'the archive name '), ruleId: 'cite/mixed-style', severity: 'warning' });
}

/** Marks a reference read with errors as malformed (see {@link ArchivalReference.malformed}). */
function finished(result: ScanResult): ScanResult {
  if (result.diagnostics.some((d) => d.severity === 'error')) result.reference.malformed = true;
  return result;
}

function finishStyle(result: Elements, start: number): void {
  const { langs, reference, diagnostics } = result;
  if (langs.has('uk')) {
    // A Ukrainian reference (Спр., Арк., зв.): read whole so that none of it is rewritten, and
    // reported, since latinitsa writes Russian and English references only (docs/citations.md).
    // Its Ф. and Оп. are the Russian words, so it would count as Russian-style: it counts as none.
    const words = [...new Set(result.ukWords)];
    diagnostics.push({ range: [start, result.end], reason: `a Ukrainian reference (${words.map((w) => `"${w}"`).join(', ')}); latinitsa writes Russian and English references only, and leaves it as written`, ruleId: 'cite/language', severity: 'error' });
    reference.style = langs.has('en') && !langs.has('ru') ? 'english' : 'russian';
    result.ukrainian = true;
    return;
  }
  const cyrillicArchive = reference.archive !== undefined && cyrillicRe.test(reference.archive.text);
  if (langs.has('ru') && !langs.has('en')) reference.style = 'russian';
  else if (langs.has('en') && !langs.has('ru')) reference.style = 'english';
  else if (langs.size === 2) {
    reference.style = cyrillicArchive ? 'russian' : 'english';
    diagnostics.push({ range: [start, result.end], reason: 'reference mixes Russian and English abbreviations', ruleId: 'cite/mixed-style', severity: 'warning' });
  }
  if (reference.archive !== undefined && langs.size > 0 && cyrillicArchive !== (reference.style === 'russian')) {
    const finding: Finding = { range: reference.archive.range, reason: `${cyrillicArchive ? 'Cyrillic' : 'Latin'} archive name "${reference.archive.text}" in a reference written in ${reference.style === 'russian' ? 'Russian' : 'English'}`, ruleId: 'cite/mixed-style', severity: 'warning' };
    // The writer knows the Cyrillic name of an archive of the table only (docs/citations.md, rule 1).
    if (!cyrillicArchive && reference.archive.id === undefined) finding.keptIn = { style: 'russian', why: `"${reference.archive.text}" is not in the table of archives, so its Cyrillic name is not known` };
    diagnostics.push(finding);
  }
  identifierScripts(reference, result.places, diagnostics);
  // A verso mark in the other script (`l. 5об.`, `Л. 5ob.`, `Л. 5v`), when the level words are in
  // one: reported like an archive name or an identifier letter in it (rule 5), the rewrite writing
  // the reference's own mark (a reference mixing level words is reported whole above).
  if (langs.size === 1) {
    for (const m of result.marks) {
      if (m.cyrillic === (reference.style === 'russian')) continue;
      diagnostics.push({ range: m.range, reason: `${m.cyrillic ? 'Cyrillic' : 'Latin'} verso mark "${m.written}" in a reference written in ${reference.style === 'russian' ? 'Russian' : 'English'}`, ruleId: 'cite/mixed-style', severity: 'warning' });
    }
  }
  const a = reference.archive;
  if (a?.latin !== undefined && !cyrillicRe.test(a.text) && a.text !== a.latin && !a.predecessor) {
    diagnostics.push({ range: a.range, reason: `archive written "${a.text}"; its established Latin acronym is "${a.latin}"`, ruleId: 'cite/archive-form', severity: 'warning' });
  }
}

/**
 * Reads one archival reference at `pos` of `text`. Stand-alone: the whole of `text` is the
 * reference (anything before the first level marker is the archive). Embedded (running text): the
 * reference must start at `pos` with an archive acronym or a level marker; returns undefined when
 * nothing reference-like starts there.
 */
export function scanArchivalReference(text: string, pos: number, standalone: boolean): ScanResult | undefined {
  let archive: ArchiveInfo | undefined;
  // Findings before the levels (unknown text after the archive).
  const lead: Finding[] = [];
  let p = pos;
  const limit = text.length;
  if (standalone) {
    const first = nextMarker(text, pos);
    const prefixEnd = first === -1 ? limit : first;
    const prefix = text.slice(pos, prefixEnd).replace(/[\s.,:]+$/u, '');
    if (first === -1) {
      // No level marker: the numbers-only style, archive then numbers.
      const m = /^(.*?\S)[ \u00a0]+(?=\p{L}{0,2}-?\d)/u.exec(prefix);
      if (m !== null) {
        const numbers = scanNumbersOnly(text, pos + m[0].length, true);
        if (numbers !== undefined) {
          const reference: ArchivalReference = { style: 'numbers', archive: resolveArchive(m[1]!, pos), units: numbers.units };
          if (numbers.leaves !== undefined) reference.leaves = numbers.leaves;
          const diagnostics = numbers.diagnostics;
          archiveLookalike(reference.archive!, m[1]!, diagnostics);
          const rest = text.slice(numbers.end).replace(/^[\s.]*$/u, '');
          if (rest !== '') diagnostics.push({ range: [numbers.end, numbers.end + rest.trimEnd().length], reason: `unexpected text "${rest.trim()}" after the numbers`, ruleId: 'cite/unexpected-text', severity: 'error' });
          identifierScripts(reference, numberPlaces(numbers), diagnostics);
          return finished({ reference, diagnostics, start: pos, end: numbers.end, elements: numbers.units.length, hasUnit: true });
        }
      }
      return undefined;
    }
    if (prefix.trim() !== '') {
      const lead = prefix.length - prefix.trimStart().length;
      archive = resolveArchive(prefix.trim(), pos + lead);
    }
    p = prefixEnd;
  } else {
    const a = at(knownArchiveSticky, text, pos) ?? at(acronymSticky, text, pos);
    if (a !== null) {
      const info = resolveArchive(a[0], pos);
      const sep = at(archiveSepRe, text, pos + a[0].length)!;
      const next = pos + a[0].length + sep[0].length;
      const numbers = markerAt(text, next) === undefined && info.id !== undefined && /^[ \u00a0]+$/u.test(sep[0]) ? scanNumbersOnly(text, next, false) : undefined;
      if (numbers !== undefined) {
        const reference: ArchivalReference = { style: 'numbers', archive: info, units: numbers.units };
        if (numbers.leaves !== undefined) reference.leaves = numbers.leaves;
        archiveLookalike(info, a[0], numbers.diagnostics);
        identifierScripts(reference, numberPlaces(numbers), numbers.diagnostics);
        return finished({ reference, diagnostics: numbers.diagnostics, start: pos, end: numbers.end, elements: numbers.units.length, hasUnit: true });
      }
      archive = info;
      p = next;
      if (levelAt(text, next, false) === undefined) {
        // Unknown text between the archive and its levels (`ГАРФ. Разд. 2. Ф. 5`) cuts nothing
        // either: the reference is read whole, with the error (see cutAt).
        const cut = cutAt(text, next, limit, false);
        if (cut === undefined) return undefined;
        lead.push({ range: [cut.start, cut.end], reason: `unexpected text "${text.slice(cut.start, cut.end)}" after "${a[0]}"`, ruleId: 'cite/unexpected-text', severity: 'error' });
        p = cut.next;
      }
    } else if (levelAt(text, pos, false) === undefined) {
      return undefined;
    }
  }
  const result = scanElements(text, p, standalone, limit);
  result.diagnostics.unshift(...lead);
  if (archive !== undefined) archiveLookalike(archive, text.slice(archive.range[0], archive.range[1]), result.diagnostics);
  if (archive !== undefined) result.reference.archive = archive;
  if (result.elements === 0) {
    if (!standalone) return undefined;
    result.diagnostics.push({ range: [pos, limit], reason: 'no fond, opis\', delo or leaf found', ruleId: 'cite/empty', severity: 'error' });
  }
  finishStyle(result, archive?.range[0] ?? p);
  const { reference, diagnostics, end, elements, hasUnit, ukrainian } = result;
  return finished({ reference, diagnostics, start: archive?.range[0] ?? p, end, elements, hasUnit, ...(ukrainian === true ? { ukrainian } : {}) });
}

/** Where the identifiers of a numbers-only reference stand (one per unit). */
function numberPlaces(numbers: { units: ArchivalUnit[]; starts: number[] }): IdPlace[] {
  return numbers.units.map((unit, i) => idPlace(unit, 0, numbers.starts[i]!));
}

/**
 * Parses one archival reference in any of its written forms (docs/citations.md) — Russian (`РГАСПИ. Ф. 17. Оп. 3. Д. 703.
 * Л. 1–2 об.`), English (`RGASPI, f. 17, op. 3, d. 703, ll. 1–2ob.`) or numbers only (`RGASPI 558,
 * 11, 727, 38–57`) — into one structured value. What cannot be read is reported in `diagnostics`
 * (offsets into `text`), never guessed; a reference read with errors comes back with
 * `malformed: true`, which `formatArchivalReference` refuses to write.
 *
 * @example
 * import { parseArchivalReference } from 'latinitsa';
 * const { reference } = parseArchivalReference('GA RF, f. R-5446, op.1, d. 12, l. 5–7');
 * [reference?.archive?.id, reference?.units.map((u) => u.ids[0]), reference?.leaves];
 * //=> ['GARF', ['R-5446', '1', '12'], [{ from: { n: '5', verso: false }, to: { n: '7', verso: false } }]]
 * parseArchivalReference('Ф. 17. Оп. . Д. 5').diagnostics[0]?.reason;
 * //=> 'no opis number after "Оп."'
 */
export function parseArchivalReference(text: string): ParsedArchivalReference {
  if (typeof text !== 'string') throw new LatinitsaError('ERR_INVALID_INPUT', 'parseArchivalReference expects a string');
  const result = scanArchivalReference(text, 0, true);
  const lines = lineIndex(text);
  if (result === undefined) {
    const empty: Finding = { range: [0, text.length], reason: `not an archival reference: no level marker (${levels.filter((l) => l.rank !== undefined).map((l) => `${l.ru.write}/${l.en.write}`).join(', ')} …) and not archive + numbers`, ruleId: 'cite/empty', severity: 'error' };
    return { diagnostics: [toDiagnostic(empty, lines)] };
  }
  return { reference: result.reference, diagnostics: result.diagnostics.map((f) => toDiagnostic(f, lines)) };
}

/** A finding as a diagnostic, placed by the line index of the text it was read in. */
export function toDiagnostic(finding: Finding, lines: ReturnType<typeof lineIndex>): Diagnostic {
  return { ruleId: finding.ruleId, source: 'latinitsa', severity: finding.severity, reason: finding.reason, place: lines.placeOf(finding.range[0], finding.range[1]) };
}
