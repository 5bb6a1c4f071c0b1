import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { parseTaskConfig } from '../../../server/src/core/model/taskConfig';
import { lintProgress } from '../../../server/src/core/progress/lintProgress';
import { parseProgressLine } from '../../../server/src/core/progress/parseProgressLine';
import { classifyProgressFile } from '../../../server/src/core/progress/progressFileKind';
import { resolveResumeSetup } from '../../../server/src/core/progress/resumeSetup';
import { simulateResume } from '../../../server/src/core/progress/simulateResume';
import { PROFILE_OF, type ApeVersion, type Profile } from '../../../server/src/core/schema/types';

// Every sample line of the spec and every progress file of ape-dts's own tests (../shared)
// must read as ape-dts reads it. They are read in place, never copied into the project.

const SHARED = path.resolve(__dirname, '../../../../shared');
const CORPUS = path.join(SHARED, 'corpus');
const SPEC = path.join(SHARED, 'spec', 'position-schema.json');
const present = fs.existsSync(CORPUS) && fs.existsSync(SPEC);
if (!present && process.env.CI === 'true') throw new Error(`shared corpus/spec missing at ${SHARED}`);

const TAGS: Record<string, ApeVersion> = { 'ape-dts-v2.0.24': '2.0.24', 'ape-dts-v2.0.26': '2.0.26' };

function progressFiles(): { file: string; version: ApeVersion }[] {
  const out: { file: string; version: ApeVersion }[] = [];
  const walk = (dir: string, version: ApeVersion) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, version);
      else if (classifyProgressFile(p)) out.push({ file: p, version });
    }
  };
  for (const [tag, version] of Object.entries(TAGS)) walk(path.join(CORPUS, tag), version);
  return out;
}

/** Every `example` of the position schema, with the profiles it belongs to. */
function specExamples(): { example: string; profiles: Profile[] }[] {
  const schema = JSON.parse(fs.readFileSync(SPEC, 'utf8'));
  const out: { example: string; profiles: Profile[] }[] = [];
  for (const v of Object.values<Record<string, unknown>>(schema.variants)) {
    if (typeof v.example === 'string') out.push({ example: v.example, profiles: v.profiles as Profile[] });
    for (const shape of Object.values((v.shapes ?? {}) as Record<string, Record<string, unknown>>)) {
      out.push({ example: shape.example as string, profiles: shape.profiles as Profile[] });
    }
  }
  return out;
}

describe.runIf(present)('the spec and the corpus', () => {
  it('every example line of the position schema parses in each of its profiles', () => {
    const examples = specExamples();
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const { example, profiles } of examples) {
      for (const profile of profiles) {
        const kind = example.includes('RdbSnapshotFinished') ? 'finished' : 'resumeConfig';
        const l = parseProgressLine(example, 0, kind, profile);
        expect([profile, l.jsonError, l.decoded?.rejections]).toEqual([profile, undefined, []]);
      }
    }
  });

  it('every line of every corpus position.log, finished.log and resume.config parses at its tag', () => {
    const files = progressFiles();
    expect(files.length).toBe(26);
    for (const { file, version } of files) {
      const kind = classifyProgressFile(file)!.kind;
      fs.readFileSync(file, 'utf8').split('\n').forEach((text, n) => {
        const l = parseProgressLine(text, n, kind, PROFILE_OF[version]);
        if (l.kind === 'blank' || l.kind === 'comment') return;
        expect([file, n, l.kind, l.jsonError, l.decoded?.rejections]).toEqual([file, n, 'position', undefined, []]);
      });
    }
  });

  it('linting them at their tag gives no error; the stale legacy-shape fixture read by 2.0.26 gets PL006 warnings', () => {
    const stale = path.join('ape-dts-v2.0.26', 'dt-tests/tests/pg_to_pg/snapshot/resume_test');
    for (const { file, version } of progressFiles()) {
      const found = lintProgress({ version, path: file, text: fs.readFileSync(file, 'utf8') });
      expect([file, found.filter((d) => d.severity === 'error').map((d) => d.code)]).toEqual([file, []]);
      if (file.includes(stale) && !file.endsWith('finished.log')) expect(found.map((d) => d.code), file).toContain('PL006');
    }
  });

  it.each([
    ['ape-dts-v2.0.24', 'mysql_to_mysql/snapshot/resume_test', '2.0.24', 7, 4],
    ['ape-dts-v2.0.26', 'mysql_to_mysql/snapshot/resume_log_test', '2.0.26', 11, 4],
  ] as const)('%s %s: the resume plan built from its own task_config.ini', (tag, dir, version, tables, finished) => {
    const root = path.join(CORPUS, tag);
    const config = parseTaskConfig(fs.readFileSync(path.join(root, 'dt-tests/tests', dir, 'task_config.ini'), 'utf8'));
    // As the CLI does it: ask which files the resumer reads, read those that exist.
    const setup = resolveResumeSetup(config, version, root);
    const read = (p?: string) => (p && fs.existsSync(p) ? { path: p, text: fs.readFileSync(p, 'utf8') } : undefined);
    const p = simulateResume({
      version,
      config,
      configDir: root,
      files: { positionLog: read(setup.positionLogPath), finishedLog: read(setup.finishedLogPath), resumeConfig: read(setup.configFile?.path) },
    });
    expect(p.snapshot?.tables.length).toBe(tables);
    expect(p.snapshot?.finished.length).toBe(finished);
    const inLog = p.snapshot!.tables.find((t) => t.tb === 'in_position_log_table_*$1')!;
    expect([inLog.source, inLog.line, inLog.slot]).toEqual(['log', 2, 'current']); // value 1 beats value 0 on line 0
    expect(p.source).toBe('log');
  });
});
