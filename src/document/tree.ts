import { isNotesHeading } from './notes.ts';
import { pushRegion, type Region } from './regions.ts';

/** A node of a syntax tree: mdast (Markdown) and textlint's TxtAST both have this form. */
export interface TreeNode {
  type: string;
  children?: readonly TreeNode[];
  value?: unknown;
  depth?: number;
}

/** How to read one kind of syntax tree (see {@link treeRegions}). */
export interface TreeSyntax<N extends TreeNode = TreeNode> {
  /** Node types whose source span is prose. */
  text: readonly string[];
  /** Node types never read, with all they contain (code, HTML, front matter). */
  skip: readonly string[];
  /** The heading node type (its `depth` is 1–6). */
  heading: string;
  /** Node types of footnote definitions: notes wherever they stand. */
  footnote: readonly string[];
  /** Node types of block quotations: what they hold is `quoted` (absent: none). */
  quote?: readonly string[];
  /** Node types of emphasis (italics): their spans are the document's `emphasis` (absent: none). */
  emphasis?: readonly string[];
  /** A node's offsets [start, end) in the source. */
  span(node: N): readonly [number, number] | undefined;
}

/** The text of a heading: the values of the nodes under it. */
function headingText(node: TreeNode): string {
  let out = '';
  const stack: TreeNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n.value === 'string') out += n.value;
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/**
 * The prose of a document's syntax tree as regions of its source: the spans of text nodes, not
 * code, HTML or front matter; footnote definitions and everything after a top-level notes or
 * bibliography heading (until a heading of the same or a higher level) are `notes`; what a block
 * quotation holds is `quoted`. The walk keeps
 * its own stack, so a deeply nested document cannot overflow the call stack.
 *
 * @param root The tree.
 * @param syntax Its node types.
 * @returns Regions in source order; touching regions of one kind are joined.
 * @example
 * import { treeRegions } from 'latinitsa/document';
 * const tree = { type: 'root', children: [
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
  let notesDepth: number | undefined;
  // Depth-first in source order: each frame is a node whose children are being visited.
  const stack: Array<{ node: N; notes: boolean; quoted: boolean; next: number }> = [{ node: root, notes: false, quoted: false, next: 0 }];
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
        if (notesDepth === undefined && isNotesHeading(headingText(child))) notesDepth = depth;
      }
      notes = notesDepth !== undefined;
    }
    if (skip.has(child.type)) continue;
    if (text.has(child.type)) {
      const span = syntax.span(child);
      if (span !== undefined) pushRegion(regions, { start: span[0], end: span[1], kind: notes ? 'notes' : 'text', ...(frame.quoted ? { quoted: true as const } : {}) });
      continue;
    }
    if (emphasisTypes.has(child.type)) {
      const span = syntax.span(child);
      if (span !== undefined && (emphasis.at(-1)?.[1] ?? -1) <= span[0]) emphasis.push([span[0], span[1]]);
    }
    stack.push({ node: child, notes: notes || footnote.has(child.type), quoted: frame.quoted || quote.has(child.type), next: 0 });
  }
  return { regions, emphasis };
}
