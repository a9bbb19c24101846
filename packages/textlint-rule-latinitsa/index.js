// textlint rule `latinitsa`: the latinitsa manuscript checker (issue 6) inside textlint.
// Options (all optional) are the checker's settings: { scheme, notesScheme, schemeOptions,
// notesSchemeOptions, allow, ignore }, e.g. in .textlintrc.json:
//   "rules": { "latinitsa": { "scheme": "modified-loc", "notesScheme": "ala-lc-simplified", "allow": ["Tchaikovsky"] } }
import { checkText } from 'latinitsa';

// Headings that start notes and bibliography (spec Q17): checked with `notesScheme`.
const NOTES_HEADING = /^(?:notes|endnotes|footnotes|bibliography|references|sources|works cited|select bibliography)\s*:?$/iu;
const SKIP = new Set(['Code', 'CodeBlock', 'Html', 'Comment', 'Image']);

function plain(node) {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plain).join('');
}

/** @type {import('@textlint/types').TextlintRuleModule} */
const reporter = (context, options = {}) => {
  const { Syntax, RuleError, report, locator, fixer, getSource } = context;
  const config = {};
  for (const key of ['scheme', 'notesScheme', 'schemeOptions', 'notesSchemeOptions', 'allow', 'ignore']) {
    if (options[key] !== undefined) config[key] = options[key];
  }
  return {
    [Syntax.DocumentExit](node) {
      const regions = [];
      let notesDepth;
      const walk = (n, inNotes) => {
        if (SKIP.has(n.type)) return;
        if (n.type === Syntax.Str) {
          regions.push({ start: n.range[0], end: n.range[1], kind: inNotes ? 'notes' : 'text' });
          return;
        }
        const notes = inNotes || /^footnoteDefinition$/iu.test(n.type);
        for (const child of n.children ?? []) {
          if (child.type === Syntax.Header) {
            const depth = child.depth ?? 1;
            if (notesDepth !== undefined && depth <= notesDepth) notesDepth = undefined;
            if (notesDepth === undefined && NOTES_HEADING.test(plain(child).trim())) notesDepth = depth;
          }
          walk(child, notes || (n === node && notesDepth !== undefined));
        }
      };
      walk(node, false);
      const text = getSource(node);
      const offset = node.range[0];
      const local = regions.map((r) => ({ ...r, start: r.start - offset, end: r.end - offset }));
      for (const d of checkText(text, { ...config, regions: local })) {
        const padding = locator.range(d.range);
        const error = d.fix === undefined
          ? new RuleError(`${d.reason} (${d.ruleId})`, { padding })
          : new RuleError(`${d.reason} (${d.ruleId})`, { padding, fix: fixer.replaceTextRange(d.fix.range, d.fix.text) });
        report(node, error);
      }
    },
  };
};

export default { linter: reporter, fixer: reporter };
