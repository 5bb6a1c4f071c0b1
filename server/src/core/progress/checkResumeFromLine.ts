import { t } from '../i18n';
import type { Diagnostic } from '../diagnostic';
import { comparePositions } from './comparePositions';
import { describePosition } from './describePosition';
import { parseBinlogFilename } from './values/binlogFilename';
import { lineAt } from './parseProgressFile';
import { acceptedPosition, type ProgressFile } from './progressLine';

// Checks for "resume from this line" (a line the user picks, not the one ape-dts would pick):
// PL008 a MySQL (or Kafka) current line may sit inside a transaction; PL038 going back is
// only possible while the source still keeps that data.

export function checkResumeFromLine(file: ProgressFile, line: number): Diagnostic[] {
  const l = lineAt(file, line);
  const p = l && acceptedPosition(l);
  if (!l || !p) return [];
  const out: Diagnostic[] = [];
  const whole = { start: { line, character: 0 }, end: { line, character: l.text.length } };
  if (l.slot === 'current' && p.type === 'MysqlCdc') {
    const cp = file.lines.slice(0, line - file.firstLine).reverse().find((o) => o.slot === 'checkpoint' && acceptedPosition(o)?.type === 'MysqlCdc');
    out.push({
      range: whole,
      severity: 'warning',
      code: 'PL008',
      message: cp ? t('PL008.pick.checkpoint', { line: cp.line + 1 }) : t('PL008.pick.no-checkpoint'),
    });
  } else if (l.slot === 'current' && p.type === 'Kafka') {
    out.push({ range: whole, severity: 'information', code: 'PL008', message: t('PL008.pick.kafka') });
  }
  const later = file.lines.slice(line - file.firstLine + 1).reverse().find((o) => {
    const q = acceptedPosition(o);
    return q && comparePositions(p, q) === -1;
  });
  if (later) {
    out.push({ range: whole, severity: 'warning', code: 'PL038', message: t('PL038', { line: later.line + 1, later: describePosition(acceptedPosition(later)!), position: describePosition(p), retention: retention(p.type, String(p.values.binlog_filename ?? '')) }) });
  }
  return out;
}

function retention(type: string, binlog: string): string {
  switch (type) {
    case 'MysqlCdc':
      return parseBinlogFilename(binlog) ? t('PL038.retention.binlog', { binlog }) : t('PL038.retention.binlog-file');
    case 'PgCdc':
      return t('PL038.retention.pg');
    case 'MongoCdc':
      return t('PL038.retention.mongo');
    case 'Redis':
      return t('PL038.retention.redis');
    case 'Kafka':
      return t('PL038.retention.kafka');
    default:
      return t('PL038.retention.rows');
  }
}
