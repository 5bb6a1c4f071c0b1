// resume-predict-*: where ape-dts resumes, predicted from a position.log's tail
// (io/readProgressTail.ts + simulateResume), vs reading the file's last 64 KiB. Alternating
// iterations after a warm-up; medians per prediction. --counted also counts the lines before
// the tail, so line numbers are exact (reads the whole file).
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import { CORE, median } from '../lib/common.mjs';

const require = createRequire(import.meta.url);
const core = require(CORE);
const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : [])).filter((x) => x.length));
const file = args.file;
const runs = Number(args.runs ?? 50);
const counted = args.counted === 'true';
const configText = fs.readFileSync(args.config, 'utf8');

let last;
const ours = () => {
  const tail = core.readProgressTail(file, { countLines: counted });
  const config = core.parseTaskConfig(configText);
  last = core.simulateResume({
    version: '2.0.26',
    config,
    configDir: '/task',
    files: { positionLog: { path: '/task/logs/position.log', text: tail.text, firstLine: tail.firstLine ?? 0 } },
  });
  return last;
};
const TAIL = 64 * 1024;
const base = () => {
  const fd = fs.openSync(file, 'r');
  const size = fs.fstatSync(fd).size;
  const buf = Buffer.allocUnsafe(Math.min(TAIL, size));
  fs.readSync(fd, buf, 0, buf.length, size - buf.length);
  fs.closeSync(fd);
  return buf;
};
const time = (f) => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
for (let i = 0; i < (counted ? 1 : 200); i++) {
  ours();
  base();
}
const a = [];
const b = [];
for (let r = 0; r < runs; r++) {
  a.push(time(ours));
  b.push(time(base));
}
process.stdout.write(
  JSON.stringify({
    ours_ms: median(a),
    baseline_ms: median(b),
    resumes_from: last.line === null ? null : { line: last.line, variant: last.variant, source: last.source },
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
