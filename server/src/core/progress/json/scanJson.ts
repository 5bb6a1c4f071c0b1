import { t } from '../../i18n';
// A JSON scanner that accepts exactly what serde_json (the parser ape-dts uses for every
// position payload) accepts, and keeps what JSON.parse throws away:
// - the offset of every node and key, so diagnostics point at the value;
// - every member of an object in order, duplicates included (JSON.parse keeps the last one
//   silently; serde rejects a duplicate field, so the caller must see both);
// - the raw text of every number, so a u64 such as a Redis repl_offset beyond 2^53 stays exact.

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonLiteral;

interface Span {
  /** Offset of the first character, in the scanned text. */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonObject extends Span {
  kind: 'object';
  members: JsonMember[];
}

export interface JsonArray extends Span {
  kind: 'array';
  items: JsonNode[];
}

export interface JsonString extends Span {
  kind: 'string';
  value: string;
}

export interface JsonNumber extends Span {
  kind: 'number';
  /** The number exactly as written. */
  raw: string;
  /** No fraction and no exponent: serde hands it to integer fields; anything else is a float. */
  integer: boolean;
}

export interface JsonLiteral extends Span {
  kind: 'true' | 'false' | 'null';
}

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export type JsonScan = { ok: true; node: JsonNode } | { ok: false; error: JsonSyntaxError };

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

// Characters a JSON string holds as they are: anything but '"', '\\' and control characters.
// Always matches (possibly nothing), so test() leaves lastIndex at the end of the run.
const PLAIN_RUN = /[^"\\\x00-\x1f]*/y;

// serde_json refuses to nest deeper than this.
const MAX_DEPTH = 128;

class Fail extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

/** Scans `text.slice(start, end)` as one JSON document; offsets are into `text`. */
export function scanJson(text: string, start = 0, end = text.length): JsonScan {
  let i = start;

  const fail = (message: string, at = i): never => {
    throw new Fail(at, message);
  };
  // serde_json's whitespace: space, tab, newline, carriage return, nothing else.
  const skipWs = () => {
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const describe = () => (i >= end ? t('progress.json.end-of-input') : `'${text[i]}'`);

  const value = (depth: number): JsonNode => {
    skipWs();
    if (i >= end) fail(t('progress.json.unexpected-end'));
    const c = text[i];
    if (c === '{') return object(depth + 1);
    if (c === '[') return array(depth + 1);
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null'] as const) {
      if (text.startsWith(word, i) && i + word.length <= end) {
        const s = i;
        i += word.length;
        return { kind: word, start: s, end: i };
      }
    }
    return fail(t('progress.json.expected-value', { found: describe() }));
  };

  const object = (depth: number): JsonObject => {
    if (depth > MAX_DEPTH) fail(t('progress.json.too-deep'));
    const s = i++;
    const members: JsonMember[] = [];
    skipWs();
    if (text[i] === '}' && i < end) {
      i++;
      return { kind: 'object', start: s, end: i, members };
    }
    for (;;) {
      skipWs();
      if (text[i] !== '"' || i >= end) fail(t('progress.json.expected-key', { found: describe() }));
      const key = string();
      skipWs();
      if (text[i] !== ':' || i >= end) fail(t('progress.json.expected-colon', { found: describe() }));
      i++;
      const v = value(depth);
      members.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value: v });
      skipWs();
      if (i < end && text[i] === ',') {
        i++;
        // serde_json has no trailing commas.
        skipWs();
        if (text[i] === '}') fail(t('progress.json.trailing-comma'));
        continue;
      }
      if (i < end && text[i] === '}') {
        i++;
        return { kind: 'object', start: s, end: i, members };
      }
      fail(t('progress.json.expected-comma-brace', { found: describe() }));
    }
  };

  const array = (depth: number): JsonArray => {
    if (depth > MAX_DEPTH) fail(t('progress.json.too-deep'));
    const s = i++;
    const items: JsonNode[] = [];
    skipWs();
    if (text[i] === ']' && i < end) {
      i++;
      return { kind: 'array', start: s, end: i, items };
    }
    for (;;) {
      items.push(value(depth));
      skipWs();
      if (i < end && text[i] === ',') {
        i++;
        skipWs();
        if (text[i] === ']') fail(t('progress.json.trailing-comma'));
        continue;
      }
      if (i < end && text[i] === ']') {
        i++;
        return { kind: 'array', start: s, end: i, items };
      }
      fail(t('progress.json.expected-comma-bracket', { found: describe() }));
    }
  };

  const string = (): JsonString => {
    const s = i++;
    // Most strings have no escape: find the closing quote and take the text as it is. A sticky
    // regular expression finds the end of the plain run 3–5× faster than a charCodeAt loop
    // (Node 20, on the lines of a big position.log).
    PLAIN_RUN.lastIndex = i;
    PLAIN_RUN.test(text);
    const k = Math.min(PLAIN_RUN.lastIndex, end);
    if (k < end && text.charCodeAt(k) === 0x22) {
      const value = text.slice(i, k);
      i = k + 1;
      return { kind: 'string', start: s, end: i, value };
    }
    // Otherwise go on from the first escape (or the problem) character by character.
    let out = text.slice(i, k);
    i = k;
    for (;;) {
      if (i >= end) fail(t('progress.json.unterminated-string'), s);
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i++;
        return { kind: 'string', start: s, end: i, value: out };
      }
      if (ch < 0x20) fail(t('progress.json.control-character'));
      if (ch !== 0x5c) {
        out += text[i++];
        continue;
      }
      const e = text[i + 1];
      if (i + 1 < end && Object.hasOwn(SIMPLE_ESCAPES, e)) {
        out += SIMPLE_ESCAPES[e];
        i += 2;
        continue;
      }
      if (e !== 'u' || i + 1 >= end) fail(t('progress.json.invalid-escape', { escape: `\\${e ?? ''}` }));
      const unit = hex4(i + 2);
      i += 6;
      if (unit >= 0xdc00 && unit <= 0xdfff) fail(t('progress.json.lone-trailing-surrogate'), i - 6);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        if (text[i] !== '\\' || text[i + 1] !== 'u') fail(t('progress.json.lone-leading-surrogate'), i - 6);
        const low = hex4(i + 2);
        if (low < 0xdc00 || low > 0xdfff) fail(t('progress.json.lone-leading-surrogate'), i - 6);
        out += String.fromCharCode(unit, low);
        i += 6;
        continue;
      }
      out += String.fromCharCode(unit);
    }
  };

  const hex4 = (at: number): number => {
    const digits = text.slice(at, Math.min(at + 4, end));
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) fail(t('progress.json.invalid-u-escape'), at - 2);
    return parseInt(digits, 16);
  };

  const number = (): JsonNumber => {
    const s = i;
    if (text[i] === '-') i++;
    if (text[i] === '0' && i < end) i++;
    else if (i < end && text[i] >= '1' && text[i] <= '9') while (i < end && isDigit(text[i])) i++;
    else fail(t('progress.json.invalid-number'));
    let integer = true;
    if (i < end && text[i] === '.') {
      integer = false;
      i++;
      if (!(i < end && isDigit(text[i]))) fail(t('progress.json.digits-after-point'));
      while (i < end && isDigit(text[i])) i++;
    }
    if (i < end && (text[i] === 'e' || text[i] === 'E')) {
      integer = false;
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!(i < end && isDigit(text[i]))) fail(t('progress.json.digits-in-exponent'));
      while (i < end && isDigit(text[i])) i++;
    }
    return { kind: 'number', start: s, end: i, raw: text.slice(s, i), integer };
  };

  try {
    const node = value(0);
    skipWs();
    if (i < end) fail(t('progress.json.trailing-characters'));
    return { ok: true, node };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: { offset: e.offset, message: e.message } };
    throw e;
  }
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
