/** The synthetic large report of `npm run bench` and `npm run profile`. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripBom } from '../server/src/core/text/source';

/** A report of about `bytes` UTF-8 bytes: the huaian report, then its body (sections and tables) repeated. */
export function syntheticReport(SAMPLES: string, bytes: number): string {
  const base = stripBom(readFileSync(join(SAMPLES, 'huaian-2024.txt'), 'utf8'));
  const others = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt') && !f.startsWith('huaian'))
    .map((f) => stripBom(readFileSync(join(SAMPLES, f), 'utf8')));
  const parts = [base];
  let size = Buffer.byteLength(base);
  let i = 0;
  while (size < bytes) {
    const chunk = '\n' + (i % 2 === 0 ? base : others[i % others.length]!);
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
    i++;
  }
  return parts.join('');
}

