import * as fs from 'node:fs';
import * as path from 'node:path';
import { unifiedDiff } from '../core/edits/unifiedDiff';
import { currentLocale, t } from '../core/i18n';
import { parseTaskConfig } from '../core/model/taskConfig';
import { planResume } from '../core/resume/planResume';
import { resolveVersion } from '../core/schema/resolveVersion';
import { readProgressText } from '../io/readProgressText';
import { describeError } from './findFiles';
import type { Command } from './parseArgs';

// `apedts resume`: the same planner as the editor command. Without --write it prints a
// unified diff of every file it would change and touches nothing.

type ResumeArgs = Extract<Command, { kind: 'resume' }>;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export function runResume(args: ResumeArgs, io: Io): number {
  let configText: string;
  let log: ReturnType<typeof readProgressText>;
  try {
    configText = fs.readFileSync(args.config, 'utf8');
    log = readProgressText(args.log);
  } catch (e) {
    // English keeps Node's own message (it names the failing call); other languages get ours.
    const reason = currentLocale() === 'en' ? (e as Error).message : describeError(e);
    io.err(`apedts: ${t('cli.cannotRead', { path: (e as { path?: string }).path ?? args.config, reason })}\n`);
    return 2;
  }
  const { version, reason } = resolveVersion(args.version, parseTaskConfig(configText));
  const finishedPath = path.join(path.dirname(args.log), 'finished.log');
  const resumeName = path.basename(args.log);
  const outcome = planResume({
    version,
    config: { path: path.resolve(args.config), text: configText },
    log: { path: path.resolve(args.log), text: log.text, firstLine: log.firstLine, kind: /^position\d*\.log$/.test(resumeName) ? 'position' : 'resumeConfig' },
    finishedLog: fs.existsSync(finishedPath) ? { path: path.resolve(finishedPath), text: fs.readFileSync(finishedPath, 'utf8') } : undefined,
    line: args.line,
    strategy: args.strategy,
    allowCurrent: args.allowCurrent,
    facts: {
      exists: (p) => fs.existsSync(p),
      logModifiedMs: fs.statSync(args.log).mtimeMs,
      nowMs: Date.now(),
      existingResumeFile: undefined,
    },
  });
  io.err(`ape-dts ${version} (${reason})\n`);
  if (!outcome.ok) {
    for (const w of outcome.warnings) io.err(`${t('cli.resume.warning', { id: w.id, message: w.message })}\n`);
    io.err(`apedts: ${outcome.reason}\n`);
    if (outcome.suggestedLine !== undefined) {
      io.err(`${t('cli.resume.hint', { command: `apedts resume ${args.config} --log ${args.log} --line ${outcome.suggestedLine + 1}` })}\n`);
    }
    return 1;
  }
  const { plan } = outcome;
  const files = plan.files.map((f) => ({ ...f, previous: fs.existsSync(f.path) ? fs.readFileSync(f.path, 'utf8') : undefined }));
  const tag = plan.tag ?? t('cli.resume.noTag');
  io.err(`${t('cli.resume.plan', { file: path.basename(args.log), line: plan.line + 1, variant: plan.variant, tag, strategy: plan.strategy })}\n`);
  for (const n of plan.notes) io.err(`- ${n}\n`);
  for (const w of plan.warnings) io.err(`${t('cli.resume.warning', { id: w.id, message: w.message })}\n`);
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  if (!args.write) {
    io.out(unifiedDiff(rel(args.config), rel(args.config), configText, plan.newConfigText));
    for (const f of files) io.out(unifiedDiff(f.previous === undefined ? '/dev/null' : rel(f.path), rel(f.path), f.previous ?? '', f.text));
    return 0;
  }
  fs.writeFileSync(args.config, plan.newConfigText);
  for (const f of files) fs.writeFileSync(f.path, f.text);
  io.err(`${t('cli.resume.wrote', { files: [args.config, ...files.map((f) => rel(f.path))].join(', ') })}\n`);
  return 0;
}
