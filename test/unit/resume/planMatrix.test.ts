import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintConfig } from '../../../server/src/core/lintConfig';
import { parseTaskConfig } from '../../../server/src/core/model/taskConfig';
import { simulateResume } from '../../../server/src/core/progress/simulateResume';
import { planResume, type ResumeStrategy } from '../../../server/src/core/resume/planResume';
import type { ApeVersion } from '../../../server/src/core/schema/types';

// Every position type × profile × strategy: the plan is offered, re-linting adds no error,
// and the simulator run on the edited files independently predicts the chosen position.

const VERSIONS: ApeVersion[] = ['2.0.24', '2.0.25', '2.0.26'];
const STRATEGIES: ResumeStrategy[] = ['extractor', 'resume-file'];
const T = '2024-10-18 05:21:45.207788';

interface Case {
  name: string;
  config: string;
  line: string;
  /** The [extractor] keys the extractor strategy must produce. */
  start: Record<string, string>;
  /** Strategies / versions where a refusal is the right answer. */
  refuse?: (v: ApeVersion, s: ResumeStrategy) => boolean;
}

const sink = (db: string, url: string) => `[sinker]\ndb_type=${db}\nsink_type=write\nurl=${url}\n`;
const CASES: Case[] = [
  {
    name: 'MySQL',
    config: `[extractor]\ndb_type=mysql\nextract_type=cdc\nurl=mysql://u:p@h:3306\nserver_id=7\n${sink('mysql', 'mysql://u:p@t:3306')}`,
    line: `${T} | checkpoint_position | {"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000009","next_event_position":1234,"gtid_set":"","timestamp":"2024-10-18 05:21:44.000"}`,
    start: { binlog_filename: 'mysql-bin.000009', binlog_position: '1234' },
  },
  {
    name: 'MySQL with GTID',
    config: `[extractor]\ndb_type=mysql\nextract_type=cdc\nurl=mysql://u:p@h:3306\nserver_id=7\ngtid_enabled=true\n${sink('mysql', 'mysql://u:p@t:3306')}`,
    line: `${T} | checkpoint_position | {"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000009","next_event_position":1234,"gtid_set":"9663a096-8adc-11ef-b617-0242ac110002:1-3112","timestamp":"2024-10-18 05:21:44.000"}`,
    start: { gtid_set: '9663a096-8adc-11ef-b617-0242ac110002:1-3112' },
  },
  {
    name: 'Postgres',
    config: `[extractor]\ndb_type=pg\nextract_type=cdc\nurl=postgres://u:p@h:5432/d\nslot_name=s\n${sink('pg', 'postgres://u:p@t:5432/d')}`,
    line: `${T} | checkpoint_position | {"type":"PgCdc","lsn":"0/5D65CB0","timestamp":"2024-10-18 05:21:44.123"}`,
    start: { start_lsn: '0/5D65CB0' },
  },
  {
    name: 'Mongo change_stream',
    config: `[extractor]\ndb_type=mongo\nextract_type=cdc\nurl=mongodb://h:27017\n${sink('mongo', 'mongodb://t:27017')}`,
    line: `${T} | current_position | {"type":"MongoCdc","resume_token":"{\\"_data\\":\\"8267\\"}","operation_time":1729229000,"timestamp":"2024-10-18 05:23:20.000"}`,
    start: { resume_token: '{"_data":"8267"}', start_timestamp: '1729229000' },
  },
  {
    name: 'Mongo op_log',
    config: `[extractor]\ndb_type=mongo\nextract_type=cdc\nurl=mongodb://h:27017\nsource=op_log\n${sink('mongo', 'mongodb://t:27017')}`,
    line: `${T} | current_position | {"type":"MongoCdc","resume_token":"","operation_time":1729229000,"timestamp":"2024-10-18 05:23:20.000"}`,
    start: { start_timestamp: '1729229000' },
  },
  {
    name: 'Redis',
    config: `[extractor]\ndb_type=redis\nextract_type=cdc\nurl=redis://:p@h:6379\n${sink('redis', 'redis://:p@t:6379')}`,
    line: `${T} | checkpoint_position | {"type":"Redis","repl_id":"7d2f4bb0d1b8b0e7f1d7f2a9b8c1d2e3f4a5b6c7","repl_port":10008,"repl_offset":18446744073709551000,"now_db_id":0,"timestamp":""}`,
    start: { repl_offset: '18446744073709551000', repl_id: '7d2f4bb0d1b8b0e7f1d7f2a9b8c1d2e3f4a5b6c7' },
    // Up to 2.0.25 the Redis extractor never reads a resume file.
    refuse: (v, s) => s === 'resume-file' && v !== '2.0.26',
  },
  {
    name: 'Kafka',
    config: `[extractor]\ndb_type=kafka\nextract_type=cdc\nurl=127.0.0.1:9092\ngroup=g\ntopic=t\n${sink('mysql', 'mysql://u:p@t:3306')}`,
    line: `${T} | checkpoint_position | {"type":"Kafka","topic":"t","partition":0,"offset":42}`,
    start: { offset: '42' },
  },
  {
    name: 'snapshot',
    config: `[extractor]\ndb_type=mysql\nextract_type=snapshot\nurl=mysql://u:p@h:3306\n${sink('mysql', 'mysql://u:p@t:3306')}[filter]\ndo_events=insert\n`,
    line: `${T} | current_position | {"type":"RdbSnapshot","db_type":"mysql","schema":"db","tb":"a","order_col":"id","value":"6"}`,
    start: {},
    refuse: (_v, s) => s === 'extractor',
  },
];

describe('every position type × profile × strategy', () => {
  for (const c of CASES) {
    for (const version of VERSIONS) {
      for (const strategy of STRATEGIES) {
        it(`${c.name} at ${version} with ${strategy}`, () => {
          const outcome = planResume({
            version,
            config: { path: '/t/task_config.ini', text: c.config },
            log: { path: '/t/logs/position.log', text: c.line + '\n' },
            line: 0,
            strategy,
          });
          if (c.refuse?.(version, strategy)) {
            expect(outcome.ok).toBe(false);
            return;
          }
          if (!outcome.ok) throw new Error(outcome.reason);
          const { plan } = outcome;
          expect(lintConfig(plan.newConfigText, { version }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          if (strategy === 'extractor') {
            expect(plan.prediction.source).toBe('extractor');
            for (const [k, v] of Object.entries(c.start)) expect(plan.prediction.start[k]).toBe(v);
          } else if (c.name === 'snapshot') {
            expect(plan.prediction.snapshot?.tables.map((t) => [t.tb, t.source, t.usable])).toEqual([['a', 'config_file', true]]);
          } else {
            expect([plan.prediction.source, plan.prediction.payload]).toEqual(['config_file', c.line.slice(c.line.indexOf('{'))]);
          }
        });
      }
    }
  }
});

describe('property: any MySQL checkpoint, any profile, any strategy', () => {
  it('the edited files make ape-dts start exactly there, and lint clean', () => {
    const mysql = CASES[0].config;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999999 }),
        fc.integer({ min: 4, max: 4294967295 }),
        fc.constantFrom(...VERSIONS),
        fc.constantFrom(...STRATEGIES),
        fc.constantFrom('', '\n[resumer]\nresume_from_log=true\n', '\n[resumer]\nresume_type=from_log\n', '\n[resumer]\nresume_type=from_target\n'),
        (fileNo, pos, version, strategy, resumer) => {
          const name = `mysql-bin.${String(fileNo).padStart(6, '0')}`;
          const line = `${T} | checkpoint_position | {"type":"MysqlCdc","server_id":"","binlog_filename":"${name}","next_event_position":${pos},"gtid_set":"","timestamp":"2024-10-18 05:21:44.000"}`;
          const text = mysql + resumer;
          const outcome = planResume({ version, config: { path: '/t/task_config.ini', text }, log: { path: '/t/logs/position.log', text: line + '\n' }, line: 0, strategy });
          if (!outcome.ok) throw new Error(outcome.reason);
          const { plan } = outcome;
          const errors = lintConfig(plan.newConfigText, { version }).diagnostics.filter((d) => d.severity === 'error');
          const before = lintConfig(text, { version }).diagnostics.filter((d) => d.severity === 'error');
          expect(errors.length).toBeLessThanOrEqual(before.length);
          // Independently of the planner's own check: simulate from the files as they will be on disk.
          const files = strategy === 'resume-file' ? { resumeConfig: { path: plan.files[0].path, text: plan.files[0].text } } : {};
          const predicted = simulateResume({ version, config: parseTaskConfig(plan.newConfigText), configDir: '/t', files });
          expect(predicted.start.binlog_filename).toBe(name);
          expect(predicted.start.binlog_position).toBe(String(pos));
        },
      ),
      { numRuns: 150 },
    );
  });
});
