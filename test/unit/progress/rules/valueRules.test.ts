import { describe, expect, it } from 'vitest';
import { T, covered, file, findings, messages, mongo, redis, snap, snapKey } from '../progressHelper';

// Values ape-dts accepts when it reads the line but that fail, or mislead, later.

const CFG = { kind: 'resumeConfig' as const };

describe('PL005 the payload timestamp', () => {
  it('must be UTC with milliseconds, or empty', () => {
    const line = `${T} | checkpoint_position | {"type":"PgCdc","lsn":"0/1","timestamp":"2024-10-18T05:22:21Z"}`;
    expect(findings(file(line), '2.0.26', {}, 'PL005')).toEqual(['1:PL005:warning']);
    expect(findings(file(line.replace('2024-10-18T05:22:21Z', '')), '2.0.26', {}, 'PL005')).toEqual([]);
  });
});

describe('PL006 the ≤ 2.0.25 snapshot shape read by 2.0.26', () => {
  it('parses but is silently unusable: a warning on order_col…value, with the fix', () => {
    const text = file(snap('t', '6'));
    expect(findings(text, '2.0.26', {}, 'PL006')).toEqual(['1:PL006:warning']);
    expect(covered(text, '2.0.26', {}, 'PL006')).toEqual(['"order_col":"id","value":"6"']);
    expect(messages(text, '2.0.26', {}, 'PL006')[0]).toContain('"order_key":{"single":["id","6"]}');
    expect(findings(text, '2.0.25', {}, 'PL006')).toEqual([]);
  });
});

describe('PL027 the Mongo resume token', () => {
  it('a token that is not JSON fails a change_stream task', () => {
    expect(findings(file(mongo(1, 'current_position', '_data:82')), '2.0.26', {}, 'PL027')).toEqual(['1:PL027:error']);
    expect(findings(file(mongo(1)), '2.0.26', {}, 'PL027')).toEqual([]);
  });
});

describe('PL031 an unusable order_key (2.0.26)', () => {
  const nullKey = `${T} | current_position | {"type":"RdbSnapshot","db_type":"mysql","schema":"s","tb":"t","order_key":null}`;
  it('null: the table restarts', () => {
    expect(findings(file(nullKey), '2.0.26', {}, 'PL031')).toEqual(['1:PL031:warning']);
    expect(findings(file(snapKey('t', '5')), '2.0.26', {}, 'PL031')).toEqual([]);
  });
  it('Mongo needs a single, non-null _id', () => {
    const text = file(`${T} | current_position | {"type":"RdbSnapshot","db_type":"mongo","schema":"s","tb":"t","order_key":{"single":["_id",null]}}`);
    expect(findings(text, '2.0.26', {}, 'PL031')).toEqual(['1:PL031:warning']);
  });
});

describe('PL032 the order columns of today', () => {
  it('a position keyed by another column is not used (needs the columns as a fact)', () => {
    const facts = { orderColumns: { 'test_db.t': ['uid'] } };
    expect(findings(file(snapKey('t', '5')), '2.0.26', { facts }, 'PL032')).toEqual(['1:PL032:information']);
    expect(findings(file(snapKey('t', '5')), '2.0.26', { facts: { orderColumns: { 'test_db.t': ['id'] } } }, 'PL032')).toEqual([]);
  });
});

describe('PL033 the Mongo snapshot _id', () => {
  it('≤ 2.0.25: anything but a 24-hex ObjectId fails the task', () => {
    expect(findings(file(snap('c', '', 'current_position', 'mongo')), '2.0.24', {}, 'PL033')).toEqual(['1:PL033:error']);
    expect(findings(file(snap('c', '648195af9aa9cadd41a9dcb2', 'current_position', 'mongo')), '2.0.24', {}, 'PL033')).toEqual([]);
  });
  it('2.0.26: the value must be a MongoKey', () => {
    const key = (v: string) => file(`{"type":"RdbSnapshot","db_type":"mongo","schema":"s","tb":"c","order_key":{"single":["_id",${JSON.stringify(v)}]}}`);
    expect(findings(key('{"Double":1.5}'), '2.0.26', CFG, 'PL033')).toEqual(['1:PL033:error']);
    expect(findings(key('{"Int64":2}'), '2.0.26', CFG, 'PL033')).toEqual([]);
  });
});

describe('PL037 integers beyond 2^53', () => {
  it('are flagged where a double would change them', () => {
    const text = file(redis('9007199254740993'));
    expect(findings(text, '2.0.26', {}, 'PL037')).toEqual(['1:PL037:information']);
    expect(messages(text, '2.0.26', {}, 'PL037')[0]).toContain('it would become 9007199254740992');
    expect(findings(file(redis(2056)), '2.0.26', {}, 'PL037')).toEqual([]);
  });
});
