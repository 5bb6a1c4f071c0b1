import type { Diagnostic } from '../diagnostic';
import type { TaskConfig } from '../model/taskConfig';
import { taskView, type TaskView } from '../schema/conditions';
import { PROFILE_OF, type ApeVersion, type Profile } from '../schema/types';
import { CDC_VARIANT_OF } from './chooseCdcPosition';
import { resumeLineOf } from './lintProgress';
import { parseProgressLine } from './parseProgressLine';
import { classifyProgressFile, type ProgressFileName } from './progressFileKind';
import type { ProgressFile, ProgressLine } from './progressLine';
import { resolveResumeSetup, type ResumeSetup } from './resumeSetup';
import type { ResumePrediction } from './simulateResume';
import { TAIL_NEWLINES, type TailWindow } from './tailWindow';
import { fieldValueRules } from './rules/fieldValues';
import { fileFactRules } from './rules/fileFacts';
import { lineGrammarRules } from './rules/lineGrammar';
import { orderingRules } from './rules/ordering';
import { reporterFor, type ProgressFacts, type ProgressRule, type ProgressRuleContext } from './rules/progressRule';
import { rejectedLineRules } from './rules/rejectedLines';
import { sharedLogDirRules } from './rules/sharedLogDir';
import { snapshotShapeRules } from './rules/snapshotShape';
import { tailWindowRules } from './rules/tailWindowRules';
import { taskFitRules } from './rules/taskFit';
import { fastLineFacts, gtidShape, lineFacts, type AcceptedFacts, type GtidShape, type LineFacts } from './streamFacts';
import { LoggedValues } from './loggedValues';
import { gtidSetContains, parseGtidSet } from './values/gtidSet';
import { utcMillis } from './values/logTime';
import { VARIANTS } from './variants/index';
import type { VariantFamily } from './variants/variantSpec';

// lintProgress for a position.log of any size, in bounded memory: lines are fed one at a time
// and the same diagnostics come out (the same rules, messages and severities; checked against
// lintProgress in test/unit/progress/streamValidate.test.ts).
//
// How: ape-dts reads only the last 200 lines (the window). A reader that knows where they start
// (io/streamProgressFile.ts scans back from the end) says so (windowMarked); otherwise each line
// is held back until 200 more have come. A line before the window is checked once, as it goes
// by, by the per-line rules (in chunks, never all lines at once); the window is checked at the
// end like a small file. Rules over the whole file keep only what they need: the first
// value per PL011 tracker, the last position per stream (PL012/PL013), the last CDC line and the
// last line per snapshot table before the window (PL016), the first line (PL017), the first
// line of another source (PL010) and the first Redis line (PL029). At the end those few lines
// are parsed again and the real rules run on them plus the window, so no rule is re-implemented:
// this module only decides which lines each rule must see.
//
// Most lines take a fast path (streamFacts.ts) that reads ape-dts's own line shapes with a
// quick header check and one regular expression; anything else is parsed in full.
// Which positions were logged before (PL012/PL013) is kept in typed arrays and a Bloom filter
// (loggedValues.ts); the rare "maybe" is settled by a second pass over the file.
//
// Diagnostics are emitted mostly in line order: in sorted batches as lines go by (a line parsed
// in full is reported with its chunk, so a little later than its neighbours), and the
// whole-file findings (about lines anywhere) at end(). Sort them if order matters.

/** Rules that look at one line at a time: run on chunks of lines. */
export const LINE_RULES: readonly ProgressRule[] = [
  ...lineGrammarRules,
  ...rejectedLineRules.filter((r) => r.id !== 'PL014'),
  ...fieldValueRules,
  ...snapshotShapeRules,
];
/** Whole-file rules run at the end, on the window plus the few earlier lines they need. */
export const FILE_RULES: readonly ProgressRule[] = [
  ...rejectedLineRules.filter((r) => r.id === 'PL014'),
  ...orderingRules.filter((r) => r.id === 'PL028'),
  ...tailWindowRules,
  ...taskFitRules,
  ...fileFactRules,
];
/** Whole-file rules whose trigger is tracked while streaming, then confirmed by the rule itself on two lines. */
export const PAIR_RULES: readonly ProgressRule[] = [...sharedLogDirRules, ...orderingRules.filter((r) => r.id === 'PL012' || r.id === 'PL013')];
const STEP_RULES = PAIR_RULES.filter((r) => r.id !== 'PL011');

export interface StreamValidateOptions {
  version: ApeVersion;
  /** The file's path; its name tells a rolled archive (position3.log) that ape-dts never reads. */
  path?: string;
  config?: TaskConfig;
  configDir?: string;
  prediction?: ResumePrediction;
  facts?: ProgressFacts;
  /** Lines per chunk of the per-line rules (memory vs. call overhead); default 512. */
  chunkLines?: number;
  /**
   * The caller calls windowBegins() before the first of the last 200 lines (it knows where they
   * start), so no line is held back. Otherwise every line is held back by 200 lines.
   */
  windowMarked?: boolean;
}

/** A second pass over the file, needed only when a position seems to step back long after it was logged. */
export interface Recheck {
  /** Feed lines from the top again, up to (not including) this line number. */
  untilLine: number;
}

interface Kept {
  line: number;
  /** The line as given (compact() copies it out of the chunk it was cut from). */
  raw: string;
}

interface Seen extends Kept {
  a: AcceptedFacts;
}

interface Pending {
  line: number;
  stream: string;
  value: bigint[];
  found: Diagnostic[];
}

export class ProgressStreamValidator {
  private readonly profile: Profile;
  private readonly name: ProgressFileName | undefined;
  private readonly archive: boolean;
  private readonly task: TaskView | undefined;
  private readonly setup: ResumeSetup | undefined;
  private readonly gapMs: number;
  private readonly chunkLines: number;
  private readonly expected: VariantFamily[] | undefined;
  private readonly facts: ProgressFacts;

  private next = 0;
  private windowStart: number | undefined;
  private ring: string[] = new Array(TAIL_NEWLINES);
  private readonly windowRaw: string[] = [];
  private chunk: ProgressLine[] = [];
  private out: Diagnostic[] = [];
  private firstLine: Kept | undefined;
  private lastNonBlankPre: Kept | undefined;

  // detectRuns, streamed
  private runStarted = false;
  private runPrevMs: number | undefined;
  private lastTimeText: string | undefined;
  private lastTimeMs: number | undefined;

  // PL012/PL013: the last position per slot|stream in this run; recent values; unconfirmed findings
  private last = new Map<string, Seen>();
  private readonly streamIds = new Map<string, number>();
  private readonly logged = new LoggedValues();
  private pending: Pending[] = [];
  // The last two orders added to `logged` (see observe).
  private rememberedA: AcceptedFacts['order'];
  private rememberedB: AcceptedFacts['order'];

  // PL011 trackers: the first value and where it was, until the first change is found
  private readonly trackers: Record<'family' | 'server' | 'base' | 'db', { first?: Kept & { value: string }; done: boolean }> = {
    family: { done: false },
    server: { done: false },
    base: { done: false },
    db: { done: false },
  };
  private redisId: (Kept & { value: string }) | undefined;
  private redisDone = false;

  // Lines before the window the file rules need
  private firstAcceptedPre: Kept | undefined;
  private lastCdcPre: Kept | undefined;
  private readonly snapshotLastPre = new Map<string, Kept>();
  private firstNonFittingPre: Kept | undefined;
  /** A family seen to fit `expected` (or any, once firstNonFittingPre is found): most lines skip the look-up. */
  private fits: VariantFamily | undefined;
  private firstRedis: Kept | undefined;

  private secondPass: { firstSeen: Map<string, number>; streams: Set<string>; line: number } | undefined;

  constructor(
    private readonly options: StreamValidateOptions,
    private readonly emit: (d: Diagnostic) => void,
  ) {
    this.profile = PROFILE_OF[options.version];
    this.name = options.path ? classifyProgressFile(options.path) : undefined;
    this.archive = this.name?.archive !== undefined;
    this.facts = { ...options.facts };
    this.task = options.config && taskView(options.config, options.version);
    this.setup = options.config && resolveResumeSetup(options.config, options.version, options.configDir);
    const interval = Number(this.task?.eff('pipeline.checkpoint_interval_secs') ?? '10') || 10;
    this.gapMs = (2 * interval + 5) * 1000;
    this.chunkLines = options.chunkLines ?? 512;
    const setup = this.setup;
    if (setup && (setup.taskKind === 'cdc' || setup.taskKind === 'snapshot')) {
      this.expected = setup.taskKind === 'snapshot' ? ['snapshot', 'foxlake'] : [VARIANTS[CDC_VARIANT_OF[setup.dbType ?? ''] ?? 'None'].family];
    }
  }

  /**
   * One line of the file (without its '\n'), in order: every piece of text.split('\n'), so a
   * file that ends with a line break ends with an empty line. The last 200 lines are the part
   * ape-dts reads (see tailWindowOf): each line is held back until 200 more have come, then
   * checked as one ape-dts does not read.
   */
  line(raw: string): void {
    const n = this.next++;
    if (n === 0) this.firstLine = { line: 0, raw: flat(raw) };
    if (this.archive) {
      this.before(raw, n);
      return;
    }
    if (this.options.windowMarked) {
      if (this.windowStart === undefined) this.before(raw, n);
      else this.windowRaw.push(raw);
      return;
    }
    const slot = n % TAIL_NEWLINES;
    if (n >= TAIL_NEWLINES) this.before(this.ring[slot], n - TAIL_NEWLINES);
    this.ring[slot] = raw;
  }

  /**
   * With `windowMarked`: the next line is the first of the window (the last 200 lines, which
   * a reader of a file finds by a backward scan for the 200th line break from the end).
   */
  windowBegins(): void {
    this.windowStart ??= this.next;
  }

  /** A line before the window. */
  private before(raw: string, n: number): void {
    let facts = fastLineFacts(raw, n, this.profile, this.facts);
    if (!facts) {
      // Kept in the chunk for a while: a copy, so it does not keep the text it was cut from alive.
      raw = flat(raw);
      const parsed = parseProgressLine(raw, n, 'position', this.profile);
      if (parsed.kind === 'blank') return;
      facts = lineFacts(parsed, this.profile);
      if (this.chunk.length >= this.chunkLines) this.flushChunk(null);
      this.chunk.push(parsed);
    } else if (this.chunk.length >= this.chunkLines) this.flushChunk(null);
    if (this.lastNonBlankPre) {
      this.lastNonBlankPre.line = n;
      this.lastNonBlankPre.raw = raw;
    } else this.lastNonBlankPre = { line: n, raw };
    this.observe(facts, raw, false);
    // A file full of findings (two tasks in one log: every line steps back) must not pile them up.
    if (this.out.length >= 256) this.drain();
  }

  /** The invalid UTF-8 byte found by the reader (PL018), when the caller did not give it in facts. */
  noteInvalidUtf8(at: { line: number; character: number }): void {
    this.facts.invalidUtf8 ??= at;
  }

  /**
   * Big files come in chunks of text, and a line kept from a chunk may keep the whole chunk
   * alive: call this after each chunk so the few kept lines are copied out of it.
   */
  compact(): void {
    const copy = (k: Kept | undefined) => {
      if (k) k.raw = flat(k.raw);
    };
    copy(this.lastNonBlankPre);
    copy(this.firstLine);
    for (const s of this.last.values()) {
      copy(s);
      s.a = flatFacts(s.a);
    }
    copy(this.lastCdcPre);
    if (this.redisId) {
      copy(this.redisId);
      this.redisId.value = flat(this.redisId.value);
    }
    for (const k of this.snapshotLastPre.values()) copy(k);
  }

  /**
   * After the last line. Emits everything except findings that need a second pass; returns
   * that need (rare: a position that goes back to a value logged long before), else undefined.
   */
  end(): Recheck | undefined {
    // The held-back lines are the window (none for an archive, which ape-dts never reads).
    if (this.archive) this.windowStart = this.next;
    else if (this.options.windowMarked) this.windowStart ??= this.next;
    else {
      const held = Math.min(this.next, TAIL_NEWLINES);
      this.windowStart = this.next - held;
      for (let i = 0; i < held; i++) this.windowRaw.push(this.ring[(this.windowStart + i) % TAIL_NEWLINES]);
      this.ring = [];
    }
    const windowLines = this.windowRaw.map((raw, i) => parseProgressLine(raw, this.windowStart! + i, 'position', this.profile));
    const windowNonBlank = windowLines.filter((l) => l.kind !== 'blank');
    // The file's last non-blank line decides PL014 (and spares it from PL002).
    const lastNonBlank = windowNonBlank.length > 0 ? windowNonBlank[windowNonBlank.length - 1] : this.lastNonBlankPre && this.reparse(this.lastNonBlankPre);
    const chunkHasLast = lastNonBlank !== undefined && this.chunk.some((l) => l.line === lastNonBlank.line);
    this.flushChunk(chunkHasLast ? this.chunk.find((l) => l.line === lastNonBlank!.line)! : null);

    for (const l of windowNonBlank) this.observe(lineFacts(l, this.profile), this.windowRaw[l.line - this.windowStart!], true);

    const startLine = this.archive ? Number.MAX_SAFE_INTEGER : this.windowStart;
    const window: TailWindow = this.archive
      ? { startLine, lineCount: 0, newlines: 0, complete: true }
      : { startLine, lineCount: windowLines.length, newlines: TAIL_NEWLINES, complete: true };
    const windowFile: ProgressFile = {
      kind: 'position',
      version: this.options.version,
      profile: this.profile,
      firstLine: startLine === Number.MAX_SAFE_INTEGER ? this.next : startLine,
      lines: windowLines,
      endsWithNewline: this.windowRaw.length > 0 && this.windowRaw[this.windowRaw.length - 1] === '',
    };
    const windowCtx = this.context(windowFile, window, windowNonBlank, lastNonBlank ?? null);
    windowCtx.resumeLine = resumeLineOf(windowCtx, this.options);
    this.run(LINE_RULES, windowCtx);

    // The whole-file rules see the window plus the earlier lines they need, in file order.
    const kept = new Map<number, Kept>();
    for (const k of [this.firstAcceptedPre, this.lastCdcPre, this.firstNonFittingPre, this.firstRedis, ...this.snapshotLastPre.values()]) {
      if (k && k.line < startLine) kept.set(k.line, k);
    }
    const earlier = [...kept.values()].sort((a, b) => a.line - b.line).map((k) => this.reparse(k));
    const firstParsed = this.firstLine && (this.firstLine.line >= startLine ? windowLines[0] : this.reparse(this.firstLine));
    const fileCtx = this.context(
      { ...windowFile, firstLine: 0, lines: firstParsed ? [firstParsed] : [] },
      window,
      [...earlier, ...windowNonBlank],
      lastNonBlank ?? null,
    );
    fileCtx.resumeLine = windowCtx.resumeLine;
    this.run(FILE_RULES, fileCtx);
    this.drain();

    if (this.pending.length === 0) return undefined;
    const firstSeen = new Map<string, number>();
    const streams = new Set<string>();
    for (const p of this.pending) {
      firstSeen.set(valueKey(p.stream, p.value), p.line);
      streams.add(p.stream);
    }
    this.secondPass = { firstSeen, streams, line: 0 };
    return { untilLine: this.pending.reduce((m, p) => Math.max(m, p.line), 0) };
  }

  /** The second pass (see end()): the same lines again, from the first, up to Recheck.untilLine. */
  recheckLine(raw: string): void {
    const pass = this.secondPass;
    if (!pass) return;
    const n = pass.line++;
    const facts = fastLineFacts(raw, n, this.profile, this.facts) ?? lineFacts(parseProgressLine(raw, n, 'position', this.profile), this.profile);
    const o = facts.accepted?.order;
    if (!o || !pass.streams.has(o.stream)) return;
    const key = valueKey(o.stream, o.value);
    const first = pass.firstSeen.get(key);
    if (first !== undefined && n < first) pass.firstSeen.set(key, n);
  }

  /** After end() (and the second pass, if end() asked for one): the remaining findings. */
  finish(): void {
    const pass = this.secondPass;
    for (const p of this.pending) {
      // Reported only when no earlier line logged the same value (PL012/PL013's own condition).
      const first = pass?.firstSeen.get(valueKey(p.stream, p.value));
      if (first === undefined || first >= p.line) this.out.push(...p.found);
    }
    this.pending = [];
    this.drain();
  }

  // -------------------------------------------------------------------------------------

  private context(file: ProgressFile, window: TailWindow, nonBlank: ProgressLine[], lastNonBlank: ProgressLine | null): ProgressRuleContext {
    return {
      file,
      path: this.options.path,
      name: this.name,
      profile: this.profile,
      config: this.options.config,
      task: this.task,
      setup: this.setup,
      window,
      prediction: this.options.prediction,
      facts: this.facts,
      nonBlank,
      lastNonBlank,
    };
  }

  private run(rules: readonly ProgressRule[], ctx: ProgressRuleContext): void {
    for (const rule of rules) {
      if (!rule.kinds.includes('position')) continue;
      if (rule.profiles && !rule.profiles.includes(this.profile)) continue;
      rule.check(ctx, reporterFor(rule, this.out));
    }
  }

  private drain(): void {
    const out = this.out;
    if (out.length === 0) return;
    this.out = [];
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
    for (const d of out) this.emit(d);
  }

  /** Runs the per-line rules on the chunk of fully parsed lines before the window. */
  private flushChunk(lastNonBlank: ProgressLine | null): void {
    if (this.chunk.length > 0) {
      const lines = this.chunk;
      this.chunk = [];
      const file: ProgressFile = { kind: 'position', version: this.options.version, profile: this.profile, firstLine: lines[0].line, lines, endsWithNewline: false };
      const nothingRead: TailWindow = { startLine: Number.MAX_SAFE_INTEGER, lineCount: 0, newlines: 0, complete: true };
      this.run(LINE_RULES, this.context(file, nothingRead, lines, lastNonBlank));
    }
    this.drain();
  }

  private reparse(k: Kept): ProgressLine {
    return parseProgressLine(k.raw, k.line, 'position', this.profile);
  }

  private msOf(time: string): number | undefined {
    if (time !== this.lastTimeText) {
      this.lastTimeText = time;
      this.lastTimeMs = this.quickMs(time) ?? utcMillis(time);
    }
    return this.lastTimeMs;
  }

  /**
   * utcMillis of `YYYY-MM-DD HH:MM:SS.ffffff` (every digit checked by the parser that found it):
   * Date.UTC adds hours, minutes, seconds and milliseconds to the day, so the day is computed
   * once and the rest added.
   */
  private quickMs(time: string): number | undefined {
    if (time.length !== 26 || time.charCodeAt(19) !== 0x2e || time.charCodeAt(10) !== 0x20) return undefined;
    if (this.dayText === undefined || time.slice(0, 10) !== this.dayText) {
      this.dayText = flat(time.slice(0, 10));
      this.dayMs = Date.UTC(+time.slice(0, 4), +time.slice(5, 7) - 1, +time.slice(8, 10));
    }
    const d = (at: number) => time.charCodeAt(at) - 0x30;
    return this.dayMs! + (d(11) * 10 + d(12)) * 3_600_000 + (d(14) * 10 + d(15)) * 60_000 + (d(17) * 10 + d(18)) * 1000 + d(20) * 100 + d(21) * 10 + d(22);
  }
  private dayText: string | undefined;
  private dayMs: number | undefined;

  /** Updates the whole-file state with one non-blank line, in file order. */
  private observe(f: LineFacts, raw: string, inWindow: boolean): void {
    // detectRuns: a silence of more than two checkpoint intervals, or time going back, starts a run.
    const ms = f.logTime !== undefined ? this.msOf(f.logTime) : undefined;
    const restart = !this.runStarted || (ms !== undefined && this.runPrevMs !== undefined && (ms - this.runPrevMs > this.gapMs || ms < this.runPrevMs));
    this.runStarted = true;
    if (ms !== undefined) this.runPrevMs = ms;
    if (restart) this.last = new Map();

    const a = f.accepted;
    if (!a) return;

    // PL011: the first change of source, MySQL server, binlog base, snapshot db_type, Redis id.
    this.track('family', a.family, f, raw);
    if (a.type === 'MysqlCdc') {
      if (a.serverId !== '') this.track('server', a.serverId!, f, raw);
      if (a.binlogBase !== undefined) this.track('base', a.binlogBase, f, raw);
    }
    if (a.type === 'RdbSnapshot' || a.type === 'RdbSnapshotFinished') this.track('db', a.dbType!, f, raw);
    if (a.type === 'Redis' && a.replId !== '' && !this.redisDone) {
      if (f.tag === 'start_aof_position') this.redisId = { line: f.line, raw, value: a.replId! };
      else {
        if (this.redisId !== undefined && a.replId !== this.redisId.value) {
          this.redisDone = true;
          this.out.push(...this.pair(sharedLogDirRules, this.redisId, { line: f.line, raw }, 'redis'));
        }
        if (!this.redisDone) this.redisId = { line: f.line, raw, value: a.replId! };
      }
    }

    // PL012/PL013: a step back within a run, unless the value was logged before.
    const o = a.order;
    if (o) {
      const key = a.slotKey ?? `${f.slot}|${o.stream}`;
      const prev = this.last.get(key);
      if (prev) this.stepCheck(prev, f, raw, o.stream, o.value);
      if (prev) {
        prev.line = f.line;
        prev.raw = raw;
        prev.a = a;
      } else this.last.set(flat(key), { line: f.line, raw, a });
      // A checkpoint line repeats an earlier current line's payload, and its facts share that
      // line's order object: the value is in the log already (adding it again changes no answer).
      if (o !== this.rememberedA && o !== this.rememberedB) {
        this.remember(o.stream, o.value);
        this.rememberedB = this.rememberedA;
        this.rememberedA = o;
      }
    }

    if (this.firstRedis === undefined && a.type === 'Redis') this.firstRedis = { line: f.line, raw: flat(raw) };
    if (inWindow) return;
    this.firstAcceptedPre ??= { line: f.line, raw: flat(raw) };
    if (a.type === 'RdbSnapshot') {
      const k = this.snapshotLastPre.get(a.looseKey);
      if (k) {
        k.line = f.line;
        k.raw = raw;
      } else this.snapshotLastPre.set(flat(a.looseKey), { line: f.line, raw });
    } else if (a.type !== 'RdbSnapshotFinished') {
      if (this.lastCdcPre) {
        this.lastCdcPre.line = f.line;
        this.lastCdcPre.raw = raw;
      } else this.lastCdcPre = { line: f.line, raw };
    }
    if (this.firstNonFittingPre === undefined && this.expected && a.family !== this.fits && !this.expected.includes(a.family)) this.firstNonFittingPre = { line: f.line, raw: flat(raw) };
    else this.fits = a.family;
  }

  private track(name: keyof ProgressStreamValidator['trackers'], value: string, f: LineFacts, raw: string): void {
    const t = this.trackers[name];
    if (t.done) return;
    if (!t.first) t.first = { line: f.line, raw: flat(raw), value: flat(value) };
    else if (value !== t.first.value) {
      t.done = true;
      this.out.push(...this.pair(sharedLogDirRules, t.first, { line: f.line, raw }, name));
    }
  }

  /**
   * Runs whole-file rules on just two lines (the first value and the line that differs, or the
   * previous and the current position) and keeps what they report about the second line.
   */
  private pair(rules: readonly ProgressRule[], first: Kept, second: Kept, tracker?: 'family' | 'server' | 'base' | 'db' | 'redis'): Diagnostic[] {
    // Without log times the two lines are one run, as they are in the file.
    const a = { ...this.reparse(first), logTime: undefined };
    const b = { ...this.reparse(second), logTime: undefined };
    const file: ProgressFile = { kind: 'position', version: this.options.version, profile: this.profile, firstLine: a.line, lines: [a, b], endsWithNewline: false };
    const nothingRead: TailWindow = { startLine: Number.MAX_SAFE_INTEGER, lineCount: 0, newlines: 0, complete: true };
    const found: Diagnostic[] = [];
    const ctx = this.context(file, nothingRead, [a, b], null);
    for (const rule of rules) {
      if (!rule.kinds.includes('position') || (rule.profiles && !rule.profiles.includes(this.profile))) continue;
      rule.check(ctx, reporterFor(rule, found));
    }
    return found.filter((d) => d.range.start.line === b.line && (!tracker || d.range.start.character === trackerNodeStart(b, tracker)));
  }

  private stepCheck(prev: Seen, f: LineFacts, raw: string, stream: string, value: bigint[]): void {
    const cur = f.accepted!;
    const before = prev.a.order!.value;
    let cmp = 0;
    for (let i = 0; i < value.length; i++) {
      if (value[i] !== before[i]) {
        cmp = value[i] < before[i] ? -1 : 1;
        break;
      }
    }
    let suspicious = cmp === -1;
    if (!suspicious && cur.type === 'MysqlCdc' && prev.a.gtidSet && cur.gtidSet && prev.a.gtidSet !== cur.gtidSet) {
      suspicious = !gtidGrows(prev.a.gtidSet, prev.a.gtidShape, cur.gtidSet, cur.gtidShape);
    }
    if (!suspicious) return;
    // The rules skip a value logged before (the resumed position logged again at a run's start).
    const logged = this.logged.has(this.streamId(stream), value);
    if (logged === 'yes') return;
    const found = this.pair(STEP_RULES, prev, { line: f.line, raw });
    if (found.length === 0) return;
    if (logged === 'no') this.out.push(...found);
    else this.pending.push({ line: f.line, stream: flat(stream), value, found });
  }

  private streamId(stream: string): number {
    let id = this.streamIds.get(stream);
    if (id === undefined) this.streamIds.set(flat(stream), (id = this.streamIds.size));
    return id;
  }

  private remember(stream: string, value: bigint[]): void {
    this.logged.add(this.streamId(stream), value);
  }
}

/**
 * Does GTID set `b` hold every transaction of `a` (or is either not a GTID set at all)? Two
 * simple sets of the same servers compare by their counts; a false "no" is harmless (the rule
 * itself then decides), a false "yes" is impossible.
 */
function gtidGrows(a: string, aShape: GtidShape | null | undefined, b: string, bShape: GtidShape | null | undefined): boolean {
  const x = aShape === undefined ? gtidShape(a) : aShape;
  const y = bShape === undefined ? gtidShape(b) : bShape;
  if (x && y && x.servers === y.servers) return x.counts.every((n, k) => n <= y.counts[k]);
  const p = parseGtidSet(a);
  const q = parseGtidSet(b);
  return !('set' in p && 'set' in q) || gtidSetContains(q.set, p.set);
}


function valueKey(stream: string, value: bigint[]): string {
  return `${stream}=${value.join('/')}`;
}

// Where each PL011 tracker points: the node whose value changed.
function trackerNodeStart(l: ProgressLine, tracker: string): number | undefined {
  const p = l.decoded?.position;
  if (!p) return undefined;
  const node = tracker === 'family' ? p.typeNode : tracker === 'server' ? p.nodes.server_id : tracker === 'base' ? p.nodes.binlog_filename : tracker === 'db' ? p.nodes.db_type : p.nodes.repl_id;
  return node?.start;
}

/** A copy of a string that does not keep a bigger string (the chunk it was cut from) alive. */
function flat(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

function flatFacts(a: AcceptedFacts): AcceptedFacts {
  const out: AcceptedFacts = { ...a, looseKey: flat(a.looseKey) };
  if (a.order) out.order = { stream: flat(a.order.stream), value: a.order.value };
  if (a.gtidSet !== undefined) out.gtidSet = flat(a.gtidSet);

  for (const k of ['serverId', 'binlogFilename', 'dbType', 'table', 'replId'] as const) if (a[k] !== undefined) out[k] = flat(a[k]!);
  return out;
}

/**
 * lintProgress's answer for a whole position.log text, computed the streaming way (for tests
 * and small inputs; big files go through io/streamProgressFile.ts).
 */
export function streamValidateText(text: string, options: StreamValidateOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const v = new ProgressStreamValidator(options, (d) => out.push(d));
  const lines = text.split('\n');
  for (const l of lines) v.line(l);
  const recheck = v.end();
  if (recheck) for (let i = 0; i < recheck.untilLine; i++) v.recheckLine(lines[i]);
  v.finish();
  return out;
}
