/**
 * Entries of a zip file (the .vsix) with their compressed sizes, read from its central directory:
 * the bench reports what each file really costs inside the package.
 */
export interface ZipEntry { name: string; compressed: number; size: number }

export function zipEntries(zip: Buffer): ZipEntry[] {
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return [];
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count && zip.readUInt32LE(at) === 0x02014b50; n++) {
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    out.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLen), compressed, size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
