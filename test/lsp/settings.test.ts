import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings';

// Settings arrive from the editor as untyped JSON; anything unknown falls back field by field.

describe('readSettings', () => {
  it('defaults to auto / onType', () => {
    expect(readSettings(undefined)).toEqual({ version: 'auto', lint: { run: 'onType' } });
  });

  it('reads both fields', () => {
    expect(readSettings({ version: '2.0.25', lint: { run: 'onSave' } })).toEqual({
      version: '2.0.25',
      lint: { run: 'onSave' },
    });
  });

  it('keeps the base value for an unknown or mistyped field', () => {
    const base = { version: '2.0.24', lint: { run: 'onSave' } } as const;
    expect(readSettings({ version: '3.0', lint: { run: 'sometimes' } }, base)).toEqual(base);
    expect(readSettings({ version: 2024, lint: 'onType' }, base)).toEqual(base);
    expect(readSettings('auto', DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });
});
