/**
 * Writes snippets/govreport.code-snippets from the renderer (server/src/core/render/snippets.ts).
 *   node --import tsx scripts/gen-snippets.ts          write the file
 *   node --import tsx scripts/gen-snippets.ts --check  exit 1 when the file is out of date
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { snippetsFileText } from '../server/src/core/render/snippets';

export const SNIPPETS_FILE = join(__dirname, '..', 'snippets', 'govreport.code-snippets');

function main(): void {
  const text = snippetsFileText();
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(SNIPPETS_FILE, 'utf8'); } catch { /* missing */ }
    if (current !== text) {
      console.error(`${SNIPPETS_FILE} is out of date: run node --import tsx scripts/gen-snippets.ts`);
      process.exit(1);
    }
    console.log('snippets up to date');
    return;
  }
  mkdirSync(dirname(SNIPPETS_FILE), { recursive: true });
  writeFileSync(SNIPPETS_FILE, text);
  console.log(`wrote ${SNIPPETS_FILE}`);
}

if (require.main === module) main();
