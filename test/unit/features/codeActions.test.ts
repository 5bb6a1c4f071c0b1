import { describe, expect, it } from 'vitest';
import { codeActionsFor, fixAll } from '../../../server/src/core/features/codeActions';
import { applyEdits } from '../../../server/src/core/edits/textEdit';
import type { Diagnostic } from '../../../server/src/core/diagnostic';
import { lintConfig } from '../../../server/src/core/lintConfig';
import type { ApeVersion } from '../../../server/src/core/schema/types';
import { ini, mysqlCdc } from './featureHelper';

const count = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code).length;

/** After a fix: its diagnostic is gone and no error appeared that was not there before. */
function expectFixed(before: string, after: string, code: string, version: ApeVersion): void {
  const was = lintConfig(before, { version }).diagnostics;
  const now = lintConfig(after, { version }).diagnostics;
  expect(count(now, code)).toBeLessThan(count(was, code));
  for (const d of now.filter((x) => x.severity === 'error')) {
    expect(count(now, d.code), `new error ${d.code}: ${d.message}`).toBeLessThanOrEqual(count(was, d.code));
  }
}

/** Applies the quick fix offered for the first `code` diagnostic and returns the new text. */
function quickFix(before: string, code: string, version: ApeVersion = '2.0.26'): string {
  const result = lintConfig(before, { version });
  const d = result.diagnostics.find((x) => x.code === code);
  if (!d) throw new Error(`no ${code} in ${JSON.stringify(result.diagnostics.map((x) => x.code))}`);
  const [action] = codeActionsFor(result, d.range, [d]).filter((a) => a.kind === 'quickfix');
  if (!action) throw new Error(`no quick fix for ${code}`);
  expect(action.diagnosticCodes).toContain(code);
  const after = applyEdits(before, action.edits);
  expectFixed(before, after, code, version);
  return after;
}

const titles = (text: string, code: string, version: ApeVersion) => {
  const result = lintConfig(text, { version });
  const d = result.diagnostics.find((x) => x.code === code)!;
  return codeActionsFor(result, d.range, [d]).map((a) => `${a.kind}: ${a.title}`);
};

describe('did you mean', () => {
  it('a misspelt key, in the case it was written', () => {
    const before = mysqlCdc({ replace: [['batch_size=200', 'BATCH_SIZ = 200']] });
    expect(quickFix(before, 'lint.unknown-key')).toBe(mysqlCdc({ replace: [['batch_size=200', 'BATCH_SIZE = 200']] }));
  });

  it('a misspelt key whose right name is already set is offered, but not preferred', () => {
    const text = mysqlCdc({ after: [['batch_size=200', ['batch_sze=100']]] });
    const result = lintConfig(text, { version: '2.0.26' });
    const d = result.diagnostics.find((x) => x.code === 'lint.unknown-key')!;
    expect(codeActionsFor(result, d.range, [d])[0]).toMatchObject({ title: "Change 'batch_sze' to 'batch_size' (also set on line 15)", isPreferred: false });
  });

  it('a misspelt section', () => {
    const before = mysqlCdc({ replace: [['[sinker]', '[sinkr]']] });
    expect(quickFix(before, 'lint.unknown-section')).toBe(mysqlCdc());
  });

  it('a misspelt enum value', () => {
    const before = mysqlCdc({ replace: [['parallel_type=rdb_merge', 'parallel_type=rdb_merg']] });
    expect(quickFix(before, 'type.parse')).toBe(mysqlCdc());
  });

  it('a misspelt name in a filter list', () => {
    const before = mysqlCdc({ replace: [['do_events=insert,update,delete', 'do_events=insert,updte,delete']] });
    expect(quickFix(before, 'lint.filter.enum-values')).toBe(mysqlCdc());
  });
});

describe('value case', () => {
  it('True → true', () => {
    const before = mysqlCdc({ after: [['batch_size=200', ['replace=True']]] });
    expect(quickFix(before, 'lint.value-case')).toBe(mysqlCdc({ after: [['batch_size=200', ['replace=true']]] }));
  });
});

describe('inline comment', () => {
  it('moves it to its own line above, with the same indentation', () => {
    const before = mysqlCdc({ replace: [['log_dir=./logs', '  log_dir = ./logs   # where logs go']] });
    expect(quickFix(before, 'lint.inline-comment')).toBe(mysqlCdc({ replace: [['log_dir=./logs', '  # where logs go\n  log_dir = ./logs']] }));
  });

  it('keeps CRLF line ends', () => {
    const before = mysqlCdc({ replace: [['server_id=2000', 'server_id=2000 ; must be unique']] }).replace(/\n/g, '\r\n');
    const after = mysqlCdc({ replace: [['server_id=2000', '; must be unique\nserver_id=2000']] }).replace(/\n/g, '\r\n');
    expect(quickFix(before, 'lint.inline-comment')).toBe(after);
  });
});

describe('duplicate key', () => {
  it('removes the earlier line and keeps the one ape-dts uses', () => {
    const before = mysqlCdc({ replace: [['buffer_size=16000', 'buffer_size=4\n# the real one\nbuffer_size=16000']] });
    expect(quickFix(before, 'lint.duplicate-key')).toBe(mysqlCdc({ replace: [['buffer_size=16000', '# the real one\nbuffer_size=16000']] }));
  });
});

describe('legacy [resumer] keys', () => {
  const legacy = mysqlCdc({
    after: [['log_dir=./logs', ['', '[resumer]', '# resume from the logs of the last run', 'resume_from_log=true', 'Resume_Log_Dir=./old_logs', 'resume_config_file=./resume.config']]],
  });

  it('2.0.26: migrates to resume_type=from_log, log_dir, config_file, keeping order, comments and case', () => {
    expect(quickFix(legacy, 'resumer.legacy-rejected', '2.0.26')).toBe(
      mysqlCdc({
        after: [['log_dir=./logs', ['', '[resumer]', '# resume from the logs of the last run', 'resume_type=from_log', 'Log_Dir=./old_logs', 'config_file=./resume.config']]],
      }),
    );
  });

  it('2.0.26: a resume_log_dir that 2.0.24 ignored (no resume_from_log=true) becomes a comment', () => {
    const before = ini('[resumer]', 'resume_from_log=false', 'resume_log_dir=./old_logs');
    expect(quickFix(before, 'resumer.legacy-rejected')).toBe(ini('[resumer]', 'resume_type=dummy', '# resume_log_dir=./old_logs'));
  });

  it('2.0.26: a lone resume_config_file needs resume_type=from_log, which is added above it', () => {
    const before = ini('[resumer]', '  resume_config_file=./resume.config');
    expect(quickFix(before, 'resumer.legacy-rejected')).toBe(ini('[resumer]', '  resume_type=from_log', '  config_file=./resume.config'));
    expect(titles(before, 'resumer.legacy-rejected', '2.0.26')[0]).toContain('(from_log also reads position.log from log_dir)');
  });

  it('2.0.26: unindented, the added line and the renamed key are one edit, not two at the same place', () => {
    const before = ini('[resumer]', 'resume_config_file=./resume.config');
    const result = lintConfig(before, { version: '2.0.26' });
    const d = result.diagnostics.find((x) => x.code === 'resumer.legacy-rejected')!;
    const [action] = codeActionsFor(result, d.range, [d]).filter((a) => a.kind === 'quickfix');
    expect(action.edits).toEqual([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } }, newText: 'resume_type=from_log\nconfig_file' }]);
    expect(applyEdits(before, action.edits)).toBe(ini('[resumer]', 'resume_type=from_log', 'config_file=./resume.config'));
  });

  it('2.0.25: offered for the migration hint', () => {
    expect(quickFix(legacy, 'lint.legacy-resumer-migrate', '2.0.25')).toContain('resume_type=from_log');
  });

  it('2.0.24: informational only, no edit', () => {
    expect(titles(legacy, 'lint.legacy-resumer-migrate', '2.0.24')).toEqual([]);
  });

  it('one action for all three diagnostics', () => {
    const result = lintConfig(legacy, { version: '2.0.26' });
    const ds = result.diagnostics.filter((d) => d.code === 'resumer.legacy-rejected');
    const quick = codeActionsFor(result, ds[0].range, ds).filter((a) => a.kind === 'quickfix');
    expect(quick).toHaveLength(1);
    expect(quick[0].diagnostics).toHaveLength(3);
  });
});

describe('fix all', () => {
  it('applies only the safe fixes', () => {
    const before = mysqlCdc({
      replace: [['batch_size=200', 'batch_size=100\nbatch_size=200\nreplace=False\nbatch_sze=1']],
    });
    const action = fixAll(lintConfig(before, { version: '2.0.26' }))!;
    expect(action.kind).toBe('source.fixAll');
    expect(action.diagnosticCodes.sort()).toEqual(['lint.duplicate-key', 'lint.value-case']);
    // The misspelt key is a guess, so it is left for the user.
    expect(applyEdits(before, action.edits)).toBe(mysqlCdc({ replace: [['batch_size=200', 'batch_size=200\nreplace=false\nbatch_sze=1']] }));
  });

  it('includes an exact [resumer] migration on 2.0.26', () => {
    const before = ini('[resumer]', 'resume_from_log=true', 'resume_log_dir=./l');
    expect(applyEdits(before, fixAll(lintConfig(before, { version: '2.0.26' }))!.edits)).toBe(ini('[resumer]', 'resume_type=from_log', 'log_dir=./l'));
  });

  it('is offered next to the quick fixes, and not at all when nothing is safe', () => {
    const before = mysqlCdc({ replace: [['batch_size=200', 'batch_size=True']] });
    expect(fixAll(lintConfig(mysqlCdc({ replace: [['batch_size=200', 'batch_sze=200']] }), { version: '2.0.26' }))).toBeUndefined();
    expect(titles(mysqlCdc({ after: [['batch_size=200', ['replace=True']]] }), 'lint.value-case', '2.0.26')).toEqual([
      "quickfix: Change 'True' to 'true'",
      'source.fixAll: Fix all safe ape-dts problems (1)',
    ]);
    expect(before).toContain('True');
  });

  it('leaves a BOM, CRLF and comments untouched', () => {
    const before = '\uFEFF# task\r\n' + mysqlCdc({ after: [['batch_size=200', ['replace=True ', 'replace=False']]] }).replace(/\n/g, '\r\n');
    const after = '\uFEFF# task\r\n' + mysqlCdc({ after: [['batch_size=200', ['replace=false']]] }).replace(/\n/g, '\r\n');
    expect(applyEdits(before, fixAll(lintConfig(before, { version: '2.0.26' }))!.edits)).toBe(after);
  });
});
