// UTF-8 facts every layer needs (the streaming romanizer, the file decoders, the document
// reader): where the first invalid byte is, and the byte-order mark. One copy, browser-safe.

/** The UTF-8 byte-order mark as a character (what a decoder that keeps it yields). */
export const BOM = '\uFEFF';

/** The UTF-8 byte-order mark as bytes. */
export const UTF8_BOM: readonly number[] = [0xef, 0xbb, 0xbf];

/**
 * The length of a UTF-8 byte-order mark at the start of `bytes`: 3, or 0 when there is none.
 *
 * @example
 * import { utf8BomLength } from 'latinitsa/io';
 * [utf8BomLength(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), utf8BomLength(new Uint8Array([0x41]))];
 * //=> [3, 0]
 */
export function utf8BomLength(bytes: Uint8Array): 0 | 3 {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * Splits a leading byte-order mark off a decoded text: whether there was one, and the rest.
 *
 * @example
 * import { splitBom } from 'latinitsa/io';
 * splitBom('\uFEFFКиров');
 * //=> { bom: true, text: 'Киров' }
 */
export function splitBom(text: string): { bom: boolean; text: string } {
  return text.startsWith(BOM) ? { bom: true, text: text.slice(1) } : { bom: false, text };
}

/**
 * Offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
 * surrogates and code points above U+10FFFF are invalid, as for a strict decoder), or -1.
 *
 * @example
 * import { firstInvalidUtf8 } from 'latinitsa/io';
 * firstInvalidUtf8(new Uint8Array([0x41, 0xd0, 0x9a, 0xff]));
 * //=> 3
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < MIN_CODE_POINT[need]! || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The smallest code point a sequence of 1 + n bytes may encode (smaller ones are overlong). */
const MIN_CODE_POINT = [0, 0x80, 0x800, 0x10000];
