import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from '../core/diagnostic';
import { decodeConfigBytes } from '../core/decodeText';
import { t } from '../core/i18n';
import { maskDiagnostics } from '../core/features/maskSecrets';
import { parseTaskConfig } from '../core/model/taskConfig';
import { resolveVersion, type VersionSetting } from '../core/schema/resolveVersion';
import { sharedLogDirDiagnostics, type TaskFile } from '../core/workspace/sharedLogDir';
import { findFiles } from '../cli/findFiles';

// The task configs of the workspace, so a config can be checked against its neighbours
// (two tasks sharing a log folder). Files on disk are indexed once and on watcher events;
// an open document's text replaces its file's content while it is open.

const TASK_CONFIG_NAME = /task_config[^/\\]*\.ini$/i;
/** A workspace with more configs than this is not indexed: the check is advice, not worth a stall. */
const MAX_FILES = 5000;

export class WorkspaceTasks {
  private readonly onDisk = new Map<string, string>();
  private readonly open = new Map<string, string>();

  constructor(private readonly log: (message: string) => void) {}

  index(folderUris: readonly string[]): void {
    const folders = folderUris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    const found = findFiles(folders).files.filter((f) => TASK_CONFIG_NAME.test(f));
    if (found.length > MAX_FILES) {
      this.log(t('lsp.workspace.too-many', { count: found.length }));
      return;
    }
    for (const file of found) this.readFromDisk(file);
  }

  /** A watcher event for a file on disk. */
  fileChanged(uri: string, deleted: boolean): void {
    if (!uri.startsWith('file:')) return;
    const file = fileURLToPath(uri);
    if (deleted) this.onDisk.delete(file);
    else if (TASK_CONFIG_NAME.test(file)) this.readFromDisk(file);
  }

  setOpen(uri: string, text: string | undefined): void {
    if (!uri.startsWith('file:')) return;
    const file = fileURLToPath(uri);
    if (text === undefined) this.open.delete(file);
    else this.open.set(file, text);
  }

  /** Cross-file diagnostics for one document, checked with the given version setting for every task. */
  diagnosticsFor(uri: string, setting: VersionSetting): Diagnostic[] {
    if (!uri.startsWith('file:')) return [];
    const me = fileURLToPath(uri);
    const texts = new Map([...this.onDisk, ...this.open]);
    if (!texts.has(me) || texts.size < 2) return [];
    const tasks: TaskFile[] = [...texts].map(([path, text]) => {
      const config = parseTaskConfig(text);
      return { path, config, version: resolveVersion(setting, config).version };
    });
    const mine = tasks.find((task) => task.path === me)!;
    return maskDiagnostics(mine.config, sharedLogDirDiagnostics(tasks).get(me) ?? []);
  }

  /** Every known task config: path → text (open documents' text over the disk's). */
  configs(): Map<string, string> {
    return new Map([...this.onDisk, ...this.open]);
  }

  static uriOf(file: string): string {
    return pathToFileURL(file).toString();
  }

  private readFromDisk(file: string): void {
    try {
      const decoded = decodeConfigBytes(fs.readFileSync(file));
      if ('text' in decoded) this.onDisk.set(file, decoded.text);
    } catch {
      this.onDisk.delete(file); // deleted or unreadable since the listing
    }
  }
}
