/**
 * Test-only: `govreport/_debugHeap` answers the server's heap after a full garbage collection and
 * the length and a checksum of an open document's text (so a test can tell that every edit was
 * applied). Registered only when GOVREPORT_DEBUG_HEAP=1 is set (the memory protocol test); not part
 * of the shipped surface. The collection needs node's --expose-gc; without it the heap is as found.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const DEBUG_HEAP_REQUEST = 'govreport/_debugHeap';

export interface DebugHeapResult { heapUsed: number; collected: boolean; length?: number; checksum?: number }

/** A 32-bit FNV-1a checksum of the UTF-16 code units (the test computes the same). */
export function checksum(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function registerDebugHeap(connection: Connection, documents: TextDocuments<TextDocument>): void {
  if (process.env.GOVREPORT_DEBUG_HEAP !== '1') return;
  connection.onRequest(DEBUG_HEAP_REQUEST, (params: { uri?: string } | null): DebugHeapResult => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const out: DebugHeapResult = { heapUsed: process.memoryUsage().heapUsed, collected: !!gc };
    const doc = params?.uri ? documents.get(params.uri) : undefined;
    if (doc) { const t = doc.getText(); out.length = t.length; out.checksum = checksum(t); }
    return out;
  });
}
