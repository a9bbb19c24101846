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
  const tree = fromMarkdown(parsed, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] }) as MdNode;
  return treeRegions(tree, MDAST);
}
