// positions-validate-*: one full validation of a position.log (streaming, io/streamProgressFile.ts),
// or the baseline: reading the same file in 1 MiB chunks and counting its line breaks, or
// (--mode scan) the least any line-by-line check costs: decode, split, one regex per line.
// Prints {ms, peak_rss_mb, ...} of this process (the work only, not Node's start).
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import { CORE } from '../lib/common.mjs';

const require = createRequire(import.meta.url);
const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : [])).filter((x) => x.length));
const file = args.file;
let result;
if (args.mode === 'baseline') {
  const t = process.hrtime.bigint();
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1024 * 1024);
  let lines = 0;
  let at = 0;
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, at);
    if (n === 0) break;
    at += n;
    const view = n === buf.length ? buf : buf.subarray(0, n);
    for (let i = view.indexOf(10); i >= 0; i = view.indexOf(10, i + 1)) lines++;
  }
  fs.closeSync(fd);
  result = { ms: Number(process.hrtime.bigint() - t) / 1e6, lines };
} else if (args.mode === 'scan') {
  // A floor for any validator that looks at every line in JavaScript: read, decode, split into
  // line strings and run one regular expression per line (the log time) — nothing else.
  const t = process.hrtime.bigint();
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1024 * 1024);
  const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6} \| /;
  let lines = 0;
  let timed = 0;
  let carry = '';
  let at = 0;
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, at);
    if (n === 0) break;
    at += n;
    for (let from = 0; from < n; from += 32 * 1024) {
      const text = carry + buf.toString('utf8', from, Math.min(n, from + 32 * 1024));
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        if (TIME.test(text.slice(start, nl))) timed++;
        lines++;
        start = nl + 1;
      }
      carry = text.slice(start);
    }
  }
  fs.closeSync(fd);
  result = { ms: Number(process.hrtime.bigint() - t) / 1e6, lines, timed };
} else {
  const core = require(CORE);
  const config = args.config ? core.parseTaskConfig(fs.readFileSync(args.config, 'utf8')) : undefined;
  const codes = {};
  const t = process.hrtime.bigint();
  const summary = core.validateProgressFileSync(file, { version: '2.0.26', path: '/task/logs/position.log', config }, (d) => {
    codes[d.code] = (codes[d.code] ?? 0) + 1;
  });
  result = { ms: Number(process.hrtime.bigint() - t) / 1e6, ...summary, codes };
}
process.stdout.write(JSON.stringify({ ...result, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
