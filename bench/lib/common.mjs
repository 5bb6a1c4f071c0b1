// Shared helpers of the benchmark suite: paths, the build, child processes, statistics.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH = path.join(ROOT, 'bench');
export const BUILD = path.join(BENCH, '.build');
export const FIXTURES = path.join(BENCH, '.fixtures');
export const CORE = path.join(BUILD, 'core.cjs');
export const TYPICAL_CONFIG = path.join(BENCH, 'fixtures', 'typical_task_config.ini');

/** Builds dist/ when it is missing (a clean checkout), then bundles the in-process entry points. */
export async function prepare(log, { rebuild = false } = {}) {
  if (rebuild || !fs.existsSync(path.join(ROOT, 'dist', 'server.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
    log(rebuild ? 'npm run build (--build)' : 'dist/ is missing: npm run build');
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(BENCH, 'lib', 'entry.mjs')],
    outfile: CORE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `node script args…` and returns the JSON object on its last stdout line. */
export function nodeJson(script, args = [], options = {}) {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs ?? 15 * 60 * 1000,
  });
  if (r.status !== 0) throw new Error(`${path.basename(script)} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

const TIME = '/usr/bin/time';
export const HAVE_TIME = fs.existsSync(TIME);

/**
 * Wall time of a command from spawn to exit, and its peak RSS (GNU time's %M, in KiB) when
 * /usr/bin/time exists. stdout goes to /dev/null unless `stdout` names a file.
 */
export function timeCommand(cmd, args, { cwd = ROOT, input } = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = path.join(os.tmpdir(), `apedts-bench-${process.pid}-${Math.random().toString(36).slice(2)}.rss`);
    const [c, a] = HAVE_TIME ? [TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
    const started = process.hrtime.bigint();
    const child = spawn(c, a, { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    if (input !== undefined) child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let rssMb = null;
      if (HAVE_TIME) {
        try {
          rssMb = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
          fs.rmSync(rssFile, { force: true });
        } catch {
          rssMb = null;
        }
      }
      resolve({ ms, rssMb, status, stderr });
    });
  });
}

export function freeBytes(dir) {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

export const round = (x, digits = 3) => (x === null || x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(digits)));
