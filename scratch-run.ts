import { readFileSync } from 'node:fs';
import { analyze } from './server/src/core/analyze';
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  const a = analyze(text);
  const m = a.model;
  console.log('==', f, 'year', m.year, 'used', m.usedVersion, 'exp', m.expectedVersion, 'legacy', m.legacyStructure, 'title', m.title?.text?.slice(0,60));
  console.log('sections', m.sections.map((s) => `${s.heading.ordinal}:${s.key}:${s.heading.title}`).join(' | '));
  console.log('tables', m.tables.map((t) => `${t.key}/${t.shape}/${t.readable}/rows${t.rows.length}`).join(' '));
  const counts: Record<string, number> = {};
  for (const x of a.findings) counts[x.code] = (counts[x.code] ?? 0) + 1;
  console.log(counts);
  if (process.env.V) for (const x of a.findings) console.log(x.code, x.severity, x.message.slice(0, 120));
}
