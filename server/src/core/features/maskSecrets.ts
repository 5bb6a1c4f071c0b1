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

// A URL is found by its `//`: the scheme is optional (`mysql://u:p@h` split at its ':' leaves
// `//u:p@h` as a value) and plays no part in where the password lies. A URL runs until white
// space or a quote (values inside JSON are quoted).
const URL_END = /[\s"'<>]/g;

/**
 * Where the password of every `scheme://user:password@host` in the text lies. The userinfo runs
 * to the LAST '@' of the URL, so a password holding an unencoded '@', '/' or '?' is still found
 * whole; a URL with a '@' only in its query may be over-masked, which is the safe side.
 * Every search stays inside one URL, so a long text costs its length, not its length squared.
 */
function urlPasswordSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let slashes = text.indexOf('//'); slashes >= 0; ) {
    const start = slashes + 2;
    URL_END.lastIndex = start;
    const end = URL_END.exec(text)?.index ?? text.length;
    const url = text.slice(start, end);
    const at = url.lastIndexOf('@');
    const colon = url.indexOf(':');
    if (at >= 0 && colon >= 0 && colon < at) spans.push([start + colon + 1, start + at]);
    slashes = text.indexOf('//', end);
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
  // A long file repeats keys and values: each value's URLs are read once, each key judged once.
  const valuesRead = new Set<string>();
  const keysJudged = new Map<string, Map<string, boolean>>();
  for (const e of config.scan.entries) {
    if (!e.value) continue;
    let bySection = keysJudged.get(e.section);
    if (!bySection) keysJudged.set(e.section, (bySection = new Map()));
    let secret = bySection.get(e.key);
    if (secret === undefined) bySection.set(e.key, (secret = isSecretKey(e.section, e.key)));
    if (secret) secrets.add(e.value);
    if (valuesRead.has(e.value)) continue;
    valuesRead.add(e.value);
    for (const pw of urlPasswords(e.value)) secrets.add(pw);
  }
  // Very short ones (a one-letter test password) would blank out ordinary words; the URL pass
  // still hides them.
  const index = secretIndex([...secrets].filter((s) => s.length >= MIN_SECRET));
  return (text) => replaceLongest(maskInlineSecrets(text), index);
}

/** Every diagnostic message masked with the file's masker (rules quote values as they are written). */
export function maskDiagnostics<D extends { message: string }>(config: TaskConfig, diagnostics: D[]): D[] {
  if (diagnostics.length === 0) return diagnostics;
  const mask = maskerFor(config);
  // Rules repeat messages (every duplicate of a key says the same): mask each text once.
  const masked = new Map<string, string>();
  return diagnostics.map((d) => {
    let message = masked.get(d.message);
    if (message === undefined) masked.set(d.message, (message = mask(d.message)));
    return message === d.message ? d : { ...d, message };
  });
}

const MIN_SECRET = 3;

// The secrets by their first three characters, longest first: masking a text costs its length
// plus a look at the few secrets that start where it is, however many and however long (a
// megabyte password) the secrets are. The first characters are checked before the look-up, so
// most positions of a text cost one character comparison instead of a slice and a Map look-up.
interface SecretIndex {
  byPrefix: Map<string, string[]>;
  firstChars: Set<number>;
}

function secretIndex(secrets: string[]): SecretIndex {
  const byPrefix = new Map<string, string[]>();
  const firstChars = new Set<number>();
  for (const s of secrets.sort((a, b) => b.length - a.length)) {
    const key = s.slice(0, MIN_SECRET);
    firstChars.add(s.charCodeAt(0));
    const list = byPrefix.get(key);
    if (list) list.push(s);
    else byPrefix.set(key, [s]);
  }
  return { byPrefix, firstChars };
}

/** Leftmost-longest replacement of every indexed secret by MASK. */
function replaceLongest(text: string, index: SecretIndex): string {
  const { byPrefix, firstChars } = index;
  if (byPrefix.size === 0) return text;
  let out = '';
  let from = 0;
  let i = 0;
  while (i <= text.length - MIN_SECRET) {
    const found = firstChars.has(text.charCodeAt(i))
      ? byPrefix.get(text.slice(i, i + MIN_SECRET))?.find((s) => text.startsWith(s, i))
      : undefined;
    if (found === undefined) {
      i++;
      continue;
    }
    out += text.slice(from, i) + MASK;
    from = i = i + found.length;
  }
  return out + text.slice(from);
}
