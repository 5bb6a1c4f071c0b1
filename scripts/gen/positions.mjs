#!/usr/bin/env node
// Synthetic ape-dts progress files (position.log) for benchmarks and stress tests.
//
//   npm run gen:positions -- --lines N --kind mysql|pg|mongo|redis|snapshot
//                            [--garbled RATE] [--out FILE|-] [--seed S] [--bytes SIZE]
//                            [--version 2.0.24|2.0.25|2.0.26] [--interval SECS]
//
// What a long-running task leaves behind: every checkpoint interval one current_position and
// one checkpoint_position line (the checkpoint trails the current position), runs separated by
// restarts (a silence, then the resumed checkpoint logged again), MySQL binlog file switches
// and a GTID set that only grows (a failover adds a second server UUID), PG LSNs crossing the
// 4 GB boundary of the low half, Mongo resume tokens, Redis full syncs (start_aof_position,
// new replication id), snapshot progress table after table. --garbled RATE (0..1) replaces
// that share of lines with damage seen in real files: a line cut off by a crash, a misspelt
// tag, noise without a payload, a field of the wrong type, an unknown variant, a blank line.
//
// The output depends only on the options (seeded PRNG), so a fixture can be regenerated
// instead of committed. Without --out the file goes to bench/.fixtures/<kind>-<lines>/position.log
// (git-ignored); --out - writes to stdout. --bytes stops at a size instead of a line count
// (e.g. --bytes 100mb); with both, whichever comes first.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const KINDS = ['mysql', 'pg', 'mongo', 'redis', 'snapshot'];
/** Bumped whenever the output for the same options changes (cached fixtures are then regenerated). */
export const GENERATOR_VERSION = 2;

/** mulberry32: small, fast, good enough for synthetic data, identical on every platform. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

function logTime(ms, micros) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${pad(micros, 3)}`;
}

function payloadTime(ms) {
  return logTime(ms, 0).slice(0, 23);
}

/**
 * Creates a line source for one kind. `next()` returns the lines of one checkpoint tick (or of a
 * restart); the caller interleaves garbage and stops at the requested size.
 */
function makeSource(kind, rand, options) {
  const version = options.version;
  const current = version === '2.0.26';
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const hex = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rand() * 16)];
    return s;
  };
  const uuid = () => `${hex(8)}-${hex(4)}-11ef-${hex(4)}-${hex(12)}`;
  const intervalMs = options.interval * 1000;

  let clock = Date.UTC(2024, 9, 18, 5, 21, 45, 207);
  let ticksLeftInRun = int(300, 3000);
  let firstRun = true;

  // Both lines of a tick are written at the same instant, as ape-dts does.
  let stampClock = -1;
  let stamp = '';
  const line = (tag, payload) => {
    if (clock !== stampClock) {
      stampClock = clock;
      stamp = logTime(clock, int(0, 999));
    }
    return `${stamp} | ${tag} | ${payload}`;
  };

  // Advances the clock by one checkpoint interval, or by a restart's silence. Returns true on restart.
  function tick() {
    if (--ticksLeftInRun <= 0) {
      ticksLeftInRun = int(300, 3000);
      clock += int(60, 7200) * 1000; // down for a minute to two hours
      return true;
    }
    clock += intervalMs + int(0, 40);
    return false;
  }

  switch (kind) {
    case 'mysql': {
      const serverId = current ? String(int(1000, 9999)) : '';
      let seq = int(1, 40);
      const uuids = [uuid()];
      const txns = [int(1, 5000)];
      let pos = int(4, 100000);
      let checkpoint; // the last committed position: { seq, pos, gtid, ms }
      const gtidText = () => uuids.map((u, i) => `${u}:1-${txns[i]}`).join(',');
      const payload = (p) =>
        `{"type":"MysqlCdc","server_id":"${serverId}","binlog_filename":"mysql-bin.${pad(p.seq, 6)}","next_event_position":${p.pos},"gtid_set":"${p.gtid}","timestamp":"${payloadTime(p.ms)}"}`;
      return () => {
        if (firstRun) {
          firstRun = false;
          return [line('current_position', '{"type":"None"}'), line('checkpoint_position', '{"type":"None"}')];
        }
        if (tick() && checkpoint) {
          // A restart: the resumed position is logged again before anything new.
          return [line('current_position', payload(checkpoint)), line('checkpoint_position', payload(checkpoint))];
        }
        pos += int(200, 60000);
        if (pos > 1073741824 || rand() < 0.004) {
          // FLUSH LOGS / max_binlog_size: a new file, starting after its format description event.
          seq++;
          pos = 157 + int(0, 4) * 40;
        }
        const i = uuids.length - 1;
        txns[i] += int(1, 40);
        if (uuids.length < 4 && rand() < 0.00002) {
          // A failover (rare): the new primary's transactions are added under its own UUID.
          uuids.push(uuid());
          txns.push(int(1, 20));
        }
        const cur = { seq, pos, gtid: gtidText(), ms: clock - int(0, 900) };
        const out = [line('current_position', payload(cur))];
        out.push(line('checkpoint_position', payload(checkpoint ?? cur)));
        checkpoint = cur;
        return out;
      };
    }
    case 'pg': {
      let lsn = BigInt(int(0, 3)) * 4294967296n + BigInt(int(0x1000000, 0xf0000000));
      let committed = lsn;
      const text = (v) => `${(v >> 32n).toString(16).toUpperCase()}/${(v & 0xffffffffn).toString(16).toUpperCase()}`;
      const payload = (v, ms) => `{"type":"PgCdc","lsn":"${text(v)}","timestamp":"${payloadTime(ms)}"}`;
      return () => {
        if (tick()) {
          return [line('current_position', payload(committed, clock)), line('checkpoint_position', payload(committed, clock))];
        }
        // The current line carries the end LSN of the previous commit, the checkpoint this one's.
        const previous = lsn;
        lsn += BigInt(int(100, 2000000));
        const out = [line('current_position', payload(previous, clock - int(0, 900))), line('checkpoint_position', payload(lsn, clock - int(0, 900)))];
        committed = lsn;
        return out;
      };
    }
    case 'mongo': {
      let opTime = Math.floor(clock / 1000) - 5;
      let checkpoint;
      const token = (t) =>
        `{\\"_data\\":\\"82${t.toString(16).toUpperCase()}${hex(6).toUpperCase()}2B022C0100296E5A1004${hex(32).toUpperCase()}46645F696400${hex(24).toUpperCase()}0004\\"}`;
      const payload = (p) => `{"type":"MongoCdc","resume_token":"${p.token}","operation_time":${p.time},"timestamp":"${payloadTime(p.time * 1000)}"}`;
      return () => {
        if (tick() && checkpoint) {
          return [line('current_position', payload(checkpoint)), line('checkpoint_position', payload(checkpoint))];
        }
        opTime = Math.max(opTime + int(0, 3), Math.floor(clock / 1000) - int(1, 5));
        const cur = { token: token(opTime), time: opTime };
        const out = [line('current_position', payload(cur))];
        // Mongo writes checkpoints for heartbeats and filtered events: mostly the same as current.
        out.push(line('checkpoint_position', payload(checkpoint && rand() < 0.3 ? checkpoint : cur)));
        checkpoint = cur;
        return out;
      };
    }
    case 'redis': {
      let replId = hex(40);
      let offset = BigInt(int(1000, 100000000));
      let fullSync = true;
      const payload = (o) => `{"type":"Redis","repl_id":"${replId}","repl_port":10008,"repl_offset":${o},"now_db_id":${int(0, 3)},"timestamp":""}`;
      return () => {
        const restart = tick();
        if (restart && rand() < 0.5) {
          // The backlog was gone: a new full sync under a new replication id.
          replId = hex(40);
          offset = BigInt(int(1000, 100000000));
          fullSync = true;
        }
        if (fullSync) {
          fullSync = false;
          return [line('start_aof_position', payload(offset))];
        }
        const previous = offset;
        offset += BigInt(int(14, 500000));
        return [line('current_position', payload(offset)), line('checkpoint_position', payload(previous))];
      };
    }
    case 'snapshot': {
      const tables = [];
      let table;
      const nextTable = () => {
        const n = tables.length;
        table = {
          schema: `shop_${n % 7}`,
          tb: `orders_${n}`,
          composite: rand() < 0.2,
          value: 0,
          left: int(20, 2000),
        };
        tables.push(table.tb);
      };
      nextTable();
      const payload = (t, value) => {
        const head = `{"type":"RdbSnapshot","db_type":"mysql","schema":"${t.schema}","tb":"${t.tb}"`;
        if (!current) return `${head},"order_col":"id","value":"${value}"}`;
        if (t.composite) return `${head},"order_key":{"composite":[["tenant_id","${value % 97}"],["id","${value}"]]}}`;
        return `${head},"order_key":{"single":["id","${value}"]}}`;
      };
      let checkpoint;
      return () => {
        if (tick() && checkpoint !== undefined) {
          return [line('current_position', payload(table, checkpoint)), line('checkpoint_position', payload(table, checkpoint))];
        }
        if (--table.left <= 0) nextTable();
        const previous = table.value;
        table.value += int(1, 5000);
        checkpoint = previous;
        return [line('current_position', payload(table, table.value)), line('checkpoint_position', payload(table, previous))];
      };
    }
    default:
      throw new Error(`unknown kind '${kind}' (one of ${KINDS.join(', ')})`);
  }
}

/** Damage seen in real files, applied to a good line. */
function garble(good, rand) {
  const r = rand();
  if (r < 0.3) return good.slice(0, Math.max(1, Math.floor(good.length * rand()))); // cut off by a crash
  if (r < 0.45) return good.replace('current_position', 'curent_position').replace('checkpoint_position', 'checkpiont_position');
  if (r < 0.6) return `${good.slice(0, 26)} | thread 'main' panicked at src/main.rs:${Math.floor(rand() * 900)}`;
  if (r < 0.75) return good.replace(/"(next_event_position|operation_time|repl_offset)":(\d+)/, '"$1":"$2"').replace(/"lsn":"[^"]*"/, '"lsn":"not an lsn"').replace(/"value":"(\d+)"/, '"value":$1').replace(/"single":\["id","(\d+)"\]/, '"single":["id",$1]');
  if (r < 0.85) return good.replace(/"type":"(\w+)"/, (_m, t) => `"type":"${t.toLowerCase()}"`);
  if (r < 0.92) return '';
  return good.replace('{', '{{');
}

/**
 * Writes lines to `write(chunk)` until `lines` lines or `bytes` bytes (whichever is set and
 * comes first). Returns { lines, bytes }.
 */
export function generatePositions(options, write) {
  const opts = { version: '2.0.26', seed: 1, garbled: 0, interval: 10, ...options };
  if (!KINDS.includes(opts.kind)) throw new Error(`--kind must be one of ${KINDS.join(', ')}`);
  const maxLines = opts.lines ?? Infinity;
  const maxBytes = opts.bytes ?? Infinity;
  if (!Number.isFinite(maxLines) && !Number.isFinite(maxBytes)) throw new Error('give --lines N or --bytes SIZE');
  const rand = prng(hashString(`${opts.kind}/${opts.version}/${opts.seed}`));
  const garbleRand = prng(hashString(`garble/${opts.seed}`));
  const next = makeSource(opts.kind, rand, opts);
  let lines = 0;
  let bytes = 0;
  let chunk = [];
  let chunkBytes = 0;
  outer: while (lines < maxLines) {
    for (let l of next()) {
      if (opts.garbled > 0 && garbleRand() < opts.garbled) l = garble(l, garbleRand);
      const size = Buffer.byteLength(l) + 1;
      if (bytes + size > maxBytes) break outer;
      chunk.push(l);
      chunkBytes += size;
      bytes += size;
      if (++lines >= maxLines) break outer;
    }
    if (chunkBytes >= 1 << 20) {
      write(chunk.join('\n') + '\n');
      chunk = [];
      chunkBytes = 0;
    }
  }
  if (chunk.length > 0) write(chunk.join('\n') + '\n');
  return { lines, bytes };
}

/** "100mb", "1gb", "64k", "12345" → bytes. */
export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(String(text).trim());
  if (!m) throw new Error(`not a size: ${text}`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit];
  return Math.floor(Number(m[1]) * mult);
}

/** Writes a file through a 1 MiB-chunked synchronous writer; returns { lines, bytes }. */
export function generatePositionsFile(file, options) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    const result = generatePositions(options, (chunk) => fs.writeSync(fd, chunk));
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
    return result;
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

const USAGE = `usage: npm run gen:positions -- --lines N --kind ${KINDS.join('|')} [--garbled RATE] [--out FILE|-]
       [--bytes SIZE] [--seed S] [--version 2.0.24|2.0.25|2.0.26] [--interval SECS]
`;

function parseCli(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--lines':
        o.lines = Number(value());
        break;
      case '--bytes':
        o.bytes = parseSize(value());
        break;
      case '--kind':
        o.kind = value();
        break;
      case '--garbled':
        o.garbled = Number(value());
        break;
      case '--out':
        o.out = value();
        break;
      case '--seed':
        o.seed = Number(value());
        break;
      case '--version':
        o.version = value();
        break;
      case '--interval':
        o.interval = Number(value());
        break;
      case '-h':
      case '--help':
        o.help = true;
        break;
      default:
        throw new Error(`unknown option ${a}`);
    }
  }
  return o;
}

function main() {
  let o;
  try {
    o = parseCli(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`gen:positions: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const problems = [];
  if (!KINDS.includes(o.kind)) problems.push(`--kind must be one of ${KINDS.join(', ')}`);
  if (o.lines === undefined && o.bytes === undefined) problems.push('give --lines N (or --bytes SIZE)');
  if (o.lines !== undefined && !(Number.isInteger(o.lines) && o.lines >= 0)) problems.push('--lines must be a whole number');
  if (o.garbled !== undefined && !(o.garbled >= 0 && o.garbled <= 1)) problems.push('--garbled must be between 0 and 1');
  if (o.seed !== undefined && !Number.isFinite(o.seed)) problems.push('--seed must be a number');
  if (o.version !== undefined && !['2.0.24', '2.0.25', '2.0.26'].includes(o.version)) problems.push('--version must be 2.0.24, 2.0.25 or 2.0.26');
  if (o.interval !== undefined && !(o.interval > 0)) problems.push('--interval must be a positive number of seconds');
  if (problems.length > 0) {
    process.stderr.write(`gen:positions: ${problems.join('; ')}\n${USAGE}`);
    return 2;
  }
  const { out, help: _help, ...options } = o;
  if (out === '-') {
    // Blocking writes to stdout keep memory flat for big outputs.
    generatePositions(options, (chunk) => fs.writeSync(1, chunk));
    return 0;
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const file = out ?? path.join(root, 'bench', '.fixtures', `${o.kind}-${o.lines ?? o.bytes}`, 'position.log');
  const { lines, bytes } = generatePositionsFile(file, options);
  process.stderr.write(`wrote ${lines} lines, ${(bytes / 1048576).toFixed(1)} MiB to ${path.relative(process.cwd(), file) || file}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
