// The check panel's fix model (web/check-fixes.ts): certain fixes only when applied all at once,
// accept and reject one by one, undo, and the reader's edits never lost. Driven by
// test/fixtures/web/check-fixes.json (diagnostics in the shared shape, with confidence).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { accept, acceptCertain, diff, findingsOf, moveRegions, rebase, setRejected, undo, type Finding, type PanelDiagnostic } from '../web/check-fixes.ts';
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
