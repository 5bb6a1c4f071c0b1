import * as vscode from 'vscode';

// `apeDts.configFiles`: task configs that do not match the `*task_config*.ini` file patterns
// (e.g. `conf/mysql_to_pg.ini`) are switched to the ape-dts-config language when opened,
// so the server sees them. Globs are matched relative to each workspace folder, and also
// against the absolute path (for `**/…` globs and files outside any folder).

const LANGUAGE_ID = 'ape-dts-config';

export function registerConfigFileGlobs(): vscode.Disposable {
  const applyToOpen = () => vscode.workspace.textDocuments.forEach(switchIfMatched);
  applyToOpen();
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(switchIfMatched),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('apeDts.configFiles')) applyToOpen();
    }),
  );
}

function switchIfMatched(document: vscode.TextDocument): void {
  if (document.languageId === LANGUAGE_ID || !matchesConfigFiles(document)) return;
  vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID).then(undefined, (err: unknown) => {
    console.error(`ape-dts: could not switch ${document.uri.toString()} to ${LANGUAGE_ID}: ${String(err)}`);
  });
}

function matchesConfigFiles(document: vscode.TextDocument): boolean {
  const globs = vscode.workspace.getConfiguration('apeDts', document).get<unknown>('configFiles');
  if (!Array.isArray(globs)) return false;
  const folders = vscode.workspace.workspaceFolders ?? [];
  return globs
    .filter((g): g is string => typeof g === 'string' && g.trim() !== '')
    .some((glob) => {
      const patterns: vscode.GlobPattern[] = [glob, ...folders.map((f) => new vscode.RelativePattern(f, glob))];
      return patterns.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
    });
}
