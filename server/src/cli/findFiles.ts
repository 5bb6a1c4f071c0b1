import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../core/i18n';

export interface FoundFiles {
  /** Paths to lint, as the user will see them: each argument joined with the path found under it. */
  files: string[];
  /** One message per argument that is missing or cannot be read. */
  errors: string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules']);

/**
 * A file argument is linted whatever its name; a folder is searched recursively for `*.ini`.
 * Results are sorted per argument (by code unit, not locale) so CI output is stable.
 */
export function findFiles(args: readonly string[]): FoundFiles {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };

  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (e) {
      errors.push(t('cli.cannotRead', { path: arg, reason: describeError(e) }));
      continue;
    }
    if (stat.isFile()) add(arg);
    else if (stat.isDirectory()) {
      const found: string[] = [];
      walk(arg, '', found, errors);
      found.sort(byCodeUnit).forEach((rel) => add(path.join(arg, rel)));
    } else errors.push(t('cli.cannotRead', { path: arg, reason: t('cli.error.notFileOrFolder') }));
  }
  return { files, errors };
}

function walk(root: string, rel: string, found: string[], errors: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch (e) {
    errors.push(t('cli.cannotRead', { path: path.join(root, rel), reason: describeError(e) }));
    return;
  }
  for (const entry of entries) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(root, child, found, errors);
    } else if (isIniName(entry.name) && (entry.isFile() || isLinkToFile(path.join(root, child)))) {
      // Symlinked folders are not followed (a link cycle would never end); symlinked files are.
      found.push(child);
    }
  }
}

function isIniName(name: string): boolean {
  return name.toLowerCase().endsWith('.ini');
}

function isLinkToFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false; // a dangling link is not a config anyone can run
  }
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The error code (ENOENT, EACCES…) reads better than Node's full message, which repeats the path. */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return t('cli.error.noSuchFile');
  if (code === 'EACCES' || code === 'EPERM') return t('cli.error.permissionDenied');
  if (code === 'EISDIR') return t('cli.error.isFolder');
  return code ?? (e instanceof Error ? e.message : String(e));
}
