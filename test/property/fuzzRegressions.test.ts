import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFileBytes } from '../../server/src/cli/lintFile';
import { applyEdits } from '../../server/src/core/edits/textEdit';
import { codeActionsFor, fixAll } from '../../server/src/core/features/codeActions';
import { completeAt } from '../../server/src/core/features/completion';
import { definitionAt } from '../../server/src/core/features/definition';
import { foldingRanges } from '../../server/src/core/features/folding';
import { hoverAt } from '../../server/src/core/features/hover';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { lintConfig } from '../../server/src/core/lintConfig';
import { parseTaskConfig } from '../../server/src/core/model/taskConfig';
import { decodeProgressBytes } from '../../server/src/core/progress/decodeProgressBytes';
import { lintProgress } from '../../server/src/core/progress/lintProgress';
import { simulateResume } from '../../server/src/core/progress/simulateResume';
import { planResume } from '../../server/src/core/resume/planResume';
import { VERSIONS } from '../../server/src/core/schema/types';
import type { Range } from '../../server/src/core/diagnostic';
import { VERSION_SETTINGS } from '../../server/src/core/schema/resolveVersion';
import { REPO_ROOT, ensureBuilt, runCli, type JsonDiagnostic } from '../cli/runCli';
import { ServerSession } from '../lsp/serverSession';
import { linesOf, rangeInside } from './arbitraries';

// Every input that once crashed, hung or broke an invariant (found by `npm run fuzz` or the
// property tests) is kept in test/fixtures/fuzz-regressions/ with a note of what went wrong,
// and replayed here against the core, the CLI and the language server.

const DIR = path.join(REPO_ROOT, 'test/fixtures/fuzz-regressions');
const inputs = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.ini'))
  .sort();

interface Note {
  target: 'cli' | 'server' | 'both';
  kind: string;
  detail: string;
}

const note = (name: string): Note => JSON.parse(fs.readFileSync(path.join(DIR, name.replace(/\.ini$/, '.json')), 'utf8')) as Note;

/** A hang guard only, generous for a shared runner: speed is `npm run bench`'s concern. */
const HANG_MS = 20_000;

it('every kept input has its note', () => {
  expect(inputs.length).toBeGreaterThan(0);
  for (const name of inputs) expect(note(name).detail.length).toBeGreaterThan(0);
});

describe.each(inputs)('%s', (name) => {
  const bytes = fs.readFileSync(path.join(DIR, name));

  it('the core lints it at every version, and every feature answers inside the document', () => {
    for (const version of VERSION_SETTINGS) {
      const report = lintFileBytes(name, bytes, version);
      if (!report.config) continue; // not UTF-8: the encoding diagnostic is the whole report
      const text = report.config.scan.text;
      const lines = linesOf(text);
      const result = lintConfig(text, { version });
      for (const d of result.diagnostics) expect(rangeInside(lines, d.range), `${d.code} ${JSON.stringify(d.range)}`).toBe(true);
      // Features once, with the profile auto picks (the version only changes what they say).
      if (version !== 'auto') continue;
      const step = Math.max(1, Math.floor(lines.length / 20));
      for (let l = 0; l < lines.length; l += step) {
        for (const character of [1, Math.floor(lines[l].length / 2), lines[l].length + 3]) {
          const position = { line: l, character };
          hoverAt(result, position);
          for (const item of completeAt(result, position)) expect(rangeInside(lines, item.textEdit.range)).toBe(true);
          definitionAt(result, position, '/work/tasks');
        }
      }
      // The first hundred lines: a whole-file request on a load case is fix-all's test below.
      for (const action of codeActionsFor(result, { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } })) {
        for (const e of action.edits) expect(rangeInside(lines, e.range)).toBe(true);
      }
      documentSymbols(result);
      foldingRanges(result);
      // Fix-all is stable: once applied, it has nothing more to do.
      const all = fixAll(result);
      if (all) expect(fixAll(lintConfig(applyEdits(text, all.edits), { version }))).toBeUndefined();
    }
    // Only a hang fails here (the test's own timeout); the time budget is the CLI's, checked below.
  }, 60_000);

  it('the CLI exits 0 or 1 with a JSON report', () => {
    ensureBuilt();
    const file = path.join(DIR, name);
    const r = runCli(['lint', '--format', 'json', file], undefined, HANG_MS);
    expect([0, 1], r.stderr || `killed after ${HANG_MS} ms`).toContain(r.status);
    const rows = JSON.parse(r.stdout) as JsonDiagnostic[];
    expect(r.status === 1).toBe(rows.some((d) => d.severity === 'error'));
  });
});

describe('the language server on every kept input', () => {
  let session: ServerSession;
  beforeAll(async () => {
    ensureBuilt();
    session = await ServerSession.start();
  });
  afterAll(() => session?.stop());

  it.each(inputs)('%s: published, and hover, completion, code actions and symbols answered', async (name) => {
    const uri = `file:///fuzz-regressions/${name}`;
    const text = fs.readFileSync(path.join(DIR, name)).toString('utf8');
    await session.open(uri, text);
    await session.nextDiagnostics(uri);
    const lines = linesOf(text);
    const last = lines.length - 1;
    const ask = (method: string, params: object) => session.connection.sendRequest(method, { textDocument: { uri }, ...params });
    await Promise.all([
      ask('textDocument/hover', { position: { line: Math.min(1, last), character: 5 } }),
      ask('textDocument/completion', { position: { line: last, character: lines[last].length } }),
      ask('textDocument/codeAction', { range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics: [] } }),
      ask('textDocument/documentSymbol', {}),
      ask('textDocument/foldingRange', {}),
    ]);
    await session.close(uri);
    expect(session.alive()).toBe(true);
    // A handler that threw is logged as an error; none may have.
    const errors = session.received.filter((r) => r.method === 'window/logMessage' && (r.params as { type?: number }).type === 1);
    expect(errors).toEqual([]);
  });
});

// Progress files (`.progress`, bytes of a position.log / finished.log / resume config; the note
// names which, and the task config that reads it) go through the progress path: lintProgress,
// simulateResume and planResume in the core, `lint` and `resume-point` in the CLI, and the
// server with the file opened as ape-dts-position / -finished / -resume-config.

interface ProgressNote extends Note {
  file: 'position.log' | 'finished.log' | 'resume.config';
  config: string;
}

const progressInputs = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.progress'))
  .sort();
const progressNote = (name: string): ProgressNote => JSON.parse(fs.readFileSync(path.join(DIR, name.replace(/\.progress$/, '.json')), 'utf8')) as ProgressNote;
const PROGRESS_LAYOUT = {
  'position.log': { rel: 'logs/position.log', kind: 'position', languageId: 'ape-dts-position' },
  'finished.log': { rel: 'logs/finished.log', kind: 'finished', languageId: 'ape-dts-finished' },
  'resume.config': { rel: 'resume.config', kind: 'resumeConfig', languageId: 'ape-dts-resume-config' },
} as const;

/** The task folder the input was found in: task_config.ini and the progress file where its resumer looks. */
function layOutProgress(name: string): { dir: string; file: string } {
  const n = progressNote(name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-progress-regression-'));
  fs.mkdirSync(path.join(dir, 'logs'));
  fs.writeFileSync(path.join(dir, 'task_config.ini'), n.config);
  const file = path.join(dir, PROGRESS_LAYOUT[n.file].rel);
  fs.copyFileSync(path.join(DIR, name), file);
  return { dir, file };
}

it('every kept progress input has its note, naming the file and the task config', () => {
  for (const name of progressInputs) {
    const n = progressNote(name);
    expect(n.detail.length).toBeGreaterThan(0);
    expect(Object.keys(PROGRESS_LAYOUT)).toContain(n.file);
    expect(typeof n.config).toBe('string');
  }
});

describe.each(progressInputs)('%s', (name) => {
  const n = progressNote(name);
  const { kind, rel } = PROGRESS_LAYOUT[n.file];
  const text = decodeProgressBytes(fs.readFileSync(path.join(DIR, name))).text;

  it('the core lints, simulates and plans it at every version', () => {
    const lines = linesOf(text);
    const config = parseTaskConfig(n.config);
    const filePath = path.join('/t', rel);
    for (const version of VERSIONS) {
      for (const d of lintProgress({ version, kind, text, path: filePath, config, configDir: '/t' })) expect(rangeInside(lines, d.range), `${d.code} ${JSON.stringify(d.range)}`).toBe(true);
      const files = kind === 'position' ? { positionLog: { path: filePath, text } } : kind === 'finished' ? { finishedLog: { path: filePath, text } } : { resumeConfig: { path: filePath, text } };
      simulateResume({ version, config, configDir: '/t', files });
      if (kind !== 'finished') planResume({ version, config: { path: '/t/task_config.ini', text: n.config }, log: { path: filePath, text, kind }, line: 'latest' });
    }
  }, 60_000);

  it('the CLI lints the task folder and prints the resume point', () => {
    ensureBuilt();
    const { dir } = layOutProgress(name);
    try {
      const lint = runCli(['lint', '--format', 'json', dir], undefined, HANG_MS);
      expect([0, 1], lint.stderr || `killed after ${HANG_MS} ms`).toContain(lint.status);
      const rows = JSON.parse(lint.stdout) as JsonDiagnostic[];
      expect(lint.status === 1).toBe(rows.some((d) => d.severity === 'error'));
      const point = runCli(['resume-point', path.join(dir, 'task_config.ini'), '--format', 'json'], undefined, HANG_MS);
      expect([0, 1], point.stderr || `killed after ${HANG_MS} ms`).toContain(point.status);
      expect(['log', 'config_file', 'extractor']).toContain((JSON.parse(point.stdout) as { source: string }).source);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(progressInputs.length > 0)('the language server on every kept progress input', () => {
  let session: ServerSession;
  beforeAll(async () => {
    ensureBuilt();
    session = await ServerSession.start();
  });
  afterAll(() => session?.stop());

  it.each(progressInputs)('%s: published, and hover, code lens and symbols answered', async (name) => {
    const { dir, file } = layOutProgress(name);
    try {
      const uri = pathToFileURL(file).toString();
      const text = fs.readFileSync(file).toString('utf8');
      await session.open(uri, text, PROGRESS_LAYOUT[progressNote(name).file].languageId);
      const published = await session.nextDiagnostics(uri);
      const lines = linesOf(text);
      for (const d of (published as unknown as { diagnostics: { range: Range }[] }).diagnostics) expect(rangeInside(lines, d.range)).toBe(true);
      const ask = (method: string, params: object) => session.connection.sendRequest(method, { textDocument: { uri }, ...params });
      await Promise.all([
        ...lines.slice(0, 20).map((l, line) => ask('textDocument/hover', { position: { line, character: Math.floor(l.length / 2) } })),
        ask('textDocument/codeLens', {}),
        ask('textDocument/documentSymbol', {}),
        ask('textDocument/foldingRange', {}),
      ]);
      await session.close(uri);
      expect(session.alive()).toBe(true);
      const errors = session.received.filter((r) => r.method === 'window/logMessage' && (r.params as { type?: number }).type === 1);
      expect(errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
