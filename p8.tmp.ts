import { checkText } from './src/index.ts';
import { loadLexicon } from './src/reverse/node-lexicon.ts';
const lexicon = await loadLexicon();
const t = process.argv[2]!; const scheme = process.argv[3];
for (const d of checkText(t, { lexicon, ...(scheme ? { scheme } : {}) })) console.log(d.ruleId, d.actual, '->', d.expected[0], d.confidence, d.data?.cyrillic, d.fix ? 'fix' : 'nofix', d.note);
