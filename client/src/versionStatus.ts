import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/statusProtocol';

// Status bar item "ape-dts 2.0.26" for the active ape-dts-config editor: which version profile
// the server checked the file against, with its reason as the tooltip. `auto` can pick a
// different profile per file, so the server reports it per document after every lint.

const LANGUAGE_ID = 'ape-dts-config';

export function registerVersionStatus(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('apeDts.version', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('ape-dts version');
  const byUri = new Map<string, StatusParams>();

  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const status = document?.languageId === LANGUAGE_ID ? byUri.get(document.uri.toString()) : undefined;
    if (!status) {
      item.hide();
      return;
    }
    item.text = `ape-dts ${status.version}`;
    item.tooltip = status.reason;
    item.show();
  };

  return vscode.Disposable.from(
    item,
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      byUri.set(params.uri, params);
      update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidCloseTextDocument((d) => {
      byUri.delete(d.uri.toString());
      update();
    }),
  );
}
