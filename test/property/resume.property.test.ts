import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanIni } from '../../server/src/core/ini/scanIni';
import { lintConfig } from '../../server/src/core/lintConfig';
import { parseTaskConfig } from '../../server/src/core/model/taskConfig';
import { checkResumeFromLine } from '../../server/src/core/progress/checkResumeFromLine';
import { effectiveStart } from '../../server/src/core/progress/effectiveStart';
import { START_KEYS } from '../../server/src/core/progress/extractorKeyMapping';
import { lineAt, parseProgressFile } from '../../server/src/core/progress/parseProgressFile';
import { LOG_TAGS, acceptedPosition, type LogTag } from '../../server/src/core/progress/progressLine';
import type { ProgressFileKind } from '../../server/src/core/progress/progressFileKind';
import { simulateResume } from '../../server/src/core/progress/simulateResume';
import { planResume, type ResumePlan, type ResumeStrategy } from '../../server/src/core/resume/planResume';
import type { ApeVersion } from '../../server/src/core/schema/types';
import { POSITION_LINE_POOL, apeVersionArb, configTextArb, fixableConfigArb, linesOf, mutatedTemplateArb, progressTextArb } from './arbitraries';
import { embeds } from './embeds';

// The simulator and the planner decide where a production sync restarts. For any task config
// and any progress files: the simulator never throws and the line it names exists and carries
// the position it reports; the planner, for any config (CRLF, BOM, comments…) and any valid
// line, touches only the keys it is about, is idempotent, adds no lint error, and the simulator
// run on the edited files starts exactly there. (test/unit/resume/planMatrix.test.ts covers
// every variant × profile × strategy on clean configs; this is the arbitrary-input side.)

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

const CONFIG = '/t/task_config.ini';
const PATHS: Record<ProgressFileKind, string> = { position: '/t/logs/position.log', finished: '/t/logs/finished.log', resumeConfig: '/t/resume.config' };

const EXTRACTORS = [
  '[extractor]\ndb_type=mysql\nextract_type=cdc\nurl=mysql://u:p@h:3306\nserver_id=7\ngtid_enabled=true\n',
  '[extractor]\ndb_type=mysql\nextract_type=cdc\nurl=mysql://u:p@h:3306\nserver_id=7\nbinlog_filename=mysql-bin.000001\nbinlog_position=4\n',
  '[extractor]\ndb_type=pg\nextract_type=cdc\nurl=postgres://u:p@h:5432/d\nslot_name=s\n',
  '[extractor]\ndb_type=mongo\nextract_type=cdc\nurl=mongodb://h:27017\nsource=change_stream\n',
  '[extractor]\ndb_type=mongo\nextract_type=cdc\nurl=mongodb://h:27017\nsource=op_log\n',
  '[extractor]\ndb_type=redis\nextract_type=cdc\nurl=redis://:p@h:6379\n',
  '[extractor]\ndb_type=kafka\nextract_type=cdc\nurl=127.0.0.1:9092\ngroup=g\ntopic=t\n',
  '[extractor]\ndb_type=mysql\nextract_type=snapshot\nurl=mysql://u:p@h:3306\n',
  '[extractor]\ndb_type=pg\nextract_type=snapshot\nurl=postgres://u:p@h:5432/d\n',
];
const RESUMERS = [
  '',
  '[resumer]\nresume_type=from_log\n',
  '[resumer]\nresume_type=from_log\nconfig_file=./resume.config\n',
  '[resumer]\nresume_type=from_target\n',
  '[resumer]\nresume_from_log=true\nresume_log_dir=./logs\nresume_config_file=./resume.config\n',
  '[resumer]\n# resume from the log\nresume_from_log=true\n',
];
const SINK = (db: string) => `[sinker]\ndb_type=${db}\nsink_type=write\nurl=${db}://u:p@t:1\n`;

const FORMATS: ((t: string) => string)[] = [
  (t) => t,
  (t) => t.replace(/\n/g, '\r\n'),
  (t) => '\uFEFF' + t,
  (t) => '\uFEFF' + t.replace(/\n/g, '\r\n'),
  (t) => t.replace(/\n$/, ''),
  (t) => t.replace(/^(\w+)=/gm, '  $1 = '),
  (t) => t.replace(/^\[(\w+)\]$/gm, '# the $1 section\n[$1] ; header comment'),
  (t) => t.split('\n').map((l, i) => (i % 4 === 2 ? `${l}\r` : l)).join('\n'),
];

const VARIANT_OF: Record<string, string> = { mysql: 'MysqlCdc', pg: 'PgCdc', mongo: 'MongoCdc', redis: 'Redis', kafka: 'Kafka' };

/** Task configs of every task kind and resumer shape, in the formats users save them in, with the variant they resume. */
const resumableTaskArb = fc
  .tuple(fc.constantFrom(...EXTRACTORS), fc.constantFrom(...RESUMERS), fc.constantFrom('', '[runtime]\nlog_dir=./logs\n', '[runtime]\nlog_level=info\nlog_dir=./logs\n'), fc.nat(FORMATS.length - 1))
  .map(([ex, resumer, runtime, f]) => {
    const db = /db_type=(\w+)/.exec(ex)![1];
    const variant = ex.includes('extract_type=snapshot') ? 'RdbSnapshot' : VARIANT_OF[db];
    return { configText: FORMATS[f](`${ex}${SINK(db === 'kafka' ? 'mysql' : db)}${resumer}${runtime}`), variant };
  });
const resumableConfigArb = resumableTaskArb.map((t) => t.configText);

const anyConfigArb = fc.oneof({ weight: 4, arbitrary: resumableConfigArb }, { weight: 1, arbitrary: fixableConfigArb }, { weight: 1, arbitrary: mutatedTemplateArb }, { weight: 1, arbitrary: configTextArb });

const tagOf = (text: string | undefined): LogTag | null => (text && (LOG_TAGS as readonly string[]).includes(text) ? (text as LogTag) : null);

const filesArb = fc.record({
  position: fc.option(progressTextArb(POSITION_LINE_POOL, 40), { freq: 6 }),
  resumeConfig: fc.option(progressTextArb(POSITION_LINE_POOL, 8), { freq: 2 }),
  finished: fc.option(progressTextArb(POSITION_LINE_POOL, 8), { freq: 2 }),
});

describe('simulateResume, for any task config and any progress files', () => {
  it('never throws, and every line it names exists and carries the position it reports', () => {
    fc.assert(
      fc.property(anyConfigArb, filesArb, apeVersionArb, (configText, texts, version) => {
        const config = parseTaskConfig(configText);
        const given = new Map<string, { kind: ProgressFileKind; text: string }>();
        for (const kind of ['position', 'resumeConfig', 'finished'] as const) if (texts[kind] !== null) given.set(PATHS[kind], { kind, text: texts[kind]! });
        const files = {
          ...(texts.position !== null ? { positionLog: { path: PATHS.position, text: texts.position } } : {}),
          ...(texts.resumeConfig !== null ? { resumeConfig: { path: PATHS.resumeConfig, text: texts.resumeConfig } } : {}),
          ...(texts.finished !== null ? { finishedLog: { path: PATHS.finished, text: texts.finished } } : {}),
        };
        const p = simulateResume({ version, config, configDir: '/t', files });
        const why = `${JSON.stringify(configText)}\n${JSON.stringify(p).slice(0, 600)}`;
        const lineOf = (file: string, line: number) => {
          const src = given.get(file);
          expect(src, `${file} was not given: ${why}`).toBeDefined();
          const parsed = parseProgressFile(src!.text, { kind: src!.kind, version });
          const l = lineAt(parsed, line);
          expect(l, `line ${line} of ${file}: ${why}`).toBeDefined();
          const position = acceptedPosition(l!);
          expect(position, `line ${line} of ${file} has no accepted position: ${why}`).toBeDefined();
          return { parsed, l: l!, position: position! };
        };
        if (p.line !== null) {
          expect(['log', 'config_file']).toContain(p.source);
          const { parsed, l, position } = lineOf(p.file!, p.line);
          expect(p.variant, why).toBe(position.type);
          expect(p.slot, why).toBe(l.slot);
          expect(p.tag, why).toBe(tagOf(l.tag?.text));
          expect(p.payload, why).toBe(l.payload!.text);
          // The pick-a-line checks answer about that line and nothing else.
          for (const d of checkResumeFromLine(parsed, p.line)) {
            expect(['PL008', 'PL038']).toContain(d.code);
            expect([d.range.start.line, d.range.end.line]).toEqual([p.line, p.line]);
          }
        } else {
          expect(p.file === null || given.has(p.file), why).toBe(true);
        }
        for (const table of p.snapshot?.tables ?? []) {
          const { position } = lineOf(table.file, table.line);
          expect(['RdbSnapshot', 'FoxlakeS3'], why).toContain(position.type);
        }
        for (const done of p.snapshot?.finished ?? []) expect(lineOf(done.file, done.line).position.type, why).toBe('RdbSnapshotFinished');
      }),
      { numRuns: RUNS },
    );
  });

  it('planResume --latest plans the line it names in position.log', () => {
    fc.assert(
      fc.property(resumableConfigArb, progressTextArb(POSITION_LINE_POOL, 40), apeVersionArb, (configText, text, version) => {
        const p = simulateResume({ version, config: parseTaskConfig(configText), configDir: '/t', files: { positionLog: { path: PATHS.position, text } } });
        if (p.line === null || p.file !== PATHS.position) return;
        const outcome = planResume({ version, config: { path: CONFIG, text: configText }, log: { path: PATHS.position, text }, line: 'latest', allowCurrent: true });
        const why = `${JSON.stringify(configText)}\n${JSON.stringify(text.slice(0, 400))}\n${JSON.stringify(outcome).slice(0, 500)}`;
        if (outcome.ok) expect(outcome.plan.line, why).toBe(p.line);
        // A refusal may be about the plan (a snapshot line through the extractor…), never about the line itself.
        else expect(outcome.reason, why).not.toMatch(/^Line \d+ is not a position|holds no position/);
      }),
      { numRuns: RUNS },
    );
  });
});

// --- the planner -------------------------------------------------------------------------------

const EXTRACTOR_KEYS = new Set(Object.values(START_KEYS).flat());
const RESUMER_KEYS = new Set(['resume_type', 'config_file', 'log_dir', 'resume_from_log', 'resume_log_dir', 'resume_config_file']);
const mayTouch = (section: string, key: string) => (section === 'extractor' && EXTRACTOR_KEYS.has(key)) || (section === 'resumer' && RESUMER_KEYS.has(key));


const variantOfLine = (l: string) => /"type":"(\w+)"/.exec(l)?.[1];
const LINES_OF_VARIANT = new Map([...new Set(POSITION_LINE_POOL.map(variantOfLine))].map((v) => [v, POSITION_LINE_POOL.filter((l) => variantOfLine(l) === v)]));

/** A config, and mostly a line of the variant it resumes (else any line, for the refusals). */
const taskAndLineArb = fc.oneof(
  { weight: 4, arbitrary: resumableTaskArb.chain(({ configText, variant }) => fc.constantFrom(...(LINES_OF_VARIANT.get(variant) ?? POSITION_LINE_POOL)).map((chosen) => ({ configText, chosen }))) },
  { weight: 1, arbitrary: fc.record({ configText: fc.oneof(resumableConfigArb, fixableConfigArb), chosen: fc.constantFrom(...POSITION_LINE_POOL) }) },
);

const planInputArb = fc
  .record({
    task: taskAndLineArb,
    around: progressTextArb(POSITION_LINE_POOL, 20),
    at: fc.nat(),
    version: apeVersionArb,
    strategy: fc.constantFrom<ResumeStrategy | undefined>(undefined, 'extractor', 'resume-file'),
    crlf: fc.boolean(),
  })
  .map(({ task: { configText, chosen }, around, at, version, strategy, crlf }) => {
    const lines = around.split('\n');
    const line = at % lines.length;
    lines.splice(line, 0, chosen + (crlf ? '\r' : ''));
    return { configText, logText: lines.join('\n'), line, version, strategy };
  });

function plan(configText: string, logText: string, line: number, version: ApeVersion, strategy: ResumeStrategy | undefined, existingResumeFile?: string) {
  return planResume({ version, config: { path: CONFIG, text: configText }, log: { path: PATHS.position, text: logText }, line, strategy, allowCurrent: true, facts: { existingResumeFile } });
}

describe('planResume, for any config and any valid position line', () => {
  it('never throws; a plan changes only the start and resumer keys, and every other line stays byte for byte', () => {
    let offered = 0;
    fc.assert(
      fc.property(planInputArb, ({ configText, logText, line, version, strategy }) => {
        const outcome = plan(configText, logText, line, version, strategy);
        if (!outcome.ok) return;
        offered++;
        const out = outcome.plan.newConfigText;
        const why = `${JSON.stringify(configText)}\nline ${line} ${strategy} ${version}\n→ ${JSON.stringify(out)}`;
        const before = scanIni(configText);
        const after = scanIni(out);
        const value = (scan: typeof before, section: string, key: string) => scan.entries.filter((e) => e.section === section && e.key === key).map((e) => e.value);
        for (const e of [...before.entries, ...after.entries]) {
          if (mayTouch(e.section, e.key)) continue;
          expect(value(after, e.section, e.key), `${e.section}.${e.key} ${why}`).toEqual(value(before, e.section, e.key));
        }
        const touched = new Set(before.entries.filter((e) => mayTouch(e.section, e.key)).map((e) => e.line));
        const bare = (lines: string[]) => lines.map((l) => l.replace(/\r+$/, ''));
        const untouched = bare(linesOf(configText)).filter((_, i) => !touched.has(i));
        const added = (l: string) => {
          if (l === '' || l === '[extractor]' || l === '[resumer]') return true;
          const e = scanIni(l).entries[0];
          return e !== undefined && (mayTouch('extractor', e.key) || mayTouch('resumer', e.key));
        };
        expect(embeds(untouched, bare(linesOf(out)), added), why).toBe(true);
        if (!touched.has(0)) expect(out.startsWith('\uFEFF'), why).toBe(configText.startsWith('\uFEFF'));
        if (configText.includes('\r\n') && !/(^|[^\r])\n/.test(configText)) expect(/(^|[^\r])\n/.test(out), `a bare LF in a CRLF file: ${why}`).toBe(false);
      }),
      { numRuns: RUNS },
    );
    // Most inputs are plannable: the properties above are not vacuous.
    expect(offered).toBeGreaterThan(RUNS / 5);
  });

  it('is idempotent, adds no lint error, and the simulator on the edited files starts at that line', () => {
    fc.assert(
      fc.property(planInputArb, ({ configText, logText, line, version, strategy }) => {
        const outcome = plan(configText, logText, line, version, strategy);
        if (!outcome.ok) return;
        const p: ResumePlan = outcome.plan;
        const why = `${JSON.stringify(configText)}\nline ${line} ${p.strategy} ${version}\n→ ${JSON.stringify(p.newConfigText)}`;
        // Planning again on the result (with the resume file as written) changes nothing more.
        const again = plan(p.newConfigText, logText, line, version, strategy, p.files[0]?.text);
        expect(again.ok ? again.plan.newConfigText : again.reason, why).toBe(p.newConfigText);
        if (again.ok) expect(again.plan.files.map((f) => f.text), why).toEqual(p.files.map((f) => f.text));
        // Re-linting adds no error.
        const errors = (text: string) => new Set(lintConfig(text, { version }).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`));
        const had = errors(configText);
        for (const e of errors(p.newConfigText)) expect(had.has(e), `${e} ${why}`).toBe(true);
        // The simulator, on the files as they will be on disk, independently of the planner's own check.
        const config = parseTaskConfig(p.newConfigText);
        const setup = simulateResume({ version, config, configDir: '/t', files: {} }).setup;
        const written = p.files.find((f) => f.path === setup.configFile?.path);
        const files = {
          ...(written ? { resumeConfig: { path: written.path, text: written.text } } : {}),
          ...(setup.positionLogPath === PATHS.position ? { positionLog: { path: PATHS.position, text: logText } } : {}),
        };
        const predicted = simulateResume({ version, config, configDir: '/t', files });
        const position = acceptedPosition(lineAt(parseProgressFile(logText, { kind: 'position', version }), line)!)!;
        if (p.strategy === 'extractor') {
          expect(predicted.source, why).toBe('extractor');
          const wanted = effectiveStart(parseTaskConfig(configText), version, position);
          // Keys the extractor ignores in this setup need not follow the position: gtid_set
          // without gtid_enabled=true, resume_token with source=op_log.
          const ignored = (k: string) => (k === 'gtid_set' && predicted.start.gtid_enabled !== 'true') || (k === 'resume_token' && predicted.start.source === 'op_log');
          for (const k of wanted.overridden) if (!ignored(k)) expect(predicted.start[k], `${k} ${why}`).toBe(wanted.start[k]);
        } else if (position.type === 'RdbSnapshot') {
          const table = predicted.snapshot?.tables.find((t) => t.schema === String(position.values.schema) && t.tb === String(position.values.tb));
          expect(table?.source, why).toBe('config_file');
        } else {
          expect([predicted.source, predicted.payload], why).toEqual(['config_file', p.payload]);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// Counterexamples these properties found, kept as plain cases.
describe('planResume regressions found by the properties', () => {
  it('refuses extractor keys for a task that is not CDC (extract_type misspelt): ape-dts would not start from them', () => {
    const configText = '[extractor]\ndb_type=pg\nxtract_type=snapshot\nurl=postgres://u:p@h:5432/d\n[sinker]\ndb_type=pg\nsink_type=write\n[runtime]\nlog_dir=./logs\n';
    const logText = '2024-10-18 05:22:55.336047 | current_position | {"type":"PgCdc","lsn":"2/CF3C48BF","timestamp":"2024-10-18 05:22:55.256"}\n';
    const outcome = plan(configText, logText, 0, '2.0.24', undefined);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toBe('The plan was not applied: after it, ape-dts would still not start from line 1 (start_lsn would be (missing)).');
  });

  it('planning a snapshot table again keeps the other tables the first plan wrote to the resume file', () => {
    const configText = '[extractor]\ndb_type=mysql\nextract_type=snapshot\nurl=mysql://u:p@h:3306\n[sinker]\ndb_type=mysql\nsink_type=write\n[resumer]\nresume_from_log=true\n';
    const row = (tb: string, value: number) => `2024-10-18 05:21:55.228731 | current_position | {"type":"RdbSnapshot","db_type":"mysql","schema":"shop","tb":"${tb}","order_col":"id","value":"${value}"}`;
    const logText = `${row('a', 2346)}\n${row('b', 12655)}`;
    const once = plan(configText, logText, 0, '2.0.24', undefined);
    if (!once.ok) throw new Error(once.reason);
    expect(once.plan.files[0].text).toContain('"tb":"b"');
    const twice = plan(once.plan.newConfigText, logText, 0, '2.0.24', undefined, once.plan.files[0].text);
    if (!twice.ok) throw new Error(twice.reason);
    expect(twice.plan.newConfigText).toBe(once.plan.newConfigText);
    expect(twice.plan.files[0].text).toBe(once.plan.files[0].text);
  });

  it('planning again after the plan moved log_dir does not read the old position.log as the new one', () => {
    const configText = '[extractor]\ndb_type=mysql\nextract_type=snapshot\nurl=mysql://u:p@h:3306\n[sinker]\ndb_type=mysql\nsink_type=write\n';
    const logText = '2024-10-18 05:21:55.228731 | current_position | {"type":"RdbSnapshot","db_type":"mysql","schema":"shop","tb":"a","order_col":"id","value":"2346"}\n{"type":"RdbSnapshotFinished","db_type":"mysql","schema":"shop","tb":"b"}';
    const once = plan(configText, logText, 0, '2.0.26', 'resume-file');
    if (!once.ok) throw new Error(once.reason);
    expect(once.plan.newConfigText).toContain('log_dir=./resume_from_file');
    const twice = plan(once.plan.newConfigText, logText, 0, '2.0.26', 'resume-file', once.plan.files[0].text);
    if (!twice.ok) throw new Error(twice.reason);
    expect(twice.plan.files[0].text).toBe(once.plan.files[0].text);
  });
});
