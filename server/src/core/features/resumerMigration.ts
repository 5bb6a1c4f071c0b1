import type { IniEntry } from '../ini/scanIni';
import type { LintResult } from '../lintConfig';
import type { TaskConfig } from '../model/taskConfig';
import { LEGACY_RESUMER_KEYS } from '../rules/resumer';
import { deleteLine, inCaseOf, insertLineAbove } from '../edits/lineEdits';
import type { TextEdit } from '../edits/textEdit';
import { t } from '../i18n';

// Rewrites the legacy [resumer] keys (≤ 2.0.24) as the keys 2.0.25+ reads, keeping what the
// task did on 2.0.24:
//   resume_from_log=true      → resume_type=from_log
//   resume_log_dir=<dir>      → log_dir=<dir>      (both default to [runtime] log_dir)
//   resume_config_file=<file> → config_file=<file>
// 2.0.24 reads resume_log_dir only with resume_from_log=true, so without it the line did
// nothing and is commented out rather than turned into a key 2.0.26 would read (likewise an
// empty resume_config_file when nothing resumes). 2.0.26 reads
// config_file only with resume_type=from_log, which also reads position.log from log_dir:
// a resume_config_file without resume_from_log=true therefore cannot be kept exactly.
// 2.0.24 itself has no resume_type, so there is no migration for it (the hint is informational).

export interface Migration {
  title: string;
  edits: TextEdit[];
  /** The task behaves exactly as before on the target version. */
  exact: boolean;
}

const NEW_KEYS = ['resume_type', 'log_dir', 'config_file'];

function legacyLines(config: TaskConfig): IniEntry[] {
  return config.scan.entries.filter(
    (e) => e.section === 'resumer' && e.delimiter !== undefined && (LEGACY_RESUMER_KEYS as readonly string[]).includes(e.key),
  );
}

export function migrateResumer(result: LintResult): Migration | undefined {
  const { config, version } = result;
  if (version === '2.0.24') return undefined;
  const all = legacyLines(config);
  if (all.length === 0) return undefined;
  const scan = config.scan;

  // A file that already has the new keys: the legacy ones only get in the way.
  if (NEW_KEYS.some((k) => config.present('resumer', k))) {
    return {
      title: t('fix.resumer.remove-legacy'),
      edits: all.map((e) => deleteLine(scan, e.line)),
      exact: false,
    };
  }

  // A legacy key set twice: the loader kept the last line, so the earlier ones go (the same
  // edit as the duplicate-key fix, so fix-all can take both) and only the last is migrated.
  const lines = all.filter((e) => config.entry('resumer', e.key) === e);
  const overwritten = all.filter((e) => config.entry('resumer', e.key) !== e);

  const fromLog = config.value('resumer', 'resume_from_log') === 'true';
  const configFile = config.value('resumer', 'resume_config_file');
  const needFromLog = fromLog || configFile !== undefined;
  const resumeType = needFromLog ? 'from_log' : 'dummy';
  const edits: TextEdit[] = overwritten.map((e) => deleteLine(scan, e.line));
  const flagLines = lines.filter((e) => e.key === 'resume_from_log');
  const first = lines[0];
  let resumeTypeLine: TextEdit | undefined;
  if (flagLines.length === 0 && needFromLog && first) {
    const indent = scan.lines[first.line].slice(0, first.lineRange.start.character);
    resumeTypeLine = insertLineAbove(scan, first.line, `${indent}${inCaseOf(first.rawKey, 'resume_type')}=from_log`);
  }
  for (const e of lines) {
    if (e.key === 'resume_from_log') {
      edits.push({ range: e.keyRange, newText: inCaseOf(e.rawKey, 'resume_type') });
      edits.push({ range: e.valueRange, newText: resumeType });
    } else if ((e.key === 'resume_log_dir' && !fromLog) || !needFromLog) {
      // A line that had no effect stays as a comment, so nothing new is read.
      edits.push({ range: { start: e.lineRange.start, end: e.lineRange.start }, newText: '# ' });
    } else {
      const renamed = e.key === 'resume_log_dir' ? 'log_dir' : 'config_file';
      edits.push({ range: e.keyRange, newText: inCaseOf(e.rawKey, renamed) });
    }
  }
  if (resumeTypeLine) addInsertion(edits, resumeTypeLine);
  const exact = fromLog || configFile === undefined;
  const note = exact ? '' : t('fix.resumer.migrate.inexact');
  const keys = needFromLog ? ', log_dir, config_file' : '';
  return { title: t('fix.resumer.migrate', { resumeType, keys, note }), edits, exact };
}

/**
 * Adds an insertion to `edits`, joined to an edit that starts at the same place: two edits at
 * one position overlap, and editors may apply them in either order (an unindented key renamed
 * on the line the new line goes above; found by features.property.test.ts).
 */
function addInsertion(edits: TextEdit[], insertion: TextEdit): void {
  const at = insertion.range.start;
  const i = edits.findIndex((e) => e.range.start.line === at.line && e.range.start.character === at.character);
  if (i < 0) edits.push(insertion);
  else edits[i] = { range: edits[i].range, newText: insertion.newText + edits[i].newText };
}
