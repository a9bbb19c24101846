// Inside the latinitsa repository the rule uses the checker compiled by `npm run build` (run by
// `npm test`); `npm pack`/`npm publish` of this package replaces this file by
// `export { checkText } from 'latinitsa'` and `export { treeRegions } from 'latinitsa/document'` (the prepack script), the package's dependency.
export { checkText } from '../../dist/index.js';
export { treeRegions } from '../../dist/document/index.js';
