// `npm run docs:schemes`: after adding, changing or removing a scheme or language file, brings
// everything derived from the data up to date (docs/scheme-format.md):
// 1. src/schemes/builtin.ts (the imports of every data file) and src/schemes/types.ts (the types,
//    from the JSON Schemas): scripts/generate-schemes.ts;
// 2. docs/schemes/<id>.md and the index: scripts/scheme-docs.ts, imported only after step 1 so
//    that it sees the new files.
// test/scheme-registry.test.ts and test/scheme-docs.test.ts check that all of it is current.
import path from 'node:path';
import { writeSchemeModules } from './generate-schemes.ts';

if (await writeSchemeModules()) console.log('wrote src/schemes/builtin.ts and src/schemes/types.ts');
const { docsDir, writeSchemeDocs } = await import('./scheme-docs.ts');
const count = await writeSchemeDocs();
console.log(`wrote ${count} files to ${path.relative(process.cwd(), docsDir) || docsDir}`);
