/**
 * analyze() for a document that changes by edits: the model comes from the incremental parser,
 * the rules run as in analyzeModel. `analyze(text, options)` of the same text is the reference and
 * gives the same result (test/unit/incremental.test.ts).
 */
import { analyzeModel, type Analysis, type AnalyzeOptions } from '../analyze';
import { parseReportSafely } from '../isolation';
import type { ReportModel } from '../model/types';
import { provideFacts } from '../prose/facts';
import { FactsCache } from './factsCache';
import { IncrementalParser } from './parser';

export class IncrementalDocument {
  readonly parser = new IncrementalParser();
  /** The prose facts of the models made here (getFacts asks it), sentence by sentence. */
  readonly facts = new FactsCache();

  /** parseReportSafely(text), reusing what the previous version's parse read. */
  model(text: string, onError?: (err: unknown) => void): ReportModel {
    try {
      const model = this.parser.parse(text);
      provideFacts(model, (m) => this.facts.extract(m));
      return model;
    } catch {
      this.facts.clear();
      // The full parse decides (it throws the same way or not) and makes the GR000 fallback model.
      this.parser.reset();
      return parseReportSafely(text, onError);
    }
  }

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    return analyzeModel(this.model(text, (err) => options.onInternalError?.('parse', err)), options);
  }
}
