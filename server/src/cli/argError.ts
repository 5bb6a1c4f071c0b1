import { currentLocale, t } from '../core/i18n';

// node:util parseArgs throws TypeErrors with English sentences for unknown options, missing
// option values and stray arguments. The English run prints Node's sentence as it is (it
// carries a hint about `--`); other languages get ours, built from the error code and the
// option Node quotes.

export function describeArgError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (currentLocale() === 'en') return message;
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  // "Option '--format <value>' argument missing" quotes the option with its value placeholder.
  const option = quoted.replace(/\s*<value>$/, '').replace(/^-\w,\s*/, '');
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t('cli.args.unknownOption', { option });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "argument missing" at the end of the line, "argument is ambiguous" before another option.
      return /does not take an argument/.test(message) ? t('cli.args.noValue', { option }) : t('cli.args.missingValue', { option });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t('cli.args.unexpectedArgument', { argument: quoted });
    default:
      return message;
  }
}
