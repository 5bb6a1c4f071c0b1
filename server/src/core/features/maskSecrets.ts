import type { TaskConfig } from '../model/taskConfig';
import { keySpec } from '../schema/index';

// Hovers, outline details and completion docs echo what is in the file. Passwords must never
// be among it: a hover is easily screen-shared or pasted into an issue. Everything that shows
// text taken from the file goes through a Masker built from that file.

export const MASK = '••••••';

// For known keys the schema says what is secret; unknown keys (typos such as `pasword`) are
// judged by name, like ape-dts head's own redaction of parse errors (password/secret/token).
const SECRET_NAME = /pa?s+w(or)?d|pass|pwd|secret|token|credential/i;
const KNOWN_SECRET_NAME = /password|secret/i;

export function isSecretKey(section: string, key: string): boolean {
  const spec = keySpec(section, key);
  if (spec) return spec.secret === true || KNOWN_SECRET_NAME.test(key);
  return SECRET_NAME.test(key);
}

// The scheme is optional: `mysql://u:p@h` split at its ':' leaves `//u:p@h` as a value.
const SCHEME = /(?:[a-z][a-z0-9+.-]*:)?\/\//gi;
// A URL runs until white space or a quote (values inside JSON are quoted).
const URL_END = /[\s"'<>]/;

/**
 * Where the password of every `scheme://user:password@host` in the text lies. The userinfo runs
 * to the LAST '@' of the URL, so a password holding an unencoded '@', '/' or '?' is still found
 * whole; a URL with a '@' only in its query may be over-masked, which is the safe side.
 */
function urlPasswordSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const scheme = new RegExp(SCHEME.source, 'gi');
  for (let m = scheme.exec(text); m; m = scheme.exec(text)) {
    const start = m.index + m[0].length;
    let end = start;
    while (end < text.length && !URL_END.test(text[end])) end++;
    const at = text.lastIndexOf('@', end - 1);
    const colon = text.indexOf(':', start);
    if (at >= start && colon >= start && colon < at) spans.push([colon + 1, at]);
    scheme.lastIndex = end;
  }
  return spans;
}

export function maskUrlPasswords(text: string): string {
  let out = '';
  let from = 0;
  for (const [a, b] of urlPasswordSpans(text)) {
    out += text.slice(from, a) + MASK;
    from = b;
  }
  return out + text.slice(from);
}

/** The password part of every URL in the text. */
export function urlPasswords(text: string): string[] {
  return urlPasswordSpans(text).map(([a, b]) => text.slice(a, b));
}

// Connection strings and URL queries may carry `password=…` (MSSQL ADO strings, `?password=`).
const KEYWORD_SECRET = /\b(password|pwd|passwd|secret)(\s*=\s*)([^;&\s"']+)/gi;

export function maskInlineSecrets(text: string): string {
  return maskUrlPasswords(text).replace(KEYWORD_SECRET, (_m, k: string, eq: string) => `${k}${eq}${MASK}`);
}

/** The value as it may be shown: fully hidden for secret keys, URL passwords hidden otherwise. */
export function maskValue(section: string, key: string, value: string): string {
  if (value !== '' && isSecretKey(section, key)) return MASK;
  return maskInlineSecrets(value);
}

export type Masker = (text: string) => string;

/**
 * A masker for one file: hides every secret value and URL password found in it wherever it
 * turns up in a text (diagnostic messages quote values, e.g. lint.quoted-value), then masks
 * URL passwords and `password=` pairs the text itself holds.
 */
export function maskerFor(config: TaskConfig): Masker {
  const secrets = new Set<string>();
  for (const e of config.scan.entries) {
    if (!e.value) continue;
    if (isSecretKey(e.section, e.key)) secrets.add(e.value);
    for (const pw of urlPasswords(e.value)) secrets.add(pw);
  }
  // Longest first, so a password that contains another is replaced whole. Very short ones
  // (a one-letter test password) would blank out ordinary words; the URL pass still hides them.
  const list = [...secrets].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = maskInlineSecrets(text);
    for (const s of list) out = out.split(s).join(MASK);
    return out;
  };
}
