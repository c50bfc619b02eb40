/**
 * publishDiagnostics encoded ahead (server/src/lsp/preEncoded.ts): the stdio writer must put on the
 * wire exactly the bytes vscode-jsonrpc's own writer puts there for the same message.
 */
import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { StreamMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { encodeAhead, preEncodingStdioWriter, setEncodeAhead } from '../../server/src/lsp/preEncoded';

/** Everything `write` puts on a stream, as one buffer. */
async function bytesOf(make: (out: PassThrough) => MessageWriter, messages: Message[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (b: Buffer) => chunks.push(b));
  const writer = make(out);
  for (const m of messages) await writer.write(m);
  return Buffer.concat(chunks);
}

const notification = (params: object): Message => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params } as Message);

const text = fc.string({ unit: fc.constantFrom('a', '年', '"', '\\', '\n', '\u0000', '\u2028', '😀', '\uD800', '/', '<') });
const diagnostic = fc.record({
  range: fc.record({ start: fc.record({ line: fc.nat(), character: fc.nat() }), end: fc.record({ line: fc.nat(), character: fc.nat() }) }),
  severity: fc.integer({ min: 1, max: 4 }),
  code: text,
  source: fc.constant('govreport'),
  message: text,
}, { requiredKeys: ['range', 'message'] });

describe('publishDiagnostics encoded ahead', () => {
  it('writes the same bytes as vscode-jsonrpc for the same messages', async () => {
    try {
      await fc.assert(fc.asyncProperty(fc.array(diagnostic, { maxLength: 20 }), text, fc.option(fc.nat()), async (diagnostics, uri, version) => {
        const params = version === null ? { uri, diagnostics } : { uri, version, diagnostics };
        const other: Message = { jsonrpc: '2.0', id: 1, result: { uri } } as Message;
        const expected = await bytesOf((out) => new StreamMessageWriter(out), [notification(params), other, notification({ uri, diagnostics: [] })]);
        const actual = await bytesOf((out) => {
          const w = preEncodingStdioWriter(out);
          encodeAhead(params);
          return w;
        }, [notification(params), other, notification({ uri, diagnostics: [] })]);
        assert.equal(actual.toString('utf8'), expected.toString('utf8'));
        assert.ok(actual.equals(expected));
      }), { numRuns: 150, seed: 5 });
    } finally {
      setEncodeAhead(false);
    }
  });

  it('sends the bytes encoded ahead for that params object, and only for it and that method', async () => {
    try {
      const params = { uri: 'file:///a', version: 1, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: '甲' }] };
      const copy = structuredClone(params);
      const sent = await bytesOf((out) => {
        const w = preEncodingStdioWriter(out);
        encodeAhead(params);
        // Changed after encoding (the server never does): the wire shows which encoding was sent.
        params.diagnostics[0]!.message = '乙';
        return w;
      }, [notification(params), { jsonrpc: '2.0', method: 'other', params } as Message, notification(copy)]);
      const wire = sent.toString('utf8');
      assert.equal(wire.match(/甲/g)?.length, 2, 'the publish encoded ahead and the copy');
      assert.equal(wire.match(/乙/g)?.length, 1, 'the other method, encoded at write time');
      assert.ok(wire.indexOf('甲') < wire.indexOf('乙'));
    } finally {
      setEncodeAhead(false);
    }
  });

  it('encodes nothing ahead unless the stdio writer is in use', () => {
    setEncodeAhead(false);
    const params = { uri: 'file:///a', diagnostics: [] };
    assert.equal(encodeAhead(params), params);
  });
});
