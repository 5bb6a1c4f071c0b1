import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextEdit } from '../core/edits/textEdit';
import { t } from '../core/i18n';
import { parseTaskConfig } from '../core/model/taskConfig';
import { planResume, type ResumeStrategy } from '../core/resume/planResume';
import type { PlanWarning } from '../core/resume/safetyChecks';
import { resolveVersion, type VersionSetting } from '../core/schema/resolveVersion';
import { readProgressText } from '../io/readProgressText';

// `apeDts/planResume`: the editor's "Resume from this line". The server finds the task the
// log belongs to, runs the pure planner and returns the edits; the client previews and
// applies them. It works from a file URI and a line number, so logs too large to open as
// documents work too (their tail is read from disk).

export const PLAN_RESUME_REQUEST = 'apeDts/planResume';

export interface PlanResumeParams {
  /** The position.log (or resume config) the line is in; omitted: the config's own position.log. */
  logUri?: string;
  /** 0-based line, or 'latest'. */
  line: number | 'latest';
  strategy?: ResumeStrategy;
  /** The task config, once the user picked one. */
  configUri?: string;
  allowCurrent?: boolean;
}

export interface ConfigCandidate {
  uri: string;
  /** How its log_dir was matched to the log's folder. */
  matchedBy: string;
}

export type PlanResumeResponse =
  | { kind: 'chooseConfig'; candidates: ConfigCandidate[]; all: string[]; shared: boolean }
  | { kind: 'refused'; reason: string; suggestedLine?: number; warnings: PlanWarning[] }
  | {
      kind: 'plan';
      configUri: string;
      version: string;
      versionReason: string;
      strategy: ResumeStrategy;
      line: number;
      tag: string | null;
      variant: string;
      notes: string[];
      warnings: PlanWarning[];
      configEdits: TextEdit[];
      newConfigText: string;
      files: { uri: string; text: string; exists: boolean }[];
    };

export interface PlanResumeContext {
  /** Open document text, if open. */
  openText(uri: string): string | undefined;
  configs(): Map<string, string>;
  workspaceFolders(): string[];
  versionSetting(configUri: string): Promise<VersionSetting>;
}

const toPath = (uri: string) => fileURLToPath(uri);
const toUri = (p: string) => pathToFileURL(p).toString();

/** Task configs whose [runtime] log_dir (or resume config file) is this log, resolved from the config's folder or a workspace folder. */
export function configsForLog(logPath: string, configs: Map<string, string>, workspaceFolders: string[]): ConfigCandidate[] {
  const logDir = path.resolve(path.dirname(logPath));
  const isResumeFile = !/^position\d*\.log$/.test(path.basename(logPath));
  const found: ConfigCandidate[] = [];
  for (const [configPath, text] of configs) {
    const config = parseTaskConfig(text);
    const bases: [string, () => string][] = [
      [path.dirname(configPath), () => t('lsp.resume.matched.config-folder')],
      ...workspaceFolders.map((f): [string, () => string] => [f, () => t('lsp.resume.matched.workspace-folder', { folder: path.basename(f) })]),
    ];
    for (const [base, matchedBy] of bases) {
      const matches = isResumeFile
        ? ['config_file', 'resume_config_file'].some((k) => {
            const v = config.value('resumer', k);
            return v !== undefined && path.resolve(base, v) === path.resolve(logPath);
          })
        : path.resolve(base, config.value('runtime', 'log_dir') ?? './logs') === logDir;
      if (matches) {
        found.push({ uri: toUri(configPath), matchedBy: matchedBy() });
        break;
      }
    }
  }
  return found;
}

export async function handlePlanResume(params: PlanResumeParams, ctx: PlanResumeContext): Promise<PlanResumeResponse> {
  const folders = ctx.workspaceFolders().filter((u) => u.startsWith('file:')).map(toPath);
  let configUri = params.configUri;
  let logUri = params.logUri;
  let matchedBy: string | undefined;
  if (!configUri) {
    if (!logUri) return { kind: 'refused', reason: t('lsp.resume.open-first'), warnings: [] };
    const candidates = configsForLog(toPath(logUri), ctx.configs(), folders);
    if (candidates.length !== 1) {
      return { kind: 'chooseConfig', candidates, all: [...ctx.configs().keys()].map(toUri), shared: candidates.length > 1 };
    }
    configUri = candidates[0].uri;
    matchedBy = candidates[0].matchedBy;
  }
  const configPath = toPath(configUri);
  const configText = ctx.openText(configUri) ?? fs.readFileSync(configPath, 'utf8');
  const config = parseTaskConfig(configText);
  const { version, reason } = resolveVersion(await ctx.versionSetting(configUri), config);
  if (!logUri) logUri = toUri(path.resolve(path.dirname(configPath), config.value('runtime', 'log_dir') ?? './logs', 'position.log'));
  const logPath = toPath(logUri);
  const open = ctx.openText(logUri);
  const log = open !== undefined ? { text: open, firstLine: 0 } : readProgressText(logPath);
  const finishedPath = path.join(path.dirname(logPath), 'finished.log');
  const outcome = planResume({
    version,
    config: { path: configPath, text: configText },
    log: { path: logPath, text: log.text, firstLine: log.firstLine, kind: /^position\d*\.log$/.test(path.basename(logPath)) ? 'position' : 'resumeConfig' },
    finishedLog: fs.existsSync(finishedPath) ? { path: finishedPath, text: ctx.openText(toUri(finishedPath)) ?? fs.readFileSync(finishedPath, 'utf8') } : undefined,
    line: params.line,
    strategy: params.strategy,
    allowCurrent: params.allowCurrent,
    facts: { exists: (p) => fs.existsSync(p), logModifiedMs: fs.existsSync(logPath) ? fs.statSync(logPath).mtimeMs : undefined, nowMs: Date.now() },
  });
  if (!outcome.ok) return { kind: 'refused', reason: outcome.reason, suggestedLine: outcome.suggestedLine, warnings: outcome.warnings };
  const { plan } = outcome;
  return {
    kind: 'plan',
    configUri,
    version,
    versionReason: reason,
    strategy: plan.strategy,
    line: plan.line,
    tag: plan.tag,
    variant: plan.variant,
    // ape-dts resolves log_dir against its working directory; say which folder we assumed.
    notes: matchedBy ? [t('lsp.resume.task-note', { file: path.basename(configPath), matchedBy }), ...plan.notes] : plan.notes,
    warnings: plan.warnings,
    configEdits: plan.configEdits,
    newConfigText: plan.newConfigText,
    files: plan.files.map((f) => ({ uri: toUri(f.path), text: f.text, exists: fs.existsSync(f.path) })),
  };
}
