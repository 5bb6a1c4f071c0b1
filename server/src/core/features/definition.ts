import * as path from 'node:path';
import type { Position, Range } from '../diagnostic';
import type { LintResult } from '../lintConfig';
import type { TaskConfig } from '../model/taskConfig';
import { defaultOf, keySpec } from '../schema/index';
import { isPlaceholder } from '../values/parseValue';
import { t } from '../i18n';
import { targetAt } from './locate';

// Go to definition from path keys to the file or folder they name. ape-dts opens these paths
// as given, so a relative one is relative to the process's working directory — which the
// editor cannot know. We assume the folder of the config file (how ape-dts's docs run it:
// `cd` to the task folder, then `ape-dts ./task_config.ini`) and say so. The caller checks
// whether the path exists; this stays a pure function of the text.

export interface Definition {
  /** Absolute path. */
  path: string;
  kind: 'file' | 'folder';
  /** The text the link starts from: the value, or the key when the value is empty. */
  originRange: Range;
  /** The path as written, or the default that applies when it is empty. */
  written: string;
  /** How the path was resolved, for the user. */
  note: string;
}

/** A key whose empty value falls back to another folder ape-dts derives. */
type Fallback = (config: TaskConfig) => string | undefined;

const runtimeLogDir: Fallback = (c) => c.value('runtime', 'log_dir') ?? defaultOf(keySpec('runtime', 'log_dir')!, '2.0.26');
const under = (sub: string): Fallback => (c) => `${runtimeLogDir(c)}/${sub}`;

// Fallbacks ape-dts applies to empty path values (2.0.24 … 2.0.26 alike).
const FALLBACKS: Record<string, Fallback> = {
  'resumer.log_dir': runtimeLogDir,
  'resumer.resume_log_dir': runtimeLogDir,
  'checker_output.check_log_dir': under('check'),
  'sinker.check_log_dir': under('check'),
  'sinker.statistic_log_dir': under('statistic'),
};

export function definitionAt(result: LintResult, position: Position, configDir: string): Definition | undefined {
  const target = targetAt(result.config.scan, position);
  if (!target || target.kind === 'section') return undefined;
  const e = target.entry;
  const spec = e.header ? keySpec(e.section, e.key) : undefined;
  if (spec?.format !== 'path' || e.value === undefined || isPlaceholder(e.value)) return undefined;
  const id = `${e.section}.${e.key}`;
  let written = e.value;
  let fallbackNote = '';
  if (written === '') {
    const fallback = Object.hasOwn(FALLBACKS, id) ? FALLBACKS[id](result.config) : defaultOf(spec, result.version);
    if (!fallback || isPlaceholder(fallback)) return undefined;
    written = fallback;
    fallbackNote = t('definition.empty-fallback', { path: written });
  }
  const absolute = path.isAbsolute(written) || path.win32.isAbsolute(written);
  const resolved = absolute ? written : path.resolve(configDir, written);
  const note = absolute
    ? t('definition.absolute', { fallback: fallbackNote })
    : t('definition.relative', { path: written, dir: configDir, fallback: fallbackNote, tilde: written.startsWith('~') ? t('definition.no-tilde') : '' });
  return {
    path: resolved,
    kind: e.key.endsWith('_dir') ? 'folder' : 'file',
    originRange: e.value === '' ? e.keyRange : e.valueRange,
    written,
    note,
  };
}
