// The language of every user-facing text. One process speaks one language: the language
// server takes it from the LSP `initialize` params, the CLI from `--lang` or the locale
// environment. Tests and library callers get English unless they ask.

export type Locale = 'en' | 'zh-cn';
export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

let current: Locale = 'en';

/**
 * Maps what editors and shells call a language (`zh-cn`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`,
 * `zh`) onto the catalogues we have; anything else is English.
 */
export function normaliseLocale(tag: string | undefined): Locale {
  const t = (tag ?? '').trim().toLowerCase().replace(/_/g, '-').replace(/\..*$/, '');
  if (t === 'zh' || t === 'zh-cn' || t === 'zh-sg' || t.startsWith('zh-hans')) return 'zh-cn';
  return 'en';
}

export function setLocale(tag: string | undefined): Locale {
  current = normaliseLocale(tag);
  return current;
}

export function currentLocale(): Locale {
  return current;
}

/** Runs `fn` in `locale` and restores the previous one, also when `fn` throws. */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  const before = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = before;
  }
}
