import { describe, expect, it } from 'vitest';
import { simulateResume, type ResumePrediction } from '../../../server/src/core/progress/simulateResume';
import type { ApeVersion } from '../../../server/src/core/schema/types';
import { NONE, T, file, finished, ini, kafka, mongo, mysql, pg, redis, snap, snapKey } from './progressHelper';

// Where ape-dts resumes, per source and profile. Lines are 0-based in the answer.

const FROM_LOG: Record<ApeVersion, string[]> = {
  '2.0.24': ['[resumer]', 'resume_from_log=true'],
  '2.0.25': ['[resumer]', 'resume_type=from_log'],
  '2.0.26': ['[resumer]', 'resume_type=from_log'],
};
const ALL: ApeVersion[] = ['2.0.24', '2.0.25', '2.0.26'];

function predict(version: ApeVersion, extractor: string[], log?: string, extra: { finished?: string; config?: string; resumer?: string[] } = {}) {
  const config = ini(...extractor, '[sinker]', 'sink_type=write', ...(extra.resumer ?? FROM_LOG[version]));
  return simulateResume({
    version,
    config,
    configDir: '/task',
    files: {
      positionLog: log === undefined ? undefined : { path: '/task/logs/position.log', text: log },
      finishedLog: extra.finished === undefined ? undefined : { path: '/task/logs/finished.log', text: extra.finished },
      resumeConfig: extra.config === undefined ? undefined : { path: '/task/resume.config', text: extra.config },
    },
  });
}

const at = (p: ResumePrediction) => ({ source: p.source, line: p.line, tag: p.tag });
const codes = (p: ResumePrediction) => p.warnings.map((w) => w.slice(0, 5));

const MYSQL = ['[extractor]', 'db_type=mysql', 'extract_type=cdc', 'server_id=2', 'binlog_filename=mysql-bin.000001', 'binlog_position=4'];
const MYSQL_GTID = [...MYSQL, 'gtid_enabled=true'];
const PG = ['[extractor]', 'db_type=pg', 'extract_type=cdc', 'slot_name=s1', 'start_lsn=0/1'];
const MONGO = ['[extractor]', 'db_type=mongo', 'extract_type=cdc'];
const MONGO_OPLOG = [...MONGO, 'source=op_log'];
const REDIS = ['[extractor]', 'db_type=redis', 'extract_type=cdc', 'repl_offset=0'];
const KAFKA = ['[extractor]', 'db_type=kafka', 'extract_type=cdc', 'topic=orders', 'partition=0', 'group=g', 'offset=0'];
const SNAPSHOT = ['[extractor]', 'db_type=mysql', 'extract_type=snapshot'];

describe('MySQL without GTID', () => {
  const log = file(mysql(100, 'current_position'), mysql(90), mysql(150, 'current_position'), NONE());
  it.each(ALL)('%s resumes from the last checkpoint line, not the later current line', (v) => {
    const p = predict(v, MYSQL, log);
    expect(at(p)).toEqual({ source: 'log', line: 1, tag: 'checkpoint_position' });
    expect(p.start).toMatchObject({ binlog_filename: 'mysql-bin.000004', binlog_position: '90', gtid_set: '' });
    expect(p.overridden).toEqual(['binlog_filename', 'binlog_position', 'gtid_set']);
    expect(p.reasons.join('\n')).toContain('position.log line 3 is not used');
  });

  const onlyCurrent = file(mysql(100, 'current_position'), NONE(), mysql(150, 'current_position'), NONE());
  it('2.0.24 never resumes MySQL from current lines: the [extractor] keys apply', () => {
    const p = predict('2.0.24', MYSQL, onlyCurrent);
    expect(at(p)).toEqual({ source: 'extractor', line: null, tag: null });
    expect(p.start).toMatchObject({ binlog_filename: 'mysql-bin.000001', binlog_position: '4' });
  });
  it.each(['2.0.25', '2.0.26'] as const)('%s falls back to the last current line, and warns (PL008)', (v) => {
    const p = predict(v, MYSQL, onlyCurrent);
    expect(at(p)).toEqual({ source: 'log', line: 2, tag: 'current_position' });
    expect(codes(p)).toContain('PL008');
  });
});

describe('MySQL with GTID', () => {
  const uuid = '9663a096-8adc-11ef-b617-0242ac110002';
  const log = file(mysql(200, 'checkpoint_position', `${uuid}:1-3111`), mysql(300, 'checkpoint_position', `${uuid}:1-3112`));
  it.each(ALL)('%s resumes from the last checkpoint and takes its GTID set', (v) => {
    const p = predict(v, MYSQL_GTID, log);
    expect(at(p)).toEqual({ source: 'log', line: 1, tag: 'checkpoint_position' });
    expect(p.start).toMatchObject({ gtid_enabled: 'true', gtid_set: `${uuid}:1-3112`, binlog_position: '300' });
    expect(codes(p)).not.toContain('PL009');
  });
  it.each(ALL)('%s warns when the resumed position has no GTID set (PL009)', (v) => {
    expect(codes(predict(v, MYSQL_GTID, file(mysql(300))))).toContain('PL009');
  });
});

describe('Postgres', () => {
  const log = file(pg('0/5D65CB0'), pg('0/5D65D00', 'current_position'), NONE());
  it.each(ALL)('%s resumes from the checkpoint LSN', (v) => {
    const p = predict(v, PG, log);
    expect(at(p)).toEqual({ source: 'log', line: 0, tag: 'checkpoint_position' });
    expect(p.start).toEqual({ start_lsn: '0/5D65CB0' });
    expect(p.position).toEqual({ type: 'PgCdc', lsn: '0/5D65CB0', timestamp: '2024-10-18 05:22:21.756' });
  });
  it('2.0.24 ignores PG current lines; 2.0.26 falls back to them', () => {
    const onlyCurrent = file(pg('0/5D65D00', 'current_position'), NONE());
    expect(at(predict('2.0.24', PG, onlyCurrent)).source).toBe('extractor');
    expect(at(predict('2.0.26', PG, onlyCurrent))).toEqual({ source: 'log', line: 0, tag: 'current_position' });
  });
});

describe('Mongo change_stream', () => {
  const log = file(mongo(1729228800), NONE(), mongo(1729228832), NONE());
  it.each(ALL)('%s resumes from the last current line (checkpoints are None)', (v) => {
    const p = predict(v, MONGO, log);
    expect(at(p)).toEqual({ source: 'log', line: 2, tag: 'current_position' });
    expect(p.start).toMatchObject({ resume_token: '{"_data":"826711F0"}', start_timestamp: '1729228832' });
  });

  const stale = file(mongo(1729228800, 'checkpoint_position'), mongo(1729228832));
  it('2.0.24 uses the current slot for Mongo', () => {
    expect(at(predict('2.0.24', MONGO, stale))).toEqual({ source: 'log', line: 1, tag: 'current_position' });
  });
  it.each(['2.0.25', '2.0.26'] as const)('%s prefers a stale checkpoint over newer current lines (PL028)', (v) => {
    const p = predict(v, MONGO, stale);
    expect(at(p)).toEqual({ source: 'log', line: 0, tag: 'checkpoint_position' });
    expect(codes(p)).toContain('PL028');
  });
});

describe('Mongo op_log', () => {
  const log = file(mongo(1729228832, 'current_position', ''), NONE());
  it.each(ALL)('%s resumes from operation_time', (v) => {
    const p = predict(v, MONGO_OPLOG, log);
    expect(at(p)).toEqual({ source: 'log', line: 0, tag: 'current_position' });
    expect(p.start).toMatchObject({ source: 'op_log', resume_token: '', start_timestamp: '1729228832' });
    expect(codes(p)).not.toContain('PL027');
  });
  it('a change_stream task resuming an op_log position starts at operation_time (PL027)', () => {
    expect(codes(predict('2.0.26', MONGO, log))).toContain('PL027');
  });
});

describe('Redis', () => {
  const big = '9007199254740993'; // 2^53 + 1: a double would make it ...992
  const log = file(`${T} | start_aof_position | {"type":"Redis","repl_id":"1cd12b27acff56526106e343b9f4ff623b5e4c14","repl_port":10008,"repl_offset":2001,"now_db_id":0,"timestamp":""}`, redis(big), redis(big, 'current_position'));
  it.each(['2.0.24', '2.0.25'] as const)('%s never resumes Redis from the log (PL029)', (v) => {
    const p = predict(v, REDIS, log);
    expect(at(p).source).toBe('extractor');
    expect(codes(p)).toContain('PL029');
  });
  it('2.0.26 resumes from the last checkpoint and keeps a u64 beyond 2^53 exact', () => {
    const p = predict('2.0.26', REDIS, log);
    expect(at(p)).toEqual({ source: 'log', line: 1, tag: 'checkpoint_position' });
    expect(p.start).toMatchObject({ repl_id: '1cd12b27acff56526106e343b9f4ff623b5e4c14', repl_offset: big, repl_port: '10008', now_db_id: '0' });
    expect((p.position as Record<string, unknown>).repl_offset).toBe(big);
    expect(p.payload).toContain(`"repl_offset":${big}`);
  });
});

describe('Kafka', () => {
  const log = file(kafka(41), kafka(42, 'current_position'), kafka(7, 'checkpoint_position', 'audit'));
  it('2.0.24 uses the current slot for Kafka', () => {
    const p = predict('2.0.24', KAFKA, log);
    expect(at(p)).toEqual({ source: 'log', line: 1, tag: 'current_position' });
    expect(p.start).toMatchObject({ topic: 'orders', partition: '0', offset: '42' });
  });
  it('2.0.25 takes the last checkpoint, whatever its topic', () => {
    expect(at(predict('2.0.25', KAFKA, log))).toEqual({ source: 'log', line: 2, tag: 'checkpoint_position' });
  });
  it('2.0.26 keys by topic-partition and takes the first key in sorted order', () => {
    const p = predict('2.0.26', KAFKA, log);
    expect(at(p)).toEqual({ source: 'log', line: 2, tag: 'checkpoint_position' }); // 'audit-0' < 'orders-0'
    expect(p.start.offset).toBe('7');
    expect(p.reasons.join('\n')).toContain("'orders-0'");
  });
});

describe('snapshot', () => {
  const legacyLog = file(snap('b', '0'), '', snap('b', '1'), NONE());
  const done = file(finished('a'));
  it.each(['2.0.24', '2.0.25'] as const)('%s resumes table b from its last current line and skips finished table a', (v) => {
    const p = predict(v, SNAPSHOT, legacyLog, { finished: done });
    expect(at(p)).toEqual({ source: 'log', line: 2, tag: 'current_position' });
    expect([p.start, p.overridden]).toEqual([{}, []]);
    expect(p.snapshot?.tables.map((t) => [t.schema, t.tb, t.orderCol, t.line, t.usable])).toEqual([['test_db', 'b', 'id', 2, true]]);
    expect(p.snapshot?.finished).toEqual([{ schema: 'test_db', tb: 'a', file: '/task/logs/finished.log', line: 0 }]);
  });
  it('2.0.26 resumes from the order_key shape', () => {
    const p = predict('2.0.26', SNAPSHOT, file(snapKey('b', '0'), snapKey('b', '1')), { finished: done });
    expect(at(p)).toEqual({ source: 'log', line: 1, tag: 'current_position' });
  });
  it('2.0.26 cannot use the old shape: the table restarts (PL006)', () => {
    const p = predict('2.0.26', SNAPSHOT, legacyLog);
    expect(at(p).source).toBe('extractor');
    expect(p.snapshot?.tables[0].usable).toBe(false);
    expect(p.warnings.join('\n')).toContain('PL006');
  });
  it('a table finished in finished.log is not resumed even though position.log has progress', () => {
    const p = predict('2.0.24', SNAPSHOT, legacyLog, { finished: file(finished('b')) });
    expect(p.snapshot?.tables).toEqual([]);
    expect(p.reasons.join('\n')).toContain('listed as finished');
  });
  it('MySQL parallel extraction (≤ 2.0.25) reads checkpoint entries only', () => {
    const log = file(snap('b', '10', 'checkpoint_position'), snap('b', '15'));
    const p = predict('2.0.24', [...SNAPSHOT, 'parallel_size=4'], log);
    expect(at(p)).toEqual({ source: 'log', line: 0, tag: 'checkpoint_position' });
  });
});

describe('the resume config file', () => {
  const conf = file(mysql(500).replace(/^.* \| /, ''));
  it('2.0.24 reads it when resume_config_file is set and resume_from_log is off', () => {
    const p = predict('2.0.24', MYSQL, file(mysql(900)), { config: conf, resumer: ['[resumer]', 'resume_config_file=./resume.config'] });
    expect(at(p)).toEqual({ source: 'config_file', line: 0, tag: null });
    expect(p.reasons.join('\n')).toContain('is not read');
  });
  it('position.log is read after it and wins (PL024)', () => {
    const p = predict('2.0.24', MYSQL, file(mysql(900)), { config: conf, resumer: ['[resumer]', 'resume_from_log=true', 'resume_config_file=./resume.config'] });
    expect(at(p)).toEqual({ source: 'log', line: 0, tag: 'checkpoint_position' });
    expect(codes(p)).toContain('PL024');
  });
  it('2.0.24 drops current_position lines of the config file for CDC', () => {
    const p = predict('2.0.24', MONGO, undefined, { config: file(mongo(5)), resumer: ['[resumer]', 'resume_config_file=./resume.config'] });
    expect(at(p).source).toBe('extractor');
    expect(p.reasons.join('\n')).toContain('drops the config file');
  });
  it('2.0.24 Mongo resumes from a bare JSON (checkpoint) line of the config file', () => {
    const p = predict('2.0.24', MONGO, undefined, { config: file(mongo(5).replace(/^.* \| /, '')), resumer: ['[resumer]', 'resume_config_file=./resume.config'] });
    expect(at(p)).toEqual({ source: 'config_file', line: 0, tag: null });
  });
  it('2.0.26: a checkpoint in the config file beats every current line of the log', () => {
    const p = predict('2.0.26', MYSQL, file(mysql(900, 'current_position')), { config: conf, resumer: ['[resumer]', 'resume_type=from_log', 'config_file=./resume.config'] });
    expect(at(p)).toEqual({ source: 'config_file', line: 0, tag: null });
  });
  it('2.0.25 follows the deprecated keys when resume_config_file comes with resume_from_log', () => {
    const p = predict('2.0.25', MYSQL, file(mysql(900)), { config: conf, resumer: ['[resumer]', 'resume_from_log=false', 'resume_config_file=./resume.config'] });
    expect(at(p)).toEqual({ source: 'config_file', line: 0, tag: null });
  });
  it('2.0.25 ignores a lone resume_from_log=true: no resume at all (PL022)', () => {
    const p = predict('2.0.25', MYSQL, file(mysql(900)), { resumer: ['[resumer]', 'resume_from_log=true'] });
    expect(at(p).source).toBe('extractor');
    expect(codes(p)).toContain('PL022');
  });
  it('2.0.26 refuses to start with the legacy keys (PL021)', () => {
    const p = predict('2.0.26', MYSQL, file(mysql(900)), { resumer: ['[resumer]', 'resume_from_log=true'] });
    expect(at(p).source).toBe('extractor');
    expect(codes(p)).toContain('PL021');
  });
  it('a config file that does not exist is only a warning', () => {
    const p = predict('2.0.26', MYSQL, file(mysql(900)), { resumer: ['[resumer]', 'resume_type=from_log', 'config_file=./missing.config'] });
    expect(at(p).source).toBe('log');
    expect(p.warnings.join('\n')).toContain('/task/missing.config does not exist');
  });
});

describe('what is read', () => {
  it('only the lines after the 200th newline from the end: an older checkpoint is invisible (PL016)', () => {
    const log = file(mysql(90), ...Array.from({ length: 199 }, () => mysql(100, 'current_position')));
    const p = predict('2.0.24', MYSQL, log);
    expect(at(p).source).toBe('extractor');
    expect(codes(p)).toContain('PL016');
    expect(p.reasons.join('\n')).toContain('lines 2–201');
  });
  it('the same checkpoint one line later is inside the window', () => {
    const log = file(mysql(90), ...Array.from({ length: 198 }, () => mysql(100, 'current_position')));
    expect(at(predict('2.0.24', MYSQL, log))).toEqual({ source: 'log', line: 0, tag: 'checkpoint_position' });
  });
  it('a truncated last line is skipped and the previous checkpoint wins', () => {
    const p = predict('2.0.26', MYSQL, mysql(90) + '\n' + mysql(95).slice(0, 120));
    expect(at(p)).toEqual({ source: 'log', line: 0, tag: 'checkpoint_position' });
    expect(p.reasons.join('\n')).toContain('truncated last line');
  });
  it('a task with resume off reads nothing', () => {
    const p = predict('2.0.26', MYSQL, file(mysql(900)), { resumer: [] });
    expect(at(p).source).toBe('extractor');
    expect(p.reasons.join('\n')).toContain('does not resume');
  });
  it('a position of another source is ignored and the [extractor] keys apply (PL010)', () => {
    const p = predict('2.0.25', MYSQL, file(pg('0/1')));
    expect(at(p).source).toBe('extractor');
    expect(codes(p)).toContain('PL010');
  });
  it('log_level=warn writes no progress at all (PL020)', () => {
    expect(codes(predict('2.0.26', [...MYSQL, '[runtime]', 'log_level=warn'], file(mysql(1))))).toContain('PL020');
  });
});

describe('what is read, for snapshots and tails', () => {
  it('a table whose progress scrolled out of the window is copied again (PL016)', () => {
    const log = file(snap('a', '7'), ...Array.from({ length: 199 }, () => snap('b', '1')));
    const p = predict('2.0.24', SNAPSHOT, log);
    expect(p.snapshot?.tables.map((t) => t.tb)).toEqual(['b']);
    expect(p.warnings.join('\n')).toContain('PL016: the last progress of test_db.a (position.log line 1)');
  });
  it('a tail of a huge file keeps its line numbers', () => {
    const tail = file(...Array.from({ length: 250 }, (_, i) => mysql(1000 + i)));
    const p = simulateResume({
      version: '2.0.26',
      config: ini(...MYSQL, '[sinker]', 'sink_type=write', ...FROM_LOG['2.0.26']),
      files: { positionLog: { path: 'position.log', text: tail, firstLine: 5_000_000 } },
    });
    expect([p.line, p.start.binlog_position]).toEqual([5_000_249, '1249']);
  });
});
