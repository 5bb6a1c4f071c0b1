import { describe, expect, it } from 'vitest';
import { MYSQL_CDC, findings, ini } from './lintHelper';

const CHECK = ini(
  '[extractor]',
  'db_type=mysql',
  'extract_type=snapshot',
  'url=mysql://root:123456@127.0.0.1:3307',
  '',
  '[sinker]',
  'db_type=mysql',
  'sink_type=check',
  'url=mysql://root:123456@127.0.0.1:3308',
);

describe('keys that do nothing here', () => {
  it('lint.key-other-task-type: a cdc key on a snapshot task', () => {
    const text = CHECK.replace('url=mysql://root:123456@127.0.0.1:3307', 'url=mysql://root:123456@127.0.0.1:3307\nbinlog_position=4');
    expect(findings(text, '2.0.26', 'lint.key-other-task-type')).toEqual(['5:lint.key-other-task-type']);
    expect(findings(CHECK, '2.0.26', 'lint.key-other-task-type')).toEqual([]);
  });

  it('lint.docs-only-key: [checker_output] output_type is documented but never read', () => {
    expect(findings(CHECK + '[checker_output]\noutput_type=log\n', '2.0.26', 'lint.docs-only-key')).toEqual(['11:lint.docs-only-key']);
    expect(findings(CHECK + '[checker_output]\noutput_full_row=true\n', '2.0.26', 'lint.docs-only-key')).toEqual([]);
  });
});

describe('values checked when the task starts', () => {
  it('lint.json-prefix: hint when json: is left out', () => {
    expect(findings(MYSQL_CDC + '[router]\ncol_map=[]\n', '2.0.26', 'lint.json-prefix')).toEqual(['31:lint.json-prefix']);
    expect(findings(MYSQL_CDC + '[router]\ncol_map=json:[]\n', '2.0.26', 'lint.json-prefix')).toEqual([]);
  });

  it('lint.time.offset-ignored', () => {
    const text = MYSQL_CDC.replace('server_id=2000', 'server_id=2000\nstart_time_utc=2024-10-18 05:21:44+08:00');
    expect(findings(text, '2.0.26', 'lint.time.offset-ignored')).toEqual(['8:lint.time.offset-ignored']);
    expect(findings(text.replace('+08:00', ''), '2.0.26', 'lint.time.offset-ignored')).toEqual([]);
  });

  it('startup.stream_load_url: a starrocks write sinker needs it', () => {
    const text = MYSQL_CDC.replace('db_type=mysql\nsink_type=write', 'db_type=starrocks\nsink_type=write');
    expect(findings(text, '2.0.26', 'startup.stream_load_url')).toEqual(['9:startup.stream_load_url']);
    const fixed = text.replace('batch_size=200', 'batch_size=200\nstream_load_url=http://root:@127.0.0.1:8030');
    expect(findings(fixed, '2.0.26', 'startup.stream_load_url')).toEqual([]);
  });

  const redisStat = ini('[extractor]', 'db_type=redis', 'extract_type=scan', 'url=redis://:p@h:6379', 'statistic_type=big_keys', '[sinker]', 'sink_type=dummy');
  it('startup.redis.statistic_type', () => {
    expect(findings(redisStat, '2.0.26', 'startup.redis.statistic_type')).toEqual(['5:startup.redis.statistic_type']);
    expect(findings(redisStat.replace('big_keys', 'big_key'), '2.0.26', 'startup.redis.statistic_type')).toEqual([]);
  });

  it('lint.redis.method: anything else silently means restore', () => {
    const redis = ini('[extractor]', 'db_type=redis', 'extract_type=snapshot', 'url=redis://:p@h:6379', '[sinker]', 'db_type=redis', 'sink_type=write', 'url=redis://:p@h:6380', 'method=rewite');
    expect(findings(redis, '2.0.26', 'lint.redis.method')).toEqual(['9:lint.redis.method']);
    expect(findings(redis.replace('rewite', 'rewrite'), '2.0.26', 'lint.redis.method')).toEqual([]);
  });

  it('lint.kafka.required_acks: anything else silently means one', () => {
    const kafka = MYSQL_CDC.replace('db_type=mysql\nsink_type=write\nurl=mysql://root:123456@127.0.0.1:3308?ssl-mode=disabled', 'db_type=kafka\nsink_type=write\nurl=127.0.0.1:9092\nrequired_acks=al');
    expect(findings(kafka, '2.0.26', 'lint.kafka.required_acks')).toEqual(['13:lint.kafka.required_acks']);
    expect(findings(kafka.replace('=al', '=all'), '2.0.26', 'lint.kafka.required_acks')).toEqual([]);
  });
});

describe('numbers', () => {
  it('num.connection_timeout_secs (added after 2.0.26, checked with the 2.0.26 profile)', () => {
    const text = MYSQL_CDC.replace('server_id=2000', 'server_id=2000\nconnection_timeout_secs=0');
    expect(findings(text, '2.0.26', 'num.connection_timeout_secs')).toEqual(['8:num.connection_timeout_secs']);
    expect(findings(text.replace('secs=0', 'secs=5'), '2.0.26', 'num.connection_timeout_secs')).toEqual([]);
  });

  it('num.rebalance: limits must be positive with parallel_type=snapshot', () => {
    const text = CHECK + '[parallelizer]\nparallel_type=snapshot\nrebalance_split_skew_ratio=0\n';
    expect(findings(text, '2.0.26', 'num.rebalance')).toEqual(['12:num.rebalance']);
    expect(findings(text.replace('ratio=0', 'ratio=1.5'), '2.0.26', 'num.rebalance')).toEqual([]);
  });
});

describe('checker details', () => {
  it('checker.cdc-requires-cdc-write', () => {
    const text = CHECK + '[checker_cdc]\nis_enabled=true\n';
    expect(findings(text, '2.0.26', 'checker.cdc-requires-cdc-write')).toEqual(['11:checker.cdc-requires-cdc-write']);
    expect(findings(CHECK + '[checker_cdc]\nis_enabled=false\n', '2.0.26', 'checker.cdc-requires-cdc-write')).toEqual([]);
  });

  it('checker.recheck-queue', () => {
    expect(findings(CHECK + '[checker]\nrecheck_queue_size=0\n', '2.0.26', 'checker.recheck-queue')).toEqual(['11:checker.recheck-queue']);
    expect(findings(CHECK + '[checker]\nrecheck_queue_size=10\n', '2.0.26', 'checker.recheck-queue')).toEqual([]);
  });

  it('checker.cdc-rdb-merge: an inline CDC check needs rdb_merge', () => {
    const cdc = MYSQL_CDC + '[checker_cdc]\nis_enabled=true\n';
    expect(findings(cdc.replace('parallel_type=rdb_merge', 'parallel_type=serial'), '2.0.26', 'checker.cdc-rdb-merge')).toEqual(['16:checker.cdc-rdb-merge']);
    expect(findings(cdc, '2.0.26', 'checker.cdc-rdb-merge')).toEqual([]);
  });
});

describe('[metacenter]', () => {
  const dbengine = MYSQL_CDC + '[metacenter]\ntype=dbengine\nurl=mysql://root:123456@127.0.0.1:3307?ssl-mode=disabled\n';
  it('metacenter.url-distinct: the metadata database must be a third one', () => {
    expect(findings(dbengine, '2.0.26', 'metacenter.url-distinct')).toEqual(['32:metacenter.url-distinct']);
    expect(findings(dbengine.replace('3307?ssl-mode=disabled\n', '3309\n'), '2.0.26', 'metacenter.url-distinct')).toEqual([]);
  });

  it('lint.metacenter.non-mysql: dbengine is ignored for other sources', () => {
    const pg = ini('[extractor]', 'db_type=pg', 'extract_type=snapshot', 'url=postgres://u:p@h:5432/db', '[sinker]', 'sink_type=dummy', '[metacenter]', 'type=dbengine');
    expect(findings(pg, '2.0.26', 'lint.metacenter.non-mysql')).toEqual(['8:lint.metacenter.non-mysql']);
    expect(findings(pg.replace('type=dbengine', 'type=basic'), '2.0.26', 'lint.metacenter.non-mysql')).toEqual([]);
  });
});
