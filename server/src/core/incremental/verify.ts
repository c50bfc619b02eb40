/**
 * The check of an incrementally parsed model against a full parse (the server runs it when typing
 * pauses, lsp/analysisCache.ts), in steps: parseReport's own parts (the lines, the tables read
 * a few thousand lines at a time, the rest) and then the comparison in slices. Run whole, a 1 MB
 * report's check blocked the server ~150 ms, and a keystroke arriving meanwhile waited for all of
 * it; between steps the server answers and a newer version stops the check. The steps are
 * parseReport's: a test compares both.
 */
import { parseReportSafely } from '../isolation';
import type { ReportModel } from '../model/types';
import { assembleReport } from '../parse/report';
import { readTablesSteps } from '../parse/tables/index';
import { SourceText } from '../text/source';
import { modelDifferenceSteps } from './compare';

export interface Verification {
  /** parseReportSafely of the model's text. */
  full: ReportModel;
  /** Where `full` and the checked model first differ; null when they are equal. */
  difference: string | null;
}

/** parseReportSafely(model.source.text) and modelDifference(model, it), a step at a time. */
export function* verifySteps(model: ReportModel): Generator<void, Verification, void> {
  const text = model.source.text;
  let full: ReportModel;
  try {
    // parseReport(text), as parse/report.ts composes it.
    const source = new SourceText(text);
    yield;
    const tables = yield* readTablesSteps(source);
    yield;
    full = assembleReport(source, tables);
  } catch {
    // The full parse throws the same way: it makes the GR000 fallback model.
    full = parseReportSafely(text);
  }
  yield;
  return { full, difference: yield* modelDifferenceSteps(model, full) };
}

/** verifySteps run to the end. */
export function verify(model: ReportModel): Verification {
  const steps = verifySteps(model);
  let s = steps.next();
  while (!s.done) s = steps.next();
  return s.value;
}
