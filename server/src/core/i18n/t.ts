import { CATALOGUES, type MessageId } from './catalogue';
import { currentLocale, type Locale } from './locale';

export type MessageArgs = Record<string, string | number | bigint>;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * The text of `id` in the current locale with `{name}` placeholders filled from `args`.
 * A placeholder without a value stays as written, so a missing argument shows in a test
 * rather than as an empty gap in front of a user.
 */
export function t(id: MessageId, args?: MessageArgs, locale: Locale = currentLocale()): string {
  const template = CATALOGUES[locale][id] ?? CATALOGUES.en[id] ?? id;
  if (!args) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** The placeholder names a template uses, for the completeness test. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}
