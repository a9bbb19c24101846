import { readFileSync } from 'node:fs';
const [tsv, ...rest] = process.argv.slice(2);
const rows = readFileSync(tsv!, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const seen = new Map<string, { n: number; row: string[] }>();
for (const r of rows) { const k = `${r[2]} -> ${r[3]} [${r[4]}]`; const s = seen.get(k); if (s) s.n++; else seen.set(k, { n: 1, row: r }); }
for (const [k, { n, row }] of [...seen].sort((a, b) => b[1].n - a[1].n)) {
  const text = readFileSync(`../shared/realtext/${row[0]}`, 'utf8').split('\n')[Number(row[1]) - 1]!;
  const col = Number(row[8]) - 1;
  console.log(`${n}\t${k} ${row[9]}\t…${text.slice(Math.max(0, col - 60), col + 50).replace(/\s+/g, ' ')}…`);
}
