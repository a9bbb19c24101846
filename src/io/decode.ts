import { LatinitsaError } from '../errors.ts';

/**
 * Decodes UTF-8 strictly: invalid bytes are an error (`ERR_INVALID_UTF8`) that gives the byte
 * offset of the first bad sequence, never a silent U+FFFD. A leading byte-order mark is removed.
 *
 * @example
 * import { decodeUtf8 } from 'latinitsa/io';
 * decodeUtf8(new Uint8Array([0xd0, 0x9a]));
 * //=> 'К'
 */
export function decodeUtf8(bytes: Uint8Array, options: { file?: string; baseOffset?: number } = {}): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    const offset = (options.baseOffset ?? 0) + firstInvalidUtf8(bytes);
    throw new LatinitsaError('ERR_INVALID_UTF8', `${options.file ?? 'input'}: invalid UTF-8 at byte offset ${offset}`, {
      ...(options.file === undefined ? {} : { file: options.file }),
      offset,
      cause,
    });
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
