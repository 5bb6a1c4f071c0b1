import { describe, expect, it } from 'vitest';
import { decodePosition } from '../../../server/src/core/progress/decodePosition';
import { scanJson, type JsonObject } from '../../../server/src/core/progress/json/scanJson';
import type { Profile } from '../../../server/src/core/schema/types';

// What ape-dts's serde derive accepts, per profile. `problems` lists `rule: message`.

function decode(json: string, profile: Profile = 'legacy') {
  const scan = scanJson(json);
  if (!scan.ok) throw new Error(scan.error.message);
  return decodePosition(scan.node as JsonObject, profile);
}
const problems = (json: string, profile: Profile = 'legacy') => decode(json, profile).rejections.map((r) => `${r.rule}: ${r.message}`);
const values = (json: string, profile: Profile = 'legacy') => decode(json, profile).position?.values;

const MYSQL = '{"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":73685,"gtid_set":"","timestamp":""}';

describe('variant names', () => {
  it('are case-sensitive', () => {
    expect(problems(MYSQL.replace('MysqlCdc', 'mysqlcdc'))).toEqual(["PL003: unknown variant 'mysqlcdc': variant names are case-sensitive, write 'MysqlCdc'"]);
  });
  it('misspelt ones get a suggestion', () => {
    expect(problems('{"type":"PgCDC","lsn":"0/1","timestamp":""}')).toEqual(["PL003: unknown variant 'PgCDC': variant names are case-sensitive, write 'PgCdc'"]);
    expect(problems('{"type":"MongCdc"}')[0]).toContain("did you mean 'MongoCdc'");
  });
  it('FoxlakeS3 is gone from 2.0.26', () => {
    const fox = '{"type":"FoxlakeS3","schema":"s","tb":"t","s3_meta_file":"m"}';
    expect(problems(fox, 'transitional')).toEqual([]);
    expect(problems(fox, 'current')).toEqual(["PL003: variant 'FoxlakeS3' no longer exists in this version (removed in 2.0.26)"]);
  });
  it('"type" may come anywhere, but must be there once', () => {
    expect(values('{"lsn":"0/1","timestamp":"","type":"PgCdc"}')).toEqual({ lsn: '0/1', timestamp: '' });
    expect(problems('{"lsn":"0/1","timestamp":""}')).toEqual(["PL004: missing field 'type' (the variant name, e.g. \"MysqlCdc\")"]);
    expect(problems('{"type":"None","type":"None"}')).toEqual(["PL004: field 'type' appears twice"]);
  });
});

describe('fields', () => {
  it('every non-Option field is required', () => {
    expect(problems(MYSQL.replace(',"gtid_set":""', ''))).toEqual(["PL004: missing field 'gtid_set'"]);
  });
  it('unknown fields are ignored (the 2.0.25 Mongo samples carry extra order_col/value)', () => {
    const p = decode('{"type":"RdbSnapshotFinished","db_type":"mongo","schema":"s","tb":"t","order_col":"_id","value":""}').position!;
    expect(p.values).toEqual({ db_type: 'mongo', schema: 's', tb: 't' });
    expect(p.ignored.map((m) => m.key)).toEqual(['order_col', 'value']);
  });
  it('a duplicated known field is rejected; a duplicated unknown one is not', () => {
    expect(problems('{"type":"PgCdc","lsn":"0/1","lsn":"0/2","timestamp":""}')).toEqual(["PL004: field 'lsn' appears twice"]);
    expect(problems('{"type":"PgCdc","lsn":"0/1","x":1,"x":2,"timestamp":""}')).toEqual([]);
  });
  it('strings must be strings: a numeric server_id is rejected', () => {
    expect(problems(MYSQL.replace('"server_id":""', '"server_id":2'))).toEqual(['PL004: \'server_id\' must be a string in double quotes, found the number 2']);
    expect(problems(MYSQL.replace('"gtid_set":""', '"gtid_set":null'))).toEqual(["PL004: 'gtid_set' must be a string in double quotes, found null"]);
  });
});

describe('integers', () => {
  it('u32: quoted, fractional and out-of-range values are rejected', () => {
    expect(problems(MYSQL.replace('73685', '"73685"'))).toEqual(['PL004: \'next_event_position\' is a number in quotes ("73685"); it must be written without quotes']);
    expect(problems(MYSQL.replace('73685', '73685.0'))).toEqual(["PL004: 'next_event_position' must be a whole number (u32), found 73685.0"]);
    expect(problems(MYSQL.replace('73685', '4294967296'))).toEqual(["PL004: 'next_event_position' = 4294967296 is out of range for u32 (0 to 4294967295)"]);
    expect(problems(MYSQL.replace('73685', '-1'))[0]).toContain('out of range for u32');
    expect(problems(MYSQL.replace('73685', '4294967295'))).toEqual([]);
  });
  it('u64: kept exact beyond 2^53, rejected beyond 2^64 - 1', () => {
    const redis = (offset: string) => `{"type":"Redis","repl_id":"","repl_port":10008,"repl_offset":${offset},"now_db_id":0,"timestamp":""}`;
    expect(values(redis('18446744073709551615'))?.repl_offset).toBe(18446744073709551615n);
    expect(values(redis('9007199254740993'))?.repl_offset).toBe(9007199254740993n);
    expect(problems(redis('18446744073709551616'))[0]).toContain('out of range for u64');
    expect(problems(redis('1e3'))[0]).toContain('whole number (u64)');
  });
  it('i64 and i32: negative values are fine, within range', () => {
    const kafka = (partition: string, offset: string) => `{"type":"Kafka","topic":"t","partition":${partition},"offset":${offset}}`;
    expect(values(kafka('-1', '-9223372036854775808'))).toEqual({ topic: 't', partition: -1n, offset: -9223372036854775808n });
    expect(problems(kafka('2147483648', '0'))[0]).toContain('out of range for i32');
    expect(problems(kafka('0', '9223372036854775808'))[0]).toContain('out of range for i64');
  });
});

describe('snapshot shapes', () => {
  const OLD = '{"type":"RdbSnapshot","db_type":"mysql","schema":"test_db","tb":"b","order_col":"id","value":"6"}';
  const NEW = '{"type":"RdbSnapshot","db_type":"mysql","schema":"test_db_1","tb":"multi_pk","order_key":{"composite":[["f_0","1"],["f_1","30"]]}}';

  it('up to 2.0.25: order_col and value', () => {
    expect(values(OLD, 'transitional')).toEqual({ db_type: 'mysql', schema: 'test_db', tb: 'b', order_col: 'id', value: '6' });
  });
  it('up to 2.0.25 the order_key shape is rejected for the missing order_col (PL007)', () => {
    expect(problems(NEW, 'legacy')).toEqual(["PL007: 'order_key' is the 2.0.26 shape; this version needs 'order_col' and 'value'"]);
  });
  it('from 2.0.26: order_key single, composite or null', () => {
    expect(values(NEW, 'current')?.order_key).toMatchObject({ shape: 'composite', parts: [{ col: 'f_0', value: '1' }, { col: 'f_1', value: '30' }] });
    expect(values('{"type":"RdbSnapshot","db_type":"pg","schema":"s","tb":"t","order_key":{"single":["uk1",null]}}', 'current')?.order_key).toMatchObject({ shape: 'single', parts: [{ col: 'uk1', value: null }] });
    expect(values('{"type":"RdbSnapshot","db_type":"pg","schema":"s","tb":"t","order_key":null}', 'current')?.order_key).toBeNull();
  });
  it('from 2.0.26 the old shape still parses, with no order_key (PL006 says why that is bad)', () => {
    const p = decode(OLD, 'current').position!;
    expect(p.values.order_key).toBeUndefined();
    expect(p.ignored.map((m) => m.key)).toEqual(['order_col', 'value']);
  });
  it('order_key values are strings or null, in pairs', () => {
    expect(problems('{"type":"RdbSnapshot","db_type":"pg","schema":"s","tb":"t","order_key":{"single":["id",5]}}', 'current')[0]).toContain('values must be strings');
    expect(problems('{"type":"RdbSnapshot","db_type":"pg","schema":"s","tb":"t","order_key":{"single":["id"]}}', 'current')[0]).toContain('exactly two items');
    expect(problems('{"type":"RdbSnapshot","db_type":"pg","schema":"s","tb":"t","order_key":{"Single":["id","1"]}}', 'current')[0]).toContain('"single" and "composite"');
  });
});

describe('Redis cluster fields', () => {
  const R = '{"type":"Redis","node_id":"n1","address":"10.0.0.1:6379","repl_id":"","repl_port":10008,"repl_offset":1,"now_db_id":0,"timestamp":""}';
  it('are Option fields from 2.0.26, unknown (ignored) before', () => {
    expect(values(R, 'current')).toMatchObject({ node_id: 'n1', address: '10.0.0.1:6379' });
    expect(values(R, 'legacy')).not.toHaveProperty('node_id');
    expect(problems(R.replace('"node_id":"n1",', ''), 'current')).toEqual([]);
  });
});
