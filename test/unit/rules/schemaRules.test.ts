import { describe, expect, it } from 'vitest';
import { MYSQL_CDC, errors, findings, ini, messages, warnings } from './lintHelper';

describe('a valid config written the way the ape-dts docs write it', () => {
  it('has no error at any version', () => {
    expect(errors(MYSQL_CDC, '2.0.24')).toEqual([]);
    expect(errors(MYSQL_CDC, '2.0.25')).toEqual([]);
    expect(errors(MYSQL_CDC, '2.0.26')).toEqual([]);
  });

  it('has no warning either', () => {
    expect(warnings(MYSQL_CDC, '2.0.26')).toEqual([]);
    expect(warnings(MYSQL_CDC, '2.0.24')).toEqual([]);
  });
});

describe('unknown and misplaced names', () => {
  it('lint.unknown-section suggests the closest section', () => {
    expect(messages(MYSQL_CDC + '[piepline]\nbuffer_size=1\n', '2.0.26', 'lint.unknown-section')[0]).toContain("'pipeline'");
    expect(findings(MYSQL_CDC, '2.0.26', 'lint.unknown-section')).toEqual([]);
  });

  it('lint.unknown-section: [checker] is unknown to 2.0.24', () => {
    expect(findings(MYSQL_CDC + '[checker]\n', '2.0.24', 'lint.unknown-section')).toEqual(['30:lint.unknown-section']);
    expect(findings(MYSQL_CDC + '[checker]\n', '2.0.26', 'lint.unknown-section')).toEqual([]);
  });

  it('lint.unknown-key suggests the closest key', () => {
    const text = MYSQL_CDC.replace('server_id=2000', 'server_idd=2000');
    expect(messages(text, '2.0.26', 'lint.unknown-key')[0]).toContain("'server_id'");
    expect(findings(MYSQL_CDC, '2.0.26', 'lint.unknown-key')).toEqual([]);
  });

  it('lint.removed-key: [pipeline] max_rps is not read from 2.0.26', () => {
    const text = MYSQL_CDC.replace('buffer_size=16000', 'buffer_size=16000\nmax_rps=100');
    expect(findings(text, '2.0.26', 'lint.removed-key')).toEqual(['21:lint.removed-key']);
    expect(findings(text, '2.0.24', 'lint.removed-key')).toEqual([]);
  });

  it('lint.key-other-db-type: a pg key in a mysql extractor', () => {
    const text = MYSQL_CDC.replace('server_id=2000', 'server_id=2000\nslot_name=s1');
    expect(findings(text, '2.0.26', 'lint.key-other-db-type')).toEqual(['8:lint.key-other-db-type']);
    expect(findings(MYSQL_CDC, '2.0.26', 'lint.key-other-db-type')).toEqual([]);
  });
});

describe('required keys', () => {
  it('req.key: mysql cdc needs server_id', () => {
    expect(findings(MYSQL_CDC.replace('server_id=2000', ''), '2.0.26', 'req.key')).toEqual(['1:req.key']);
    expect(findings(MYSQL_CDC, '2.0.26', 'req.key')).toEqual([]);
  });

  it('req.key: an empty required value counts as missing, on its own line', () => {
    expect(findings(MYSQL_CDC.replace('server_id=2000', 'server_id='), '2.0.26', 'req.key')).toEqual(['7:req.key']);
  });

  it('req.key: [extractor] db_type is required', () => {
    expect(findings(MYSQL_CDC.replace('db_type=mysql\nextract_type', 'extract_type'), '2.0.26', 'req.key')).toEqual(['1:req.key']);
  });

  it('req.sinker.section: 2.0.26 requires [sinker]', () => {
    const noSinker = ini('[extractor]', 'db_type=mysql', 'extract_type=snapshot', 'url=mysql://a@b:1');
    expect(findings(noSinker, '2.0.26', 'req.sinker.section')).toEqual(['1:req.sinker.section']);
    expect(findings(MYSQL_CDC, '2.0.26', 'req.sinker.section')).toEqual([]);
  });

  it('req.key: ssl_mode= is a missing value from 2.0.26 (present means required)', () => {
    const text = MYSQL_CDC.replace('server_id=2000', 'server_id=2000\nssl_mode=');
    expect(findings(text, '2.0.26', 'req.key')).toEqual(['8:req.key']);
    expect(findings(text, '2.0.24', 'req.key')).toEqual([]);
  });
});

describe('typed values', () => {
  it('type.parse: a number with an inline comment', () => {
    const text = MYSQL_CDC.replace('buffer_size=16000', 'buffer_size=16000 # rows');
    expect(findings(text, '2.0.26', 'type.parse')).toEqual(['20:type.parse']);
    expect(messages(text, '2.0.26', 'type.parse')[0]).toContain('inline comments');
    expect(findings(MYSQL_CDC, '2.0.26', 'type.parse')).toEqual([]);
  });

  it('type.parse: a bad enum value gets a suggestion', () => {
    const text = MYSQL_CDC.replace('extract_type=cdc', 'extract_type=cdcc');
    expect(findings(text, '2.0.26', 'type.parse')).toEqual(['3:type.parse']);
    expect(messages(text, '2.0.26', 'type.parse')[0]).toContain("'cdc'");
  });

  it('type.parse: u32 overflow', () => {
    const text = MYSQL_CDC.replace('binlog_position=73351', 'binlog_position=4294967296');
    expect(findings(text, '2.0.26', 'type.parse')).toEqual(['6:type.parse']);
  });

  it('type.parse: validated even where unused (heartbeat_interval_secs on a snapshot)', () => {
    const text = ini('[extractor]', 'db_type=mysql', 'extract_type=snapshot', 'url=mysql://a@b:1', 'heartbeat_interval_secs=ten', '[sinker]', 'sink_type=dummy');
    expect(findings(text, '2.0.26', 'type.parse')).toEqual(['5:type.parse']);
  });

  it('type.parse: not checked where the loader does not read the key ([sinker] with sink_type=dummy)', () => {
    const text = ini('[extractor]', 'db_type=mysql', 'extract_type=snapshot', 'url=mysql://a@b:1', '[sinker]', 'sink_type=dummy', 'batch_size=lots');
    expect(findings(text, '2.0.26', 'type.parse')).toEqual([]);
  });

  it('lint.value-case: True and MySQL are rejected', () => {
    const mixedCase = MYSQL_CDC.replace('db_type=mysql', 'db_type=MySQL');
    expect(findings(mixedCase, '2.0.26', 'lint.value-case', 'type.parse')).toEqual(['2:lint.value-case']);
    const titleBool = MYSQL_CDC.replace('server_id=2000', 'server_id=2000\ngtid_enabled=True');
    expect(findings(titleBool, '2.0.26', 'lint.value-case', 'type.parse')).toEqual(['8:lint.value-case']);
  });

  it('placeholders such as {mysql_extractor_url} are not type errors', () => {
    const text = MYSQL_CDC.replace('server_id=2000', 'server_id={server_id}');
    expect(errors(text, '2.0.26')).toEqual([]);
  });
});

describe('combinations', () => {
  it('combo.extractor: clickhouse cannot be a source', () => {
    const text = MYSQL_CDC.replace('db_type=mysql\nextract_type=cdc', 'db_type=clickhouse\nextract_type=cdc');
    expect(findings(text, '2.0.26', 'combo.extractor')).toEqual(['2:combo.extractor']);
  });

  it('combo.extractor: mongo struct only from 2.0.26', () => {
    const text = ini('[extractor]', 'db_type=mongo', 'extract_type=struct', 'url=mongodb://a:1', '[sinker]', 'db_type=mongo', 'sink_type=struct', 'url=mongodb://b:1');
    expect(findings(text, '2.0.24', 'combo.extractor')).toEqual(['3:combo.extractor']);
    expect(findings(text, '2.0.26', 'combo.extractor')).toEqual([]);
  });

  it('combo.sinker: redis cannot take sink_type=struct', () => {
    const text = MYSQL_CDC.replace('db_type=mysql\nsink_type=write', 'db_type=redis\nsink_type=struct');
    expect(findings(text, '2.0.26', 'combo.sinker')).toEqual(['11:combo.sinker']);
  });
});

describe('legacy [resumer] keys', () => {
  const legacy = MYSQL_CDC + ini('', '[resumer]', 'resume_from_log=true');
  it('resumer.legacy-rejected: 2.0.26 refuses resume_from_log', () => {
    expect(findings(legacy, '2.0.26', 'resumer.legacy-rejected')).toEqual(['32:resumer.legacy-rejected']);
    expect(findings(legacy, '2.0.24', 'resumer.legacy-rejected')).toEqual([]);
  });

  it('resumer.legacy-rejected: even with an empty value, but not as a bare line', () => {
    expect(findings(MYSQL_CDC + '[resumer]\nresume_config_file=\n', '2.0.26', 'resumer.legacy-rejected')).toHaveLength(1);
    expect(findings(MYSQL_CDC + '[resumer]\nresume_config_file\n', '2.0.26', 'resumer.legacy-rejected')).toEqual([]);
  });

  it('lint.v25.legacy-resumer-ignored: resume_from_log=true alone does nothing in 2.0.25', () => {
    expect(findings(legacy, '2.0.25', 'lint.v25.legacy-resumer-ignored')).toEqual(['32:lint.v25.legacy-resumer-ignored']);
    const honoured = legacy + 'resume_config_file=./resume.config\n';
    expect(findings(honoured, '2.0.25', 'lint.v25.legacy-resumer-ignored')).toEqual([]);
  });

  it('lint.v25.legacy-resumer-overrides: new keys lose to honoured legacy keys', () => {
    const mixed = legacy + 'resume_config_file=./resume.config\nresume_type=from_log\n';
    expect(findings(mixed, '2.0.25', 'lint.v25.legacy-resumer-overrides')).toEqual(['34:lint.v25.legacy-resumer-overrides']);
    expect(findings(legacy + 'resume_config_file=./r\n', '2.0.25', 'lint.v25.legacy-resumer-overrides')).toEqual([]);
  });

  it('lint.legacy-resumer-migrate: informs before 2.0.26', () => {
    expect(findings(legacy, '2.0.24', 'lint.legacy-resumer-migrate')).toEqual(['32:lint.legacy-resumer-migrate']);
    expect(findings(MYSQL_CDC, '2.0.24', 'lint.legacy-resumer-migrate')).toEqual([]);
  });

  it('lint.resume_log_dir.without-flag', () => {
    const text = MYSQL_CDC + '[resumer]\nresume_log_dir=./old_logs\n';
    expect(findings(text, '2.0.24', 'lint.resume_log_dir.without-flag')).toEqual(['31:lint.resume_log_dir.without-flag']);
    expect(findings(text + 'resume_from_log=true\n', '2.0.24', 'lint.resume_log_dir.without-flag')).toEqual([]);
  });

  it('lint.resume-type-unused-keys: url is not read with from_log', () => {
    const text = MYSQL_CDC + '[resumer]\nresume_type=from_log\nlog_dir=./logs\nurl=mysql://x@y:1\n';
    expect(findings(text, '2.0.26', 'lint.resume-type-unused-keys')).toEqual(['33:lint.resume-type-unused-keys']);
  });
});
