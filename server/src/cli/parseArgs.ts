import { parseArgs as parseNodeArgs } from 'node:util';
import { isVersionSetting, VERSION_SETTINGS, type VersionSetting } from '../core/schema/resolveVersion';

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
    if (first === undefined) return usageError('missing command');
    if (first.startsWith('-')) return parseGlobal(argv);
    if (first === 'lint') return parseLint(rest);
    // The server picks its transport (--stdio, --node-ipc, --socket=N) from argv itself.
    if (first === 'lsp') return { kind: 'lsp' };
    if (first === 'resume') return parseResume(rest);
    if (first === 'resume-point') return parseResumePoint(rest);
    return usageError(`unknown command '${first}'`);
  } catch (e) {
    // node:util parseArgs throws TypeErrors with readable messages for unknown or incomplete options.
    return usageError(e instanceof Error ? e.message : String(e));
  }
}

function parseGlobal(argv: readonly string[]): Command {
  const { values } = parseNodeArgs({
    args: [...argv],
    options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } },
    strict: true,
  });
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  return usageError('missing command');
}

function parseLint(argv: readonly string[]): Command {
  const { values, positionals } = parseNodeArgs({
    args: [...argv],
    options: {
      'ape-dts-version': { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return { kind: 'help' };
  const version = values['ape-dts-version'] ?? 'auto';
  if (!isVersionSetting(version)) {
    return usageError(`--ape-dts-version must be one of ${VERSION_SETTINGS.join(', ')} (got '${version}')`);
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(`--format must be text or json (got '${format}')`);
  if (positionals.length === 0) return usageError('lint needs at least one PATH');
  return { kind: 'lint', version, format, paths: positionals };
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
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1) return usageError('resume needs exactly one TASK_CONFIG');
  if (!values.log) return usageError('resume needs --log POSITION_FILE');
  if ((values.line === undefined) === !values.latest) return usageError('resume needs either --line N or --latest');
  const line = values.latest ? 'latest' : Number(values.line);
  if (line !== 'latest' && (!Number.isInteger(line) || line < 1)) return usageError(`--line must be a line number from 1 (got '${values.line}')`);
  const strategy = values.strategy;
  if (strategy !== undefined && strategy !== 'extractor' && strategy !== 'resume-file') {
    return usageError(`--strategy must be extractor or resume-file (got '${strategy}')`);
  }
  const version = values['ape-dts-version'] ?? 'auto';
  if (!isVersionSetting(version)) return usageError(`--ape-dts-version must be one of ${VERSION_SETTINGS.join(', ')} (got '${version}')`);
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
  const { values, positionals } = parseNodeArgs({
    args: [...argv],
    options: {
      'ape-dts-version': { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return { kind: 'help' };
  const version = values['ape-dts-version'] ?? 'auto';
  if (!isVersionSetting(version)) return usageError(`--ape-dts-version must be one of ${VERSION_SETTINGS.join(', ')} (got '${version}')`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(`--format must be text or json (got '${format}')`);
  if (positionals.length !== 1) return usageError('resume-point needs exactly one TASK_CONFIG');
  return { kind: 'resume-point', config: positionals[0], version, format };
}

function usageError(message: string): Command {
  return { kind: 'usage-error', message };
}
