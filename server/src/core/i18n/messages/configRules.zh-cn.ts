import type { configRulesEn } from './configRules.en';

// 简体中文: the same ids as configRules.en.ts.
export const configRulesZhCn: Record<keyof typeof configRulesEn, string> = {
  // numbers.ts
  'num.extractor.batch_size': '从 2.0.26 起，[extractor] batch_size=0 在加载配置时即被拒绝（文档说 0 会退回到 buffer_size，但代码并不接受）。删除这一行以使用默认值，或填写一个正数。',
  'num.sinker.batch_size': '从 2.0.26 起，[sinker] batch_size 必须大于 0，否则 ape-dts 在加载配置时就会停止。串行写入请用 1。',
  'num.snapshot-parallel-size-zero': '{key}=0 会让 ape-dts {version} 在加载配置时除以零，任务未启动就崩溃。请填 1 或更大的值。',
  'startup.parallel_size.zero': '[parallelizer] parallel_size=0 能通过加载，但任务在分发第一批数据时就会失败。请填 1 或更大的值。',
  'lint.buffer_size.zero.batch-size': '[pipeline] buffer_size=0：ape-dts 2.0.26 由它推导 [extractor] batch_size，并在加载时停止（"[extractor].batch_size must be greater than 0"）。请填一个正数（默认 16000）。',
  'lint.buffer_size.zero.no-progress': '[pipeline] buffer_size=0：管道中容纳不了任何事件，任务无法推进。请填一个正数（默认 16000）。',
  'startup.max_connections': '[{section}] max_connections 至少为 1，否则 ape-dts 在连接数据库之前就会报配置错误并停止。',
  'num.connection_timeout_secs': '[{section}] connection_timeout_secs 必须大于 0，否则 ape-dts 在加载配置时就会停止。',
  'num.rebalance': '在 parallel_type=snapshot 时，{key} 必须大于 0，否则 ape-dts 在加载配置时就会停止。',
};
