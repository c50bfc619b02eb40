import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis, type AnalyzeOptions } from '../../server/src/core/analyze';
import { stripBom } from '../../server/src/core/text/source';

export const SAMPLES_DIR = join(__dirname, '..', 'fixtures', 'samples');

/** Reads a sample report by the start of its file name ("000", "huaian"). */
export function sample(prefix: string): string {
  const name = readdirSync(SAMPLES_DIR).sort().find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no sample ${prefix}`);
  return stripBom(readFileSync(join(SAMPLES_DIR, name), 'utf8'));
}

export function analyzeSample(prefix: string, options?: AnalyzeOptions) {
  return analyze(sample(prefix), options);
}

/** Findings of some codes as "CODE@line:col" (1-based) with the text they cover. */
export function at(a: ReturnType<typeof analyze>, code: string) {
  return a.findings.filter((f) => f.code === code).map((f) => {
    const p = a.model.source.positionAt(f.span.start);
    return { line: p.line + 1, col: p.character + 1, text: a.model.source.slice(f.span), message: f.message, finding: f };
  });
}

export function codes(a: ReturnType<typeof analyze>): string[] {
  return a.findings.map((f) => f.code);
}

/** Everything the checker says, as comparable text (lazy fixes' edits are computed). */
export function said(a: Analysis): string {
  const out: string[] = [];
  for (const f of a.findings) {
    out.push(`${f.span.start}-${f.span.end} ${f.code} ${f.severity} ${f.message}`);
    for (const r of f.related ?? []) out.push(`  related ${r.uri ?? ''}${r.span.start}-${r.span.end} ${r.message}`);
    for (const fix of f.fixes ?? []) {
      out.push(`  fix ${fix.safe} ${fix.preferred ?? ''} ${fix.kind ?? ''} ${fix.title}`);
      for (const e of fix.edits) out.push(`    edit ${e.span.start}-${e.span.end} ${JSON.stringify(e.newText)}`);
    }
  }
  return out.join('\n');
}
