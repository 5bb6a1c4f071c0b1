import { describe, expect, it } from 'vitest';
import { checkResumeFromLine } from '../../../../server/src/core/progress/checkResumeFromLine';
import { parseProgressFile } from '../../../../server/src/core/progress/parseProgressFile';
import { NONE, T, file, findings, ini, kafka, messages, mongo, mysql, pg, redis } from '../progressHelper';

// Rules that need the task config the file belongs to, and "resume from this line".

const task = (...extractor: string[]) => ini('[extractor]', ...extractor, '[sinker]', 'sink_type=write', '[resumer]', 'resume_type=from_log');
const MYSQL = task('db_type=mysql', 'extract_type=cdc', 'server_id=2');

describe('PL008 resuming MySQL from a current_position line', () => {
  it('2.0.26 falls back to a current line when there is no checkpoint', () => {
    expect(findings(file(mysql(1, 'current_position'), NONE()), '2.0.26', { config: MYSQL }, 'PL008')).toEqual(['1:PL008:warning']);
    expect(findings(file(mysql(1, 'current_position'), mysql(1)), '2.0.26', { config: MYSQL }, 'PL008')).toEqual([]);
  });
  it('a user picking a current line is pointed to the checkpoint before it', () => {
    const f = parseProgressFile(file(mysql(1), mysql(5, 'current_position')), { kind: 'position', version: '2.0.24' });
    expect(checkResumeFromLine(f, 1).map((d) => d.code)).toEqual(['PL008']);
    expect(checkResumeFromLine(f, 1)[0].message).toContain('checkpoint on line 1');
    expect(checkResumeFromLine(f, 0).map((d) => d.code)).not.toContain('PL008');
  });
});

describe('PL009 gtid_enabled=true with an empty GTID set', () => {
  const GTID = task('db_type=mysql', 'extract_type=cdc', 'server_id=2', 'gtid_enabled=true');
  it('on the line ape-dts resumes from', () => {
    expect(findings(file(mysql(1)), '2.0.24', { config: GTID }, 'PL009')).toEqual(['1:PL009:warning']);
    expect(findings(file(mysql(1, 'checkpoint_position', '9663a096-8adc-11ef-b617-0242ac110002:1-5')), '2.0.24', { config: GTID }, 'PL009')).toEqual([]);
    expect(findings(file(mysql(1)), '2.0.24', { config: MYSQL }, 'PL009')).toEqual([]);
  });
});

describe('PL010 a position of another source', () => {
  it('on the line ape-dts would resume from: error; elsewhere: warning', () => {
    expect(findings(file(mysql(1), pg('0/1')), '2.0.26', { config: MYSQL }, 'PL010')).toEqual(['2:PL010:error']);
    expect(findings(file(pg('0/1'), mysql(1)), '2.0.26', { config: MYSQL }, 'PL010')).toEqual(['1:PL010:warning']);
    expect(findings(file(mysql(1)), '2.0.26', { config: MYSQL }, 'PL010')).toEqual([]);
  });
});

describe('PL027 the Mongo source', () => {
  it('op_log ignores the token of the line it resumes from', () => {
    const opLog = task('db_type=mongo', 'extract_type=cdc', 'source=op_log');
    expect(findings(file(mongo(5)), '2.0.26', { config: opLog }, 'PL027')).toEqual(['1:PL027:information']);
    expect(findings(file(mongo(5, 'current_position', '')), '2.0.26', { config: opLog }, 'PL027')).toEqual([]);
  });
  it('change_stream without a token starts at the whole second', () => {
    const cs = task('db_type=mongo', 'extract_type=cdc');
    expect(findings(file(mongo(5, 'current_position', '')), '2.0.26', { config: cs }, 'PL027')).toEqual(['1:PL027:warning']);
  });
  it('a malformed token is harmless with op_log', () => {
    const opLog = task('db_type=mongo', 'extract_type=cdc', 'source=op_log');
    expect(findings(file(mongo(5, 'current_position', 'x')), '2.0.26', { config: opLog }, 'PL027')).toEqual(['1:PL027:information', '1:PL027:information']);
  });
});

describe('PL028 a stale Mongo checkpoint', () => {
  const text = file(mongo(100, 'checkpoint_position'), mongo(200));
  it('2.0.25+ resumes from it although later current lines are newer', () => {
    expect(findings(text, '2.0.25', {}, 'PL028')).toEqual(['1:PL028:warning']);
    expect(findings(text, '2.0.24', {}, 'PL028')).toEqual([]);
    expect(findings(file(mongo(300, 'checkpoint_position'), mongo(200)), '2.0.26', {}, 'PL028')).toEqual([]);
  });
});

describe('PL029 Redis resume', () => {
  it('≤ 2.0.25 never resumes Redis from the log', () => {
    expect(findings(file(redis(1)), '2.0.25', {}, 'PL029')).toEqual(['1:PL029:information']);
    expect(findings(file(redis(1)), '2.0.26', { config: task('db_type=redis', 'extract_type=cdc') }, 'PL029')).toEqual([]);
  });
  it('2.0.26: snapshot_and_cdc does not resume', () => {
    expect(findings(file(redis(1)), '2.0.26', { config: task('db_type=redis', 'extract_type=snapshot_and_cdc') }, 'PL029')).toEqual(['1:PL029:information']);
  });
});

describe('PL030 task finished, and resume on', () => {
  const done = file(`${T} | {"type":"RdbSnapshotFinished","db_type":"mysql","schema":"s","tb":"t"}`, `${T} | task finished`);
  it('a re-run skips every finished table', () => {
    const snapshot = task('db_type=mysql', 'extract_type=snapshot');
    expect(findings(done, '2.0.26', { kind: 'finished', config: snapshot }, 'PL030')).toEqual(['2:PL030:warning']);
    const noResume = ini('[extractor]', 'db_type=mysql', 'extract_type=snapshot');
    expect(findings(done, '2.0.26', { kind: 'finished', config: noResume }, 'PL030')).toEqual([]);
  });
});

describe('PL038 going back to an older line', () => {
  it('works only while the source keeps the data', () => {
    const f = parseProgressFile(file(mysql(1), mysql(5)), { kind: 'position', version: '2.0.26' });
    expect(checkResumeFromLine(f, 0).map((d) => `${d.code}:${d.severity}`)).toEqual(['PL038:warning']);
    expect(checkResumeFromLine(f, 0)[0].message).toContain('mysql-bin.000004 must not be purged');
    expect(checkResumeFromLine(f, 1)).toEqual([]);
  });
  it('Kafka: retention', () => {
    const f = parseProgressFile(file(kafka(1), kafka(9)), { kind: 'position', version: '2.0.26' });
    expect(checkResumeFromLine(f, 0)[0].message).toContain('retention');
  });
});

describe('messages say what, why and how', () => {
  it('PL010', () => {
    expect(messages(file(pg('0/1')), '2.0.24', { config: MYSQL }, 'PL010')[0]).toBe(
      'ape-dts picks this line to resume from, but a PgCdc position does not fit this task ([extractor] db_type=mysql, extract_type=cdc); it ignores it silently and starts from the [extractor] keys. Remove the line, or use the right log_dir.',
    );
  });
});
