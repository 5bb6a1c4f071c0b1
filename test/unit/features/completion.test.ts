import { describe, expect, it } from 'vitest';
import { completeAt, type CompletionItem } from '../../../server/src/core/features/completion';
import { TASK_SNIPPETS, expandSnippet } from '../../../server/src/core/features/taskSnippets';
import { applyEdits } from '../../../server/src/core/edits/textEdit';
import { lintConfig } from '../../../server/src/core/lintConfig';
import type { ApeVersion } from '../../../server/src/core/schema/types';
import { cursor, ini, lintAt, mysqlCdc } from './featureHelper';

function complete(textWithCursor: string, version: ApeVersion = '2.0.26'): CompletionItem[] {
  const { result, position } = lintAt(textWithCursor, version);
  return completeAt(result, position);
}

const labels = (items: CompletionItem[], kind?: CompletionItem['kind']) => items.filter((i) => !kind || i.kind === kind).map((i) => i.label);
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));

/** The text after accepting the item with this label. */
function accept(textWithCursor: string, label: string, version: ApeVersion = '2.0.26'): string {
  const { text } = cursor(textWithCursor);
  const item = complete(textWithCursor, version).find((i) => i.label === label);
  if (!item) throw new Error(`no item ${label}`);
  return applyEdits(text, [item.textEdit]);
}

describe('section names', () => {
  it('offers the sections of the version after [', () => {
    expect(labels(complete('[|'), 'section')).toContain('checker_cdc');
    expect(labels(complete('[|', '2.0.24'), 'section')).not.toContain('global');
    expect(labels(complete('[|', '2.0.25'), 'section')).toContain('global');
  });

  it('replaces the name between the brackets and closes an open one', () => {
    expect(accept(ini('[sin|]'), 'sinker')).toBe(ini('[sinker]'));
    expect(accept(ini('[sin|'), 'sinker')).toBe(ini('[sinker]'));
  });

  it('sorts sections already in the file last', () => {
    const items = sorted(complete(mysqlCdc({ replace: [['[runtime]', '[|']] })));
    expect(items.at(-1)?.detail).toBe('section (already in the file)');
    expect(items[0].detail).toBe('section');
  });
});

describe('keys', () => {
  it('offers only the keys of this db_type and extract_type', () => {
    const mysql = labels(complete(mysqlCdc({ after: [['[extractor]', ['|']]] })), 'key');
    expect(mysql).toEqual(expect.arrayContaining(['server_id', 'binlog_filename', 'gtid_enabled', 'heartbeat_tb']));
    expect(mysql).not.toContain('slot_name');
    const pg = labels(complete(ini('[extractor]', 'db_type=pg', 'extract_type=cdc', '|')), 'key');
    expect(pg).toContain('slot_name');
    expect(pg).not.toContain('server_id');
  });

  it('offers every key while the task type is not known yet', () => {
    const keys = labels(complete(ini('[extractor]', '|')), 'key');
    expect(keys).toEqual(expect.arrayContaining(['db_type', 'server_id', 'slot_name']));
  });

  it('offers only keys the version reads', () => {
    expect(labels(complete(ini('[resumer]', '|'), '2.0.26'), 'key')).not.toContain('resume_from_log');
    expect(labels(complete(ini('[resumer]', '|'), '2.0.24'), 'key')).toEqual(['resume_from_log', 'resume_log_dir', 'resume_config_file']);
  });

  it('sorts required keys first and keys already set last', () => {
    const items = sorted(complete(mysqlCdc({ after: [['[extractor]', ['|']]] })).filter((i) => i.kind === 'key'));
    expect(items.at(-1)?.detail).toMatch(/already set on line \d+/);
    const fresh = sorted(complete(ini('[extractor]', 'db_type=mysql', 'extract_type=cdc', '|')));
    expect(fresh[0].label).toBe('server_id');
  });

  it('inserts key= and replaces what was typed', () => {
    expect(accept(ini('[extractor]', 'db_type=mysql', 'extract_type=cdc', 'serv|'), 'server_id')).toBe(ini('[extractor]', 'db_type=mysql', 'extract_type=cdc', 'server_id='));
  });

  it('renames only the key when the line has a value', () => {
    expect(accept(ini('[pipeline]', 'buff|er=10'), 'buffer_size')).toBe(ini('[pipeline]', 'buffer_size=10'));
  });

  it('documents each key from the schema', () => {
    const item = complete(ini('[pipeline]', '|')).find((i) => i.label === 'buffer_size')!;
    expect(item.detail).toBe('usize = 16000');
    expect(item.documentation).toContain('- Default: `16000`');
  });

  it('nothing on comments and in front of headers', () => {
    expect(complete(ini('# a comment|'))).toEqual([]);
    expect(complete(ini('|[extractor]'))).toEqual([]);
  });
});

describe('values', () => {
  it('offers the extract_type values the db_type accepts', () => {
    expect(labels(complete(ini('[extractor]', 'db_type=mysql', 'extract_type=|')))).toEqual(['snapshot', 'cdc', 'check_log', 'struct']);
  });

  it('offers only source-capable db_type values for [extractor]', () => {
    expect(labels(complete(ini('[extractor]', 'db_type=|')))).toEqual(['mysql', 'pg', 'mssql', 'kafka', 'mongo', 'redis']);
    expect(labels(complete(ini('[extractor]', 'db_type=|'), '2.0.24'))).not.toContain('mssql');
  });

  it('offers true and false, default marked', () => {
    const items = complete(ini('[sinker]', 'db_type=mysql', 'replace=|'));
    expect(labels(items)).toEqual(['true', 'false']);
    expect(items[0].detail).toBe('bool (default)');
  });

  it('replaces the whole value', () => {
    expect(accept(ini('[parallelizer]', 'parallel_type=rdb|_part'), 'rdb_merge')).toBe(ini('[parallelizer]', 'parallel_type=rdb_merge'));
  });

  it('completes one name of a comma list', () => {
    expect(labels(complete(ini('[filter]', 'do_events=insert,|')))).toEqual(['update', 'delete']);
    expect(accept(ini('[filter]', 'do_events=insert,up|,delete'), 'update')).toBe(ini('[filter]', 'do_events=insert,update,delete'));
  });

  it('offers a json: template with the fields ape-dts needs', () => {
    const [item] = complete(ini('[filter]', 'ignore_cols=|'));
    expect(item.insertTextFormat).toBe('snippet');
    expect(expandSnippet(item.insertText)).toBe('json:[{"db":"db1","tb":"tb1","ignore_cols":["col1"]}]');
  });

  it('offers values checked at start-up', () => {
    expect(labels(complete(ini('[runtime]', 'log_level=|')))).toEqual(['off', 'error', 'warn', 'info', 'debug', 'trace']);
  });
});

describe('whole-task snippets', () => {
  it('are offered in an empty file', () => {
    expect(labels(complete('|'), 'snippet')).toEqual([
      'ape-dts task: MySQL → MySQL CDC',
      'ape-dts task: PostgreSQL → PostgreSQL CDC',
      'ape-dts task: MongoDB → MongoDB CDC',
      'ape-dts task: MySQL → MySQL snapshot',
    ]);
    expect(labels(complete(mysqlCdc({ after: [['[runtime]', ['|']]] })), 'snippet')).toEqual([]);
  });

  it.each(TASK_SNIPPETS.map((s) => [s.label, s.body]))('%s lints clean on 2.0.24 and 2.0.26', (_label, body) => {
    for (const version of ['2.0.24', '2.0.26'] as const) {
      expect(lintConfig(expandSnippet(body), { version }).diagnostics).toEqual([]);
    }
  });
});
