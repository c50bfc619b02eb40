/**
 * A minimal LSP client for the protocol tests: spawns `node dist/server.js --stdio`, answers the
 * server's requests (workspace/configuration from `settings`), records every publishDiagnostics.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(__dirname, '..', '..');
export const SAMPLES = join(ROOT, 'test', 'fixtures', 'samples');
export const SERVER = join(ROOT, 'dist', 'server.js');

export function readSample(prefix: string): { name: string; text: string } {
  const name = readdirSync(SAMPLES).sort().find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no sample ${prefix}`);
  const raw = readFileSync(join(SAMPLES, name), 'utf8');
  return { name, text: raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw };
}

function newestMtime(dir: string): number {
  let m = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    m = Math.max(m, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return m;
}

/** Builds dist/ when it is missing or older than the server sources. */
export function ensureBuilt(): void {
  const stale = !existsSync(SERVER) || statSync(SERVER).mtimeMs < newestMtime(join(ROOT, 'server', 'src'));
  if (!stale) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class TestClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: ProtocolConnection;
  /** Every publishDiagnostics, in arrival order. */
  readonly publishes: PublishDiagnosticsParams[] = [];
  /** What workspace/configuration answers for section "govreport". */
  settings: Record<string, unknown> = {};
  readonly logs: string[] = [];
  stderr = '';
  private waiters: (() => void)[] = [];
  /** Set when the server process has exited. */
  exited: string | null = null;

  /** `execArgv` go to node before the server script (--expose-gc); `env` is added to the server's environment. */
  constructor(opts: { execArgv?: string[]; env?: Record<string, string> } = {}) {
    this.proc = spawn(process.execPath, [...(opts.execArgv ?? []), SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, ...opts.env } });
    this.proc.stderr.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.proc.on('exit', (code, signal) => {
      this.exited = `server exited (code ${code}, signal ${signal})`;
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.publishes.push(p);
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'govreport' ? this.settings : null)));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/inlayHint/refresh', () => null);
    this.conn.onRequest('workspace/codeLens/refresh', () => null);
    this.conn.onRequest('workspace/semanticTokens/refresh', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.listen();
  }

  async initialize(initializationOptions: Record<string, unknown> = { locale: 'zh-cn' }): Promise<InitializeResult> {
    const result = await this.conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true }, inlayHint: { refreshSupport: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: { lineFoldingOnly: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source', 'source.fixAll'] } } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  /** Resolves with the first publish (already received or future) for `uri` that satisfies `pred`. */
  async waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000, from = 0): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    let seen = from;
    for (;;) {
      for (; seen < this.publishes.length; seen++) {
        const p = this.publishes[seen]!;
        if (p.uri === uri && pred(p)) return p;
      }
      if (this.exited) throw new Error(`${this.exited} while waiting for diagnostics of ${uri}; stderr: ${this.stderr.slice(-2000)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching publishDiagnostics for ${uri} within ${timeoutMs} ms (got ${this.publishes.filter((p) => p.uri === uri).length}); server stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  publishesFor(uri: string): PublishDiagnosticsParams[] {
    return this.publishes.filter((p) => p.uri === uri);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), sleep(2000)]);
      await this.conn.sendNotification('exit');
    } catch { /* already gone */ }
    await Promise.race([new Promise((r) => this.proc.once('exit', r)), sleep(2000)]);
    if (this.proc.exitCode === null) this.proc.kill();
    this.conn.dispose();
  }
}
