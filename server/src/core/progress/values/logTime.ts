// log4rs writes every position.log / finished.log line with the pattern
// `{d(%Y-%m-%d %H:%M:%S.%6f)(utc)}`: UTC, microseconds. The JSON `timestamp` fields use
// `%Y-%m-%d %H:%M:%S%.3f` (UTC, milliseconds) or are empty.

export const LOG_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;
export const PAYLOAD_TIMESTAMP = /^(?:\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3})?$/;

/** Milliseconds since the epoch of a UTC `YYYY-MM-DD HH:MM:SS[.fff…]`, or undefined. */
export function utcMillis(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const ms = m[7] ? Number((m[7] + '000').slice(0, 3)) : 0;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
  return Number.isNaN(t) ? undefined : t;
}
