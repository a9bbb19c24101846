// Markdown manuscripts for the checker (issue 6): which parts of the source are prose.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { CheckRegion } from '../check/types.ts';

interface MdNode {
  type: string;
  depth?: number;
  children?: MdNode[];
  value?: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
}

// Headings that start the notes and bibliography (spec Q17): checked with the notes scheme.
const NOTES_HEADING = /^(?:notes|endnotes|footnotes|bibliography|references|sources|works cited|select bibliography)\s*:?$/iu;

function plain(node: MdNode): string {
  return node.value ?? (node.children ?? []).map(plain).join('');
}

/**
 * The prose of a Markdown document as regions of its source: text nodes (including link text and
 * footnote definitions), not code blocks, inline code, HTML or URLs. Footnote definitions and
 * everything under a "Notes" / "Bibliography" / "References" heading are `notes`.
 *
 * @param source The Markdown source.
 * @returns Regions, in source order, with offsets into `source`.
 * @example
 * import { markdownRegions } from 'latinitsa/io';
 * markdownRegions('Zinoviev `Zinovyev`.[^1]\n\n[^1]: Zinov’ev.\n').map((r) => r.kind);
 * //=> ['text', 'text', 'notes']
 */
export function markdownRegions(source: string): CheckRegion[] {
  const tree = fromMarkdown(source, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] }) as MdNode;
  const regions: CheckRegion[] = [];
  let notesDepth: number | undefined;
  const walk = (node: MdNode, inNotes: boolean): void => {
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) regions.push({ start, end, kind: inNotes ? 'notes' : 'text' });
      return;
    }
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') return;
    const notes = inNotes || node.type === 'footnoteDefinition';
    for (const child of node.children ?? []) {
      if (child.type === 'heading') {
        const depth = child.depth ?? 1;
        if (notesDepth !== undefined && depth <= notesDepth) notesDepth = undefined;
        if (notesDepth === undefined && NOTES_HEADING.test(plain(child).trim())) notesDepth = depth;
      }
      walk(child, notes || (node.type === 'root' && notesDepth !== undefined));
    }
  };
  walk(tree, false);
  return regions;
}
