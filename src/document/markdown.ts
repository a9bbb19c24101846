import { LatinitsaError } from '../errors.ts';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Region } from './regions.ts';
import { treeRegions, type TreeNode } from './tree.ts';

interface MdNode extends TreeNode {
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * The end of a YAML front matter block at the start of a Markdown document (a `---` line, the
 * data, a closing `---` or `...` line), or 0 when there is none.
 *
 * @example
 * import { frontMatterEnd } from 'latinitsa/document';
 * frontMatterEnd('---\ntitle: Kirov\n---\nText');
 * //=> 21
 */
export function frontMatterEnd(source: string): number {
  const open = /^---[ \t]*\r?\n/u.exec(source);
  if (open === null) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/mu;
  const rest = source.slice(open[0].length);
  const m = close.exec(rest);
  return m === null ? 0 : open[0].length + m.index + m[0].length;
}

/** The mdast node types: prose, never read, footnotes. */
const MDAST = {
  text: ['text'],
  skip: ['code', 'inlineCode', 'html', 'yaml'],
  heading: 'heading',
  footnote: ['footnoteDefinition'],
  span: (node: MdNode): [number, number] | undefined => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? undefined : [start, end];
  },
};

/**
 * The prose of a Markdown document as regions of its source (see `treeRegions`): paragraphs,
 * headings, list items, link text and footnote definitions; not code, inline code, HTML, URLs or
 * YAML front matter. Footnote definitions and what follows a "Notes" / "Bibliography" heading are
 * `notes`. Parsed with mdast-util-from-markdown and GFM footnotes.
 *
 * @param source The Markdown source.
 * @returns Regions with offsets into `source`.
 * @example
 * import { markdownRegions } from 'latinitsa/document';
 * markdownRegions('Zinoviev `Zinovyev`.[^1]\n\n[^1]: Zinov’ev.\n').map((r) => r.kind);
 * //=> ['text', 'text', 'notes']
 */
export function markdownRegions(source: string): Region[] {
  // Front matter is blanked, not cut, so that offsets stay those of the source.
  const front = frontMatterEnd(source);
  const parsed = front === 0 ? source : source.slice(0, front).replace(/[^\r\n]/gu, ' ') + source.slice(front);
  refuseDeepNesting(parsed);
  const tree = fromMarkdown(parsed, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] }) as MdNode;
  return treeRegions(tree, MDAST);
}

/**
 * Deepest nesting of Markdown accepted: block quotes and list items opened on one line, and
 * brackets (link texts) open in one paragraph. A manuscript has a few levels; the Markdown parser
 * takes time that grows with the square of the depth, so that 100,000 `>` or `[` would take
 * minutes.
 */
export const MAX_MARKDOWN_DEPTH = 100;

/**
 * Most footnote definitions (`[^label]: …` at the start of a line) accepted in one Markdown
 * document. The parser moves all the events read so far each time ordinary text follows a
 * footnote definition, so that its time grows with the square of their number: 1,000 take about
 * a second, 100,000 would take hours. A longer book is checked chapter by chapter, or as plain text.
 */
export const MAX_FOOTNOTE_DEFINITIONS = 1000;

/**
 * Refuses, in one linear pass, Markdown nested deeper than {@link MAX_MARKDOWN_DEPTH} or with more
 * than {@link MAX_FOOTNOTE_DEFINITIONS} footnote definitions: an `ERR_INVALID_INPUT` that names the line, before the parser is given the text.
 */
function refuseDeepNesting(text: string): void {
  let brackets = 0;
  let footnotes = 0;
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // Containers at the start of the line: "> ", "- ", "* ", "+ ", "1. ", "1) ".
    let depth = 0;
    let i = start;
    for (;;) {
      let j = i;
      while (j < end && j - i < 4 && (text[j] === ' ' || text[j] === '\t')) j++;
      const c = text[j];
      if (c === '>') i = j + 1;
      else if ((c === '-' || c === '*' || c === '+') && (text[j + 1] === ' ' || text[j + 1] === '\t')) i = j + 2;
      else if (c !== undefined && c >= '0' && c <= '9') {
        let k = j;
        while (k < end && k - j < 9 && text[k]! >= '0' && text[k]! <= '9') k++;
        if ((text[k] !== '.' && text[k] !== ')') || (text[k + 1] !== ' ' && text[k + 1] !== '\t')) break;
        i = k + 2;
      } else break;
      if (++depth > MAX_MARKDOWN_DEPTH) fail(line, 'block quotes and list items');
    }
    if (FOOTNOTE_DEFINITION.test(text.slice(i, Math.min(end, i + 1004))) && ++footnotes > MAX_FOOTNOTE_DEFINITIONS) {
      throw new LatinitsaError('ERR_INVALID_INPUT', `line ${line}: more than ${MAX_FOOTNOTE_DEFINITIONS} Markdown footnote definitions; check the document in parts, or read it as plain text`, {});
    }
    // Brackets open in the paragraph (a blank line ends it).
    if (text.slice(start, end).trim() === '') brackets = 0;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x5c) k++; // a backslash escapes the next character
      else if (c === 0x5b && ++brackets > MAX_MARKDOWN_DEPTH) fail(line, 'brackets');
      else if (c === 0x5d && brackets > 0) brackets--;
    }
    start = end + 1;
  }
}

/** A footnote definition's start, after the line's containers (a label is at most 999 characters). */
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\s]+\]:/u;

function fail(line: number, what: string): never {
  throw new LatinitsaError('ERR_INVALID_INPUT', `line ${line}: Markdown nested deeper than ${MAX_MARKDOWN_DEPTH} levels (${what}); read the file as plain text instead`, {});
}
