import { describe, expect, it } from 'vitest';
import { lintProgress } from '../../../server/src/core/progress/lintProgress';
import { simulateResume } from '../../../server/src/core/progress/simulateResume';
import { NONE, file, ini, kafka, mysql, pg, redis } from './progressHelper';

// Hand-broken logs: every broken line gets its diagnostic, on that line, and the prediction
// skips it the way ape-dts does.

const lint = (text: string, version: '2.0.24' | '2.0.25' | '2.0.26') =>
  lintProgress({ version, text, kind: 'position' }).map((d) => `${d.range.start.line + 1}:${d.code}:${d.severity}`);

describe('a hand-edited MySQL position.log at 2.0.24', () => {
  const text = file(
    mysql(100), //                                             1 fine
    mysql(110).replace('110', '"110"'), //                     2 quoted number
    mysql(120).replace('MysqlCdc', 'MySQLCdc'), //             3 unknown variant
    mysql(130).replace('"gtid_set"', '"gtid_set":"","gtid_set"'), // 4 duplicate key
    mysql(140, 'current_positon'), //                          5 misspelt current tag
    NONE(), //                                                 6 fine
    mysql(150).slice(0, 120), //                               7 truncated last line
  );

  it('gets one diagnostic on each broken line', () => {
    expect(lint(text, '2.0.24')).toEqual(['2:PL004:warning', '3:PL003:warning', '4:PL004:warning', '5:PL001:error', '7:PL014:warning']);
  });

  it('ape-dts resumes from the misspelt line, which it reads as a checkpoint', () => {
    const p = simulateResume({
      version: '2.0.24',
      config: ini('[extractor]', 'db_type=mysql', 'extract_type=cdc', '[resumer]', 'resume_from_log=true'),
      files: { positionLog: { path: 'logs/position.log', text } },
    });
    expect([p.line, p.start.binlog_position]).toEqual([4, '140']);
    expect(p.reasons).toContain("position.log line 7 is skipped (a truncated last line, PL014): its payload has no closing '}' (PL002).");
  });
});

describe('the last line of its kind is the one that matters', () => {
  it('a rejected line nothing supersedes is an error', () => {
    expect(lint(file(pg('0/1'), pg('0/2').replace('"0/2"', '0'), NONE()), '2.0.26')).toEqual(['2:PL004:warning']);
  });
  it('a bad LSN is accepted and then fails the start', () => {
    expect(lint(file(pg('0/1'), pg('0/XYZ')), '2.0.26')).toEqual(['2:PL004:error']);
  });
});

describe('64-bit values', () => {
  it('a Redis offset beyond 2^53 is kept exact, and beyond 2^64-1 rejected', () => {
    expect(lint(file(redis('18446744073709551615')), '2.0.26')).toEqual(['1:PL037:information']);
    expect(lint(file(redis('18446744073709551616'), redis(1)), '2.0.26')).toEqual(['1:PL004:warning']);
  });
  it('a Kafka offset below -2^63 is rejected', () => {
    expect(lint(file(kafka('-9223372036854775809')), '2.0.26')).toEqual(['1:PL015:warning', '1:PL004:warning']);
  });
});
