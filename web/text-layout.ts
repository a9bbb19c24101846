// A text file's line ends and byte-order mark, which a text box does not keep, given back in what
// the page downloads (no DOM here: test/web-layout.test.ts runs it in Node).

/**
 * How a text file ends its lines and whether it starts with a byte-order mark. A text box keeps
 * neither (its value ends every line with LF alone), so what is downloaded of a text read from a
 * file gets them back ({@link withLayout}), as `latinitsa check --fix` keeps them: `crlf` when
 * most lines end so, and for a file of mixed line ends, each line's own (`endings`, by line).
 */
export interface TextLayout {
  crlf: boolean;
  bom: boolean;
  endings?: string[];
}

const LINE_END = /\r\n|\r|\n/g;

/** An uploaded file's text (strict UTF-8) as a text box holds it (lines ended by LF, no byte-order mark) and its {@link TextLayout}. */
export async function readTextFile(file: File): Promise<{ text: string; layout: TextLayout }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  const bom = raw.startsWith('\ufeff');
  const body = bom ? raw.slice(1) : raw;
  const endings = body.match(LINE_END) ?? [];
  const crlf = endings.filter((e) => e === '\r\n').length * 2 > endings.length;
  // Each line's own end is kept where they are not all the usual one (mixed, or old Mac CRs).
  const own = endings.some((e) => e !== (crlf ? '\r\n' : '\n'));
  return { text: body.replace(LINE_END, '\n'), layout: { crlf, bom, ...(own ? { endings } : {}) } };
}

/** A text from a text box in a file's {@link TextLayout}: its line ends (line by line where they were mixed) and byte-order mark back. */
export function withLayout(text: string, layout: TextLayout | undefined): string {
  if (layout === undefined) return text;
  const usual = layout.crlf ? '\r\n' : '\n';
  let line = 0;
  const body = layout.endings === undefined && !layout.crlf ? text : text.replace(/\n/g, () => layout.endings?.[line++] ?? usual);
  return (layout.bom ? '\ufeff' : '') + body;
}
