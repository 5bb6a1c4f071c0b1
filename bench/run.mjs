#!/usr/bin/env node
// npm run bench [-- --quick] [-- --keep] [-- --only name,name]
//
// Measures the core, the language server and the CLI side by side with a baseline in the same
// run (these machines are noisy: medians of alternating runs after a warm-up, and ratios), and
// writes bench/results.json — one object per measurement:
//   {"name","ours_ms","baseline","baseline_ms","ratio","peak_rss_mb", "target","met","note"}
// — and prints the table (Markdown). Issue 7 has the targets; bench/README.md the latest table.
//
// --quick  fewer repetitions (a smoke run, not for the table)
// --keep   keep the generated 1 GB position.log (bench/.fixtures/, git-ignored) for the next run
// --build  rebuild dist/ first (otherwise only when it is missing: the LSP and CLI rows run dist/)
// --only   run only these rows (names as in results.json)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GENERATOR_VERSION, generatePositionsFile } from '../scripts/gen/positions.mjs';
import { BENCH, FIXTURES, HAVE_TIME, ROOT, TYPICAL_CONFIG, freeBytes, median, nodeJson, prepare, round, timeCommand } from './lib/common.mjs';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const keep = argv.includes('--keep');
const rebuild = argv.includes('--build');
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(argv[onlyAt + 1].split(',')) : undefined;
const wanted = (name) => !only || only.has(name);
const log = (m) => process.stderr.write(`bench: ${m}\n`);
const MB = 1024 * 1024;
const CASES = path.join(BENCH, 'cases');
// Every positions-validate child (ours, the baseline and the scan, at 100 MB and at 1 GB) runs
// with V8's young generation fixed at one size. Left to itself V8 grows it while a process
// runs (a run of a minute ends with twice the new space of a run of a few seconds), so the
// 1 GB run's peak RSS would measure V8's warm-up, not the validator. Same flags for every row.
const VALIDATE_NODE_ARGS = ['--min-semi-space-size=16', '--max-semi-space-size=16'];
const validateJson = (args) => nodeJson(path.join(CASES, 'validate.mjs'), args, { nodeArgs: VALIDATE_NODE_ARGS });

const results = [];
function record(row) {
  const ratio = row.ours_ms !== null && row.baseline_ms ? row.ours_ms / row.baseline_ms : null;
  const full = {
    name: row.name,
    ours_ms: round(row.ours_ms),
    baseline: row.baseline,
    baseline_ms: round(row.baseline_ms),
    ratio: round(ratio, 2),
    peak_rss_mb: round(row.peak_rss_mb, 1),
    target: row.target,
    met: row.met ?? null,
    ...(row.note ? { note: row.note } : {}),
  };
  results.push(full);
  log(`${full.name}: ours ${full.ours_ms} ms, ${full.baseline} ${full.baseline_ms} ms, ratio ${full.ratio}, RSS ${full.peak_rss_mb} MB${full.met === null ? '' : full.met ? ' (target met)' : ' (target missed)'}`);
}
function skip(name, baseline, target, why) {
  log(`${name}: skipped: ${why}`);
  results.push({ name, ours_ms: null, baseline, baseline_ms: null, ratio: null, peak_rss_mb: null, target, met: null, note: `skipped: ${why}` });
}

/** A position.log of about `bytes` (MySQL CDC, a few garbled lines), generated once into bench/.fixtures/. */
function fixture(name, bytes) {
  const file = path.join(FIXTURES, name, 'position.log');
  const stamp = `${file}.options`;
  const options = { kind: 'mysql', bytes, seed: 7, garbled: 0.0005 };
  const stampText = JSON.stringify({ ...options, generator: GENERATOR_VERSION });
  if (fs.existsSync(file) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === stampText) return file;
  log(`generating ${path.relative(ROOT, file)} (${Math.round(bytes / MB)} MiB)…`);
  const t = Date.now();
  generatePositionsFile(file, options);
  fs.writeFileSync(stamp, stampText);
  log(`  done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return file;
}

async function main() {
  const started = Date.now();
  await prepare(log, { rebuild });
  fs.mkdirSync(FIXTURES, { recursive: true });

  // 1. Linting a task config in process, vs ini.parse of the same text.
  if (wanted('config-lint-typical')) {
    const r = nodeJson(path.join(CASES, 'config.mjs'), ['--runs', quick ? '8' : '40']);
    record({
      name: 'config-lint-typical',
      ...r,
      baseline: 'ini.parse',
      target: 'ratio ≤ 3 and < 1 ms',
      met: r.ours_ms / r.baseline_ms <= 3 && r.ours_ms < 1,
      note: `${r.lines}-line MySQL CDC config (bench/fixtures), ${r.diagnostics} findings`,
    });
  }
  if (wanted('config-lint-5000')) {
    const r = nodeJson(path.join(CASES, 'config.mjs'), ['--lines', '5000', '--runs', quick ? '5' : '21']);
    record({
      name: 'config-lint-5000',
      ...r,
      baseline: 'ini.parse',
      target: 'ratio ≤ 3',
      met: r.ours_ms / r.baseline_ms <= 3,
      note: `the typical config repeated to ${r.lines} lines (every key repeated: ${r.diagnostics} findings)`,
    });
  }

  // 2. The language server over stdio.
  if (wanted('lsp-keystroke')) {
    const r = nodeJson(path.join(CASES, 'lsp.mjs'), ['--what', 'keystroke', '--runs', quick ? '10' : '60']);
    record({
      name: 'lsp-keystroke',
      ...r,
      baseline: 'empty request round trip',
      target: 'ours − baseline ≤ 5 ms',
      met: r.ours_ms - r.baseline_ms <= 5,
      note: `lint.run=onSave: didChange+didSave → publishDiagnostics (onType adds its 150 ms debounce); ours − baseline = ${(r.ours_ms - r.baseline_ms).toFixed(2)} ms`,
    });
  }
  if (wanted('server-start')) {
    const r = nodeJson(path.join(CASES, 'lsp.mjs'), ['--what', 'start', '--runs', quick ? '3' : '9']);
    record({
      name: 'server-start',
      ...r,
      baseline: "node -e ''",
      target: 'ours − baseline ≤ 300 ms',
      met: r.ours_ms - r.baseline_ms <= 300,
      note: `spawn → initialize → didOpen → first publishDiagnostics; ours − baseline = ${(r.ours_ms - r.baseline_ms).toFixed(1)} ms`,
    });
  }

  // 3. Progress files: full validation of 100 MB and 1 GB, resume prediction on 1 GB.
  let validate100;
  if (wanted('positions-validate-100mb') || wanted('positions-validate-1gb')) {
    const file = fixture('position-100mb', 100 * MB);
    const runs = quick ? 1 : 3;
    const a = [];
    const b = [];
    let rss = 0;
    let info;
    validateJson(['--file', file, '--mode', 'baseline']); // page cache warm-up
    for (let i = 0; i < runs; i++) {
      const ours = validateJson(['--file', file, '--mode', 'ours', '--config', TYPICAL_CONFIG]);
      const base = validateJson(['--file', file, '--mode', 'baseline']);
      a.push(ours.ms);
      b.push(base.ms);
      rss = Math.max(rss, ours.peak_rss_mb);
      info = ours;
    }
    validate100 = { ms: median(a), rss };
    const scans = [];
    for (let i = 0; i < runs; i++) scans.push(validateJson(['--file', file, '--mode', 'scan']).ms);
    if (wanted('positions-validate-100mb')) {
      record({
        name: 'positions-validate-100mb',
        ours_ms: median(a),
        baseline: 'read + count newlines (Node)',
        baseline_ms: median(b),
        peak_rss_mb: rss,
        target: 'ratio ≤ 6',
        met: median(a) / median(b) <= 6,
        note: `${info.lines} lines, ${info.diagnostics} findings${info.secondPass ? ', second pass' : ''}; child process per run, median of ${runs}; every validate child runs with ${VALIDATE_NODE_ARGS.join(' ')}`,
      });
    }
    if (wanted('positions-validate-100mb')) {
      record({
        name: 'positions-scan-100mb',
        ours_ms: median(scans),
        baseline: 'read + count newlines (Node)',
        baseline_ms: median(b),
        peak_rss_mb: null,
        target: 'none (the floor of a line-by-line check)',
        note: 'read, decode, split into line strings, one regex per line, nothing else: what any validator that looks at each line in JavaScript pays',
      });
    }
  }

  const wants1g = wanted('resume-predict-1gb') || wanted('resume-predict-1gb-counted') || wanted('positions-validate-1gb');
  if (wants1g) {
    const file = path.join(FIXTURES, 'position-1gb', 'position.log');
    const existed = fs.existsSync(file);
    const free = freeBytes(FIXTURES);
    const need = 1024 * MB;
    if (!existed && free !== undefined && free < need + 2 * 1024 * MB) {
      const why = `only ${(free / 1024 / MB).toFixed(1)} GiB free in bench/.fixtures (needs 1 GiB + 2 GiB margin)`;
      for (const [name, base, target] of [
        ['resume-predict-1gb', 'read last 64 KiB', 'ratio ≤ 2 (about 1 ms)'],
        ['positions-validate-1gb', 'positions-validate-100mb', 'peak_rss_mb < 150 and ≤ 1.2× the 100 MB run'],
      ]) {
        if (wanted(name)) skip(name, base, target, why);
      }
    } else {
      fixture('position-1gb', need);
      try {
        if (wanted('resume-predict-1gb')) {
          const r = nodeJson(path.join(CASES, 'resume.mjs'), ['--file', file, '--config', TYPICAL_CONFIG, '--runs', quick ? '10' : '60']);
          record({
            name: 'resume-predict-1gb',
            ...r,
            baseline: 'read last 64 KiB',
            target: 'ratio ≤ 2 (about 1 ms)',
            met: r.ours_ms / r.baseline_ms <= 2,
            note: `readProgressTail + parseTaskConfig + simulateResume; lines numbered from the tail (no count); resumes from ${r.resumes_from ? `${r.resumes_from.variant} (${r.resumes_from.source})` : 'nothing'}`,
          });
        }
        if (wanted('resume-predict-1gb-counted')) {
          const r = nodeJson(path.join(CASES, 'resume.mjs'), ['--file', file, '--config', TYPICAL_CONFIG, '--runs', quick ? '1' : '3', '--counted', 'true']);
          record({
            name: 'resume-predict-1gb-counted',
            ...r,
            baseline: 'read last 64 KiB',
            target: 'none (what exact line numbers cost)',
            note: 'as resume-predict-1gb, plus counting every line before the tail so line numbers are absolute',
          });
        }
        if (wanted('positions-validate-1gb')) {
          const runs = 1;
          const a = [];
          let rss = 0;
          let info;
          for (let i = 0; i < runs; i++) {
            const ours = validateJson(['--file', file, '--mode', 'ours', '--config', TYPICAL_CONFIG]);
            a.push(ours.ms);
            rss = Math.max(rss, ours.peak_rss_mb);
            info = ours;
          }
          const ref = validate100;
          record({
            name: 'positions-validate-1gb',
            ours_ms: median(a),
            baseline: 'positions-validate-100mb',
            baseline_ms: ref?.ms ?? null,
            peak_rss_mb: rss,
            target: 'peak_rss_mb < 150 and ≤ 1.2× the 100 MB run',
            met: ref ? rss < 150 && rss <= 1.2 * ref.rss : rss < 150,
            note: `${info.lines} lines, ${info.diagnostics} findings; RSS ${rss.toFixed(1)} MB vs ${ref ? ref.rss.toFixed(1) : '?'} MB at 100 MB (${ref ? (rss / ref.rss).toFixed(2) : '?'}×), both with ${VALIDATE_NODE_ARGS.join(' ')}`,
          });
        }
      } finally {
        if (!keep && !existed) {
          fs.rmSync(path.dirname(file), { recursive: true, force: true });
          log('deleted the 1 GB fixture (--keep keeps it)');
        }
      }
    }
  }

  // 4. The CLI over the shared corpus, vs cat of the same files.
  if (wanted('cli-corpus')) {
    const corpus = path.resolve(ROOT, '..', 'shared', 'corpus');
    if (!fs.existsSync(corpus)) skip('cli-corpus', 'cat of the same files', 'report only', `${corpus} does not exist`);
    else {
      const files = [];
      const walk = (dir) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith('.ini')) files.push(p);
        }
      };
      walk(corpus);
      const runs = quick ? 2 : 7;
      const a = [];
      const b = [];
      let rss = 0;
      let status;
      await timeCommand(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', corpus]); // warm-up
      for (let i = 0; i < runs; i++) {
        const ours = await timeCommand(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', corpus]);
        const base = await timeCommand('cat', files);
        a.push(ours.ms);
        b.push(base.ms);
        rss = Math.max(rss, ours.rssMb ?? 0);
        status = ours.status;
      }
      record({
        name: 'cli-corpus',
        ours_ms: median(a),
        baseline: 'cat of the same files',
        baseline_ms: median(b),
        peak_rss_mb: HAVE_TIME ? rss : null,
        target: 'report only',
        note: `apedts lint ../shared/corpus: ${files.length} task_config.ini files (and the progress files the CLI finds there), exit ${status}${status === 1 ? ' (findings: without --version each file is checked as the release auto-detection picks, so most v2.0.24 configs as 2.0.26)' : ''}; whole processes${HAVE_TIME ? ', RSS by /usr/bin/time' : ''}`,
      });
    }
  }

  fs.writeFileSync(path.join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(table(results));
  log(`wrote bench/results.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function table(rows) {
  const fmt = (x, d = 2) => (x === null || x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(d));
  const lines = [
    '| name | ours ms | baseline | baseline ms | ratio | peak RSS MB | target | met |',
    '| --- | ---: | --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const r of rows) {
    const met = r.met === null ? '—' : r.met ? 'yes' : 'no';
    lines.push(`| \`${r.name}\` | ${fmt(r.ours_ms, 3)} | ${r.baseline} | ${fmt(r.baseline_ms, 3)} | ${fmt(r.ratio)} | ${fmt(r.peak_rss_mb, 1)} | ${r.target} | ${met} |`);
  }
  const notes = rows.filter((r) => r.note).map((r) => `- \`${r.name}\`: ${r.note}`);
  return `${lines.join('\n')}\n\n${notes.join('\n')}\n`;
}

main().catch((e) => {
  process.stderr.write(`bench: ${e.stack ?? e}\n`);
  process.exitCode = 1;
});
