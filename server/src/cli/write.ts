/**
 * Atomic write: the new bytes go to a temporary file in the same folder (same file system), are
 * flushed, get the original's mode, and replace the original by rename. A failure at any step
 * leaves the original untouched and removes the temporary file. A symlink is followed: its
 * target is replaced, the link stays.
 */
import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The part of node:fs the writer uses (tests inject a failing one). */
export interface WriteFs {
  realpathSync(p: string): string;
  statSync(p: string): { mode: number };
  openSync(p: string, flags: string, mode?: number): number;
  writeSync(fd: number, data: Uint8Array): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  chmodSync(p: string, mode: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(p: string): void;
}

export const nodeWriteFs: WriteFs = {
  realpathSync: (p) => realpathSync(p),
  statSync: (p) => statSync(p),
  openSync: (p, f, m) => openSync(p, f, m),
  writeSync: (fd, d) => writeSync(fd, d),
  fsyncSync, closeSync, chmodSync, renameSync, unlinkSync,
};

export function writeFileAtomic(path: string, data: Uint8Array, fs: WriteFs = nodeWriteFs): void {
  const target = fs.realpathSync(path);
  const mode = fs.statSync(target).mode & 0o7777;
  const tmp = join(dirname(target), `.${basename(target)}.govreport-${process.pid}-${Date.now().toString(36)}.tmp`);
  // 'wx': never follow or reuse something already at the temporary name.
  const fd = fs.openSync(tmp, 'wx', 0o600);
  let done = false;
  try {
    try {
      let off = 0;
      while (off < data.length) off += fs.writeSync(fd, data.subarray(off));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
    done = true;
  } finally {
    if (!done) {
      try { fs.unlinkSync(tmp); } catch { /* already gone */ }
    }
  }
}
