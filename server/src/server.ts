import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  FileChangeType,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LintCache } from './lsp/lintCache';
import { LintScheduler } from './lsp/lintScheduler';
import { SettingsStore } from './lsp/settings';
import { STATUS_NOTIFICATION, type StatusParams } from './lsp/statusProtocol';
import { toLspDiagnostic } from './lsp/toLspDiagnostic';
import { WorkspaceTasks } from './lsp/workspaceTasks';

// Protocol wiring only: every decision about the config itself is made by the pure core
// (lintConfig); this file maps LSP events onto it and publishes the result.
// The transport (--stdio, --node-ipc, --socket=…) is picked by createConnection from argv.

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new LintCache();
const scheduler = new LintScheduler(lint);
let settings = new SettingsStore(undefined, undefined, logError);
const workspaceTasks = new WorkspaceTasks(logError);
let workspaceFolders: string[] = [];

// TextDocuments fires onDidChangeContent for didOpen too; the first event of a document is
// its opening, which lints at once in both modes instead of waiting for typing to stop.
const opened = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  const workspace = params.capabilities.workspace;
  const fetchSection = workspace?.configuration
    ? (scopeUri: string) => connection.workspace.getConfiguration({ scopeUri, section: 'apeDts' })
    : undefined;
  settings = new SettingsStore(params.initializationOptions, fetchSection, logError);
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    },
  };
});

connection.onInitialized(() => {
  guard('indexing the workspace', () => workspaceTasks.index(workspaceFolders));
});

// Watched task configs (the VS Code client watches **/*task_config*.ini): a neighbour that
// changes on disk can change what the open configs share, so re-lint them.
connection.onDidChangeWatchedFiles(({ changes }) => {
  guard('didChangeWatchedFiles', () => {
    for (const c of changes) workspaceTasks.fileChanged(c.uri, c.type === FileChangeType.Deleted);
    for (const document of documents.all()) void scheduler.now(document.uri);
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
  settings
    .get(uri)
    .then((s) => {
      if (s.lint.run === 'onType' && documents.get(uri)) scheduler.later(uri);
    })
    .catch(logError);
});

documents.onDidSave(({ document }) => {
  const uri = document.uri;
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
    workspaceTasks.setOpen(uri, undefined);
    scheduler.cancel(uri);
    cache.delete(uri);
    settings.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] }).catch(logError);
  });
});

/** Lints the document as it is now and publishes, unless a newer request took over meanwhile. */
async function lint(uri: string, isCurrent: () => boolean): Promise<void> {
  try {
    const s = await settings.get(uri);
    const document = documents.get(uri);
    if (!document || !isCurrent()) return;
    const result = cache.get(document, s.version);
    workspaceTasks.setOpen(uri, document.getText());
    const diagnostics = [...result.diagnostics, ...workspaceTasks.diagnosticsFor(uri, s.version)];
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnostics.map(toLspDiagnostic) });
    const status: StatusParams = { uri, version: result.version, reason: result.versionReason };
    await connection.sendNotification(STATUS_NOTIFICATION, status);
  } catch (err) {
    logError(`ape-dts: linting ${uri} failed: ${describe(err)}`);
  }
}

function guard(what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    logError(`ape-dts: ${what} failed: ${describe(err)}`);
  }
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
