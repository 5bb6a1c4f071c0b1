import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  FoldingRangeKind,
  MarkupKind,
  SymbolKind,
  type CodeLens,
  type CodeLensParams,
  type Connection,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type ExecuteCommandParams,
  type FileEvent,
  type FoldingRange,
  type FoldingRangeParams,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseTaskConfig, type TaskConfig } from '../../core/model/taskConfig';
import { classifyProgressFile, type ProgressFileKind } from '../../core/progress/progressFileKind';
import type { ProgressFileInput } from '../../core/progress/resumeCandidates';
import { resolveResumeSetup } from '../../core/progress/resumeSetup';
import { simulateResume } from '../../core/progress/simulateResume';
import { tailStartOffset } from '../../core/progress/tailWindow';
import { resolveVersion, type VersionSetting } from '../../core/schema/resolveVersion';
import type { ApeDtsSettings } from '../settings';
import { STATUS_NOTIFICATION, type StatusParams } from '../statusProtocol';
import { toLspDiagnostic } from '../toLspDiagnostic';
import type { Diagnostic } from '../../core/diagnostic';
import { t } from '../../core/i18n';
import { analyseProgress, filesNeeded, lintOptionsOf, type ProgressAnalysis } from './analyseProgress';
import { BackgroundChecks } from './backgroundCheck';
import { ProgressDiskReader } from './diskReader';
import { basesFor, findOwners, ParsedConfigs, sharedFolderDiagnostic, type BaseFolder } from './owners';
import { progressHoverAt } from './progressHover';
import { configLenses, OPEN_LINE_COMMAND, progressLenses, type Lens, type OpenLineArgs } from './progressLenses';
import { progressFolds, progressOutline, type OutlineEntry } from './progressOutline';
import type { IsResumeConfigParams } from '../resumeConfigProtocol';

// The language server's side of position.log / finished.log / resume config files, and the
// resume prediction shown on task configs. server.ts routes documents of the progress
// languages here (diagnostics, hover, outline, folding) and asks for code lenses of every
// document. Files that are not open are read from disk, big position logs by their tail only
// (the prediction must be instant on a 1 GB log; see diskReader.ts). A big open position.log
// is checked from its tail at once, then as a whole in the background (backgroundCheck.ts),
// whose findings replace the tail-only ones when done. A file that a known task config names
// as its resume config file is one whatever its name or language.

export const PROGRESS_LANGUAGES: Readonly<Record<string, ProgressFileKind>> = {
  'ape-dts-position': 'position',
  'ape-dts-finished': 'finished',
  'ape-dts-resume-config': 'resumeConfig',
};
const CONFIG_LANGUAGE = 'ape-dts-config';
/**
 * Open documents bigger than this are checked from their tail only: the core checks about
 * 20 000 lines a second, and the editor must not stall on a 40 MB log (ape-dts itself reads
 * only the last 199 lines). `apedts lint` checks whole files.
 */
export const FULL_CHECK_CHARS = 2 * 1024 * 1024;
/** Lines of a big document the editor checks (many more than ape-dts's window). */
export const TAIL_CHECK_LINES = 2000;
/** Other documents change what an open progress file means; re-check it this long after the last change. */
const RELINT_DELAY_MS = 300;

export interface ProgressContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings(uri: string): Promise<ApeDtsSettings>;
  /** Every known task config: path → text (open documents over the disk). */
  configs(): Map<string, string>;
  workspaceFolders(): string[];
  /** Re-lint a document now (the server's scheduler). */
  relint(uri: string): void;
  logError(message: string): void;
}

export class ProgressFeatures {
  // A background line count finished: the prediction lenses can now give line numbers.
  private readonly reader = new ProgressDiskReader(() => {
    this.epoch++;
    this.refreshLenses();
  });
  private readonly checks: BackgroundChecks;
  private readonly configIds = new WeakMap<TaskConfig, number>();
  private readonly parsedConfigs = new ParsedConfigs();
  private readonly analyses = new Map<string, { key: string; result: Promise<ProgressAnalysis> }>();
  private readonly editedSinceSave = new Set<string>();
  private readonly seen = new Set<string>();
  private epoch = 0;
  private nextConfigId = 0;
  private relintTimer: NodeJS.Timeout | undefined;
  private lensRefresh = false;

  constructor(private readonly ctx: ProgressContext) {
    this.checks = new BackgroundChecks(ctx.connection, (uri) => ctx.relint(uri), ctx.logError);
    ctx.documents.onDidChangeContent(({ document }) => this.changed(document));
    ctx.documents.onDidSave(({ document }) => {
      this.editedSinceSave.delete(document.uri);
      this.bump(document.uri);
      // The saved text is the file again: its whole-file check can run (again).
      if (this.owns(document) && document.getText().length > FULL_CHECK_CHARS) ctx.relint(document.uri);
    });
    ctx.documents.onDidClose(({ document }) => {
      this.checks.abort(document.uri);
      this.analyses.delete(document.uri);
      this.editedSinceSave.delete(document.uri);
      this.seen.delete(document.uri);
      this.bump(document.uri);
    });
  }

  /** Capabilities to merge into the server's. */
  readonly capabilities: ServerCapabilities = {
    codeLensProvider: { resolveProvider: false },
    executeCommandProvider: { commands: [OPEN_LINE_COMMAND] },
  };

  initialize(params: InitializeParams): void {
    this.lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  }

  /** Is this document a progress file (by language, or by name for editors without our languages)? */
  owns(document: TextDocument): boolean {
    return this.kindOf(document) !== undefined;
  }

  /** Lints a progress document and publishes, like the server does for task configs. */
  async publish(document: TextDocument, setting: VersionSetting, isCurrent: () => boolean): Promise<void> {
    const a = await this.analysis(document, setting);
    if (!isCurrent() || this.ctx.documents.get(document.uri)?.version !== document.version) return;
    const diagnostics = (await this.wholeFileCheck(document, a)) ?? a.diagnostics;
    if (!isCurrent() || this.ctx.documents.get(document.uri)?.version !== document.version) return;
    const { connection } = this.ctx;
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnostics.map(toLspDiagnostic) });
    const status: StatusParams = { uri: document.uri, version: a.version, reason: a.versionReason };
    await connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  /** The hover handler: progress documents here, anything else to `fallback`. */
  hover<R>(fallback: (p: HoverParams) => Promise<R>): (p: HoverParams) => Promise<Hover | R | null> {
    return this.route(fallback, 'hover', null, (a, p) => {
      const h = progressHoverAt(a, p.position);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: h.range } : null;
    });
  }

  documentSymbols<R>(fallback: (p: DocumentSymbolParams) => Promise<R>): (p: DocumentSymbolParams) => Promise<DocumentSymbol[] | R> {
    return this.route(fallback, 'documentSymbol', [], (a) => progressOutline(a).map(toSymbol));
  }

  foldingRanges<R>(fallback: (p: FoldingRangeParams) => Promise<R>): (p: FoldingRangeParams) => Promise<FoldingRange[] | R> {
    return this.route(fallback, 'foldingRange', [], (a) => progressFolds(a).map((f) => ({ ...f, kind: FoldingRangeKind.Region })));
  }

  /** Code lenses of any document: progress files, and the prediction on task configs. */
  readonly codeLens = async (params: CodeLensParams): Promise<CodeLens[]> => {
    try {
      const document = this.ctx.documents.get(params.textDocument.uri);
      if (!document) return [];
      const { version } = await this.ctx.settings(document.uri);
      if (this.owns(document)) {
        const a = await this.analysis(document, version);
        return progressLenses(a, document.uri, uriOf, (c) => headerLine(c)).map(toCodeLens);
      }
      if (!document.uri.startsWith('file:')) return [];
      return (await this.configLenses(document, version)).map(toCodeLens);
    } catch (err) {
      this.ctx.logError(`ape-dts: codeLens failed: ${describe(err)}`);
      return [];
    }
  };

  readonly executeCommand = async (params: ExecuteCommandParams): Promise<void> => {
    if (params.command !== OPEN_LINE_COMMAND) return;
    const target = params.arguments?.[0] as OpenLineArgs | undefined;
    if (!target || typeof target.uri !== 'string' || typeof target.line !== 'number') return;
    const at = { line: target.line, character: 0 };
    try {
      await this.ctx.connection.window.showDocument({ uri: target.uri, takeFocus: true, selection: { start: at, end: at } });
    } catch (err) {
      this.ctx.logError(`ape-dts: cannot open ${target.uri}: ${describe(err)}`);
    }
  };

  /** Watched files changed on disk (position.log growing, a config saved elsewhere). */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const c of changes) {
      if (!c.uri.startsWith('file:')) continue;
      this.reader.forget(fileURLToPath(c.uri));
      if (this.checks.isRunning(c.uri)) {
        // The file under a running whole-file check changed: start over on the new content.
        this.checks.abort(c.uri);
        this.ctx.relint(c.uri);
      }
    }
    this.epoch++;
    this.refreshLenses();
  }

  /** Everything the progress file means now (cached per document version and world state). */
  analysis(document: TextDocument, setting: VersionSetting): Promise<ProgressAnalysis> {
    const key = `${document.version}|${setting}|${this.epoch}`;
    const hit = this.analyses.get(document.uri);
    if (hit && hit.key === key) return hit.result;
    const result = this.analyse(document, setting);
    this.analyses.set(document.uri, { key, result });
    result.catch(() => this.analyses.delete(document.uri));
    return result;
  }

  private async analyse(document: TextDocument, setting: VersionSetting): Promise<ProgressAnalysis> {
    const kind = this.kindOf(document)!;
    const file = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : path.resolve(new URL(document.uri).pathname || 'untitled');
    const owners = document.uri.startsWith('file:') ? findOwners(file, this.tasks(), this.workspaceBases(), setting, kind) : [];
    const files = new Map<string, ProgressFileInput | null>();
    await Promise.all(filesNeeded(file, owners).map(async (p) => files.set(p, await this.load(p))));
    const siblingNames = kind === 'resumeConfig' ? undefined : await this.reader.list(path.dirname(file));
    const { text, firstLine } = checkedPart(document.getText());
    const a = analyseProgress({ path: file, text, firstLine, kind, setting, owners, files, facts: { siblingNames } });
    if (firstLine > 0) {
      a.diagnostics.unshift({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'information',
        code: 'progress.tail-only',
        // The whole-file check runs only while the document is what is on disk (see wholeFileCheck).
        message: t(kind === 'position' && document.uri.startsWith('file:') && !this.editedSinceSave.has(document.uri) ? 'lspProgress.tailOnly.background' : 'lspProgress.tailOnly', {
          mb: (document.getText().length / 1024 / 1024).toFixed(1),
          lines: a.parsed.lines.length,
          line: firstLine + 1,
        }),
      });
    }
    return a;
  }

  /**
   * A big position.log checked from its tail: the whole-file findings once the background
   * check of the file on disk is done (else undefined, and the check is started). Only while
   * the document holds what is on disk (not edited since opened or saved).
   */
  private async wholeFileCheck(document: TextDocument, a: ProgressAnalysis): Promise<Diagnostic[] | undefined> {
    if (a.parsed.firstLine === 0 || a.kind !== 'position' || !document.uri.startsWith('file:') || this.editedSinceSave.has(document.uri)) return undefined;
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(a.path);
    } catch {
      return undefined;
    }
    const options = { ...lintOptionsOf(a), facts: { siblingNames: await this.reader.list(path.dirname(a.path)) } };
    const p = options.prediction;
    const key = JSON.stringify([
      document.version,
      stat.size,
      stat.mtimeMs,
      options.version,
      a.owners.map((o) => `${o.configPath}#${this.configId(o.config)}@${o.base.dir}`),
      p && [p.file, p.line, p.tag],
      options.facts.siblingNames,
    ]);
    const done = this.checks.result(document.uri, key);
    if (done) return done;
    const firstLineText = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\n$/, '');
    const shared = sharedFolderDiagnostic(a.path, a.owners, firstLineText);
    this.checks.start({ uri: document.uri, file: a.path, key, options, extra: shared ? [shared] : [] });
    return undefined;
  }

  private configId(config: TaskConfig): number {
    let id = this.configIds.get(config);
    if (id === undefined) this.configIds.set(config, (id = ++this.nextConfigId));
    return id;
  }

  private async configLenses(document: TextDocument, setting: VersionSetting): Promise<Lens[]> {
    const configPath = fileURLToPath(document.uri);
    const config = parseTaskConfig(document.getText());
    if (!config.hasSection('resumer') && !config.hasSection('extractor')) return [];
    const { version } = resolveVersion(setting, config);
    // The base relative paths resolve against: the first where a file the resumer reads exists.
    const bases = basesFor(configPath, this.workspaceBases());
    let chosen: BaseFolder = bases[0];
    let needed: string[] = [];
    for (const base of bases) {
      const setup = resolveResumeSetup(config, version, base.dir);
      const paths = [setup.readsPositionLog ? setup.positionLogPath : undefined, setup.readsFinishedLog ? setup.finishedLogPath : undefined, setup.configFile?.path]
        .filter((p): p is string => p !== undefined)
        .map((p) => path.resolve(base.dir, p));
      if (base === bases[0]) needed = paths;
      if (paths.some((p) => this.isOpen(p)) || (await Promise.all(paths.map((p) => this.exists(p)))).some(Boolean)) {
        chosen = base;
        needed = paths;
        break;
      }
    }
    const files = new Map<string, ProgressFileInput | null>();
    await Promise.all(needed.map(async (p) => files.set(p, await this.load(p))));
    const setup = resolveResumeSetup(config, version, chosen.dir);
    const get = (p: string | undefined) => (p ? files.get(path.resolve(chosen.dir, p)) ?? undefined : undefined);
    const logDir = setup.logDir ? path.resolve(chosen.dir, setup.logDir.path) : undefined;
    const prediction = simulateResume({
      version,
      config,
      configDir: chosen.dir,
      files: {
        positionLog: setup.readsPositionLog ? get(setup.positionLogPath) : undefined,
        finishedLog: setup.readsFinishedLog ? get(setup.finishedLogPath) : undefined,
        resumeConfig: get(setup.configFile?.path),
      },
      facts: { logDirEntries: logDir ? await this.reader.list(logDir) : undefined },
    });
    return configLenses({ config, configPath, prediction, base: chosen, uriOf });
  }

  /** An open document's text, else the file from disk (position logs by their tail). */
  private async load(file: string): Promise<ProgressFileInput | null> {
    const open = this.ctx.documents.get(uriOf(file));
    if (open) return { path: file, text: open.getText() };
    const name = classifyProgressFile(file);
    // Tail only, never the whole file: the lines of a big log may be numbered from its end.
    const read = await this.reader.read(file, { tail: name?.kind === 'position', count: false });
    return read && { path: file, text: read.text, firstLine: read.firstLine };
  }

  private async exists(file: string): Promise<boolean> {
    return (await this.reader.list(path.dirname(file))).includes(path.basename(file));
  }

  private isOpen(file: string): boolean {
    return this.ctx.documents.get(uriOf(file)) !== undefined;
  }

  private tasks() {
    return this.parsedConfigs.get(this.ctx.configs());
  }

  private workspaceBases(): BaseFolder[] {
    return this.ctx
      .workspaceFolders()
      .filter((u) => u.startsWith('file:'))
      .map((u) => {
        const dir = fileURLToPath(u);
        return { dir, label: t('lspProgress.base.workspaceFolder', { name: path.basename(dir) || dir }) };
      });
  }

  private kindOf(document: TextDocument): ProgressFileKind | undefined {
    const byLanguage = PROGRESS_LANGUAGES[document.languageId];
    if (byLanguage) return byLanguage;
    if (document.languageId === CONFIG_LANGUAGE) return undefined;
    // Editors without our language ids: recognise the names ape-dts uses.
    const name = document.uri.split(/[\\/]/).pop() ?? '';
    if (/^(position|finished)\d*\.log$/.test(name) || name === 'resume.config' || name.endsWith('.resume.config')) return classifyProgressFile(name)?.kind;
    // Any other name: a resume config file if a known task config names it.
    return document.uri.startsWith('file:') && this.namedResumeConfig(fileURLToPath(document.uri)) ? 'resumeConfig' : undefined;
  }

  /** `apeDts/isResumeConfig`: a file: URI that a known task config names as its resume config file. */
  readonly isResumeConfig = ({ uri }: IsResumeConfigParams): boolean => {
    try {
      return uri.startsWith('file:') && this.namedResumeConfig(fileURLToPath(uri));
    } catch (err) {
      this.ctx.logError(`ape-dts: isResumeConfig failed: ${describe(err)}`);
      return false;
    }
  };

  /** Does a known task config name this file in [resumer] resume_config_file / config_file? */
  private namedResumeConfig(file: string): boolean {
    const setting = 'auto';
    return findOwners(file, this.tasks(), this.workspaceBases(), setting, 'resumeConfig').some((o) => o.reads);
  }

  private route<P extends { textDocument: { uri: string } }, R, M>(
    fallback: (p: P) => Promise<R>,
    name: string,
    empty: M,
    fn: (a: ProgressAnalysis, p: P) => M,
  ): (p: P) => Promise<M | R> {
    return async (params) => {
      const document = this.ctx.documents.get(params.textDocument.uri);
      if (!document || !this.owns(document)) return fallback(params);
      try {
        const { version } = await this.ctx.settings(document.uri);
        return fn(await this.analysis(document, version), params);
      } catch (err) {
        this.ctx.logError(`ape-dts: ${name} failed: ${describe(err)}`);
        return empty;
      }
    };
  }

  private changed(document: TextDocument): void {
    this.checks.abort(document.uri);
    if (this.seen.has(document.uri)) this.editedSinceSave.add(document.uri);
    else this.seen.add(document.uri);
    this.bump(document.uri);
  }

  /** Something changed: cached analyses are stale; re-check the other open progress files soon. */
  private bump(changedUri: string): void {
    this.epoch++;
    if (this.relintTimer) clearTimeout(this.relintTimer);
    this.relintTimer = setTimeout(() => {
      this.relintTimer = undefined;
      void this.relintOthers(changedUri).catch((err: unknown) => this.ctx.logError(describe(err)));
    }, RELINT_DELAY_MS);
  }

  private async relintOthers(changedUri: string): Promise<void> {
    for (const d of this.ctx.documents.all()) {
      if (d.uri === changedUri || !this.owns(d)) continue;
      const s = await this.ctx.settings(d.uri);
      // onSave mode: unsaved edits are not checked just because a neighbour changed.
      if (s.lint.run === 'onSave' && this.editedSinceSave.has(d.uri)) continue;
      this.ctx.relint(d.uri);
    }
    this.refreshLenses();
  }

  private refreshLenses(): void {
    if (this.lensRefresh) void this.ctx.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }
}

/** The whole text, or for a big document its last TAIL_CHECK_LINES lines and where they start. */
export function checkedPart(text: string): { text: string; firstLine: number } {
  if (text.length <= FULL_CHECK_CHARS) return { text, firstLine: 0 };
  const { offset, found } = tailStartOffset(text, TAIL_CHECK_LINES);
  if (!found) return { text, firstLine: 0 };
  let firstLine = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) firstLine++;
  return { text: text.slice(offset), firstLine };
}

function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

function headerLine(config: TaskConfig): number {
  return (config.headers('resumer')[0] ?? config.headers('extractor')[0])?.range.start.line ?? 0;
}

function toCodeLens(l: Lens): CodeLens {
  const at = { line: l.line, character: 0 };
  return {
    range: { start: at, end: at },
    command: { title: l.title, command: l.command, ...(l.arguments ? { arguments: l.arguments } : {}), ...(l.tooltip ? { tooltip: l.tooltip } : {}) },
  };
}

function toSymbol(e: OutlineEntry): DocumentSymbol {
  return {
    name: e.name,
    detail: e.detail,
    kind: e.kind === 'run' ? SymbolKind.Event : SymbolKind.File,
    range: e.range,
    selectionRange: e.selectionRange,
    children: e.children.map(toSymbol),
  };
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
