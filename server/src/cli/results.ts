/**
 * A thread's plain result (participant.ts) → what the formats read. Positions were computed where
 * the text was: the formats look up the ranges of the findings they print, nothing else.
 */
import type { Finding } from '../core/index';
import type { AnalysisView, CheckedFile } from './formats/types';
import { internalError, type Checked, type PlainFinding, type Position } from './participant';

/** positionAt / rangeOf for the offsets of some findings (all the formats ask for). */
export class KnownPositions {
  private readonly at = new Map<number, Position>();

  constructor(findings: readonly PlainFinding[]) {
    for (const f of findings) {
      this.at.set(f.start, f.range.start);
      this.at.set(f.end, f.range.end);
    }
  }

  positionAt(offset: number): Position {
    const p = this.at.get(offset);
    if (!p) throw new Error(`no position known for offset ${offset}`);
    return { ...p };
  }

  rangeOf(span: { start: number; end: number }): { start: Position; end: Position } {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

export function checkedFile(display: string, c: Checked | undefined): CheckedFile {
  if (!c || c.kind === 'error') return { display, analysis: null, findings: [], error: c?.message ?? internalError('not analysed') };
  const findings: Finding[] = c.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, span: { start: f.start, end: f.end } }));
  const analysis: AnalysisView = {
    model: { source: new KnownPositions(c.findings), year: c.year, usedVersion: c.usedVersion as AnalysisView['model']['usedVersion'], legacyStructure: c.legacyStructure },
    findings,
  };
  return { display, analysis, findings };
}
