import { parseArgs as parseNodeArgs } from 'node:util';
import { t } from '../core/i18n';
import { isVersionSetting, VERSION_SETTINGS, type VersionSetting } from '../core/schema/resolveVersion';
import { describeArgError } from './argError';
import { parseLangValue } from './cliLocale';

export type OutputFormat = 'text' | 'json';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'lint'; version: VersionSetting; format: OutputFormat; paths: string[] }
  | { kind: 'lsp' }
  | {
      kind: 'resume';
      config: string;
      log: string;
      line: number | 'latest';
      strategy?: 'extractor' | 'resume-file';
      version: VersionSetting;
      allowCurrent: boolean;
      write: boolean;
    }
  | { kind: 'resume-point'; config: string; version: VersionSetting; format: OutputFormat }
  | { kind: 'usage-error'; message: string };

// Commands are dispatched on the first word so that `apedts lsp --stdio` can be added beside `lint`.
export function parseArgs(argv: readonly string[]): Command {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) return usageError(t('cli.args.missingCommand'));
    if (first.startsWith('-')) return parseGlobal(argv);
    if (first === 'lint') return parseLint(rest);
    // The server picks its transport (--stdio, --node-ipc, --socket=N) from argv itself.
    if (first === 'lsp') return { kind: 'lsp' };
    if (first === 'resume') return parseResume(rest);
    if (first === 'resume-point') return parseResumePoint(rest);
    return usageError(t('cli.args.unknownCommand', { command: first }));
  } catch (e) {
    // node:util parseArgs throws TypeErrors with readable messages for unknown or incomplete options.
    return usageError(describeArgError(e));
  }
}

function parseGlobal(argv: readonly string[]): Command {
  const { values } = parseNodeArgs({
    args: [...argv],
    options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' }, lang: { type: 'string' } },
    strict: true,
  });
  const badLang = checkLang(values.lang);
  if (badLang) return badLang;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  return usageError(t('cli.args.missingCommand'));
}

/** The options `lint` and `resume-point` share: a version profile and an output format. */
function parseVersionAndFormat(argv: readonly string[]): Command | { version: VersionSetting; format: OutputFormat; positionals: string[] } {
  const { values, positionals } = parseNodeArgs({
    args: [...argv],
    options: {
      'ape-dts-version': { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      lang: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  const badLang = checkLang(values.lang);
  if (badLang) return badLang;
  if (values.help) return { kind: 'help' };
  const version = parseVersion(values['ape-dts-version']);
  if (typeof version !== 'string') return version;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(t('cli.args.badFormat', { value: format }));
  return { version, format, positionals };
}

function parseVersion(value: string | undefined): VersionSetting | Command {
  const version = value ?? 'auto';
  return isVersionSetting(version) ? version : usageError(t('cli.args.badVersion', { values: VERSION_SETTINGS.join(', '), value: version }));
}

function parseLint(argv: readonly string[]): Command {
  const parsed = parseVersionAndFormat(argv);
  if ('kind' in parsed) return parsed;
  if (parsed.positionals.length === 0) return usageError(t('cli.args.lintNeedsPath'));
  return { kind: 'lint', version: parsed.version, format: parsed.format, paths: parsed.positionals };
}

function parseResume(argv: readonly string[]): Command {
  const { values, positionals } = parseNodeArgs({
    args: [...argv],
    options: {
      log: { type: 'string' },
      line: { type: 'string' },
      latest: { type: 'boolean' },
      strategy: { type: 'string' },
      'ape-dts-version': { type: 'string' },
      'allow-current': { type: 'boolean' },
      write: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      lang: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  const badLang = checkLang(values.lang);
  if (badLang) return badLang;
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1) return usageError(t('cli.args.resumeNeedsConfig'));
  if (!values.log) return usageError(t('cli.args.resumeNeedsLog'));
  if ((values.line === undefined) === !values.latest) return usageError(t('cli.args.resumeNeedsLine'));
  const line = values.latest ? 'latest' : Number(values.line);
  if (line !== 'latest' && (!Number.isInteger(line) || line < 1)) return usageError(t('cli.args.badLine', { value: values.line ?? '' }));
  const strategy = values.strategy;
  if (strategy !== undefined && strategy !== 'extractor' && strategy !== 'resume-file') {
    return usageError(t('cli.args.badStrategy', { value: strategy }));
  }
  const version = parseVersion(values['ape-dts-version']);
  if (typeof version !== 'string') return version;
  return {
    kind: 'resume',
    config: positionals[0],
    log: values.log,
    line: line === 'latest' ? 'latest' : line - 1,
    strategy,
    version,
    allowCurrent: values['allow-current'] ?? false,
    write: values.write ?? false,
  };
}

function parseResumePoint(argv: readonly string[]): Command {
  const parsed = parseVersionAndFormat(argv);
  if ('kind' in parsed) return parsed;
  if (parsed.positionals.length !== 1) return usageError(t('cli.args.resumePointNeedsConfig'));
  return { kind: 'resume-point', config: parsed.positionals[0], version: parsed.version, format: parsed.format };
}

/** `--lang` is read before parsing (cli.ts sets the locale from it); here only its value is checked. */
function checkLang(lang: string | undefined): Command | undefined {
  if (lang === undefined || parseLangValue(lang)) return undefined;
  return usageError(t('cli.args.badLang', { value: lang }));
}

function usageError(message: string): Command {
  return { kind: 'usage-error', message };
}
