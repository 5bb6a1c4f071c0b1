import { describe, expect, it } from 'vitest';
import { planKeyEdits, type KeyChange } from '../../server/src/core/edits/setConfigKeys';
import { applyEdits } from '../../server/src/core/edits/textEdit';
import { scanIni } from '../../server/src/core/ini/scanIni';

function edit(text: string, ...changes: KeyChange[]): string {
  return applyEdits(text, planKeyEdits(scanIni(text), changes));
}

describe('planKeyEdits changes only the keys asked for', () => {
  it('replaces a value in place, keeping key case and spacing', () => {
    const before = '[extractor]\nBinlog_Position = 73351\nserver_id=2000\n';
    expect(edit(before, { section: 'extractor', key: 'binlog_position', value: '73685' })).toBe('[extractor]\nBinlog_Position = 73685\nserver_id=2000\n');
  });

  it('fills an empty value', () => {
    expect(edit('[extractor]\nbinlog_filename=\n', { section: 'extractor', key: 'binlog_filename', value: 'mysql-bin.000004' })).toBe('[extractor]\nbinlog_filename=mysql-bin.000004\n');
  });

  it('changes the last of duplicate lines, the one ape-dts uses', () => {
    expect(edit('[a]\nk=1\nk=2\n', { section: 'a', key: 'k', value: '3' })).toBe('[a]\nk=1\nk=3\n');
  });

  it('adds a missing key after the last line of its section, before a comment about the next one', () => {
    const before = '[extractor]\ndb_type=mysql\n\n# the target\n[sinker]\ndb_type=mysql\n';
    expect(edit(before, { section: 'extractor', key: 'binlog_position', value: '4' })).toBe('[extractor]\ndb_type=mysql\nbinlog_position=4\n\n# the target\n[sinker]\ndb_type=mysql\n');
  });

  it('adds a missing section at the end, keeping CRLF', () => {
    const before = '[extractor]\r\ndb_type=mysql\r\n';
    expect(edit(before, { section: 'resumer', key: 'resume_type', value: 'from_log' }, { section: 'resumer', key: 'config_file', value: './resume.config' })).toBe(
      '[extractor]\r\ndb_type=mysql\r\n\r\n[resumer]\r\nresume_type=from_log\r\nconfig_file=./resume.config\r\n',
    );
  });

  it('adds a section to a file without a final newline', () => {
    expect(edit('[a]\nk=1', { section: 'b', key: 'x', value: 'y' })).toBe('[a]\nk=1\n\n[b]\nx=y');
  });

  it('removes every line of a key, leaving no blank line', () => {
    expect(edit('[resumer]\nresume_from_log=true\nx=1\nresume_from_log=false\n', { section: 'resumer', key: 'resume_from_log', remove: true })).toBe('[resumer]\nx=1\n');
  });

  it('turns a bare key line into an assignment', () => {
    expect(edit('[a]\nk\n', { section: 'a', key: 'k', value: 'v' })).toBe('[a]\nk=v\n');
  });

  it('keeps a BOM and comments byte for byte', () => {
    const before = '\uFEFF# note\n[pipeline]\nbuffer_size=1 ; old\n';
    expect(edit(before, { section: 'pipeline', key: 'buffer_size', value: '16000' })).toBe('\uFEFF# note\n[pipeline]\nbuffer_size=16000\n');
  });
});

describe('no-op changes', () => {
  it('makes no edit when the key already has the value', () => {
    const text = '[extractor]\nbinlog_filename=mysql-bin.000004\n';
    expect(planKeyEdits(scanIni(text), [{ section: 'extractor', key: 'binlog_filename', value: 'mysql-bin.000004' }])).toEqual([]);
  });
});
