// The check panel's fix model (web/check-fixes.ts): certain fixes only when applied all at once,
// accept and reject one by one, undo, and the reader's edits never lost. Driven by
// test/fixtures/web/check-fixes.json (diagnostics in the shared shape, with confidence).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { accept, acceptCertain, diff, findingsOf, keepDecided, keptKey, moveRegions, rebase, setRejected, traceEdit, tracedFixes, traceOf, undo, type Edit, type Finding, type PanelDiagnostic, type Trace } from '../web/check-fixes.ts';
import { applyFixes } from '../src/index.ts';
import type { Region } from '../src/document/index.ts';
import { confidenceLabel, findingLabel } from '../web/wording.ts';
import { fixturesDir } from './support/fixtures.ts';

interface Case {
  name: string;
  text: string;
  diagnostics: PanelDiagnostic[] | string;
  steps: string[];
  expected: string;
  statuses: Finding['status'][];
}
const { cases } = JSON.parse(readFileSync(path.join(fixturesDir, 'web', 'check-fixes.json'), 'utf8')) as { cases: Case[] };
const first = cases[0]!.diagnostics as PanelDiagnostic[];

describe('check panel fixes', () => {
  for (const c of cases) {
    it(c.name, () => {
      const diagnostics = typeof c.diagnostics === 'string' ? first : c.diagnostics;
      // The fixture's offsets point at the words they name.
      for (const d of diagnostics) assert.equal(c.text.slice(d.fix!.range[0], d.fix!.range[1]), d.actual);
      let text = c.text;
      let findings = findingsOf(diagnostics);
      for (const step of c.steps) {
        const [verb, a, b, ...rest] = step.split(' ');
        if (verb === 'certain') ({ text, findings } = acceptCertain(text, findings));
        else if (verb === 'accept') ({ text, findings } = accept(text, findings, Number(a)));
        else if (verb === 'undo') ({ text, findings } = undo(text, findings, Number(a)));
        else if (verb === 'reject') findings = setRejected(findings, Number(a), true);
        else if (verb === 'edit') {
          const [start, end] = [Number(a), Number(b)];
          const after = text.slice(0, start) + rest.join(' ') + text.slice(end);
          findings = rebase(findings, diff(text, after)!, text);
          text = after;
        } else assert.fail(`unknown step ${step}`);
      }
      assert.equal(text, c.expected);
      assert.deepEqual(findings.map((f) => f.status), c.statuses);
      // Every finding still open points at its own words.
      for (const f of findings) if (f.status === 'open') assert.equal(text.slice(f.range[0], f.range[1]), f.diagnostic.actual, f.diagnostic.reason);
    });
  }

  it('a spelling kept as written is kept again by a later check (Check pressed again, the page reloaded)', () => {
    const decided = setRejected(findingsOf(first), 1, true);
    const kept = new Set(decided.filter((f) => f.status === 'rejected').map((f) => keptKey(f.diagnostic)));
    assert.deepEqual(keepDecided(findingsOf(first), kept).map((f) => f.status), decided.map((f) => f.status));
    // The same spelling with another suggestion is another decision.
    assert.equal(keepDecided(findingsOf([{ ...first[1]!, expected: ['Other'] }]), kept)[0]!.status, 'open');
  });

  it('a diagnostic without a confidence is "not rated", never certain', () => {
    assert.equal(confidenceLabel({}), 'not rated');
    assert.deepEqual([0.95, 0.9, 0.6, 0.59].map((confidence) => confidenceLabel({ confidence })), ['certain', 'certain', 'likely', 'possible']);
    const r = acceptCertain('Sergey', findingsOf([{ ...first[0]!, confidence: undefined } as unknown as PanelDiagnostic]));
    assert.equal(r.applied, 0);
    assert.equal(r.text, 'Sergey');
  });

  it('labels findings in words, never by rule id', () => {
    for (const id of ['check/scheme-mismatch', 'scheme-mismatch', 'check/inconsistent-romanization', 'check/mixed-script']) assert.doesNotMatch(findingLabel(id), /-|\//);
  });

  it('finds the one edit between two texts', () => {
    assert.deepEqual(diff('Sergey met', 'Sergei met'), { start: 5, end: 6, text: 'i' });
    assert.deepEqual(diff('abc', 'abXbc'), { start: 2, end: 2, text: 'Xb' });
    assert.equal(diff('same', 'same'), undefined);
  });
});

// The page checks a .docx again after edits with its regions moved through them (its notes stay
// notes: docs/web.md). Regions by hand: body "Kirov spoke.\n" [0, 13), notes "Zinovev." [13, 21).
describe('check panel: a document\'s regions through the reader\'s edits', () => {
  const regions: Region[] = [{ start: 0, end: 13, kind: 'text' }, { start: 13, end: 21, kind: 'notes' }];
  const text = 'Kirov spoke.\nZinovev.';
  const after = (edit: { start: number; end: number; text: string }): string[] => {
    const edited = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    return moveRegions(regions, edit).map((r) => `${r.kind}:${JSON.stringify(edited.slice(r.start, r.end))}`);
  };
  it('typing in the body shifts the notes; typing at a boundary continues the region before', () => {
    assert.deepEqual(after({ start: 5, end: 5, text: ' Sergei' }), ['text:"Kirov Sergei spoke.\\n"', 'notes:"Zinovev."']);
    assert.deepEqual(after({ start: 13, end: 13, text: 'And ' }), ['text:"Kirov spoke.\\nAnd "', 'notes:"Zinovev."']);
    assert.deepEqual(after({ start: 0, end: 0, text: 'S. ' }), ['text:"S. Kirov spoke.\\n"', 'notes:"Zinovev."']);
    assert.deepEqual(after({ start: 21, end: 21, text: ' Ibid.' }), ['text:"Kirov spoke.\\n"', 'notes:"Zinovev. Ibid."']);
  });
  it('a word replaced at the start of the notes stays in the notes (a fix accepted there)', () => {
    assert.deepEqual(after({ start: 13, end: 20, text: 'Zinoviev' }), ['text:"Kirov spoke.\\n"', 'notes:"Zinoviev."']);
  });
  it('an edit across the boundary goes to the region it starts in; a region removed whole is gone', () => {
    assert.deepEqual(after({ start: 6, end: 16, text: 'wrote' }), ['text:"Kirov wrote"', 'notes:"ovev."']);
    assert.deepEqual(after({ start: 12, end: 21, text: '' }), ['text:"Kirov spoke."']);
  });
});

// The page writes a .docx back with the fixes and edits made in its text box: the trace says which
// of the file's words they changed, as fixes of the file's text (web/check-panel.ts). Each case:
// the file's text, edits made one after another ("start end text" in the text as it then is), and
// the fixes expected, worked out by hand.
describe('check panel: the fixes that make a .docx\'s text into the text box\'s', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['Sergey and Zinovyev', [], []],
    ['Sergey and Zinovyev', ['5 6 i'], ['[5,6]i']],
    // Two fixes far apart: two fixes, not one span between them (which would cross paragraphs).
    ['Sergey spoke.\nZinovyev', ['5 6 i', '19 20 '], ['[5,6]i', '[19,20]']],
    // Typed a letter at a time: one insertion.
    ['Kirov.', ['6 6  ', '7 7 A', '8 8 h'], ['[6,6] Ah']],
    // A fix accepted, then undone: nothing to write.
    ['Sergey met', ['5 6 i', '5 6 y'], []],
    // An edit over an earlier one: one fix of the file's words.
    ['Sergey met Kirov', ['5 6 i', '0 10 S. met'], ['[0,10]S. met']],
    // Deleted at the start, inserted at the end.
    ['abc', ['0 1 ', '2 2 d'], ['[0,1]', '[3,3]d']],
  ];
  const parse = (step: string): Edit => {
    const [a, b, ...rest] = step.split(' ');
    return { start: Number(a), end: Number(b), text: rest.join(' ') };
  };
  for (const [original, steps, expected] of cases) {
    it(`${JSON.stringify(original)} after ${JSON.stringify(steps)}`, () => {
      let trace = traceOf(original);
      let text = original;
      for (const edit of steps.map(parse)) {
        trace = traceEdit(trace, edit);
        text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
      }
      const fixes = tracedFixes(trace, original);
      assert.deepEqual(fixes.map((f) => `[${f.range[0]},${f.range[1]}]${f.text}`), expected);
      assert.equal(applyFixes(original, fixes.map((fix) => ({ fix }))), text);
    });
  }
  it('random edits: the fixes always make the text, and change no more of the file than the edits did', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const original = 'Zinovyev and Kamenev.\nSergey Kirov'.slice(0, random(34));
      let trace: Trace = traceOf(original);
      let text = original;
      let touched = 0;
      for (let k = random(6); k > 0; k--) {
        const start = random(text.length + 1);
        const end = start + random(Math.min(4, text.length - start) + 1);
        const edit = { start, end, text: ['', 'i', 'ab', '\n'][random(4)]! };
        trace = traceEdit(trace, edit);
        text = text.slice(0, start) + edit.text + text.slice(end);
        touched += end - start;
      }
      const fixes = tracedFixes(trace, original);
      assert.equal(applyFixes(original, fixes.map((fix) => ({ fix }))), text, JSON.stringify({ original, trace }));
      assert.ok(fixes.reduce((n, f) => n + f.range[1] - f.range[0], 0) <= touched);
    }
  });
});
