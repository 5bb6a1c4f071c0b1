import { CATALOGUES, type MessageId } from './catalogue';
import { currentLocale, type Locale } from './locale';

export type MessageArgs = Record<string, string | number | bigint>;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** A template cut at its placeholders: text at even indexes, placeholder names at odd ones. */
type Compiled = string[];
const compiled: Record<Locale, Map<string, Compiled>> = { en: new Map(), 'zh-cn': new Map() };

function compile(template: string): Compiled {
  const parts: Compiled = [];
  let from = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(from, m.index), m[1]);
    from = m.index + m[0].length;
  }
  parts.push(template.slice(from));
  return parts;
}

/**
 * The text of `id` in the current locale with `{name}` placeholders filled from `args`.
 * A placeholder without a value stays as written, so a missing argument shows in a test
 * rather than as an empty gap in front of a user. Templates are cut once per id and locale:
 * a 5,000-line config can produce thousands of messages.
 */
export function t(id: MessageId, args?: MessageArgs, locale: Locale = currentLocale()): string {
  let parts = compiled[locale].get(id);
  if (!parts) {
    parts = compile(CATALOGUES[locale][id] ?? CATALOGUES.en[id] ?? id);
    compiled[locale].set(id, parts);
  }
  if (parts.length === 1) return parts[0];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (args && name in args ? String(args[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** The placeholder names a template uses, for the completeness test. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}
