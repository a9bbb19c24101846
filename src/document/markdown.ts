import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { characterClasses } from '../segment/classes.ts';
import type { Region } from './regions.ts';
import { treeProse, type TreeNode } from './tree.ts';

interface MdNode extends TreeNode {
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * The end of a front matter block at the start of a Markdown document, or 0 when there is none:
 * YAML (a `---` line, the data, a closing `---` or `...` line) or TOML as Hugo and Zola write it
 * (a `+++` line, the data, a closing `+++` line). docs/documents.md.
 *
 * @example
 * import { frontMatterEnd } from 'latinitsa/document';
 * frontMatterEnd('---\ntitle: Kirov\n---\nText');
 * //=> 21
 */
export function frontMatterEnd(source: string): number {
  const open = /^(?:---|\+\+\+)[ \t]*\r?\n/u.exec(source);
  if (open === null) return 0;
  const close = open[0].startsWith('+') ? /^\+\+\+[ \t]*(?:\r?\n|$)/mu : /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/mu;
  const rest = source.slice(open[0].length);
  const m = close.exec(rest);
  return m === null ? 0 : open[0].length + m.index + m[0].length;
}

/** The mdast node types: prose, never read, footnotes. */
const MDAST = {
  text: ['text'],
  skip: ['code', 'inlineCode', 'html', 'yaml'],
  heading: 'heading',
  paragraph: 'paragraph',
  list: 'list',
  footnote: ['footnoteDefinition'],
  quote: ['blockquote'],
  emphasis: ['emphasis'],
  image: 'image',
  link: 'link',
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
 * `notes`; the prose of a block quotation (`>`) is `quoted`. Parsed with mdast-util-from-markdown
 * and GFM footnotes.
 *
 * @param source The Markdown source.
 * @returns Regions with offsets into `source`.
 * @example
 * import { markdownRegions } from 'latinitsa/document';
 * markdownRegions('Zinoviev `Zinovyev`.[^1]\n\n[^1]: Zinov’ev.\n').map((r) => r.kind);
 * //=> ['text', 'text', 'notes']
 */
export function markdownRegions(source: string): Region[] {
  return markdownProse(source).regions;
}

/** The prose of a Markdown document: its regions (see {@link markdownRegions}) and the spans of its emphasis (`*…*`, `_…_`). */
export function markdownProse(source: string): { regions: Region[]; emphasis: Array<[number, number]> } {
  // Front matter is blanked, not cut, so that offsets stay those of the source.
  const front = frontMatterEnd(source);
  const parsed = front === 0 ? source : source.slice(0, front).replace(/[^\r\n]/gu, ' ') + source.slice(front);
  const tree = markdownTree(joinLazyLines(capNesting(parsed)));
  const prose = treeProse(tree, MDAST);
  const esm = esmSpans(tree, parsed);
  if (esm.length === 0) return prose;
  const outside = (start: number): boolean => !esm.some(([a, b]) => start >= a && start < b);
  return { regions: prose.regions.filter((r) => outside(r.start)), emphasis: prose.emphasis.filter(([start]) => outside(start)) };
}

/**
 * MDX's import and export statements (ESM): a paragraph at the margin, at the top level, that
 * opens with `import … from '…'`, `import '…'`, `import {`, or `export` and a declaration. They are
 * code, not prose: the plain Markdown parser made them paragraphs, and `check --fix` rewrote an
 * imported name. Found among the parsed paragraphs (never inside a code block or an HTML block, which
 * are no paragraphs); a .md paragraph seldom opens with a lower-case `import … from '…'`.
 * docs/documents.md.
 */
const ESM_START = /^(?:import[ \t]+(?:["'][^"'\n]*["']|[^\n]*\bfrom[ \t]*["'])|import[ \t]*\{|export[ \t]+(?:default\b|const\b|let\b|var\b|function\b|class\b|async[ \t]+function\b|\{|\*))/u;

/** The spans [start, end) of the top-level paragraphs of `tree` that are MDX import or export statements (see {@link ESM_START}). */
function esmSpans(tree: MdNode, text: string): Array<[number, number]> {
  if (!/^(?:import|export)\b/mu.test(text)) return [];
  const spans: Array<[number, number]> = [];
  for (const node of tree.children ?? []) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type !== 'paragraph' || start === undefined || end === undefined || (start > 0 && text[start - 1] !== '\n')) continue;
    if (ESM_START.test(text.slice(start, Math.min(end, start + 1000)))) spans.push([start, end]);
  }
  return spans;
}

function parseMarkdown(source: string): MdNode {
  return fromMarkdown(source, { extensions: [FOOTNOTES], mdastExtensions: [gfmFootnoteFromMarkdown()] }) as MdNode;
}

/**
 * The labels a parser has seen defined, as a list (the parser pushes to it) that answers
 * `includes` from a set. The parser keeps footnote and link labels in plain arrays and looks each
 * new definition and each call up in them, so that a document's time grew with the square of its
 * definitions: 32,000 footnote definitions took 22 s (profiled with `node --cpu-prof`: the
 * footnote extension's `defined.includes`), one part of {@link PART_CHARS} being all of them
 * when no blank line parts them.
 */
class LabelList extends Array<string> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  readonly #labels = new Set<string>();
  override includes(label: string): boolean {
    return this.#labels.has(label);
  }
  override push(...labels: string[]): number {
    for (const label of labels) this.#labels.add(label);
    return super.push(...labels);
  }
}

interface Parser {
  defined: string[];
  gfmFootnotes?: string[];
}

/** A parser's label lists made {@link LabelList}s (once; what they hold is kept). */
function indexLabels(parser: Parser): void {
  if (!(parser.defined instanceof LabelList)) {
    const list = new LabelList();
    for (const label of parser.defined) list.push(label);
    parser.defined = list;
  }
  if (!(parser.gfmFootnotes instanceof LabelList)) {
    const list = new LabelList();
    for (const label of parser.gfmFootnotes ?? []) list.push(label);
    parser.gfmFootnotes = list;
  }
}

/**
 * GFM footnotes, their constructs made to index the parser's labels before they run. Every
 * footnote construct starts at a bracket, before the parser's own link constructs there (an
 * extension's constructs come first), so the lists are indexed before any label is looked up.
 */
const FOOTNOTES = ((): ReturnType<typeof gfmFootnote> => {
  type Construct = { tokenize: (this: { parser: Parser }, ...args: never[]) => unknown };
  const extension = gfmFootnote();
  for (const constructs of [extension.document, extension.text]) {
    for (const construct of Object.values(constructs ?? {}).flat() as unknown as Construct[]) {
      const tokenize = construct.tokenize;
      construct.tokenize = function (this: { parser: Parser }, ...args: never[]) {
        indexLabels(this.parser);
        return tokenize.apply(this, args);
      };
    }
  }
  return extension;
})();

/** A definition in a document (mdast `definition`, `footnoteDefinition`). */
interface DefinitionNode extends MdNode {
  identifier?: string;
  label?: string;
}

/**
 * The first definition of each label (mdast's normalized `identifier`): its label as written and
 * the part it is in; and the labels each part defines itself.
 */
interface Defined {
  footnotes: Map<string, { label: string; part: number }>;
  links: Map<string, { label: string; part: number }>;
  own: Array<{ footnotes: Set<string>; links: Set<string> }>;
}

/** A label as the parser compares it: white space collapsed, case folded (mdast's `identifier`). */
const identifierOf = (label: string): string => label.replace(/[\t\n\r ]+/gu, ' ').trim().toLowerCase().toUpperCase().toLowerCase();

/**
 * Size from which a Markdown document is parsed in parts. The parser rewrites the list of all the
 * events it has read so far each time a line that is not indented ends a list item, block quote or
 * footnote definition after a blank line (the common `- item`, blank, paragraph), so that its time
 * grows with the square of their number: 4,000 list items each followed by a paragraph (80 KB)
 * took 49 s, 2,000 footnotes with their calls 13 s. Parsed in parts of a few KB, time is linear.
 */
const PART_CHARS = 4096;

/**
 * The syntax tree of a Markdown document, parsed in parts (see {@link PART_CHARS}) cut where the
 * document starts afresh: a line at the margin after a blank line (it ends every open list item,
 * block quote, footnote definition and paragraph). A part cut inside a fenced code block or an HTML
 * block that runs across blank lines is taken longer. Definitions hold for the whole document: a
 * part that uses a label defined in another part is parsed again with a copy of that definition
 * beside it (whose nodes are dropped). Offsets are those of the whole document.
 */
function markdownTree(text: string): MdNode {
  if (text.length <= PART_CHARS) return parseMarkdown(text);
  const parts: { start: number; text: string; nodes: MdNode[] }[] = [];
  // Without a definition in the document (none has its `]:`), a bracket starts a link only
  // before a `(`; a footnote call starts `[^`.
  const brackets = !text.includes(']:');
  for (let start = 0; start < text.length; ) {
    const plain = plainPart(text, start, brackets);
    if (plain !== undefined) {
      parts.push(plain);
      start += plain.text.length;
      continue;
    }
    let end = partEnd(text, start + PART_CHARS);
    // The part ends where a plain paragraph starts, which is then read without the parser.
    for (let cut = partEnd(text, start + 1); cut < end; cut = partEnd(text, cut + 1)) {
      if (plainPart(text, cut, brackets) !== undefined) {
        end = cut;
        break;
      }
    }
    for (;;) {
      const part = text.slice(start, end);
      const last = end === text.length;
      const nodes = parseMarkdown(last ? part : part + AFTER_PART).children ?? [];
      if (!last && !endsAll(nodes, part.length)) {
        // Twice as long each time, so that a long code block costs a linear number of reads.
        end = partEnd(text, start + 2 * (end - start));
        continue;
      }
      parts.push({ start, text: part, nodes: nodes.filter((node) => (node.position?.start.offset ?? 0) < part.length) });
      break;
    }
    start = end;
  }
  // The definitions the parts hold; a part that uses one held by another part is read again with
  // a copy of it added after a blank line (its nodes then dropped).
  const defined: Defined = { footnotes: new Map(), links: new Map(), own: [] };
  parts.forEach((part, index) => {
    const own = { footnotes: new Set<string>(), links: new Set<string>() };
    defined.own.push(own);
    visit(part.nodes, (node: DefinitionNode) => {
      const kind = node.type === 'footnoteDefinition' ? 'footnotes' : node.type === 'definition' ? 'links' : undefined;
      if (kind === undefined || node.identifier === undefined || node.label === undefined) return;
      own[kind].add(node.identifier);
      if (!defined[kind].has(node.identifier)) defined[kind].set(node.identifier, { label: node.label, part: index });
    });
  });
  const children: MdNode[] = [];
  parts.forEach((part, index) => {
    const copies = definitionsUsed(part.text, index, defined);
    // After the first part (which ends every block), before the others (which start afresh): not
    // after the last, which may end inside a code block that would take them in.
    const before = index === 0 || copies === '' ? '' : `${copies}\n\n`;
    const nodes =
      copies === ''
        ? part.nodes
        : (parseMarkdown(index === 0 ? `${part.text}\n\n${copies}\n` : before + part.text).children ?? []).filter((node) => {
            const at = node.position?.start.offset ?? 0;
            return at >= before.length && at < before.length + part.text.length;
          });
    const by = part.start - before.length;
    visit(nodes, (node) => {
      if (node.position?.start.offset !== undefined) node.position.start.offset += by;
      if (node.position?.end.offset !== undefined) node.position.end.offset += by;
    });
    // One by one: a spread passes each node as an argument, and 500,000 list items (a million
    // characters of "-" lines) overflow the stack.
    for (const node of nodes) children.push(node);
  });
  return { type: 'root', children };
}

/** Calls `f` on the nodes and all they contain. */
function visit(nodes: readonly MdNode[], f: (node: MdNode) => void): void {
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    f(node);
    if (node.children !== undefined) for (const child of node.children) stack.push(child);
  }
}

/**
 * The first character of a line that starts no block of its own (no container, heading, fence,
 * HTML, definition, list item, thematic break or setext underline): it starts or continues a
 * paragraph.
 */
const PLAIN_START = '[^\\s>*+\\-#|`~<\\[\\]\\d=_]';

/**
 * A footnote definition's start (`[^label]:` or what looks like one): at the margin after a blank
 * line it starts afresh too (a definition, or a paragraph when it is not one), and the notes of a
 * book are thousands of them with nothing else between.
 */
const FOOTNOTE_START = '\\[\\^';

/** The start of the first line at or after `from` that is at the margin, not blank, and follows a blank line; or the end. */
function partEnd(text: string, from: number): number {
  if (from >= text.length) return text.length;
  const blank = new RegExp(`\\n[ \\t]*\\r?\\n(?=${PLAIN_START}|${FOOTNOTE_START})`, 'gu');
  blank.lastIndex = Math.max(0, text.lastIndexOf('\n', from - 1));
  const m = blank.exec(text);
  return m === null ? text.length : m.index + m[0].length;
}

/**
 * Characters that mark up a paragraph's text or change its value (escapes, code, emphasis,
 * HTML and autolinks, character references, NUL) and a carriage return; brackets are tested apart.
 */
const MARKUP = /[\\`*_<>&~\0\r]/u;
/**
 * A run of underscores with a character on either side that is neither white space nor
 * punctuation (a file name's: Stamp_of_USSR_0973.jpg): by CommonMark's flanking rules it neither
 * opens nor closes emphasis, so the parser leaves it in the paragraph's text. A fifth of
 * realtext's characters are in paragraphs whose only markup is such runs (each article opens with
 * its images' file names). The classes are the parser's (micromark's `classifyCharacter`: `\s`,
 * and `\p{P}` or `\p{S}`), but read here by code point where it reads a UTF-16 unit: a
 * surrogate is neither to it, while a character outside the BMP may be punctuation here (𝄞), and
 * then the paragraph goes to the parser, which is the safe side.
 */
const INNER_UNDERSCORES = /(?<=[^\s\p{P}\p{S}])_+(?=[^\s\p{P}\p{S}])/gu;
/** A paragraph's lines: each starts a paragraph at the margin (not a list item, quote, heading…) and has no trailing white space (a hard break, or characters the value leaves out). */
const PLAIN_LINES = new RegExp(`^(?:${PLAIN_START}[^\\n]*(?<![ \\t])(?:\\n|$))+$`, 'u');

/**
 * The part at `start` (a line at the margin after a blank line, or the start) when it is one
 * plain paragraph and the blank lines after it: lines of text with no markup, which the parser
 * reads as a paragraph holding one text node, the paragraph's characters as they are. Such
 * paragraphs are most of an article's prose, and the parser reads each character through its
 * tokenizers and events; building the node directly gives the same tree. `brackets` when the
 * document defines no label: a bracket is then text unless it opens a footnote call (`[^`) or a
 * link's destination follows it (`](`).
 */
function plainPart(text: string, start: number, brackets: boolean): { start: number; text: string; nodes: MdNode[] } | undefined {
  const end = partEnd(text, start + 1);
  let part = text.slice(start, end);
  // A blank line inside the part ends the paragraph, and what follows it starts afresh: a block
  // that is no paragraph (a list, a heading, a line that starts with a digit), which the parser
  // reads as a part of its own. The paragraph and its blank lines are this part.
  const blank = BLANK_LINES.exec(part);
  if (blank !== null && /[^ \t\n]/u.test(part.slice(blank.index + blank[0].length))) part = part.slice(0, blank.index + blank[0].length);
  const paragraph = part.replace(/\n[ \t\n]*$/u, '');
  if (paragraph === '' || /[^ \t\n]/u.test(part.slice(paragraph.length))) return undefined;
  if (paragraph[0] === '#') {
    const heading = headingBlock(paragraph, brackets);
    return heading === undefined ? undefined : { start, text: part, nodes: [heading] };
  }
  if (paragraph[0] === '-') {
    // A blank line does not end a list when an item or an indented line follows it (a loose
    // list, an item's second paragraph): the block after must start afresh at the margin.
    const next = text[start + part.length];
    const list = next === undefined || !/[\s\-*+\d]/u.test(next) ? listBlock(paragraph, brackets) : undefined;
    return list === undefined ? undefined : { start, text: part, nodes: [list] };
  }
  const children = inlineNodes(paragraph, brackets);
  if (children === undefined || !PLAIN_LINES.test(paragraph)) return undefined;
  return { start, text: part, nodes: [{ type: 'paragraph', position: { start: { offset: 0 }, end: { offset: paragraph.length } }, children }] };
}

/**
 * The children of a plain paragraph (its lines' characters as they stand, see `plainPart`): one
 * text node, or text and emphasis when its only markup is underscores; undefined when the parser
 * is needed (markup, a bracket that may start a link or a footnote call).
 */
function inlineNodes(paragraph: string, brackets: boolean): MdNode[] | undefined {
  if (brackets ? paragraph.includes('](') || paragraph.includes('[^') : /[[\]]/u.test(paragraph)) return undefined;
  if (!MARKUP.test(paragraph.includes('_') ? paragraph.replace(INNER_UNDERSCORES, '') : paragraph)) return [textNode(paragraph, 0, paragraph.length)];
  // Underscores its only markup: emphasis (`_Novy Mir_`, titles), as the parser would read it.
  return MARKUP_BUT_UNDERSCORES.test(paragraph) ? undefined : underscoreEmphasis(paragraph);
}

/** The nodes made for the characters of `source` placed at `by`: their offsets moved there. */
function placed(nodes: MdNode[], by: number): MdNode[] {
  visit(nodes, (node) => {
    node.position!.start.offset! += by;
    node.position!.end.offset! += by;
  });
  return nodes;
}

/**
 * An ATX heading of one line (`## Early life`) whose text is plain (no markup, not even an
 * underscore; no closing `#`, no trailing white space), as the parser reads it: a heading of the
 * `#`s' depth holding one text node, the text after the spaces.
 */
function headingBlock(block: string, brackets: boolean): MdNode | undefined {
  const m = /^(#{1,6}) +([^\s#][^\n\t]*)$/u.exec(block);
  if (m === null || /[\s#]$/u.test(m[2]!) || MARKUP.test(m[2]!)) return undefined;
  const children = inlineNodes(m[2]!, brackets);
  if (children === undefined) return undefined;
  return { type: 'heading', depth: m[1]!.length, position: { start: { offset: 0 }, end: { offset: block.length } }, children: placed(children, block.length - m[2]!.length) } as MdNode;
}

/**
 * A tight list of `-` items of one line each at the margin (`-   Moscow Artillery School`), each
 * item's text a plain paragraph, as the parser reads it: an unordered list of items holding a
 * paragraph each. An item's text starts after one to four spaces (five make indented code) with
 * a character that starts no block (not a list item's `1.`); the list ends at a blank line that
 * an item or an indented line does not follow (see `plainPart`).
 */
function listBlock(block: string, brackets: boolean): MdNode | undefined {
  const items: MdNode[] = [];
  for (let at = 0; at < block.length; ) {
    let end = block.indexOf('\n', at);
    if (end === -1) end = block.length;
    const m = LIST_ITEM.exec(block.slice(at, end));
    if (m === null) return undefined;
    const from = at + 1 + m[1]!.length;
    const line = m[2]!;
    if (!PLAIN_LINES.test(/^\d/u.test(line) ? `x${line}` : line)) return undefined;
    const children = inlineNodes(line, brackets);
    if (children === undefined) return undefined;
    const paragraph: MdNode = { type: 'paragraph', position: { start: { offset: from }, end: { offset: end } }, children: placed(children, from) };
    items.push({ type: 'listItem', spread: false, checked: null, position: { start: { offset: at }, end: { offset: end } }, children: [paragraph] } as MdNode);
    at = end + 1;
  }
  return { type: 'list', ordered: false, start: null, spread: false, position: { start: { offset: 0 }, end: { offset: block.length } }, children: items } as MdNode;
}

/** A list item's line: `-`, one to four spaces, and text that starts no block (a digit only when no `.` or `)` after its digits makes it an ordered item). */
const LIST_ITEM = /^-( {1,4})((?:\d+(?![\d.)])|[^\s\d])[^\n]*)$/u;

/** The text node of `paragraph`'s characters [from, to): their value as they stand (a plain paragraph's lines start at the margin and end without white space). */
const textNode = (paragraph: string, from: number, to: number): MdNode & { value: string } => ({ type: 'text', value: paragraph.slice(from, to), position: { start: { offset: from }, end: { offset: to } } });

/** {@link MARKUP} but the underscore. */
const MARKUP_BUT_UNDERSCORES = /[\\`*<>&~\0\r]/u;

/**
 * A UTF-16 unit's class as the parser's emphasis reads it (micromark's `classifyCharacter`, which
 * reads units, not code points): 1 white space (`\s`, which holds the line feed and tab), 2
 * punctuation (`\p{P}` or `\p{S}`), 3 anything else; each unit classified once.
 */
const unitClass = characterClasses((unit) => {
  const ch = String.fromCharCode(unit);
  return /\s/u.test(ch) ? 1 : /\p{P}|\p{S}/u.test(ch) ? 2 : 3;
});

/**
 * The children of a plain paragraph whose only markup is underscores: text, and emphasis where
 * single underscores pair; or undefined when the parser is needed (a run of two or more that may
 * open or close: strong emphasis and CommonMark's rule of three; emphasis inside emphasis). Each
 * run of underscores opens and closes as micromark's attention construct decides (CommonMark's
 * flanking rules, with the paragraph's start and end as white space), and a closer takes the
 * nearest opener before it, the openers between them becoming text, as its resolver does; an
 * underscore that pairs with none is text. A fifth of realtext's characters were in such
 * paragraphs (titles in italics), read by the parser only for these pairs.
 */
function underscoreEmphasis(paragraph: string): MdNode[] | undefined {
  const classAt = (at: number): number => (at < 0 || at >= paragraph.length ? 1 : unitClass(paragraph.charCodeAt(at)));
  // The openers not yet paired, innermost last; the pairs, in order.
  const openers: number[] = [];
  const pairs: Array<[number, number]> = [];
  for (let at = paragraph.indexOf('_'); at !== -1; at = paragraph.indexOf('_', at)) {
    let end = at + 1;
    while (paragraph.charCodeAt(end) === 0x5f) end++;
    const before = classAt(at - 1);
    const after = classAt(end);
    // Left- and right-flanking; an underscore opens only if it does not close or punctuation
    // stands before it, and closes only if it does not open or punctuation follows it.
    const left = after === 3 || (after === 2 && before !== 3);
    const right = before === 3 || (before === 2 && after !== 3);
    const open = left && (before !== 3 || !right);
    const close = right && (after !== 3 || !left);
    if ((open || close) && end - at > 1) return undefined;
    if (close && openers.length > 0) {
      const opener = openers.pop()!;
      // A pair around an earlier pair: emphasis inside emphasis.
      if (pairs.length > 0 && pairs.at(-1)![0] > opener) return undefined;
      pairs.push([opener, at]);
      // The openers between are text now: none is, as the nearest opener is the last.
    } else if (open) openers.push(at);
    at = end;
  }
  const children: MdNode[] = [];
  let from = 0;
  for (const [open, close] of pairs) {
    if (open > from) children.push(textNode(paragraph, from, open));
    children.push({ type: 'emphasis', position: { start: { offset: open } , end: { offset: close + 1 } }, children: [textNode(paragraph, open + 1, close)] });
    from = close + 1;
  }
  if (from < paragraph.length) children.push(textNode(paragraph, from, paragraph.length));
  return children;
}

/** The first blank line and the blank lines after it, each whole (white space, then its line feed). */
const BLANK_LINES = /\n(?:[ \t]*\n)+/u;

/**
 * A line read after a part to see that the part ends every block: it is a paragraph of its own
 * unless the part ends inside a fenced code block or an HTML block that runs across blank lines.
 */
const AFTER_PART = '\n\nx\n';

function endsAll(nodes: readonly MdNode[], partLength: number): boolean {
  const last = nodes.at(-1);
  return last !== undefined && last.type === 'paragraph' && last.position?.start.offset === partLength + 2;
}

/**
 * Copies of the definitions the part (the `index`th) uses that only another part holds ('' when
 * none). A label the part defines itself needs none, as a call finds a definition wherever it
 * stands: a part with its notes' calls and definitions (a document that numbers its notes afresh
 * in each chapter) is parsed once, not twice.
 */
function definitionsUsed(part: string, index: number, defined: Defined): string {
  const footnotes = new Set<string>();
  const links = new Set<string>();
  const own = defined.own[index]!;
  const add = (kind: 'footnotes' | 'links', lines: Set<string>, identifier: string, line: (label: string) => string): void => {
    const definition = defined[kind].get(identifier);
    if (definition !== undefined && definition.part !== index && !own[kind].has(identifier)) lines.add(line(definition.label));
  };
  for (const m of part.matchAll(/\[((?:[^\\[\]]|\\.){1,999})\]/gu)) {
    // `[^x]` calls a footnote, or refers to a link whose label starts with `^` (a footnote's label has no spaces).
    if (m[1]!.startsWith('^')) add('footnotes', footnotes, identifierOf(m[1]!.slice(1)), (label) => `[^${label}]: x`);
    add('links', links, identifierOf(m[1]!), (label) => `[${label}]: x`);
  }
  // One footnote definition ends the one before it, and a link definition may follow another;
  // a blank line between the two kinds (a footnote definition does not interrupt a link
  // definition, a link definition after a footnote's would continue its text). Not a blank line
  // between each: the parser rewrites all it has read at each footnote definition that follows a
  // blank line, so that the copies for a chapter calling 32,000 notes took minutes.
  return [[...footnotes].join('\n'), [...links].join('\n')].filter((lines) => lines !== '').join('\n\n');
}


/**
 * Deepest nesting of Markdown read as such: block quotes and list items opened on one line, and
 * brackets (link texts) open in one paragraph. A manuscript has a few levels; the Markdown parser
 * takes time that grows with the square of the depth, so that 100,000 `>` or `[` would take
 * minutes. Real text does go past it now and then (a table pasted as a line of a hundred `-   `).
 */
export const MAX_MARKDOWN_DEPTH = 100;

/**
 * Most runs of emphasis delimiters (`*`, `_`) in one paragraph read as such. The parser matches
 * each closing run against the open ones before it, so that a paragraph of runs that do not pair
 * off (`*x*x*x…`, `*_*_…`) takes time that grows with the square of their number: 40,000
 * characters of `*_` took 7.5 s, a 4 MB request would take hours. Prose has a few dozen per
 * paragraph; past the bound the rest are plain characters to the parser, which changes no region
 * (emphasis is prose either way).
 */
export const MAX_EMPHASIS_RUNS = 1000;

/**
 * The text with every container marker and open bracket past {@link MAX_MARKDOWN_DEPTH} levels,
 * and every emphasis delimiter past {@link MAX_EMPHASIS_RUNS} runs in a paragraph, written as
 * `x`, in one linear pass: the parser then reads the markers as the words of the deepest level,
 * and offsets stay those of the source (the regions are read from the source, where these
 * characters are punctuation, not words). Nothing is refused: a line of markers is not an error.
 */
function capNesting(text: string): string {
  let masked: string[] | undefined;
  const mask = (from: number, to: number): void => {
    masked ??= text.split(''); // UTF-16 code units, as offsets count
    for (let k = from; k < to; k++) if (text[k] !== ' ' && text[k] !== '\t') masked[k] = 'x';
  };
  let brackets = 0;
  let runs = 0;
  /** A CDATA section (`<![CDATA[`) is open: an HTML block to its `]]>`. */
  let cdata = false;
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
    // Brackets open in the paragraph and emphasis runs in it (a blank line ends it).
    const line = text.slice(start, end);
    if (line.trim() === '') [brackets, runs] = [0, 0];
    // A line of only * _ - (a thematic break, `***`, `* * *`) is no emphasis: left as it is.
    const rule = /^[ \t]*(?:[*_-][ \t]*)+\r?$/u.test(line);
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x5c) k++; // a backslash escapes the next character
      else if ((c === 0x2a || c === 0x5f) && k >= i && !rule) {
        // A run is one character repeated: `**` is one run. Line-start markers (a `*` item) are the containers'.
        if (text.charCodeAt(k - 1) !== c || k === i) runs++;
        if (runs > MAX_EMPHASIS_RUNS) mask(k, k + 1);
      } else if (c === 0x5b && ++brackets > MAX_MARKDOWN_DEPTH) {
        mask(k, k + 1);
        brackets--;
      } else if (c === 0x5d) {
        // A closing bracket with none open is text; the parser would still look back for one.
        // Not the `]]` that ends a CDATA section open since an earlier line (its own brackets were
        // forgotten at a blank line): `]]>` ends that HTML block.
        if (brackets > 0) brackets--;
        else if (cdata && text.startsWith(']]>', k)) {
          cdata = false;
          k++;
        } else mask(k, k + 1);
      } else if (c === 0x3c && text.startsWith('<![CDATA[', k)) cdata = true;
      else if (c === 0x3e && text.startsWith(']]>', k - 2)) cdata = false;
    }
    start = end + 1;
  }
  return masked === undefined ? text : masked.join('');
}

/** The markers of the containers a line opens or continues: block quotes, list items, footnote definitions. */
const CONTAINER_MARKERS = /^(?:[ \t]{0,3}(?:>[ \t]?|[-+*](?:[ \t]+|$)|\d{1,9}[.)](?:[ \t]+|$)|\[\^[^\]\s]+\]:[ \t]*))+/u;
const PLAIN_LINE = new RegExp(`^${PLAIN_START}`, 'u');
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/u;
/** A line ending that is a hard break (two spaces or a backslash before it): it splits the text. */
const HARD_BREAK = /(?: {2,}|\\)$/u;

/**
 * The text with the line endings between the lazy lines of a container joined into spaces (same
 * length, so offsets stay those of the source). A lazy line is one at the margin that continues a
 * paragraph of a block quote, list item or footnote definition without its marker ("> Kirov",
 * then "Zinovyev" on the next line). For each lazy line the parser looks back over all the events
 * of the paragraph so far, so that a paragraph of many (a footnote followed by a long
 * bibliography pasted without blank lines) took time that grows with their square: 16,000 lines
 * took 3 s, 80,000 over two minutes. Joined, the run of lazy lines is one line of the same
 * paragraph, with the same text. Not joined, so that nothing changes: lines that start a block of
 * their own, a line with a `>` (it may end an HTML block), a hard break, and a run followed by a
 * setext underline (the paragraph is then a heading, whose text a notes heading is read from).
 */
function joinLazyLines(text: string): string {
  const joins: number[] = [];
  let run: number[] = [];
  let inContainer = false;
  let lazyBefore = false;
  let joinable = false;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.charCodeAt(end - 1) === 0x0d && end > start ? text.slice(start, end - 1) : text.slice(start, end);
    let lazy = false;
    const markers = CONTAINER_MARKERS.exec(line);
    if (line.trim() === '') inContainer = false;
    // A container's paragraph that opens with a bracket may be a link definition, whose
    // destination and title may stand on the lines after it: those are left as they are.
    else if (markers !== null) inContainer = line[markers[0].length] !== '[';
    else if (inContainer && PLAIN_LINE.test(line)) {
      lazy = true;
      if (lazyBefore && joinable) run.push(start);
      // A lone carriage return is a line ending to the parser: what follows it may start a block.
      joinable = !line.includes('>') && !line.includes('\r') && !HARD_BREAK.test(line);
    } else {
      if (SETEXT_UNDERLINE.test(line)) run = [];
      // An indented line may continue the container (its paragraph or a new one in it).
      if (!/^[ \t]/u.test(line)) inContainer = false;
    }
    if (!lazy) {
      for (const at of run) joins.push(at);
      run = [];
    }
    lazyBefore = lazy;
    start = end + 1;
  }
  for (const at of run) joins.push(at);
  if (joins.length === 0) return text;
  // Each join is at the start of a lazy line: the line ending before it (\n or \r\n) becomes spaces.
  const out: string[] = [];
  let from = 0;
  for (const at of joins) {
    const cut = text.charCodeAt(at - 2) === 0x0d ? at - 2 : at - 1;
    out.push(text.slice(from, cut), at - cut === 2 ? '  ' : ' ');
    from = at;
  }
  out.push(text.slice(from));
  return out.join('');
}
