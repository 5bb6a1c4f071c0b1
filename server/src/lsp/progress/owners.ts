import * as path from 'node:path';
import { range, type Diagnostic } from '../../core/diagnostic';
import { t } from '../../core/i18n';
import { parseTaskConfig, type TaskConfig } from '../../core/model/taskConfig';
import { classifyProgressFile, type ProgressFileKind } from '../../core/progress/progressFileKind';
import { resolveResumeSetup, type ResumeSetup } from '../../core/progress/resumeSetup';
import { taskView } from '../../core/schema/conditions';
import { resolveVersion, type VersionSetting } from '../../core/schema/resolveVersion';
import type { ApeVersion } from '../../core/schema/types';

// Which task configs a progress file belongs to. A task writes position.log / finished.log
// into its [runtime] log_dir, and its resumer reads <log dir>/position.log, finished.log and
// the resume config file its [resumer] keys name. ape-dts resolves relative paths against the
// folder it is started in, which we cannot know: we try the config's own folder first, then
// each workspace folder (ape-dts's own tests run from the repository root), and say which one
// matched. Shared by the language server and the CLI; no editor imports.

export interface TaskSource {
  path: string;
  config: TaskConfig;
}

export interface BaseFolder {
  dir: string;
  /** How to name it to the user: "the config's folder", "the workspace folder x". */
  label: string;
  /** The config's own folder (the first base, and the one ape-dts is usually started from). */
  own?: boolean;
}

export interface ProgressOwner {
  configPath: string;
  config: TaskConfig;
  version: ApeVersion;
  versionReason: string;
  /** The folder relative paths were resolved against to match, and its name. */
  base: BaseFolder;
  /** Its resumer reads this file. */
  reads: boolean;
  /** It writes this file (it lies in the task's [runtime] log_dir). */
  writes: boolean;
  /** The key that leads to the file: `resumer.log_dir`, `runtime.log_dir`, `resumer.config_file`… */
  via: string;
  /** The resumer setup resolved against `base`. */
  setup: ResumeSetup;
}

/** The config's folder, then every workspace (or run) folder not equal to it. */
export function basesFor(configPath: string, extra: readonly BaseFolder[]): BaseFolder[] {
  const own: BaseFolder = { dir: path.dirname(path.resolve(configPath)), label: t('lspProgress.base.configFolder'), own: true };
  return [own, ...extra.filter((b) => path.resolve(b.dir) !== own.dir)];
}

export function findOwners(
  file: string,
  tasks: readonly TaskSource[],
  extraBases: readonly BaseFolder[],
  setting: VersionSetting,
  /** The kind when the name does not tell (a resume config with any name). */
  kind?: ProgressFileKind,
): ProgressOwner[] {
  const name = classifyProgressFile(file) ?? (kind ? { kind } : undefined);
  if (!name) return [];
  const target = path.resolve(file);
  const folder = path.dirname(target);
  const owners: ProgressOwner[] = [];
  for (const task of tasks) {
    const { version, reason } = resolveVersion(setting, task.config);
    for (const base of basesFor(task.path, extraBases)) {
      const setup = resolveResumeSetup(task.config, version, base.dir);
      let reads = false;
      let via = '';
      if (name.kind === 'resumeConfig') {
        if (setup.configFile && path.resolve(base.dir, setup.configFile.path) === target) {
          reads = true;
          via = setup.configFile.key;
        }
      } else if (name.archive === undefined) {
        const read = name.kind === 'position' ? setup.readsPositionLog && setup.positionLogPath : setup.readsFinishedLog && setup.finishedLogPath;
        if (read && path.resolve(base.dir, read) === target) {
          reads = true;
          via = setup.logDir!.key;
        }
      }
      const logDir = taskView(task.config, version).eff('runtime.log_dir') ?? './logs';
      const writes = name.kind !== 'resumeConfig' && path.resolve(base.dir, logDir) === folder;
      if (!reads && !writes) continue;
      owners.push({
        configPath: task.path,
        config: task.config,
        version,
        versionReason: reason,
        base,
        reads,
        writes,
        via: via || 'runtime.log_dir',
        setup,
      });
      break;
    }
  }
  // The task that resumes from the file first, then matches from the config's own folder.
  const rank = (o: ProgressOwner) => (o.reads ? 0 : 2) + (o.base.own ? 0 : 1);
  return owners.sort((a, b) => rank(a) - rank(b) || (a.configPath < b.configPath ? -1 : a.configPath > b.configPath ? 1 : 0));
}

/** A short description of how an owner is tied to the file. */
export function describeOwner(o: ProgressOwner, relativeTo?: string): string {
  const name = relativeTo ? path.relative(relativeTo, o.configPath) || path.basename(o.configPath) : o.configPath;
  const role = t(o.reads && o.writes ? 'lspProgress.owner.readsWrites' : o.reads ? 'lspProgress.owner.reads' : 'lspProgress.owner.writes');
  return t('lspProgress.owner.describe', { name, role, key: `[${o.via.replace('.', '] ')}`, base: o.base.label });
}

/**
 * Several tasks tied to one position.log / finished.log, at least one of them writing there:
 * their lines interleave and a resumer takes whatever comes last (PL011). Tasks that only
 * read the same resume config file share nothing.
 */
export function sharedFolderDiagnostic(file: string, owners: readonly ProgressOwner[], firstLineText: string): Diagnostic | undefined {
  const name = classifyProgressFile(file);
  if (!name || name.kind === 'resumeConfig') return undefined;
  const distinct = [...new Map(owners.map((o) => [path.resolve(o.configPath), o])).values()];
  if (distinct.length < 2 || !distinct.some((o) => o.writes)) return undefined;
  const folder = path.dirname(path.resolve(file));
  return {
    range: range(0, 0, firstLineText.length),
    severity: 'warning',
    code: 'PL011',
    message: t('lspProgress.PL011', { count: distinct.length, owners: distinct.map((o) => describeOwner(o, folder)).join(', ') }),
  };
}

/** Parses task configs once per text (a workspace can hold hundreds). */
export class ParsedConfigs {
  private readonly cache = new Map<string, { text: string; config: TaskConfig }>();

  get(texts: ReadonlyMap<string, string>): TaskSource[] {
    const out: TaskSource[] = [];
    for (const [file, text] of texts) {
      let hit = this.cache.get(file);
      if (!hit || hit.text !== text) this.cache.set(file, (hit = { text, config: parseTaskConfig(text) }));
      out.push({ path: file, config: hit.config });
    }
    for (const file of this.cache.keys()) if (!texts.has(file)) this.cache.delete(file);
    return out;
  }
}
