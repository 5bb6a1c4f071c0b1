import { describe, expect, it } from 'vitest';
import { t, withLocale } from '../../../server/src/core/i18n';
import { planResume, type PlanOutcome, type PlanResumeInput } from '../../../server/src/core/resume/planResume';

// Issue 9: the planner's refusals, notes and warnings come out in the current language, with
// ape-dts's own words (keys, tags, file names) kept as written; English stays as it was.

const CONFIG = `[extractor]
db_type=mysql
extract_type=cdc
binlog_position=73351
binlog_filename=mysql-bin.000004
server_id=2000
gtid_enabled=true
url=mysql://root:123456@127.0.0.1:3307

[sinker]
db_type=mysql
sink_type=write
url=mysql://root:123456@127.0.0.1:3308

[runtime]
log_dir=./logs

[resumer]
resume_type=from_log
`;
const CURRENT = '2024-10-18 05:21:45.207690 | current_position | {"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":73600,"gtid_set":"","timestamp":"2024-10-18 05:21:44.000"}';
const CHECKPOINT = '2024-10-18 05:21:45.207788 | checkpoint_position | {"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":73685,"gtid_set":"","timestamp":"2024-10-18 05:21:44.000"}';
const LOG = [CHECKPOINT, CURRENT, CHECKPOINT, ''].join('\n');
const CJK = /[\u4e00-\u9fff]/;

const run = (over: Partial<PlanResumeInput>): PlanOutcome =>
  planResume({
    version: '2.0.26',
    config: { path: '/task/task_config.ini', text: CONFIG },
    log: { path: '/task/logs/position.log', text: LOG },
    line: 2,
    facts: { logModifiedMs: 0, nowMs: 5_000 },
    ...over,
  });

function texts(outcome: PlanOutcome): string[] {
  return outcome.ok ? [...outcome.plan.notes, ...outcome.plan.warnings.map((w) => w.message)] : [outcome.reason, ...outcome.warnings.map((w) => w.message)];
}

describe('the planner in Chinese', () => {
  it('writes every note and warning of an extractor plan in Chinese, keeping the key names', () => {
    const outcome = withLocale('zh-cn', () => run({ strategy: 'extractor' }));
    expect(outcome.ok).toBe(true);
    const all = texts(outcome);
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const text of all) expect(text, text).toMatch(CJK);
    expect(all).toContain(t('resume.note.gtid_set', undefined, 'zh-cn'));
    expect(all).toContain(t('resume.note.resume_type-dummy', { was: 'from_log', why: t('resume.note.resume_type-dummy.log', undefined, 'zh-cn') }, 'zh-cn'));
    expect(all.join('\n')).toContain('gtid_set');
    expect(all.join('\n')).toContain('resume_type=dummy');
  });

  it('writes the notes of a resume-file plan in Chinese', () => {
    const outcome = withLocale('zh-cn', () => run({ strategy: 'resume-file', facts: { exists: () => true } }));
    if (!outcome.ok) throw new Error(outcome.reason);
    // Notes only: the warnings here include the resume simulator's (the progress domain's).
    const all = outcome.plan.notes;
    for (const text of all) expect(text, text).toMatch(CJK);
    expect(all).toContain('[resumer] log_dir=./resume_from_file：一个没有 position.log 的目录，因为 logs/position.log 中的检查点会优先于该文件（log_dir 留空则表示使用 [runtime] log_dir）。第一次成功启动后请把 log_dir 改回日志目录。');
  });

  it('refuses in Chinese', () => {
    const current = withLocale('zh-cn', () => run({ line: 1 }));
    expect(current.ok || current.reason).toBe('PL008：第 2 行是 MySQL 的 current_position，它可能位于一个事务中间：从这里续传会只应用半个事务，或因缺少 table map 事件而失败。请改为从第 1 行的检查点续传。');
    const notPosition = withLocale('zh-cn', () => run({ line: 3 }));
    expect(notPosition.ok || notPosition.reason).toBe('第 4 行不是 ape-dts 接受的位点（它不是位点行），无法从这里断点续传。');
    const wrongTask = withLocale('zh-cn', () => run({ config: { path: '/task/task_config.ini', text: CONFIG.replace('db_type=mysql\nextract_type=cdc', 'db_type=pg\nextract_type=cdc') } }));
    expect(wrongTask.ok || wrongTask.reason).toBe('PL010: 这是 MysqlCdc 位点，但任务的 [extractor] db_type 为 pg；ape-dts 会忽略它。');
  });
});

describe('the planner in English', () => {
  it('keeps its texts as they were', () => {
    const outcome = run({ strategy: 'extractor' });
    const all = texts(outcome);
    expect(all).toContain('[resumer] resume_type=dummy (was from_log): otherwise the last checkpoint in the log folder would win over the [extractor] keys. Set it back after the first successful start if you want later restarts to resume automatically.');
    expect(all).toContain('position.log was written 5 s ago, within two checkpoint intervals: the task looks still running. Stop it before you change where it resumes.');
    for (const text of all) expect(text, text).not.toMatch(CJK);
    const refused = run({ line: 3 });
    expect(refused.ok || refused.reason).toBe('Line 4 is not a position ape-dts accepts (it is not a position line), so it cannot be resumed from.');
  });
});
