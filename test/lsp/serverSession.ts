import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver';

// A minimal LSP client for tests: it runs the bundled server (dist/server.js, built by
// `npm test` before vitest) over stdio, the way any editor would, and records what the
// server sends so a test can wait for the next publish of a given document.

const SERVER = path.resolve(__dirname, '../../dist/server.js');
const LANGUAGE_ID = 'ape-dts-config';
/** Generous: only a broken server ever waits this long. */
const WAIT_MS = 10_000;

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface Status {
  uri: string;
  version: string;
  reason: string;
}

export interface SessionOptions {
  /** The `apeDts` section answered to workspace/configuration; a test may change it later. */
  settings?: unknown;
  /** false: a client without workspace/configuration (settings come from initializationOptions). */
  configurationCapability?: boolean;
  initializationOptions?: unknown;
  /** The workspace folder, as a file URI. */
  rootUri?: string;
  /** Arguments to node instead of the bundled server (e.g. the CLI's `lsp --stdio`). */
  argv?: string[];
  /** The editor's display language, sent as the initialize params' `locale` (e.g. 'zh-cn'). */
  locale?: string;
}

interface Received {
  method: string;
  params: { uri?: string };
  at: number;
}

export class ServerSession {
  /** The `apeDts` settings the session answers workspace/configuration with. */
  settings: unknown;
  /** Every notification from the server, in order, with the time it arrived. */
  readonly received: Received[] = [];
  readonly stderr: string[] = [];
  private readonly consumed = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    settings: unknown,
  ) {
    this.settings = settings;
  }

  static async start(options: SessionOptions = {}): Promise<ServerSession> {
    const child = spawn(process.execPath, options.argv ?? [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const session = new ServerSession(child, connection, options.settings ?? {});
    child.stderr!.on('data', (chunk: Buffer) => session.stderr.push(chunk.toString()));

    connection.onNotification((method, params) => {
      session.received.push({ method, params: (params ?? {}) as { uri?: string }, at: Date.now() });
      for (const wake of session.waiters) wake();
    });
    // workspace/configuration: one answer per requested item, all from the current settings.
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'apeDts' ? session.settings : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();

    const configuration = options.configurationCapability ?? true;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      capabilities: {
        workspace: { configuration, didChangeConfiguration: { dynamicRegistration: configuration } },
        textDocument: { synchronization: { didSave: true }, publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: options.initializationOptions,
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
    });
    await connection.sendNotification('initialized', {});
    return session;
  }

  /** Opens a document; `languageId` defaults to ape-dts-config (e.g. 'ape-dts-position' for a position.log). */
  open(uri: string, text: string, languageId = LANGUAGE_ID): Promise<void> {
    this.versions.set(uri, 1);
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Replaces the whole text (a full-content change, which incremental sync also accepts). */
  change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  save(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Tells the server the settings changed; it pulls them again through workspace/configuration. */
  changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { apeDts: settings } });
  }

  /** The next publishDiagnostics for `uri` not yet returned by an earlier call. */
  nextDiagnostics(uri: string): Promise<PublishedDiagnostics> {
    return this.next('textDocument/publishDiagnostics', uri) as Promise<PublishedDiagnostics>;
  }

  nextStatus(uri: string): Promise<Status> {
    return this.next('apeDts/status', uri) as unknown as Promise<Status>;
  }

  /** How many publishes for `uri` arrived so far (read or not). */
  publishCount(uri: string): number {
    return this.matching('textDocument/publishDiagnostics', uri).length;
  }

  alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  stop(): void {
    this.connection.dispose();
    if (this.alive()) this.child.kill();
  }

  private matching(method: string, uri: string): Received[] {
    return this.received.filter((r) => r.method === method && r.params.uri === uri);
  }

  private next(method: string, uri: string): Promise<Received['params']> {
    const key = `${method} ${uri}`;
    return new Promise((resolve, reject) => {
      const tryTake = () => {
        const index = this.consumed.get(key) ?? 0;
        const found = this.matching(method, uri)[index];
        if (!found) return false;
        this.consumed.set(key, index + 1);
        finish();
        resolve(found.params);
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no ${method} for ${uri} within ${WAIT_MS} ms; server stderr:\n${this.stderr.join('')}`));
      }, WAIT_MS);
      const wake = () => void tryTake();
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.add(wake);
      tryTake();
    });
  }
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'] as const;

/** A diagnostic as one readable line for inline expectations. */
export function summarize(d: Diagnostic): { line: number; from: number; to: number; code: unknown; severity: string } {
  return {
    line: d.range.start.line,
    from: d.range.start.character,
    to: d.range.end.character,
    code: d.code,
    severity: SEVERITY_NAMES[d.severity ?? 0] ?? String(d.severity),
  };
}
