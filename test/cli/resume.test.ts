import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './runCli';
import { SEED_CHECKPOINT, SEED_CONFIG, SEED_CURRENT } from '../fixtures/seed';

const CONFIG = SEED_CONFIG;
const CURRENT = SEED_CURRENT;
const CHECKPOINT = SEED_CHECKPOINT;

let dir: string;
beforeAll(() => ensureBuilt());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-resume-'));
  fs.mkdirSync(path.join(dir, 'logs'));
  fs.writeFileSync(path.join(dir, 'task_config.ini'), CONFIG);
  fs.writeFileSync(path.join(dir, 'logs/position.log'), `${CHECKPOINT}\n${CURRENT}\n${CHECKPOINT}\n`);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const resume = (...args: string[]) => runCli(['resume', 'task_config.ini', '--log', 'logs/position.log', '--ape-dts-version', '2.0.24', ...args], dir);

describe('apedts resume', () => {
  it('prints a diff and changes nothing without --write', () => {
    const r = resume('--line', '3');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('-binlog_position=73351\n+binlog_position=73685\n');
    expect(fs.readFileSync(path.join(dir, 'task_config.ini'), 'utf8')).toBe(CONFIG);
  });

  it('--write applies exactly that change', () => {
    expect(resume('--line', '3', '--write').status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'task_config.ini'), 'utf8')).toBe(CONFIG.replace('73351', '73685'));
  });

  it('refuses a MySQL current_position line and names the checkpoint before it', () => {
    const r = resume('--line', '2');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--line 1');
    expect(resume('--line', '2', '--allow-current').status).toBe(0);
  });

  it('--latest with --strategy resume-file at 2.0.26 writes resume.config and the [resumer] keys', () => {
    const r = runCli(['resume', 'task_config.ini', '--log', 'logs/position.log', '--latest', '--strategy', 'resume-file', '--ape-dts-version', '2.0.26', '--write'], dir);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'resume.config'), 'utf8')).toBe(CHECKPOINT + '\n');
    expect(fs.readFileSync(path.join(dir, 'task_config.ini'), 'utf8')).toBe(CONFIG + '\n[resumer]\nresume_type=from_log\nconfig_file=./resume.config\nlog_dir=./resume_from_file\n');
  });

  it('exits 2 for bad usage', () => {
    expect(runCli(['resume', 'task_config.ini', '--log', 'logs/position.log'], dir).status).toBe(2);
    expect(runCli(['resume', 'task_config.ini', '--line', '1'], dir).status).toBe(2);
  });
});
