import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  FileChangeType,
  CodeActionKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeActionsFor, fixAll } from './core/features/codeActions';
import { completeAt } from './core/features/completion';
import { definitionAt } from './core/features/definition';
import { foldingRanges } from './core/features/folding';
import { hoverAt } from './core/features/hover';
import { documentSymbols } from './core/features/symbols';
import { setLocale, t } from './core/i18n';
import type { LintResult } from './core/lintConfig';
import { toLspCodeAction, toLspCompletion, toLspDefinition, toLspFolding, toLspHover, toLspSymbol } from './lsp/toLspFeatures';
import { DiskEncodingCheck } from './lsp/diskEncoding';
import { LintCache } from './lsp/lintCache';
import { LintScheduler } from './lsp/lintScheduler';
import { capProblems } from './lsp/publishCap';
import { SettingsStore } from './lsp/settings';
import { STATUS_NOTIFICATION, type StatusParams } from './lsp/statusProtocol';
import { fromLspDiagnostic, toLspDiagnostic } from './lsp/toLspDiagnostic';
import { WorkspaceTasks } from './lsp/workspaceTasks';
import { IS_RESUME_CONFIG_REQUEST } from './lsp/resumeConfigProtocol';
import { handlePlanResume, PLAN_RESUME_REQUEST, type PlanResumeParams } from './lsp/resumeRequest';
import { ProgressFeatures } from './lsp/progress/progressFeatures';

// Protocol wiring only: every decision about the config itself is made by the pure core
// (lintConfig); this file maps LSP events onto it and publishes the result.
// The transport (--stdio, --node-ipc, --socket=…) is picked by createConnection from argv.

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new LintCache();
const encoding = new DiskEncodingCheck();
const scheduler = new LintScheduler(lint);
let settings = new SettingsStore(undefined, undefined, logError);
const workspaceTasks = new WorkspaceTasks(logError);
let workspaceFolders: string[] = [];
// position.log / finished.log / resume config documents, and the resume prediction lenses.
const progress = new ProgressFeatures({
  connection,
  documents,
  settings: (uri) => settings.get(uri),
  configs: () => workspaceTasks.configs(),
  workspaceFolders: () => workspaceFolders,
  relint: (uri) => void scheduler.now(uri),
  logError,
});

// TextDocuments fires onDidChangeContent for didOpen too; the first event of a document is
// its opening, which lints at once in both modes instead of waiting for typing to stop.
const opened = new Set<string>();
// Documents edited since they were opened or last saved: in onSave mode their unsaved text
// must not be linted just because a neighbouring config changed on disk.
const editedSinceSave = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  // First, before any text is produced: every message the server publishes is in this language.
  setLocale(localeOf(params.initializationOptions) ?? params.locale);
  const workspace = params.capabilities.workspace;
  const fetchSection = workspace?.configuration
    ? (scopeUri: string) => connection.workspace.getConfiguration({ scopeUri, section: 'apeDts' })
    : undefined;
  settings = new SettingsStore(params.initializationOptions, fetchSection, logError);
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
  progress.initialize(params);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['[', '=', ':'] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      ...progress.capabilities,
    },
  };
});

connection.onInitialized(() => {
  guard(t('lsp.log.indexing'), () => workspaceTasks.index(workspaceFolders));
});

// Watched task configs (the VS Code client watches **/*task_config*.ini): a neighbour that
// changes on disk can change what the open configs share, so re-lint them.
connection.onDidChangeWatchedFiles(({ changes }) => {
  guard('didChangeWatchedFiles', () => {
    progress.filesChanged(changes);
    for (const c of changes) workspaceTasks.fileChanged(c.uri, c.type === FileChangeType.Deleted);
    for (const document of documents.all()) {
      const uri = document.uri;
      settings
        .get(uri)
        .then((s) => {
          if (s.lint.run === 'onType' || !editedSinceSave.has(uri)) return scheduler.now(uri);
        })
        .catch(logError);
    }
  });
});

// No dynamic registration for didChangeConfiguration: VS Code's client already pushes the
// `apeDts` section (synchronize.configurationSection), and a section-less registration would
// make it notify, and us re-lint, on every unrelated settings change.
connection.onDidChangeConfiguration((change) => {
  guard('didChangeConfiguration', () => {
    settings.changed(change.settings);
    for (const document of documents.all()) void scheduler.now(document.uri);
  });
});

documents.onDidChangeContent(({ document }) => {
  const uri = document.uri;
  if (!opened.has(uri)) {
    opened.add(uri);
    void scheduler.now(uri);
    return;
  }
  editedSinceSave.add(uri);
  settings
    .get(uri)
    .then((s) => {
      if (s.lint.run === 'onType' && documents.get(uri)) scheduler.later(uri);
    })
    .catch(logError);
});

documents.onDidSave(({ document }) => {
  const uri = document.uri;
  editedSinceSave.delete(uri);
  settings
    .get(uri)
    .then((s) => {
      if (s.lint.run === 'onSave') return scheduler.now(uri);
    })
    .catch(logError);
});

documents.onDidClose(({ document }) => {
  guard('didClose', () => {
    const uri = document.uri;
    opened.delete(uri);
    editedSinceSave.delete(uri);
    workspaceTasks.setOpen(uri, undefined);
    scheduler.cancel(uri);
    cache.delete(uri);
    encoding.forget(uri);
    settings.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] }).catch(logError);
  });
});

// Editor features read the same cached lint result as the diagnostics (one parse per version).
async function resultFor(uri: string): Promise<{ document: TextDocument; result: LintResult } | undefined> {
  const document = documents.get(uri);
  if (!document || progress.owns(document)) return undefined;
  const s = await settings.get(uri);
  return { document, result: cache.get(document, s.version) };
}

function feature<P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, fn: (r: LintResult, p: P, d: TextDocument) => R) {
  return async (params: P): Promise<R> => {
    try {
      const found = await resultFor(params.textDocument.uri);
      return found ? fn(found.result, params, found.document) : fallback;
    } catch (err) {
      logError(t('lsp.log.failed', { what: name, error: describe(err) }));
      return fallback;
    }
  };
}

connection.onHover(progress.hover(feature('hover', null, (r, p) => {
  const h = hoverAt(r, p.position);
  return h ? toLspHover(h) : null;
})));
connection.onCompletion(feature('completion', [], (r, p) => completeAt(r, p.position).map(toLspCompletion)));
connection.onCodeAction(feature('codeAction', [], (r, p, d) => {
  const only = p.context.only;
  const actions = only && only.every((k) => k.startsWith(CodeActionKind.SourceFixAll)) ? [fixAll(r)].filter((a) => a !== undefined) : codeActionsFor(r, p.range, p.context.diagnostics.map(fromLspDiagnostic));
  return actions.map((a) => toLspCodeAction(a, d.uri));
}));
connection.onDocumentSymbol(progress.documentSymbols(feature('documentSymbol', [], (r) => documentSymbols(r).map(toLspSymbol))));
connection.onFoldingRanges(progress.foldingRanges(feature('foldingRange', [], (r) => foldingRanges(r).map(toLspFolding))));
connection.onCodeLens(progress.codeLens);
connection.onExecuteCommand(progress.executeCommand);
connection.onDefinition(feature('definition', [], (r, p, d) => {
  if (!d.uri.startsWith('file:')) return [];
  const def = definitionAt(r, p.position, path.dirname(fileURLToPath(d.uri)));
  return def ? toLspDefinition(def) : [];
}));

connection.onRequest(IS_RESUME_CONFIG_REQUEST, progress.isResumeConfig);
connection.onRequest(PLAN_RESUME_REQUEST, (params: PlanResumeParams) =>
  handlePlanResume(params, {
    openText: (uri) => documents.get(uri)?.getText(),
    configs: () => workspaceTasks.configs(),
    workspaceFolders: () => workspaceFolders,
    versionSetting: async (uri) => (await settings.get(uri)).version,
  }).catch((err: unknown) => ({ kind: 'refused' as const, reason: t('lsp.resume.failed', { error: describe(err) }), warnings: [] })),
);

/** Lints the document as it is now and publishes, unless a newer request took over meanwhile. */
async function lint(uri: string, isCurrent: () => boolean): Promise<void> {
  try {
    const s = await settings.get(uri);
    const document = documents.get(uri);
    if (!document || !isCurrent()) return;
    if (progress.owns(document)) return await progress.publish(document, s.version, isCurrent);
    const result = cache.get(document, s.version);
    workspaceTasks.setOpen(uri, document.getText());
    // Undecodable on disk: ape-dts stops at that byte, so that is the one thing to say.
    const undecodable = encoding.diagnosticFor(uri, document.getText());
    const diagnostics = undecodable ? [undecodable] : capProblems([...result.diagnostics, ...workspaceTasks.diagnosticsFor(uri, s.version)]);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnostics.map(toLspDiagnostic) });
    const status: StatusParams = { uri, version: result.version, reason: result.versionReason };
    await connection.sendNotification(STATUS_NOTIFICATION, status);
  } catch (err) {
    logError(t('lsp.log.failed', { what: t('lsp.log.linting', { uri }), error: describe(err) }));
  }
}

function guard(what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    logError(t('lsp.log.failed', { what, error: describe(err) }));
  }
}

/** `initializationOptions.locale` overrides the editor's display language (LSP `locale`). */
function localeOf(options: unknown): string | undefined {
  const locale = typeof options === 'object' && options !== null ? (options as { locale?: unknown }).locale : undefined;
  return typeof locale === 'string' && locale.trim() !== '' ? locale : undefined;
}

function logError(err: unknown): void {
  connection.console.error(typeof err === 'string' ? err : describe(err));
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

connection.onShutdown(() => scheduler.dispose());

documents.listen(connection);
connection.listen();
