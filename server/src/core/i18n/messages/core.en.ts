// English texts of the core's shared pieces (decodeText.ts, schema/resolveVersion.ts); see README.md.
export const coreEn = {
  'ini.encoding': 'The file is not valid UTF-8 (byte 0x{hex}): ape-dts reads task_config.ini as UTF-8 and fails to load it. Re-save the file as UTF-8.',
  'version.reason.set': 'set to {version}',
  'version.reason.legacy-key': 'auto: legacy [resumer] key {key} means ape-dts ≤ 2.0.24',
  'version.reason.current': 'auto: no legacy keys, checked against the current release (≥ 2.0.26)',
} as const satisfies Record<string, string>;
