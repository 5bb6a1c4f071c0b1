import { range } from '../diagnostic';
import { t } from '../i18n';
import type { TaskView } from '../schema/conditions';
import { parseRustInt } from '../values/parseValue';
import type { ConfigRule, Report } from './rule';

// 2.0.26 reworked data checking: which checker runs is decided by sink_type=check, a bare
// [checker] header on snapshot→write, or [checker_cdc] is_enabled=true on cdc→write.

const CHECK_TARGETS: Record<string, string[]> = {
  'struct/check': ['mysql', 'pg'],
  'snapshot/check': ['mysql', 'pg', 'mongo'],
  'check_log/check': ['mysql', 'pg', 'mongo'],
  'snapshot/write': ['mysql', 'pg', 'mongo'],
  'cdc/write': ['mysql', 'pg'],
};

function sectionAnchor(task: TaskView, section: string) {
  return task.config.headers(section)[0]?.range ?? range(0, 0, 0);
}

function checkerRule(id: string, check: (task: TaskView, report: Report) => void): ConfigRule {
  return { id, severity: 'error', versions: { since: '2.0.26' }, check };
}

const cdcRequiresCdcWrite = checkerRule('checker.cdc-requires-cdc-write', (task, report) => {
  if (!task.derived('cdcCheckEnabled')) return;
  if (task.eff('extractor.extract_type') === 'cdc' && task.eff('sinker.sink_type') === 'write') return;
  const e = task.config.entry('checker_cdc', 'is_enabled')!;
  report(e.lineRange, t('checker.cdc-requires-cdc-write'));
});

const targetUrl = checkerRule('checker.target-url', (task, report) => {
  if (!task.derived('checkerActive') || task.config.value('sinker', 'url')) return;
  report(task.config.entry('sinker', 'url')?.lineRange ?? sectionAnchor(task, 'sinker'), t('checker.target-url'));
});

const unsupported = checkerRule('checker.unsupported', (task, report) => {
  if (!task.derived('checkerActive')) return;
  const pair = `${task.eff('extractor.extract_type')}/${task.eff('sinker.sink_type')}`;
  const target = task.eff('sinker.db_type') ?? '';
  const targets = CHECK_TARGETS[pair];
  if (targets?.includes(target) || /^\{.*\}$/.test(target)) return;
  const anchor = task.config.hasSection('checker') ? sectionAnchor(task, 'checker') : task.config.entry('sinker', 'sink_type')?.lineRange ?? sectionAnchor(task, 'sinker');
  report(anchor, targets ? t('checker.unsupported.targets', { pair, target, targets: targets.join(', ') }) : t('checker.unsupported.none', { pair, target }));
});

const recheckQueue = checkerRule('checker.recheck-queue', (task, report) => {
  if (!task.derived('checkerActive')) return;
  for (const key of ['recheck_queue_size', 'recheck_queue_memory_mb']) {
    const v = task.config.value('checker', key);
    if (v === undefined || parseRustInt(v, 'usize') !== 0n) continue;
    report(task.config.entry('checker', key)!.valueRange, t('checker.recheck-queue', { key }));
  }
});

const samplePercent = checkerRule('checker.sample_percent', (task, report) => {
  if (!task.derived('checkerActive')) return;
  const v = task.config.value('checker', 'sample_percent');
  if (v === undefined) return;
  const n = parseRustInt(v, 'usize');
  if (n !== undefined && n >= 1n && n <= 100n) return;
  report(task.config.entry('checker', 'sample_percent')!.valueRange, t('checker.sample_percent'));
});

const cdcRdbMerge = checkerRule('checker.cdc-rdb-merge', (task, report) => {
  if (!task.derived('cdcCheckEnabled') || !task.derived('checkerActive')) return;
  if (task.eff('extractor.extract_type') !== 'cdc' || task.eff('parallelizer.parallel_type') === 'rdb_merge') return;
  const e = task.config.entry('parallelizer', 'parallel_type');
  report(e?.valueRange ?? sectionAnchor(task, 'checker_cdc'), t('checker.cdc-rdb-merge'));
});

const ignoredOnCdc: ConfigRule = {
  id: 'lint.checker.ignored-on-cdc',
  severity: 'warning',
  versions: { since: '2.0.26' },
  check(task, report) {
    if (!task.config.hasSection('checker') || task.eff('extractor.extract_type') !== 'cdc' || task.derived('cdcCheckEnabled')) return;
    report(sectionAnchor(task, 'checker'), t('lint.checker.ignored-on-cdc'));
  },
};

export const checkerRules: readonly ConfigRule[] = [
  cdcRequiresCdcWrite,
  targetUrl,
  unsupported,
  recheckQueue,
  samplePercent,
  cdcRdbMerge,
  ignoredOnCdc,
];
