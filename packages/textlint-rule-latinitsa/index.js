// textlint rule `latinitsa`: the latinitsa manuscript checker inside textlint (docs/check.md).
// Options (all optional) are the checker's settings: { scheme, notesScheme, schemeOptions,
// notesSchemeOptions, allow, ignore }, e.g. in .textlintrc.json:
//   "rules": { "latinitsa": { "scheme": "modified-loc", "notesScheme": "ala-lc-simplified", "allow": ["Tchaikovsky"] } }
// Which parts of the document are prose and where the notes start is decided by latinitsa's
// document module (treeRegions), the same as for `latinitsa check`, on textlint's syntax tree.
import { checkText } from 'latinitsa';
import { treeRegions } from 'latinitsa/document';

/** textlint's node types (TxtAST): prose, never read, headings, footnotes. */
const TXTAST = {
  text: ['Str'],
  skip: ['Code', 'CodeBlock', 'Html', 'Comment', 'Image', 'Yaml'],
  heading: 'Header',
  footnote: ['FootnoteDefinition', 'footnoteDefinition'],
  span: (node) => node.range,
};

/** @type {import('@textlint/types').TextlintRuleModule} */
const reporter = (context, options = {}) => {
  const { Syntax, RuleError, report, locator, fixer, getSource } = context;
  const config = {};
  for (const key of ['scheme', 'notesScheme', 'schemeOptions', 'notesSchemeOptions', 'allow', 'ignore']) {
    if (options[key] !== undefined) config[key] = options[key];
  }
  return {
    [Syntax.DocumentExit](node) {
      const text = getSource(node);
      const offset = node.range[0];
      const regions = treeRegions(node, TXTAST).map((r) => ({ ...r, start: r.start - offset, end: r.end - offset }));
      for (const d of checkText(text, { ...config, regions })) {
        const padding = locator.range([d.place.start.offset, d.place.end.offset]);
        const message = `${d.reason} (${d.ruleId})`;
        const error = d.fix === undefined ? new RuleError(message, { padding }) : new RuleError(message, { padding, fix: fixer.replaceTextRange(d.fix.range, d.fix.text) });
        report(node, error);
      }
    },
  };
};

export default { linter: reporter, fixer: reporter };
