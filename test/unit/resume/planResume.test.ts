import { describe, expect, it } from 'vitest';
import { planResume, type PlanResumeInput, type ResumePlan } from '../../../server/src/core/resume/planResume';
import { lintConfig } from '../../../server/src/core/lintConfig';
import { SEED_CHECKPOINT, SEED_CONFIG, SEED_CURRENT } from '../../fixtures/seed';

// The seed: a MySQL CDC task started at mysql-bin.000004:73351 whose position.log ends with a
// checkpoint at 73685 (ape-dts's resume docs, 2.0.24).
const CONFIG = SEED_CONFIG;
const CURRENT = SEED_CURRENT;
const CHECKPOINT = SEED_CHECKPOINT;
const OLD = '2024-10-18 05:21:35.100000 | checkpoint_position | {"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":73500,"gtid_set":"","timestamp":"2024-10-18 05:21:34.000"}';
const LOG = [OLD, CURRENT, CHECKPOINT, ''].join('\n');

function plan(over: Partial<PlanResumeInput>): ResumePlan {
  const outcome = planResume({
    version: '2.0.24',
    config: { path: '/task/task_config.ini', text: CONFIG },
    log: { path: '/task/logs/position.log', text: LOG },
    line: 2,
    ...over,
  });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
}

describe('the seed, exactly', () => {
  it('extractor strategy: binlog_position=73685, filename unchanged, every other byte identical', () => {
    const p = plan({ strategy: 'extractor' });
    expect(p.newConfigText).toBe(CONFIG.replace('binlog_position=73351', 'binlog_position=73685'));
    expect(p.files).toEqual([]);
    expect(p.prediction.start.binlog_position).toBe('73685');
  });

  it('resume-file strategy, 2.0.24: resume.config holds the line and [resumer] resume_config_file points at it', () => {
    const p = plan({ strategy: 'resume-file' });
    expect(p.files.map((f) => [f.path, f.text])).toEqual([['/task/resume.config', CHECKPOINT + '\n']]);
    expect(p.newConfigText).toBe(CONFIG + '\n[resumer]\nresume_config_file=./resume.config\n');
    expect(p.prediction.source).toBe('config_file');
  });

  it('resume-file strategy, 2.0.26: resume_type=from_log with config_file, and a log_dir without position.log', () => {
    const p = plan({ strategy: 'resume-file', version: '2.0.26' });
    expect(p.newConfigText).toBe(CONFIG + '\n[resumer]\nresume_type=from_log\nconfig_file=./resume.config\nlog_dir=./resume_from_file\n');
    expect(p.prediction.source).toBe('config_file');
    expect(p.prediction.payload).toContain('73685');
  });

  it('resume-file strategy, 2.0.25: the same keys as 2.0.26', () => {
    const p = plan({ strategy: 'resume-file', version: '2.0.25' });
    expect(p.newConfigText).toContain('resume_type=from_log\nconfig_file=./resume.config');
  });

  it('no plan adds a lint error', () => {
    for (const version of ['2.0.24', '2.0.25', '2.0.26'] as const) {
      for (const strategy of ['extractor', 'resume-file'] as const) {
        const p = plan({ strategy, version });
        expect(lintConfig(p.newConfigText, { version }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }
    }
  });
});

describe('safety', () => {
  it('a MySQL current_position line is refused, offering the checkpoint before it', () => {
    const outcome = planResume({ version: '2.0.24', config: { path: '/task/task_config.ini', text: CONFIG }, log: { path: '/task/logs/position.log', text: LOG }, line: 1 });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? undefined : [outcome.suggestedLine, outcome.reason.slice(0, 5)]).toEqual([0, 'PL008']);
  });

  it('…unless allowed, then it warns', () => {
    const p = plan({ line: 1, allowCurrent: true });
    expect(p.warnings.map((w) => w.id)).toContain('PL008');
  });

  it('a position of another database is refused', () => {
    const pg = '2024-10-18 05:21:45.207788 | checkpoint_position | {"type":"PgCdc","lsn":"0/5D65CB0","timestamp":"2024-10-18 05:21:44.123"}';
    const outcome = planResume({ version: '2.0.24', config: { path: '/t/task_config.ini', text: CONFIG }, log: { path: '/t/logs/position.log', text: pg }, line: 0 });
    expect(outcome.ok ? 'ok' : outcome.reason.slice(0, 5)).toBe('PL010');
  });

  it('a truncated line is refused with the reason', () => {
    const outcome = planResume({ version: '2.0.24', config: { path: '/t/task_config.ini', text: CONFIG }, log: { path: '/t/logs/position.log', text: CHECKPOINT.slice(0, 120) }, line: 0 });
    expect(outcome.ok).toBe(false);
  });

  it('a task that looks still running is flagged', () => {
    const p = plan({ facts: { logModifiedMs: 1_000_000, nowMs: 1_005_000 } });
    expect(p.warnings.map((w) => w.id)).toContain('running');
  });

  it('gtid_enabled=true with an empty gtid_set in the position', () => {
    const p = plan({ config: { path: '/task/task_config.ini', text: CONFIG.replace('server_id=2000', 'server_id=2000\ngtid_enabled=true') } });
    expect(p.warnings.map((w) => w.id)).toContain('PL009');
    expect(p.newConfigText).toContain('gtid_set=\n');
  });
});

describe('resumers that would override the [extractor] keys are switched off', () => {
  it('2.0.24: resume_from_log=true becomes false', () => {
    const legacy = CONFIG + '\n[resumer]\nresume_from_log=true\n';
    const p = plan({ config: { path: '/task/task_config.ini', text: legacy }, strategy: 'extractor' });
    expect(p.newConfigText).toBe(legacy.replace('binlog_position=73351', 'binlog_position=73685').replace('resume_from_log=true', 'resume_from_log=false'));
  });

  it('2.0.26: resume_type=from_log becomes dummy', () => {
    const current = CONFIG + '\n[resumer]\nresume_type=from_log\n';
    const p = plan({ version: '2.0.26', config: { path: '/task/task_config.ini', text: current }, strategy: 'extractor' });
    expect(p.newConfigText).toContain('resume_type=dummy');
    expect(p.prediction.source).toBe('extractor');
  });

  it('2.0.26 with legacy keys: they are removed (ape-dts refuses them)', () => {
    const mixed = CONFIG + '\n[resumer]\nresume_from_log=true\n';
    const p = plan({ version: '2.0.26', config: { path: '/task/task_config.ini', text: mixed }, strategy: 'resume-file' });
    expect(p.newConfigText).not.toContain('resume_from_log');
  });
});

describe('"latest"', () => {
  it('picks the line ape-dts itself would resume from', () => {
    const legacy = CONFIG + '\n[resumer]\nresume_from_log=true\n';
    expect(plan({ config: { path: '/task/task_config.ini', text: legacy }, line: 'latest' }).line).toBe(2);
  });

  it('without a resumer, picks the newest valid checkpoint', () => {
    expect(plan({ line: 'latest', log: { path: '/task/logs/position.log', text: [CHECKPOINT, OLD, CURRENT, ''].join('\n') } }).line).toBe(1);
  });
});

describe('other sources', () => {
  it('Postgres: start_lsn', () => {
    const pgConfig = '[extractor]\ndb_type=pg\nextract_type=cdc\nurl=postgres://u:p@h:5432/db\nslot_name=s1\n[sinker]\ndb_type=pg\nsink_type=write\nurl=postgres://u:p@h2:5432/db\n';
    const pg = '2024-10-18 05:21:45.207788 | checkpoint_position | {"type":"PgCdc","lsn":"0/5D65CB0","timestamp":"2024-10-18 05:21:44.123"}';
    const p = plan({ config: { path: '/t/task_config.ini', text: pgConfig }, log: { path: '/t/logs/position.log', text: pg }, line: 0 });
    expect(p.newConfigText).toContain('[extractor]\ndb_type=pg\nextract_type=cdc\nurl=postgres://u:p@h:5432/db\nslot_name=s1\nstart_lsn=0/5D65CB0\n');
  });

  it('Mongo change_stream: resume_token and start_timestamp', () => {
    const mongoConfig = '[extractor]\ndb_type=mongo\nextract_type=cdc\nurl=mongodb://h:27017\n[sinker]\ndb_type=mongo\nsink_type=write\nurl=mongodb://h2:27017\n';
    const line = '2024-10-18 05:21:45.207788 | current_position | {"type":"MongoCdc","resume_token":"{\\"_data\\":\\"8267\\"}","operation_time":1729229000,"timestamp":"2024-10-18 05:23:20.000"}';
    const p = plan({ config: { path: '/t/task_config.ini', text: mongoConfig }, log: { path: '/t/logs/position.log', text: line }, line: 0 });
    expect(p.newConfigText).toContain('resume_token={"_data":"8267"}\nstart_timestamp=1729229000\n');
  });
});

describe('snapshot', () => {
  const snapConfig = '[extractor]\ndb_type=mysql\nextract_type=snapshot\nurl=mysql://a@b:1\n[sinker]\ndb_type=mysql\nsink_type=write\nurl=mysql://a@c:1\n[filter]\ndo_events=insert\n';
  const a = '2024-10-18 05:21:45.100000 | current_position | {"type":"RdbSnapshot","db_type":"mysql","schema":"db","tb":"a","order_col":"id","value":"6"}';
  const b = '2024-10-18 05:21:45.200000 | current_position | {"type":"RdbSnapshot","db_type":"mysql","schema":"db","tb":"b","order_col":"id","value":"9"}';
  const done = '2024-10-18 05:21:40.000000 | {"type":"RdbSnapshotFinished","db_type":"mysql","schema":"db","tb":"c"}';

  it('2.0.24: the resume file carries the finished tables, the other tables, and the chosen line as a checkpoint', () => {
    const p = plan({ config: { path: '/t/task_config.ini', text: snapConfig + '[resumer]\nresume_from_log=true\n' }, log: { path: '/t/logs/position.log', text: [a, b, ''].join('\n') }, finishedLog: { path: '/t/logs/finished.log', text: done + '\n' }, line: 0 });
    expect(p.strategy).toBe('resume-file');
    expect(p.files[0].text.split('\n')).toEqual([
      '{"type":"RdbSnapshotFinished","db_type":"mysql","schema":"db","tb":"c"}',
      b.replace('current_position', 'checkpoint_position'),
      a.replace('current_position', 'checkpoint_position'),
      '',
    ]);
  });

  it('2.0.26: legacy-shape lines are rewritten with order_key', () => {
    const p = plan({ version: '2.0.26', config: { path: '/t/task_config.ini', text: snapConfig }, log: { path: '/t/logs/position.log', text: a + '\n' }, line: 0 });
    expect(p.files[0].text).toContain('"order_key":{"single":["id","6"]}');
  });

  it('the extractor strategy is refused for a snapshot', () => {
    const outcome = planResume({ version: '2.0.24', config: { path: '/t/task_config.ini', text: snapConfig }, log: { path: '/t/logs/position.log', text: a }, line: 0, strategy: 'extractor' });
    expect(outcome.ok).toBe(false);
  });
});
