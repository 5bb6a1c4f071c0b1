import { t } from '../../i18n';
// ape-dts hands gtid_set to apecloud/mysql-binlog-connector-rust (GtidSet::new, v0.3.x):
// newlines are removed, the text is split on ',', empty parts are skipped, each part is
// `uuid:interval[:interval…]` and each interval `n` or `n-m` parsed as u64. Spaces are NOT
// trimmed, so `uuid:1-5, uuid2:1-3` fails; MySQL 8.4 tagged GTIDs (`uuid:tag:n`) fail too.
// The crate does not check the UUID, but the server needs it to be a UUID to encode the
// dump request, so we check it here as well.

export interface GtidInterval {
  start: bigint;
  end: bigint;
}

export type GtidSet = Map<string, GtidInterval[]>;

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const U64_MAX = 18446744073709551615n;

// A position.log repeats each GTID set on neighbouring lines (the checkpoint line repeats the
// previous current line's), and both the format check and the ordering rule parse it: the
// last few answers are kept. Callers only read the returned sets.
const recent = new Map<string, { set: GtidSet } | { problem: string }>();

export function parseGtidSet(text: string): { set: GtidSet } | { problem: string } {
  let answer = recent.get(text);
  if (!answer) {
    answer = parseUncached(text);
    // A problem is text in the current language, so only sets are kept.
    if ('problem' in answer) return answer;
    if (recent.size >= 32) recent.clear();
    recent.set(text, answer);
  }
  return answer;
}

function parseUncached(text: string): { set: GtidSet } | { problem: string } {
  const set: GtidSet = new Map();
  for (const part of (text.includes('\n') ? text.replace(/\n/g, '') : text).split(',')) {
    if (part === '') continue;
    const pieces = part.split(':');
    if (pieces.length < 2) return { problem: t('progress.problem.gtid.no-colon', { part }) };
    const [uuid, ...intervals] = pieces;
    if (!UUID.test(uuid)) return { problem: t('progress.problem.gtid.uuid', { uuid }) };
    const list: GtidInterval[] = [];
    for (const interval of intervals) {
      const [a, b] = interval.split('-');
      const start = u64(a);
      const end = b === undefined ? start : u64(b);
      if (start === undefined || end === undefined) {
        return { problem: t('progress.problem.gtid.interval', { interval, part }) };
      }
      list.push({ start, end });
    }
    set.set(uuid.toLowerCase(), list);
  }
  return { set };
}

// Rust's u64::from_str: optional '+', decimal digits, no white space.
function u64(text: string | undefined): bigint | undefined {
  if (text === undefined || !/^\+?\d+$/.test(text)) return undefined;
  const n = BigInt(text.replace('+', ''));
  return n <= U64_MAX ? n : undefined;
}

/** Is every transaction of `a` also in `b`? (The order a growing gtid_set must keep.) */
export function gtidSetContains(b: GtidSet, a: GtidSet): boolean {
  for (const [uuid, intervals] of a) {
    const outer = b.get(uuid);
    if (!outer) return false;
    for (const i of intervals) {
      if (!outer.some((o) => i.start >= o.start && i.end <= o.end)) return false;
    }
  }
  return true;
}
