import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IS_RESUME_CONFIG_REQUEST, type IsResumeConfigParams } from '../../server/src/lsp/resumeConfigProtocol';

// A resume config file can have any name (`[resumer] config_file=./start_here.txt`), so the
// manifest's filename patterns cannot give it our language. When a file opens, ask the server
// whether a task config it knows names it, and if so switch the editor's language mode to
// `ape-dts-resume-config` (the file itself is not touched): diagnostics, hover and lenses follow.

const OURS = ['ape-dts-config', 'ape-dts-position', 'ape-dts-finished', 'ape-dts-resume-config'];
export const RESUME_CONFIG_LANGUAGE = 'ape-dts-resume-config';

export function registerResumeConfigLanguage(client: LanguageClient): vscode.Disposable {
  const classify = async (document: vscode.TextDocument): Promise<void> => {
    if (document.uri.scheme !== 'file' || OURS.includes(document.languageId)) return;
    const params: IsResumeConfigParams = { uri: document.uri.toString() };
    const named = await client.sendRequest<boolean>(IS_RESUME_CONFIG_REQUEST, params).catch(() => false);
    if (named && !document.isClosed && document.languageId !== RESUME_CONFIG_LANGUAGE) {
      await vscode.languages.setTextDocumentLanguage(document, RESUME_CONFIG_LANGUAGE);
    }
  };
  for (const document of vscode.workspace.textDocuments) void classify(document);
  return vscode.workspace.onDidOpenTextDocument((document) => void classify(document));
}
