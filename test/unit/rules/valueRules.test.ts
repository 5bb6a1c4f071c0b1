import { describe, expect, it } from 'vitest';
import { MYSQL_CDC, findings, ini } from './lintHelper';

const SNAPSHOT = ini(
  '[extractor]',
  'db_type=mysql',
  'extract_type=snapshot',
  'url=mysql://root:123456@127.0.0.1:3307',
  '',
  '[sinker]',
  'db_type=mysql',
  'sink_type=write',
  'url=mysql://root:123456@127.0.0.1:3308',
  '',
  '[parallelizer]',
  'parallel_type=snapshot',
  'parallel_size=8',
  '',
  '[filter]',
  'do_tbs=test_db.*',
  'do_events=insert',
);

describe('numbers ape-dts refuses', () => {
  it('num.extractor.batch_size: explicit 0 from 2.0.26', () => {
    const text = SNAPSHOT.replace('url=mysql://root:123456@127.0.0.1:3307', 'url=mysql://root:123456@127.0.0.1:3307\nbatch_size=0');
    expect(findings(text, '2.0.26', 'num.extractor.batch_size')).toEqual(['5:num.extractor.batch_size']);
    expect(findings(text, '2.0.24', 'num.extractor.batch_size')).toEqual([]);
  });

  it('num.sinker.batch_size: 0 on a writing sinker from 2.0.26', () => {
    const text = SNAPSHOT.replace('sink_type=write', 'sink_type=write\nbatch_size=0');
    expect(findings(text, '2.0.26', 'num.sinker.batch_size')).toEqual(['9:num.sinker.batch_size']);
    expect(findings(SNAPSHOT, '2.0.26', 'num.sinker.batch_size')).toEqual([]);
  });

  it('num.snapshot-parallel-size-zero: tb_parallel_size=0 crashes 2.0.26 when parallel_size is absent', () => {
    const text = SNAPSHOT + '[runtime]\ntb_parallel_size=0\n';
    expect(findings(text, '2.0.26', 'num.snapshot-parallel-size-zero')).toEqual(['19:num.snapshot-parallel-size-zero']);
    const withOwn = text.replace('url=mysql://root:123456@127.0.0.1:3307', 'url=mysql://root:123456@127.0.0.1:3307\nparallel_size=2');
    expect(findings(withOwn, '2.0.26', 'num.snapshot-parallel-size-zero')).toEqual([]);
  });

  it('startup.parallel_size.zero', () => {
    expect(findings(SNAPSHOT.replace('parallel_size=8', 'parallel_size=0'), '2.0.24', 'startup.parallel_size.zero')).toEqual(['13:startup.parallel_size.zero']);
    expect(findings(SNAPSHOT, '2.0.24', 'startup.parallel_size.zero')).toEqual([]);
  });

  it('lint.buffer_size.zero', () => {
    expect(findings(SNAPSHOT + '[pipeline]\nbuffer_size=0\n', '2.0.26', 'lint.buffer_size.zero')).toEqual(['19:lint.buffer_size.zero']);
    expect(findings(SNAPSHOT + '[pipeline]\nbuffer_size=1\n', '2.0.26', 'lint.buffer_size.zero')).toEqual([]);
  });

  it('startup.max_connections: 0 from 2.0.25', () => {
    const text = SNAPSHOT.replace('sink_type=write', 'sink_type=write\nmax_connections=0');
    expect(findings(text, '2.0.25', 'startup.max_connections')).toEqual(['9:startup.max_connections']);
    expect(findings(SNAPSHOT, '2.0.25', 'startup.max_connections')).toEqual([]);
  });
});

describe('filter and router lists', () => {
  it('lint.filter.tbs-shape: an entry without schema', () => {
    expect(findings(SNAPSHOT.replace('do_tbs=test_db.*', 'do_tbs=test_db.a,b'), '2.0.26', 'lint.filter.tbs-shape')).toEqual(['16:lint.filter.tbs-shape']);
    expect(findings(SNAPSHOT.replace('do_tbs=test_db.*', 'do_tbs=test_db.a,'), '2.0.26', 'lint.filter.tbs-shape')).toEqual(['16:lint.filter.tbs-shape']);
    expect(findings(SNAPSHOT.replace('do_tbs=test_db.*', 'do_tbs=`a.b`.`c,d`,x.y'), '2.0.26', 'lint.filter.tbs-shape')).toEqual([]);
  });

  it('startup.router.tokens: tb_map needs 4 names per entry', () => {
    expect(findings(SNAPSHOT + '[router]\ntb_map=a.b:c\n', '2.0.26', 'startup.router.tokens')).toEqual(['19:startup.router.tokens']);
    expect(findings(SNAPSHOT + '[router]\ntb_map=a.b:c.d\ndb_map=a:b\n', '2.0.26', 'startup.router.tokens')).toEqual([]);
  });
});

describe('string formats checked at start', () => {
  it('startup.json: where_conditions must be a JSON array of {db,tb,condition}', () => {
    const bad = SNAPSHOT + '[filter]\nwhere_conditions=json:[{"db":"a","tb":"b"}]\n';
    expect(findings(bad, '2.0.26', 'startup.json')).toEqual(['19:startup.json']);
    const good = SNAPSHOT + '[filter]\nwhere_conditions=json:[{"db":"a","tb":"b","condition":"id>1"}]\n';
    expect(findings(good, '2.0.26', 'startup.json')).toEqual([]);
  });

  it('startup.time: start_time_utc format', () => {
    const text = MYSQL_CDC.replace('server_id=2000', 'server_id=2000\nstart_time_utc=2024/10/18');
    expect(findings(text, '2.0.26', 'startup.time')).toEqual(['8:startup.time']);
    expect(findings(text.replace('2024/10/18', '2024-10-18 05:21:44'), '2.0.26', 'startup.time')).toEqual([]);
  });

  it('lint.url.scheme: a postgres url for a mysql source', () => {
    const text = MYSQL_CDC.replace('url=mysql://root:123456@127.0.0.1:3307', 'url=postgres://u:p@h:5432/db');
    expect(findings(text, '2.0.26', 'lint.url.scheme')).toEqual(['4:lint.url.scheme']);
    expect(findings(MYSQL_CDC, '2.0.26', 'lint.url.scheme')).toEqual([]);
  });

  it('lint.pg.start_lsn', () => {
    const pg = ini('[extractor]', 'db_type=pg', 'extract_type=cdc', 'url=postgres://u:p@h:5432/db', 'slot_name=s', 'start_lsn=0/ZZ', '[sinker]', 'sink_type=dummy');
    expect(findings(pg, '2.0.26', 'lint.pg.start_lsn')).toEqual(['6:lint.pg.start_lsn']);
    expect(findings(pg.replace('0/ZZ', '0/1A2B3C'), '2.0.26', 'lint.pg.start_lsn')).toEqual([]);
  });

  it('lint.log_level', () => {
    expect(findings(MYSQL_CDC.replace('log_level=info', 'log_level=verbose'), '2.0.26', 'lint.log_level')).toEqual(['28:lint.log_level']);
    expect(findings(MYSQL_CDC, '2.0.26', 'lint.log_level')).toEqual([]);
  });

  it('lint.mysql.binlog_position-without-file', () => {
    const text = MYSQL_CDC.replace('binlog_filename=mysql-bin.000004', 'binlog_filename=');
    expect(findings(text, '2.0.26', 'lint.mysql.binlog_position-without-file')).toEqual(['6:lint.mysql.binlog_position-without-file']);
    expect(findings(MYSQL_CDC, '2.0.26', 'lint.mysql.binlog_position-without-file')).toEqual([]);
  });

  it('lint.mysql.gtid_set-without-flag', () => {
    const text = MYSQL_CDC.replace('server_id=2000', 'server_id=2000\ngtid_set=3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5');
    expect(findings(text, '2.0.26', 'lint.mysql.gtid_set-without-flag')).toEqual(['8:lint.mysql.gtid_set-without-flag']);
    expect(findings(text + '[extractor]\ngtid_enabled=true\n', '2.0.26', 'lint.mysql.gtid_set-without-flag')).toEqual([]);
  });

  it('lint.mysql.server_id.range', () => {
    expect(findings(MYSQL_CDC.replace('server_id=2000', 'server_id=0'), '2.0.26', 'lint.mysql.server_id.range')).toEqual(['7:lint.mysql.server_id.range']);
  });
});

describe('checker (2.0.26)', () => {
  const check = SNAPSHOT.replace('sink_type=write', 'sink_type=check');
  it('checker.unsupported: a redis target cannot be checked', () => {
    const text = check.replace('db_type=mysql\nsink_type=check', 'db_type=redis\nsink_type=check');
    expect(findings(text, '2.0.26', 'checker.unsupported')).toHaveLength(1);
    expect(findings(check, '2.0.26', 'checker.unsupported')).toEqual([]);
  });

  it('checker.target-url: a check needs [sinker] url', () => {
    expect(findings(check.replace('url=mysql://root:123456@127.0.0.1:3308', ''), '2.0.26', 'checker.target-url')).toHaveLength(1);
    expect(findings(check, '2.0.26', 'checker.target-url')).toEqual([]);
  });

  it('checker.enable-legacy: [checker] enable is rejected', () => {
    expect(findings(check + '[checker]\nenable=true\n', '2.0.26', 'checker.enable-legacy')).toEqual(['19:checker.enable-legacy']);
  });

  it('checker.sample_percent must be 1..100', () => {
    expect(findings(check + '[checker]\nsample_percent=0\n', '2.0.26', 'checker.sample_percent')).toEqual(['19:checker.sample_percent']);
    expect(findings(check + '[checker]\nsample_percent=50\n', '2.0.26', 'checker.sample_percent')).toEqual([]);
  });

  it('lint.checker.ignored-on-cdc', () => {
    expect(findings(MYSQL_CDC + '[checker]\n', '2.0.26', 'lint.checker.ignored-on-cdc')).toEqual(['30:lint.checker.ignored-on-cdc']);
    expect(findings(MYSQL_CDC, '2.0.26', 'lint.checker.ignored-on-cdc')).toEqual([]);
  });
});

describe('filter kinds', () => {
  it('lint.filter.enum-values: unknown event kinds never match', () => {
    expect(findings(SNAPSHOT.replace('do_events=insert', 'do_events=insert,ddl'), '2.0.26', 'lint.filter.enum-values')).toEqual(['17:lint.filter.enum-values']);
    expect(findings(SNAPSHOT, '2.0.26', 'lint.filter.enum-values')).toEqual([]);
  });

  it('lint.do_events.empty-v24: empty do_events syncs nothing before 2.0.26', () => {
    const text = SNAPSHOT.replace('do_events=insert', 'do_events=');
    expect(findings(text, '2.0.24', 'lint.do_events.empty-v24')).toEqual(['17:lint.do_events.empty-v24']);
    expect(findings(text, '2.0.26', 'lint.do_events.empty-v24')).toEqual([]);
  });

  it('lint.do_events.snapshot-insert: a snapshot without insert events copies nothing', () => {
    expect(findings(SNAPSHOT.replace('do_events=insert', 'do_events=update'), '2.0.26', 'lint.do_events.snapshot-insert')).toEqual(['17:lint.do_events.snapshot-insert']);
    expect(findings(SNAPSHOT, '2.0.26', 'lint.do_events.snapshot-insert')).toEqual([]);
  });
});

describe('resumer start-up checks', () => {
  const fromTarget = SNAPSHOT + '[resumer]\nresume_type=from_target\n';
  it('lint.resume.task_id: DB checkpoints need a pinned task_id', () => {
    expect(findings(fromTarget, '2.0.26', 'lint.resume.task_id')).toEqual(['19:lint.resume.task_id']);
    expect(findings(fromTarget + '[global]\ntask_id=orders_sync\n', '2.0.26', 'lint.resume.task_id')).toEqual([]);
  });

  it('startup.resumer.table_full_name must be schema.table', () => {
    expect(findings(fromTarget + 'table_full_name=positions\n', '2.0.26', 'startup.resumer.table_full_name')).toEqual(['20:startup.resumer.table_full_name']);
    expect(findings(fromTarget + 'table_full_name=meta.positions\n', '2.0.26', 'startup.resumer.table_full_name')).toEqual([]);
  });

  it('startup.resumer.backend: 2.0.25 keeps checkpoints only in mysql or pg', () => {
    const mongo = fromTarget.replace('db_type=mysql\nsink_type=write', 'db_type=mongo\nsink_type=write');
    expect(findings(mongo, '2.0.25', 'startup.resumer.backend')).toEqual(['19:startup.resumer.backend']);
    expect(findings(mongo, '2.0.26', 'startup.resumer.backend')).toEqual([]);
  });

  it('lint.resume.from_target-dummy', () => {
    const dummy = fromTarget.replace('sink_type=write', 'sink_type=dummy');
    expect(findings(dummy, '2.0.26', 'lint.resume.from_target-dummy')).toEqual(['19:lint.resume.from_target-dummy']);
    expect(findings(fromTarget, '2.0.26', 'lint.resume.from_target-dummy')).toEqual([]);
  });

  it('startup.mongo.chunk', () => {
    const mongo = ini('[extractor]', 'db_type=mongo', 'extract_type=snapshot', 'url=mongodb://a:1', 'parallel_type=chunk', '[sinker]', 'sink_type=dummy');
    expect(findings(mongo, '2.0.26', 'startup.mongo.chunk')).toEqual(['5:startup.mongo.chunk']);
    expect(findings(mongo.replace('chunk', 'table'), '2.0.26', 'startup.mongo.chunk')).toEqual([]);
  });

  it('startup.from_log.struct', () => {
    const struct = ini('[extractor]', 'db_type=mysql', 'extract_type=struct', 'url=mysql://a@b:1', '[sinker]', 'db_type=mysql', 'sink_type=struct', 'url=mysql://a@c:1', '[resumer]', 'resume_type=from_log');
    expect(findings(struct, '2.0.26', 'startup.from_log.struct')).toEqual(['10:startup.from_log.struct']);
    expect(findings(struct.replace('from_log', 'dummy'), '2.0.26', 'startup.from_log.struct')).toEqual([]);
  });
});
