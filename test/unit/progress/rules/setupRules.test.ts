import { describe, expect, it } from 'vitest';
import { lintLog4rs } from '../../../../server/src/core/progress/lintLog4rs';
import { lintResumeSetup } from '../../../../server/src/core/progress/lintResumeSetup';
import { simulateResume } from '../../../../server/src/core/progress/simulateResume';
import type { ApeVersion } from '../../../../server/src/core/schema/types';
import { ini } from '../progressHelper';

// PL rules about task_config.ini and log4rs.yaml: `line:code:severity` on the ini.

const setup = (version: ApeVersion, facts: Parameters<typeof lintResumeSetup>[2], ...lines: string[]) =>
  lintResumeSetup(ini(...lines), version, facts).map((d) => `${d.range.start.line + 1}:${d.code}:${d.severity}`);
const warnings = (version: ApeVersion, ...lines: string[]) =>
  simulateResume({ version, config: ini(...lines), files: {} }).warnings.map((w) => w.slice(0, 5));

const MYSQL = ['[extractor]', 'db_type=mysql', 'extract_type=cdc', 'server_id=2', '[sinker]', 'sink_type=write'];
const FROM_LOG = ['[resumer]', 'resume_type=from_log'];

describe('PL020 nothing gets logged', () => {
  it('log_level=warn', () => {
    expect(setup('2.0.26', {}, ...MYSQL, ...FROM_LOG, '[runtime]', 'log_level=warn')).toEqual(['10:PL020:warning']);
    expect(setup('2.0.26', {}, ...MYSQL, ...FROM_LOG, '[runtime]', 'log_level=info')).toEqual([]);
  });
  it('a missing log4rs file', () => {
    expect(setup('2.0.26', { log4rsExists: false }, ...MYSQL, '[runtime]', 'log4rs_file=./log4rs.yaml')).toEqual(['8:PL020:warning']);
    expect(setup('2.0.26', { log4rsExists: true }, ...MYSQL, '[runtime]', 'log4rs_file=./log4rs.yaml')).toEqual([]);
  });
});

describe('PL021–PL023 the [resumer] keys (named in the prediction; the config linter marks them)', () => {
  it('PL021: 2.0.26 refuses the legacy keys', () => {
    expect(warnings('2.0.26', ...MYSQL, '[resumer]', 'resume_from_log=true')).toContain('PL021');
    expect(warnings('2.0.26', ...MYSQL, ...FROM_LOG)).not.toContain('PL021');
  });
  it('PL022: 2.0.25 ignores resume_config_file alone', () => {
    expect(warnings('2.0.25', ...MYSQL, '[resumer]', 'resume_config_file=./r.config')).toContain('PL022');
    expect(warnings('2.0.25', ...MYSQL, '[resumer]', 'resume_config_file=./r.config', 'resume_log_dir=./logs')).not.toContain('PL022');
  });
  it('PL023: values are case-sensitive', () => {
    expect(warnings('2.0.26', ...MYSQL, '[resumer]', 'resume_type=FROM_LOG')).toContain('PL023');
    expect(warnings('2.0.24', ...MYSQL, '[resumer]', 'resume_from_log=yes')).toContain('PL023');
    expect(warnings('2.0.24', ...MYSQL, '[resumer]', 'resume_from_log=true')).not.toContain('PL023');
  });
});

describe('PL024 the config file out-ranked by position.log', () => {
  it('only when the log dir already has positions', () => {
    const lines = [...MYSQL, ...FROM_LOG, 'config_file=/tmp/r.config'];
    expect(setup('2.0.26', { positionLogHasPositions: true }, ...lines)).toEqual(['9:PL024:warning']);
    expect(setup('2.0.26', { positionLogHasPositions: false }, ...lines)).toEqual([]);
  });
});

describe('PL025 PG recreates the slot', () => {
  const PG = (recreate: string) => ['[extractor]', 'db_type=pg', 'extract_type=cdc', 'slot_name=s', 'start_lsn=0/1', `recreate_slot_if_exists=${recreate}`, '[sinker]', 'sink_type=write'];
  it('and ignores start_lsn', () => {
    expect(setup('2.0.26', {}, ...PG('true'))).toEqual(['6:PL025:warning']);
    expect(setup('2.0.26', {}, ...PG('false'))).toEqual([]);
  });
});

describe('PL026 start_time_utc with a binlog position', () => {
  it('recomputes the file but keeps the offset', () => {
    expect(setup('2.0.24', {}, ...MYSQL, '[extractor]', 'binlog_position=4', 'start_time_utc=2024-10-18 00:00:00')).toEqual(['9:PL026:warning']);
    expect(setup('2.0.24', {}, ...MYSQL, '[extractor]', 'binlog_position=4')).toEqual([]);
  });
});

describe('PL034 task types without log resume', () => {
  it('2.0.25 snapshot+check with from_log fails at start', () => {
    const lines = ['[extractor]', 'db_type=mysql', 'extract_type=snapshot', '[sinker]', 'sink_type=check', ...FROM_LOG];
    expect(setup('2.0.25', {}, ...lines)).toEqual(['7:PL034:error']);
    expect(setup('2.0.26', {}, ...lines)).toEqual([]);
  });
  it('a dummy sink builds no resumer', () => {
    const lines = ['[extractor]', 'db_type=mysql', 'extract_type=cdc', '[sinker]', 'sink_type=dummy', ...FROM_LOG];
    expect(setup('2.0.26', {}, ...lines)).toEqual(['7:PL034:warning']);
    expect(setup('2.0.26', {}, ...MYSQL, ...FROM_LOG)).toEqual([]);
  });
});

describe('PL035 relative resume paths', () => {
  it('resolve against the folder ape-dts starts in', () => {
    expect(setup('2.0.26', {}, ...MYSQL, ...FROM_LOG, 'log_dir=./old_logs')).toEqual(['9:PL035:information']);
    expect(setup('2.0.26', {}, ...MYSQL, ...FROM_LOG, 'log_dir=/var/ape/old_logs')).toEqual([]);
  });
});

describe('PL036 log4rs placeholders', () => {
  const yaml = (token: string) => `appenders:\n  position_appender:\n    path: "${token}/position.log"\n`;
  it('2.0.25+ do not substitute the old misspelt token', () => {
    expect(lintLog4rs(yaml('LOG_DIR_PLACEHODLER'), '2.0.26').map((d) => `${d.range.start.line + 1}:${d.code}`)).toEqual(['3:PL036']);
    expect(lintLog4rs(yaml('LOG_DIR_PLACEHOLDER'), '2.0.26')).toEqual([]);
  });
  it('2.0.24 only knows the misspelt one', () => {
    expect(lintLog4rs(yaml('LOG_DIR_PLACEHOLDER'), '2.0.24').map((d) => d.code)).toEqual(['PL036']);
    expect(lintLog4rs(yaml('LOG_DIR_PLACEHODLER'), '2.0.24')).toEqual([]);
  });
});
