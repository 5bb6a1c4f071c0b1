// config-lint-typical / config-lint-5000: lintConfig vs ini.parse of the same text, in one
// process, batches alternating after a warm-up. Prints {ours_ms, baseline_ms, ...} per call.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import { CORE, ROOT, TYPICAL_CONFIG, median } from '../lib/common.mjs';

const require = createRequire(import.meta.url);
const core = require(CORE);
const ini = require(require.resolve('ini', { paths: [ROOT] }));

const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : [])).filter((x) => x.length));
const typical = fs.readFileSync(TYPICAL_CONFIG, 'utf8');
const lines = Number(args.lines ?? 0);
// The stress text: the typical config again and again (repeated sections and keys, which the
// loader merges and the linter reports as duplicates) until it has `lines` lines.
const text = lines > 0 ? typical.repeat(Math.ceil(lines / (typical.split('\n').length - 1))) : typical;
const runs = Number(args.runs ?? 30);
const batch = Number(args.batch ?? (lines > 0 ? 1 : 200));

const ours = () => core.lintConfig(text);
const base = () => ini.parse(text);
const time = (f) => {
  const t = process.hrtime.bigint();
  for (let i = 0; i < batch; i++) f();
  return Number(process.hrtime.bigint() - t) / 1e6 / batch;
};
for (let i = 0; i < Math.max(3, 10 * batch); i++) {
  ours();
  base();
}
const a = [];
const b = [];
for (let r = 0; r < runs; r++) {
  // Alternate which goes first, so neither always runs right after a GC of the other's garbage.
  if (r % 2) {
    a.push(time(ours));
    b.push(time(base));
  } else {
    b.push(time(base));
    a.push(time(ours));
  }
}
process.stdout.write(
  JSON.stringify({
    ours_ms: median(a),
    baseline_ms: median(b),
    lines: text.split('\n').length - 1,
    diagnostics: ours().diagnostics.length,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
