import * as vscode from 'vscode';

// Read-only documents holding a planned file's new text, so the plan can be shown in VS
// Code's diff editor before anything is written.

export const PREVIEW_SCHEME = 'apedts-preview';

export class ResumePreview implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** A preview URI for `target` holding `text`. */
  show(target: vscode.Uri, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: target.path, query: `planned` });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
