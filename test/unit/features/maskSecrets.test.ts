import { describe, expect, it } from 'vitest';
import { isSecretKey, maskInlineSecrets, maskUrlPasswords, maskValue, maskerFor } from '../../../server/src/core/features/maskSecrets';
import { parseTaskConfig } from '../../../server/src/core/model/taskConfig';
import { ini } from './featureHelper';

describe('maskUrlPasswords', () => {
  it.each([
    ['mysql://root:123456@127.0.0.1:3307?ssl-mode=disabled', 'mysql://root:••••••@127.0.0.1:3307?ssl-mode=disabled'],
    ['postgres://postgres:postgres@127.0.0.1:5433/db?options[statement_timeout]=10s', 'postgres://postgres:••••••@127.0.0.1:5433/db?options[statement_timeout]=10s'],
    ['mongodb://ape:pw@h1:27017,h2:27017/?replicaSet=rs0', 'mongodb://ape:••••••@h1:27017,h2:27017/?replicaSet=rs0'],
    ['http://admin:p@ss/word@fe-host:8030', 'http://admin:••••••@fe-host:8030'],
    ['//root:pw@host:3306', '//root:••••••@host:3306'],
  ])('%s', (url, masked) => {
    expect(maskUrlPasswords(url)).toBe(masked);
  });

  it.each(['mysql://root@127.0.0.1:3307', 'mysql://127.0.0.1:3307/db', '127.0.0.1:9092', '{mysql_extractor_url}'])('leaves %s alone', (url) => {
    expect(maskUrlPasswords(url)).toBe(url);
  });

  it('masks every url of a text (a JSON value, a message)', () => {
    expect(maskUrlPasswords('["redis://:a1@h:6379", "redis://u:b2@h2:6379"]')).toBe('["redis://:••••••@h:6379", "redis://u:••••••@h2:6379"]');
  });
});

describe('secrets outside urls', () => {
  it('masks password= pairs in connection strings', () => {
    expect(maskInlineSecrets('Server=h;User Id=sa;Password=Xy12;')).toBe('Server=h;User Id=sa;Password=••••••;');
  });

  it('knows secret keys from the schema, and unknown keys by name', () => {
    expect(isSecretKey('extractor', 'password')).toBe(true);
    expect(isSecretKey('sinker', 's3_secret_key')).toBe(true);
    expect(isSecretKey('extractor', 'resume_token')).toBe(false);
    expect(isSecretKey('extractor', 'pasword')).toBe(true);
    expect(isSecretKey('extractor', 'url')).toBe(false);
    expect(maskValue('sinker', 'password', 'hunter2')).toBe('••••••');
    expect(maskValue('sinker', 'password', '')).toBe('');
  });

  it('maskerFor hides the file’s secrets wherever they are quoted', () => {
    const mask = maskerFor(parseTaskConfig(ini('[sinker]', 'password=hunter2', 'url=mysql://u:topsecret@h')));
    expect(mask("'password' is read as hunter2 and topsecret")).toBe("'password' is read as •••••• and ••••••");
  });
});
