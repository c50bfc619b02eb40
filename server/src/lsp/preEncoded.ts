/**
 * publishDiagnostics encoded before the debounce deadline, on the stdio transport.
 *
 * The scheduler starts a debounced run early and holds its result until the deadline. Encoding
 * the message at the deadline (a 1 MB report's diagnostics: JSON.stringify, then UTF-8, ~350 KB
 * for 1000 of them; a stdio client that declares no limit gets all ~1600, ~550 KB) cost 2–3 ms of
 * CPU after it per 350 KB. Here the run encodes its message while it holds;
 * at the deadline the transport writes those bytes. Anything not encoded ahead (other messages,
 * a run's result that went unsent) goes through JSON.stringify exactly as vscode-jsonrpc's own
 * encoder does, so the bytes on the wire are the same either way (tested).
 *
 * Over IPC (how the VS Code client starts the server) node's process.send serialises each
 * message itself and takes no bytes, so there the message is still encoded at the deadline.
 * JSON.rawJSON (newer V8, as in VS Code's Electron) cannot help there: it takes only a primitive
 * (a number or a string), never an array or object. What is left to shrink there is the message
 * itself (publish.ts, convert.ts: the VS Code client's limit, no source or rule link).
 */
import { StreamMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

const PUBLISH_METHOD = 'textDocument/publishDiagnostics';
/** How vscode-jsonrpc lays out a notification: `{ jsonrpc, method, params }`, in that order. */
const PREFIX = `{"jsonrpc":"2.0","method":"${PUBLISH_METHOD}","params":`;

/** Params object → the whole message's bytes. Weak: params dropped unsent take their bytes along. */
const encoded = new WeakMap<object, Buffer>();
let active = false;

/**
 * Encodes `params` of a publishDiagnostics now, for sending later unchanged (the object must not be
 * modified after this). Does nothing unless the transport writes pre-encoded bytes (stdio).
 */
export function encodeAhead<P extends object>(params: P): P {
  if (active) encoded.set(params, Buffer.from(`${PREFIX}${JSON.stringify(params)}}`, 'utf8'));
  return params;
}

/** vscode-jsonrpc's JSON encoder, except that a message encoded ahead is not encoded again. */
export const jsonEncoder = {
  name: 'application/json',
  encode(msg: Message, options: { charset: BufferEncoding }): Promise<Uint8Array> {
    const m = msg as { jsonrpc?: unknown; method?: unknown; params?: unknown };
    if (m.method === PUBLISH_METHOD && m.jsonrpc === '2.0' && typeof m.params === 'object' && m.params !== null && options.charset === 'utf-8') {
      const bytes = encoded.get(m.params);
      if (bytes && Object.keys(m).length === 3) return Promise.resolve(bytes);
    }
    return Promise.resolve(Buffer.from(JSON.stringify(msg, undefined, 0), options.charset));
  },
};

/** The stdio transport's writer (vscode-jsonrpc's own, with the encoder above); turns encodeAhead on. */
export function preEncodingStdioWriter(output: NodeJS.WritableStream): MessageWriter {
  active = true;
  return new StreamMessageWriter(output, { charset: 'utf-8', contentTypeEncoder: jsonEncoder });
}

/** For tests: encodeAhead on or off. */
export function setEncodeAhead(on: boolean): void {
  active = on;
}
