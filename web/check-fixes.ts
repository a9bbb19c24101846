// The check panel's findings as the text changes under them: accepting a fix edits the text (the
// library's one fix applier), rejecting keeps the word, and the reader's own edits move every
// finding after them instead of throwing them away. A finding whose words were edited becomes
// "stale" (check again). Only fixes the checker rates certain are applied all at once; a
// diagnostic without a confidence is not certain. No DOM here: test/web-check-fixes.test.ts.
import { applyFixes, type Diagnostic, type Fix, type Place } from '../src/index.ts';
import { confidenceLabel } from './wording.ts';

/** A finding as the page reads it: the one diagnostic shape (docs/diagnostics.md), placed in the text. */
export type PanelDiagnostic = Omit<Diagnostic, 'source' | 'place'> & { place: Place };

export type FindingStatus = 'open' | 'fixed' | 'rejected' | 'stale';

export interface Finding {
  readonly diagnostic: PanelDiagnostic;
  /** Where the finding is in the current text. */
  range: [number, number];
  /** Where its fix applies in the current text. */
  fixRange: [number, number] | undefined;
  status: FindingStatus;
  /** After a fix: the words it replaced, for undo. */
  replaced?: string;
}

/** An edit of the text: [start, end) of the old text replaced by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Offsets of a diagnostic in the text it was found in. */
export function rangeOf(d: PanelDiagnostic): [number, number] {
  return [d.place.start.offset, d.place.end.offset];
}

/** Findings of a fresh check, all open. */
export function findingsOf(diagnostics: readonly PanelDiagnostic[]): Finding[] {
  return diagnostics.map((d) => ({ diagnostic: d, range: rangeOf(d), fixRange: d.fix === undefined ? undefined : [d.fix.range[0], d.fix.range[1]], status: 'open' }));
}

/** Whether a fix may be applied without asking: the checker rates it certain. */
export function isCertain(d: PanelDiagnostic): boolean {
  return d.fix !== undefined && confidenceLabel(d) === 'certain';
}

/** The one edit that turns `before` into `after` (common start and end kept). */
export function diff(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}

const wordChar = /[\p{L}\p{M}\p{N}'’ʹʺ]/u;

/**
 * Moves findings through an edit of the text: before it they stay, after it they shift, and a
 * finding whose words the edit touches becomes stale (typing a letter right after a word changes
 * the word; a space or a comma does not). An edit that writes back exactly the words a fix
 * replaced undoes the fix, and one that writes exactly a finding's fix accepts it: so the text
 * box's own undo and redo (Ctrl+Z, Ctrl+Y after "Accept fix") keep the list right.
 */
export function rebase(findings: readonly Finding[], edit: Edit, before: string): Finding[] {
  const delta = edit.text.length - (edit.end - edit.start);
  const shift = (r: [number, number]): [number, number] => [r[0] + delta, r[1] + delta];
  // The characters the edit puts or removes at its two ends.
  const removed = before.slice(edit.start, edit.end);
  const firstChange = (edit.text[0] ?? '') + (removed[0] ?? '');
  const lastChange = (edit.text.at(-1) ?? '') + (removed.at(-1) ?? '');
  return findings.map((f) => {
    const [start, end] = f.range;
    if (end < edit.start || (end === edit.start && !wordChar.test(firstChange))) return f;
    if (start > edit.end || (start === edit.end && !wordChar.test(lastChange))) return { ...f, range: shift(f.range), fixRange: f.fixRange && shift(f.fixRange) };
    return toggled(f, edit, before) ?? { ...f, status: f.status === 'rejected' ? 'rejected' : 'stale' };
  });
}

/** A finding an edit inside its fix's words undoes (back to the words replaced) or accepts (to the fix), else undefined. */
function toggled(f: Finding, edit: Edit, before: string): Finding | undefined {
  if (f.fixRange === undefined || f.diagnostic.fix === undefined) return undefined;
  const [start, end] = f.fixRange;
  if (edit.start < start || edit.end > end) return undefined;
  const written = before.slice(start, edit.start) + edit.text + before.slice(edit.end, end);
  const range: [number, number] = [start, start + written.length];
  if (f.status === 'fixed' && written === f.replaced) {
    const { replaced: _, ...rest } = f;
    return { ...rest, status: 'open', range, fixRange: range };
  }
  if (f.status === 'open' && written === f.diagnostic.fix.text) return { ...f, status: 'fixed', range, fixRange: range, replaced: before.slice(start, end) };
  return undefined;
}

/**
 * Moves a document's prose regions (running text, notes) through an edit of its text, so that a
 * .docx's notes stay notes while the reader edits it: regions before the edit stay, those after
 * it shift, and what the edit writes belongs to the region of the first character it replaces
 * (typed text, with nothing replaced: to the region of the character before it, as typing at the
 * end of a paragraph continues it). A region the edit removes whole is gone. Any spans move so
 * (a .docx's italics too).
 */
export function moveRegions<R extends { start: number; end: number }>(regions: readonly R[], edit: Edit): R[] {
  const { start: s, end: e } = edit;
  const length = edit.text.length;
  const within = (offset: number): number => regions.findIndex((r) => r.start <= offset && offset < r.end);
  const owner = e > s ? within(s) : s > 0 && within(s - 1) >= 0 ? within(s - 1) : within(s);
  // First the replaced span is taken out, then the new text put in at its start.
  const cut = (offset: number): number => (offset <= s ? offset : offset >= e ? offset - (e - s) : s);
  const moved: R[] = [];
  regions.forEach((region, i) => {
    let start = cut(region.start);
    let end = cut(region.end);
    if (i === owner) end += length;
    else {
      if (start >= s) start += length;
      if (end > s || (end === s && start > s)) end += length;
    }
    if (end > start || region.end === region.start) moved.push({ ...region, start, end });
  });
  return moved;
}

/** Applies the fix of finding `i` to the text: the new text and findings. */
export function accept(text: string, findings: readonly Finding[], i: number): { text: string; findings: Finding[] } {
  const f = findings[i];
  if (f === undefined || f.status !== 'open' || f.fixRange === undefined || f.diagnostic.fix === undefined) return { text, findings: [...findings] };
  const [start, end] = f.fixRange;
  const replacement = f.diagnostic.fix.text;
  // The library's fix applier, on the fix where it now is.
  const fixed = applyFixes(text, [{ fix: { range: [start, end], text: replacement } }]);
  const moved = rebase(findings, { start, end, text: replacement }, text);
  moved[i] = { ...f, status: 'fixed', range: [start, start + replacement.length], fixRange: [start, start + replacement.length], replaced: text.slice(start, end) };
  return { text: fixed, findings: moved };
}

/** Undoes an accepted fix, if its words are still as the fix wrote them. */
export function undo(text: string, findings: readonly Finding[], i: number): { text: string; findings: Finding[] } {
  const f = findings[i];
  if (f === undefined || f.status !== 'fixed' || f.fixRange === undefined || f.replaced === undefined) return { text, findings: [...findings] };
  const [start, end] = f.fixRange;
  if (text.slice(start, end) !== f.diagnostic.fix?.text) return { text, findings: [...findings] };
  const edit = { start, end, text: f.replaced };
  const moved = rebase(findings, edit, text);
  const { replaced: _, ...rest } = f;
  moved[i] = { ...rest, status: 'open', range: [start, start + f.replaced.length], fixRange: [start, start + f.replaced.length] };
  return { text: text.slice(0, start) + f.replaced + text.slice(end), findings: moved };
}

/** Marks finding `i` rejected (the word stays), or open again. */
/**
 * What a "Keep as written" decides: this rule's finding on this spelling, with this suggestion. The
 * same finding in a later check (Check pressed again, the page reloaded) is the same decision.
 */
export function keptKey(d: PanelDiagnostic): string {
  return JSON.stringify([d.ruleId, d.actual ?? '', d.expected?.[0] ?? '']);
}

/** A new check's findings with the reader's "Keep as written" decisions (by {@link keptKey}) applied again. */
export function keepDecided(findings: readonly Finding[], kept: ReadonlySet<string>): Finding[] {
  return findings.map((f) => (f.status === 'open' && kept.has(keptKey(f.diagnostic)) ? { ...f, status: 'rejected' } : f));
}

export function setRejected(findings: readonly Finding[], i: number, rejected: boolean): Finding[] {
  return findings.map((f, k) => (k === i && (f.status === 'open' || f.status === 'rejected') ? { ...f, status: rejected ? 'rejected' : 'open' } : f));
}

/**
 * Applies every open certain fix, last first (so earlier offsets stay valid). `edits`: the fixes
 * as edits, in the order made (each in the text as the ones before it left it), so that what
 * follows the text's changes (a .docx's regions, its trace) sees each fix, not one span from the
 * first to the last.
 */
export function acceptCertain(text: string, findings: readonly Finding[]): { text: string; findings: Finding[]; applied: number; edits: Edit[] } {
  let state = { text, findings: [...findings] };
  const edits: Edit[] = [];
  const order = findings
    .map((f, i) => [f, i] as const)
    .filter(([f]) => f.status === 'open' && isCertain(f.diagnostic))
    .sort((a, b) => b[0].range[0] - a[0].range[0]);
  let applied = 0;
  for (const [, i] of order) {
    const next = accept(state.text, state.findings, i);
    if (next.findings[i]!.status === 'fixed' && state.findings[i]!.status === 'open') {
      applied++;
      const [start, end] = state.findings[i]!.fixRange!;
      edits.push({ start, end, text: state.findings[i]!.diagnostic.fix!.text });
    }
    state = next;
  }
  return { ...state, applied, edits };
}

/**
 * A text as made from an original one by edits: the spans [start, end) of the original it keeps
 * and the text written in between, in order. How the page knows, when it writes a .docx back,
 * which of the file's words the reader's fixes and edits changed (web/check-panel.ts).
 */
export type Trace = Array<[number, number] | string>;

/** The trace of an original text not edited yet. */
export function traceOf(original: string): Trace {
  return original === '' ? [] : [[0, original.length]];
}

/** A trace through one more edit (offsets of the text as the trace makes it). */
export function traceEdit(trace: Trace, edit: Edit): Trace {
  const out: Trace = [];
  const push = (piece: [number, number] | string): void => {
    if (typeof piece === 'string' ? piece === '' : piece[1] <= piece[0]) return;
    const last = out.at(-1);
    if (typeof piece === 'string' && typeof last === 'string') out[out.length - 1] = last + piece;
    else out.push(piece);
  };
  let at = 0;
  let written = false;
  for (const piece of trace) {
    const length = typeof piece === 'string' ? piece.length : piece[1] - piece[0];
    // The part of this piece before the edit, then the edit's text once, then the part after it.
    const cut = (from: number, to: number): [number, number] | string => (typeof piece === 'string' ? piece.slice(from, to) : [piece[0] + from, piece[0] + to]);
    const before = Math.min(length, Math.max(0, edit.start - at));
    const after = Math.min(length, Math.max(0, edit.end - at));
    push(cut(0, before));
    if (!written && at + length >= edit.start) {
      push(edit.text);
      written = true;
    }
    push(cut(after, length));
    at += length;
  }
  if (!written) push(edit.text);
  return out;
}

/**
 * The fixes that make the original text into the traced one: each stretch of the original not
 * kept, with the text written in its place (none where the text written is what was there, as
 * after an undo).
 */
export function tracedFixes(trace: Trace, original: string): Fix[] {
  const fixes: Fix[] = [];
  let from = 0;
  let written = '';
  const close = (to: number): void => {
    if (original.slice(from, to) !== written) fixes.push({ range: [from, to], text: written });
    written = '';
  };
  for (const piece of trace) {
    if (typeof piece === 'string') written += piece;
    else {
      close(piece[0]);
      from = piece[1];
    }
  }
  close(original.length);
  return fixes;
}
