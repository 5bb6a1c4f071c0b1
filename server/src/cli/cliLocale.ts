import { normaliseLocale, type Locale } from '../core/i18n';

// The CLI speaks one language per run: `--lang` when given, else the locale a shell sets for
// messages. The language server (`apedts lsp`) ignores all this: its editor tells it the
// language in `initialize`.

/** POSIX order for message texts: the first of these that is set and not empty wins. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

export function localeFromEnvironment(env: NodeJS.ProcessEnv): Locale {
  for (const name of LOCALE_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') return normaliseLocale(value);
  }
  return 'en';
}

/** The value `--lang` accepts, exactly as documented (any letter case); undefined for anything else. */
export function parseLangValue(value: string): Locale | undefined {
  const v = value.toLowerCase();
  return v === 'en' || v === 'zh-cn' ? v : undefined;
}

/**
 * The `--lang` value of a command line (the last one, as node:util parseArgs keeps), read before
 * the full parse so that even the errors of that parse come out in the requested language.
 * Nothing after `--` is an option; `lsp` passes its arguments to the server untouched.
 */
export function langArgument(argv: readonly string[]): string | undefined {
  if (argv[0] === 'lsp') return undefined;
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
    else if (arg === '--lang' && i + 1 < argv.length) found = argv[++i];
  }
  return found;
}

/** The language of this run: a valid `--lang`, else the environment (a bad `--lang` is reported by parseArgs). */
export function cliLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  const lang = langArgument(argv);
  return (lang !== undefined ? parseLangValue(lang) : undefined) ?? localeFromEnvironment(env);
}
