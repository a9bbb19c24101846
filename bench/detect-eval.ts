// How well detectScheme names the scheme of a romanized text, measured on text nobody here wrote:
// the Latin side of the conformance vectors and oracle outputs (../shared/conformance), in
// chunks of a few consecutive vectors that latinitsa's scheme writes exactly so. Two figures per
// part: "right" — the detected scheme writes the chunk as it is, up to the apostrophe, quote and
// tie variants the reverse engine reads alike (another scheme that writes it alike is right
// too); "false alarm" — the true scheme is not among the plausible
// ones (the page would warn wrongly). The iuliia-js oracle outputs are the part the detector's
// two constants may be tuned on; every other source is held out.
// Run: node --import tsx bench/detect-eval.ts [--chunk 6]
import { parseArgs } from 'node:util';
import { detectScheme, getScheme, romanize } from '../src/index.ts';
import { loadVectors, SCHEMES, SOURCE_OPTIONS, type Vector } from '../scripts/conformance.ts';

const { values } = parseArgs({ options: { chunk: { type: 'string', default: '6' } } });
const size = Number(values.chunk);
const TUNING = 'oracle/iuliia-js';

/** The text with the variants that the reverse engine reads alike made one (apostrophes, quotes, tie forms: docs/reverse.md). */
const fold = (s: string): string => s.normalize('NFC').replace(/['’ʹ′]/gu, "'").replace(/["”ʺ″]/gu, '"').replace(/[\u0361\uFE20\uFE21]/gu, '');

interface Tally {
  chunks: number;
  right: number;
  falseAlarms: number;
  misses: string[];
}
const parts: Record<'tuning' | 'held-out', Tally> = { tuning: { chunks: 0, right: 0, falseAlarms: 0, misses: [] }, 'held-out': { chunks: 0, right: 0, falseAlarms: 0, misses: [] } };

const groups = new Map<string, Vector[]>();
for (const v of loadVectors()) {
  const key = `${v.source}\t${v.file}`;
  groups.set(key, [...(groups.get(key) ?? []), v]);
}
for (const [key, vectors] of groups) {
  const [source, file] = key.split('\t') as [string, string];
  const target = SCHEMES[file];
  if (target === undefined) continue;
  const options = { ...target.options, ...SOURCE_OPTIONS[`${source}/${file}`]?.options };
  const write = (input: string, scheme: string, opts: Record<string, unknown> = {}): string => romanize(input, { ...opts, scheme });
  // Only vectors the scheme writes exactly so: the text is then certainly in that scheme.
  const agreeing = vectors.filter((v) => /\p{Script=Latin}/u.test(v.expected) && write(v.input, target.scheme, options) === v.expected.normalize('NFC'));
  const tally = parts[source === TUNING ? 'tuning' : 'held-out'];
  for (let i = 0; i + size <= agreeing.length; i += size) {
    const chunk = agreeing.slice(i, i + size);
    // Among the schemes of the vectors' language (Belarusian vectors are not read as Russian).
    const r = detectScheme(chunk.map((v) => v.expected).join('\n'), { language: getScheme(target.scheme).language.id });
    if (r.scheme === undefined) continue;
    tally.chunks++;
    const same = r.scheme === target.scheme || chunk.every((v) => fold(write(v.input, r.scheme!)) === fold(v.expected));
    if (same) tally.right++;
    else tally.misses.push(`${source}/${file} → ${r.scheme}: ${chunk.map((v) => v.expected).join(' | ').slice(0, 120)}`);
    if (!r.plausible.includes(target.scheme)) {
      tally.falseAlarms++;
      if (process.env["SHOW_ALARMS"]) console.log(`alarm ${source}/${file} → ${r.plausible.join(",")}: ${chunk.map((v) => v.expected).join(" | ").slice(0, 120)}`);
    }
  }
}
for (const [name, t] of Object.entries(parts)) {
  const pct = (n: number): string => `${((100 * n) / Math.max(1, t.chunks)).toFixed(1)}%`;
  console.log(`${name}: ${t.chunks} chunks of ${size} vectors; right ${t.right} (${pct(t.right)}); false alarms ${t.falseAlarms} (${pct(t.falseAlarms)})`);
  for (const m of t.misses.slice(0, 15)) console.log(`  ${m}`);
}
