import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintConfig, type LintResult } from '../core/lintConfig';
import type { VersionSetting } from '../core/schema/resolveVersion';

// One lint result per (document version, version setting): diagnostics, the status item and
// later hover/completion all read the same result instead of re-parsing the text.
// Only open documents are kept; the server drops an entry when its document closes.

interface Entry {
  documentVersion: number;
  setting: VersionSetting;
  result: LintResult;
}

export class LintCache {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument, setting: VersionSetting): LintResult {
    const hit = this.entries.get(document.uri);
    if (hit && hit.documentVersion === document.version && hit.setting === setting) return hit.result;
    const result = lintConfig(document.getText(), { version: setting });
    this.entries.set(document.uri, { documentVersion: document.version, setting, result });
    return result;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
