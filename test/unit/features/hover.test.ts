import { describe, expect, it } from 'vitest';
import { hoverAt } from '../../../server/src/core/features/hover';
import { lintConfig } from '../../../server/src/core/lintConfig';
import type { ApeVersion } from '../../../server/src/core/schema/types';
import { cursor, ini, lintAt, mysqlCdc } from './featureHelper';

function hover(textWithCursor: string, version: ApeVersion = '2.0.26'): string {
  const { result, position } = lintAt(textWithCursor, version);
  return hoverAt(result, position)?.contents ?? '(no hover)';
}

describe('hover on a key', () => {
  it('says what it does, its type, allowed values and versions', () => {
    const text = hover(ini('[extractor]', 'db_t|ype=mysql'));
    expect(text).toContain('**[extractor] db_type**');
    expect(text).toContain('Kind of source database');
    expect(text).toContain('Allowed in 2.0.26: `mysql`, `pg`, `mssql` (ape-dts main only)');
    expect(text).toContain('As a source, 2.0.26 accepts: `mysql`, `pg`, `mongo`, `redis`, `kafka`');
    expect(text).toContain('Read in every version.');
  });

  it('covers exactly the key', () => {
    const { result, position } = lintAt(ini('[extractor]', '  db_t|ype = mysql'));
    expect(hoverAt(result, position)?.range).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 9 } });
  });

  it('gives the default of the chosen version and where it differs', () => {
    expect(hover(ini('[filter]', 'do_ev|ents=insert'), '2.0.26')).toContain('Default: `*` (2.0.24: empty; 2.0.25: empty)');
    expect(hover(ini('[filter]', 'do_ev|ents=insert'), '2.0.24')).toContain('Default: empty (2.0.26: `*`)');
  });

  it('narrows extract_type to what the db_type accepts', () => {
    expect(hover(ini('[extractor]', 'db_type=pg', 'extract_t|ype=cdc'))).toContain('With db_type=pg: `snapshot`, `cdc`, `check_log`, `struct`');
  });

  it('says whether the key applies to this task', () => {
    const pg = ini('[extractor]', 'db_type=pg', 'extract_type=cdc', 'binlog_file|name=mysql-bin.000004');
    expect(hover(pg)).toContain('Applies to: mysql/cdc — ✗ no effect for this task (db_type=pg, extract_type=cdc)');
    expect(hover(mysqlCdc({ replace: [['server_id=2000', 'server_i|d=2000']] }))).toContain('✓ applies to this task (db_type=mysql, extract_type=cdc)');
  });

  it('marks keys a version rejects, and why the diagnostic fires', () => {
    const text = hover(ini('[resumer]', 'resume_from|_log=true'), '2.0.26');
    expect(text).toContain('**rejected from 2.0.26** even when empty; use resume_type=from_log instead.');
    expect(text).toContain('**Error** `resumer.legacy-rejected` — ape-dts 2.0.26 rejects [resumer] resume_from_log');
  });

  it('says when a key is not read with these settings', () => {
    expect(hover(ini('[resumer]', 'resume_type=from_target', 'log_d|ir=./old'), '2.0.26')).toContain('does not read this key');
  });

  it('suggests the key an unknown one was meant to be', () => {
    expect(hover(mysqlCdc({ replace: [['batch_size=200', 'batch_sze|=200']] }))).toContain('Did you mean `batch_size`?');
  });

  it('explains a key before the first header', () => {
    expect(hover(ini('db_t|ype=mysql', '[extractor]'))).toContain('hidden `default` section');
  });
});

describe('hover on a value', () => {
  it('checks an enum value against the version', () => {
    expect(hover(ini('[extractor]', 'db_type=mysql', 'extract_type=cd|c'))).toContain('`cdc` is one of the ExtractType values ape-dts 2.0.26 accepts.');
    expect(hover(ini('[parallelizer]', 'parallel_type=rdb_ch|eck'), '2.0.26')).toContain('`rdb_check` is not one of the ParallelType values of 2.0.26.');
  });

  it('covers exactly the value', () => {
    const { result, position } = lintAt(ini('[pipeline]', 'buffer_size = 16|000  '));
    expect(hoverAt(result, position)?.range).toEqual({ start: { line: 1, character: 14 }, end: { line: 1, character: 19 } });
  });

  it('shows the parsed shape of a json: value', () => {
    const text = hover(ini('[filter]', 'ignore_cols=json:[{"db":"d1","tb":"t1","ignore_cols":["a","b"]}|]'));
    expect(text).toContain('Parsed JSON: `1 item: { db: string, tb: string, ignore_cols: string[] }[]`');
    expect(text).toContain('"ignore_cols": [');
  });

  it('reports JSON that does not parse', () => {
    expect(hover(ini('[filter]', 'where_conditions=json:[{"db":|}]'))).toContain('JSON: not valid JSON');
  });

  it('explains an empty value by the default it falls back to', () => {
    expect(hover(ini('[pipeline]', 'buffer_size=|'))).toContain('Empty: ape-dts treats an empty value like a missing key, so the default applies: `16000`');
  });

  it('lists the unknown names of a filter list', () => {
    expect(hover(ini('[filter]', 'do_events=insert,upse|rt'))).toContain('Not known to ape-dts 2.0.26: `upsert`');
  });

  it('gives the why of a problem on the line', () => {
    const text = hover(mysqlCdc({ replace: [['log_dir=./logs', 'log_dir=./logs # wh|ere logs go']] }));
    expect(text).toContain('**Warning** `lint.inline-comment` — ape-dts has no inline comments');
  });

  it('treats {placeholders} as filled in later', () => {
    expect(hover(ini('[extractor]', 'url={mysql_extr|actor_url}'))).toContain('filled in before the task runs');
  });
});

describe('hover on a section header', () => {
  it('gives the profile in use and why it was chosen', () => {
    const { text, position } = cursor(ini('[ext|ractor]', 'db_type=mysql', '[resumer]', 'resume_from_log=true'));
    const contents = hoverAt(lintConfig(text, { version: 'auto' }), position)!.contents;
    expect(contents).toContain('**[extractor]** — The source');
    expect(contents).toContain('_Checked as ape-dts 2.0.24 (legacy profile): auto: legacy [resumer] key resume_from_log means ape-dts ≤ 2.0.24._');
  });

  it('shows the task ape-dts builds', () => {
    expect(hover(mysqlCdc({ replace: [['[sinker]', '[sink|er]']] }))).toContain('This task: `mysql` `cdc` → `mysql` `write`');
  });

  it('says when the version has no such section', () => {
    expect(hover(ini('[chec|ker]', 'batch_size=10'), '2.0.24')).toContain('ape-dts 2.0.24 ignores this section');
    expect(hover(ini('[sinkr|]', 'db_type=mysql'))).toContain('Did you mean [sinker]?');
  });
});

describe('hover never shows a password', () => {
  const secretTask = mysqlCdc({
    after: [['url=mysql://root:s3cret-pw@127.0.0.1:3307?ssl-mode=disabled', ['username=root', 'password="hunter2-pw"']]],
  });
  const lines = secretTask.split('\n');

  it('masks the password in a url', () => {
    const text = hover(secretTask.replace('url=mysql://root:s3cret', 'url=mysql://ro|ot:s3cret'));
    expect(text).toContain('mysql://root:••••••@127.0.0.1:3307');
    expect(text).toContain('user `root`, password (hidden)');
    expect(text).not.toContain('s3cret-pw');
  });

  it('hides the value of a secret key, even where a diagnostic quotes it', () => {
    const at = lines.findIndex((l) => l.startsWith('password='));
    for (const character of [2, 12]) {
      const contents = hoverAt(lintConfig(secretTask, { version: '2.0.26' }), { line: at, character })!.contents;
      expect(contents).not.toContain('hunter2-pw');
    }
    const valueHover = hoverAt(lintConfig(secretTask, { version: '2.0.26' }), { line: at, character: 12 })!.contents;
    expect(valueHover).toContain('lint.quoted-value');
    expect(valueHover).toContain('= (hidden)');
  });

  it('nothing on a comment line', () => {
    expect(hover(ini('# a com|ment', '[extractor]'))).toBe('(no hover)');
  });
});
