// `apedts`: the linter for CI and ops scripts. This file only wires arguments, the file
// system and stdout/stderr together; the checks are the same core the language server uses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version as packageVersion } from '../../package.json';
import { cliLocale } from './cli/cliLocale';
import { describeError } from './cli/findFiles';
import { formatJson } from './cli/formatJson';
import { formatText } from './cli/formatText';
import { addCrossFileFindings, lintFileBytes, type FileReport } from './cli/lintFile';
import { parseArgs, type Command } from './cli/parseArgs';
import { findLintTargets, lintProgressFiles } from './cli/progressFiles';
import { runResume } from './cli/resumeCommand';
import { runResumePoint } from './cli/resumePoint';
import { usage } from './cli/usage';
import { setLocale, t } from './core/i18n';

const EXIT_OK = 0;
const EXIT_ERRORS_FOUND = 1;
const EXIT_USAGE = 2;

function run(argv: readonly string[]): number {
  // Before anything is printed, and before parsing, whose errors are printed too.
  setLocale(cliLocale(argv, process.env));
  const command = parseArgs(argv);
  switch (command.kind) {
    case 'help':
      process.stdout.write(usage());
      return EXIT_OK;
    case 'version':
      process.stdout.write(`${packageVersion}\n`);
      return EXIT_OK;
    case 'usage-error':
      process.stderr.write(`apedts: ${command.message}\n${t('cli.runHelp')}\n`);
      return EXIT_USAGE;
    case 'lint':
      return lint(command);
    case 'resume':
      return runResume(command, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
    case 'resume-point':
      return runResumePoint(command, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
    case 'lsp':
      // The bundled server sits next to this file in dist/; loading it starts it on argv's transport.
      require(path.join(__dirname, 'server.js'));
      return EXIT_OK;
  }
}

function lint({ paths, version, format }: Extract<Command, { kind: 'lint' }>): number {
  const { files, errors, progress } = findLintTargets(paths);
  const reports: FileReport[] = [];
  for (const file of files) {
    if (progress.has(file)) continue;
    try {
      reports.push(lintFileBytes(file, fs.readFileSync(file), version));
    } catch (e) {
      errors.push(t('cli.cannotRead', { path: file, reason: describeError(e) }));
    }
  }
  // Progress files (position.log, finished.log, resume configs) after the configs they belong to.
  const progressRun = lintProgressFiles([...progress], reports, version, paths);
  errors.push(...progressRun.errors);
  // A path we could not read means the run did not check what was asked: say so, lint nothing.
  if (errors.length === 0 && files.length === 0) errors.push(t('cli.noIniFound', { paths: paths.join(', ') }));
  if (errors.length > 0) {
    for (const message of errors) process.stderr.write(`apedts: ${message}\n`);
    return EXIT_USAGE;
  }

  addCrossFileFindings(reports);
  reports.push(...progressRun.reports);
  process.stdout.write(format === 'json' ? formatJson(reports) : formatText(reports, version));
  const anyError = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  return anyError ? EXIT_ERRORS_FOUND : EXIT_OK;
}

// exitCode, not process.exit(): exiting at once could cut off output still queued for a pipe.
process.exitCode = run(process.argv.slice(2));
