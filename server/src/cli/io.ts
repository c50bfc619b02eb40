/** What `run(argv, io)` may touch: the two output streams, the working folder, stdin. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** The whole of standard input (for `-`); main.ts reads fd 0. */
  readStdin?: () => Buffer;
}

/** Exit codes. A file that could not be read or checked (3) outranks findings (1). */
export const EXIT = { ok: 0, findings: 1, usage: 2, unreadable: 3 } as const;
