import * as path from 'node:path';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { Diagnostic } from '../../core/diagnostic';
import { t } from '../../core/i18n';
import { validateProgressFile, type StreamFileOptions } from '../../io/streamProgressFile';
import { sortDiagnostics } from './analyseProgress';

// The whole-file check of a big position.log that is open in the editor, in the background.
// The editor checks such a document from its tail at once (everything ape-dts reads); this
// then streams the file from disk (io/streamProgressFile.ts) in small chunks, each an awaited
// read, so the server answers other requests between them: with 64 KiB chunks, on a 200 MB
// log on a loaded 2-core machine, 99% of the turns took under 20 ms (the rare longest, 30-70
// ms, are garbage collections); 256 KiB chunks gave a p99 of 50 ms. It reports LSP work-done progress when the client supports it, keeps at
// most MAX_DIAGNOSTICS findings (a file damaged on every line must not fill the memory, nor
// the Problems view), and is aborted when the document or the file changes or is closed.

const CHUNK_BYTES = 64 * 1024;
export const MAX_DIAGNOSTICS = 5000;

export interface CheckRequest {
  uri: string;
  file: string;
  /** Everything the result depends on; a result is reused only for the same key. */
  key: string;
  options: Omit<StreamFileOptions, 'chunkBytes' | 'onProgress'>;
  /** Findings about the whole file that the caller already has (PL011), kept in front. */
  extra: Diagnostic[];
}

interface Running {
  key: string;
  controller: AbortController;
}

export class BackgroundChecks {
  private readonly running = new Map<string, Running>();
  private readonly results = new Map<string, { key: string; diagnostics: Diagnostic[] }>();

  constructor(
    private readonly connection: Connection,
    /** A check finished: publish its document again. */
    private readonly onDone: (uri: string) => void,
    private readonly logError: (message: string) => void,
  ) {}

  /** The finished result for exactly these inputs, if any. */
  result(uri: string, key: string): Diagnostic[] | undefined {
    const r = this.results.get(uri);
    return r && r.key === key ? r.diagnostics : undefined;
  }

  /** Starts the check unless it already runs (or ran) with the same inputs; stops one with others. */
  start(request: CheckRequest): void {
    if (this.result(request.uri, request.key)) return;
    const current = this.running.get(request.uri);
    if (current && current.key === request.key) return;
    current?.controller.abort();
    const job: Running = { key: request.key, controller: new AbortController() };
    this.running.set(request.uri, job);
    void this.run(request, job.controller.signal).finally(() => {
      if (this.running.get(request.uri) === job) this.running.delete(request.uri);
    });
  }

  /** The document or file changed or was closed: stop, and forget the result. */
  abort(uri: string): void {
    this.running.get(uri)?.controller.abort();
    this.running.delete(uri);
    this.results.delete(uri);
  }

  isRunning(uri: string): boolean {
    return this.running.has(uri);
  }

  private async run(request: CheckRequest, signal: AbortSignal): Promise<void> {
    let progress: WorkDoneProgressServerReporter | undefined;
    try {
      // A null reporter when the client does not support work-done progress.
      progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
      const name = path.basename(request.file);
      progress?.begin(t('lspProgress.fullCheck.title', { file: name }), 0, t('lspProgress.fullCheck.starting'), true);
      progress?.token.onCancellationRequested(() => this.abort(request.uri));
      const found: Diagnostic[] = [];
      let dropped = 0;
      let shown = 0;
      await validateProgressFile(
        request.file,
        {
          ...request.options,
          chunkBytes: CHUNK_BYTES,
          onProgress: (done, total) => {
            const percent = total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 100;
            if (percent <= shown) return;
            shown = percent;
            progress?.report(percent, t('lspProgress.fullCheck.report', { mb: (done / 1024 / 1024).toFixed(0), total: (total / 1024 / 1024).toFixed(0) }));
          },
        },
        (d) => {
          if (found.length < MAX_DIAGNOSTICS) found.push(d);
          else dropped++;
        },
        signal,
      );
      sortDiagnostics(found);
      const diagnostics = [...request.extra, ...found];
      if (dropped > 0) {
        diagnostics.unshift({
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 'information',
          code: 'progress.too-many',
          message: t('lspProgress.fullCheck.tooMany', { shown: MAX_DIAGNOSTICS, more: dropped }),
        });
      }
      this.results.set(request.uri, { key: request.key, diagnostics });
      this.onDone(request.uri);
    } catch (err) {
      if (!signal.aborted) this.logError(`ape-dts: checking ${request.file} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    } finally {
      progress?.done();
    }
  }
}
