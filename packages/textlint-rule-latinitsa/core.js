// Inside the latinitsa repository the rule uses the checker compiled by `npm run build` (run by
// `npm test`); `npm pack`/`npm publish` of this package replaces this file by
// `export { checkText, treeRegions } from 'latinitsa'` (the prepack script), the package's dependency.
export { checkText, treeRegions } from '../../dist/index.js';
