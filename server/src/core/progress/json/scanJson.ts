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
  const describe = () => (i >= end ? 'end of input' : `'${text[i]}'`);

  const value = (depth: number): JsonNode => {
    skipWs();
    if (i >= end) fail('unexpected end of JSON');
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
    return fail(`expected a value, found ${describe()}`);
  };

  const object = (depth: number): JsonObject => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    const s = i++;
    const members: JsonMember[] = [];
    skipWs();
    if (text[i] === '}' && i < end) {
      i++;
      return { kind: 'object', start: s, end: i, members };
    }
    for (;;) {
      skipWs();
      if (text[i] !== '"' || i >= end) fail(`expected a key in double quotes, found ${describe()}`);
      const key = string();
      skipWs();
      if (text[i] !== ':' || i >= end) fail(`expected ':' after the key, found ${describe()}`);
      i++;
      const v = value(depth);
      members.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value: v });
      skipWs();
      if (i < end && text[i] === ',') {
        i++;
        // serde_json has no trailing commas.
        skipWs();
        if (text[i] === '}') fail('trailing comma');
        continue;
      }
      if (i < end && text[i] === '}') {
        i++;
        return { kind: 'object', start: s, end: i, members };
      }
      fail(`expected ',' or '}', found ${describe()}`);
    }
  };

  const array = (depth: number): JsonArray => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
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
        if (text[i] === ']') fail('trailing comma');
        continue;
      }
      if (i < end && text[i] === ']') {
        i++;
        return { kind: 'array', start: s, end: i, items };
      }
      fail(`expected ',' or ']', found ${describe()}`);
    }
  };

  const string = (): JsonString => {
    const s = i++;
    // Most strings have no escape: find the closing quote and take the text as it is.
    let k = i;
    for (let ch = text.charCodeAt(k); k < end && ch !== 0x22 && ch !== 0x5c && ch >= 0x20; ch = text.charCodeAt(++k));
    if (k < end && text.charCodeAt(k) === 0x22) {
      const value = text.slice(i, k);
      i = k + 1;
      return { kind: 'string', start: s, end: i, value };
    }
    // Otherwise go on from the first escape (or the problem) character by character.
    let out = text.slice(i, k);
    i = k;
    for (;;) {
      if (i >= end) fail('unterminated string', s);
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i++;
        return { kind: 'string', start: s, end: i, value: out };
      }
      if (ch < 0x20) fail('control character inside a string (write it as an escape such as \\n)');
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
      if (e !== 'u' || i + 1 >= end) fail(`invalid escape '\\${e ?? ''}'`);
      const unit = hex4(i + 2);
      i += 6;
      if (unit >= 0xdc00 && unit <= 0xdfff) fail('lone trailing surrogate in a \\u escape', i - 6);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        if (text[i] !== '\\' || text[i + 1] !== 'u') fail('lone leading surrogate in a \\u escape', i - 6);
        const low = hex4(i + 2);
        if (low < 0xdc00 || low > 0xdfff) fail('lone leading surrogate in a \\u escape', i - 6);
        out += String.fromCharCode(unit, low);
        i += 6;
        continue;
      }
      out += String.fromCharCode(unit);
    }
  };

  const hex4 = (at: number): number => {
    const digits = text.slice(at, Math.min(at + 4, end));
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) fail('invalid \\u escape', at - 2);
    return parseInt(digits, 16);
  };

  const number = (): JsonNumber => {
    const s = i;
    if (text[i] === '-') i++;
    if (text[i] === '0' && i < end) i++;
    else if (i < end && text[i] >= '1' && text[i] <= '9') while (i < end && isDigit(text[i])) i++;
    else fail('invalid number');
    let integer = true;
    if (i < end && text[i] === '.') {
      integer = false;
      i++;
      if (!(i < end && isDigit(text[i]))) fail('invalid number: digits expected after the decimal point');
      while (i < end && isDigit(text[i])) i++;
    }
    if (i < end && (text[i] === 'e' || text[i] === 'E')) {
      integer = false;
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!(i < end && isDigit(text[i]))) fail('invalid number: digits expected in the exponent');
      while (i < end && isDigit(text[i])) i++;
    }
    return { kind: 'number', start: s, end: i, raw: text.slice(s, i), integer };
  };

  try {
    const node = value(0);
    skipWs();
    if (i < end) fail('trailing characters after the JSON value');
    return { ok: true, node };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: { offset: e.offset, message: e.message } };
    throw e;
  }
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
