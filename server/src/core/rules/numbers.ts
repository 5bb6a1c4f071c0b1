import type { IniEntry } from '../ini/scanIni';
import type { TaskView } from '../schema/conditions';
import { parseRustF64, parseRustInt } from '../values/parseValue';
import { t } from '../i18n';
import type { ConfigRule, Report } from './rule';

// Numbers that parse fine but that ape-dts refuses (or crashes on) when the task loads or starts.

function zeroEntry(task: TaskView, section: string, key: string): IniEntry | undefined {
  const v = task.config.value(section, key);
  return v !== undefined && parseRustInt(v, 'u64') === 0n ? task.config.entry(section, key) : undefined;
}

function zeroRule(id: string, versions: ConfigRule['versions'], find: (task: TaskView) => { e: IniEntry; message: string }[]): ConfigRule {
  return {
    id,
    severity: 'error',
    versions,
    check(task, report: Report) {
      for (const { e, message } of find(task)) report(e.valueRange, message);
    },
  };
}

const extractorBatchSize = zeroRule('num.extractor.batch_size', { since: '2.0.26' }, (task) => {
  const e = zeroEntry(task, 'extractor', 'batch_size');
  return e ? [{ e, message: t('num.extractor.batch_size') }] : [];
});

const sinkerBatchSize = zeroRule('num.sinker.batch_size', { since: '2.0.26' }, (task) => {
  const e = task.derived('nonDummySinker') ? zeroEntry(task, 'sinker', 'batch_size') : undefined;
  return e ? [{ e, message: t('num.sinker.batch_size') }] : [];
});

// 2.0.26 divides the pipeline buffer by the snapshot parallel size while loading — for
// every extractor type — so a 0 there is a Rust panic, not a config error.
const snapshotParallelZero = zeroRule('num.snapshot-parallel-size-zero', { since: '2.0.26' }, (task) => {
  const own = task.config.value('extractor', 'parallel_size');
  const e = own !== undefined ? zeroEntry(task, 'extractor', 'parallel_size') : zeroEntry(task, 'runtime', 'tb_parallel_size');
  return e ? [{ e, message: t('num.snapshot-parallel-size-zero', { key: e.key, version: task.version }) }] : [];
});

const parallelizerZero = zeroRule('startup.parallel_size.zero', {}, (task) => {
  const e = zeroEntry(task, 'parallelizer', 'parallel_size');
  return e ? [{ e, message: t('startup.parallel_size.zero') }] : [];
});

const bufferSizeZero = zeroRule('lint.buffer_size.zero', {}, (task) => {
  const e = zeroEntry(task, 'pipeline', 'buffer_size');
  if (!e) return [];
  const derivesBatchSize = task.version === '2.0.26' && task.config.value('extractor', 'batch_size') === undefined;
  return [{ e, message: t(derivesBatchSize ? 'lint.buffer_size.zero.batch-size' : 'lint.buffer_size.zero.no-progress') }];
});

const maxConnectionsZero = zeroRule('startup.max_connections', { since: '2.0.25' }, (task) => {
  const found: { e: IniEntry; message: string }[] = [];
  const sections = task.derived('nonDummySinker') ? ['extractor', 'sinker'] : ['extractor'];
  for (const section of sections) {
    const e = zeroEntry(task, section, 'max_connections');
    if (e) found.push({ e, message: t('startup.max_connections', { section }) });
  }
  return found;
});

const connectionTimeoutZero = zeroRule('num.connection_timeout_secs', { since: '2.0.26' }, (task) => {
  const found: { e: IniEntry; message: string }[] = [];
  for (const section of task.derived('nonDummySinker') ? ['extractor', 'sinker'] : ['extractor']) {
    const e = zeroEntry(task, section, 'connection_timeout_secs');
    if (e) found.push({ e, message: t('num.connection_timeout_secs', { section }) });
  }
  return found;
});

const rebalanceLimits = zeroRule('num.rebalance', { since: '2.0.26' }, (task) => {
  if (task.eff('parallelizer.parallel_type') !== 'snapshot') return [];
  const found: { e: IniEntry; message: string }[] = [];
  for (const key of ['rebalance_min_partition_rows', 'rebalance_max_partitions_per_sinker']) {
    const e = zeroEntry(task, 'parallelizer', key);
    if (e) found.push({ e, message: t('num.rebalance', { key }) });
  }
  const ratio = task.config.value('parallelizer', 'rebalance_split_skew_ratio');
  const n = ratio === undefined ? undefined : parseRustF64(ratio);
  if (n !== undefined && n <= 0) {
    found.push({ e: task.config.entry('parallelizer', 'rebalance_split_skew_ratio')!, message: t('num.rebalance', { key: 'rebalance_split_skew_ratio' }) });
  }
  return found;
});

export const numberRules: readonly ConfigRule[] = [
  extractorBatchSize,
  sinkerBatchSize,
  snapshotParallelZero,
  parallelizerZero,
  bufferSizeZero,
  maxConnectionsZero,
  connectionTimeoutZero,
  rebalanceLimits,
];
