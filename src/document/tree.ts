import { endnoteRun, headingLike, isEndnotesHeading, isNotesHeading, noteNumber, paragraphReferences, TITLE_LOOKAHEAD, titleHeadsNotes, untitledEndnoteRun, type NoteParagraph } from './notes.ts';
import { pushRegion, type Region } from './regions.ts';

/** A node of a syntax tree: mdast (Markdown) and textlint's TxtAST both have this form. */
export interface TreeNode {
  type: string;
  children?: readonly TreeNode[];
  value?: unknown;
  depth?: number;
  /** A list's: whether it is numbered, and its first number. */
  ordered?: boolean | null;
  start?: number | null;
}

/** How to read one kind of syntax tree (see {@link treeRegions}). */
export interface TreeSyntax<N extends TreeNode = TreeNode> {
  /** Node types whose source span is prose. */
  text: readonly string[];
  /** Node types never read, with all they contain (code, HTML, front matter). */
  skip: readonly string[];
  /** The heading node type (its `depth` is 1–6). */
  heading: string;
  /** The paragraph node type: a paragraph that is only a notes title heads endnotes (absent: none do). */
  paragraph?: string;
  /** The list node type (with `ordered` and `start`): a numbered list's items are numbered notes (absent: none are). */
  list?: string;
  /** Node types of footnote definitions: notes wherever they stand. */
  footnote: readonly string[];
  /** Node types of block quotations: what they hold is `quoted` (absent: none). */
  quote?: readonly string[];
  /** Node types of emphasis (italics): their spans are the document's `emphasis` (absent: none). */
  emphasis?: readonly string[];
  /** The image node type: an italic line right after or under an image is its caption, not emphasis (absent: none are). */
  image?: string;
  /** The link node type (a linked image, a caption's linked source; absent: links are read as any other node). */
  link?: string;
  /** A node's offsets [start, end) in the source. */
  span(node: N): readonly [number, number] | undefined;
}

/** The text of a heading: the values of the nodes under it (up to `max` characters and a little more). */
function headingText(node: TreeNode, max = Infinity): string {
  let out = '';
  const stack: TreeNode[] = [node];
  while (stack.length > 0 && out.length <= max) {
    const n = stack.pop()!;
    if (typeof n.value === 'string') out += n.value;
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** The texts of a block as notes: a list's items one by one, any other block whole. */
function blockTexts<N extends TreeNode>(node: N, syntax: TreeSyntax<N>): string[] {
  return syntax.list !== undefined && node.type === syntax.list ? (node.children ?? []).map((item) => headingText(item)) : [headingText(node)];
}

/**
 * The children of the root that are endnotes written as numbered paragraphs (docs/documents.md,
 * "Endnotes"): a heading, or a paragraph that is nothing but a title (**Notes**), whose title may
 * head endnotes (`isEndnotesHeading`), with the numbered notes that follow it (`endnoteRun`:
 * items of numbered lists, paragraphs that start with a number, ¹ or `<sup>1</sup>`). A title
 * written as a paragraph heads nothing else: a bibliography under it is running text.
 */
function endnoteBlocks<N extends TreeNode>(children: readonly N[], syntax: TreeSyntax<N>): Set<number> {
  const out = new Set<number>();
  const isParagraph = (n: N): boolean => syntax.paragraph !== undefined && n.type === syntax.paragraph;
  // A title is short: a longer paragraph need not be read whole.
  const titled = (n: N): boolean => {
    const text = headingText(n, 64);
    return text.length <= 64 && isEndnotesHeading(text);
  };
  const read = new Map<number, NoteParagraph>();
  const paragraph = (i: number): NoteParagraph | undefined => {
    const n = children[i];
    if (n === undefined) return undefined;
    let p = read.get(i);
    if (p === undefined) {
      if (n.type === syntax.heading || (isParagraph(n) && titled(n))) p = { stop: true };
      else if (syntax.list !== undefined && n.type === syntax.list) p = n.ordered === true ? { number: n.start ?? 1, count: Math.max(1, n.children?.length ?? 0) } : {};
      else {
        const number = isParagraph(n) ? noteNumber(headingText(n, 16)) : undefined;
        // A short paragraph with no stop at its end (a title in italics): an untitled run of
        // notes may end before a few that end the document.
        p = number !== undefined ? { number } : isParagraph(n) && headingLike(headingText(n, 65)) ? { tail: true } : {};
      }
      read.set(i, p);
    }
    return p;
  };
  const skip = new Set(syntax.skip);
  const doc = {
    paragraph,
    notes: (k: number): readonly string[] => blockTexts(children[k]!, syntax),
    references: paragraphReferences((k) => (skip.has(children[k]!.type) ? '' : headingText(children[k]!))),
  };
  /** The first block after the last notes: an untitled run's references are looked for from there. */
  let since = 0;
  for (let i = 0; i < children.length; i++) {
    const n = children[i]!;
    const run = (n.type === syntax.heading || isParagraph(n)) && titled(n) ? endnoteRun(paragraph, i + 1) : paragraph(i)?.number === 1 ? untitledEndnoteRun(doc, i, since) : undefined;
    if (run === undefined) continue;
    for (let k = i; k < run; k++) out.add(k);
    i = run - 1;
    since = run;
  }
  return out;
}

/** Text that is only spaces and punctuation (between a caption's italic spans, after an image). */
const BARE = /^[\s\p{P}]*$/u;

/**
 * Whether the nodes are all of one kind: `kind`, links holding only such nodes, breaks and text
 * of spaces and punctuation; and at least one of `kind`.
 */
function only<N extends TreeNode>(nodes: readonly N[], kind: (n: N) => boolean, syntax: TreeSyntax<N>): boolean {
  let found = false;
  for (const n of nodes) {
    if (kind(n)) found = true;
    else if (syntax.link !== undefined && n.type === syntax.link && only((n.children ?? []) as readonly N[], kind, syntax)) found = true;
    else if (!(n.type === 'break' || n.type === 'Break' || (typeof n.value === 'string' && (n.children ?? []).length === 0 && BARE.test(n.value)))) return false;
  }
  return found;
}

/**
 * The paragraphs (children of the root) that are an image's caption (docs/documents.md,
 * "Captions"): a paragraph of italics only (with spaces and punctuation between, a linked
 * source) right after a paragraph of images only, or a paragraph of images followed by such
 * italics. Its italics are a caption, the author's own words, not a title: they are not listed in
 * the document's emphasis.
 */
function captionParagraphs<N extends TreeNode>(children: readonly N[], syntax: TreeSyntax<N>): Set<N> {
  const out = new Set<N>();
  if (syntax.image === undefined || syntax.paragraph === undefined || syntax.emphasis === undefined) return out;
  const emphasis = new Set(syntax.emphasis);
  const isImage = (n: N): boolean => n.type === syntax.image;
  const isEmphasis = (n: N): boolean => emphasis.has(n.type);
  for (let i = 0; i < children.length; i++) {
    const n = children[i]!;
    if (n.type !== syntax.paragraph) continue;
    const inside = (n.children ?? []) as readonly N[];
    const linkedImage = (c: N): boolean => isImage(c) || (syntax.link !== undefined && c.type === syntax.link && only((c.children ?? []) as readonly N[], isImage, syntax));
    const last = inside.findLastIndex(linkedImage);
    if (last === -1) continue;
    if (only(inside, isImage, syntax)) {
      const next = children[i + 1];
      if (next?.type === syntax.paragraph && only((next.children ?? []) as readonly N[], isEmphasis, syntax)) out.add(next);
    } else {
      // The image, then its caption in the same paragraph (on the next line).
      if (only(inside.slice(0, last + 1), isImage, syntax) && only(inside.slice(last + 1), isEmphasis, syntax)) out.add(n);
    }
  }
  return out;
}

/**
 * Whether the notes heading that is the root's child `i` starts notes (`titleHeadsNotes`): it
 * stands in the second half of the document, or the blocks of its section after it read as
 * citations (a list's items one by one; code and HTML not read).
 */
function headsNotes<N extends TreeNode>(root: N, i: number, syntax: TreeSyntax<N>): boolean {
  const children = (root.children ?? []) as readonly N[];
  const at = syntax.span(children[i]!)?.[0] ?? 0;
  // The end of the last block, not of the root: a document read in parts has no root span.
  const length = syntax.span(children.at(-1)!)?.[1] ?? at;
  const skip = new Set(syntax.skip);
  const after: string[] = [];
  for (let k = i + 1; k < children.length && after.length < TITLE_LOOKAHEAD && children[k]!.type !== syntax.heading; k++) {
    if (!skip.has(children[k]!.type)) after.push(...blockTexts(children[k]!, syntax));
  }
  return titleHeadsNotes(at, length, after);
}

/**
 * The prose of a document's syntax tree as regions of its source: the spans of text nodes, not
 * code, HTML or front matter; footnote definitions, everything after a top-level notes or
 * bibliography heading (until a heading of the same or a higher level) and endnotes written as
 * numbered paragraphs under a title (see `endnoteBlocks`) are `notes`; what a block
 * quotation holds is `quoted`. The walk keeps
 * its own stack, so a deeply nested document cannot overflow the call stack.
 *
 * @param root The tree.
 * @param syntax Its node types.
 * @returns Regions in source order; touching regions of one kind are joined.
 * @example
 * import { treeRegions, type TreeNode } from 'latinitsa/document';
 * interface Node extends TreeNode { at?: [number, number]; children?: Node[] }
 * const tree: Node = { type: 'root', children: [
 *   { type: 'paragraph', children: [{ type: 'text', value: 'Kirov', at: [0, 5] }] },
 *   { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Notes', at: [7, 12] }] },
 *   { type: 'paragraph', children: [{ type: 'text', value: 'Ibid.', at: [13, 18] }] }] };
 * treeRegions(tree, { text: ['text'], skip: [], heading: 'heading', footnote: [], span: (n) => n.at });
 * //=> [{ start: 0, end: 5, kind: 'text' }, { start: 7, end: 12, kind: 'notes' }, { start: 13, end: 18, kind: 'notes' }]
 */
export function treeRegions<N extends TreeNode>(root: N, syntax: TreeSyntax<N>): Region[] {
  return treeProse(root, syntax).regions;
}

/**
 * The prose of a document's syntax tree: its regions (see {@link treeRegions}) and the spans
 * [start, end) of its emphasis nodes outside code and HTML, in order (an emphasis inside another
 * is in the outer one's span and not listed again).
 *
 * @param root The tree.
 * @param syntax Its node types.
 * @returns Regions and emphasis spans.
 */
export function treeProse<N extends TreeNode>(root: N, syntax: TreeSyntax<N>): { regions: Region[]; emphasis: Array<[number, number]> } {
  const emphasisTypes = new Set(syntax.emphasis ?? []);
  const emphasis: Array<[number, number]> = [];
  const text = new Set(syntax.text);
  const skip = new Set(syntax.skip);
  const footnote = new Set(syntax.footnote);
  const quote = new Set(syntax.quote ?? []);
  const regions: Region[] = [];
  const endnotes = endnoteBlocks((root.children ?? []) as readonly N[], syntax);
  const captions = captionParagraphs((root.children ?? []) as readonly N[], syntax);
  let notesDepth: number | undefined;
  // Depth-first in source order: each frame is a node whose children are being visited.
  const stack: Array<{ node: N; notes: boolean; quoted: boolean; caption: boolean; next: number }> = [{ node: root, notes: false, quoted: false, caption: false, next: 0 }];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const children = (frame.node.children ?? []) as readonly N[];
    if (frame.next >= children.length) {
      stack.pop();
      continue;
    }
    const child = children[frame.next++]!;
    let notes = frame.notes;
    if (frame.node === root) {
      if (child.type === syntax.heading) {
        const depth = child.depth ?? 1;
        if (notesDepth !== undefined && depth <= notesDepth) notesDepth = undefined;
        if (notesDepth === undefined && isNotesHeading(headingText(child)) && headsNotes(root, frame.next - 1, syntax)) notesDepth = depth;
      }
      notes = notesDepth !== undefined || endnotes.has(frame.next - 1);
    }
    if (skip.has(child.type)) continue;
    if (text.has(child.type)) {
      const span = syntax.span(child);
      if (span !== undefined) pushRegion(regions, { start: span[0], end: span[1], kind: notes ? 'notes' : 'text', ...(frame.quoted ? { quoted: true as const } : {}) });
      continue;
    }
    if (emphasisTypes.has(child.type) && !frame.caption) {
      const span = syntax.span(child);
      if (span !== undefined && (emphasis.at(-1)?.[1] ?? -1) <= span[0]) emphasis.push([span[0], span[1]]);
    }
    stack.push({ node: child, notes: notes || footnote.has(child.type), quoted: frame.quoted || quote.has(child.type), caption: frame.caption || captions.has(child), next: 0 });
  }
  return { regions, emphasis };
}
