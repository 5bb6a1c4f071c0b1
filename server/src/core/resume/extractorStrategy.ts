import type { DecodedPosition } from '../progress/decodePosition';
import type { TaskConfig } from '../model/taskConfig';
import { taskView } from '../schema/conditions';
import { PROFILE_OF, type ApeVersion } from '../schema/types';
import { neutraliseResumer, type PlannedChanges } from './neutraliseResumer';
import { t } from '../i18n';

// "Start from this position" written as the [extractor] keys a user would set by hand
// (position-log spec §3.1, "manual equivalent"), plus switching off the resumer.

function text(p: DecodedPosition, field: string): string {
  const v = p.values[field];
  return v === null || v === undefined || typeof v === 'object' ? '' : String(v);
}

export function extractorChanges(config: TaskConfig, version: ApeVersion, p: DecodedPosition): PlannedChanges {
  const task = taskView(config, version);
  const out: PlannedChanges = { changes: [], notes: [] };
  const set = (key: string, value: string, why?: string) => {
    out.changes.push({ section: 'extractor', key, value });
    if (why) out.notes.push(why);
  };
  switch (p.type) {
    case 'MysqlCdc': {
      set('binlog_filename', text(p, 'binlog_filename'));
      set('binlog_position', text(p, 'next_event_position'));
      if (task.eff('extractor.gtid_enabled') === 'true') set('gtid_set', text(p, 'gtid_set'), t('resume.note.gtid_set'));
      // start_time_utc recomputes binlog_filename from a time and keeps binlog_position (PL026).
      if (task.config.value('extractor', 'start_time_utc')) set('start_time_utc', '', t('resume.note.start_time_utc'));
      break;
    }
    case 'PgCdc':
      set('start_lsn', text(p, 'lsn'));
      break;
    case 'MongoCdc': {
      const source = task.eff('extractor.source') ?? 'change_stream';
      // 2.0.24/25 treat anything but exactly op_log as change_stream; 2.0.26 compares case-insensitively.
      const opLog = PROFILE_OF[version] === 'current' ? source.toLowerCase() === 'op_log' : source === 'op_log';
      const token = text(p, 'resume_token');
      if (!opLog && token) set('resume_token', token);
      set('start_timestamp', text(p, 'operation_time'));
      break;
    }
    case 'Redis':
      set('repl_id', text(p, 'repl_id'));
      set('repl_offset', text(p, 'repl_offset'));
      set('repl_port', text(p, 'repl_port'));
      set('now_db_id', text(p, 'now_db_id'));
      break;
    case 'Kafka':
      set('offset', text(p, 'offset'));
      break;
    default:
      return out;
  }
  const neutral = neutraliseResumer(config, version);
  out.changes.push(...neutral.changes);
  out.notes.push(...neutral.notes);
  return out;
}
