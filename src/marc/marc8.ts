// MARC-8, the character encoding of MARC 21 records whose leader/09 is blank, decoded to Unicode
// with the Library of Congress code tables (data/marc8.json). Browser-safe.
import { LatinitsaError } from '../errors.ts';
import table from './data/marc8.json' with { type: 'json' };

/** Options of {@link decodeMarc8}. */
export interface DecodeMarc8Options {
  /**
   * The ligature of ALA-LC romanization (ANSEL EB + EC around two letters): `'breve'` one U+0361
   * after the first letter, the Library of Congress mapping since 2004; `'halves'` U+FE20 after
   * the first and U+FE21 after the second letter, the older mapping OCLC still writes. Default
   * `'breve'`. The double tilde (FA + FB) follows the same choice (U+0360 or U+FE22/U+FE23).
   */
  tie?: 'breve' | 'halves';
}

interface Entry {
  /** The code point(s) with the chosen ligature mapping; '' writes nothing. */
  text: string;
  combining: boolean;
}

const ESC = 0x1b;
/** Final characters of the graphic sets, by the escape sequence that designates them (MARC 21 Part 2). */
const MULTIBYTE = '1';
const compiled = new Map<string, Map<number, Entry>[]>();

function sets(tie: 'breve' | 'halves'): Map<number, Entry>[] {
  let byFinal = compiled.get(tie);
  if (byFinal === undefined) {
    byFinal = [];
    for (const [final, set] of Object.entries(table.sets)) {
      const map = new Map<number, Entry>();
      for (const [code, value] of Object.entries(set.map as Record<string, string>)) {
        const combining = value.startsWith('*');
        const [ucs, alt] = value.slice(combining ? 1 : 0).split('|') as [string, string | undefined];
        const hex = tie === 'halves' && alt !== undefined ? alt : ucs;
        map.set(parseInt(code, 16), { text: hex === '' ? '' : String.fromCodePoint(parseInt(hex, 16)), combining });
      }
      byFinal[final.charCodeAt(0)] = map;
    }
    compiled.set(tie, byFinal);
  }
  return byFinal;
}

const controls = new Map(Object.entries(table.controls).map(([code, ucs]) => [parseInt(code, 16), String.fromCodePoint(parseInt(ucs, 16))]));
const setName = (final: number): string => (table.sets as Record<string, { name: string }>)[String.fromCharCode(final)]?.name ?? `set "${String.fromCharCode(final)}"`;

/**
 * Decodes MARC-8 bytes (one field or subfield) to Unicode: ASCII and ANSEL by default in G0/G1,
 * other sets by escape sequence (Basic and Extended Cyrillic, Greek, Hebrew, Arabic, sub- and
 * superscripts); combining marks, which MARC-8 writes before their letter, are written after it
 * in the same order. Bytes that are not MARC-8, an unknown escape sequence or the East Asian set
 * (EACC, not supported) are `ERR_INVALID_INPUT` with the byte offset.
 *
 * @example
 * import { decodeMarc8 } from 'latinitsa/marc';
 * const bytes = Uint8Array.from([0x1b, 0x28, 0x4e, 0x6d, 0x4f, 0x53, 0x4b, 0x57, 0x41, 0x1b, 0x28, 0x42, 0x20, 0xeb, 0x74, 0xec, 0x73]);
 * [decodeMarc8(bytes), decodeMarc8(bytes, { tie: 'halves' })];
 * //=> ['Москва t͡s', 'Москва t︠s︡']
 */
export function decodeMarc8(bytes: Uint8Array, options: DecodeMarc8Options = {}): string {
  const byFinal = sets(options.tie ?? 'breve');
  const fail = (at: number, message: string): never => {
    throw new LatinitsaError('ERR_INVALID_INPUT', message, { offset: at });
  };
  let g0 = 0x42; // Basic Latin
  let g1 = 0x45; // ANSEL
  let out = '';
  let marks = '';
  const emit = (text: string, combining: boolean): void => {
    if (combining) {
      marks += text;
    } else {
      out += text + marks;
      marks = '';
    }
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === ESC) {
      const start = i;
      let next = bytes[++i];
      if (next === 0x67 || next === 0x62 || next === 0x70) {
        g0 = next; // technique 1: Greek symbols, subscripts, superscripts
      } else if (next === 0x73) {
        g0 = 0x42;
      } else {
        const multibyte = next === 0x24;
        if (multibyte) next = bytes[++i];
        let target = 0;
        if (next === 0x28 || next === 0x2c) target = 0;
        else if (next === 0x29 || next === 0x2d) target = 1;
        else if (multibyte && next !== undefined && next >= 0x30) {
          i--; // ESC $ F: G0 directly
        } else fail(start, `unknown MARC-8 escape sequence 1B ${[...bytes.subarray(start + 1, i + 1)].map((x) => x.toString(16).toUpperCase()).join(' ')}`);
        const final = bytes[++i];
        if (final === undefined) return fail(start, 'MARC-8 escape sequence cut off at the end of the field');
        if (String.fromCharCode(final) === MULTIBYTE) fail(start, 'MARC-8 East Asian characters (EACC) are not supported');
        if (byFinal[final] === undefined) fail(start, `unknown MARC-8 character set "${String.fromCharCode(final)}" in an escape sequence`);
        if (target === 0) g0 = final;
        else g1 = final;
      }
      continue;
    }
    if (b === 0x20) {
      emit(' ', false);
      continue;
    }
    if (b >= 0x21 && b <= 0x7e) {
      const entry = byFinal[g0]!.get(b);
      if (entry === undefined) fail(i, `MARC-8 code ${b.toString(16).toUpperCase()} is not in ${setName(g0)}`);
      else emit(entry.text, entry.combining);
      continue;
    }
    if (b >= 0xa1 && b <= 0xfe) {
      const entry = byFinal[g1]!.get(b & 0x7f);
      if (entry === undefined) fail(i, `MARC-8 code ${b.toString(16).toUpperCase()} is not in ${setName(g1)}`);
      else emit(entry.text, entry.combining);
      continue;
    }
    const control = controls.get(b);
    if (control === undefined) fail(i, `byte ${b.toString(16).toUpperCase().padStart(2, '0')} is not MARC-8 text`);
    else emit(control, false);
  }
  // A mark with no letter after it (damaged data) is kept rather than lost.
  return out + marks;
}
