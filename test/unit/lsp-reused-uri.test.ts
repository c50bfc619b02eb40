/**
 * The per-version analysis cache (server/src/lsp/analysisCache.ts) with a reused URI: VS Code gives
 * a new untitled document the URI untitled:Untitled-1 of a closed one, at version 1 again. A cache
 * keyed by (uri, version) alone then answered with the previous report's parse and findings.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { AnalysisCache } from '../../server/src/lsp/analysisCache';
import { sample } from './helpers';

const doc = (text: string, version = 1) => ({ uri: 'untitled:Untitled-1', languageId: 'plaintext', version, getText: () => text });

describe('analysis cache: a URI reused at the same version with other text', () => {
  const a = sample('huaian');
  const b = sample('004_pingtan');

  it('parses and analyses the new text, not the cached one of the same version', () => {
    const cache = new AnalysisCache();
    const first = cache.analysis(doc(a), {});
    assert.equal(first.model.year, 2024);
    // no delete in between (a didOpen that came before the old document's didClose)
    const second = cache.analysis(doc(b), {});
    assert.equal(second.model.source.text, b);
    assert.equal(second.model.year, 2020);
    assert.notDeepEqual(second.findings.map((f) => f.code), first.findings.map((f) => f.code));
    assert.equal(cache.peek(doc(a), {}), undefined, 'the old analysis is not served for the old text either');
  });

  it('the same text under a fresh document object is still a cache hit', () => {
    const cache = new AnalysisCache();
    const first = cache.analysis(doc(a), {});
    assert.equal(cache.analysis(doc(a), {}), first);
    assert.equal(cache.model(doc(a)), first.model);
  });
});
