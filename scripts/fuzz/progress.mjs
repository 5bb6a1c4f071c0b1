// Progress-file inputs for `npm run fuzz`: position.log, finished.log and resume config files
// (ape-dts's own from ../shared/corpus, and generated ones from scripts/gen/positions.mjs),
// mutated, each laid out in a task folder beside a task_config.ini whose resumer reads it, so
// the CLI (`lint`, `resume-point`) and the language server see them the way a user's folder is.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { KINDS, generatePositions } from '../gen/positions.mjs';

const T = '2024-10-18 05:21:45.207788';

/** Lines the generator does not write: Kafka, FoxlakeS3, finished tables, bare resume config JSON, None. */
const EXTRA_LINES = [
  `${T} | checkpoint_position | {"type":"Kafka","topic":"t","partition":0,"offset":42}`,
  `${T} | current_position | {"type":"FoxlakeS3","schema":"db","tb":"a","s3_meta_file":"m.json"}`,
  `${T} | checkpoint_position | {"type":"None"}`,
  `${T} | finished | {"type":"RdbSnapshotFinished","db_type":"mysql","schema":"db","tb":"a"}`,
  '{"type":"RdbSnapshotFinished","db_type":"pg","schema":"public","tb":"b"}',
  '{"type":"RdbSnapshot","db_type":"mysql","schema":"db","tb":"a","order_col":"id","value":"6"}',
  `${T} | start_aof_position | {"type":"Redis","repl_id":"7d2f4bb0d1b8b0e7f1d7f2a9b8c1d2e3f4a5b6c7","repl_port":10008,"repl_offset":18446744073709551615,"now_db_id":0,"timestamp":""}`,
];

/** Pieces progress files break into or get wrong. */
export const PROGRESS_TOKENS = [
  ' | ', ' | current_position | ', ' | checkpoint_position | ', ' | finished | ', ' | start_aof_position | ', 'checkpoint_positon', 'current position',
  '{', '}', '[', ']', '"', ':', ',', '\\', '\\"', '\\u0000', '\\ud800', '\r', '\n', '\r\n', '\0', '\uFEFF', '\t', ' ',
  '{"type":"MysqlCdc",', '{"type":"PgCdc",', '{"type":"MongoCdc",', '{"type":"Redis",', '{"type":"Kafka",', '{"type":"RdbSnapshot",', '{"type":"None"}', '{"type":"Mystery"}',
  '"next_event_position":"12"', '"next_event_position":-1', '"lsn":"0/ZZZ"', '"lsn":"FFFFFFFF/FFFFFFFF"', '"lsn":"0/"', '"repl_offset":18446744073709551616',
  '99999999999999999999999999999', '1e400', '-0', '1.5', 'NaN', 'null', 'true', '"gtid_set":"x:1-"', '"binlog_filename":"mysql-bin."',
  '"timestamp":"2024-13-40 99:99:99.000"', '2024-10-18 05:21:4', '"__proto__":{}', '"constructor":1', '"type":"MysqlCdc","type":"PgCdc"', '🚀', 'é', '\u2028',
];

const BAD_UTF8 = [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0x80]];

/** Seed files by the name ape-dts gives them: position.log, finished.log, resume.config. */
export function progressSeeds(corpusDir) {
  const seeds = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^(position\d*\.log|finished\.log|.*\.config)$/.test(e.name)) seeds.push({ name: nameOf(e.name), bytes: fs.readFileSync(p) });
    }
  };
  if (fs.existsSync(corpusDir)) walk(corpusDir);
  for (const kind of KINDS) {
    for (const version of ['2.0.24', '2.0.25', '2.0.26']) {
      for (const [lines, garbled] of [[12, 0], [60, 0.1], [400, 0.02]]) {
        let text = '';
        generatePositions({ kind, version, lines, garbled, seed: lines + kind.length }, (c) => (text += c));
        seeds.push({ name: 'position.log', bytes: Buffer.from(text) });
      }
    }
  }
  seeds.push({ name: 'position.log', bytes: Buffer.from(EXTRA_LINES.slice(0, 3).join('\n') + '\n') });
  seeds.push({ name: 'position.log', bytes: Buffer.from(EXTRA_LINES[6] + '\n') });
  seeds.push({ name: 'finished.log', bytes: Buffer.from(EXTRA_LINES[3] + '\n') });
  seeds.push({ name: 'resume.config', bytes: Buffer.from(EXTRA_LINES.slice(4, 6).join('\n') + '\n') });
  return seeds.sort((a, b) => a.name.localeCompare(b.name));
}

function nameOf(file) {
  if (/^position\d*\.log$/.test(file)) return 'position.log';
  if (file === 'finished.log') return 'finished.log';
  return 'resume.config';
}

const sink = (db) => `[sinker]\ndb_type=${db}\nsink_type=write\nurl=${db}://u:p@t:1\n`;
const EXTRACTORS = [
  '[extractor]\ndb_type=mysql\nextract_type=cdc\nurl=mysql://u:p@h:3306\nserver_id=7\n',
  '[extractor]\ndb_type=mysql\nextract_type=cdc\nurl=mysql://u:p@h:3306\nserver_id=7\ngtid_enabled=true\n',
  '[extractor]\ndb_type=pg\nextract_type=cdc\nurl=postgres://u:p@h:5432/d\nslot_name=s\n',
  '[extractor]\ndb_type=mongo\nextract_type=cdc\nurl=mongodb://h:27017\nsource=change_stream\n',
  '[extractor]\ndb_type=redis\nextract_type=cdc\nurl=redis://:p@h:6379\n',
  '[extractor]\ndb_type=kafka\nextract_type=cdc\nurl=127.0.0.1:9092\ngroup=g\ntopic=t\n',
  '[extractor]\ndb_type=mysql\nextract_type=snapshot\nurl=mysql://u:p@h:3306\n',
  '[extractor]\ndb_type=pg\nextract_type=snapshot\nurl=postgres://u:p@h:5432/d\n',
];
const RESUMERS = [
  '[resumer]\nresume_type=from_log\n',
  '[resumer]\nresume_type=from_log\nconfig_file=./resume.config\n',
  '[resumer]\nresume_from_log=true\nresume_log_dir=./logs\nresume_config_file=./resume.config\n',
  '[resumer]\nresume_config_file=./resume.config\n',
  '',
];

/** A task config whose resumer reads logs/position.log, logs/finished.log and resume.config. */
export function taskConfig(rng) {
  const ex = rng.pick(EXTRACTORS);
  const db = /db_type=(\w+)/.exec(ex)[1];
  return `${ex}${sink(db === 'kafka' ? 'mysql' : db)}${rng.pick(RESUMERS)}[runtime]\nlog_dir=./logs\nlog_level=info\n`;
}

/** Where each kind of file goes in the task folder, and the language id an editor opens it as. */
export const LAYOUT = {
  'position.log': { rel: 'logs/position.log', languageId: 'ape-dts-position' },
  'finished.log': { rel: 'logs/finished.log', languageId: 'ape-dts-finished' },
  'resume.config': { rel: 'resume.config', languageId: 'ape-dts-resume-config' },
};

/** One mutation specific to progress files: lines, tags, numbers, JSON depth, line ends. */
export function mutateProgress(rng, buf, seeds, maxInput) {
  const text = () => buf.toString('latin1');
  const lines = () => text().split('\n');
  const back = (ls) => Buffer.from(ls.join('\n'), 'latin1');
  const at = () => rng.int(buf.length + 1);
  switch (rng.int(12)) {
    case 0: {
      const i = at();
      return Buffer.concat([buf.subarray(0, i), Buffer.from(rng.pick(PROGRESS_TOKENS)), buf.subarray(i)]);
    }
    case 1: {
      // a line cut off (a crash while writing), anywhere in the file
      const ls = lines();
      const i = rng.int(ls.length);
      ls[i] = ls[i].slice(0, rng.int(ls[i].length + 1));
      return back(ls);
    }
    case 2: {
      // a number replaced: quoted, huge, negative, fractional
      const s = text();
      const m = [...s.matchAll(/\d+/g)];
      if (!m.length) return buf;
      const hit = rng.pick(m);
      const by = rng.pick([`"${hit[0]}"`, '18446744073709551616', '9'.repeat(400), '-1', '1.5', '1e21', '0x10', '']);
      return Buffer.from(s.slice(0, hit.index) + by + s.slice(hit.index + hit[0].length), 'latin1');
    }
    case 3: {
      // a misspelt or recased tag
      const s = text();
      return Buffer.from(s.replace(rng.pick(['checkpoint_position', 'current_position', 'finished']), rng.pick(['checkpoint_positon', 'Current_Position', 'current-position', '', 'checkpoint_position | checkpoint_position'])), 'latin1');
    }
    case 4: {
      // deep JSON in a payload
      const ls = lines();
      const i = rng.int(ls.length);
      const depth = 100 + rng.int(20000);
      ls[i] = `${T} | checkpoint_position | ${rng.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)}`;
      return back(ls);
    }
    case 5:
      return Buffer.from(text().replace(/\r?\n/g, rng.pick(['\r\n', '\r', '\n\n', '\r\r\n'])), 'latin1');
    case 6: {
      // lines from another progress file (another task or kind)
      const other = rng.pick(seeds).bytes.toString('latin1').split('\n');
      const ls = lines();
      const a = rng.int(other.length);
      ls.splice(rng.int(ls.length + 1), 0, ...other.slice(a, a + 1 + rng.int(30)));
      return back(ls);
    }
    case 7: {
      // NULs or invalid UTF-8 inside a line
      const i = at();
      return Buffer.concat([buf.subarray(0, i), rng.chance(0.5) ? Buffer.alloc(1 + rng.int(64)) : Buffer.from(rng.pick(BAD_UTF8)), buf.subarray(i)]);
    }
    case 8: {
      // a very long line (payload or noise)
      const piece = Buffer.from(rng.pick(['x', '{"a":1,', '"', '\\\\', ' | ', '9', '[', 'é']));
      const times = Math.floor((maxInput * (0.2 + rng.next() * 0.6)) / piece.length);
      const i = at();
      return Buffer.concat([buf.subarray(0, i), Buffer.alloc(times * piece.length, piece), buf.subarray(i)]);
    }
    case 9: {
      // grown to many lines (the tail window is the last 200)
      const parts = [];
      let size = 0;
      while (size < maxInput * (0.3 + rng.next() * 0.7) && buf.length) {
        parts.push(buf);
        size += buf.length;
      }
      return parts.length ? Buffer.concat(parts) : buf;
    }
    case 10: {
      // lines out of order, or the last one duplicated
      const ls = lines();
      const i = rng.int(ls.length);
      const j = rng.int(ls.length);
      if (rng.chance(0.5)) [ls[i], ls[j]] = [ls[j], ls[i]];
      else ls.push(ls[Math.max(0, ls.length - 2)]);
      return back(ls);
    }
    default:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
  }
}
