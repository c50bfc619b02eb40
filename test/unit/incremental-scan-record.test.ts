/**
 * The prose cache writes each version's scan record on the buffers of the version before the
 * previous one (incremental/proseCache.ts recordFor). A reused buffer must hold, after the build,
 * exactly what a fresh scan records: edits that grow and shrink the line count (buffers too small,
 * larger ones viewed shorter), edits at the start and the end, and a build from scratch between.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ProseCache } from '../../server/src/core/incremental/proseCache';
import { parseReport } from '../../server/src/core/parse/report';
import { buildProse, buildProseRecorded, lineKinds, newScanRecord, type ScanRecord } from '../../server/src/core/prose/prose';
import { sample } from './helpers';

const plain = (r: ScanRecord) => ({ flatAt: [...r.flatAt], gap: [...r.gap], flags: [...r.flags], last: [...r.last] });

test('a scan record written on reused buffers equals a fresh scan\'s, over edits that grow and shrink the text', () => {
  const base = sample('huaian');
  const lines = base.split('\n');
  const texts: string[] = [base];
  const edit = (f: (t: string) => string) => texts.push(f(texts[texts.length - 1]!));
  edit((t) => '前言。\n' + t);
  edit((t) => t.slice(0, 40) + '\n\n第二段。\n' + t.slice(40));
  edit((t) => t + '\n\n后记。\n');
  edit((t) => t.split('\n').slice(0, Math.floor(lines.length * 0.9)).join('\n')); // fewer lines: larger buffers, viewed shorter
  edit((t) => t.split('\n').slice(0, Math.floor(lines.length * 0.85)).join('\n'));
  edit((t) => `${t}\n${base}`); // twice the lines: buffers too small, fresh ones
  edit((t) => t.replace('\n', '\n\n'));
  edit((t) => t.slice(0, 200) + t.slice(260));
  edit((t) => t.slice(0, t.length - 30));
  edit(() => '短文。'); // a build that keeps little
  edit(() => base);
  edit((t) => '。' + t);
  edit((t) => t.slice(1));
  const cache = new ProseCache();
  texts.forEach((text, i) => {
    const model = parseReport(text);
    const prose = cache.build(model);
    assert.deepStrictEqual(prose, buildProse(model), `prose of version ${i}`);
    const fresh = newScanRecord(model.source.lineCount);
    buildProseRecorded(model, lineKinds(model), fresh);
    const rec = cache.recordOf(prose);
    assert.ok(rec, `version ${i} has a record`);
    assert.deepStrictEqual(plain(rec), plain(fresh), `scan record of version ${i}`);
  });
});
