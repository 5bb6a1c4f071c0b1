import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

// Without vscode-textmate: the grammar's regexes are written to be valid in both Oniguruma and
// JavaScript, so each rule can be checked on sample lines with RegExp. Rule order matters in
// TextMate (the first rule matching at a position wins), so `scopeOf` walks them in order too.

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
  contentName?: string;
}

const file = path.resolve(__dirname, '../../../syntaxes/ape-dts-config.tmLanguage.json');
const grammar = JSON.parse(readFileSync(file, 'utf8')) as { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> };

function resolve(rule: Rule): Rule[] {
  if (rule.include?.startsWith('#')) return resolve(grammar.repository[rule.include.slice(1)]);
  if (!rule.match && !rule.begin && rule.patterns) return rule.patterns.flatMap(resolve);
  return [rule];
}

const topRules = grammar.patterns.flatMap(resolve);

/** The first top-level rule that matches the line, and the scope of each capture. */
function scopeOf(line: string): { rule: string; captures: Record<string, string> } {
  for (const rule of topRules) {
    const m = new RegExp(rule.match ?? rule.begin!).exec(line);
    if (!m) continue;
    const names = rule.captures ?? rule.beginCaptures ?? {};
    const captures: Record<string, string> = {};
    for (const [i, c] of Object.entries(names)) if (m[Number(i)]) captures[c.name.replace(/\.ape-dts-config$/, '')] = m[Number(i)];
    return { rule: (rule.name ?? rule.contentName ?? '').replace(/\.ape-dts-config$/, ''), captures };
  }
  return { rule: '(none)', captures: {} };
}

const valueRules = grammar.repository.entry.patterns!.flatMap(resolve);

/** Scopes the generic entry rule gives inside a value. */
function valueScopes(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of valueRules) {
    const m = new RegExp(rule.match!).exec(value);
    if (m) out[rule.name!.replace(/\.ape-dts-config$/, '')] = m[0];
  }
  return out;
}

describe('grammar file', () => {
  it('is a TextMate grammar for source.ape-dts-config', () => {
    expect(grammar.scopeName).toBe('source.ape-dts-config');
    for (const p of grammar.patterns) expect(grammar.repository[p.include!.slice(1)], p.include).toBeDefined();
  });

  it('every regex compiles in JavaScript too (no Oniguruma-only syntax)', () => {
    const all = Object.values(grammar.repository).flatMap((r) => [r, ...(r.patterns ?? [])]);
    for (const r of all) for (const re of [r.match, r.begin, r.end]) if (re) expect(() => new RegExp(re), re).not.toThrow();
  });

  it('embeds JSON in json: values', () => {
    expect(grammar.repository['json-entry'].patterns).toEqual([{ include: 'source.json' }]);
    expect(grammar.repository['json-entry'].contentName).toBe('meta.embedded.block.json');
  });
});

describe('lines', () => {
  it.each([
    ['# a comment', 'comment.line.number-sign', {}],
    ['  ; indented comment', 'comment.line.semicolon', {}],
    ['[extractor]', 'meta.section', { 'entity.name.section.group-title': 'extractor' }],
    ['[sinker] junk', 'meta.section', { 'entity.name.section.group-title': 'sinker', 'invalid.illegal.ignored-text': ' junk' }],
    ['[extractor', 'invalid.illegal.unterminated-section', {}],
    ['=mysql', 'invalid.illegal.empty-key', {}],
    ['// do_structures=table', 'invalid.illegal.double-slash', {}],
    ['replace=true', 'meta.entry', { 'support.type.property-name': 'replace', 'constant.language.boolean': 'true' }],
    ['buffer_size = 16000', 'meta.entry', { 'support.type.property-name': 'buffer_size', 'constant.numeric': '16000' }],
    ['log_level: info', 'meta.entry', { 'support.type.property-name': 'log_level', 'punctuation.separator.key-value': ':' }],
    ['url=mysql://root:pw@h:3306', 'meta.entry', { 'support.type.property-name': 'url', 'punctuation.separator.key-value': '=' }],
    ['ignore_cols=json:[{"db":"a"}]', 'meta.entry.json', { 'support.type.property-name': 'ignore_cols', 'storage.type.json-prefix': 'json:' }],
    ['resume_token={"_data":"82"}', 'meta.entry.json', { 'support.type.property-name': 'resume_token' }],
    ['resume_from_log', 'invalid.deprecated.key-without-value', {}],
  ])('%s', (line, rule, captures) => {
    const scoped = scopeOf(line);
    expect(scoped.rule).toBe(rule);
    expect(scoped.captures).toMatchObject(captures);
  });

  it('True is not a boolean to ape-dts, so it stays a plain value', () => {
    expect(scopeOf('replace=True').captures).not.toHaveProperty('constant.language.boolean');
  });
});

describe('inside a value', () => {
  it('marks an inline comment as misread', () => {
    expect(valueScopes('./logs # where logs go')).toMatchObject({ 'invalid.deprecated.inline-comment': '# where logs go' });
    expect(valueScopes('a ; b')).toMatchObject({ 'invalid.deprecated.inline-comment': '; b' });
  });

  it('leaves # and ; that are part of a name alone', () => {
    expect(valueScopes('db#1,`a;`.*')).not.toHaveProperty('invalid.deprecated.inline-comment');
  });

  it('marks {placeholders} and urls', () => {
    expect(valueScopes('{mysql_extractor_url}')).toMatchObject({ 'variable.other.placeholder': '{mysql_extractor_url}' });
    expect(valueScopes('mysql://root@h:3306 # x')).toMatchObject({ 'markup.underline.link': 'mysql://root@h:3306' });
  });
});
