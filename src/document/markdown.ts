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
  const tree = fromMarkdown(capNesting(parsed), { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] }) as MdNode;
  return treeRegions(tree, MDAST);
}

/**
 * Deepest nesting of Markdown read as such: block quotes and list items opened on one line, and
 * brackets (link texts) open in one paragraph. A manuscript has a few levels; the Markdown parser
 * takes time that grows with the square of the depth, so that 100,000 `>` or `[` would take
 * minutes. Real text does go past it now and then (a table pasted as a line of a hundred `-   `).
 */
export const MAX_MARKDOWN_DEPTH = 100;

/**
 * Most footnote definitions (`[^label]: …` at the start of a line) read as such in one Markdown
 * document. The parser moves all the events read so far each time ordinary text follows a
 * footnote definition, so that its time grows with the square of their number: 1,000 take about
 * a second, 100,000 would take hours. Past the limit a definition is read as a paragraph of text.
 */
export const MAX_FOOTNOTE_DEFINITIONS = 1000;

/** A footnote definition's start, after the line's containers. */
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\s]+\]:/u;

/**
 * The text with every container marker and open bracket past {@link MAX_MARKDOWN_DEPTH} levels
 * written as `x`, and so is the `[` of every footnote definition past
 * {@link MAX_FOOTNOTE_DEFINITIONS}, in one linear pass: the parser then reads the markers as the
 * words of the deepest level and those definitions as paragraphs, and offsets stay those of the source (the regions are read from the source, where these
 * characters are punctuation, not words). Nothing is refused: a line of markers is not an error.
 */
function capNesting(text: string): string {
  let masked: string[] | undefined;
  const mask = (from: number, to: number): void => {
    masked ??= text.split(''); // UTF-16 code units, as offsets count
    for (let k = from; k < to; k++) if (text[k] !== ' ' && text[k] !== '\t') masked[k] = 'x';
  };
  let brackets = 0;
  let footnotes = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // Containers at the start of the line: "> ", "- ", "* ", "+ ", "1. ", "1) ".
    let depth = 0;
    let i = start;
    for (;;) {
      let j = i;
      while (j < end && j - i < 4 && (text[j] === ' ' || text[j] === '\t')) j++;
      const c = text[j];
      let next: number;
      if (c === '>') next = j + 1;
      else if ((c === '-' || c === '*' || c === '+') && (text[j + 1] === ' ' || text[j + 1] === '\t')) next = j + 2;
      else if (c !== undefined && c >= '0' && c <= '9') {
        let k = j;
        while (k < end && k - j < 9 && text[k]! >= '0' && text[k]! <= '9') k++;
        if ((text[k] !== '.' && text[k] !== ')') || (text[k + 1] !== ' ' && text[k + 1] !== '\t')) break;
        next = k + 2;
      } else break;
      if (++depth > MAX_MARKDOWN_DEPTH) mask(j, next);
      i = next;
    }
    // A footnote definition past the limit: its `[` written as `x`, so that it is a paragraph.
    const definition = FOOTNOTE_DEFINITION.exec(text.slice(i, Math.min(end, i + 1004)));
    if (definition !== null && ++footnotes > MAX_FOOTNOTE_DEFINITIONS) {
      const bracket = i + definition[0].indexOf('[');
      mask(bracket, bracket + 1);
    }
    // Brackets open in the paragraph (a blank line ends it).
    if (text.slice(start, end).trim() === '') brackets = 0;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x5c) k++; // a backslash escapes the next character
      else if (c === 0x5b && ++brackets > MAX_MARKDOWN_DEPTH) {
        mask(k, k + 1);
        brackets--;
      } else if (c === 0x5d) {
        // A closing bracket with none open is text; the parser would still look back for one.
        if (brackets > 0) brackets--;
        else mask(k, k + 1);
      }
    }
    start = end + 1;
  }
  return masked === undefined ? text : masked.join('');
}
