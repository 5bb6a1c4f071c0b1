import { describe, expect, it } from 'vitest';
import { NONE, T, covered, file, findings, messages, mysql, pg } from '../progressHelper';

// PL001 grammar, PL002–PL004/PL007 rejected lines, PL014 truncated last line, PL019 tags in
// resume config files. `line:code:severity`, lines 1-based.

const CFG = { kind: 'resumeConfig' as const };
const SEED = mysql(73685);

describe('PL001 the line format', () => {
  it('the seed example line is clean at every version', () => {
    for (const v of ['2.0.24', '2.0.25', '2.0.26'] as const) expect(findings(file(SEED), v)).toEqual([]);
  });
  it('a misspelt current tag moves the line to the checkpoint slot: error', () => {
    const text = file(mysql(1, 'current_positon'));
    expect(findings(text, '2.0.24', {}, 'PL001')).toEqual(['1:PL001:error']);
    expect(covered(text, '2.0.24', {}, 'PL001')).toEqual(['current_positon']);
  });
  it('a misspelt checkpoint tag is still a checkpoint: warning', () => {
    expect(findings(file(mysql(1, 'checkpoint_positon')), '2.0.24', {}, 'PL001')).toEqual(['1:PL001:warning']);
    expect(messages(file(mysql(1, 'checkpoint_positon')), '2.0.24', {}, 'PL001')[0]).toContain("did you mean 'checkpoint_position'");
  });
  it('a missing log time', () => {
    expect(findings(file(SEED.replace(T + ' ', '')), '2.0.26', {}, 'PL001')).toEqual(['1:PL001:warning']);
  });
  it('finished.log lines have no tag', () => {
    const line = `${T} | checkpoint_position | {"type":"RdbSnapshotFinished","db_type":"mysql","schema":"s","tb":"t"}`;
    expect(findings(file(line), '2.0.24', { kind: 'finished' }, 'PL001')).toEqual(['1:PL001:warning']);
    expect(findings(file(line.replace(' checkpoint_position |', '')), '2.0.24', { kind: 'finished' }, 'PL001')).toEqual([]);
  });
});

describe('PL002 no JSON payload', () => {
  const broken = SEED.replace('"binlog_filename"', 'binlog_filename');
  it('a broken line that no later line supersedes: error, naming the line ape-dts falls back to', () => {
    const text = file(mysql(1), broken, NONE());
    expect(findings(text, '2.0.24', {}, 'PL002')).toEqual(['2:PL002:warning']);
    expect(messages(text, '2.0.24', {}, 'PL002')[0]).toContain('resumes from line 1 instead');
  });
  it('superseded by a later line of the same kind: warning', () => {
    expect(findings(file(broken, mysql(2)), '2.0.24', {}, 'PL002')).toEqual(['1:PL002:warning']);
  });
  it('a brace in the wrong order makes ape-dts panic', () => {
    expect(findings(file('} {', mysql(2)), '2.0.24', {}, 'PL002')).toEqual(['1:PL002:error']);
  });
  it('a resume config line without payload is skipped; // comments are fine', () => {
    expect(findings(file('resume from here', '// a comment', '{"type":"None"}'), '2.0.26', CFG, 'PL002')).toEqual(['1:PL002:warning']);
  });
});

describe('PL003 unknown variant', () => {
  it('wrong case', () => {
    expect(findings(file(SEED.replace('MysqlCdc', 'MySqlCdc')), '2.0.26', {}, 'PL003')).toEqual(['1:PL003:warning']);
    expect(findings(file(SEED), '2.0.26', {}, 'PL003')).toEqual([]);
  });
});

describe('PL004 fields ape-dts rejects', () => {
  it('a quoted number, on the value', () => {
    const text = file(SEED.replace('73685', '"73685"'));
    expect(findings(text, '2.0.24', {}, 'PL004')).toEqual(['1:PL004:warning']);
    expect(covered(text, '2.0.24', {}, 'PL004')).toEqual(['"73685"']);
  });
  it('a duplicated key, on the second key', () => {
    const text = file(pg('0/1').replace('"lsn"', '"lsn":"0/2","lsn"'));
    expect(covered(text, '2.0.26', {}, 'PL004')).toEqual(['"lsn"']);
  });
  it('a malformed LSN is accepted by ape-dts and then fails the start: error on the value', () => {
    const text = file(pg('0/5D65CB0'), pg('0/XYZ'));
    expect(findings(text, '2.0.26', {}, 'PL004')).toEqual(['2:PL004:error']);
    expect(messages(text, '2.0.26', {}, 'PL004')[0]).toContain('selected like a valid line');
  });
  it('a GTID set with a space fails only when gtid_enabled=true', () => {
    const text = file(mysql(5, 'checkpoint_position', '9663a096-8adc-11ef-b617-0242ac110002:1-5, 9663a096-8adc-11ef-b617-0242ac110003:1'));
    expect(findings(text, '2.0.26', {}, 'PL004')).toEqual(['1:PL004:error']);
  });
  it('an empty binlog file name starts from the latest position: warning', () => {
    expect(findings(file(mysql(5, 'checkpoint_position', '', '')), '2.0.26', {}, 'PL004')).toEqual(['1:PL004:warning']);
  });
});

describe('PL007 the 2.0.26 snapshot shape read by ≤ 2.0.25', () => {
  const line = `${T} | current_position | {"type":"RdbSnapshot","db_type":"mysql","schema":"s","tb":"t","order_key":{"single":["id","5"]}}`;
  it('is rejected up to 2.0.25, fine from 2.0.26', () => {
    expect(findings(file(line), '2.0.25', {}, 'PL007')).toEqual(['1:PL007:warning']);
    expect(findings(file(line), '2.0.26', {}, 'PL007')).toEqual([]);
  });
});

describe('PL014 a truncated last line', () => {
  it('is skipped, and the previous line of its kind is named', () => {
    const text = mysql(1) + '\n' + mysql(2).slice(0, 100);
    expect(findings(text, '2.0.24')).toEqual(['2:PL014:warning']);
    expect(messages(text, '2.0.24', {}, 'PL014')[0]).toContain('resumes from line 1');
  });
  it('a complete last line without a trailing newline is fine', () => {
    expect(findings(mysql(1) + '\n' + mysql(2), '2.0.24')).toEqual([]);
  });
});

describe('PL019 tags in a resume config file', () => {
  it('a current tag without its pipes counts as a checkpoint: error', () => {
    expect(findings(file('current_position | {"type":"PgCdc","lsn":"0/1","timestamp":""}'), '2.0.26', CFG, 'PL019')).toEqual(['1:PL019:error']);
  });
  it('// does not comment out a position', () => {
    expect(findings(file('// {"type":"PgCdc","lsn":"0/1","timestamp":""}'), '2.0.26', CFG, 'PL019')).toEqual(['1:PL019:error']);
  });
  it('2.0.24 drops current_position lines of the config file for CDC', () => {
    const text = file('| current_position | {"type":"PgCdc","lsn":"0/1","timestamp":""}');
    expect(findings(text, '2.0.24', CFG, 'PL019')).toEqual(['1:PL019:error']);
    expect(findings(text, '2.0.26', CFG, 'PL019')).toEqual([]);
  });
  it('bare JSON and timestamped checkpoint lines are what ape-dts expects', () => {
    expect(findings(file('{"type":"PgCdc","lsn":"0/1","timestamp":""}', pg('0/2')), '2.0.24', CFG)).toEqual([]);
  });
});
