import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeConfigBytes } from '../core/decodeText';
import { parseTaskConfig } from '../core/model/taskConfig';
import { decodeProgressBytes } from '../core/progress/decodeProgressBytes';
import { classifyProgressFile } from '../core/progress/progressFileKind';
import type { Diagnostic } from '../core/diagnostic';
import { t } from '../core/i18n';
import type { ProgressFileInput } from '../core/progress/resumeCandidates';
import type { VersionSetting } from '../core/schema/resolveVersion';
import { readFirstLine } from '../io/readFirstLine';
import { readProgressTail } from '../io/readProgressTail';
import { WHOLE_FILE_LIMIT, readProgressText } from '../io/readProgressText';
import { validateProgressFileSync } from '../io/streamProgressFile';
import { analyseProgress, filesNeeded, lintOptionsOf, sortDiagnostics } from '../lsp/progress/analyseProgress';
import { findOwners, sharedFolderDiagnostic, type BaseFolder, type ProgressOwner, type TaskSource } from '../lsp/progress/owners';
import { describeError, findFiles } from './findFiles';
import type { FileReport } from './lintFile';

// `apedts lint` and progress files: position.log, positionN.log (rolled archives, never
// read), finished.log, resume.config / *.resume.config, and any *.config beside a task
// config. A file argument ending in .config is a resume config whatever its folder. Each
// progress file is checked against the task configs it belongs to (found among the configs
// of the run and the *.ini files in its folder and the two above), like the editor does.
// A position.log over STREAM_ABOVE_BYTES is streamed (io/streamProgressFile.ts): the same
// findings as reading it whole, in memory that does not grow with the file.

/** position logs bigger than this are validated by streaming instead of in memory. */
export const STREAM_ABOVE_BYTES = 4 * 1024 * 1024;

export interface LintProgressOptions {
  /** Overrides STREAM_ABOVE_BYTES (tests compare both paths on one file). */
  streamAboveBytes?: number;
}

export interface LintTargets {
  files: string[];
  errors: string[];
  /** The members of `files` that are progress files. */
  progress: Set<string>;
}

const SKIPPED_FOLDERS = new Set(['node_modules']);
const PROGRESS_NAME = /^(position\d*\.log|finished\d*\.log|resume\.config|.+\.resume\.config)$/;

export function findLintTargets(paths: readonly string[]): LintTargets {
  const { files, errors } = findFiles(paths);
  const progress = new Set<string>();
  const seen = new Set(files.map((f) => path.resolve(f)));
  const configs: string[] = [];
  for (const f of files) {
    const name = path.basename(f);
    if (/^(position|finished)\d*\.log$/.test(name) || name.endsWith('.config')) progress.add(f);
    else configs.push(f);
  }
  for (const arg of paths) {
    let isDir = false;
    try {
      isDir = fs.statSync(arg).isDirectory();
    } catch {
      continue; // findFiles already reported it
    }
    if (!isDir) continue;
    const found: string[] = [];
    walk(arg, '', found);
    for (const rel of found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const file = path.join(arg, rel);
      const key = path.resolve(file);
      if (seen.has(key)) continue;
      const name = path.basename(file);
      if (!PROGRESS_NAME.test(name) && !besideTaskConfig(file)) continue;
      seen.add(key);
      files.push(file);
      progress.add(file);
    }
  }
  return { files, errors, progress };
}

function walk(root: string, rel: string, found: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return; // findFiles reports unreadable folders
  }
  for (const entry of entries) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(root, child, found);
    } else if ((PROGRESS_NAME.test(entry.name) || entry.name.endsWith('.config')) && (entry.isFile() || isFile(path.join(root, child)))) {
      found.push(child);
    }
  }
}

function besideTaskConfig(file: string): boolean {
  if (!file.endsWith('.config')) return false;
  try {
    return fs.readdirSync(path.dirname(file)).some((n) => n.toLowerCase().endsWith('.ini'));
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Lints the progress files of a run. `reports` are the task config reports of the same run
 * (their configs are the first candidates for owners); `paths` are the run's arguments, whose
 * folders count as places ape-dts may be started from, like workspace folders in the editor.
 */
export function lintProgressFiles(
  files: readonly string[],
  reports: readonly FileReport[],
  setting: VersionSetting,
  paths: readonly string[],
  options: LintProgressOptions = {},
): { reports: FileReport[]; errors: string[] } {
  const out: FileReport[] = [];
  const errors: string[] = [];
  const known = new Map<string, TaskSource>();
  for (const r of reports) if (r.config) known.set(path.resolve(r.file), { path: path.resolve(r.file), config: r.config });
  const bases: BaseFolder[] = [
    ...paths.filter((p) => isDir(p)).map((p) => ({ dir: path.resolve(p), label: t('cliProgress.base.folder', { folder: p }) })),
    { dir: process.cwd(), label: t('cliProgress.base.workingFolder') },
  ];
  const texts = new Map<string, ProgressFileInput | null>();

  const streamAbove = options.streamAboveBytes ?? STREAM_ABOVE_BYTES;
  const context = (abs: string, kind: ReturnType<typeof kindOf>) => {
    const tasks = [...known.values(), ...nearbyConfigs(abs, known)];
    const owners = findOwners(abs, tasks, bases, setting, kind);
    const others = new Map<string, ProgressFileInput | null>();
    for (const p of filesNeeded(abs, owners)) {
      if (!texts.has(p)) texts.set(p, readOther(p));
      others.set(p, texts.get(p)!);
    }
    const siblingNames = kind === 'resumeConfig' ? undefined : safeList(path.dirname(abs));
    return { owners, others, siblingNames };
  };

  for (const file of files) {
    const abs = path.resolve(file);
    const kind = kindOf(abs);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch (e) {
      errors.push(t('cliProgress.cannotRead', { file, reason: describeError(e) }));
      continue;
    }
    if (kind === 'position' && size > streamAbove) {
      try {
        out.push(streamPositionLog(file, abs, setting, context(abs, kind)));
      } catch (e) {
        errors.push(t('cliProgress.cannotRead', { file, reason: describeError(e) }));
      }
      continue;
    }
    let bytes: Buffer | undefined;
    let text: { text: string; firstLine: number };
    let invalidUtf8: { line: number; character: number } | undefined;
    try {
      if (size <= WHOLE_FILE_LIMIT) {
        bytes = fs.readFileSync(file);
        const decoded = decodeProgressBytes(bytes);
        text = { text: decoded.text, firstLine: 0 };
        invalidUtf8 = decoded.invalidUtf8;
      } else {
        text = readProgressText(file);
      }
    } catch (e) {
      errors.push(t('cliProgress.cannotRead', { file, reason: describeError(e) }));
      continue;
    }
    const { owners, others, siblingNames } = context(abs, kind);
    const a = analyseProgress({ path: abs, text: text.text, firstLine: text.firstLine, kind, setting, owners, files: others, facts: { siblingNames, invalidUtf8 } });
    if (text.firstLine > 0) {
      a.diagnostics.unshift({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'information',
        code: 'progress.tail-only',
        message: t('cliProgress.tailOnly', { mb: WHOLE_FILE_LIMIT / 1024 / 1024, lines: a.parsed.lines.length, line: text.firstLine + 1 }),
      });
    }
    out.push({ file, diagnostics: a.diagnostics, version: a.version, versionReason: a.versionReason });
  }
  return { reports: out, errors };
}

function kindOf(abs: string) {
  return classifyProgressFile(abs)?.kind ?? 'resumeConfig';
}

/**
 * A big position.log: its tail gives what the in-memory path gets from the whole text (the
 * version, the owners' predictions; ape-dts reads only the tail), then the file is validated
 * by streaming with the same inputs lintProgress gets there.
 */
function streamPositionLog(
  file: string,
  abs: string,
  setting: VersionSetting,
  { owners, others, siblingNames }: { owners: ProgressOwner[]; others: Map<string, ProgressFileInput | null>; siblingNames: string[] | undefined },
): FileReport {
  // Counting the lines before the tail is one fast pass (no decoding) and gives true line numbers.
  const tail = readProgressTail(abs, { countLines: true });
  const a = analyseProgress({ path: abs, text: tail.text, firstLine: tail.firstLine, kind: 'position', setting, owners, files: others, facts: { siblingNames } });
  const diagnostics: Diagnostic[] = [];
  validateProgressFileSync(abs, { ...lintOptionsOf(a), facts: { siblingNames } }, (d) => diagnostics.push(d));
  sortDiagnostics(diagnostics);
  const shared = sharedFolderDiagnostic(abs, owners, readFirstLine(abs));
  if (shared) diagnostics.unshift(shared);
  return { file, diagnostics, version: a.version, versionReason: a.versionReason };
}

/** *.ini files in the file's folder and the two above it, not already known. */
function nearbyConfigs(file: string, known: Map<string, TaskSource>): TaskSource[] {
  const out: TaskSource[] = [];
  let dir = path.dirname(file);
  for (let up = 0; up < 3; up++) {
    for (const name of safeList(dir) ?? []) {
      if (!name.toLowerCase().endsWith('.ini')) continue;
      const p = path.join(dir, name);
      if (known.has(p)) continue;
      try {
        const decoded = decodeConfigBytes(fs.readFileSync(p));
        if ('text' in decoded) {
          const task = { path: p, config: parseTaskConfig(decoded.text) };
          known.set(p, task);
          out.push(task);
        }
      } catch {
        // unreadable: not a candidate
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

function readOther(file: string): ProgressFileInput | null {
  try {
    if (!fs.statSync(file).isFile()) return null;
    const t = classifyProgressFile(file)?.kind === 'position' ? readProgressText(file) : { text: fs.readFileSync(file, 'utf8'), firstLine: 0 };
    return { path: file, text: t.text, firstLine: t.firstLine };
  } catch {
    return null;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function safeList(dir: string): string[] | undefined {
  try {
    return fs.readdirSync(dir);
  } catch {
    return undefined;
  }
}
