import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
/** The bin entry from package.json, exactly what `npx apedts` runs. */
export const CLI = path.join(REPO_ROOT, 'dist/cli.js');

/** `npm test` builds first; this only covers running one test file on a fresh checkout. */
export function ensureBuilt(): void {
  if (!fs.existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment without the locale variables the CLI reads its language from, so a run
 * speaks English whatever the machine's locale; `locale` adds some back.
 */
export function cliEnv(locale: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...rest } = process.env;
  return { ...rest, ...locale };
}

/** `timeoutMs` kills a hung run (status null) so the test fails instead of waiting forever. */
export function runCli(args: string[], cwd = REPO_ROOT, timeoutMs?: number, env: NodeJS.ProcessEnv = cliEnv()): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}
