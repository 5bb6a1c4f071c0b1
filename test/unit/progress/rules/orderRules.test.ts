import { describe, expect, it } from 'vitest';
import { NONE, T, file, findings, messages, mysql, pg, redis, snap } from '../progressHelper';

// Rules over a whole position.log: order, shared log dirs, the tail window, file facts.

const at = (time: string, line: string) => line.replace(T, time);

describe('PL011 a log_dir shared by two tasks', () => {
  it('positions of two sources in one file', () => {
    expect(findings(file(mysql(1), pg('0/1')), '2.0.26', {}, 'PL011')).toEqual(['2:PL011:warning']);
    expect(findings(file(mysql(1), mysql(2)), '2.0.26', {}, 'PL011')).toEqual([]);
  });
  it('two binlog base names', () => {
    expect(findings(file(mysql(1), mysql(2, 'checkpoint_position', '', 'binlog.000001')), '2.0.26', {}, 'PL011')).toEqual(['2:PL011:warning']);
  });
  it('a Redis replication id that changes without a full sync', () => {
    const other = redis(5, 'checkpoint_position', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(findings(file(redis(1), other), '2.0.26', {}, 'PL011')).toEqual(['2:PL011:warning']);
    const resync = other.replace('checkpoint_position', 'start_aof_position');
    expect(findings(file(redis(1), resync, other), '2.0.26', {}, 'PL011')).toEqual([]);
  });
});

describe('PL012 positions going back while the task runs', () => {
  it('within one run: warning', () => {
    const text = file(at('2024-10-18 05:00:00.000000', mysql(500)), at('2024-10-18 05:00:10.000000', mysql(400)));
    expect(findings(text, '2.0.24', {}, 'PL012')).toEqual(['2:PL012:warning']);
    expect(messages(text, '2.0.24', {}, 'PL012')[0]).toContain('mysql-bin.000004 at 500 (line 1)');
  });
  it('after a restart (a silence of more than two intervals) going back is normal', () => {
    const text = file(at('2024-10-18 05:00:00.000000', mysql(500)), at('2024-10-18 06:00:00.000000', mysql(400)));
    expect(findings(text, '2.0.24', {}, 'PL012')).toEqual([]);
  });
  it('the resumed position logged again is not flagged', () => {
    const text = file(at('2024-10-18 05:00:00.000000', mysql(400)), at('2024-10-18 05:00:10.000000', mysql(500)), at('2024-10-18 05:00:15.000000', mysql(400)));
    expect(findings(text, '2.0.24', {}, 'PL012')).toEqual([]);
  });
});

describe('PL013 a PG LSN going back', () => {
  it('cannot be honoured', () => {
    expect(findings(file(pg('0/5D65CB0'), pg('0/5D65000')), '2.0.26', {}, 'PL013')).toEqual(['2:PL013:warning']);
    expect(findings(file(pg('0/5D65000'), pg('0/5D65CB0')), '2.0.26', {}, 'PL013')).toEqual([]);
  });
});

describe('PL015/PL016 the tail window', () => {
  it('PL015: only None lines where ape-dts reads', () => {
    expect(findings(file(NONE('current_position'), NONE()), '2.0.24', {}, 'PL015')).toEqual(['1:PL015:warning']);
    expect(findings(file(NONE(), mysql(1)), '2.0.24', {}, 'PL015')).toEqual([]);
  });
  it('PL016: the last CDC position scrolled out of the window', () => {
    const text = file(mysql(1), ...Array.from({ length: 199 }, () => NONE()));
    expect(findings(text, '2.0.24', {}, 'PL016')).toEqual(['1:PL016:warning']);
    expect(findings(file(mysql(1), ...Array.from({ length: 198 }, () => NONE())), '2.0.24', {}, 'PL016')).toEqual([]);
  });
  it('PL016: a snapshot table whose progress scrolled out, unless it is finished', () => {
    const text = file(snap('a', '7'), ...Array.from({ length: 199 }, () => snap('b', '1')));
    expect(findings(text, '2.0.24', { facts: { finishedTables: [] } }, 'PL016')).toEqual(['1:PL016:warning']);
    expect(findings(text, '2.0.24', { facts: { finishedTables: [{ schema: 'test_db', tb: 'a' }] } }, 'PL016')).toEqual([]);
    expect(findings(text, '2.0.24', {}, 'PL016')).toEqual(['1:PL016:information']);
  });
});

describe('PL017 rolled archives', () => {
  it('positionN.log is never read', () => {
    expect(findings(file(mysql(1)), '2.0.26', { path: '/logs/position3.log' }, 'PL017')).toEqual(['1:PL017:information']);
    expect(findings(file(mysql(1)), '2.0.26', { path: '/logs/position.log' }, 'PL017')).toEqual([]);
  });
  it('an almost empty position.log right after a roll', () => {
    const facts = { siblingNames: ['position.log', 'position1.log'] };
    expect(findings(file(NONE()), '2.0.26', { path: '/logs/position.log', facts }, 'PL017')).toEqual(['1:PL017:warning']);
    expect(findings(file(mysql(1)), '2.0.26', { path: '/logs/position.log', facts }, 'PL017')).toEqual([]);
  });
});

describe('PL018 bytes that are not UTF-8', () => {
  it('in the part of position.log ape-dts reads: it does not start', () => {
    expect(findings(file(mysql(1)), '2.0.26', { facts: { invalidUtf8: { line: 0, character: 3 } } }, 'PL018')).toEqual(['1:PL018:error']);
    expect(findings(file(mysql(1)), '2.0.26', {}, 'PL018')).toEqual([]);
  });
  it('before that part: harmless', () => {
    const text = file(mysql(1), ...Array.from({ length: 200 }, () => mysql(2)));
    expect(findings(text, '2.0.26', { facts: { invalidUtf8: { line: 0, character: 3 } } }, 'PL018')).toEqual(['1:PL018:information']);
  });
});

describe('a rolled archive', () => {
  it('is never read, so a broken line in it does not matter', () => {
    const text = file(mysql(1).replace('MysqlCdc', 'Mysql'));
    expect(findings(text, '2.0.26', { path: '/logs/position2.log' })).toEqual(['1:PL017:information', '1:PL003:information']);
    expect(findings(text, '2.0.26', { path: '/logs/position.log' })).toEqual(['1:PL015:warning', '1:PL003:warning']);
  });
});
