/**
 * A character classifier kept as it is asked: the scans of a document's characters by code (the
 * checker's word runs, the Markdown reader's emphasis) test each character against Unicode
 * properties, and a work has a few hundred distinct characters, so each is classified once.
 *
 * @param classify A character's classes as bits: never 0 (0 marks a unit not yet classified).
 * @returns The classes of a code point: of the BMP from a table of its 65,536 units, beyond it
 *   from a map, as met.
 */
export function characterClasses(classify: (codePoint: number) => number): (codePoint: number) => number {
  const units = new Uint8Array(0x10000);
  const astral = new Map<number, number>();
  return (cp) => {
    if (cp < 0x10000) {
      let c = units[cp]!;
      if (c === 0) units[cp] = c = classify(cp);
      return c;
    }
    let c = astral.get(cp);
    if (c === undefined) astral.set(cp, (c = classify(cp)));
    return c;
  };
}
