import { describe, expect, it } from 'vitest';
import { definitionAt } from '../../../server/src/core/features/definition';
import type { ApeVersion } from '../../../server/src/core/schema/types';
import { ini, lintAt } from './featureHelper';

const DIR = '/tasks/mysql_cdc';

function definition(textWithCursor: string, version: ApeVersion = '2.0.26') {
  const { result, position } = lintAt(textWithCursor, version);
  return definitionAt(result, position, DIR);
}

describe('go to definition of a path', () => {
  it('[runtime] log_dir: a folder, relative to the assumed working directory', () => {
    const d = definition(ini('[runtime]', 'log_dir=./lo|gs'))!;
    expect(d).toMatchObject({ path: '/tasks/mysql_cdc/logs', kind: 'folder', written: './logs' });
    expect(d.note).toContain("against the folder it is started from; assumed to be this file's folder (/tasks/mysql_cdc)");
    expect(d.originRange).toEqual({ start: { line: 1, character: 8 }, end: { line: 1, character: 14 } });
  });

  it('[runtime] log4rs_file: a file, from the key too', () => {
    expect(definition(ini('[runtime]', 'log4rs_f|ile=conf/log4rs.yaml'))).toMatchObject({ path: '/tasks/mysql_cdc/conf/log4rs.yaml', kind: 'file' });
  });

  it('[resumer] log_dir left empty falls back to [runtime] log_dir', () => {
    const d = definition(ini('[runtime]', 'log_dir=/var/log/ape', '[resumer]', 'resume_type=from_log', 'log_dir=|'))!;
    expect(d).toMatchObject({ path: '/var/log/ape', kind: 'folder', written: '/var/log/ape' });
    expect(d.note).toBe('Absolute path. The value is empty, so ape-dts uses /var/log/ape.');
  });

  it('legacy resume_log_dir and resume_config_file (2.0.24)', () => {
    expect(definition(ini('[resumer]', 'resume_log_dir=../old|_logs'), '2.0.24')).toMatchObject({ path: '/tasks/old_logs', kind: 'folder' });
    expect(definition(ini('[resumer]', 'resume_config_file=resume|.config'), '2.0.24')).toMatchObject({ path: '/tasks/mysql_cdc/resume.config', kind: 'file' });
  });

  it('[resumer] config_file and [processor] lua_code_file', () => {
    expect(definition(ini('[resumer]', 'config_f|ile=./resume.config'))).toMatchObject({ path: '/tasks/mysql_cdc/resume.config', kind: 'file' });
    expect(definition(ini('[processor]', 'lua_code_file=./scripts/t|ransform.lua'))).toMatchObject({ path: '/tasks/mysql_cdc/scripts/transform.lua', kind: 'file' });
  });

  it('~ is not expanded, as in ape-dts', () => {
    const d = definition(ini('[runtime]', 'log_dir=~/lo|gs'))!;
    expect(d.path).toBe('/tasks/mysql_cdc/~/logs');
    expect(d.note).toContain('does not expand ~');
  });

  it('nothing for other keys, placeholders, or an empty file path without default', () => {
    expect(definition(ini('[runtime]', 'log_le|vel=info'))).toBeUndefined();
    expect(definition(ini('[runtime]', 'log_dir={log_|dir}'))).toBeUndefined();
    expect(definition(ini('[processor]', 'lua_code_file=|'))).toBeUndefined();
  });
});
