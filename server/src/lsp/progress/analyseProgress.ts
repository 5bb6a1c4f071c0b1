import * as path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic';
import { t } from '../../core/i18n';
import { parseTaskConfig } from '../../core/model/taskConfig';
import { detectRuns, type Run } from '../../core/progress/detectRuns';
import { lintProgress } from '../../core/progress/lintProgress';
import { parseProgressFile } from '../../core/progress/parseProgressFile';
import { classifyProgressFile, type ProgressFileKind, type ProgressFileName } from '../../core/progress/progressFileKind';
import type { ProgressFile } from '../../core/progress/progressLine';
import type { ProgressFileInput } from '../../core/progress/resumeCandidates';
import type { ProgressFacts } from '../../core/progress/rules/progressRule';
import { simulateResume, type ResumePrediction } from '../../core/progress/simulateResume';
import { taskView } from '../../core/schema/conditions';
import { resolveVersion, type VersionSetting } from '../../core/schema/resolveVersion';
import type { ApeVersion } from '../../core/schema/types';
import { sharedFolderDiagnostic, type ProgressOwner } from './owners';

// One progress file with everything known about it: its lines read as the chosen version
// reads them, the task configs it belongs to, where each of them resumes, and the
// diagnostics. Reading other files is the caller's job (the CLI reads synchronously, the
// server asynchronously and from open documents), so this stays free of I/O.

export interface OwnerPrediction {
  owner: ProgressOwner;
  prediction: ResumePrediction;
}

export interface ProgressAnalysis {
  /** Resolved (absolute) path. */
  path: string;
  kind: ProgressFileKind;
  name: ProgressFileName | undefined;
  version: ApeVersion;
  versionReason: string;
  parsed: ProgressFile;
  owners: ProgressOwner[];
  /** One per owner whose resumer reads this file. */
  predictions: OwnerPrediction[];
  diagnostics: Diagnostic[];
  runs: Run[];
}

export interface AnalyseProgressInput {
  path: string;
  /** The file's text, or its tail with firstLine. */
  text: string;
  firstLine?: number;
  /** Overrides the kind from the name (an editor language, a file a config points to). */
  kind?: ProgressFileKind;
  setting: VersionSetting;
  owners: ProgressOwner[];
  /** The other files the owners' resumers read, by resolved path; null = does not exist. */
  files: ReadonlyMap<string, ProgressFileInput | null>;
  facts?: ProgressFacts;
}

const NO_CONFIG = parseTaskConfig('');

/** Other files (resolved paths) the owners' resumers read, which the caller should load. */
export function filesNeeded(file: string, owners: readonly ProgressOwner[]): string[] {
  const me = path.resolve(file);
  const out = new Set<string>();
  for (const o of owners) {
    if (!o.reads) continue;
    for (const p of setupFiles(o)) if (p !== me) out.add(p);
  }
  return [...out];
}

function setupFiles(o: ProgressOwner): string[] {
  const s = o.setup;
  const files = [s.readsPositionLog ? s.positionLogPath : undefined, s.readsFinishedLog ? s.finishedLogPath : undefined, s.configFile?.path];
  return files.filter((p): p is string => p !== undefined).map((p) => path.resolve(o.base.dir, p));
}

export function analyseProgress(input: AnalyseProgressInput): ProgressAnalysis {
  const me = path.resolve(input.path);
  const name = classifyProgressFile(me);
  const kind = input.kind ?? name?.kind ?? 'resumeConfig';
  const primary = input.owners[0];
  const { version, reason } =
    input.setting !== 'auto'
      ? resolveVersion(input.setting, NO_CONFIG)
      : primary
        ? { version: primary.version, reason: t('lspProgress.version.fromConfig', { reason: primary.versionReason, config: path.basename(primary.configPath) }) }
        : { version: resolveVersion('auto', NO_CONFIG).version, reason: t('lspProgress.version.noConfig') };
  const parsed = parseProgressFile(input.text, { kind, version, firstLine: input.firstLine });

  const predictions: OwnerPrediction[] = [];
  for (const owner of input.owners) {
    if (!owner.reads) continue;
    const get = (p: string | undefined): ProgressFileInput | undefined => {
      if (!p) return undefined;
      const resolved = path.resolve(owner.base.dir, p);
      if (resolved === me) {
        return owner.version === version ? { path: me, parsed } : { path: me, text: input.text, firstLine: input.firstLine };
      }
      return input.files.get(resolved) ?? undefined;
    };
    const s = owner.setup;
    const prediction = simulateResume({
      version: owner.version,
      config: owner.config,
      configDir: owner.base.dir,
      files: {
        positionLog: s.readsPositionLog ? get(s.positionLogPath) : undefined,
        finishedLog: s.readsFinishedLog ? get(s.finishedLogPath) : undefined,
        resumeConfig: get(s.configFile?.path),
      },
      facts: kind === 'resumeConfig' ? undefined : { logDirEntries: input.facts?.siblingNames },
    });
    predictions.push({ owner, prediction });
  }

  const mine = predictions.find((p) => p.owner === primary);
  const diagnostics = lintProgress({ version, path: me, kind, parsed, ...lintContext(primary, mine), facts: input.facts });
  const shared = sharedFolderDiagnostic(me, input.owners, parsed.firstLine === 0 ? (parsed.lines[0]?.text ?? '') : '');
  if (shared) diagnostics.unshift(shared);

  const interval = primary ? Number(taskView(primary.config, version).eff('pipeline.checkpoint_interval_secs') ?? '10') : 10;
  const runs = kind === 'resumeConfig' ? [] : detectRuns(parsed, Number.isFinite(interval) && interval > 0 ? interval : 10);
  return { path: me, kind, name, version, versionReason: reason, parsed, owners: input.owners, predictions, diagnostics, runs };
}

/** What lintProgress learns from the task: the first owner's config and its prediction. */
function lintContext(primary: ProgressOwner | undefined, mine: OwnerPrediction | undefined) {
  return { config: primary?.config, configDir: primary?.base.dir, prediction: mine?.prediction };
}

/**
 * The options the streaming validator needs to say what lintProgress said in `a` (computed
 * from the tail of a big position.log: the version and prediction depend only on the tail).
 */
export function lintOptionsOf(a: ProgressAnalysis): { version: ApeVersion; path: string } & ReturnType<typeof lintContext> {
  const primary = a.owners[0];
  return { version: a.version, path: a.path, ...lintContext(primary, a.predictions.find((p) => p.owner === primary)) };
}

/** lintProgress's order (streamed findings come mostly, not strictly, in line order). */
export function sortDiagnostics(out: Diagnostic[]): Diagnostic[] {
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}
