/**
 * The golden snapshot: everything the checker says about each fixture report (findings in both
 * locales with their exact ranges, related information and fix edits; the outline; fix-all's
 * changes), as text, one file per report under test/fixtures/golden/. test/unit/golden.test.ts
 * compares it byte for byte, so a refactoring that changes any output fails. After an intended
 * change of output: `npm run golden:update`, and review the diff like code.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { analyze } from '../server/src/core/analyze';
import { documentSymbols, type OutlineSymbol } from '../server/src/core/features/symbols';
import { computeFixAll } from '../server/src/core/features/fixAll';
import { decodeBytes } from '../server/src/cli/encoding';
import type { Finding, Locale } from '../server/src/core/types';
import type { SourceText } from '../server/src/core/text/source';

const ROOT = join(__dirname, '..');
export const GOLDEN_DIR = join(ROOT, 'test', 'fixtures', 'golden');
const INPUT_DIRS = ['samples', 'pairs', 'encodings'].map((d) => join(ROOT, 'test', 'fixtures', d));

export function goldenInputs(): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  for (const dir of INPUT_DIRS) {
    for (const f of readdirSync(dir).sort()) {
      if (f === 'README.md') continue;
      out.push({ name: `${basename(dir)}__${f}`, path: join(dir, f) });
    }
  }
  return out;
}

function pos(src: SourceText, offset: number): string {
  const p = src.positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

function range(src: SourceText, s: { start: number; end: number }): string {
  return `${pos(src, s.start)}-${pos(src, s.end)}`;
}

function findingLines(src: SourceText, f: Finding): string[] {
  const lines = [`${range(src, f.span)} ${f.code} ${f.severity} ${JSON.stringify(f.message)}`];
  for (const r of f.related ?? []) lines.push(`  related ${r.uri ?? ''}${range(src, r.span)} ${JSON.stringify(r.message)}`);
  for (const fix of f.fixes ?? []) {
    lines.push(`  fix${fix.safe ? ' safe' : ''}${fix.preferred ? ' preferred' : ''}${fix.kind ? ` ${fix.kind}` : ''} ${JSON.stringify(fix.title)}`);
    for (const e of fix.edits) lines.push(`    edit ${range(src, e.span)} ${JSON.stringify(e.newText)}`);
  }
  return lines;
}

function symbolLines(src: SourceText, syms: OutlineSymbol[], depth: number): string[] {
  return syms.flatMap((s) => [
    `${'  '.repeat(depth)}${s.kind} ${JSON.stringify(s.name)}${s.detail ? ` (${s.detail})` : ''} ${range(src, s.span)} sel ${range(src, s.selectionSpan)}`,
    ...symbolLines(src, s.children, depth + 1),
  ]);
}

export function goldenOf(text: string): string {
  const out: string[] = [];
  for (const locale of ['zh-cn', 'en'] as Locale[]) {
    const a = analyze(text, { locale });
    const src = a.model.source;
    out.push(`# findings ${locale} (year ${a.model.year ?? '-'}, used ${a.model.usedVersion ?? '-'}, expected ${a.model.expectedVersion ?? '-'})`);
    for (const f of a.findings) out.push(...findingLines(src, f));
    if (locale === 'zh-cn') {
      out.push('# outline');
      out.push(...symbolLines(src, documentSymbols(a.model), 0));
      const fx = computeFixAll(text, { locale });
      out.push(`# fix-all converged=${fx.converged} rounds=${fx.rounds} remaining=${fx.remaining.length}`);
      for (const e of fx.edits) out.push(`edit ${range(src, e.span)} ${JSON.stringify(e.newText)}`);
    }
  }
  return out.join('\n') + '\n';
}

if (require.main === module) {
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const { name, path } of goldenInputs()) {
    writeFileSync(join(GOLDEN_DIR, `${name}.golden`), goldenOf(decodeBytes(readFileSync(path)).text));
  }
  console.log(`golden snapshot written to ${GOLDEN_DIR}`);
}
