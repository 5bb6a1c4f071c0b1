import { t } from '../i18n';

// The parsed shape of a `json:` value (ignore_cols, where_conditions, col_map, partition_cols)
// or a mongo resume_token, so a hover shows what ape-dts will see without the user pretty-
// printing a one-line JSON by hand.

const MAX_PRETTY_LINES = 30;

export interface JsonView {
  ok: boolean;
  /** `array of 2 { db: string, tb: string, ignore_cols: string[] }` or the parse error. */
  summary: string;
  /** Pretty-printed JSON (cut after a few lines), when it parses. */
  pretty?: string;
}

/** ape-dts strips any number of leading `json:` before parsing. */
export function stripJsonPrefix(value: string): string {
  return value.replace(/^(json:)+/, '');
}

export function jsonView(value: string): JsonView {
  const body = stripJsonPrefix(value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    return { ok: false, summary: t('hover.json.not-valid', { error: (err as Error).message }) };
  }
  let lines: string[];
  let shape: string;
  try {
    lines = JSON.stringify(parsed, null, 2).split('\n');
    shape = shapeOf(parsed);
  } catch {
    // JSON.parse takes any depth; printing or describing thousands of nested arrays overflows the stack.
    return { ok: true, summary: t('hover.json.too-deep') };
  }
  const pretty =
    lines.length > MAX_PRETTY_LINES
      ? [...lines.slice(0, MAX_PRETTY_LINES), t('hover.json.more-lines', { count: lines.length - MAX_PRETTY_LINES })].join('\n')
      : lines.join('\n');
  const count = Array.isArray(parsed) ? t(parsed.length === 1 ? 'hover.json.items.one' : 'hover.json.items.many', { count: parsed.length }) : '';
  return { ok: true, summary: count + shape, pretty };
}

/** A TypeScript-like type of a JSON value; array items are merged into one union. */
export function shapeOf(v: unknown, depth = 0): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const items = [...new Set(v.map((x) => shapeOf(x, depth + 1)))];
    const item = items.length === 1 ? items[0] : `(${items.join(' | ')})`;
    return `${item}[]`;
  }
  if (typeof v === 'object') {
    if (depth > 3) return '{…}';
    const fields = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${shapeOf(x, depth + 1)}`);
    return fields.length ? `{ ${fields.join(', ')} }` : '{}';
  }
  return typeof v;
}
