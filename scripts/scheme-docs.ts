// The scheme reference pages docs/schemes/<id>.md and their index, rendered from the scheme data
// (`npm run docs:schemes`, scripts/generate-scheme-docs.ts, writes them): every letter in lower, Title and ALL-CAPS form (the compiled tables the
// engine runs on), every context rule with an example computed by the engine, the source and the
// options. The files are committed; test/scheme-docs.test.ts checks that they are current.
//
// Rule examples: the first word, in a fixed list of candidates (the inline samples of every
// scheme, the worked examples of test/fixtures/spec, then the outside vectors in test/fixtures/vectors), in which the engine applies the rule; failing that, a
// word built from the rule itself (the match with a letter of each context).
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { explain, getScheme, listSchemes, romanize, type Scheme } from '../src/index.ts';
import { resolveScheme } from '../src/engine/index.ts';
import { writeFileAtomic } from '../src/io/index.ts';
import type { RuleSource } from '../src/schemes/types.ts';
import { readTsv } from '../test/support/fixtures.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const docsDir = path.join(root, 'docs', 'schemes');

/** A Markdown code span that survives backticks in the value; `—` for an empty value. */
function code(value: string): string {
  if (value === '') return '—';
  const runs = value.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

let candidateWords: string[] | undefined;

/** Words to look for rule examples in: every scheme's samples, then the worked-example fixtures (fixed order). */
function candidates(): string[] {
  if (candidateWords !== undefined) return candidateWords;
  const texts: string[] = [];
  for (const { id } of listSchemes()) for (const [cyrillic] of getScheme(id).samples) texts.push(cyrillic);
  const specDir = path.join(root, 'test', 'fixtures', 'spec');
  for (const f of readdirSync(specDir).filter((f) => f.endsWith('.tsv')).sort()) for (const row of readTsv(path.join(specDir, f))) texts.push(row[0]!);
  const vectorsDir = path.join(root, 'test', 'fixtures', 'vectors');
  for (const source of readdirSync(vectorsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const f of readdirSync(path.join(vectorsDir, source)).filter((f) => f.endsWith('.tsv')).sort()) for (const row of readTsv(path.join(vectorsDir, source, f))) texts.push(row[0]!);
  }
  const words = texts.flatMap((t) => t.match(/\p{Script=Cyrillic}+(?:-\p{Script=Cyrillic}+)*/gu) ?? []);
  // Words in running-text case only: an all-caps fragment (ОЫУ) makes a poor example.
  candidateWords = [...new Set(words)].filter((w) => /\p{Ll}/u.test(w));
  return candidateWords;
}

/** Whether the engine applies `rule` somewhere in `word` (same letters, same label, same output). */
function applies(scheme: Scheme, rule: RuleSource, word: string, options: Record<string, string>): boolean {
  const segments = explain(word.toLowerCase(), { scheme, ...options });
  const label = rule.id ?? 'rule';
  const letters = [...rule.match];
  const outputs = Array.isArray(rule.output) ? rule.output : [rule.output, ...letters.slice(1).map(() => '')];
  const letterSegments = segments.filter((s) => s.letter !== undefined);
  return letterSegments.some((_, i) => letters.every((l, k) => {
    const s = letterSegments[i + k];
    return s !== undefined && s.letter === l && s.rule === label && s.output === outputs[k];
  }));
}

function tokenLetter(scheme: Scheme, token: string): string {
  if (token.startsWith('@')) return [...(scheme.language.classes[token.slice(1)] ?? '')][0] ?? '';
  return [...token][0] ?? '';
}

/** Words built from the rule: the match with, around it, a letter of each context (or none, or a consonant, or a vowel). */
function builtExamples(scheme: Scheme, rule: RuleSource): string[] {
  const side = (tokens: readonly string[] | undefined, edge: string): string[] => {
    if (tokens === undefined) return ['', 'к', 'а'];
    return tokens.flatMap((t) => (t === edge ? [''] : t.startsWith('@') ? [...(scheme.language.classes[t.slice(1)] ?? '')] : [...t]));
  };
  const words: string[] = [];
  for (const start of side(rule.after, '^')) for (const end of side(rule.before, '$')) words.push(start + rule.match + end);
  return words;
}

/** An example word for a rule and its romanization. */
export function ruleExample(scheme: Scheme, rule: RuleSource): { word: string; latin: string; built: boolean } {
  const options = rule.if ?? {};
  let word = candidates().find((w) => applies(scheme, rule, w, options));
  let built = false;
  if (word === undefined) {
    built = true;
    word = builtExamples(scheme, rule).find((w) => applies(scheme, rule, w, options));
    if (word === undefined) return { word: rule.match, latin: '(no example: other rules take precedence)', built };
  }
  return { word, latin: romanize(word, { scheme, ...options }), built };
}

function describeContext(rule: Omit<RuleSource, 'output'>): string {
  const tok = (t: string): string => (t === '^' ? 'start of word' : t === '$' ? 'end of word' : t.startsWith('@') ? `${t.slice(1)} letter` : [...t].join(' '));
  const parts: string[] = [];
  if (rule.after) parts.push(`after ${rule.after.map(tok).join(' / ')}`);
  if (rule.notAfter) parts.push(`not after ${rule.notAfter.map(tok).join(' / ')}`);
  if (rule.before) parts.push(`before ${rule.before.map(tok).join(' / ')}`);
  if (rule.notBefore) parts.push(`not before ${rule.notBefore.map(tok).join(' / ')}`);
  if (rule.if) parts.push(`with ${Object.entries(rule.if).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  return parts.join('; ') || 'everywhere';
}

/** The Markdown reference page of one scheme. */
export function renderSchemeDoc(id: string): string {
  const scheme = getScheme(id);
  const compiled = resolveScheme({ scheme });
  const lines: string[] = [];
  lines.push(`# ${scheme.name} (\`${scheme.id}\`)`, '');
  lines.push('<!-- Generated by `npm run docs:schemes` from src/schemes/data; do not edit by hand. -->', '');
  if (scheme.description) lines.push(scheme.description, '');
  lines.push('| | |', '|---|---|');
  if (scheme.authority) lines.push(`| Authority | ${cell(scheme.authority)} |`);
  if (scheme.edition) lines.push(`| Edition | ${cell(scheme.edition)} |`);
  if (scheme.source) lines.push(`| Source | ${cell(scheme.source)} |`);
  if (scheme.extendsChain.length) lines.push(`| Extends | ${scheme.extendsChain.map((e) => `\`${e}\``).join(' → ')} |`);
  lines.push(`| Defaults | allCaps \`${scheme.defaults.allCaps}\`, preReform \`${scheme.defaults.preReform}\` |`);
  lines.push(`| Output alphabet | ${code(scheme.alphabet)} |`, '');

  lines.push('## Options', '');
  const options = Object.entries(scheme.options);
  if (options.length === 0) lines.push('No scheme-specific options (the common options `allCaps`, `preReform`, `exceptions`, … apply).', '');
  for (const [name, option] of options) {
    lines.push(`### \`${name}\` (default \`${option.default}\`)`, '');
    if (option.description) lines.push(option.description, '');
    lines.push('| value | effect |', '|---|---|');
    for (const [value, v] of Object.entries(option.values)) {
      const effects = [
        v.description ?? '',
        ...Object.entries(v.letters ?? {}).map(([l, out]) => `${l} → ${code(out)}`),
        ...Object.entries(v.substitute ?? {}).filter(([l]) => !l.startsWith('$')).map(([l, out]) => `${l} read as ${out}`),
        ...(v.profile ? [`output profile \`${v.profile}\``] : []),
      ].filter(Boolean);
      lines.push(`| \`${value}\`${value === option.default ? ' (default)' : ''} | ${cell(effects.join('; '))} |`);
    }
    lines.push('');
  }

  lines.push('## Letters', '');
  lines.push('Base values (before context rules) as the engine compiles them with default options. Title = an upper-case letter in a word that is not all-caps; ALL CAPS = in an all-caps word ([capitals](../rules/case.md)).', '');
  lines.push('| Cyrillic | lower | Title | ALL CAPS | rules | note |', '|---|---|---|---|---|---|');
  const ruleIds = (letter: string): string => [...new Set(scheme.rules.filter((r) => r.match.includes(letter)).map((r) => r.id ?? 'rule'))].join(', ');
  const apostrophe = scheme.language.apostrophes === undefined ? [] : ['ʼ'];
  for (const letter of [...scheme.language.letters, ...scheme.language.oldLetters, ...apostrophe]) {
    const forms = compiled.letters.get(letter);
    const sub = compiled.substitute.get(letter);
    const name = `${letter.toUpperCase()} ${letter}`;
    const note = scheme.letterNotes[letter] ?? '';
    if (sub !== undefined) {
      const out = romanize(sub, { scheme });
      lines.push(`| ${name} | ${code(out)} | | | | ${cell(`modernised to ${sub} ([old letters](../rules/pre-reform.md))${note ? `; ${note}` : ''}`)} |`);
    } else if (forms !== undefined && compiled.fallback.has(letter)) {
      lines.push(`| ${name} | ${code(forms.lower)} | ${code(forms.title)} | ${code(forms.upper)} | | ${cell(`not in the table: the ${scheme.language.fallbackScheme} value, reported as romanize/unmapped-letter ([languages](../languages.md))`)} |`);
    } else if (forms !== undefined) {
      lines.push(`| ${name === 'ʼ ʼ' ? 'ʼ (apostrophe)' : name} | ${code(forms.lower)} | ${code(forms.title)} | ${code(forms.upper)} | ${ruleIds(letter)} | ${cell(note)} |`);
    } else {
      lines.push(`| ${name} | (copied unchanged) | | | | |`);
    }
  }
  lines.push('');

  lines.push('## Context rules', '');
  if (scheme.rules.length === 0) {
    lines.push('None: every letter has one value in every position.', '');
  } else {
    lines.push('Tried in this order at each letter; the longest match wins. Examples are computed by the engine.', '');
    lines.push('| rule | letters | context | output | example | note |', '|---|---|---|---|---|---|');
    for (const rule of scheme.rules) {
      const outputs = Array.isArray(rule.output) ? rule.output.join('') : rule.output;
      const ex = ruleExample(scheme, rule);
      lines.push(`| ${rule.id ?? '—'} | ${rule.match} | ${cell(describeContext(rule))} | ${code(outputs)} | ${cell(`${ex.word} → ${ex.latin}`)}${ex.built ? ' (constructed)' : ''} | ${cell(rule.note ?? '')} |`);
    }
    lines.push('');
  }

  const deletions = scheme.language.modernizeDeletes ?? [];
  if (deletions.length > 0) {
    const when = scheme.defaults.preReform === 'modernize' ? 'by default (preReform `modernize`)' : 'with preReform `modernize`';
    lines.push(`${when[0]!.toUpperCase()}${when.slice(1)}, the ${scheme.language.name} deletions of modern spelling come before these rules ([old letters](../rules/pre-reform.md)):`, '');
    for (const d of deletions) lines.push(`- ${d.id}: ${d.match} is deleted ${cell(describeContext(d))}.`);
    lines.push('');
  }

  if (scheme.samples.length) {
    lines.push('## Worked examples', '', '| Cyrillic | romanized |', '|---|---|');
    for (const [cyrillic, latin] of scheme.samples) lines.push(`| ${cell(cyrillic)} | ${code(latin)} |`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The index page: every built-in scheme. */
export function renderIndex(): string {
  const lines = ['# Schemes', '', '<!-- Generated by `npm run docs:schemes`; do not edit by hand. -->', '', '| id | name | authority |', '|---|---|---|'];
  for (const s of listSchemes().filter((s) => s.builtIn)) lines.push(`| [\`${s.id}\`](${s.id}.md) | ${cell(s.name)} | ${cell(s.authority)} |`);
  return `${lines.join('\n')}\n`;
}

/** Every generated file: path relative to docs/schemes → contents. */
export function renderAll(): Map<string, string> {
  const files = new Map<string, string>([['README.md', renderIndex()]]);
  for (const s of listSchemes().filter((s) => s.builtIn)) files.set(`${s.id}.md`, renderSchemeDoc(s.id));
  return files;
}

/** Writes every page to docs/schemes; returns how many. */
export async function writeSchemeDocs(): Promise<number> {
  mkdirSync(docsDir, { recursive: true });
  const files = renderAll();
  for (const [name, text] of files) await writeFileAtomic(path.join(docsDir, name), text);
  return files.size;
}
