// textlint rule `latinitsa`: the latinitsa manuscript checker inside textlint (docs/check.md).
// Options (all optional) are the checker's settings, those of .latinitsarc.json ({ scheme,
// notesScheme, schemeOptions, notesSchemeOptions, lang, allow, ignore, conventional,
// builtInConventional, minConfidence }; a name that is not one is an error), and a house scheme of
// one's own as a file, `schemeFile` / `notesSchemeFile` (relative to the textlint configuration's
// folder, as `.latinitsarc.json`'s are to it), e.g. in .textlintrc.json:
//   "rules": { "latinitsa": { "scheme": "modified-loc", "notesScheme": "ala-lc-simplified", "allow": ["Tchaikovsky"] } }
// Which parts of the document are prose, where the notes start and what is in italics (a
// published title's spelling is its publisher's) is decided by latinitsa's document module
// (treeProse), the same as for `latinitsa check`, on textlint's syntax tree; a plain-text file
// (.txt, .text: textlint's text plugin, whose tree has paragraphs only) is read as `latinitsa check`
// reads one (readDocument), line by line, so that a "Notes" line starts its notes.
// As `latinitsa check` does, it reads with the shipped lexicon, reports findings from `likely` up
// unless told otherwise, and offers textlint a fix only for the certain ones (`textlint --fix`
// applies every fix it is given).
import { checkText, readDocument } from 'latinitsa';
import { checkSettingNames, confidenceLevels, DEFAULT_MIN_CONFIDENCE } from 'latinitsa/check';
import { LatinitsaError } from 'latinitsa';
import { treeProse } from 'latinitsa/document';
import { loadLexicon, readSchemeFile } from 'latinitsa/io';
import path from 'node:path';

/** The options that name a scheme file of one's own, and the setting each stands for. */
const FILE_SETTINGS = { schemeFile: 'scheme', notesSchemeFile: 'notesScheme' };
/** Scheme files read, by path: read once per process, as the lexicon is. */
const schemeFiles = new Map();

/** textlint's node types (TxtAST): prose, never read, headings, paragraphs and lists (endnotes), footnotes, block quotations, italics, images and links (captions). */
const TXTAST = {
  text: ['Str'],
  skip: ['Code', 'CodeBlock', 'Html', 'Comment', 'Image', 'Yaml'],
  heading: 'Header',
  paragraph: 'Paragraph',
  list: 'List',
  footnote: ['FootnoteDefinition', 'footnoteDefinition'],
  quote: ['BlockQuote'],
  emphasis: ['Emphasis'],
  image: 'Image',
  link: 'Link',
  span: (node) => node.range,
};

/** @type {import('@textlint/types').TextlintRuleModule} */
/** The extensions textlint's text plugin reads: plain text, read as `latinitsa check` reads a .txt. */
const PLAIN_TEXT = /\.(?:txt|text)$/iu;

const reporter = (context, options = {}) => {
  const { Syntax, RuleError, report, locator, fixer, getSource } = context;
  const plainText = PLAIN_TEXT.test(context.getFilePath?.() ?? '');
  const config = { minConfidence: DEFAULT_MIN_CONFIDENCE };
  /** The scheme files named, by the setting they stand for: [path, name as written]. */
  const files = {};
  for (const [key, value] of Object.entries(options)) {
    // textlint's own key of a rule's options; every other one is a setting of the checker's.
    if (key === 'severity' || value === undefined) continue;
    if (Object.hasOwn(FILE_SETTINGS, key)) {
      if (typeof value !== 'string' || value === '') throw new LatinitsaError('ERR_INVALID_OPTION', `textlint-rule-latinitsa: "${key}" must be a file name (a scheme of your own, relative to the textlint configuration)`);
      files[FILE_SETTINGS[key]] = [path.resolve(context.getConfigBaseDir?.() ?? process.cwd(), value), value];
      continue;
    }
    if (!checkSettingNames.includes(key)) throw new LatinitsaError('ERR_INVALID_OPTION', `textlint-rule-latinitsa: "${key}" is not a setting (known: ${[...checkSettingNames, ...Object.keys(FILE_SETTINGS)].join(', ')})`);
    config[key] = value;
  }
  for (const [fileKey, key] of Object.entries(FILE_SETTINGS)) {
    if (files[key] !== undefined && config[key] !== undefined) throw new LatinitsaError('ERR_INVALID_OPTION', `textlint-rule-latinitsa: "${fileKey}" and "${key}" both name the scheme; give one of them`);
  }
  return {
    // textlint waits for a handler's promise: the lexicon is read once per process (loadLexicon caches it).
    async [Syntax.DocumentExit](node) {
      const lexicon = await loadLexicon();
      for (const [key, [file, name]] of Object.entries(files)) {
        if (!schemeFiles.has(file)) schemeFiles.set(file, readSchemeFile(file, { name, own: true }));
        config[key] = await schemeFiles.get(file);
      }
      const text = getSource(node);
      const offset = node.range[0];
      // textlint's text plugin makes paragraphs of a plain text, with no headings: a "Notes" line
      // would be running text, and a note's citation fixed unattended. latinitsa reads the text
      // itself, as `latinitsa check` does (docs/documents.md); its offsets are past a byte-order mark.
      const plain = plainText ? readDocument({ text, format: 'text' }) : undefined;
      const shift = plain?.bom === true ? 1 : 0;
      const prose = plain === undefined ? treeProse(node, TXTAST) : { regions: plain.regions.map((r) => ({ ...r, start: r.start + shift + offset, end: r.end + shift + offset })), emphasis: [] };
      const regions = prose.regions.map((r) => ({ ...r, start: r.start - offset, end: r.end - offset }));
      const emphasis = prose.emphasis.map(([start, end]) => [start - offset, end - offset]);
      for (const d of checkText(text, { ...config, regions, emphasis, ...(lexicon === undefined ? {} : { lexicon }) })) {
        const padding = locator.range([d.place.start.offset, d.place.end.offset]);
        // The band says which findings `textlint --fix` applies: the certain ones.
        const message = `${d.reason} (${d.ruleId}, ${d.data?.confidence ?? 'likely'})`;
        const sure = d.fix !== undefined && d.confidence >= confidenceLevels.certain;
        const error = sure ? new RuleError(message, { padding, fix: fixer.replaceTextRange(d.fix.range, d.fix.text) }) : new RuleError(message, { padding });
        report(node, error);
      }
    },
  };
};

export default { linter: reporter, fixer: reporter };
