/**
 * Build-time stand-in (scripts/build.mjs, client bundle only) for the two semver functions
 * vscode-languageclient/node calls once, to check the VS Code version against its `^major.minor.patch`
 * requirement; the full semver package is ~20 KB of dist/client.js. Handles exactly that use.
 */
export interface Version { major: number; minor: number; patch: number; prerelease: string[] }

export function parse(v: string): Version | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(String(v).trim());
  return m ? { major: +m[1]!, minor: +m[2]!, patch: +m[3]!, prerelease: m[4] ? m[4].split('.') : [] } : null;
}

/** `^a.b.c` (or a plain `a.b.c` / `>=a.b.c`): same major (for a ≥ 1), not older. Unknown ranges are satisfied. */
export function satisfies(version: Version | string, range: string): boolean {
  const v = typeof version === 'string' ? parse(version) : version;
  const m = /^\s*(\^|>=)?\s*v?(\d+)\.(\d+)\.(\d+)\s*$/.exec(range);
  if (!v || !m) return !!v;
  const [maj, min, pat] = [+m[2]!, +m[3]!, +m[4]!];
  const cmp = v.major - maj || v.minor - min || v.patch - pat;
  if (m[1] === '>=') return cmp >= 0;
  if (m[1] === '^') return cmp >= 0 && (maj === 0 ? v.major === 0 && v.minor === min : v.major === maj);
  return cmp === 0 && v.prerelease.length === 0;
}
