// One whole-process measurement of `npm run bench` (bench/romanize.bench.ts spawns this file once
// per measurement and round). Plain JavaScript over the built library (dist/), so that no
// TypeScript loader is timed. Usage: node bench/child.mjs TASK ARG INPUT OUTPUT
// Prints one JSON line: {"maxRSS": kB}. The parent measures wall time around the whole process.
import { readFileSync, writeFileSync, createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

const [task, arg, input, output] = process.argv.slice(2);
const perLine = (fn) => (text) => text.split('\n').map(fn).join('\n');

/**
 * What the parent learns about the call itself, beside the whole process: its time, and the peak
 * RSS after it less the RSS before it (with --expose-gc, after a collection). The latter bounds
 * the call's own memory from above: the peak may also be the reading of the input.
 */
const call = {};
function timed(fn) {
  globalThis.gc?.();
  const rssBefore = process.memoryUsage.rss();
  const start = performance.now();
  const out = fn();
  call.callMs = performance.now() - start;
  call.callPeakKB = process.resourceUsage().maxRSS - rssBefore / 1024;
  return out;
}

async function main() {
  switch (task) {
    case 'ceiling-io': {
      // Read, decode, re-encode, write: no transliteration at all.
      const text = readFileSync(input).toString('utf8');
      writeFileSync(output, Buffer.from(text, 'utf8'));
      return;
    }
    case 'ceiling-table': {
      // A context-free byte-level table over Buffers: each two-byte Cyrillic letter (lead byte
      // D0/D1) is replaced by a fixed Latin string from a 128-entry table; every other byte is
      // copied. No case rules, no context rules, no validation: the simplest possible loop.
      // The letter table is read from the scheme file itself: no library code is loaded.
      const { letters } = JSON.parse(readFileSync(new URL('../src/schemes/data/modified-loc.json', import.meta.url), 'utf8'));
      const starts = new Int32Array(128);
      const lens = new Int32Array(128);
      const pool = [];
      for (let cp = 0x400; cp < 0x480; cp++) {
        const ch = String.fromCodePoint(cp);
        const lower = letters[ch.toLowerCase()];
        const value = lower === undefined ? ch : ch === ch.toLowerCase() ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
        const bytes = Buffer.from(value, 'utf8');
        starts[cp - 0x400] = pool.length;
        lens[cp - 0x400] = bytes.length;
        pool.push(...bytes);
      }
      const table = Uint8Array.from(pool);
      const src = readFileSync(input);
      const out = Buffer.allocUnsafe(src.length * 2);
      let o = 0;
      const n = src.length;
      for (let i = 0; i < n; i++) {
        const b = src[i];
        if ((b === 0xd0 || b === 0xd1) && i + 1 < n) {
          const k = ((b & 1) << 6) | (src[++i] & 0x3f);
          const s = starts[k];
          const l = lens[k];
          for (let j = 0; j < l; j++) out[o++] = table[s + j];
        } else out[o++] = b;
      }
      writeFileSync(output, out.subarray(0, o));
      return;
    }
    case 'latinitsa': {
      // The byte-to-byte path (romanizeBuffer) on the whole file. The engine module is imported
      // directly: the package entry also loads the checker's and reverse engine's word lists,
      // a fixed start-up cost measured separately by 'latinitsa-entry'.
      const { romanizeBuffer } = await import('../dist/engine/stream.js');
      const bytes = readFileSync(input);
      writeFileSync(output, timed(() => romanizeBuffer(bytes, { scheme: arg })));
      return;
    }
    case 'latinitsa-idle': {
      // The engine loaded and a scheme compiled, the input not read: the memory baseline that the
      // quick benchmark subtracts (bench/quick.ts).
      const { romanize } = await import('../dist/engine/romanize.js');
      writeFileSync(output, romanize('ы', { scheme: arg }));
      return;
    }
    case 'latinitsa-entry': {
      // The same through the package entry (import 'latinitsa').
      const { romanizeBuffer } = await import('../dist/index.js');
      writeFileSync(output, romanizeBuffer(readFileSync(input), { scheme: arg }));
      return;
    }
    case 'latinitsa-string': {
      // The string API on the whole file.
      const { romanize } = await import('../dist/engine/romanize.js');
      const text = readFileSync(input, 'utf8');
      writeFileSync(output, timed(() => romanize(text, { scheme: arg })));
      return;
    }
    case 'latinitsa-stream': {
      // The streaming path (createRomanizer) between file streams, 64 KiB chunks.
      const { createRomanizer } = await import('../dist/engine/stream.js');
      const r = createRomanizer({ scheme: arg });
      const t = new Transform({
        transform(chunk, _enc, cb) {
          const out = r.push(chunk);
          cb(null, out.length > 0 ? out : undefined);
        },
        flush(cb) {
          cb(null, r.end());
        },
      });
      await pipeline(createReadStream(input, { highWaterMark: 1 << 16 }), t, createWriteStream(output));
      return;
    }
    case 'reverse':
    case 'check': {
      const lib = await import('../dist/index.js');
      const fn = lib[arg];
      const text = readFileSync(input, 'utf8');
      const result = fn(text, {});
      writeFileSync(output, typeof result === 'string' ? result : JSON.stringify(result));
      return;
    }
    case 'iuliia': {
      const iuliia = (await import('iuliia')).default ?? (await import('iuliia'));
      const schema = iuliia[arg];
      writeFileSync(output, perLine((l) => iuliia.translate(l, schema))(readFileSync(input, 'utf8')));
      return;
    }
    case 'transliteration': {
      const { transliterate } = await import('transliteration');
      writeFileSync(output, transliterate(readFileSync(input, 'utf8')));
      return;
    }
    case 'cyrillic-to-translit-js': {
      const ctt = (await import('cyrillic-to-translit-js')).default;
      writeFileSync(output, ctt().transform(readFileSync(input, 'utf8')));
      return;
    }
    case 'unidecode': {
      const unidecode = (await import('unidecode')).default;
      writeFileSync(output, perLine(unidecode)(readFileSync(input, 'utf8')));
      return;
    }
    case 'any-ascii': {
      const anyAscii = (await import('any-ascii')).default;
      writeFileSync(output, anyAscii(readFileSync(input, 'utf8')));
      return;
    }
    default:
      throw new Error(`unknown task ${task}`);
  }
}

await main();
process.stdout.write(`${JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, ...call })}\n`);
