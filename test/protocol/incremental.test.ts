/**
 * Incremental analysis over LSP: edits on a large report (incremental text sync: ranges) give the
 * same diagnostics as opening the edited text afresh, and the server's idle check against a full
 * parse finds nothing to correct.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ensureBuilt, readSample, sleep, TestClient } from './client';

interface Pos { line: number; character: number }

/** The position of `offset` in `text` (lines end at \n; the samples have no lone \r). */
function positionAt(text: string, offset: number): Pos {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Diagnostics with the document's uri taken out of related information (two uris are compared). */
function comparable(p: PublishDiagnosticsParams): Diagnostic[] {
  return JSON.parse(JSON.stringify(p.diagnostics).split(JSON.stringify(p.uri).slice(1, -1)).join('<doc>')) as Diagnostic[];
}

describe('incremental analysis over LSP', () => {
  let client: TestClient;
  const base = readSample('huaian').text;
  // ~40 reports joined: a few hundred KB, 160 tables.
  const big = Array.from({ length: 40 }, () => base).join('\n');
  const edited = 'file:///reports/edited.txt';
  const fresh = 'file:///reports/fresh.txt';

  before(async () => {
    ensureBuilt();
    client = new TestClient();
    await client.initialize();
  });

  after(async () => {
    await client.stop();
  });

  it('edits (typing, a table cell, a deleted and a pasted row) publish what reopening the text publishes', async () => {
    client.open(edited, big, 'govreport', 1);
    await client.waitForDiagnostics(edited, (p) => p.version === 1, 30000);
    let text = big;
    let version = 1;
    const edit = async (start: number, end: number, insert: string) => {
      const range = { start: positionAt(text, start), end: positionAt(text, end) };
      text = text.slice(0, start) + insert + text.slice(end);
      version++;
      client.change(edited, version, [{ range, text: insert }]);
      return client.waitForDiagnostics(edited, (p) => p.version === version, 30000);
    };
    // Typing at the end of line 3, in the first report.
    const line3 = text.split('\n').slice(0, 3).join('\n').length;
    await edit(line3, line3, '。');
    // A digit in a table cell of the 20th report: a sum no longer adds up there.
    const report20 = text.indexOf(base.slice(0, 40), Math.floor(text.length / 2));
    const cell = text.indexOf('|', text.indexOf('\n|', report20) + 2);
    const digit = text.slice(cell).search(/\d/) + cell;
    const afterCell = await edit(digit, digit + 1, String((Number(text[digit]) + 3) % 10));
    // A whole table row deleted further on, and a row pasted into another table.
    const rowStart = text.indexOf('\n|', text.indexOf('\n|', report20 + 3000) + 5) + 1;
    const rowEnd = text.indexOf('\n', rowStart) + 1;
    const row = text.slice(rowStart, rowEnd);
    await edit(rowStart, rowEnd, '');
    const target = text.indexOf('\n|', Math.floor(text.length * 0.8)) + 1;
    const last = await edit(target, target, row);
    assert.ok(afterCell.diagnostics.length > 0);

    client.open(fresh, text, 'govreport', 1);
    const reopened = await client.waitForDiagnostics(fresh, (p) => p.version === 1, 30000);
    assert.deepEqual(comparable(last), comparable(reopened));
  });

  it('the idle check against a full parse finds no difference', async () => {
    await sleep(1500);
    assert.ok(!client.logs.some((l) => l.includes('differed')), client.logs.join('\n'));
  });
});
