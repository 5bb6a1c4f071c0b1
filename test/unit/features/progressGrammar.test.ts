import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

// The three progress-file grammars, checked like the task config grammar: without
// vscode-textmate, each regex is valid in JavaScript too, and the first top-level rule that
// matches a line decides its scope (TextMate's order). Payloads are handed to source.json
// through capture patterns, so a truncated payload can never spill into the next line.

interface Capture {
  name: string;
  patterns?: { include: string }[];
}
interface Rule {
  name?: string;
  match?: string;
  captures?: Record<string, Capture>;
}
interface Grammar {
  scopeName: string;
  patterns: { include: string }[];
  repository: Record<string, Rule>;
}

const load = (name: string) => JSON.parse(readFileSync(path.resolve(__dirname, `../../../syntaxes/${name}.tmLanguage.json`), 'utf8')) as Grammar;
const GRAMMARS = {
  'ape-dts-position': load('ape-dts-position'),
  'ape-dts-finished': load('ape-dts-finished'),
  'ape-dts-resume-config': load('ape-dts-resume-config'),
};
type Lang = keyof typeof GRAMMARS;

/** The first top-level rule matching the line: its scope and the text of each named capture. */
function scopeOf(lang: Lang, line: string): { rule: string; captures: Record<string, string> } {
  const g = GRAMMARS[lang];
  const strip = (s: string) => s.replace(`.${lang}`, '');
  for (const p of g.patterns) {
    const rule = g.repository[p.include.slice(1)];
    const m = new RegExp(rule.match!).exec(line);
    if (!m) continue;
    const captures: Record<string, string> = {};
    for (const [i, c] of Object.entries(rule.captures ?? {})) if (m[Number(i)] !== undefined) captures[strip(c.name)] = m[Number(i)];
    return { rule: strip(rule.name ?? ''), captures };
  }
  return { rule: '(none)', captures: {} };
}

const T = '2024-10-18 05:21:45.207788';
const MYSQL = '{"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":73685,"gtid_set":"","timestamp":"2024-10-18 05:21:44.000"}';
const FINISHED = '{"type":"RdbSnapshotFinished","db_type":"mysql","schema":"test_db","tb":"a"}';

describe('grammar files', () => {
  it.each(Object.entries(GRAMMARS))('%s: scope name, rules present, every regex compiles in JavaScript', (lang, g) => {
    expect(g.scopeName).toBe(`source.${lang}`);
    for (const p of g.patterns) expect(g.repository[p.include.slice(1)], p.include).toBeDefined();
    for (const r of Object.values(g.repository)) expect(() => new RegExp(r.match!), r.match).not.toThrow();
  });

  it('payloads are embedded JSON, confined to their capture', () => {
    for (const g of Object.values(GRAMMARS)) {
      const embedded = Object.values(g.repository).flatMap((r) => Object.values(r.captures ?? {})).filter((c) => c.patterns);
      expect(embedded.length).toBeGreaterThan(0);
      for (const c of embedded) expect(c).toEqual({ name: 'meta.embedded.line.json', patterns: [{ include: 'source.json' }] });
    }
  });

  it('package.json declares them with the scope names and the JSON embedding', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    for (const lang of Object.keys(GRAMMARS)) {
      const entry = pkg.contributes.grammars.find((x: { language: string }) => x.language === lang);
      expect(entry).toMatchObject({ scopeName: `source.${lang}`, path: `./syntaxes/${lang}.tmLanguage.json`, embeddedLanguages: { 'meta.embedded.line.json': 'json' } });
    }
  });
});

describe('position.log lines', () => {
  it.each([
    [`${T} | checkpoint_position | ${MYSQL}`, 'meta.position-line', { 'keyword.other.tag.checkpoint-position': 'checkpoint_position', 'constant.numeric.timestamp': T, 'meta.embedded.line.json': MYSQL }],
    [`${T} | current_position | ${MYSQL}`, 'meta.position-line', { 'variable.other.tag.current-position': 'current_position' }],
    [`${T} | start_aof_position | {"type":"Redis"}`, 'meta.position-line', { 'support.constant.tag.start-aof-position': 'start_aof_position' }],
    [`${T} | checkpoint_position | {"type":"None"}`, 'comment.line.none-position', {}],
    [`${T} | checkpoint_positon | ${MYSQL}`, 'meta.position-line', { 'invalid.illegal.unknown-tag': 'checkpoint_positon' }],
    [`${T} | checkpoint_position | ${MYSQL.slice(0, 80)}`, 'invalid.illegal.truncated-line', {}],
    [`${MYSQL}`, 'invalid.illegal.line', {}],
    ['2024-10-18 05:21:45 | checkpoint_position | {}', 'invalid.illegal.line', {}],
    ['garbage', 'invalid.illegal.line', {}],
    ['   ', '(none)', {}],
  ])('%s', (line, rule, captures) => {
    const s = scopeOf('ape-dts-position', line);
    expect(s.rule).toBe(rule);
    expect(s.captures).toMatchObject(captures);
  });

  it('a trailing carriage return does not make a line invalid', () => {
    expect(scopeOf('ape-dts-position', `${T} | checkpoint_position | ${MYSQL}\r`).rule).toBe('meta.position-line');
  });
});

describe('finished.log lines', () => {
  it.each([
    [`${T} | ${FINISHED}`, 'meta.finished-line', { 'meta.embedded.line.json': FINISHED }],
    [`${T} | task finished`, 'meta.task-finished', { 'keyword.control.task-finished': 'task finished' }],
    [`${T} | ${FINISHED.slice(0, 30)}`, 'invalid.illegal.truncated-line', {}],
    ['task finished', 'invalid.illegal.line', {}],
  ])('%s', (line, rule, captures) => {
    const s = scopeOf('ape-dts-finished', line);
    expect(s.rule).toBe(rule);
    expect(s.captures).toMatchObject(captures);
  });
});

describe('resume config lines', () => {
  it.each([
    ['// resume these tables', 'comment.line', {}],
    ['# also skipped', 'comment.line', {}],
    [MYSQL, 'meta.position-line', { 'meta.embedded.line.json': MYSQL }],
    [`| current_position | ${MYSQL}`, 'meta.position-line', { 'variable.other.tag.current-position': 'current_position' }],
    [`${T} | checkpoint_position | ${MYSQL}`, 'meta.position-line', { 'keyword.other.tag.checkpoint-position': 'checkpoint_position' }],
    [`checkpoint_position ${MYSQL}`, 'meta.position-line', { 'comment.block.ignored-prefix': 'checkpoint_position' }],
    // A // line with a payload is not a comment: ape-dts reads the payload.
    [`// ${MYSQL}`, 'meta.position-line', { 'comment.block.ignored-prefix': '//' }],
    [MYSQL.slice(0, 50), 'invalid.illegal.truncated-line', {}],
    ['resume from here', 'invalid.illegal.line', {}],
  ])('%s', (line, rule, captures) => {
    const s = scopeOf('ape-dts-resume-config', line);
    expect(s.rule).toBe(rule);
    expect(s.captures).toMatchObject(captures);
  });
});
