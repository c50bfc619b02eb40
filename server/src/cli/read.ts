/**
 * Reading one report file safely: only regular files (a FIFO, device or socket is never read:
 * opened non-blocking and refused after fstat), under a size limit, decoded strictly.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { decodeBytes, EncodingError, type Decoded, type EncodingChoice } from './encoding';

export const DEFAULT_MAX_SIZE = 10 * 1024 * 1024;

export interface ReadOptions { maxSize: number; encoding: EncodingChoice }

export type ReadFailure =
  | { kind: 'not-regular'; message: string }
  | { kind: 'too-large'; message: string }
  | { kind: 'unreadable'; message: string }
  | { kind: 'encoding'; message: string };

export type ReadResult = ({ ok: true } & Decoded) | ({ ok: false } & ReadFailure);

/** The small part of node:fs the reader uses (tests inject failures). */
export interface ReadFs {
  openSync: typeof openSync;
  fstatSync: typeof fstatSync;
  readSync: typeof readSync;
  closeSync: typeof closeSync;
}
const nodeFs: ReadFs = { openSync, fstatSync, readSync, closeSync };

const errCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

export function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function readReportFile(path: string, opts: ReadOptions, fs: ReadFs = nodeFs): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, kind: 'unreadable', message: `无法打开（${errCode(e)}） / cannot open (${errCode(e)})` };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      return { ok: false, kind: 'not-regular', message: '不是普通文件（目录、管道、设备或套接字），未读取 / not a regular file; not read' };
    }
    if (st.size > opts.maxSize) {
      return { ok: false, kind: 'too-large', message: `文件过大（${mb(st.size)}，上限 ${mb(opts.maxSize)}），未读取 / too large (${mb(st.size)} > ${mb(opts.maxSize)}); not read` };
    }
    // Read at most maxSize + 1 bytes: a file that grows meanwhile still cannot exhaust memory.
    const buf = Buffer.allocUnsafe(Math.min(st.size, opts.maxSize) + 1); // only the bytes read are used
    let n = 0;
    for (;;) {
      const got = fs.readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    if (n > opts.maxSize) {
      return { ok: false, kind: 'too-large', message: `文件过大（上限 ${mb(opts.maxSize)}），未读取 / too large (> ${mb(opts.maxSize)}); not read` };
    }
    return { ok: true, ...decodeBytes(buf.subarray(0, n), opts.encoding) };
  } catch (e) {
    if (e instanceof EncodingError) return { ok: false, kind: 'encoding', message: e.message };
    return { ok: false, kind: 'unreadable', message: `无法读取（${errCode(e)}） / cannot read (${errCode(e)})` };
  } finally {
    try { fs.closeSync(fd); } catch { /* already closed */ }
  }
}

/** Standard input (`-`), under the same size limit and decoding. */
export function decodeStdin(bytes: Buffer, opts: ReadOptions): ReadResult {
  if (bytes.length > opts.maxSize) {
    return { ok: false, kind: 'too-large', message: `输入过大（${mb(bytes.length)}） / input too large (${mb(bytes.length)})` };
  }
  try {
    return { ok: true, ...decodeBytes(bytes, opts.encoding) };
  } catch (e) {
    if (e instanceof EncodingError) return { ok: false, kind: 'encoding', message: e.message };
    throw e;
  }
}
