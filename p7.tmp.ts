import { fallbackKey } from '/work/wt-14/src/check/fallback.ts';
import { createReader } from '/work/wt-14/src/reverse/readings.ts';
import { loadLexicon } from '/work/wt-14/src/reverse/node-lexicon.ts';
const lexicon = await loadLexicon();
const r = createReader({ lexicon });
for (const w of process.argv.slice(2)) { const rs = r.read(w); console.log(w, fallbackKey(w), rs.slice(0,4).map(x => `${x.cyrillic}:${x.score}:${(x.score/[...x.cyrillic].length).toFixed(2)}:${x.flags}:${x.schemes.map(i=>r.schemes[i]).join(',').slice(0,50)}`).join('  ')); }
