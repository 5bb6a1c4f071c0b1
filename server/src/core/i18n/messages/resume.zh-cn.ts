import type { resumeEn } from './resume.en';

// 简体中文: the same ids as resume.en.ts.
export const resumeZhCn: Record<keyof typeof resumeEn, string> = {
  // planResume.ts: refusals
  'resume.refuse.no-position': '{file} 中没有 ape-dts 会接受的位点。',
  'resume.refuse.not-position': '第 {line} 行不是 ape-dts 接受的位点（{why}），无法从这里断点续传。',
  'resume.refuse.not-position-line': '它不是位点行',
  'resume.refuse.PL008': 'PL008：第 {line} 行是 MySQL 的 current_position，它可能位于一个事务中间：从这里续传会只应用半个事务，或因缺少 table map 事件而失败。{offer}',
  'resume.refuse.PL008.no-checkpoint': '它之前没有检查点行。',
  'resume.refuse.PL008.checkpoint': '请改为从第 {line} 行的检查点续传。',
  'resume.refuse.snapshot-extractor': '全量进度没有对应的 [extractor] 键，只能通过断点续传文件携带。请使用 resume-file 策略。',
  'resume.refuse.PL029': 'ape-dts {version} 的 Redis extractor 从不读取断点续传文件（PL029）；请使用 extractor 策略。',
  'resume.refuse.snapshot-line': '第 {line} 行：{problem}',
  'resume.refuse.new-error': '这次修改会给任务配置引入错误：{errors}',
  'resume.refuse.unverified': '未应用该方案：应用后 ape-dts 仍不会从第 {line} 行开始（{why}）。',
  // planResume.ts: why the position does not fit the task (PL010)
  'resume.mismatch.none': 'None 位点不包含任何可续传的信息。',
  'resume.mismatch.finished': '这一行标记的是已完成的表，不是续传点。',
  'resume.mismatch.snapshot': '这是全量位点，但任务的 extract_type={extractType}。',
  'resume.mismatch.cdc': '这是 {variant} 位点，但任务的 [extractor] db_type 为 {dbType}；ape-dts 会忽略它。',
  'resume.mismatch.missing': '（缺失）',
  // planResume.ts: why the checked plan would not start where asked
  'resume.verify.other-file': '来自 {file} 的位点会优先生效',
  'resume.verify.elsewhere': '其他位置',
  'resume.verify.key': '{key} 会是 {value}',
  'resume.verify.table-not-from-file': '该表不会从写入的文件续传',
  'resume.verify.unusable': '写入的位点将无法使用',
  'resume.verify.resumes-from': '它会从 {source} 续传',
  'resume.verify.extractor-keys': '[extractor] 中的键',
  'resume.verify.other-line': '断点续传文件中的另一行会优先生效',
  // planResume.ts: warnings and notes
  'resume.warn.PL008': '第 {line} 行是 current_position：它可能位于一个事务中间。',
  'resume.warn.overwrite': '{file} 已存在，将被替换。',
  'resume.note.PL035': 'ape-dts 以其启动时所在的目录解析相对路径；本方案假定该目录就是任务配置所在的目录（PL035）。',
  // extractorStrategy.ts
  'resume.note.gtid_set': '同时设置了 gtid_set，因为 gtid_enabled=true 时 ape-dts 从 GTID 集合开始。',
  'resume.note.start_time_utc': '已清空 start_time_utc：否则它会把 binlog_filename 替换为包含该时间的文件（PL026）。',
  // neutraliseResumer.ts
  'resume.note.resume_from_log-off': '[resumer] resume_from_log=false：否则 position.log 中的最后一个检查点会优先于 [extractor] 中的键。',
  'resume.note.resume_config_file-removed': '已删除 [resumer] resume_config_file：该文件中的位点会优先于 [extractor] 中的键。',
  'resume.note.resume_type-dummy': '[resumer] resume_type=dummy（原为 {was}）：否则{why}会优先于 [extractor] 中的键。如果希望之后的重启自动断点续传，请在第一次成功启动后改回原值。',
  'resume.note.resume_type-dummy.log': '日志目录中的最后一个检查点',
  'resume.note.resume_type-dummy.table': '断点续传表中保存的位点',
  'resume.note.legacy-keys': '已删除旧版 [resumer] 键 {keys}：{why}。',
  'resume.note.legacy-keys.refused': 'ape-dts {version} 遇到这些键会拒绝启动',
  'resume.note.legacy-keys.followed': 'ape-dts {version} 可能按这些键而不是 resume_type 行事',
  // resumeFileStrategy.ts
  'resume.note.legacy-file': '[resumer] resume_config_file={file}：ape-dts {version} 从该文件读取位点。',
  'resume.note.legacy-file.resume_from_log': '[resumer] resume_from_log=false：否则在该文件之后读取的 position.log 会优先生效。第一次成功启动后请改回 true，以便之后的重启再次从日志断点续传。',
  'resume.note.config_file': '[resumer] resume_type=from_log，config_file={file}：ape-dts {version} 优先从该文件读取位点。',
  'resume.note.empty-log_dir': '[resumer] log_dir={dir}：一个没有 position.log 的目录，因为 {positionLog} 中的检查点会优先于该文件（log_dir 留空则表示使用 [runtime] log_dir）。第一次成功启动后请把 log_dir 改回日志目录。',
  // safetyChecks.ts
  'resume.warn.PL009': 'gtid_enabled=true，但该位点的 gtid_set 为空：ape-dts 会从最新的 GTID 集合（2.0.24）或从文件和偏移量开始，之后记录的 GTID 集合缺少更早的历史。续传前请核对 GTID 集合。',
  'resume.warn.PL038': '后面的行有更高的 LSN，ape-dts 很可能已经向复制槽确认过它们。PostgreSQL 无法回退复制槽：如果 start_lsn 早于复制槽的 confirmed_flush_lsn，ape-dts 会改为从 confirmed_flush_lsn 开始。',
  'resume.warn.PL025': 'recreate_slot_if_exists=true 会在启动时删除并重建复制槽，因此 start_lsn 会被忽略。',
  'resume.warn.PL015': '第 {line} 行位于 ape-dts 自行读取的 position.log 范围之前；本方案会显式写入该位点，所以仍会使用它。',
  'resume.warn.running': 'position.log 在 {seconds} 秒前刚写入，未超过两个检查点间隔：任务似乎仍在运行。修改续传位置前请先停止任务。',
  // snapshotShape.ts
  'resume.snapshot.composite-key': 'ape-dts {version} 无法按复合键续传表，会从头重新同步该表。',
  'resume.snapshot.no-order-value': '该位点没有 ape-dts {version} 可用的排序列值。',
  'resume.snapshot.not-json': '载荷不是 JSON。',
};
