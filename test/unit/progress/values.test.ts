import { describe, expect, it } from 'vitest';
import { parseGtidSet, gtidSetContains } from '../../../server/src/core/progress/values/gtidSet';
import { mongoKeyProblem, resumeTokenProblem } from '../../../server/src/core/progress/values/mongoValues';
import { parsePgLsn, pgLsnProblem } from '../../../server/src/core/progress/values/pgLsn';

const UUID = '9663a096-8adc-11ef-b617-0242ac110002';

describe('PG LSN', () => {
  it('X/Y hex is one 64-bit number', () => {
    expect(parsePgLsn('0/5D65CB0')).toBe(0x5d65cb0n);
    expect(parsePgLsn('1/0')).toBe(1n << 32n);
    expect(parsePgLsn('FFFFFFFF/FFFFFFFF')).toBe(18446744073709551615n);
  });
  it('anything else is not an LSN', () => {
    expect(pgLsnProblem('0/XYZ')).toBe('both halves must be 1 to 8 hex digits');
    expect(pgLsnProblem('5D65CB0')).toContain("no '/'");
    expect(pgLsnProblem('')).toBe('it is empty');
    expect(pgLsnProblem('0/5D65CB0')).toBeUndefined();
  });
});

describe('GTID sets, as the binlog crate parses them', () => {
  it('accepts what ape-dts writes, single ids and several servers', () => {
    expect('set' in parseGtidSet(`${UUID}:1-3112`)).toBe(true);
    expect('set' in parseGtidSet(`${UUID}:5,${UUID.replace('9663', '0000')}:1-3:7-9`)).toBe(true);
    expect('set' in parseGtidSet('')).toBe(true);
  });
  it('rejects spaces, tags and non-UUIDs', () => {
    expect(parseGtidSet(`${UUID}:1-5, ${UUID}:7`)).toEqual({ problem: `' ${UUID}' is not a server UUID` });
    expect(parseGtidSet(`${UUID}:tag:5`)).toMatchObject({ problem: expect.stringContaining("'tag'") });
    expect(parseGtidSet(`${UUID}`)).toMatchObject({ problem: expect.stringContaining("has no ':'") });
  });
  it('a growing set contains the older one', () => {
    const a = parseGtidSet(`${UUID}:1-10`) as { set: Map<string, never> };
    const b = parseGtidSet(`${UUID}:1-12`) as { set: Map<string, never> };
    expect(gtidSetContains(b.set, a.set)).toBe(true);
    expect(gtidSetContains(a.set, b.set)).toBe(false);
  });
});

describe('Mongo values', () => {
  it('a resume token is "" or a JSON document', () => {
    expect(resumeTokenProblem('')).toBeUndefined();
    expect(resumeTokenProblem('{"_data":"8267"}')).toBeUndefined();
    expect(resumeTokenProblem('_data:8267')).toContain('not JSON');
    expect(resumeTokenProblem('8267')).toContain('not a document');
  });
  it('a 2.0.26 snapshot _id is a MongoKey or a bare ObjectId', () => {
    expect(mongoKeyProblem('{"ObjectId":"648195af9aa9cadd41a9dcb2"}')).toBeUndefined();
    expect(mongoKeyProblem('648195af9aa9cadd41a9dcb2')).toBeUndefined();
    expect(mongoKeyProblem('{"Double":2}')).toContain("'Double' is not a MongoKey kind");
    expect(mongoKeyProblem('b')).toContain('neither');
  });
});
