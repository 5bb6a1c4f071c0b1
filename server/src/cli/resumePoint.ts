import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeConfigBytes } from '../core/decodeText';
import { parseTaskConfig } from '../core/model/taskConfig';
import type { ProgressFileInput } from '../core/progress/resumeCandidates';
import { resolveResumeSetup } from '../core/progress/resumeSetup';
import { simulateResume, type ResumePrediction } from '../core/progress/simulateResume';
import { t } from '../core/i18n';
import { resolveVersion } from '../core/schema/resolveVersion';
import { readProgressTail } from '../io/readProgressTail';
import type { Command } from './parseArgs';

// `apedts resume-point TASK_CONFIG`: where ape-dts resumes on its next start, from the same
// simulator the editor uses. Relative paths are resolved as ape-dts resolves them when it is
// started from the config's folder. position.log contributes its tail only (readProgressTail:
// all that ape-dts reads), and the line breaks before the tail are counted so that `line` is the
// file's own 1-based line number, as scripts expect: about half a second per GB, in flat memory.
// (The editor, which must answer at once, numbers a big file's lines from its end until a
// background count catches up; a command line can afford the count.)

type ResumePointArgs = Extract<Command, { kind: 'resume-point' }>;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface ResumePointJson {
  source: ResumePrediction['source'];
  file: string | null;
  /** 1-based; null when no progress line applies. */
  line: number | null;
  tag: string | null;
  /** The payload as written (exact digits), or null. */
  position: unknown;
  start: Record<string, string>;
  overridden: string[];
  reasons: string[];
  warnings: string[];
}

const POSITION_SLOT = '\u0000position\u0000';

export function runResumePoint(args: ResumePointArgs, io: Io): number {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(args.config);
  } catch (e) {
    io.err(`apedts: ${t('cliProgress.cannotRead', { file: args.config, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message })}\n`);
    return 2;
  }
  const decoded = decodeConfigBytes(bytes);
  if ('diagnostic' in decoded) {
    io.err(`apedts: ${args.config}: ${decoded.diagnostic.message}\n`);
    return 1;
  }
  const config = parseTaskConfig(decoded.text);
  const { version, reason } = resolveVersion(args.version, config);
  const configDir = path.dirname(path.resolve(args.config));
  const setup = resolveResumeSetup(config, version, configDir);

  const read = (file: string | undefined, tail: boolean): ProgressFileInput | undefined => {
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return undefined;
    if (tail) {
      const read = readProgressTail(file, { countLines: true });
      return { path: file, text: read.text, firstLine: read.firstLine ?? 0 };
    }
    return { path: file, text: fs.readFileSync(file, 'utf8') };
  };
  const logDir = setup.logDir?.path;
  const log4rs = config.value('runtime', 'log4rs_file');
  const prediction = simulateResume({
    version,
    config,
    configDir,
    files: {
      positionLog: setup.readsPositionLog ? read(setup.positionLogPath, true) : undefined,
      finishedLog: setup.readsFinishedLog ? read(setup.finishedLogPath, false) : undefined,
      resumeConfig: read(setup.configFile?.path, false),
    },
    facts: {
      logDirEntries: logDir && fs.existsSync(logDir) ? safeList(logDir) : undefined,
      // Only an explicit log4rs_file: the default ./log4rs.yaml sits beside the binary, not the config.
      log4rsMissing: log4rs !== undefined && !fs.existsSync(path.resolve(configDir, log4rs)),
    },
  });

  const display = (file: string) => {
    const rel = path.relative(process.cwd(), file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  };
  const tables = (prediction.snapshot?.tables ?? []).map(
    (s) =>
      t(s.usable ? 'cliProgress.tableResumes' : 'cliProgress.tableResumesUnusable', {
        table: `${s.schema}.${s.tb}`,
        file: display(s.file),
        line: s.line + 1,
        position: JSON.stringify(s.position),
      }),
  );
  const finished = (prediction.snapshot?.finished ?? []).map((f) => t('cliProgress.tableFinished', { table: `${f.schema}.${f.tb}`, file: display(f.file), line: f.line + 1 }));
  const json: ResumePointJson = {
    source: prediction.source,
    file: prediction.file === null ? null : display(prediction.file),
    line: prediction.line === null ? null : prediction.line + 1,
    tag: prediction.tag,
    position: prediction.payload === null ? null : POSITION_SLOT,
    start: prediction.start,
    overridden: prediction.overridden,
    reasons: [...prediction.reasons, ...tables, ...finished],
    warnings: prediction.warnings,
  };

  if (args.format === 'json') {
    // The payload goes in as written, so 64-bit offsets keep every digit.
    const text = JSON.stringify(json, null, 2).replace(JSON.stringify(POSITION_SLOT), () => prediction.payload!);
    io.out(`${text}\n`);
  } else {
    io.out(formatText(args.config, version, reason, prediction, json, display));
  }
  return setup.fatal ? 1 : 0;
}

function formatText(
  configArg: string,
  version: string,
  reason: string,
  p: ResumePrediction,
  json: ResumePointJson,
  display: (file: string) => string,
): string {
  const lines: string[] = [];
  const head = `${configArg} (ape-dts ${version}, ${reason})`;
  if (p.setup.fatal) lines.push(t('cliProgress.head.noStart', { head }));
  else if (p.file !== null && p.line !== null) lines.push(t(p.tag ? 'cliProgress.head.line.tag' : 'cliProgress.head.line', { head, file: display(p.file), line: p.line + 1, tag: p.tag ?? '' }));
  else if (p.snapshot && p.snapshot.tables.length > 0) lines.push(t('cliProgress.head.tables', { head, count: p.snapshot.tables.length }));
  else lines.push(t('cliProgress.head.extractor', { head }));
  if (p.payload !== null) lines.push(`  ${t('cliProgress.label.position')}: ${p.payload}`);
  const start = Object.entries(p.start);
  if (start.length > 0) lines.push(`  ${t('cliProgress.label.start')}: ${start.map(([k, v]) => `${k}=${v}`).join(' ')}`);
  if (p.overridden.length > 0) lines.push(`  ${t('cliProgress.label.overridden')}: ${p.overridden.join(', ')}`);
  if (json.reasons.length > 0) lines.push(`${t('cliProgress.label.reasons')}:`, ...json.reasons.map((r) => `  - ${r}`));
  if (json.warnings.length > 0) lines.push(`${t('cliProgress.label.warnings')}:`, ...json.warnings.map((w) => `  - ${w}`));
  return `${lines.join('\n')}\n`;
}

function safeList(dir: string): string[] | undefined {
  try {
    return fs.readdirSync(dir);
  } catch {
    return undefined;
  }
}
